//! The one reader: a query's plain values ([`Value`], the same from every
//! door) made into `Query`, `PlanQuery`, `ContributionQuery` and
//! `ParametersQuery`, and a query's inputs read by their declarations. Each
//! error is this crate's, made here with its code, its field and both
//! messages.

use crate::error::{echo, list, Error, ErrorCode};
use crate::model::{
    check_months, months_error, Category, ContributionQuery, ContributionYears, Grade, Insurance, ParametersQuery, PlanQuery, Query,
    DEFAULT_PLAN_MONTHS,
};
use crate::month::Month;
use crate::rules::inputs::{self, CARE_DAYS, CONTRIBUTION_YEARS, INTERRUPTED_CONTRIBUTION, MONTHS_SINCE_RESUMED};
use crate::rules::{check_value, City, Default, Document, Given, Input, Mode, ThisMonth, Typed, Unit};
use crate::value::{self, Value};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// The entries of the query object, each key once.
fn object(v: &Value) -> Result<&[(String, Value)], Error> {
    let entries = v.entries().ok_or_else(Error::not_an_object)?;
    once_each(entries, "")?;
    Ok(entries)
}

/// Refuses a key given twice (`prefix` names the object it is in), rather
/// than one value silently winning.
fn once_each(entries: &[(String, Value)], prefix: &str) -> Result<(), Error> {
    // A real query has a dozen keys: compared pairwise; a hostile one, up to
    // 64 KB of them, through a set.
    let twice = if entries.len() <= 32 {
        entries.iter().enumerate().find(|(i, (k, _))| entries.iter().take(*i).any(|(j, _)| j == k)).map(|(_, e)| e)
    } else {
        let mut seen = HashSet::with_capacity(entries.len());
        entries.iter().find(|(k, _)| !seen.insert(k.as_str()))
    };
    match twice {
        Some((key, _)) => Err(Error::duplicate_key(&format!("{prefix}{key}"))),
        None => Ok(()),
    }
}

fn required<T>(value: Option<T>, field: &str) -> Result<T, Error> {
    value.ok_or_else(|| Error::missing(field))
}

/// A query: its city, insurance, grade, care mode and month; every other key
/// is kept as given for the estimate to read by the declarations (`inputs`).
pub(crate) fn query(v: &Value) -> Result<Query, Error> {
    query_without(v, "")
}

/// [`query`] without the key `skip` (a plan's `months`).
fn query_without(v: &Value, skip: &str) -> Result<Query, Error> {
    let (mut city, mut insurance, mut grade, mut care_mode, mut month) = (None, None, None, None, None);
    let mut q = Query::new("", Insurance::Employee, Grade::None, "");
    for (key, value) in object(v)? {
        match key.as_str() {
            "city" => city = value::text(key, value)?.map(str::to_owned),
            "insurance" => insurance = value::choice(key, value, &Insurance::ALL, Insurance::id)?,
            "grade" => grade = value::choice(key, value, &Grade::ALL, Grade::id)?,
            "careMode" => care_mode = value::text(key, value)?.map(str::to_owned),
            "month" => month = value::month(key, value)?,
            k if k == skip => {}
            _ => q.inputs.push(key, value.clone()),
        }
    }
    q.city = required(city, "city")?;
    q.insurance = required(insurance, "insurance")?;
    q.grade = required(grade, "grade")?;
    q.care_mode = required(care_mode, "careMode")?;
    q.month = month;
    Ok(q)
}

/// A plan query: a query and `months`, a whole JSON number from 1 to 36 (default 12).
pub(crate) fn plan_query(v: &Value) -> Result<PlanQuery, Error> {
    let query = query_without(v, "months")?;
    let given = v.entries().unwrap_or_default().iter().find(|(k, _)| k == "months").map(|(_, v)| v);
    let months = match given {
        None | Some(Value::Null) => DEFAULT_PLAN_MONTHS,
        Some(Value::Number(n)) => {
            let whole = value::decimal("months", &Value::Number(n.clone()))
                .ok()
                .flatten()
                .filter(|d| d.fract().is_zero())
                .and_then(|d| u32::try_from(d).ok());
            match whole {
                Some(m) => check_months(m)?,
                None => return Err(months_error(&echo(n))),
            }
        }
        Some(_) => return Err(months_error(&"“非数字”")),
    };
    Ok(PlanQuery { query, months })
}

