//! The months ahead (docs/plan.md): the query moved forward month by month, each
//! month an ordinary [`estimate`]; the totals, the months where the answer
//! changes and why, and what would clear each reason of the first month.
//!
//! No city's rules are read here: a plan is made of estimates only. The month
//! a reason clears is found by moving the query further forward (at most
//! [`LOOKAHEAD`] months) and asking the estimate again, so no minimum, waiting
//! period or number of years is written twice (DESIGN.md).

use crate::cities;
use crate::error::{Error, ErrorCode};
use crate::estimate::estimate;
use crate::model::{
    check_months, Change, ChangeCode, ContributionYears, Estimate, Grade, Insurance, Plan, PlanMonth, PlanQuery, Query, ReasonCode, Status,
    Text, Totals, WhatWouldChange,
};
use crate::month::Month;
use crate::read;
use crate::rules::inputs::{self, DISABILITY_MONTHS, DISABILITY_SUBSIDY, MONTHS_SINCE_RESUMED};
use crate::rules::{Carry, Input};
use std::borrow::Cow;

/// How far ahead, in months, `whatWouldChange` looks for the month a reason
/// clears: ten years. A reason still there after that is "not from a month
/// the rules tell" (`from` null; for `not_in_force`, not possible).
pub const LOOKAHEAD: u32 = 120;

/// The next months' answers, from the same rules: each month is the
/// estimate of the query moved forward by docs/plan.md's table.
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
/// docs/plan.md's table, which is each input's `carry` (its declaration's). `None` past 9999-12.
pub(crate) fn moved(base: &Query, first: Month, i: u32) -> Option<Query> {
    let mut q = base.clone();
    q.month = Some(after(first, i)?);
    if i > 0 {
        let mode = cities::find(&base.city).and_then(|c| c.mode(&base.care_mode));
        for input in inputs::common().iter().chain(mode.map_or(&[][..], |m| m.inputs)) {
            carry(&mut q, input, i);
        }
    }
    Some(q)
}

