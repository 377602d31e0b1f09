//! The months ahead (plan.md): the query moved forward month by month, each
//! month an ordinary [`estimate`]; the totals, the months where the answer
//! changes and why, and what would clear each reason of the first month.
//!
//! No city's rules are read here: a plan is made of estimates only. The month
//! a reason clears is found by moving the query further forward (at most
//! [`LOOKAHEAD`] months) and asking the estimate again, so no minimum, waiting
//! period or number of years is written twice (DESIGN.md).

use crate::error::{Error, ErrorCode};
use crate::estimate::estimate;
use crate::model::{
    check_months, Change, ChangeCode, Estimate, Grade, Insurance, Plan, PlanMonth, PlanQuery, Query, ReasonCode, Status, Text, Totals,
    WhatWouldChange,
};
use crate::month::Month;
use std::borrow::Cow;

/// How far ahead, in months, `whatWouldChange` looks for the month a reason
/// clears: ten years. A reason still there after that is "not from a month
/// the rules tell" (`from` null; for `not_in_force`, not possible).
pub const LOOKAHEAD: u32 = 120;

/// api.md: `disabilityMonths` defaults to 6 (a test checks the estimate agrees).
const DEFAULT_DISABILITY_MONTHS: u32 = 6;

/// Inputs about this month only (plan.md): later months take their defaults.
/// (`careDays` too, a field of the query.)
const FIRST_MONTH_ONLY: [&str; 4] = ["familyCareDays", "homeVisits", "visitHours", "deviceCost"];

/// The next months' answers, from the same rules: each month is the
/// estimate of the query moved forward by plan.md's table.
///
/// # Errors
///
/// Those of [`estimate`] for any month of the plan, and `invalid_value`
/// naming `months` when it is not 1 to 36 or the plan would end after 9999-12.
///
/// ```
/// let q = ltci::parse_plan(r#"{"city":"jincheng","insurance":"employee","grade":"severe",
///     "careMode":"home_visit","month":"2024-02","disabilityMonths":3,"months":6}"#).unwrap();
/// let p = ltci::plan(&q).unwrap();
/// assert_eq!(p.eligible_from.map(|m| m.to_string()).as_deref(), Some("2024-05"));
/// assert_eq!(p.totals.fund.to_string(), "3150.00");
/// ```
pub fn plan(query: &PlanQuery) -> Result<Plan, Error> {
    let n = check_months(query.months)?;
    let base = &query.query;
    let first = base.month.unwrap_or_else(Month::current);
    let to = after(first, n - 1).ok_or_else(|| beyond(first, n))?;
    let at = |i| moved(base, first, i).ok_or_else(|| beyond(first, n));
    let e0 = estimate(&at(0)?)?;
    let mut months = Vec::with_capacity(n as usize);
    let mut changes = Vec::new();
    months.push(summary(&e0));
    let mut prev: Option<Estimate> = None;
    for i in 1..n {
        let e = estimate(&at(i)?)?;
        changes_between(prev.as_ref().unwrap_or(&e0), &e, &mut changes);
        months.push(summary(&e));
        prev = Some(e);
    }
    let totals = Totals {
        cost: months.iter().map(|m| m.totals.cost).sum(),
        fund: months.iter().map(|m| m.totals.fund).sum(),
        self_pay: months.iter().map(|m| m.totals.self_pay).sum(),
    };
    let eligible_months = u32::try_from(months.iter().filter(|m| m.eligible).count()).unwrap_or(u32::MAX);
    let eligible_from = months.iter().find(|m| m.eligible).map(|m| m.month);
    let what_would_change = what_would_change(base, first, &e0, &months);
    Ok(Plan {
        city: e0.city,
        care_mode: e0.care_mode,
        from: first,
        to,
        months,
        totals,
        eligible_months,
        eligible_from,
        changes,
        what_would_change,
    })
}

/// `month` + `i` months; `None` past 9999-12.
fn after(month: Month, i: u32) -> Option<Month> {
    let t = u32::from(month.year()) * 12 + u32::from(month.number()) - 1 + i;
    Month::new(u16::try_from(t / 12).ok()?, u8::try_from(t % 12 + 1).ok()?)
}