/// A contribution query; a key not in docs/contribution.md is `unknown_field`.
pub(crate) fn contribution_query(v: &Value) -> Result<ContributionQuery, Error> {
    let (mut city, mut year, mut insurance) = (None, None, None);
    let mut q = ContributionQuery::new("", 0, Insurance::Employee);
    for (key, value) in object(v)? {
        let k = key.as_str();
        match k {
            "city" => city = value::text(k, value)?.map(str::to_owned),
            "year" => year = Some(four_digit_year(value)?),
            "insurance" => insurance = value::choice(k, value, &Insurance::ALL, Insurance::id)?,
            _ if k == inputs::CATEGORY.key => q.category = value::choice(k, value, &Category::ALL, Category::id)?,
            _ if k == inputs::MONTHLY_BASE.key => q.monthly_base = value::decimal(k, value)?,
            _ if k == inputs::MONTHLY_PENSION.key => q.monthly_pension = value::decimal(k, value)?,
            _ if k == inputs::AGE.key => q.age = value::whole(k, value)?,
            _ if k == inputs::SUBSIDIZED.key => q.subsidized = value::flag(k, value)?,
            _ if k == inputs::DISTRICT.key => q.district = value::text(k, value)?.map(str::to_owned),
            _ => return Err(Error::unknown_field(k)),
        }
    }
    q.city = required(city, "city")?;
    q.year = required(year, "year")?;
    q.insurance = required(insurance, "insurance")?;
    Ok(q)
}

fn four_digit_year(v: &Value) -> Result<u16, Error> {
    let bad = || Error::invalid("year", "须为四位数年份", "must be a four-digit year");
    let n = value::whole("year", v).map_err(|_| bad())?.ok_or_else(|| Error::missing("year"))?;
    u16::try_from(n).ok().filter(|y| (1000..=9999).contains(y)).ok_or_else(bad)
}

/// A parameters query: `city` and `month`, both optional.
pub(crate) fn parameters_query(v: &Value) -> Result<ParametersQuery, Error> {
    let mut q = ParametersQuery::default();
    for (key, value) in object(v)? {
        match key.as_str() {
            "city" => q.city = value::text(key, value)?.map(str::to_owned),
            "month" => q.month = value::month(key, value)?,
            k => return Err(Error::unknown_field(k)),
        }
    }
    Ok(q)
}

// ---- A query's inputs, by their declarations ------------------------------

/// The inputs of `q` read by the declarations of the common inputs and of
/// `mode`: every key first (one neither declares is `unknown_field`), then
/// `careDays` (0 to the month's `days_in_force`), then each value in the
/// order given, then the mode's required inputs.
pub(crate) fn inputs(q: &Query, city: &City, mode: &Mode, document: &Document, month: Month) -> Result<(Given, u32), Error> {
    let days_in_force = document.days_in_force(month);
    let declared = |key: &str| inputs::common().iter().chain(mode.inputs).copied().find(|i| i.key == key);
    let mut found = Vec::with_capacity(q.inputs.len());
    for (key, value) in q.inputs.iter() {
        let Some(input) = declared(key) else {
            let known = list(mode.inputs.iter().map(|i| i.key));
            let key = echo(key);
            return Err(Error::at(
                ErrorCode::UnknownField,
                key.to_string(),
                format!("{}“{}”没有输入项{key}；该护理方式的输入项：{known}", city.name.zh, mode.name.zh),
                format!("{key} is not an input of {} \"{}\"; its inputs: {known}", city.name.en, mode.id),
            ));
        };
        found.push((input, value));
    }
    let care_days = match found.iter().find(|(i, _)| i.key == CARE_DAYS.key) {
        Some((_, v)) => care_days(value::whole(CARE_DAYS.key, v)?, days_in_force, document, month)?,
        None => days_in_force,
    };
    let mut given = Given::default();
    for (input, v) in found {
        if let Some(t) = typed(input, v, ThisMonth { month, care_days })? {
            given.0.push((input.key, t));
        }
    }
    resumed_years(&given)?;
    if let Some(missing) = mode.inputs.iter().find(|i| matches!(i.default, Default::Required) && given.get(i).is_none()) {
        return Err(Error::at(
            ErrorCode::MissingField,
            missing.key,
            format!("{}须填写{}（{}）", mode.name.zh, missing.label.zh, missing.key),
            format!("{} needs {} ({})", mode.name.en, missing.label.en, missing.key),
        ));
    }
    Ok((given, care_days))
}

/// Contributions interrupted and resumed `monthsSinceResumed` months ago have been
/// continuous for ⌊m / 12⌋ years at most: more continuous years contradict it.
fn resumed_years(given: &Given) -> Result<(), Error> {
    let interrupted = matches!(given.get(&INTERRUPTED_CONTRIBUTION), Some(Typed::Flag(true)));
    let (Some(Typed::Number(m)), Some(Typed::Years(y))) = (given.get(&MONTHS_SINCE_RESUMED), given.get(&CONTRIBUTION_YEARS)) else {
        return Ok(());
    };
    let most = u32::try_from(m).unwrap_or(u32::MAX) / 12;
    if !interrupted || y.continuous <= most {
        return Ok(());
    }
    Err(Error::at(
        ErrorCode::InvalidValue,
        "contributionYears.continuous",
        format!("连续缴费年限（{}）不能超过恢复缴费以来的年数（恢复{m}个月，最多{most}年）", y.continuous),
        format!("continuous years ({}) cannot exceed the years since contributions resumed ({m} months: at most {most})", y.continuous),
    ))
}

