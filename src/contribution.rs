//! Contributions (筹资): what each payer puts in per person per year.
//!
//! ```
//! let c = ltci::contribution_json(r#"{"city":"jincheng","year":2023,"insurance":"employee",
//!     "category":"employed","monthlyBase":6000}"#).unwrap();
//! assert_eq!(c.totals.individual.to_string(), "108.00"); // 0.15% × 6000 × 12
//! assert_eq!(c.totals.total.to_string(), "216.00");
//! ```

use crate::catalog::Choice;
use crate::error::{Error, ErrorCode};
use crate::estimate::{check_value, city};
use crate::input;
use crate::model::{Insurance, Note, Text};
use crate::money::Money;
use crate::rules::{Document, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Who a person is, for contributions.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContributionQuery {
    #[serde(deserialize_with = "input::contribution::city")]
    pub city: String,
    #[serde(deserialize_with = "input::contribution::year")]
    pub year: u16,
    #[serde(deserialize_with = "input::contribution::insurance")]
    pub insurance: Insurance,
    /// 晋城 employees: employed (在职), flexible (灵活就业) or retired (退休).
    #[serde(default, deserialize_with = "input::contribution::category")]
    pub category: Option<Category>,
    /// 晋城 employed and flexible: the medical-insurance contribution base, per month.
    #[serde(default, deserialize_with = "input::contribution::monthly_base")]
    pub monthly_base: Option<Decimal>,
    /// 晋城 retired: the monthly pension.
    #[serde(default, deserialize_with = "input::contribution::monthly_pension")]
    pub monthly_pension: Option<Decimal>,
    /// 连云港 residents: age in years.
    #[serde(default, deserialize_with = "input::contribution::age")]
    pub age: Option<u32>,
    /// 常州 residents entitled to the government subsidy of their personal contribution.
    #[serde(default, deserialize_with = "input::contribution::subsidized")]
    pub subsidized: bool,
    /// 常州: the district whose finances pay the government share.
    #[serde(default, deserialize_with = "input::contribution::district")]
    pub district: Option<String>,
}

impl ContributionQuery {
    pub fn new(city: &str, year: u16, insurance: Insurance) -> ContributionQuery {
        ContributionQuery {
            city: city.to_owned(),
            year,
            insurance,
            category: None,
            monthly_base: None,
            monthly_pension: None,
            age: None,
            subsidized: false,
            district: None,
        }
    }
}

/// An employee's situation (晋城 四(四)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Employed,
    Flexible,
    Retired,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Employed, Category::Flexible, Category::Retired];

    pub const fn id(self) -> &'static str {
        match self {
            Category::Employed => "employed",
            Category::Flexible => "flexible",
            Category::Retired => "retired",
        }
    }

    pub const fn name(self) -> Text {
        match self {
            Category::Employed => Text::new("在职职工", "Employed"),
            Category::Flexible => Text::new("灵活就业人员", "Flexibly employed"),
            Category::Retired => Text::new("退休人员", "Retired"),
        }
    }
}

impl input::Named for Category {
    const ALL: &'static [Category] = &Category::ALL;
    fn id(self) -> &'static str {
        Category::id(self)
    }
}

/// Who pays a contribution line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Payer {
    Individual,
    Employer,
    Government,
    MedicalFund,
}

/// The answer: each payer's line and the totals per payer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contribution {
    pub city: &'static str,
    pub year: u16,
    pub insurance: Insurance,
    pub lines: Vec<ContributionLine>,
    pub totals: ContributionTotals,
    pub policy: ContributionPolicy,
    pub notes: Vec<Note>,
}

/// One payer's amount for the year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContributionLine {
    pub payer: Payer,
    pub label: &'static str,
    pub label_en: &'static str,
    pub amount: Money,
    pub basis: String,
    pub basis_en: String,
    pub citation: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContributionTotals {
    pub individual: Money,
    pub employer: Money,
    pub government: Money,
    pub medical_fund: Money,
    pub total: Money,
}

/// The document the standard comes from, and whether it states it for the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContributionPolicy {
    pub document: &'static str,
    pub title: &'static str,
    /// The years the source states the standard for.
    pub stated_from: u16,
    pub stated_to: u16,
    pub status: ContributionStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContributionStatus {
    /// The source states the standard for this year.
    Stated,
    /// A later year: the last stated standard, carried forward.
    CarriedForward,
}

/// A city's contribution rules.
pub(crate) struct Rules {
    pub document: &'static Document,
    /// The years the source states a standard for.
    pub stated_from: u16,
    pub stated_to: u16,
    /// Why the first year is what it is, when the source does not say it outright.
    pub first_year_citation: &'static str,
    /// Who sets later standards, in the source's own words.
    pub later_years: Text,
    pub later_years_citation: &'static str,
    pub insurance: &'static [Insurance],
    pub insurance_not_covered: Text,
    /// The query keys this city reads, besides city, year and insurance.
    pub inputs: &'static [&'static str],
    /// The districts `district` may name.
    pub districts: &'static [Choice],
    pub compute: fn(&ContributionQuery, &mut Lines) -> Result<(), Error>,
}

