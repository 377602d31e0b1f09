//! The domain model: what is asked (`Query`), what is answered (`Estimate`,
//! made of `Line`s, `Reason`s and `Note`s), and the document it rests on (`Policy`).

use crate::money::Money;
use crate::month::{Date, Month};
use crate::value::Value;
use serde::Serialize;
use std::borrow::Cow;

mod contribution;
mod parameter;
pub use contribution::{
    Category, Contribution, ContributionLine, ContributionPolicy, ContributionQuery, ContributionStatus, ContributionTotals, Payer,
};
pub use parameter::{Figure, ParamUnit, Parameter, ParameterValue, ParametersQuery};
mod plan;
pub(crate) use plan::{check_months, months_error};
pub use plan::{
    Assumption, AssumptionRule, Change, ChangeCode, Plan, PlanMonth, PlanQuery, WhatWouldChange, DEFAULT_PLAN_MONTHS, MAX_PLAN_MONTHS,
};

/// Compact JSON of a model type, the same bytes on every door: `serde_json`'s,
/// written natively by sonic-rs (Cargo.toml). The types serialize to strings,
/// numbers, booleans, lists and objects only: serializing cannot fail.
pub(crate) fn json_text<T: Serialize>(value: &T) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return sonic_rs::to_string(value).unwrap_or_default();
    #[cfg(target_arch = "wasm32")]
    return serde_json::to_string(value).unwrap_or_default();
}

/// The person's basic medical insurance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Insurance {
    /// 职工基本医疗保险
    Employee,
    /// 城乡居民基本医疗保险
    Resident,
}

/// Assessed disability grade, on the national long-term care disability assessment standard:
/// level 0 = `None`, 1 = `Mild`, 2 = `Moderate`, 3–5 (重度Ⅰ–Ⅲ级) = `Severe`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    None,
    Mild,
    Moderate,
    Severe,
}

impl Insurance {
    pub const ALL: [Insurance; 2] = [Insurance::Employee, Insurance::Resident];

    pub fn id(self) -> &'static str {
        match self {
            Insurance::Employee => "employee",
            Insurance::Resident => "resident",
        }
    }

    pub fn parse(id: &str) -> Option<Insurance> {
        Insurance::ALL.into_iter().find(|i| i.id() == id)
    }

    pub fn name(self) -> Text {
        match self {
            Insurance::Employee => Text::new("职工基本医疗保险", "Employee basic medical insurance"),
            Insurance::Resident => Text::new("城乡居民基本医疗保险", "Urban and rural resident basic medical insurance"),
        }
    }
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::None, Grade::Mild, Grade::Moderate, Grade::Severe];

    pub fn id(self) -> &'static str {
        match self {
            Grade::None => "none",
            Grade::Mild => "mild",
            Grade::Moderate => "moderate",
            Grade::Severe => "severe",
        }
    }

    pub fn parse(id: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.id() == id)
    }

    pub fn name(self) -> Text {
        match self {
            Grade::None => Text::new("基本正常", "No disability"),
            Grade::Mild => Text::new("轻度失能", "Mild disability"),
            Grade::Moderate => Text::new("中度失能", "Moderate disability"),
            Grade::Severe => Text::new("重度失能", "Severe disability"),
        }
    }

    /// The national assessment standard's levels that map to this grade.
    pub fn levels(self) -> Text {
        match self {
            Grade::None => Text::new("0级 基本正常", "level 0, normal"),
            Grade::Mild => Text::new("1级 轻度失能", "level 1, mild"),
            Grade::Moderate => Text::new("2级 中度失能", "level 2, moderate"),
            Grade::Severe => Text::new("3–5级 重度失能Ⅰ–Ⅲ级", "levels 3–5, severe I–III"),
        }
    }
}

/// An id with its names, for a form's choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub id: &'static str,
    pub name: Text,
}

/// A text in Chinese and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }
}

/// Years of medical-insurance contributions in the city (晋城 四(六)2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContributionYears {
    pub continuous: u32,
    pub cumulative: u32,
}

impl From<ContributionYears> for Value {
    fn from(y: ContributionYears) -> Value {
        Value::Object(vec![("continuous".into(), y.continuous.into()), ("cumulative".into(), y.cumulative.into())])
    }
}

