//! The ECB euro reference-rate history: units of each currency per euro by business day, and
//! cross rates between any two currencies it publishes.

use std::str::FromStr;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use super::ECB;
use crate::document::Date;
use crate::table::TableError;

/// ECB euro reference rates: units of each currency per 1 EUR, by business day.
#[derive(Debug, Default)]
pub struct RateTable {
    /// Currency codes, in column order.
    pub currencies: Vec<String>,
    /// (date, rates per column), oldest first.
    pub days: Vec<(Date, Vec<Option<Decimal>>)>,
}

/// A cross rate used for a conversion, for reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RateUsed {
    /// Units of `to` per one unit of `from`.
    pub rate: Decimal,
    /// The ECB business day the rate is from.
    #[serde(serialize_with = "date_str")]
    pub date: Date,
    /// The currency converted from.
    pub from: String,
    /// The currency converted to.
    pub to: String,
    /// Set when the ECB quotes one of the currencies on no day near the date and the World
    /// Bank's annual average rates were used instead: which rates ("World Bank official exchange
    /// rate, annual average, Nigeria 2023"). `None`: the ECB reference rate of `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual: Option<String>,
}

impl RateUsed {
    /// Where the rate comes from, for a report.
    pub fn source(&self) -> String {
        match &self.annual {
            Some(note) => note.clone(),
            None => format!("ECB reference rate, {}", self.date),
        }
    }
}

impl RateTable {
    /// Parses the ECB's wide CSV (`Date,USD,JPY,…,` with `N/A` cells).
    pub fn parse(file: &str, data: &str, problems: &mut Vec<TableError>) -> RateTable {
        let mut t = RateTable::default();
        let mut lines = data.lines();
        let Some(header) = lines.next() else {
            problems.push(TableError {
                file: file.into(),
                line: 1,
                column: 1,
                message: "empty rate table".into(),
            });
            return t;
        };
        let cols: Vec<&str> = header.trim_end().trim_end_matches(',').split(',').collect();
        if cols.first().map(|c| c.trim()) != Some("Date") {
            problems.push(TableError {
                file: file.into(),
                line: 1,
                column: 1,
                message: "the first column must be 'Date'".into(),
            });
            return t;
        }
        t.currencies = cols[1..].iter().map(|c| c.trim().to_string()).collect();
        for (n, line) in lines.enumerate() {
            let line_no = n as u64 + 2;
            let line = line.trim_end().trim_end_matches(',');
            if line.is_empty() {
                continue;
            }
            let mut cells = line.split(',');
            let date_s = cells.next().unwrap_or("");
            let Some(date) = Date::parse(date_s) else {
                problems.push(TableError {
                    file: file.into(),
                    line: line_no,
                    column: 1,
                    message: format!("bad date '{date_s}'"),
                });
                continue;
            };
            let mut rates = Vec::with_capacity(t.currencies.len());
            let mut col = date_s.len() + 2;
            for (k, cell) in cells.enumerate() {
                let cell = cell.trim();
                if k >= t.currencies.len() {
                    problems.push(TableError {
                        file: file.into(),
                        line: line_no,
                        column: col,
                        message: "more cells than currencies in the header".into(),
                    });
                    break;
                }
                if cell == "N/A" || cell.is_empty() {
                    rates.push(None);
                } else {
                    match Decimal::from_str(cell) {
                        Ok(r) if r > Decimal::ZERO => rates.push(Some(r)),
                        _ => {
                            problems.push(TableError {
                                file: file.into(),
                                line: line_no,
                                column: col,
                                message: format!("bad rate '{cell}' for {}", t.currencies[k]),
                            });
                            rates.push(None);
                        }
                    }
                }
                col += cell.len() + 1;
            }
            rates.resize(t.currencies.len(), None);
            t.days.push((date, rates));
        }
        t.days.sort_by_key(|d| d.0);
        t
    }

