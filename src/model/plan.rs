//! The months ahead (docs/plan.md): a query and how many months from its month
//! (`PlanQuery`), and the answer month by month with what changes and what
//! would have to change (`Plan`).

use crate::error::{Error, ErrorCode};
use crate::model::{Query, ReasonCode, Status, Totals};
use crate::month::Month;
use serde::Serialize;
use std::borrow::Cow;

/// How many months a plan has when the query does not say.
pub const DEFAULT_PLAN_MONTHS: u32 = 12;
/// The most months a plan may have.
pub const MAX_PLAN_MONTHS: u32 = 36;

/// A [`Query`] (every key as there) and `months`, 1 to 36 (default 12),
/// starting with the query's month.
///
/// ```
/// let q = ltci::parse_plan(r#"{"city":"jincheng","insurance":"employee","grade":"severe",
///     "careMode":"home_visit","month":"2024-02","disabilityMonths":3,"months":6}"#).unwrap();
/// assert_eq!(q.months, 6);
/// assert_eq!(q.query.inputs.get("disabilityMonths"), Some(&ltci::Value::from(3)));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PlanQuery {
    pub query: Query,
    pub months: u32,
}

impl PlanQuery {
    /// A plan of the default 12 months for `query`.
    pub fn new(query: Query) -> PlanQuery {
        PlanQuery { query, months: DEFAULT_PLAN_MONTHS }
    }
}

/// `months` of a plan: a whole number from 1 to 36.
pub(crate) fn check_months(n: u32) -> Result<u32, Error> {
    if (1..=MAX_PLAN_MONTHS).contains(&n) {
        return Ok(n);
    }
    Err(months_error(&n))
}

/// `invalid_value` naming `months`, with what was given.
pub(crate) fn months_error(n: &dyn std::fmt::Display) -> Error {
    Error::at(
        ErrorCode::InvalidValue,
        "months",
        format!("months须为1到{MAX_PLAN_MONTHS}之间的整数，收到{n}"),
        format!("months must be a whole number from 1 to {MAX_PLAN_MONTHS}, got {n}"),
    )
}

/// The months ahead: one summary per month, the totals, and where the answer changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub city: &'static str,
    pub care_mode: &'static str,
    /// The first month and the last.
    pub from: Month,
    pub to: Month,
    pub months: Vec<PlanMonth>,
    /// Sums over the months; `cost` and `selfPay` are `None` if any month's is.
    pub totals: Totals,
    pub eligible_months: u32,
    /// The first eligible month, if any.
    pub eligible_from: Option<Month>,
    /// Every month after the first whose answer differs from the month before, and why.
    pub changes: Vec<Change>,
    /// For each reason of the first month: what would clear it, and from when.
    pub what_would_change: Vec<WhatWouldChange>,
    /// Every input whose later-month value the person did not give, with the
    /// months it covers; empty when nothing is assumed.
    pub assumptions: Vec<Assumption>,
}

/// One month of a plan: what that month's `estimate()` says, in short.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanMonth {
    pub month: Month,
    pub eligible: bool,
    pub reasons: Vec<ReasonCode>,
    pub totals: Totals,
    /// The estimate's `policy.status`.
    pub status: Status,
    /// The estimate's case reference.
    pub reference: String,
}

/// How the answer of a month differs from the month before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeCode {
    BecomesEligible,
    BecomesIneligible,
    /// Still ineligible, for other reasons.
    ReasonsChanged,
    /// The document's status (in force, expired, …).
    StatusChanged,
    /// Same eligibility, another fund total.
    AmountChanged,
}

impl ChangeCode {
    pub const ALL: [ChangeCode; 5] = [
        ChangeCode::BecomesEligible,
        ChangeCode::BecomesIneligible,
        ChangeCode::ReasonsChanged,
        ChangeCode::StatusChanged,
        ChangeCode::AmountChanged,
    ];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            ChangeCode::BecomesEligible => "becomes_eligible",
            ChangeCode::BecomesIneligible => "becomes_ineligible",
            ChangeCode::ReasonsChanged => "reasons_changed",
            ChangeCode::StatusChanged => "status_changed",
            ChangeCode::AmountChanged => "amount_changed",
        }
    }
}

/// A month whose answer differs from the month before, with why and the clause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub month: Month,
    pub code: ChangeCode,
    pub message: String,
    pub message_en: String,
    /// The clause of the reason, the document's period or the rule whose amount moved.
    pub citation: Cow<'static, str>,
}

/// What would have to be true for a reason of the first month to clear.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatWouldChange {
    pub code: ReasonCode,
    pub possible: bool,
    /// The month it clears, when the rules alone tell.
    pub from: Option<Month>,
    pub message: String,
    pub message_en: String,
    pub citation: Cow<'static, str>,
}

/// How a later month's value of an input is found, when the person did not give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssumptionRule {
    /// The city's default for that month.
    Default,
    /// The first month's value, carried (and capped by what the month allows).
    Carried,
}

impl AssumptionRule {
    pub const ALL: [AssumptionRule; 2] = [AssumptionRule::Default, AssumptionRule::Carried];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            AssumptionRule::Default => "default",
            AssumptionRule::Carried => "carried",
        }
    }
}

/// An input of the later months that the person did not give, and how the plan
/// takes it (docs/plan.md, `assumptions`), in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assumption {
    /// The input's key.
    pub input: &'static str,
    pub rule: AssumptionRule,
    /// The first month and the last it covers.
    pub from: Month,
    pub to: Month,
    pub message: String,
    pub message_en: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_ids_are_their_json_names() {
        for c in ChangeCode::ALL {
            assert_eq!(serde_json::to_string(&c).unwrap_or_default(), format!("\"{}\"", c.id()));
        }
    }

    #[test]
    fn assumption_rules_are_their_json_names() {
        for r in AssumptionRule::ALL {
            assert_eq!(serde_json::to_string(&r).unwrap_or_default(), format!("\"{}\"", r.id()));
        }
    }
}
