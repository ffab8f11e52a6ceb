//! Annual exchange rates for every currency, from the World Bank's official rate (local currency
//! units per US dollar, period average) and the currency each country's figures are in, year by
//! year (`reference/gazetteer/currency_history.csv`): the euro from a country's adoption, old
//! currencies before a redenomination. For conversions the ECB does not quote.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::files::{Files, for_rows, problem, year_field};
use super::gazetteer::Gazetteer;
use crate::table::TableError as Problem;

/// The measure holding the rates.
pub const EXCHANGE_RATE_MEASURE: &str = "exchange_rate";

/// One row of the currency history.
#[derive(Debug, Clone)]
pub struct CurrencyPeriod {
    /// The country (or `EMU` for the euro area).
    pub iso3: String,
    /// ISO 4217 code.
    pub currency: String,
    /// First year covered (`None`: from the start).
    pub from_year: Option<i32>,
    /// Last year covered (`None`: to date).
    pub to_year: Option<i32>,
    /// Units of `currency` per unit of the table's value for those years.
    pub units_per_lcu: Decimal,
    /// What to say about it.
    pub note: String,
}

impl CurrencyPeriod {
    fn covers(&self, year: i32) -> bool {
        self.from_year.is_none_or(|f| year >= f) && self.to_year.is_none_or(|t| year <= t)
    }
}

/// The currency of each country's exchange-rate figures, by year.
#[derive(Debug, Clone, Default)]
pub struct CurrencyHistory {
    periods: Vec<CurrencyPeriod>,
}

/// An annual average exchange rate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AnnualRate {
    /// ISO 4217 code of the currency.
    pub currency: String,
    /// Units of the currency per US dollar, annual average.
    pub per_usd: Decimal,
    /// The year of the average.
    pub year: i32,
    /// The country (or aggregate) whose series gave it.
    pub entity: String,
    /// Which rate this is, for a report ("World Bank official rate, annual average, Nigeria
    /// 2019").
    pub note: String,
}

impl CurrencyHistory {
    /// Reads `gazetteer/currency_history.csv`.
    pub fn load(files: &Files, problems: &mut Vec<Problem>) -> CurrencyHistory {
        let rel = "gazetteer/currency_history.csv";
        if !files.contains(rel) {
            return CurrencyHistory::default();
        }
        let file = files.display(rel);
        let text = match files.text(rel) {
            Ok(t) => t,
            Err(p) => {
                problems.push(p);
                return CurrencyHistory::default();
            }
        };
        let mut periods = Vec::new();
        for_rows(&file, &text, problems, |row, problems| {
            let before = problems.len();
            let currency = row.get("currency");
            if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
                problems.push(problem(
                    &file,
                    row.line,
                    row.column("currency"),
                    format!("bad currency code '{currency}'"),
                ));
            }
            let from_year = year_field(row, "from_year", &file, problems);
            let to_year = year_field(row, "to_year", &file, problems);
            let units = Decimal::from_str(row.get("units_per_lcu"))
                .ok()
                .filter(|d| d.is_sign_positive() && !d.is_zero());
            if units.is_none() {
                problems.push(problem(
                    &file,
                    row.line,
                    row.column("units_per_lcu"),
                    format!("bad units_per_lcu '{}'", row.get("units_per_lcu")),
                ));
            }
            if let (Some(f), Some(t)) = (from_year, to_year)
                && f > t
            {
                problems.push(problem(
                    &file,
                    row.line,
                    row.column("from_year"),
                    "from_year after to_year",
                ));
            }
            if problems.len() > before {
                return;
            }
            periods.push(CurrencyPeriod {
                iso3: row.get("iso3").to_string(),
                currency: currency.to_string(),
                from_year,
                to_year,
                units_per_lcu: units.unwrap_or(Decimal::ONE),
                note: row.get("note").to_string(),
            });
        });
        CurrencyHistory { periods }
    }

    /// Every row.
    pub fn periods(&self) -> &[CurrencyPeriod] {
        &self.periods
    }

    /// The currency a country's exchange-rate figure for `year` is in, with the units of it per
    /// unit of the figure (1 unless an old currency is asked for).
    pub fn currency_of(&self, gaz: &Gazetteer, iso3: &str, year: i32) -> Option<(String, Decimal)> {
        let own: Vec<&CurrencyPeriod> = self.periods.iter().filter(|p| p.iso3 == iso3).collect();
        if own.is_empty() {
            let c = gaz.country(iso3)?;
            return (!c.currency.is_empty()).then(|| (c.currency.clone(), Decimal::ONE));
        }
        own.into_iter()
            .find(|p| p.covers(year) && p.units_per_lcu == Decimal::ONE)
            .map(|p| (p.currency.clone(), Decimal::ONE))
    }

    /// The places whose exchange-rate series can give `currency` in `year`, in order of
    /// preference: rows of the history first (the euro area for the euro), then countries whose
    /// only currency it is. Each with the units of `currency` per unit of the table's value and
    /// the note.
    pub fn candidates(
        &self,
        gaz: &Gazetteer,
        currency: &str,
        year: i32,
    ) -> Vec<(String, Decimal, String)> {
        let mut out: Vec<(String, Decimal, String)> = Vec::new();
        for p in &self.periods {
            if p.currency == currency && p.covers(year) {
                out.push((p.iso3.clone(), p.units_per_lcu, p.note.clone()));
            }
        }
        for c in gaz.countries() {
            let in_history = self.periods.iter().any(|p| p.iso3 == c.iso3);
            if c.currency == currency && !in_history && !out.iter().any(|o| o.0 == c.iso3) {
                out.push((c.iso3.clone(), Decimal::ONE, String::new()));
            }
        }
        out
    }
}
