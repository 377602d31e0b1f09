//! What each field of a query accepts, for every door alike: `serde_json` on
//! the command line and in the Rust API, `serde-wasm-bindgen` in WebAssembly.
//! The model types name these readers in their serde attributes
//! (`deserialize_with`), so the shape and its checks are declared once.
//!
//! Money is never a float: `serde_json` (feature `arbitrary_precision`) hands
//! each JSON number over as its text, and a JavaScript number arrives as the
//! text `String(n)` writes (its shortest round-trip decimal); either text is
//! read by `rust_decimal`. A field's own error crosses serde as a
//! [`crate::error::Error`] packed into serde's message ([`Error::into_serde`]).

use crate::error::Error;
use crate::month::Month;
use rust_decimal::Decimal;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The key under which `serde_json` (`arbitrary_precision`) hands over a number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// One JSON value as given, before it is known what it should be.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Scalar {
    /// `null`, or `undefined` in JavaScript.
    Null,
    Bool(bool),
    /// A number's decimal text.
    Number(String),
    Text(String),
    /// An object or an array (its content is skipped), or a value JSON has no
    /// word for (a JavaScript function or Symbol): never what a field wants.
    Compound,
}

impl Scalar {
    /// The value, whatever it is. A value the deserializer cannot hand over
    /// (a JavaScript function or Symbol) is [`Scalar::Compound`], so that the
    /// field's own check refuses it by name; a JSON syntax error is found
    /// again when the whole text is checked (`json::from_str`).
    pub(crate) fn read<'de, D: Deserializer<'de>>(d: D) -> Scalar {
        Scalar::deserialize(d).unwrap_or(Scalar::Compound)
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// [`Scalar::read`] as a seed, for a map's values.
pub(crate) struct AnyScalar;

impl<'de> serde::de::DeserializeSeed<'de> for AnyScalar {
    type Value = Scalar;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        Ok(Scalar::read(d))
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Number(float_text(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(v))
    }

    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_none<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Compound)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        let Some(key) = map.next_key::<String>()? else { return Ok(Scalar::Compound) };
        if key == NUMBER_TOKEN {
            return Ok(Scalar::Number(map.next_value()?));
        }
        map.next_value::<IgnoredAny>()?;
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Compound)
    }
}

