//! The domain model: what is asked (`Query`), what is answered (`Estimate`,
//! made of `Line`s, `Reason`s and `Note`s), and the document it rests on (`Policy`).

use crate::error::Error;
use crate::input;
use crate::money::Money;
use crate::month::{Date, Month};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

mod contribution;
mod parameter;
pub use contribution::{
    Category, Contribution, ContributionLine, ContributionPolicy, ContributionQuery, ContributionStatus, ContributionTotals, Payer,
};
pub use parameter::{Figure, ParamUnit, Parameter, ParameterValue, ParametersQuery};
mod plan;
pub(crate) use plan::check_months;
pub use plan::{Change, ChangeCode, Plan, PlanMonth, PlanQuery, WhatWouldChange, DEFAULT_PLAN_MONTHS, MAX_PLAN_MONTHS};

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

impl input::Named for Insurance {
    const ALL: &'static [Insurance] = &Insurance::ALL;
    fn id(self) -> &'static str {
        Insurance::id(self)
    }
}

impl input::Named for Grade {
    const ALL: &'static [Grade] = &Grade::ALL;
    fn id(self) -> &'static str {
        Grade::id(self)
    }
}

/// Years of medical-insurance contributions in the city (晋城 四(六)2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContributionYears {
    pub continuous: u32,
    pub cumulative: u32,
}

/// `{"continuous": n, "cumulative": n}`; any other value or key is refused.
/// Written out because a JSON number reaches a derived struct's visitor as a
/// map (`arbitrary_precision`), which must read as "not an object".
impl<'de> Deserialize<'de> for ContributionYears {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ContributionYears, D::Error> {
        d.deserialize_any(YearsVisitor)
    }
}

struct YearsVisitor;

