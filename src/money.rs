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

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 48];
        f.pad(self.digits(&mut buf))
    }
}

impl serde::Serialize for Money {
    /// "1050.00": from the digits, without the general decimal formatter.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 48];
        s.serialize_str(self.digits(&mut buf))
    }
}

impl crate::text::Piece for Money {
    fn push_to(&self, out: &mut String) {
        push_decimal(out, self.parts());
    }
}

impl crate::text::Piece for Plain {
    fn push_to(&self, out: &mut String) {
        push_decimal(out, self.trimmed());
    }
}

impl Money {
    /// The amount as text with two decimals, written into `buf`.
    pub(crate) fn digits(self, buf: &mut [u8; 48]) -> &str {
        let (mantissa, scale) = self.parts();
        decimal_text(mantissa, scale, buf)
    }

    /// Mantissa and scale as written: the scale is always 2 (`Money::round`),
    /// so the mantissa counts fen.
    fn parts(self) -> (i128, u32) {
        (self.0.mantissa(), 2)
    }
}

/// `value ÷ divisor`, rounded half away from zero to `places` decimals.
///
/// Exact integer arithmetic on the decimal's digits: the one division the
/// rules need (prorating by days) without the general 96-bit division.
pub fn div_round(value: Decimal, divisor: u32, places: u32) -> Option<Decimal> {
    if divisor == 0 {
        return None;
    }
    // value = m / 10^s, so value / divisor at `places` decimals is
    // m × 10^places / (10^s × divisor), rounded. 64 bits are ample for the
    // amounts the rules divide (a month's quota × its days); more is refused.
    let m = i64::try_from(value.mantissa()).ok()?;
    let num = m.checked_mul(10_i64.checked_pow(places)?)?;
    let den = 10_i64.checked_pow(value.scale())?.checked_mul(i64::from(divisor))?;
    let (q, r) = (num / den, num % den);
    let q = if 2 * r.abs() >= den { q + num.signum() } else { q };
    Some(Decimal::new(q, places))
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
        let mut buf = [0u8; 48];
        f.write_str(self.digits(&mut buf))
    }
}

impl Plain {
    fn digits(self, buf: &mut [u8; 48]) -> &str {
        let (mantissa, scale) = self.trimmed();
        decimal_text(mantissa, scale, buf)
    }

    /// Mantissa and scale without trailing zeros (what `normalize` does,
    /// without its 96-bit division; in 64 bits when the amount fits, as amounts do).
    fn trimmed(self) -> (i128, u32) {
        let (mut mantissa, mut scale) = (self.0.mantissa(), self.0.scale());
        if let Ok(mut small) = i64::try_from(mantissa) {
            while scale > 0 && small % 10 == 0 {
                small /= 10;
                scale -= 1;
            }
            mantissa = i128::from(small);
        }
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        (mantissa, scale)
    }
}

/// The text of `mantissa / 10^scale`, written backwards into `buf`. Amounts
/// fit 64 bits, whose division is one multiplication; the rest is rare.
fn decimal_text(mantissa: i128, scale: u32, buf: &mut [u8; 48]) -> &str {
    std::str::from_utf8(decimal_bytes(mantissa, scale, buf)).unwrap_or("")
}

/// The ASCII bytes of [`decimal_text`], for appending without checking them as UTF-8 again.
fn decimal_bytes(mantissa: i128, scale: u32, buf: &mut [u8; 48]) -> &[u8] {
    let scale = usize::try_from(scale).unwrap_or(0).min(28);
    let mut at = buf.len();
    let mut count = 0;
    let mut put = |b: u8| {
        if let Some(i) = at.checked_sub(1) {
            at = i;
            if let Some(slot) = buf.get_mut(i) {
                *slot = b;
            }
        }
    };
    // Digits from the last; the point after `scale` of them; at least one
    // before it. `n % 10 < 10` always fits a digit.
    let mut n = mantissa.unsigned_abs();
    while u64::try_from(n).is_err() {
        put(b'0' + (n % 10) as u8);
        n /= 10;
        count += 1;
        if count == scale {
            put(b'.');
        }
    }
    let mut small = u64::try_from(n).unwrap_or(0);
    loop {
        put(b'0' + (small % 10) as u8);
        small /= 10;
        count += 1;
        if count == scale {
            put(b'.');
        }
        if small == 0 && count > scale {
            break;
        }
    }
    if mantissa < 0 {
        put(b'-');
    }
    buf.get(at..).unwrap_or(&[])
}

/// Appends the text of `mantissa / 10^scale`: its ASCII bytes as chars,
/// without checking them as UTF-8 again.
fn push_decimal(out: &mut String, (mantissa, scale): (i128, u32)) {
    let mut buf = [0u8; 48];
    out.extend(decimal_bytes(mantissa, scale, &mut buf).iter().map(|&b| char::from(b)));
}

/// A whole number: nothing after the decimal point once trailing zeros go.
pub(crate) fn is_whole(value: Decimal) -> bool {
    value.normalize().scale() == 0
}

/// Reads the decimal text of a JSON number or a money string.
///
/// Accepts `-?digits(.digits)?` and, for JSON numbers only, an exponent. The
/// sign is kept so that validation can name a negative amount as such.
pub(crate) fn parse_decimal(text: &str, json_number: bool) -> Option<Decimal> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) if json_number => (m, Some(e)),
        Some(_) => return None,
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !is_digits(int) || mantissa.contains('.') && !is_digits(frac) {
        return None;
    }
    // The digits as one integer, scaled by the digits after the point.
    let mut digits: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        digits = digits.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
    }
    let mut scale = u32::try_from(frac.len()).ok()?;
    if let Some(e) = exponent {
        let e = e.strip_prefix('+').unwrap_or(e);
        let (down, magnitude) = match e.strip_prefix('-') {
            Some(m) => (true, m),
            None => (false, e),
        };
        if !is_digits(magnitude) {
            return None;
        }
        // A Decimal has at most 28 digits after the point; larger shifts cannot fit.
        let shift = magnitude.parse::<u32>().ok().filter(|s| *s <= MAX_SCALE)?;
        if down {
            scale += shift;
        } else if shift <= scale {
            scale -= shift;
        } else {
            digits = digits.checked_mul(10_i128.pow(shift - scale))?;
            scale = 0;
        }
    }
    if digits == 0 {
        return Some(Decimal::ZERO);
    }
    Decimal::try_from_i128_with_scale(if negative { -digits } else { digits }, scale).ok()
}

/// The most digits a Decimal keeps after the point.
const MAX_SCALE: u32 = 28;

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn decimals_print_as_rust_decimal_prints_them() {
        for d in [
            dec!(0),
            dec!(1500),
            dec!(12.5),
            dec!(0.75),
            dec!(-3.10),
            dec!(0.005),
            dec!(1000000),
            Decimal::MAX,
            Decimal::MIN,
            dec!(0.0000000000000000000000000001),
        ] {
            assert_eq!(plain(d).to_string(), d.normalize().to_string(), "{d}");
            assert_eq!(Money::round(d.min(dec!(10000000000)).max(dec!(-10000000000))).to_string(), {
                let mut r = Money::round(d.min(dec!(10000000000)).max(dec!(-10000000000))).value();
                r.rescale(2);
                r.to_string()
            });
        }
        let mut buf = [0u8; 48];
        assert_eq!(Money::round(dec!(1050)).digits(&mut buf), "1050.00");
        assert_eq!(Money::round(dec!(0.5)).digits(&mut buf), "0.50");
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