/// A float's shortest round-trip decimal text ("0.1", "1500.55", "1000" for 1e3).
/// In WebAssembly JavaScript writes it (`String(n)`), which keeps float
/// formatting out of the module.
#[cfg(target_arch = "wasm32")]
fn float_text(v: f64) -> String {
    js_sys::Number::from(v).to_string_with_radix(10).map(String::from).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn float_text(v: f64) -> String {
    v.to_string()
}

/// A decimal from a number's text: what `rust_decimal` reads, exponent included.
#[cfg(not(target_arch = "wasm32"))]
fn number(text: &str) -> Option<Decimal> {
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
}

/// In WebAssembly a number's text is `String(n)`, which has an exponent only
/// from 1e21 up and below 1e-6, where no amount, count or hour is valid: such a
/// text is refused as it stands (`rust_decimal`'s exponent reader costs the
/// package 2 KB brotli).
#[cfg(target_arch = "wasm32")]
fn number(text: &str) -> Option<Decimal> {
    Decimal::from_str_exact(text).ok()
}

/// A decimal from a money string: `-?digits(.digits)?` only ("1500.5"; not
/// `"1,5"`, `"1_000"`, `".5"` or `"1e3"`, which `rust_decimal` alone would take or misread).
fn decimal_string(text: &str) -> Option<Decimal> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = body.split_once('.').map_or((body, None), |(i, f)| (i, Some(f)));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

/// What a value that should be a decimal is.
pub(crate) fn decimal(value: &Scalar) -> Result<Option<Decimal>, Error> {
    let parsed = match value {
        Scalar::Null => return Ok(None),
        Scalar::Number(n) => number(n),
        Scalar::Text(s) => decimal_string(s),
        Scalar::Bool(_) | Scalar::Compound => {
            return Err(Error::invalid_here("须为数字或数字字符串", "must be a number or a decimal string"));
        }
    };
    parsed.map(Some).ok_or_else(|| Error::invalid_here("不是有效的数值", "is not a valid decimal number"))
}

/// Each reader below is a thin generic shell around one plain check of a
/// [`Scalar`]: the checks are compiled once, not once per deserializer (the
/// WebAssembly package's size).
fn read<'de, D: Deserializer<'de>, T>(d: D, name: &str, check: fn(Scalar) -> Result<T, Error>) -> Result<T, D::Error> {
    check(Scalar::read(d)).map_err(|e| e.for_field(name).into_serde())
}

fn not_a_string() -> Error {
    Error::invalid_here("须为字符串", "must be a string")
}

fn optional_string(v: Scalar) -> Result<Option<String>, Error> {
    match v {
        Scalar::Text(s) => Ok(Some(s)),
        Scalar::Null => Ok(None),
        _ => Err(not_a_string()),
    }
}

fn required<T>(v: Result<Option<T>, Error>) -> Result<T, Error> {
    v?.ok_or_else(Error::missing_here)
}

/// A required text; `null` counts as missing.
pub(crate) fn text<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<String, D::Error> {
    read(d, name, |v| required(optional_string(v)))
}

/// An optional text.
pub(crate) fn optional_text<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<Option<String>, D::Error> {
    read(d, name, optional_string)
}

/// One of a closed list of names (`insurance`, `grade`, `category`).
pub(crate) trait Named: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn id(self) -> &'static str;
}

/// The position of `v` among `ids`, or why it is none of them.
fn position(v: Scalar, ids: &[&str]) -> Result<Option<usize>, Error> {
    let Some(s) = optional_string(v)? else { return Ok(None) };
    ids.iter().position(|id| *id == s).map(Some).ok_or_else(|| {
        let allowed = crate::error::list(ids.iter().copied());
        let shown = crate::error::echo(&s);
        Error::invalid_here(format!("的值“{shown}”无效；可选：{allowed}"), format!("\"{shown}\" is not valid; expected one of: {allowed}"))
    })
}

fn named<'de, D: Deserializer<'de>, T: Named>(d: D, name: &str) -> Result<Option<T>, D::Error> {
    let ids: Vec<&str> = T::ALL.iter().map(|t| t.id()).collect();
    let i = position(Scalar::read(d), &ids).map_err(|e| e.for_field(name).into_serde())?;
    Ok(i.and_then(|i| T::ALL.get(i).copied()))
}

/// A required choice; `null` counts as missing.
pub(crate) fn choice<'de, D: Deserializer<'de>, T: Named>(d: D, name: &str) -> Result<T, D::Error> {
    named(d, name)?.ok_or_else(|| Error::missing(name).into_serde())
}

/// An optional choice.
pub(crate) fn optional_choice<'de, D: Deserializer<'de>, T: Named>(d: D, name: &str) -> Result<Option<T>, D::Error> {
    named(d, name)
}

#[allow(clippy::needless_pass_by_value)] // every check takes its Scalar: `fn(Scalar) -> …`
fn boolean(v: Scalar) -> Result<bool, Error> {
    match v {
        Scalar::Bool(b) => Ok(b),
        Scalar::Null => Ok(false),
        _ => Err(Error::invalid_here("须为 true 或 false", "must be true or false")),
    }
}

/// `true` or `false`; `null` is the default, false.
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<bool, D::Error> {
    read(d, name, boolean)
}