/// A required whole number of years, by its field's name.
struct Years(&'static str);

impl<'de> de::DeserializeSeed<'de> for Years {
    type Value = u32;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u32, D::Error> {
        input::required_count(d, self.0)
    }
}

fn not_an_object<E: de::Error>() -> E {
    Error::invalid(
        "contributionYears",
        "须为对象：{\"continuous\": 年数, \"cumulative\": 年数}",
        "must be an object: {\"continuous\": years, \"cumulative\": years}",
    )
    .into_serde()
}

impl<'de> Visitor<'de> for YearsVisitor {
    type Value = ContributionYears;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object {continuous, cumulative}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ContributionYears, A::Error> {
        const CONTINUOUS: &str = "contributionYears.continuous";
        const CUMULATIVE: &str = "contributionYears.cumulative";
        let (mut continuous, mut cumulative) = (None, None);
        let mut first = true;
        while let Some(key) = map.next_key::<String>()? {
            let (slot, name) = match key.as_str() {
                "continuous" => (&mut continuous, CONTINUOUS),
                "cumulative" => (&mut cumulative, CUMULATIVE),
                // A number's text, handed over as a one-key map.
                k if first && k.starts_with("$serde_json::") => return Err(not_an_object()),
                k => return Err(Error::unknown_field(&format!("contributionYears.{k}")).into_serde()),
            };
            first = false;
            if slot.is_some() {
                return Err(Error::duplicate_key(name).into_serde());
            }
            *slot = Some(map.next_value_seed(Years(name))?);
        }
        match (continuous, cumulative) {
            (Some(continuous), Some(cumulative)) => Ok(ContributionYears { continuous, cumulative }),
            (None, _) => Err(Error::missing(CONTINUOUS).into_serde()),
            (_, None) => Err(Error::missing(CUMULATIVE).into_serde()),
        }
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<ContributionYears, E> {
        Err(not_an_object())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<ContributionYears, E> {
        Err(not_an_object())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<ContributionYears, E> {
        Err(not_an_object())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<ContributionYears, E> {
        Err(not_an_object())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<ContributionYears, E> {
        Err(not_an_object())
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<ContributionYears, A::Error> {
        Err(not_an_object())
    }
}

/// One question: whose rules, which person, which month, which care.
///
/// ```
/// use ltci::{Grade, Insurance, Month, Query};
/// let mut q = Query::new("jincheng", Insurance::Employee, Grade::Severe, "home_visit");
/// q.month = Month::parse("2024-03");
/// q.care_days = Some(10);
/// let e = ltci::estimate(&q).unwrap();
/// assert_eq!(e.totals.fund.to_string(), "350.00");
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Query {
    #[serde(deserialize_with = "readers::city")]
    pub city: String,
    #[serde(deserialize_with = "readers::insurance")]
    pub insurance: Insurance,
    #[serde(deserialize_with = "readers::grade")]
    pub grade: Grade,
    #[serde(deserialize_with = "readers::care_mode")]
    pub care_mode: String,
    /// Default: the current month in China.
    #[serde(default, deserialize_with = "readers::month")]
    pub month: Option<Month>,
    /// Default: every day of the month on which the scheme is in force.
    #[serde(default, deserialize_with = "readers::care_days")]
    pub care_days: Option<u32>,
    /// Default: 6.
    #[serde(default, deserialize_with = "readers::disability_months")]
    pub disability_months: Option<u32>,
    #[serde(default, deserialize_with = "readers::work_injury_care_allowance")]
    pub work_injury_care_allowance: bool,
    #[serde(default, deserialize_with = "readers::assessed_month")]
    pub assessed_month: Option<Month>,
    #[serde(default, deserialize_with = "readers::benefits_locked")]
    pub benefits_locked: bool,
    #[serde(default, deserialize_with = "readers::interrupted_contribution")]
    pub interrupted_contribution: bool,
    #[serde(default, deserialize_with = "readers::months_since_resumed")]
    pub months_since_resumed: Option<u32>,
    #[serde(default)]
    pub contribution_years: Option<ContributionYears>,
    #[serde(default, deserialize_with = "readers::insured_before_ltci")]
    pub insured_before_ltci: bool,
    #[serde(default, deserialize_with = "readers::disability_subsidy")]
    pub disability_subsidy: Option<Decimal>,
    /// The care mode's own inputs, by their JSON key (`"homeServiceCost"`, …):
    /// every other key of the query. Which keys the mode has is the estimate's
    /// check (`unknown_field`), not the reader's.
    #[serde(flatten)]
    pub inputs: Inputs,
}

/// One reader per field of [`Query`], by its JSON name.
mod readers {
    use crate::model::{Grade, Insurance};
    use crate::month::Month;
    use rust_decimal::Decimal;
    use serde::Deserializer;
    crate::input::readers! {
        city: String = text("city");
        insurance: Insurance = choice("insurance");
        grade: Grade = choice("grade");
        care_mode: String = text("careMode");
        month: Option<Month> = month("month");
        care_days: Option<u32> = count("careDays");
        disability_months: Option<u32> = count("disabilityMonths");
        work_injury_care_allowance: bool = flag("workInjuryCareAllowance");
        assessed_month: Option<Month> = month("assessedMonth");
        benefits_locked: bool = flag("benefitsLocked");
        interrupted_contribution: bool = flag("interruptedContribution");
        months_since_resumed: Option<u32> = count("monthsSinceResumed");
        insured_before_ltci: bool = flag("insuredBeforeLtci");
        disability_subsidy: Option<Decimal> = money("disabilitySubsidy");
    }
}

impl Query {
    /// A query with every optional input at its default.
    pub fn new(city: &str, insurance: Insurance, grade: Grade, care_mode: &str) -> Query {
        Query {
            city: city.to_owned(),
            insurance,
            grade,
            care_mode: care_mode.to_owned(),
            month: None,
            care_days: None,
            disability_months: None,
            work_injury_care_allowance: false,
            assessed_month: None,
            benefits_locked: false,
            interrupted_contribution: false,
            months_since_resumed: None,
            contribution_years: None,
            insured_before_ltci: false,
            disability_subsidy: None,
            inputs: Inputs::default(),
        }
    }
}

/// A care mode's inputs by JSON key, each key at most once, in the order given.
///
/// ```
/// use rust_decimal_macros::dec;
/// let mut inputs = ltci::Inputs::default();
/// inputs.set("homeServiceCost", dec!(1000));
/// inputs.set("homeServiceCost", dec!(800));
/// assert_eq!(inputs.get("homeServiceCost"), Some(dec!(800)));
/// assert_eq!(inputs.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inputs {
    entries: Vec<(String, Result<Option<Decimal>, Error>)>,
    /// More keys were given than any care mode has; those past the first
    /// [`MAX_INPUT_KEYS`] were skipped unread, and at least one kept key is unknown.
    overflow: bool,
}

/// More keys than any care mode has inputs: the rest of such a query is not
/// kept (it is refused as `unknown_field` at a kept key), so that no number of
/// keys costs more than reading them once.
pub(crate) const MAX_INPUT_KEYS: usize = 16;

impl Inputs {
    /// Sets `key`, replacing an earlier value.
    pub fn set(&mut self, key: &str, value: Decimal) {
        match self.entries.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = Ok(Some(value)),
            None => self.entries.push((key.to_owned(), Ok(Some(value)))),
        }
    }

    /// The value of `key`, if it was given as a valid number.
    pub fn get(&self, key: &str) -> Option<Decimal> {
        self.entries.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.clone().ok().flatten())
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Leaves `key` out, as if it had not been given.
    pub fn remove(&mut self, key: &str) {
        self.entries.retain(|(k, _)| k != key);
    }

    /// Takes `key` out: its value as given, or why it is not a number.
    pub(crate) fn take(&mut self, key: &str) -> Option<Result<Option<Decimal>, Error>> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        Some(self.entries.remove(i).1)
    }

    /// The keys given with a valid number.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Decimal)> {
        self.entries.iter().filter_map(|(k, v)| Some((k.as_str(), (*v.as_ref().ok()?)?)))
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every key as given, with its value or why it is not a number (`null` is `Ok(None)`).
    pub(crate) fn given(&self) -> impl Iterator<Item = (&str, Result<Option<Decimal>, &Error>)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_ref().map(|d| *d)))
    }

    /// Whether keys past [`MAX_INPUT_KEYS`] were skipped.
    pub(crate) fn overflowed(&self) -> bool {
        self.overflow
    }
}

impl<'de> Deserialize<'de> for Inputs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Inputs, D::Error> {
        struct InputsVisitor;
        impl<'de> Visitor<'de> for InputsVisitor {
            type Value = Inputs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the care mode's inputs")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Inputs, A::Error> {
                let mut inputs = Inputs::default();
                while let Some(key) = map.next_key::<String>()? {
                    if inputs.entries.len() == MAX_INPUT_KEYS {
                        inputs.overflow = true;
                        map.next_value::<de::IgnoredAny>()?;
                        continue;
                    }
                    if inputs.entries.iter().any(|(k, _)| *k == key) {
                        return Err(Error::duplicate_key(&key).into_serde());
                    }
                    let value = input::decimal(&map.next_value_seed(input::AnyScalar)?);
                    inputs.entries.push((key, value));
                }
                Ok(inputs)
            }
        }
        d.deserialize_map(InputsVisitor)
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
    /// A short code for these inputs under this rules version ("K7M2-9QXA").
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
    pub citation: &'static str,
}

