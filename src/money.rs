//! Money: `rust_decimal` from input to output, never a float.
//!
//! Each line's arithmetic is exact; its result is rounded once, half away from
//! zero, to the fen (0.01 yuan) and printed with exactly two decimals.
//!
//! ```
//! use ltci::Money;
//! use rust_decimal_macros::dec;
//! assert_eq!(Money::round(dec!(249.9975)).to_string(), "250.00");
//! assert_eq!(Money::round(dec!(0.005)).to_string(), "0.01");
//! assert_eq!(Money::round(dec!(1050)).to_string(), "1050.00");
//! ```

use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;
use std::ops::{Add, Sub};

/// An amount of yuan, rounded to 0.01 and held with scale 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::from_parts(0, 0, 0, false, 2));

    /// Rounds half away from zero to the fen; `-0` becomes `0`.
    pub fn round(value: Decimal) -> Money {
        let mut d = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        if d.is_zero() {
            d = Decimal::ZERO;
        }
        d.rescale(2);
        Money(d)
    }

    pub fn value(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        // Sums of two-decimal amounts stay exact and keep scale 2.
        Money::round(self.0 + rhs.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money::round(self.0 - rhs.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A decimal as people write it in a formula: no trailing zeros ("1500", "12.5").
pub fn plain(value: Decimal) -> Decimal {
    value.normalize()
}

/// Reads the decimal text of a JSON number or a money string.
///
/// Accepts `-?digits(.digits)?` and, for JSON numbers only, an exponent. The
/// sign is kept so that validation can name a negative amount as such.
pub(crate) fn parse_decimal(text: &str, json_number: bool) -> Option<Decimal> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) if json_number => (body.get(..i)?, Some(body.get(i + 1..)?)),
        Some(_) => return None,
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !frac.is_none_or(digits) {
        return None;
    }
    let value = match exponent {
        None => Decimal::from_str_exact(text).ok()?,
        Some(e) => {
            let e = e.strip_prefix('+').unwrap_or(e);
            let exp_digits = e.strip_prefix('-').unwrap_or(e);
            if !digits(exp_digits) {
                return None;
            }
            Decimal::from_scientific(text).ok()?
        }
    };
    Some(if value.is_zero() { Decimal::ZERO } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounds_half_away_from_zero_once() {
        assert_eq!(Money::round(dec!(354.8387096774)).to_string(), "354.84");
        assert_eq!(Money::round(dec!(0.125)).to_string(), "0.13");
        assert_eq!(Money::round(dec!(0.124999)).to_string(), "0.12");
        assert_eq!(Money::round(dec!(-0.001)).to_string(), "0.00");
        assert_eq!(Money::ZERO.to_string(), "0.00");
    }

    #[test]
    fn reads_only_plain_decimal_text() {
        assert_eq!(parse_decimal("1500.5", false), Some(dec!(1500.5)));
        assert_eq!(parse_decimal("-3", false), Some(dec!(-3)));
        assert_eq!(parse_decimal("-0", false), Some(dec!(0)));
        assert_eq!(parse_decimal("1.5e3", true), Some(dec!(1500)));
        assert_eq!(parse_decimal("15E-1", true), Some(dec!(1.5)));
        for bad in ["", "1_000", "1,000", ".5", "5.", "+5", "1e3", "abc", "1.2.3", " 1", "０"] {
            assert_eq!(parse_decimal(bad, false), None, "{bad}");
        }
        assert_eq!(parse_decimal("1e400", true), None);
        assert_eq!(parse_decimal("99999999999999999999999999999999", false), None);
    }
}