/// One question: whose rules, which person, which month, which care.
///
/// ```
/// use ltci::{Grade, Insurance, Month, Query};
/// let mut q = Query::new("jincheng", Insurance::Employee, Grade::Severe, "home_visit");
/// q.month = Month::parse("2024-03");
/// q.inputs.set("careDays", 10);
/// let e = ltci::estimate(&q).unwrap();
/// assert_eq!(e.totals.fund.to_string(), "350.00");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    pub city: String,
    pub insurance: Insurance,
    pub grade: Grade,
    pub care_mode: String,
    /// Default: the current month in China.
    pub month: Option<Month>,
    /// Every other key of the query as given (`careDays`, `homeServiceCost`, …):
    /// the estimate reads each by its declaration, the common inputs' or the
    /// care mode's, and refuses a key that is neither (`unknown_field`).
    pub inputs: Inputs,
}

impl Query {
    /// A query with every optional input at its default.
    pub fn new(city: &str, insurance: Insurance, grade: Grade, care_mode: &str) -> Query {
        Query { city: city.to_owned(), insurance, grade, care_mode: care_mode.to_owned(), month: None, inputs: Inputs::default() }
    }
}

/// The inputs of a query by JSON key, each key at most once, in the order given.
///
/// ```
/// use rust_decimal_macros::dec;
/// let mut inputs = ltci::Inputs::default();
/// inputs.set("homeServiceCost", dec!(1000));
/// inputs.set("homeServiceCost", dec!(800));
/// assert_eq!(inputs.get("homeServiceCost"), Some(&ltci::Value::from(dec!(800))));
/// assert_eq!(inputs.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inputs(Vec<(String, Value)>);

impl Inputs {
    /// Sets `key`, replacing an earlier value.
    pub fn set(&mut self, key: &str, value: impl Into<Value>) {
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key.to_owned(), value)),
        }
    }

    /// Adds a key known not to be there yet (the reader refuses a key given twice).
    pub(crate) fn push(&mut self, key: &str, value: Value) {
        self.0.push((key.to_owned(), value));
    }

    /// The value of `key` as given.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Leaves `key` out, as if it had not been given.
    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    /// Every key with its value, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The answer: what the fund pays this month and what the person pays, line by line.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    pub city: &'static str,
    pub care_mode: &'static str,
    pub month: Month,
    pub care_days: u32,
    pub eligible: bool,
    pub reasons: Vec<Reason>,
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub policy: Policy,
    pub notes: Vec<Note>,
    /// A short checksum of this answer ("K7M2-9QXA"): the same for every query
    /// with the same answer, and nothing of the inputs (src/reference.rs).
    pub reference: String,
}

/// Whether a line buys care from a provider or is a cash subsidy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Care bought from a provider: `cost = fund + selfPay`.
    Service,
    /// A subsidy or allowance: `cost = fund`, `selfPay = 0`.
    Allowance,
}

impl LineKind {
    pub const ALL: [LineKind; 2] = [LineKind::Service, LineKind::Allowance];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            LineKind::Service => "service",
            LineKind::Allowance => "allowance",
        }
    }
}

/// One benefit: its cost, the fund's share, the person's share, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    pub id: &'static str,
    pub kind: LineKind,
    pub label: &'static str,
    pub label_en: &'static str,
    /// `None` when it depends on a charge the query did not give.
    pub cost: Option<Money>,
    pub fund: Money,
    pub self_pay: Option<Money>,
    /// The formula in words, with the numbers used.
    pub basis: String,
    pub basis_en: String,
    /// Document and clause: "晋市政发〔2020〕14号 四(七)2".
    pub citation: Cow<'static, str>,
}

// The other two are a service line with one thing changed.
impl Line {
    /// A service whose cost is known: the person pays what the fund does not.
    pub fn service(
        id: &'static str,
        label: Text,
        cost: Money,
        fund: Money,
        basis: [String; 2],
        citation: impl Into<Cow<'static, str>>,
    ) -> Line {
        let [basis, basis_en] = basis;
        Line {
            id,
            kind: LineKind::Service,
            label: label.zh,
            label_en: label.en,
            cost: Some(cost),
            fund,
            self_pay: Some(cost - fund),
            basis,
            basis_en,
            citation: citation.into(),
        }
    }

    /// A service paid at a fixed rate whose full charge is unknown.
    pub fn service_unknown_cost(
        id: &'static str,
        label: Text,
        fund: Money,
        basis: [String; 2],
        citation: impl Into<Cow<'static, str>>,
    ) -> Line {
        Line { cost: None, self_pay: None, ..Line::service(id, label, fund, fund, basis, citation) }
    }

    /// A subsidy or allowance: cost equals fund, nothing to pay.
    pub fn allowance(id: &'static str, label: Text, fund: Money, basis: [String; 2], citation: impl Into<Cow<'static, str>>) -> Line {
        Line { kind: LineKind::Allowance, ..Line::service(id, label, fund, fund, basis, citation) }
    }
}