fn beyond(first: Month, n: u32) -> Error {
    Error::at(
        ErrorCode::InvalidValue,
        "months",
        format!("从{first}起的{n}个月超出了9999-12"),
        format!("{n} months from {first} go past 9999-12"),
    )
}

/// Month `i` of a plan that starts in `first`: the query moved forward by
/// plan.md's table. `None` past 9999-12.
pub(crate) fn moved(base: &Query, first: Month, i: u32) -> Option<Query> {
    let mut q = base.clone();
    q.month = Some(after(first, i)?);
    if i > 0 {
        q.disability_months = Some(base.disability_months.unwrap_or(DEFAULT_DISABILITY_MONTHS).saturating_add(i));
        q.months_since_resumed = base.months_since_resumed.map(|m| m.saturating_add(i));
        if let Some(y) = &mut q.contribution_years {
            y.continuous = y.continuous.saturating_add(i / 12);
            y.cumulative = y.cumulative.saturating_add(i / 12);
        }
        q.care_days = None;
        for key in FIRST_MONTH_ONLY {
            q.inputs.remove(key);
        }
    }
    Some(q)
}

fn summary(e: &Estimate) -> PlanMonth {
    PlanMonth {
        month: e.month,
        eligible: e.eligible,
        reasons: e.reasons.iter().map(|r| r.code).collect(),
        totals: e.totals,
        status: e.policy.status,
        reference: e.reference.clone(),
    }
}

// ---------- messages ----------

/// `{0}`…`{9}` in each language of `t` replaced by `args`: one loop for every
/// message, not a `format!` at each (the page's WebAssembly is size-budgeted).
#[inline(never)]
fn say(t: Text, args: &[String]) -> [String; 2] {
    [fill(t.zh, args), fill(t.en, args)]
}

fn fill(template: &str, args: &[String]) -> String {
    let mut out = String::with_capacity(template.len() + 24);
    let mut parts = template.split('{');
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        let (digit, rest) = part.split_at_checked(2).unwrap_or((part, ""));
        let i = digit.bytes().next().map_or(0, |d| usize::from(d.wrapping_sub(b'0')));
        out.push_str(args.get(i).map_or("", String::as_str));
        out.push_str(rest);
    }
    out
}

/// A month in Chinese ("2024年5月") and as "2024-05": the first two arguments of every message.
fn month_args(m: Month) -> Vec<String> {
    vec![format!("{}年{}月", m.year(), m.number()), m.to_string()]
}

// Every change message: {0} the month in Chinese, {1} in English, then its own arguments.
const BECOMES_ELIGIBLE: Text =
    Text::new("{0}起符合享受条件（不再受限于：{2}），基金支付{4}元。", "Eligible from {1} (cleared: {3}); the fund pays {4} yuan.");
const BECOMES_INELIGIBLE: Text = Text::new("{0}起不符合享受条件：{2}。", "Not eligible from {1}: {3}.");
const REASONS_CHANGED: Text = Text::new("{0}起仍不符合享受条件，原因变为：{2}。", "Still not eligible from {1}, now for: {3}.");
const STATUS_CHANGED: Text = Text::new("{0}起依据的文件{2}由“{3}”变为“{4}”。", "From {1} the document {2} is {6}, no longer {5}.");
const EXPIRES: Text = Text::new(
    "{0}起依据的文件{2}已过有效期：此后的规定不在本计算器的资料中，仍按该文件计算，仅供参考。",
    "From {1} the document {2} has expired: later rules are not in this calculator's sources; it is still applied, as a guide only.",
);
const AMOUNT_CHANGED: Text = Text::new("{0}起基金支付由{2}元变为{3}元（{4}）。", "From {1} the fund pays {3} yuan instead of {2} ({5}).");

// ---------- changes ----------

