//! Every figure a city's rules read, with its values by date and the words of
//! the source that state them (docs/parameters.md): the table the formulas read
//! from, for a reader to check against the documents.
//!
//! ```
//! let month = ltci::Month::parse("2022-06");
//! let table = ltci::parameters(Some("jincheng"), month).unwrap();
//! let share = table.iter().find(|p| p.id == "contribution.employer_share_from_medical_fund").unwrap();
//! assert_eq!(share.values.len(), 1);
//! assert_eq!(share.values[0].value.to_string(), "1"); // 2021–2022: all from the medical fund
//! assert_eq!(share.values[0].citation, "晋市政发〔2020〕14号 四(四)");
//! ```

use crate::cities::{self, CITIES};
use crate::error::Error;
use crate::model::{Figure, ParamUnit, Parameter, ParameterValue, Status};
use crate::month::{Date, Month};
use crate::rules::{City, DocKind};

/// Every parameter of one city (or of all), with all their values or, for a
/// `month`, those in force in it: for a month after the last value's period
/// (or before the first), the value the rules apply then, marked `expired`
/// (or `not_in_force`).
///
/// # Errors
///
/// `unknown_city`.
pub fn parameters(city: Option<&str>, month: Option<Month>) -> Result<Vec<Parameter>, Error> {
    let mut out = Vec::new();
    match city {
        Some(id) => push_city(&mut out, cities::find_or_error(id)?, month),
        None => {
            for c in CITIES {
                push_city(&mut out, c, month);
            }
        }
    }
    Ok(out)
}

/// A city's table: its documents' periods, then its parameters in the order of its module.
#[cfg(test)]
pub(crate) fn of_city(city: &'static City, month: Option<Month>) -> Vec<Parameter> {
    let mut out = Vec::new();
    push_city(&mut out, city, month);
    out
}

/// The documents' periods come first, as parameters of their own: the day each
/// takes effect, the day it ends, and the days a month starting mid-month counts
/// (日照 2020-03: 16). They are the documents' own dates, not a copy.
fn push_city(out: &mut Vec<Parameter>, city: &'static City, month: Option<Month>) {
    let rows = [
        ("scheme.effective_from", "施行日期", ParamUnit::Date),
        ("scheme.effective_to", "有效期至", ParamUnit::Date),
        ("scheme.first_month_days", "施行首月计算的天数", ParamUnit::Days),
    ];
    for (row, (id, label, unit)) in rows.into_iter().enumerate() {
        let mut values = Vec::new();
        for d in city.documents {
            let start = d.effective_from.month();
            let (to, value) = match row {
                0 => (d.effective_to, Figure::Day(d.effective_from)),
                1 => match d.effective_to {
                    Some(end) => (d.effective_to, Figure::Day(end)),
                    None => continue,
                },
                _ if d.effective_from.day() > 1 => {
                    let last = Date::ymd(start.year(), start.number(), u8::try_from(start.days()).unwrap_or(28));
                    (Some(last), Figure::Number(d.days_in_force(start).into()))
                }
                _ => continue,
            };
            let (citation, quote) = (d.period_citation.into(), d.period_quote);
            values.push(ParameterValue { from: d.effective_from, to, value, document: d.number, citation, quote, status: None });
        }
        push(out, city, id, label, unit, values, month);
    }
    for p in city.params {
        let mut values = Vec::new();
        for v in p.values {
            let (citation, quote) = (v.citation.into(), v.quote);
            values.push(ParameterValue {
                from: v.from,
                to: v.to,
                value: Figure::Number(v.value),
                document: v.document.number,
                citation,
                quote,
                status: None,
            });
        }
        push(out, city, p.id, p.label, p.unit, values, month);
    }
}

/// Adds a parameter with, for a month, the values whose period meets it, each
/// with its status; if none does, the one the rules apply then (the last
/// started by then, else the first), whose status says it is past or not yet.
#[inline(never)]
fn push(
    out: &mut Vec<Parameter>,
    city: &City,
    id: &'static str,
    label: &'static str,
    unit: ParamUnit,
    values: Vec<ParameterValue>,
    month: Option<Month>,
) {
    let values = match month {
        None => values,
        Some(m) => {
            let (mut kept, mut applied) = (Vec::new(), 0);
            for (i, v) in values.iter().enumerate() {
                if v.from.month() <= m {
                    applied = i;
                    if v.to.is_none_or(|t| t.month() >= m) {
                        kept.push(status(city, v, m));
                    }
                }
            }
            if kept.is_empty() {
                kept.extend(values.get(applied).map(|v| status(city, v, m)));
            }
            kept
        }
    };
    if !values.is_empty() {
        out.push(Parameter { city: city.id, id, label, label_en: english(id), unit, values });
    }
}

/// The English label: the id in words, `home_visit.monthly_quota` → "Home visit:
/// monthly quota", `medical_special.bed_day_quota.level_1` → "Medical special: bed
/// day quota, level 1". (Written-out names cost the page's size budget 0.5 KB.)
fn english(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 4);
    for (i, part) in id.split('.').enumerate() {
        out.push_str(["", ": "].get(i).copied().unwrap_or(", "));
        out.push_str(&part.replace('_', " "));
    }
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// A value for a month: before its period, after it, or in it (as its document
/// is). After it, under a later document: carried on, cited to that document's
/// clause, when it says the rest continues (`Document::continues`); else superseded.
fn status(city: &City, v: &ParameterValue, m: Month) -> ParameterValue {
    let own = city.documents.iter().find(|d| d.number == v.document);
    let kind = own.map_or(DocKind::Policy, |d| d.kind);
    let later = city.document(m).filter(|d| own.is_some_and(|o| d.effective_from > o.effective_from));
    let (status, citation) = match kind {
        _ if m < v.from.month() => (Status::NotInForce, v.citation.clone()),
        _ if v.to.is_some_and(|t| m > t.month()) => match later {
            Some(d) => match d.continues {
                Some(clause) => (d.status(m), format!("{}（继续执行{}）", d.cite(clause), v.citation).into()),
                None => (Status::Superseded, v.citation.clone()),
            },
            None => (Status::Expired, v.citation.clone()),
        },
        DocKind::Draft => (Status::Draft, v.citation.clone()),
        DocKind::Article => (Status::Article, v.citation.clone()),
        DocKind::Policy => (Status::InForce, v.citation.clone()),
    };
    ParameterValue { status: Some(status), citation, ..v.clone() }
}

#[cfg(test)]
mod tests;