/// `input` of `q` (the first month's query) in month `i`.
fn carry(q: &mut Query, input: &Input, i: u32) {
    match input.carry {
        Carry::Same => {}
        Carry::FirstMonthOnly => q.inputs.remove(input.key),
        Carry::PlusMonths => {
            if let Some(n) = read::count_or_default(q, input) {
                q.inputs.set(input.key, n.saturating_add(i));
            }
        }
        Carry::PlusYears => {
            if let Some(y) = read::years_given(q) {
                let plus = |n: u32| n.saturating_add(i / 12);
                let y = ContributionYears { continuous: plus(y.continuous), cumulative: plus(y.cumulative) };
                q.inputs.set(input.key, y);
            }
        }
    }
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

/// A month in Chinese ("2024年5月").
fn zh(m: Month) -> String {
    format!("{}年{}月", m.year(), m.number())
}

// ---------- changes ----------

/// What differs from `a` (the month before) to `b`, pushed in this order:
/// eligibility or its reasons, the document's status, the fund total.
/// (A new document with the same status shows in the amounts it changes.)
fn changes_between(a: &Estimate, b: &Estimate, out: &mut Vec<Change>) {
    // The clauses of the reasons that cleared or appeared.
    let mut cites: Vec<&str> = Vec::new();
    for (x, y) in [(a, b), (b, a)] {
        for r in &x.reasons {
            if !y.reasons.iter().any(|s| s.code == r.code) {
                cites.push(&r.citation);
            }
        }
    }
    if a.eligible != b.eligible || !cites.is_empty() {
        // The reasons that cleared when it becomes eligible, else the month's own.
        let said = if a.eligible || !b.eligible { &b.reasons } else { &a.reasons };
        let names: Vec<Text> = said.iter().map(|r| reason_name(r.code)).collect();
        let [rz, re] = join_names(&names);
        let (m, me, fund) = (zh(b.month), b.month, b.totals.fund);
        let (code, message, message_en) = match (a.eligible, b.eligible) {
            (false, true) => (
                ChangeCode::BecomesEligible,
                format!("{m}起符合享受条件（不再受限于：{rz}），基金支付{fund}元。"),
                format!("Eligible from {me} (cleared: {re}); the fund pays {fund} yuan."),
            ),
            (true, false) => {
                (ChangeCode::BecomesIneligible, format!("{m}起不符合享受条件：{rz}。"), format!("Not eligible from {me}: {re}."))
            }
            _ => (
                ChangeCode::ReasonsChanged,
                format!("{m}起仍不符合享受条件，原因变为：{rz}。"),
                format!("Still not eligible from {me}, now for: {re}."),
            ),
        };
        out.push(Change { month: b.month, code, message, message_en, citation: cite(&cites) });
    }
    // A month before a scheme (status not_in_force) is the reason not_in_force, said above.
    let (pa, pb) = (&a.policy, &b.policy);
    let before = |s| s == Status::NotInForce;
    if pa.status != pb.status && !before(pa.status) && !before(pb.status) {
        let (sa, sb) = (status_name(pa.status), status_name(pb.status));
        // The clause that sets the period, which the expiry note cites.
        let period = [b, a].iter().flat_map(|e| &e.notes).find(|n| n.code == "policy_expired").map_or(pb.document, |n| &n.citation);
        let (m, me, doc) = (zh(b.month), b.month, pb.document);
        let (message, message_en) = if pb.status == Status::Expired {
            (
                format!("{m}起依据的文件{doc}已过有效期：此后的规定不在本计算器的资料中，仍按该文件计算，仅供参考。"),
                format!("From {me} the document {doc} has expired: later rules are not in this calculator's sources; it is still applied, as a guide only."),
            )
        } else {
            (
                format!("{m}起依据的文件{doc}由“{}”变为“{}”。", sa.zh, sb.zh),
                format!("From {me} the document {doc} is {}, no longer {}.", sb.en, sa.en),
            )
        };
        out.push(Change { month: b.month, code: ChangeCode::StatusChanged, message, message_en, citation: Cow::Owned(period.to_owned()) });
    }
    if a.eligible && b.eligible && a.totals.fund != b.totals.fund {
        // The lines whose fund moved (or that came or went), by id, once each,
        // cited as the new month cites them (a line that went, as the month before did).
        let fund = |e: &Estimate, id| e.lines.iter().find(|l| l.id == id).map(|l| l.fund);
        let (mut ids, mut names, mut cites) = (Vec::new(), Vec::new(), Vec::<&str>::new());
        for l in b.lines.iter().chain(&a.lines) {
            if fund(a, l.id) != fund(b, l.id) && !ids.contains(&l.id) {
                ids.push(l.id);
                names.push(Text::new(l.label, l.label_en));
                cites.push(&l.citation);
            }
        }
        let [nz, ne] = join_names(&names);
        let (m, me, was, now) = (zh(b.month), b.month, a.totals.fund, b.totals.fund);
        out.push(Change {
            month: b.month,
            code: ChangeCode::AmountChanged,
            message: format!("{m}起基金支付由{was}元变为{now}元（{nz}）。"),
            message_en: format!("From {me} the fund pays {now} yuan instead of {was} ({ne})."),
            citation: cite(&cites),
        });
    }
}

/// The distinct citations, joined by "；".
fn cite(citations: &[&str]) -> Cow<'static, str> {
    let mut seen: Vec<&str> = Vec::new();
    for c in citations {
        if !seen.contains(c) {
            seen.push(c);
        }
    }
    match seen.as_slice() {
        [one] => Cow::Owned((*one).to_owned()),
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
        Status::Superseded => Text::new("已被后续文件取代", "replaced by a later document"),
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
        let (possible, message, message_en) = explain(base, first, code, later.as_ref(), month.unwrap_or(first));
        out.push(WhatWouldChange { code, possible, from: month, message, message_en, citation: r.citation.clone() });
    }
    out
}