/// What differs from `a` (the month before) to `b`, pushed in this order:
/// eligibility or its reasons, the document's status, the fund total.
/// (A new document with the same status shows in the amounts it changes.)
fn changes_between(a: &Estimate, b: &Estimate, out: &mut Vec<Change>) {
    // The clauses of the reasons that cleared or appeared.
    let mut cites: Vec<&'static str> = Vec::new();
    for (x, y) in [(a, b), (b, a)] {
        for r in &x.reasons {
            if !y.reasons.iter().any(|s| s.code == r.code) {
                cites.push(r.citation);
            }
        }
    }
    if a.eligible != b.eligible || !cites.is_empty() {
        let (code, t, said) = match (a.eligible, b.eligible) {
            (false, true) => (ChangeCode::BecomesEligible, BECOMES_ELIGIBLE, &a.reasons),
            (true, false) => (ChangeCode::BecomesIneligible, BECOMES_INELIGIBLE, &b.reasons),
            _ => (ChangeCode::ReasonsChanged, REASONS_CHANGED, &b.reasons),
        };
        let names: Vec<Text> = said.iter().map(|r| reason_name(r.code)).collect();
        let mut args = month_args(b.month);
        args.extend(join_names(&names));
        args.push(b.totals.fund.to_string());
        out.push(change(b.month, code, t, &args, cite(&cites)));
    }
    // A month before a scheme (status not_in_force) is the reason not_in_force, said above.
    let (pa, pb) = (&a.policy, &b.policy);
    let before = |s| s == Status::NotInForce;
    if pa.status != pb.status && !before(pa.status) && !before(pb.status) {
        let (sa, sb) = (status_name(pa.status), status_name(pb.status));
        let t = if pb.status == Status::Expired { EXPIRES } else { STATUS_CHANGED };
        // The clause that sets the period, which the expiry note cites.
        let period = [b, a].iter().flat_map(|e| &e.notes).find(|n| n.code == "policy_expired").map_or(pb.document, |n| n.citation);
        let mut args = month_args(b.month);
        args.extend([pb.document, sa.zh, sb.zh, sa.en, sb.en].map(String::from));
        out.push(change(b.month, ChangeCode::StatusChanged, t, &args, Cow::Borrowed(period)));
    }
    if a.eligible && b.eligible && a.totals.fund != b.totals.fund {
        // The lines whose fund moved (or that came or went), by id, once each.
        let fund = |e: &Estimate, id| e.lines.iter().find(|l| l.id == id).map(|l| l.fund);
        let (mut ids, mut names, mut cites) = (Vec::new(), Vec::new(), Vec::new());
        for l in a.lines.iter().chain(&b.lines) {
            if fund(a, l.id) != fund(b, l.id) && !ids.contains(&l.id) {
                ids.push(l.id);
                names.push(Text::new(l.label, l.label_en));
                cites.push(l.citation);
            }
        }
        let mut args = month_args(b.month);
        args.extend([a.totals.fund.to_string(), b.totals.fund.to_string()]);
        args.extend(join_names(&names));
        out.push(change(b.month, ChangeCode::AmountChanged, AMOUNT_CHANGED, &args, cite(&cites)));
    }
}

#[inline(never)]
fn change(month: Month, code: ChangeCode, t: Text, args: &[String], citation: Cow<'static, str>) -> Change {
    let [message, message_en] = say(t, args);
    Change { month, code, message, message_en, citation }
}

