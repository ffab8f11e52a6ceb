//! How far off a figure is: severity, and thousand-fold scale slips.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::verdict::{ScaleSlip, Severity};

/// A wrong figure off by more than this fraction of the value it should have is an error; by
/// less, a warning.
pub const ERROR_GAP: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

/// A thousand-, million- or billion-fold slip ("million written for billion"): the ratio is
/// within 25% of a power of a thousand.
pub(crate) fn scale_slip(stated: Decimal, expected: Decimal) -> Option<ScaleSlip> {
    if expected.is_zero() || stated.is_zero() {
        return None;
    }
    let r = stated
        .checked_div(expected)
        .and_then(|r| r.abs().to_f64())?;
    for (thousands, k) in [(1u8, 1e3), (2, 1e6), (3, 1e9)] {
        for (ratio, too_large) in [(k, true), (1.0 / k, false)] {
            if (r / ratio - 1.0).abs() < 0.25 {
                return Some(ScaleSlip {
                    thousands,
                    too_large,
                });
            }
        }
    }
    None
}

/// The severity of a wrong figure: an error when it is a scale slip or off by more than
/// [`ERROR_GAP`] of the value it should have, else a warning.
pub(crate) fn severity(stated: Decimal, expected: Decimal) -> Severity {
    if expected.is_zero() || scale_slip(stated, expected).is_some() {
        return Severity::Error;
    }
    let off = stated
        .checked_sub(expected)
        .and_then(|d| d.checked_div(expected))
        .map(|r| r.abs());
    match off {
        Some(r) if r <= ERROR_GAP => Severity::Warning,
        _ => Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(x: i64) -> Decimal {
        Decimal::from(x)
    }

    #[test]
    fn thousand_fold_slips_either_way() {
        assert_eq!(
            scale_slip(d(2_400_000), d(2_400_000_000)),
            Some(ScaleSlip {
                thousands: 1,
                too_large: false
            })
        );
        assert_eq!(
            scale_slip(d(5_000_000), d(5)),
            Some(ScaleSlip {
                thousands: 2,
                too_large: true
            })
        );
        assert_eq!(scale_slip(d(2), d(1)), None);
        assert_eq!(scale_slip(d(0), d(1)), None);
    }

    #[test]
    fn an_error_past_ten_percent_a_warning_within() {
        assert_eq!(ERROR_GAP, Decimal::new(1, 1));
        assert_eq!(severity(d(109), d(100)), Severity::Warning);
        assert_eq!(severity(d(110), d(100)), Severity::Warning);
        assert_eq!(severity(d(111), d(100)), Severity::Error);
        assert_eq!(severity(d(91), d(100)), Severity::Warning);
        assert_eq!(severity(d(89), d(100)), Severity::Error);
        assert_eq!(severity(d(1), d(0)), Severity::Error);
        // a thousand-fold slip is an error however it is measured
        assert_eq!(severity(d(100_000), d(100)), Severity::Error);
    }
}
