//! Every figure a city's rules read, with its values by date and the words of
//! the source that state them (parameters.md): the table the formulas read
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
use crate::model::{Figure, ParamUnit, Parameter, ParameterValue, Status, Text};
use crate::month::{Date, Month};
use crate::rules::{City, Dated, DocKind, Document, Param};

/// Every parameter of one city (or of all), with all their values or, for a
/// `month`, those in force in it: for a month after the last value's period
/// (or before the first), the value the rules apply then, marked `expired`
/// (or `not_in_force`).
///
/// # Errors
///
/// `unknown_city`.
pub fn parameters(city: Option<&str>, month: Option<Month>) -> Result<Vec<Parameter>, Error> {
    Ok(match city {
        Some(id) => of_city(cities::find_or_error(id)?, month),
        None => CITIES.iter().flat_map(|c| of_city(c, month)).collect(),
    })
}

/// A city's table: its documents' periods, then its parameters in the order of its module.
pub(crate) fn of_city(city: &'static City, month: Option<Month>) -> Vec<Parameter> {
    let mut out = periods(city, month);
    out.extend(city.params.iter().map(|p| parameter(city.id, p, month)));
    out
}

/// The documents' periods, as parameters of their own: the day each takes
/// effect, the day it ends, and the days a month starting mid-month counts
/// (日照 2020-03: 16). They are the documents' own dates, not a copy.
fn periods(city: &City, month: Option<Month>) -> Vec<Parameter> {
    let docs = city.documents;
    let dated = |d: &'static Document, from: Date, to: Option<Date>, value: Figure| {
        let v = ParameterValue { from, to, value, document: d.number, citation: d.period_citation, quote: d.period_quote, status: None };
        (v, d.kind)
    };
    let rows: [Row; 3] = [
        (
            "scheme.effective_from",
            Text::new("施行日期", "In force from"),
            ParamUnit::Date,
            docs.iter().map(|d| dated(d, d.effective_from, d.effective_to, Figure::Day(d.effective_from))).collect(),
        ),
        (
            "scheme.effective_to",
            Text::new("有效期至", "In force until"),
            ParamUnit::Date,
            docs.iter().filter_map(|d| Some(dated(d, d.effective_from, d.effective_to, Figure::Day(d.effective_to?)))).collect(),
        ),
        (
            "scheme.first_month_days",
            Text::new("施行首月计算的天数", "Days counted in the first month"),
            ParamUnit::Days,
            docs.iter()
                .filter(|d| d.effective_from.day() > 1)
                .map(|d| {
                    let first = d.effective_from.month();
                    let last = Date::ymd(first.year(), first.number(), u8::try_from(first.days()).unwrap_or(28));
                    dated(d, d.effective_from, Some(last), Figure::Number(d.days_in_force(first).into()))
                })
                .collect(),
        ),
    ];
    rows.into_iter()
        .filter(|(_, _, _, values)| !values.is_empty())
        .map(|(id, label, unit, values)| Parameter {
            city: city.id,
            id,
            label: label.zh,
            label_en: label.en,
            unit,
            values: in_month(values, month),
        })
        .collect()
}

/// A parameter of the periods: id, label, unit, values with their documents' kinds.
type Row = (&'static str, Text, ParamUnit, Vec<(ParameterValue, DocKind)>);

fn parameter(city: &'static str, p: &'static Param, month: Option<Month>) -> Parameter {
    let values = p.values.iter().map(value).collect();
    Parameter { city, id: p.id, label: p.label.zh, label_en: p.label.en, unit: p.unit, values: in_month(values, month) }
}

fn value(v: &Dated) -> (ParameterValue, DocKind) {
    let shown = ParameterValue {
        from: v.from,
        to: v.to,
        value: Figure::Number(v.value),
        document: v.document.number,
        citation: v.citation,
        quote: v.quote,
        status: None,
    };
    (shown, v.document.kind)
}

/// For a month: the values whose period meets it, each with its status; if
/// none does, the one the rules apply (the last started by then, else the first).
fn in_month(values: Vec<(ParameterValue, DocKind)>, month: Option<Month>) -> Vec<ParameterValue> {
    let Some(month) = month else { return values.into_iter().map(|(v, _)| v).collect() };
    let meets = |v: &ParameterValue| v.from.month() <= month && v.to.is_none_or(|t| t.month() >= month);
    let mut kept: Vec<&(ParameterValue, DocKind)> = values.iter().filter(|(v, _)| meets(v)).collect();
    if kept.is_empty() {
        kept.extend(values.iter().rev().find(|(v, _)| v.from.month() <= month).or(values.first()));
    }
    kept.into_iter()
        .map(|(v, kind)| {
            let status = if month < v.from.month() {
                Status::NotInForce
            } else if v.to.is_some_and(|t| month > t.month()) {
                Status::Expired
            } else {
                match kind {
                    DocKind::Draft => Status::Draft,
                    DocKind::Article => Status::Article,
                    DocKind::Policy => Status::InForce,
                }
            };
            ParameterValue { status: Some(status), ..v.clone() }
        })
        .collect()
}

#[cfg(test)]
mod tests;