/// The distinct citations, joined by "；".
fn cite(citations: &[&'static str]) -> Cow<'static, str> {
    let mut seen: Vec<&'static str> = Vec::new();
    for c in citations {
        if !seen.contains(c) {
            seen.push(c);
        }
    }
    match seen.as_slice() {
        [one] => Cow::Borrowed(one),
        _ => Cow::Owned(seen.join("；")),
    }
}

/// Names in Chinese ("、") and English (", "); "—" for none.
fn join_names(names: &[Text]) -> [String; 2] {
    let (mut zh, mut en) = (String::new(), String::new());
    for t in names {
        if !zh.is_empty() {
            zh.push('、');
            en.push_str(", ");
        }
        zh.push_str(t.zh);
        en.push_str(t.en);
    }
    if zh.is_empty() {
        zh.push('—');
        en.push('—');
    }
    [zh, en]
}

/// A short name of each reason, for the change messages.
pub(crate) fn reason_name(code: ReasonCode) -> Text {
    match code {
        ReasonCode::InsuranceNotCovered => Text::new("医保类型不在保障范围", "insurance not covered"),
        ReasonCode::GradeNotCovered => Text::new("失能等级不在保障范围", "grade not covered"),
        ReasonCode::DisabilityTooShort => Text::new("失能持续时间不足", "disability too recent"),
        ReasonCode::WorkInjuryAllowance => Text::new("领取工伤保险生活护理费", "work-injury care allowance"),
        ReasonCode::BenefitsLocked => Text::new("待遇封锁期", "lock period"),
        ReasonCode::ContributionYearsShort => Text::new("缴费年限不足", "contribution years short"),
        ReasonCode::ContributionInterrupted => Text::new("缴费中断", "contributions interrupted"),
        ReasonCode::WaitingPeriod => Text::new("待遇等待期", "waiting period"),
        ReasonCode::NotInForce => Text::new("制度尚未实施", "scheme not yet in force"),
        ReasonCode::BeforeBenefitStart => Text::new("未到待遇起始月", "before the first benefit month"),
        ReasonCode::DisabilitySubsidyHigher => Text::new("残疾人护理补贴更高", "disability subsidy higher"),
    }
}

fn status_name(s: Status) -> Text {
    match s {
        Status::InForce => Text::new("现行有效", "in force"),
        Status::Expired => Text::new("已过有效期", "expired"),
        Status::NotInForce => Text::new("尚未实施", "not yet in force"),
        Status::Draft => Text::new("征求意见稿", "a draft for comment"),
        Status::Article => Text::new("概述文章", "an overview article"),
    }
}

// ---------- what would change ----------

/// The reasons of the months from `first` on, for one query: those of the
/// plan's own months, then estimated as needed up to [`LOOKAHEAD`].
struct Ahead<'a> {
    base: &'a Query,
    first: Month,
    known: &'a [PlanMonth],
    more: Vec<Vec<ReasonCode>>,
    /// No further month can be estimated.
    end: bool,
}

impl<'a> Ahead<'a> {
    fn new(base: &'a Query, first: Month, known: &'a [PlanMonth]) -> Ahead<'a> {
        Ahead { base, first, known, more: Vec::new(), end: false }
    }

    /// Whether month `k` has `code`; `None` if it cannot be estimated.
    fn has(&mut self, k: u32, code: ReasonCode) -> Option<bool> {
        let k = k as usize;
        if let Some(m) = self.known.get(k) {
            return Some(m.reasons.contains(&code));
        }
        let j = k - self.known.len();
        while self.more.len() <= j && !self.end {
            let i = u32::try_from(self.known.len() + self.more.len()).unwrap_or(u32::MAX);
            match moved(self.base, self.first, i).and_then(|q| estimate(&q).ok()) {
                Some(e) => self.more.push(e.reasons.iter().map(|r| r.code).collect()),
                None => self.end = true,
            }
        }
        self.more.get(j).map(|codes| codes.contains(&code))
    }

    /// The first month after the first (1 to [`LOOKAHEAD`]) without `code`.
    fn clears(&mut self, code: ReasonCode) -> Option<u32> {
        (1..=LOOKAHEAD).find_map(|k| match self.has(k, code) {
            Some(true) => None,
            Some(false) => Some(Some(k)),
            None => Some(None),
        })?
    }
}

/// The first month's estimate of `base` changed by `f`, if it is one.
fn variant(base: &Query, first: Month, f: impl FnOnce(&mut Query)) -> Option<Estimate> {
    let mut q = moved(base, first, 0)?;
    f(&mut q);
    estimate(&q).ok()
}

// Every text of whatWouldChange: {0} the month it clears in Chinese, {1} in English, then its own arguments.
const DISABILITY: Text =
    Text::new("到{0}失能满{2}个月，即满足失能持续时间的条件。", "In {1} the disability will have lasted {2} months, long enough.");