/// The lines and notes a city computes.
#[derive(Default)]
pub(crate) struct Lines {
    pub lines: Vec<ContributionLine>,
    pub notes: Vec<Note>,
}

impl Lines {
    pub fn push(&mut self, payer: Payer, label: Text, amount: Decimal, basis: [String; 2], citation: &'static str) {
        let [basis, basis_en] = basis;
        self.lines.push(ContributionLine {
            payer,
            label: label.zh,
            label_en: label.en,
            amount: Money::round(amount),
            basis,
            basis_en,
            citation,
        });
    }

    pub fn note(&mut self, note: Note) {
        self.notes.push(note);
    }
}

/// The oldest age anyone is taken to have.
const MAX_AGE: u32 = 150;

/// What each payer puts in for one person in one year.
///
/// # Errors
///
/// `unknown_city`; `not_in_sources` when the sources give no amounts;
/// `insurance_not_covered`; `not_in_force` for a year before the first standard;
/// `missing_field` or `invalid_value` for the city's own inputs.
pub fn contribution(q: &ContributionQuery) -> Result<Contribution, Error> {
    let city = city(&q.city)?;
    let Some(rules) = city.contribution else {
        return Err(Error::at(
            ErrorCode::NotInSources,
            "city",
            format!("{}的筹资标准不在本计算器的资料中。", city.name.zh),
            format!("{}'s contribution amounts are not in this calculator's sources.", city.name.en),
        ));
    };
    for (field, value) in [("monthlyBase", q.monthly_base), ("monthlyPension", q.monthly_pension)] {
        if let Some(v) = value {
            check_value(field, Unit::YuanPerMonth, v, 0)?;
        }
    }
    if q.age.is_some_and(|a| a > MAX_AGE) {
        return Err(Error::invalid("age", &format!("须在0到{MAX_AGE}之间"), &format!("must be between 0 and {MAX_AGE}")));
    }
    if !rules.insurance.contains(&q.insurance) {
        return Err(Error::at(ErrorCode::InsuranceNotCovered, "insurance", rules.insurance_not_covered.zh, rules.insurance_not_covered.en));
    }
    if q.year < rules.stated_from {
        let first = rules.stated_from;
        return Err(Error::at(
            ErrorCode::NotInForce,
            "year",
            format!("{}的长期护理保险筹资自{first}年度起，{}年度尚未开始。（{}）", city.name.zh, q.year, rules.first_year_citation),
            format!(
                "{}'s LTC contributions start with the {first} contribution year; {} is before that. ({})",
                city.name.en, q.year, rules.first_year_citation
            ),
        ));
    }
    let mut out = Lines::default();
    (rules.compute)(q, &mut out)?;
    let status = if q.year > rules.stated_to {
        out.note(Note {
            code: "carried_forward",
            message: Cow::Owned(format!("资料只给出{}年度的标准，此处沿用。{}", rules.stated_to, rules.later_years.zh)),
            message_en: Cow::Owned(format!(
                "The sources state the standard up to {}; it is carried forward here. {}",
                rules.stated_to, rules.later_years.en
            )),
            citation: rules.later_years_citation,
        });
        ContributionStatus::CarriedForward
    } else {
        ContributionStatus::Stated
    };
    let sum = |p: Payer| out.lines.iter().filter(|l| l.payer == p).map(|l| l.amount).sum::<Money>();
    let totals = ContributionTotals {
        individual: sum(Payer::Individual),
        employer: sum(Payer::Employer),
        government: sum(Payer::Government),
        medical_fund: sum(Payer::MedicalFund),
        total: out.lines.iter().map(|l| l.amount).sum(),
    };
    Ok(Contribution {
        city: city.id,
        year: q.year,
        insurance: q.insurance,
        lines: out.lines,
        totals,
        policy: ContributionPolicy {
            document: rules.document.number,
            title: rules.document.title,
            stated_from: rules.stated_from,
            stated_to: rules.stated_to,
            status,
        },
        notes: out.notes,
    })
}

/// A required input of one city's contribution rule.
pub(crate) fn required<T>(value: Option<T>, field: &'static str, who: Text) -> Result<T, Error> {
    value.ok_or_else(|| {
        let label = crate::catalog::contribution_label(field);
        Error::at(
            ErrorCode::MissingField,
            field,
            format!("{}须填写{}（{field}）", who.zh, label.zh),
            format!("{} needs: {} ({field})", who.en, label.en),
        )
    })
}
