//! A query as plain values, before anything is known of what it should hold.
//!
//! Every door reads its input into a [`Value`] first: `serde_json` on the
//! command line and in the Rust API, `serde-wasm-bindgen` in WebAssembly, by
//! this one `Deserialize`. What a field must be is then checked by plain Rust
//! (`src/read.rs` for the query's shape, the declarations of `src/inputs.rs`
//! and of the city modules for its inputs), which returns this crate's
//! [`Error`] naming the field: no library's error text is read.
//!
//! Money is never a float: `serde_json` (feature `arbitrary_precision`) hands
//! each JSON number over as its text, and a JavaScript number arrives as an
//! `f64`, written as its shortest round-trip decimal (Rust's `Display`, the
//! same digits as JavaScript's `String(n)`, never an exponent); either text is
//! read by `rust_decimal`.

use crate::error::Error;
use crate::month::Month;
use rust_decimal::Decimal;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The key under which `serde_json` (`arbitrary_precision`) hands over a number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// One JSON value as given.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`, or `undefined` in JavaScript.
    Null,
    Bool(bool),
    /// A number's decimal text, as written (`"1500.5"`, `"1e3"`).
    Number(String),
    Text(String),
    /// An array (its content is not kept: no field takes one), or a value JSON
    /// has no word for.
    List,
    /// An object's keys and values in the order given, a key given twice
    /// twice (the reader refuses it by name).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The object's entries; `None` for any other value.
    pub(crate) fn entries(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(entries) => Some(entries),
            _ => None,
        }
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}

impl From<u32> for Value {
    fn from(v: u32) -> Value {
        Value::Number(v.to_string())
    }
}

impl From<Decimal> for Value {
    fn from(v: Decimal) -> Value {
        Value::Number(v.to_string())
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_owned())
    }
}

impl From<Month> for Value {
    fn from(v: Month) -> Value {
        Value::Text(v.to_string())
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }

    /// `NaN` and the infinities write "NaN", "inf", "-inf": no number reads them.
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::List)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.is_empty() && key == NUMBER_TOKEN {
                return Ok(Value::Number(map.next_value()?));
            }
            entries.push((key, map.next_value()?));
        }
        Ok(Value::Object(entries))
    }
}

// ---- What a value is, by what it should be --------------------------------
// Each returns the field's error, named by `field`.

/// A decimal from a number's text: what `rust_decimal` reads, exponent included.
fn number(text: &str) -> Option<Decimal> {
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
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

/// An amount or measure: a number, or a decimal string; `null` is absent.
pub(crate) fn decimal(field: &str, v: &Value) -> Result<Option<Decimal>, Error> {
    let parsed = match v {
        Value::Null => return Ok(None),
        Value::Number(n) => number(n),
        Value::Text(s) => decimal_string(s),
        _ => return Err(Error::invalid(field, "须为数字或数字字符串", "must be a number or a decimal string")),
    };
    parsed.map(Some).ok_or_else(|| Error::invalid(field, "不是有效的数值", "is not a valid decimal number"))
}

/// A count: a JSON number that is a whole number, never a string (docs/api.md);
/// `null` is absent.
pub(crate) fn whole(field: &str, v: &Value) -> Result<Option<u32>, Error> {
    let n = match v {
        Value::Null => return Ok(None),
        Value::Number(n) => number(n),
        _ => None,
    };
    let n = n.filter(|n| (n.is_zero() || n.is_sign_positive()) && n.fract().is_zero());
    let Some(n) = n else { return Err(Error::invalid(field, "须为非负整数", "must be a non-negative whole number")) };
    u32::try_from(n).map(Some).map_err(|_| Error::invalid(field, "过大", "is too large"))
}

/// `true` or `false`; `null` is the default, false.
pub(crate) fn flag(field: &str, v: &Value) -> Result<bool, Error> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Null => Ok(false),
        _ => Err(Error::invalid(field, "须为 true 或 false", "must be true or false")),
    }
}

