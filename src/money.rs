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
        // Two scale-2 amounts add up exactly at scale 2: no rounding. Amounts
        // are bounded far below Decimal's range; saturating keeps it panic-free.
        Money(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        let d = self.0.saturating_sub(rhs.0);
        // `-0.00` would print with a sign; a difference of zero is zero.
        if d.is_zero() {
            Money::ZERO
        } else {
            Money(d)
        }
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl Money {
    /// "1050.00": a whole number of fen (`Money::round`), printed as two whole
    /// numbers with `itoa`: `rust_decimal`'s general printer was a tenth of a
    /// batch (DESIGN.md, "How is an answer written?").
    fn text(self) -> String {
        let mut d = self.0;
        d.rescale(2);
        let Ok(fen) = i64::try_from(d.mantissa()) else { return d.to_string() };
        let (yuan, cents) = (fen.unsigned_abs() / 100, fen.unsigned_abs() % 100);
        let mut out = String::with_capacity(24);
        if fen < 0 {
            out.push('-');
        }
        out.push_str(itoa::Buffer::new().format(yuan));
        out.push('.');
        out.push_str(itoa::Buffer::new().format(100 + cents).get(1..).unwrap_or("00"));
        out
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.text())
    }
}

impl serde::Serialize for Money {
    /// Money crosses every door as a string with two decimals: "1050.00".
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

/// `value ÷ divisor`, rounded half away from zero to `places` decimals.
///
/// `rust_decimal`'s quotient has 28 significant digits; a tie at `places` that
/// those digits cannot tell from a near-tie would need a run of 25 zeros or
/// nines, which no division by a month's days (at most 31) has.
pub fn div_round(value: Decimal, divisor: u32, places: u32) -> Option<Decimal> {
    let q = value.checked_div(Decimal::from(divisor))?;
    Some(q.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero))
}

/// A decimal as people write it in a formula: no trailing zeros ("1500", "12.5").
pub fn plain(value: Decimal) -> Plain {
    Plain(value)
}

/// Displays a decimal without trailing zeros; see [`plain`].
#[derive(Clone, Copy, Debug)]
pub struct Plain(Decimal);

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.normalize(), f)
    }
}

/// A whole number: nothing after the decimal point once trailing zeros go.
pub(crate) fn is_whole(value: Decimal) -> bool {
    value.fract().is_zero()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_print_with_two_decimals() {
        assert_eq!(Money::round(dec!(1050)).to_string(), "1050.00");
        assert_eq!(Money::round(dec!(0.5)).to_string(), "0.50");
        assert_eq!(Money::round(dec!(-3.1)).to_string(), "-3.10");
        assert_eq!(format!("{:>8}", Money::round(dec!(12))), "   12.00");
        assert_eq!(plain(dec!(1500.00)).to_string(), "1500");
        assert_eq!(plain(dec!(0.750)).to_string(), "0.75");
    }

    #[test]
    fn rounds_half_away_from_zero_once() {
        assert_eq!(Money::round(dec!(354.8387096774)).to_string(), "354.84");
        assert_eq!(Money::round(dec!(0.125)).to_string(), "0.13");
        assert_eq!(Money::round(dec!(0.124999)).to_string(), "0.12");
        assert_eq!(Money::round(dec!(-0.001)).to_string(), "0.00");
        assert_eq!(Money::ZERO.to_string(), "0.00");
    }

    #[test]
    fn divides_exactly_then_rounds_once() {
        assert_eq!(div_round(dec!(33000), 31, 2), Some(dec!(1064.52)));
        assert_eq!(div_round(dec!(11000), 30, 2), Some(dec!(366.67)));
        assert_eq!(div_round(dec!(120), 7, 0), Some(dec!(17)));
        assert_eq!(div_round(dec!(2), 4, 0), Some(dec!(1)));
        assert_eq!(div_round(dec!(-1), 8, 2), Some(dec!(-0.13)));
        assert_eq!(div_round(dec!(1), 0, 2), None);
    }
}
