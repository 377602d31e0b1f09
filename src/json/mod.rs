//! Reading queries from JSON: camelCase keys, unknown keys rejected, money as
//! JSON numbers or decimal strings read from their text (never through f64).

use crate::cities;
use crate::error::{Error, ErrorCode};
use crate::model::{ContributionYears, Grade, Insurance, Query};
use crate::money::{is_whole, parse_decimal};
use crate::month::Month;
use reader::Json;
use rust_decimal::Decimal;
use std::borrow::Cow;

mod reader;
pub(crate) mod writer;

/// The members of a JSON object.
pub(crate) type Map<'a> = [(Cow<'a, str>, Json<'a>)];

/// The top-level keys of a Query (api.md), besides the care modes' own inputs.
pub const QUERY_KEYS: [&str; 15] = [
    "city",
    "insurance",
    "grade",
    "careMode",
    "month",
    "careDays",
    "disabilityMonths",
    "workInjuryCareAllowance",
    "assessedMonth",
    "benefitsLocked",
    "interruptedContribution",
    "monthsSinceResumed",
    "contributionYears",
    "insuredBeforeLtci",
    "disabilitySubsidy",
];

/// The position of `key` in [`QUERY_KEYS`] (a `match`: no search through the list).
fn key_index(key: &str) -> Option<usize> {
    Some(match key {
        "city" => 0,
        "insurance" => 1,
        "grade" => 2,
        "careMode" => 3,
        "month" => 4,
        "careDays" => 5,
        "disabilityMonths" => 6,
        "workInjuryCareAllowance" => 7,
        "assessedMonth" => 8,
        "benefitsLocked" => 9,
        "interruptedContribution" => 10,
        "monthsSinceResumed" => 11,
        "contributionYears" => 12,
        "insuredBeforeLtci" => 13,
        "disabilitySubsidy" => 14,
        _ => return None,
    })
}

/// Parses a JSON object; empty input and non-objects are `invalid_json`.
pub(crate) fn object(text: &str) -> Result<Vec<(Cow<'_, str>, Json<'_>)>, Error> {
    let mut members = Vec::new();
    object_members(text, |key, value| members.push((key, value)))?;
    Ok(members)
}

/// Reads a JSON object, handing each member to `member` as it is read; empty
/// input and non-objects are `invalid_json`.
fn object_members<'a>(text: &'a str, member: impl FnMut(Cow<'a, str>, Json<'a>)) -> Result<(), Error> {
    if text.trim_ascii().is_empty() {
        return Err(Error::invalid_json("输入为空：需要一个JSON对象", "empty input: expected a JSON object"));
    }
    if !reader::members(text, member)? {
        return Err(Error::invalid_json("输入须为JSON对象（{…}）", "input must be a JSON object ({…})"));
    }
    Ok(())
}

/// Reads a Query. Semantic checks (ranges, the city's modes) are `estimate`'s.
///
/// # Errors
///
/// `invalid_json`, `unknown_field`, `missing_field` or `invalid_value`, naming the key.
pub fn parse_query(text: &str) -> Result<Query, Error> {
    // The members go straight into the contract's keys as they are read; the
    // checks then run in a fixed order, so the first error reported does not
    // depend on key order (and syntax errors anywhere come first).
    let mut slots: [Option<Json<'_>>; QUERY_KEYS.len()] = std::array::from_fn(|_| None);
    let mut others = Vec::new();
    object_members(text, |key, value| match key_index(&key) {
        Some(i) if value != Json::Null => {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(value);
            }
        }
        Some(_) => {}
        None => others.push((key, value)),
    })?;
    let get = |key: &str| key_index(key).and_then(|i| slots.get(i)).and_then(Option::as_ref);
    let f = Values { get: &get, prefix: "" };
    let city = f.required_str("city")?;
    let insurance = f.required_enum("insurance", Insurance::parse, "employee, resident")?;
    let grade = f.required_enum("grade", Grade::parse, "none, mild, moderate, severe")?;
    let mut q = Query::new(city, insurance, grade, f.required_str("careMode")?);
    q.month = f.month("month")?;
    q.care_days = f.integer("careDays")?;
    q.disability_months = f.integer("disabilityMonths")?;
    q.work_injury_care_allowance = f.boolean("workInjuryCareAllowance")?;
    q.assessed_month = f.month("assessedMonth")?;
    q.benefits_locked = f.boolean("benefitsLocked")?;
    q.interrupted_contribution = f.boolean("interruptedContribution")?;
    q.months_since_resumed = f.integer("monthsSinceResumed")?;
    q.contribution_years = contribution_years(get("contributionYears"))?;
    q.insured_before_ltci = f.boolean("insuredBeforeLtci")?;
    q.disability_subsidy = f.decimal("disabilitySubsidy")?;
    // Everything else must be some care mode's input.
    for (key, value) in &others {
        if !cities::is_mode_input(key) {
            return Err(unknown_field(key));
        }
        if let Some(v) = decimal(key, value)? {
            q.inputs.set(key, v);
        }
    }
    Ok(q)
}

pub(crate) fn unknown_field(key: &str) -> Error {
    Error::at(ErrorCode::UnknownField, key.to_owned(), format!("未知字段“{key}”"), format!("unknown field \"{key}\""))
}