/// A text; `null` is absent.
pub(crate) fn text<'v>(field: &str, v: &'v Value) -> Result<Option<&'v str>, Error> {
    match v {
        Value::Text(s) => Ok(Some(s)),
        Value::Null => Ok(None),
        _ => Err(Error::invalid(field, "须为字符串", "must be a string")),
    }
}

/// A month, exactly `YYYY-MM`; `null` is absent.
pub(crate) fn month(field: &str, v: &Value) -> Result<Option<Month>, Error> {
    let Some(s) = text(field, v)? else { return Ok(None) };
    Month::parse(s).map(Some).ok_or_else(|| {
        let shown = crate::error::echo(s);
        Error::invalid(
            field,
            &format!("须为“YYYY-MM”格式的月份，收到“{shown}”"),
            &format!("must be a month as \"YYYY-MM\", got \"{shown}\""),
        )
    })
}

/// One of `ids`; `null` is absent.
pub(crate) fn choice<T: Copy>(field: &str, v: &Value, all: &[T], id: fn(T) -> &'static str) -> Result<Option<T>, Error> {
    let Some(s) = text(field, v)? else { return Ok(None) };
    all.iter().copied().find(|t| id(*t) == s).map(Some).ok_or_else(|| {
        let allowed = crate::error::list(all.iter().map(|t| id(*t)));
        let shown = crate::error::echo(s);
        Error::invalid(
            field,
            &format!("的值“{shown}”无效；可选：{allowed}"),
            &format!("\"{shown}\" is not valid; expected one of: {allowed}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn value(json: &str) -> Value {
        serde_json::from_str(json).unwrap_or(Value::List)
    }

    #[test]
    fn numbers_are_read_from_their_text_never_through_a_float() {
        for (json, want) in
            [("0.1", dec!(0.1)), ("1500.55", dec!(1500.55)), ("1e3", dec!(1000)), ("\"1500.5\"", dec!(1500.5)), ("15E-1", dec!(1.5))]
        {
            assert_eq!(decimal("x", &value(json)), Ok(Some(want)), "{json}");
        }
        // A float's shortest text, as JavaScript's String(n) writes it, without an exponent.
        for (f, text) in [(0.1, "0.1"), (1500.55, "1500.55"), (1e3, "1000"), (1e21, "1000000000000000000000")] {
            assert_eq!(ValueVisitor.visit_f64::<serde_json::Error>(f).ok(), Some(Value::Number(text.into())));
        }
    }

    #[test]
    fn money_strings_are_plain_decimals_only() {
        for bad in ["\"\"", "\"1_000\"", "\"1,000\"", "\".5\"", "\"5.\"", "\"+5\"", "\"1e3\"", "\"abc\"", "\"1.2.3\"", "\" 1\"", "\"０\""]
        {
            assert!(decimal("x", &value(bad)).is_err(), "{bad}");
        }
        assert!(decimal("x", &value("1e400")).is_err());
        assert!(decimal("x", &value("99999999999999999999999999999999")).is_err());
        assert!(decimal("x", &Value::Number("NaN".into())).is_err());
        assert_eq!(decimal("x", &value("\"-0\"")), Ok(Some(Decimal::ZERO)));
        assert_eq!(decimal("x", &value("null")), Ok(None));
    }

    #[test]
    fn counts_are_json_numbers_only() {
        assert_eq!(whole("n", &value("10")), Ok(Some(10)));
        assert_eq!(whole("n", &value("1e1")), Ok(Some(10)));
        for bad in ["\"10\"", "-1", "1.5", "true", "[]"] {
            assert!(whole("n", &value(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_object_keeps_its_keys_in_order_and_twice() {
        let v = value(r#"{"b":1,"a":"x","b":null}"#);
        let keys: Vec<&str> = v.entries().unwrap_or_default().iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
    }
}