/// 0 to the days of the month on which the scheme is in force (`available`); default all of them.
fn care_days(given: Option<u32>, available: u32, document: &Document, month: Month) -> Result<u32, Error> {
    match given {
        None => Ok(available),
        Some(d) if d <= available => Ok(d),
        Some(d) => {
            let (zh, en) = if available < month.days() {
                let from = document.effective_from;
                (format!("，该月自{}日起实施", from.day()), format!(" (in force from {from})"))
            } else {
                (String::new(), String::new())
            };
            Err(Error::at(
                ErrorCode::InvalidValue,
                "careDays",
                format!("careDays须在0到{available}之间（{month}{zh}），收到{d}"),
                format!("careDays must be between 0 and {available} for {month}{en}, got {d}"),
            ))
        }
    }
}

/// One value read by its input's declaration; `None` for `null`.
fn typed(input: &Input, v: &Value, this_month: ThisMonth) -> Result<Option<Typed>, Error> {
    let key = input.key;
    Ok(match input.unit {
        Unit::Flag => Some(Typed::Flag(value::flag(key, v)?)),
        Unit::Month => value::month(key, v)?.map(Typed::Month),
        Unit::Years => years(v)?.map(Typed::Years),
        Unit::Choice(_) => None,
        Unit::CareDays | Unit::Months | Unit::Age => value::whole(key, v)?.map(|n| Typed::Number(Decimal::from(n))),
        unit => {
            // Counts are JSON numbers; amounts and hours may be decimal strings.
            if unit.is_integer() && matches!(v, Value::Text(_)) {
                return Err(Error::invalid(key, "须为数字，不能是字符串", "must be a number, not a string"));
            }
            let Some(n) = value::decimal(key, v)? else { return Ok(None) };
            check_value(key, unit, n, Some(this_month))?;
            Some(Typed::Number(n))
        }
    })
}

/// `{"continuous": n, "cumulative": n}`; any other value or key is refused,
/// and continuous years cannot exceed cumulative ones.
fn years(v: &Value) -> Result<Option<ContributionYears>, Error> {
    const CONTINUOUS: &str = "contributionYears.continuous";
    const CUMULATIVE: &str = "contributionYears.cumulative";
    let entries = match v {
        Value::Null => return Ok(None),
        Value::Object(entries) => entries,
        _ => {
            return Err(Error::invalid(
                CONTRIBUTION_YEARS.key,
                "须为对象：{\"continuous\": 年数, \"cumulative\": 年数}",
                "must be an object: {\"continuous\": years, \"cumulative\": years}",
            ))
        }
    };
    once_each(entries, "contributionYears.")?;
    let (mut continuous, mut cumulative) = (None, None);
    for (key, value) in entries {
        match key.as_str() {
            "continuous" => continuous = value::whole(CONTINUOUS, value)?,
            "cumulative" => cumulative = value::whole(CUMULATIVE, value)?,
            k => return Err(Error::unknown_field(&format!("contributionYears.{k}"))),
        }
    }
    let y = ContributionYears { continuous: required(continuous, CONTINUOUS)?, cumulative: required(cumulative, CUMULATIVE)? };
    if y.continuous > y.cumulative {
        return Err(Error::at(
            ErrorCode::InvalidValue,
            CONTINUOUS,
            format!("连续缴费年限（{}）不能超过累计缴费年限（{}）", y.continuous, y.cumulative),
            format!("continuous years ({}) cannot exceed cumulative years ({})", y.continuous, y.cumulative),
        ));
    }
    Ok(Some(y))
}

/// Whether a value read for `input` is the one it takes when left out: such
/// an input counts as not given (a form may send `false` for every flag).
pub(crate) fn at_default(input: &Input, t: Typed, days_in_force: u32) -> bool {
    match (t, input.default) {
        (Typed::Flag(b), _) => !b,
        (Typed::Number(v), Default::Fixed(d)) => v == d,
        (Typed::Number(v), Default::DaysInForce) => v == Decimal::from(days_in_force),
        _ => false,
    }
}

/// A count of the query as given, or its fixed default: for the plan, which
/// moves counts forward before they are read.
pub(crate) fn count_or_default(q: &Query, input: &Input) -> Option<u32> {
    match q.inputs.get(input.key) {
        Some(v) if *v != Value::Null => value::whole(input.key, v).ok().flatten(),
        _ => match input.default {
            Default::Fixed(d) => u32::try_from(d).ok(),
            _ => None,
        },
    }
}

/// Years of contributions as given, if they read.
pub(crate) fn years_given(q: &Query) -> Option<ContributionYears> {
    years(q.inputs.get(CONTRIBUTION_YEARS.key)?).ok().flatten()
}

/// A number of the query as given, if it reads: for the plan, which carries a
/// pattern (docs/plan.md) before the months are read.
pub(crate) fn number_given(q: &Query, input: &Input) -> Option<Decimal> {
    value::decimal(input.key, q.inputs.get(input.key)?).ok().flatten()
}
