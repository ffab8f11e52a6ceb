//! How far off a figure is: severity, and thousand-fold scale slips.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::verdict::{ScaleSlip, Severity};

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

/// Gross when a scale slip or off by more than a factor of 1.5, else minor.
pub(crate) fn severity(stated: Decimal, expected: Decimal) -> Severity {
    if scale_slip(stated, expected).is_some() || expected.is_zero() {
        return Severity::Gross;
    }
    let r = stated
        .checked_div(expected)
        .and_then(|r| r.abs().to_f64())
        .unwrap_or(f64::INFINITY);
    if (0.67..=1.5).contains(&r) {
        Severity::Minor
    } else {
        Severity::Gross
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
    fn severity_is_gross_beyond_half_again() {
        assert_eq!(severity(d(14), d(10)), Severity::Minor);
        assert_eq!(severity(d(16), d(10)), Severity::Gross);
        assert_eq!(severity(d(6), d(10)), Severity::Gross);
        assert_eq!(severity(d(1), d(0)), Severity::Gross);
        assert_eq!(severity(d(10_000), d(10)), Severity::Gross);
    }
}