    /// Units of `code` per EUR on the last business day at or before `date` (within 10 days).
    pub fn per_eur(&self, code: &str, date: Date) -> Result<(Decimal, Date), RateError> {
        if code == "EUR" {
            return Ok((Decimal::ONE, date));
        }
        let Some(col) = self.currencies.iter().position(|c| c == code) else {
            return Err(RateError::NotPublished { code: code.into() });
        };
        let i = self.days.partition_point(|d| d.0 <= date);
        if i == 0 {
            return Err(RateError::BeforeHistory {
                date,
                first: self.days.first().map(|d| d.0),
            });
        }
        for k in (0..i).rev() {
            let (d, rates) = &self.days[k];
            if date.days() - d.days() > 10 {
                break;
            }
            if let Some(r) = rates[col] {
                return Ok((r, *d));
            }
        }
        if let Some((last, rates)) = self.days.last()
            && date > *last
            && rates[col].is_some()
        {
            return Err(RateError::AfterHistory { date, last: *last });
        }
        Err(RateError::NoRateNear {
            code: code.into(),
            date,
        })
    }

    /// Units of `to` per unit of `from` at `date` (ECB cross rate).
    pub fn cross(&self, from: &str, to: &str, date: Date) -> Result<RateUsed, RateError> {
        let (rf, df) = self.per_eur(from, date)?;
        let (rt, dt) = self.per_eur(to, date)?;
        Ok(RateUsed {
            rate: rt / rf,
            date: if from == "EUR" { dt } else { df },
            from: from.into(),
            to: to.into(),
            annual: None,
        })
    }
}

/// Why there is no exchange rate for a conversion.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateError {
    /// The ECB publishes no reference rate for the currency.
    NotPublished {
        /// The currency code.
        code: String,
    },
    /// The date is before the first day of the rate history.
    BeforeHistory {
        /// The date asked for.
        #[serde(serialize_with = "date_str")]
        date: Date,
        /// The first day of the history, if it has any.
        #[serde(serialize_with = "opt_date_str")]
        first: Option<Date>,
    },
    /// The date is after the last day of the rate history.
    AfterHistory {
        /// The date asked for.
        #[serde(serialize_with = "date_str")]
        date: Date,
        /// The last day of the history.
        #[serde(serialize_with = "date_str")]
        last: Date,
    },
    /// No rate for the currency on the date or in the ten days before it.
    NoRateNear {
        /// The currency code.
        code: String,
        /// The date asked for.
        #[serde(serialize_with = "date_str")]
        date: Date,
    },
}

fn date_str<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn opt_date_str<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// The exchange-rate table, parsed when first needed (the shipped history is 1.9 MB, and most
/// articles convert nothing); a table given with `--reference` is parsed and checked at once.
#[derive(Debug, Default)]
pub struct Rates {
    table: OnceLock<RateTable>,
    /// The shipped file, parsed on first use (it is validated by `reference validate` and the tests).
    embedded: Option<(&'static str, &'static str)>,
}

impl Rates {
    /// The shipped ECB history, parsed lazily.
    pub fn embedded() -> Rates {
        Rates {
            table: OnceLock::new(),
            embedded: Some(ECB),
        }
    }

    /// A table already parsed.
    pub(crate) fn parsed(table: RateTable) -> Rates {
        let cell = OnceLock::new();
        let _ = cell.set(table);
        Rates {
            table: cell,
            embedded: None,
        }
    }

    /// The table (parsing the shipped file on first use).
    pub fn table(&self) -> &RateTable {
        self.table.get_or_init(|| match self.embedded {
            Some((name, data)) => RateTable::parse(name, data, &mut Vec::new()),
            None => RateTable::default(),
        })
    }

    /// Units of `to` per unit of `from` at `date` (ECB cross rate).
    pub fn cross(&self, from: &str, to: &str, date: Date) -> Result<RateUsed, RateError> {
        self.table().cross(from, to, date)
    }
}
