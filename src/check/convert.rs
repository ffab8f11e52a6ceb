//! Unit and currency conversion for checks: units by the factors of the units table, currencies
//! at the ECB reference rate of a date or, for a currency the ECB does not quote, at the World
//! Bank's annual average rates of the date's year.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::document::Date;
use crate::lexicon::{Lexicon, UnitId, UnitKind};
use crate::reference::{RateError, RateUsed, ReferenceSet};

/// Why a value could not be converted into another unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConvertError {
    /// A currency conversion needs a date, and the article has none.
    NoDate,
    /// No exchange rate for the date.
    Rate(RateError),
    /// The converted amount of money overflows.
    AmountTooLarge,
    /// The converted measure overflows.
    ValueTooLarge,
    /// The target unit has a zero factor in the units table.
    ZeroFactor {
        /// The unit's code.
        unit: String,
    },
    /// The units measure different things.
    Incomparable {
        /// Code of the unit converted from.
        from: String,
        /// Code of the unit converted to.
        to: String,
    },
}

/// Converts `value` from one unit to another; currency at `date`. Returns the converted value
/// and the exchange rate used, if any.
pub(crate) fn convert(
    lex: &Lexicon,
    reference: &ReferenceSet,
    value: Decimal,
    from: UnitId,
    to: UnitId,
    date: Option<Date>,
) -> Result<(Decimal, Option<RateUsed>), ConvertError> {
    if from == to {
        return Ok((value, None));
    }
    let (uf, ut) = (lex.unit(from), lex.unit(to));
    match (uf.kind, ut.kind) {
        (UnitKind::Currency, UnitKind::Currency) => {
            let date = date.ok_or(ConvertError::NoDate)?;
            let used = match reference.rates.cross(&uf.code, &ut.code, date) {
                Ok(used) => used,
                Err(e) => {
                    annual(reference, &uf.code, &ut.code, date).ok_or(ConvertError::Rate(e))?
                }
            };
            let v = value
                .checked_mul(used.rate)
                .ok_or(ConvertError::AmountTooLarge)?;
            Ok((v, Some(used)))
        }
        (a, b) if a == b && uf.dimension == ut.dimension => {
            let si = value
                .checked_mul(uf.si_factor)
                .and_then(|x| x.checked_add(uf.si_offset))
                .ok_or(ConvertError::ValueTooLarge)?;
            if ut.si_factor.is_zero() {
                return Err(ConvertError::ZeroFactor {
                    unit: ut.code.clone(),
                });
            }
            let v = si
                .checked_sub(ut.si_offset)
                .and_then(|x| x.checked_div(ut.si_factor))
                .ok_or(ConvertError::ValueTooLarge)?;
            Ok((v, None))
        }
        _ => Err(ConvertError::Incomparable {
            from: uf.code.clone(),
            to: ut.code.clone(),
        }),
    }
}

/// Units of `to` per unit of `from` from the World Bank's annual average rates per US dollar for
/// the year of `date`, or the year before when that year's average is not out yet; `None` when
/// either currency has none.
fn annual(reference: &ReferenceSet, from: &str, to: &str, date: Date) -> Option<RateUsed> {
    let stats = reference.statistics()?;
    [date.year, date.year - 1].into_iter().find_map(|year| {
        let per_usd = |code: &str| match code {
            "USD" => Some((Decimal::ONE, None)),
            _ => stats
                .annual_rate(code, year)
                .map(|r| (r.per_usd, Some(r.note))),
        };
        let (f, from_note) = per_usd(from)?;
        let (t, to_note) = per_usd(to)?;
        if f.is_zero() {
            return None;
        }
        let note: Vec<String> = [from_note, to_note].into_iter().flatten().collect();
        Some(RateUsed {
            rate: t.checked_div(f)?,
            date: Date {
                year,
                month: 1,
                day: 1,
            },
            from: from.into(),
            to: to.into(),
            annual: Some(note.join("; ")),
        })
    })
}