fn contribution_years(value: Option<&Json<'_>>) -> Result<Option<ContributionYears>, Error> {
    let map = match value {
        None | Some(Json::Null) => return Ok(None),
        Some(Json::Object(map)) => map,
        Some(_) => {
            return Err(Error::at(
                ErrorCode::InvalidValue,
                "contributionYears",
                "contributionYears须为对象：{\"continuous\": 年数, \"cumulative\": 年数}",
                "contributionYears must be an object: {\"continuous\": years, \"cumulative\": years}",
            ))
        }
    };
    if let Some((k, _)) = map.iter().find(|(k, _)| !matches!(k.as_ref(), "continuous" | "cumulative")) {
        return Err(unknown_field(&format!("contributionYears.{k}")));
    }
    let f = fields(map, "contributionYears.");
    let continuous = f.integer("continuous")?;
    let cumulative = f.integer("cumulative")?;
    match (continuous, cumulative) {
        (Some(continuous), Some(cumulative)) => Ok(Some(ContributionYears { continuous, cumulative })),
        (None, _) => Err(missing("contributionYears.continuous")),
        (_, None) => Err(missing("contributionYears.cumulative")),
    }
}

pub(crate) fn missing(field: &str) -> Error {
    Error::at(ErrorCode::MissingField, field.to_owned(), format!("缺少必填字段{field}"), format!("missing required field {field}"))
}

pub(crate) fn invalid(field: &str, zh: &str, en: &str) -> Error {
    Error::at(ErrorCode::InvalidValue, field.to_owned(), format!("{field}{zh}"), format!("{field} {en}"))
}

/// A JSON number or decimal string; `null` is absent.
pub(crate) fn decimal(field: &str, value: &Json<'_>) -> Result<Option<Decimal>, Error> {
    let parsed = match value {
        Json::Null => return Ok(None),
        Json::Number(n) => parse_decimal(n, true),
        Json::String(s) => parse_decimal(s, false),
        _ => return Err(invalid(field, "须为数字或数字字符串", "must be a number or a decimal string")),
    };
    parsed.map(Some).ok_or_else(|| invalid(field, "不是有效的数值", "is not a valid decimal number"))
}

/// Typed access to the keys of one JSON object, with errors naming `prefix` + key.
pub(crate) fn fields<'m, 'a>(map: &'m Map<'a>, prefix: &'static str) -> Values<'static, impl Fn(&str) -> Option<&'m Json<'a>> + 'm> {
    Values { get: move |key: &str| map.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Json::Null), prefix }
}

/// Typed values found by `get`, with errors naming `prefix` + key. The name is
/// only built for an error.
pub(crate) struct Values<'f, G> {
    get: G,
    prefix: &'f str,
}

impl<'j, 'a: 'j, G: Fn(&str) -> Option<&'j Json<'a>>> Values<'_, G> {
    fn name(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    pub(crate) fn str(&self, key: &str) -> Result<Option<&'j str>, Error> {
        match (self.get)(key) {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(s)),
            Some(_) => Err(invalid(&self.name(key), "须为字符串", "must be a string")),
        }
    }

    pub(crate) fn required_str(&self, key: &str) -> Result<&'j str, Error> {
        self.str(key)?.ok_or_else(|| missing(&self.name(key)))
    }

    pub(crate) fn required_enum<T>(&self, key: &str, parse: fn(&str) -> Option<T>, allowed: &str) -> Result<T, Error> {
        let s = self.required_str(key)?;
        parse(s).ok_or_else(|| {
            let name = self.name(key);
            Error::at(
                ErrorCode::InvalidValue,
                name.clone(),
                format!("{name}的值“{s}”无效；可选：{allowed}"),
                format!("{name} \"{s}\" is not valid; expected one of: {allowed}"),
            )
        })
    }

    pub(crate) fn boolean(&self, key: &str) -> Result<bool, Error> {
        match (self.get)(key) {
            None => Ok(false),
            Some(Json::Bool(b)) => Ok(*b),
            Some(_) => Err(invalid(&self.name(key), "须为 true 或 false", "must be true or false")),
        }
    }

    /// A non-negative whole JSON number that fits in 32 bits.
    pub(crate) fn integer(&self, key: &str) -> Result<Option<u32>, Error> {
        let Some(v) = (self.get)(key) else { return Ok(None) };
        // Plain digits (what queries send) need no decimal arithmetic; the
        // grammar is already checked, so this is at most nine digits.
        if let Json::Number(text) = v {
            if text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit()) {
                return Ok(Some(text.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))));
            }
        }
        let n = match v {
            Json::Number(n) => parse_decimal(n, true),
            _ => None,
        };
        let whole = n.filter(|n| (n.is_zero() || !n.is_sign_negative()) && is_whole(*n));
        let Some(n) = whole else {
            return Err(invalid(&self.name(key), "须为非负整数", "must be a non-negative whole number"));
        };
        u32::try_from(n).map(Some).map_err(|_| invalid(&self.name(key), "过大", "is too large"))
    }

    pub(crate) fn month(&self, key: &str) -> Result<Option<Month>, Error> {
        let Some(s) = self.str(key)? else { return Ok(None) };
        Month::parse(s).map(Some).ok_or_else(|| {
            let name = self.name(key);
            Error::at(
                ErrorCode::InvalidValue,
                name.clone(),
                format!("{name}须为“YYYY-MM”格式的月份，收到“{s}”"),
                format!("{name} must be a month as \"YYYY-MM\", got \"{s}\""),
            )
        })
    }

    pub(crate) fn decimal(&self, key: &str) -> Result<Option<Decimal>, Error> {
        match (self.get)(key) {
            None => Ok(None),
            Some(v) => decimal(&self.name(key), v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_index_matches_query_keys() {
        for (i, k) in QUERY_KEYS.iter().enumerate() {
            assert_eq!(key_index(k), Some(i), "{k}");
        }
        assert_eq!(key_index("dailyCharge"), None);
    }
}
