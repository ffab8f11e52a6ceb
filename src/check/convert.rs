//! Unit and currency conversion for checks: units by the factors of the units table, currencies
//! at the ECB reference rate of a date.

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
            let used = reference
                .rates
                .cross(&uf.code, &ut.code, date)
                .map_err(ConvertError::Rate)?;
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