/// Whether a reason of the first month can clear, and what would clear it, in
/// both languages; `later` is the query in the month it clears, `month` that month.
fn explain(base: &Query, first: Month, code: ReasonCode, later: Option<&Query>, month: Month) -> (bool, String, String) {
    let (m, me) = (zh(month), month);
    let mut possible = true;
    let (message, message_en) = match (code, later) {
        (ReasonCode::DisabilityTooShort, Some(q)) => {
            let n = read::count_or_default(q, &DISABILITY_MONTHS).unwrap_or_default();
            (
                format!("到{m}失能满{n}个月，即满足失能持续时间的条件。"),
                format!("In {me} the disability will have lasted {n} months, long enough."),
            )
        }
        (ReasonCode::WaitingPeriod, Some(q)) => {
            let n = read::count_or_default(q, &MONTHS_SINCE_RESUMED).unwrap_or_default();
            (
                format!("恢复缴费后的等待期到{m}结束（恢复满{n}个月），此后可以享受。"),
                format!("The waiting period after resuming ends in {me} ({n} months after resuming)."),
            )
        }
        (ReasonCode::BeforeBenefitStart, Some(_)) => (
            format!("待遇自评定后的首个待遇月{m}起支付。"),
            format!("Benefits start in {me}, the first benefit month after the assessment."),
        ),
        (ReasonCode::NotInForce, Some(_)) => (format!("本市待遇自{m}起实施。"), format!("The scheme's benefits start in {me}.")),
        (ReasonCode::NotInForce, None) => {
            possible = false;
            (
                format!("资料中没有适用于{m}及此后{LOOKAHEAD}个月的规定。"),
                format!("No rules in the sources cover {me} or the {LOOKAHEAD} months after it."),
            )
        }
        (ReasonCode::ContributionYearsShort, Some(q)) if read::years_given(q).is_some() => {
            let y = read::years_given(q).unwrap_or(ContributionYears { continuous: 0, cumulative: 0 });
            let (c, t) = (y.continuous, y.cumulative);
            (
                format!("如继续缴费，到{m}缴费年限即满足（连续{c}年、累计{t}年）；累计年限也可以一次性补足，更早享受。"),
                format!("If contributions continue, the years are met in {me} ({c} continuous, {t} cumulative); cumulative years can be topped up in one payment (一次性补足) to start sooner."),
            )
        }
        (
            ReasonCode::DisabilityTooShort
            | ReasonCode::WaitingPeriod
            | ReasonCode::BeforeBenefitStart
            | ReasonCode::ContributionYearsShort,
            _,
        ) => (
            format!("按目前情况，此后{LOOKAHEAD}个月内此项条件都不会满足。"),
            format!("As things stand, this condition is not met in the {LOOKAHEAD} months after {me}."),
        ),
        (ReasonCode::ContributionInterrupted, _) => {
            // Where the city has a waiting period, it runs from resuming: how long, the estimates tell.
            let mut resumed = base.clone();
            resumed.inputs.set(MONTHS_SINCE_RESUMED.key, 0);
            let waits = variant(&resumed, first, |_| ()).is_some_and(|e| e.reasons.iter().any(|r| r.code == ReasonCode::WaitingPeriod));
            match waits.then(|| Ahead::new(&resumed, first, &[]).clears(ReasonCode::WaitingPeriod)).flatten() {
                Some(w) => (
                    format!("须恢复缴费；恢复后还有{w}个月的等待期。"),
                    format!("Contributions must resume; then a waiting period of {w} months runs."),
                ),
                None => ("须恢复缴费。".into(), "Contributions must resume.".into()),
            }
        }
        (ReasonCode::BenefitsLocked, _) => {
            ("须待基本医疗保险待遇封锁期结束。".into(), "The medical-insurance lock period must end first.".into())
        }
        (ReasonCode::WorkInjuryAllowance, _) => {
            possible = false;
            ("领取工伤保险生活护理费期间不能享受。".into(), "Not while the work-injury care allowance is received.".into())
        }
        (ReasonCode::InsuranceNotCovered, _) => {
            possible = false;
            let own = base.insurance.name();
            let all: Vec<Text> =
                Insurance::ALL.into_iter().filter(|&i| lacks(base, first, code, |q| q.insurance = i)).map(Insurance::name).collect();
            let [az, ae] = join_names(&all);
            (format!("本市不覆盖{}；覆盖：{az}。", own.zh), format!("This city's scheme does not cover {}; it covers: {ae}.", own.en))
        }
        (ReasonCode::GradeNotCovered, _) => {
            let all: Vec<Text> = Grade::ALL.into_iter().filter(|&g| lacks(base, first, code, |q| q.grade = g)).map(Grade::name).collect();
            let [az, ae] = join_names(&all);
            (
                format!("本市保障的失能等级：{az}；只有重新评定才能改变等级。"),
                format!("The grades covered here: {ae}; only a new assessment can change the grade."),
            )
        }
        (ReasonCode::DisabilitySubsidyHigher, _) => {
            let fund = variant(base, first, |q| q.inputs.remove(DISABILITY_SUBSIDY.key)).map(|e| e.totals.fund);
            let f = fund.map(|f| f.to_string()).unwrap_or_default();
            (
                format!("改为选择长期护理保险待遇，本月基金支付{f}元（不再领取重度残疾人护理补贴）。"),
                format!(
                    "Choosing LTC insurance instead would give {f} yuan from the fund this month (instead of the disability care subsidy)."
                ),
            )
        }
    };
    (possible, message, message_en)
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
        let default = read::count_or_default(&q, &DISABILITY_MONTHS).unwrap_or_default();
        q.inputs.set(DISABILITY_MONTHS.key, default);
        assert_eq!(estimate(&q).map(|e| e.reference), implicit);
        q.inputs.set(DISABILITY_MONTHS.key, default - 1);
        assert!(estimate(&q).is_ok_and(|e| e.reasons.iter().any(|r| r.code == ReasonCode::DisabilityTooShort)));
    }
}
