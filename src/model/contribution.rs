//! What is asked and answered about contributions (筹资): who a person is
//! (`ContributionQuery`) and what each payer puts in per year (`Contribution`).

use crate::model::{Insurance, Note, Text};
use crate::money::Money;
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

/// Who a person is, for contributions.
#[derive(Clone, Debug, PartialEq)]
pub struct ContributionQuery {
    pub city: String,
    pub year: u16,
    pub insurance: Insurance,
    /// 晋城 employees: employed (在职), flexible (灵活就业) or retired (退休).
    pub category: Option<Category>,
    /// 晋城 employed and flexible: the medical-insurance contribution base, per month.
    pub monthly_base: Option<Decimal>,
    /// 晋城 retired: the monthly pension.
    pub monthly_pension: Option<Decimal>,
    /// 连云港 residents: age in years.
    pub age: Option<u32>,
    /// 常州 residents entitled to the government subsidy of their personal contribution.
    pub subsidized: bool,
    /// 常州: the district whose finances pay the government share.
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
    pub citation: Cow<'static, str>,
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