// `service` is not inlined (as rules::note): copies at every call site cost the wasm size budget;
// the other two are that line with one thing changed.
impl Line {
    /// A service whose cost is known: the person pays what the fund does not.
    #[inline(never)]
    pub fn service(id: &'static str, label: Text, cost: Money, fund: Money, basis: [String; 2], citation: &'static str) -> Line {
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
            citation,
        }
    }

    /// A service paid at a fixed rate whose full charge is unknown.
    pub fn service_unknown_cost(id: &'static str, label: Text, fund: Money, basis: [String; 2], citation: &'static str) -> Line {
        Line { cost: None, self_pay: None, ..Line::service(id, label, fund, fund, basis, citation) }
    }

    /// A subsidy or allowance: cost equals fund, nothing to pay.
    pub fn allowance(id: &'static str, label: Text, fund: Money, basis: [String; 2], citation: &'static str) -> Line {
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
    pub citation: &'static str,
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
    pub citation: &'static str,
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
}

impl Status {
    pub const ALL: [Status; 5] = [Status::InForce, Status::Expired, Status::NotInForce, Status::Draft, Status::Article];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            Status::InForce => "in_force",
            Status::Expired => "expired",
            Status::NotInForce => "not_in_force",
            Status::Draft => "draft",
            Status::Article => "article",
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