#[allow(clippy::needless_pass_by_value)] // every check takes its Scalar: `fn(Scalar) -> …`
fn whole(v: Scalar) -> Result<Option<u32>, Error> {
    let n = match v {
        Scalar::Null => return Ok(None),
        Scalar::Number(n) => number(&n),
        _ => None,
    };
    let n = n.filter(|n| (n.is_zero() || n.is_sign_positive()) && n.fract().is_zero());
    let Some(n) = n else { return Err(Error::invalid_here("须为非负整数", "must be a non-negative whole number")) };
    u32::try_from(n).map(Some).map_err(|_| Error::invalid_here("过大", "is too large"))
}

/// A non-negative whole number (a JSON number, not a string).
pub(crate) fn count<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<Option<u32>, D::Error> {
    read(d, name, whole)
}

/// A required whole number.
pub(crate) fn required_count<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<u32, D::Error> {
    read(d, name, |v| required(whole(v)))
}

#[allow(clippy::needless_pass_by_value)] // every check takes its Scalar: `fn(Scalar) -> …`
fn four_digit_year(v: Scalar) -> Result<u16, Error> {
    let bad = || Error::invalid_here("须为四位数年份", "must be a four-digit year");
    let n = required(whole(v).map_err(|_| bad()))?;
    u16::try_from(n).ok().filter(|y| (1000..=9999).contains(y)).ok_or_else(bad)
}

/// A four-digit year.
pub(crate) fn year<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<u16, D::Error> {
    read(d, name, four_digit_year)
}

fn a_month(v: Scalar) -> Result<Option<Month>, Error> {
    let Some(s) = optional_string(v)? else { return Ok(None) };
    Month::parse(&s).map(Some).ok_or_else(|| {
        let shown = crate::error::echo(&s);
        Error::invalid_here(format!("须为“YYYY-MM”格式的月份，收到“{shown}”"), format!("must be a month as \"YYYY-MM\", got \"{shown}\""))
    })
}

/// An optional month, exactly `YYYY-MM`.
pub(crate) fn month<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<Option<Month>, D::Error> {
    read(d, name, a_month)
}

/// An optional amount: a number or a decimal string.
pub(crate) fn money<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<Option<Decimal>, D::Error> {
    read(d, name, |v| decimal(&v))
}

/// One reader per field, with the field's JSON name, so that an error names
/// its field (serde tells a field's reader nothing of where it is).
macro_rules! readers {
    ($($field:ident: $t:ty = $reader:ident($name:literal);)*) => {$(
        pub(crate) fn $field<'de, D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
            crate::input::$reader(d, $name)
        }
    )*};
}
pub(crate) use readers;

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn scalar(json: &str) -> Scalar {
        serde_json::from_str(json).unwrap_or(Scalar::Compound)
    }

    #[test]
    fn numbers_are_read_from_their_text_never_through_a_float() {
        for (json, want) in
            [("0.1", dec!(0.1)), ("1500.55", dec!(1500.55)), ("1e3", dec!(1000)), ("\"1500.5\"", dec!(1500.5)), ("15E-1", dec!(1.5))]
        {
            assert_eq!(decimal(&scalar(json)), Ok(Some(want)), "{json}");
        }
        // A float's shortest text, as JavaScript's String(n) writes it.
        assert_eq!(float_text(0.1), "0.1");
        assert_eq!(float_text(1500.55), "1500.55");
        assert_eq!(float_text(1e3), "1000");
    }

    #[test]
    fn money_strings_are_plain_decimals_only() {
        for bad in ["\"\"", "\"1_000\"", "\"1,000\"", "\".5\"", "\"5.\"", "\"+5\"", "\"1e3\"", "\"abc\"", "\"1.2.3\"", "\" 1\"", "\"０\""]
        {
            assert!(decimal(&scalar(bad)).is_err(), "{bad}");
        }
        assert!(decimal(&scalar("1e400")).is_err());
        assert!(decimal(&scalar("99999999999999999999999999999999")).is_err());
        assert_eq!(decimal(&scalar("\"-0\"")), Ok(Some(Decimal::ZERO)));
        assert_eq!(decimal(&scalar("null")), Ok(None));
    }
}