/// Sums of the rounded lines. `cost` and `selfPay` are `None` if any line's is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    pub cost: Option<Money>,
    pub fund: Money,
    pub self_pay: Option<Money>,
}

impl Totals {
    pub const ZERO: Totals = Totals { cost: Some(Money::ZERO), fund: Money::ZERO, self_pay: Some(Money::ZERO) };

    pub fn of(lines: &[Line]) -> Totals {
        Totals {
            cost: lines.iter().map(|l| l.cost).sum(),
            fund: lines.iter().map(|l| l.fund).sum(),
            self_pay: lines.iter().map(|l| l.self_pay).sum(),
        }
    }
}

/// Why a person gets nothing (every failed condition is listed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub code: ReasonCode,
    pub message: Cow<'static, str>,
    pub message_en: Cow<'static, str>,
    pub citation: Cow<'static, str>,
}

/// The conditions a person can fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    InsuranceNotCovered,
    GradeNotCovered,
    DisabilityTooShort,
    WorkInjuryAllowance,
    BenefitsLocked,
    ContributionYearsShort,
    ContributionInterrupted,
    WaitingPeriod,
    NotInForce,
    BeforeBenefitStart,
    /// 常州 五(五)2 就高: the disability care subsidy is higher than what LTC insurance pays.
    DisabilitySubsidyHigher,
}

impl ReasonCode {
    pub const ALL: [ReasonCode; 11] = [
        ReasonCode::InsuranceNotCovered,
        ReasonCode::GradeNotCovered,
        ReasonCode::DisabilityTooShort,
        ReasonCode::WorkInjuryAllowance,
        ReasonCode::BenefitsLocked,
        ReasonCode::ContributionYearsShort,
        ReasonCode::ContributionInterrupted,
        ReasonCode::WaitingPeriod,
        ReasonCode::NotInForce,
        ReasonCode::BeforeBenefitStart,
        ReasonCode::DisabilitySubsidyHigher,
    ];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            ReasonCode::InsuranceNotCovered => "insurance_not_covered",
            ReasonCode::GradeNotCovered => "grade_not_covered",
            ReasonCode::DisabilityTooShort => "disability_too_short",
            ReasonCode::WorkInjuryAllowance => "work_injury_allowance",
            ReasonCode::BenefitsLocked => "benefits_locked",
            ReasonCode::ContributionYearsShort => "contribution_years_short",
            ReasonCode::ContributionInterrupted => "contribution_interrupted",
            ReasonCode::WaitingPeriod => "waiting_period",
            ReasonCode::NotInForce => "not_in_force",
            ReasonCode::BeforeBenefitStart => "before_benefit_start",
            ReasonCode::DisabilitySubsidyHigher => "disability_subsidy_higher",
        }
    }
}

/// A reading the calculator chose, or a condition it cannot check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub code: &'static str,
    pub message: Cow<'static, str>,
    pub message_en: Cow<'static, str>,
    pub citation: Cow<'static, str>,
}

/// The document an estimate rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    pub document: &'static str,
    pub title: &'static str,
    pub effective_from: Date,
    pub effective_to: Option<Date>,
    pub status: Status,
}

/// How far the document can be trusted for the month asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The month is inside the document's period.
    InForce,
    /// The month is after it: computed with these rules, later rules are not in the sources.
    Expired,
    /// The month is before the scheme starts.
    NotInForce,
    /// A draft for public comment (征求意见稿).
    Draft,
    /// Figures from an overview article, not the policy itself.
    Article,
    /// A document a later one of the city replaced (the catalog's and the
    /// parameters' status of a document; an estimate's month is always under
    /// the document in force then).
    Superseded,
}

impl Status {
    pub const ALL: [Status; 6] = [Status::InForce, Status::Expired, Status::NotInForce, Status::Draft, Status::Article, Status::Superseded];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            Status::InForce => "in_force",
            Status::Expired => "expired",
            Status::NotInForce => "not_in_force",
            Status::Draft => "draft",
            Status::Article => "article",
            Status::Superseded => "superseded",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: Serialize>(value: T) -> String {
        serde_json::to_string(&value).unwrap_or_default()
    }

    #[test]
    fn enum_ids_are_their_json_names() {
        for k in LineKind::ALL {
            assert_eq!(json(k), format!("\"{}\"", k.id()));
        }
        for c in ReasonCode::ALL {
            assert_eq!(json(c), format!("\"{}\"", c.id()));
        }
        for s in Status::ALL {
            assert_eq!(json(s), format!("\"{}\"", s.id()));
        }
    }
}
