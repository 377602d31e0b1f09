//! What the parameters door answers (docs/parameters.md): every figure the rules
//! read, with its values by date and their sources.

use crate::model::Status;
use crate::money::plain;
use crate::month::{Date, Month};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

/// Which parameters: one city's or all, every value or those of one month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParametersQuery {
    pub city: Option<String>,
    pub month: Option<Month>,
}

/// What a parameter's value measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamUnit {
    Yuan,
    YuanPerDay,
    YuanPerHour,
    YuanPerMonth,
    YuanPerVisit,
    YuanPerYear,
    YuanPerPersonYear,
    /// A decimal share: 70% is 0.7.
    Ratio,
    /// A contribution rate: 0.15% of the base is 0.0015.
    RateOfBase,
    Days,
    Hours,
    Months,
    Years,
    /// An age in whole years (周岁).
    Age,
    /// Visits a week (南通's package) or a month (连云港's home visits).
    VisitsPerWeek,
    VisitsPerMonth,
    /// A day, "YYYY-MM-DD": a document's period.
    Date,
}

impl ParamUnit {
    pub const ALL: [ParamUnit; 17] = [
        ParamUnit::Yuan,
        ParamUnit::YuanPerDay,
        ParamUnit::YuanPerHour,
        ParamUnit::YuanPerMonth,
        ParamUnit::YuanPerVisit,
        ParamUnit::YuanPerYear,
        ParamUnit::YuanPerPersonYear,
        ParamUnit::Ratio,
        ParamUnit::RateOfBase,
        ParamUnit::Days,
        ParamUnit::Hours,
        ParamUnit::Months,
        ParamUnit::Years,
        ParamUnit::Age,
        ParamUnit::VisitsPerWeek,
        ParamUnit::VisitsPerMonth,
        ParamUnit::Date,
    ];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            ParamUnit::Yuan => "yuan",
            ParamUnit::YuanPerDay => "yuan_per_day",
            ParamUnit::YuanPerHour => "yuan_per_hour",
            ParamUnit::YuanPerMonth => "yuan_per_month",
            ParamUnit::YuanPerVisit => "yuan_per_visit",
            ParamUnit::YuanPerYear => "yuan_per_year",
            ParamUnit::YuanPerPersonYear => "yuan_per_person_year",
            ParamUnit::Ratio => "ratio",
            ParamUnit::RateOfBase => "rate_of_base",
            ParamUnit::Days => "days",
            ParamUnit::Hours => "hours",
            ParamUnit::Months => "months",
            ParamUnit::Years => "years",
            ParamUnit::Age => "age",
            ParamUnit::VisitsPerWeek => "visits_per_week",
            ParamUnit::VisitsPerMonth => "visits_per_month",
            ParamUnit::Date => "date",
        }
    }
}

/// Its JSON name, `id()` (a lookup, not a match of serde's per variant: the
/// page's WebAssembly size budget).
impl Serialize for ParamUnit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// One figure of a city's rules and its values by date.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Parameter {
    pub city: &'static str,
    /// Stable, dotted, English: what the formulas refer to.
    pub id: &'static str,
    pub label: &'static str,
    /// The id in words: "Home visit: monthly quota".
    pub label_en: String,
    pub unit: ParamUnit,
    /// In date order; for one month, only those in force in it.
    pub values: Vec<ParameterValue>,
}

/// A value, the period it holds for and its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParameterValue {
    pub from: Date,
    /// `None`: open-ended.
    pub to: Option<Date>,
    pub value: Figure,
    /// The document's number (or short name).
    pub document: &'static str,
    /// Document and clause, as on estimate lines.
    pub citation: Cow<'static, str>,
    /// The few words of the source that state it.
    pub quote: &'static str,
    /// Only for one month: `in_force`, `expired` (the last value, after its
    /// period, still applied), `not_in_force` (before it), `draft` or `article`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// A parameter's value: a decimal ("1500", "0.7") or, for a period, a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Number(Decimal),
    Day(Date),
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Figure::Number(d) => plain(*d).fmt(f),
            Figure::Day(d) => d.fmt(f),
        }
    }
}

/// Crosses every door as a string, as money does: never a float.
impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