const WAITING: Text = Text::new(
    "恢复缴费后的等待期到{0}结束（恢复满{2}个月），此后可以享受。",
    "The waiting period after resuming ends in {1} ({2} months after resuming).",
);
const BENEFIT_START: Text =
    Text::new("待遇自评定后的首个待遇月{0}起支付。", "Benefits start in {1}, the first benefit month after the assessment.");
const NOT_WITHIN: Text =
    Text::new("按目前情况，此后{2}个月内此项条件都不会满足。", "As things stand, this condition is not met in the {2} months after {1}.");
const SCHEME_STARTS: Text = Text::new("本市待遇自{0}起实施。", "The scheme's benefits start in {1}.");
const NO_RULES: Text =
    Text::new("资料中没有适用于{0}及此后{2}个月的规定。", "No rules in the sources cover {1} or the {2} months after it.");
const YEARS: Text = Text::new(
    "如继续缴费，到{0}缴费年限即满足（连续{2}年、累计{3}年）；累计年限也可以一次性补足，更早享受。",
    "If contributions continue, the years are met in {1} ({2} continuous, {3} cumulative); cumulative years can be topped up in one payment (一次性补足) to start sooner.",
);
const RESUME_AND_WAIT: Text =
    Text::new("须恢复缴费；恢复后还有{2}个月的等待期。", "Contributions must resume; then a waiting period of {2} months runs.");
const RESUME: Text = Text::new("须恢复缴费。", "Contributions must resume.");
const LOCK_ENDS: Text = Text::new("须待基本医疗保险待遇封锁期结束。", "The medical-insurance lock period must end first.");
const NOT_WITH_WORK_INJURY: Text =
    Text::new("领取工伤保险生活护理费期间不能享受。", "Not while the work-injury care allowance is received.");
const OTHER_INSURANCE: Text = Text::new("本市不覆盖{2}；覆盖：{4}。", "This city's scheme does not cover {3}; it covers: {5}.");
const GRADES: Text = Text::new(
    "本市保障的失能等级：{2}；只有重新评定才能改变等级。",
    "The grades covered here: {3}; only a new assessment can change the grade.",
);
const CHOOSE_LTCI: Text = Text::new(
    "改为选择长期护理保险待遇，本月基金支付{2}元（不再领取重度残疾人护理补贴）。",
    "Choosing LTC insurance instead would give {2} yuan from the fund this month (instead of the disability care subsidy).",
);

fn what_would_change(base: &Query, first: Month, e0: &Estimate, months: &[PlanMonth]) -> Vec<WhatWouldChange> {
    let mut ahead = Ahead::new(base, first, months);
    let mut out = Vec::with_capacity(e0.reasons.len());
    for r in &e0.reasons {
        let code = r.code;
        let from = match code {
            ReasonCode::DisabilityTooShort
            | ReasonCode::WaitingPeriod
            | ReasonCode::BeforeBenefitStart
            | ReasonCode::NotInForce
            | ReasonCode::ContributionYearsShort => ahead.clears(code),
            _ => None,
        };
        // The query in the month it clears, and that month.
        let later = from.and_then(|k| moved(base, first, k));
        let month = later.as_ref().and_then(|q| q.month);
        let mut args = month_args(month.unwrap_or(first));
        let mut possible = true;
        let t = match (code, &later) {
            (ReasonCode::DisabilityTooShort, Some(q)) => {
                args.push(q.disability_months.unwrap_or(DEFAULT_DISABILITY_MONTHS).to_string());
                DISABILITY
            }
            (ReasonCode::WaitingPeriod, Some(q)) => {
                args.push(q.months_since_resumed.unwrap_or_default().to_string());
                WAITING
            }
            (ReasonCode::BeforeBenefitStart, Some(_)) => BENEFIT_START,
            (ReasonCode::NotInForce, Some(_)) => SCHEME_STARTS,
            (ReasonCode::NotInForce, None) => {
                possible = false;
                args.push(LOOKAHEAD.to_string());
                NO_RULES
            }
            (ReasonCode::ContributionYearsShort, Some(Query { contribution_years: Some(y), .. })) => {
                args.extend([y.continuous, y.cumulative].map(|n| n.to_string()));
                YEARS
            }
            (
                ReasonCode::DisabilityTooShort
                | ReasonCode::WaitingPeriod
                | ReasonCode::BeforeBenefitStart
                | ReasonCode::ContributionYearsShort,
                _,
            ) => {
                args.push(LOOKAHEAD.to_string());
                NOT_WITHIN
            }
            (ReasonCode::ContributionInterrupted, _) => {
                // Where the city has a waiting period, it runs from resuming: how long, the estimates tell.
                let mut resumed = base.clone();
                resumed.months_since_resumed = Some(0);
                let waits = variant(&resumed, first, |_| ()).is_some_and(|e| e.reasons.iter().any(|r| r.code == ReasonCode::WaitingPeriod));
                match waits.then(|| Ahead::new(&resumed, first, &[]).clears(ReasonCode::WaitingPeriod)).flatten() {
                    Some(w) => {
                        args.push(w.to_string());
                        RESUME_AND_WAIT
                    }
                    None => RESUME,
                }
            }
            (ReasonCode::BenefitsLocked, _) => LOCK_ENDS,
            (ReasonCode::WorkInjuryAllowance, _) => {
                possible = false;
                NOT_WITH_WORK_INJURY
            }
            (ReasonCode::InsuranceNotCovered, _) => {
                possible = false;
                let own = base.insurance.name();
                let all: Vec<Text> =
                    Insurance::ALL.into_iter().filter(|&i| lacks(base, first, code, |q| q.insurance = i)).map(Insurance::name).collect();
                args.extend([own.zh, own.en].map(String::from));
                args.extend(join_names(&all));
                OTHER_INSURANCE
            }
            (ReasonCode::GradeNotCovered, _) => {
                let all: Vec<Text> =
                    Grade::ALL.into_iter().filter(|&g| lacks(base, first, code, |q| q.grade = g)).map(Grade::name).collect();
                args.extend(join_names(&all));
                GRADES
            }
            (ReasonCode::DisabilitySubsidyHigher, _) => {
                let fund = variant(base, first, |q| q.disability_subsidy = None).map(|e| e.totals.fund);
                args.push(fund.map(|f| f.to_string()).unwrap_or_default());
                CHOOSE_LTCI
            }
        };
        let [message, message_en] = say(t, &args);
        out.push(WhatWouldChange { code, possible, from: month, message, message_en, citation: r.citation });
    }
    out
}

/// Whether the first month's estimate, changed by `f`, is without `code`.
fn lacks(base: &Query, first: Month, code: ReasonCode, f: impl FnOnce(&mut Query)) -> bool {
    variant(base, first, f).is_some_and(|e| !e.reasons.iter().any(|r| r.code == code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_added_across_years() {
        let m = |s| Month::parse(s);
        assert_eq!(m("2024-11").and_then(|x| after(x, 3)), m("2025-02"));
        assert_eq!(m("2024-02").and_then(|x| after(x, 0)), m("2024-02"));
        assert_eq!(m("9999-11").and_then(|x| after(x, 1)), m("9999-12"));
        assert_eq!(m("9999-11").and_then(|x| after(x, 2)), None);
    }

    /// The default of `disabilityMonths` here is the estimate's: written out, it is the same query.
    #[test]
    fn the_default_disability_months_is_the_estimates() {
        let mut q = Query::new("jincheng", Insurance::Employee, Grade::Severe, "home_visit");
        q.month = Month::parse("2024-02");
        let implicit = estimate(&q).map(|e| e.reference);
        q.disability_months = Some(DEFAULT_DISABILITY_MONTHS);
        assert_eq!(estimate(&q).map(|e| e.reference), implicit);
        q.disability_months = Some(DEFAULT_DISABILITY_MONTHS - 1);
        assert!(estimate(&q).is_ok_and(|e| e.reasons.iter().any(|r| r.code == ReasonCode::DisabilityTooShort)));
    }
}
