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
use crate::estimate::{default_in, estimate, estimate_keeping, Chosen, CHOICE_FIXED};
use crate::model::{
    check_months, Assumption, AssumptionRule, Change, ChangeCode, ContributionYears, Estimate, Grade, Plan, PlanMonth, PlanQuery, Query,
    Reason, ReasonCode, Status, Text, Totals, WhatWouldChange,
};
use crate::money::{plain, Money};
use crate::month::Month;
use crate::read;
use crate::rules::inputs::{self, CONTRIBUTION_YEARS, DISABILITY_MONTHS, DISABILITY_SUBSIDY, MONTHS_SINCE_RESUMED};
use crate::rules::{Carry, City, Default, Input, Mode, ThisMonth, Unit};
use rust_decimal::Decimal;
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
    let mut walk = Walk::new(base, first);
    let e0 = walk.estimate(0).unwrap_or_else(|| Err(beyond(first, n)))?;
    let mut months = Vec::with_capacity(n as usize);
    let mut changes = Vec::new();
    // The months in which a choice made before (就高) decides against the month's own comparison.
    let mut kept = Vec::new();
    months.push(summary(&e0));
    let mut prev: Option<Estimate> = None;
    for i in 1..n {
        let e = walk.estimate(i).unwrap_or_else(|| Err(beyond(first, n)))?;
        changes_between(prev.as_ref().unwrap_or(&e0), &e, &mut changes);
        if e.notes.iter().any(|x| x.code == CHOICE_FIXED) {
            kept.push(e.month);
        }
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
    let assumptions = assumptions(&walk, to);
    let what_would_change = what_would_change(&mut walk, &e0, &months, &kept);
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
        assumptions,
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

/// The months of a plan from `first`: the query moved forward by docs/plan.md's
/// table, which is each input's `carry` (its declaration's), and the one choice
/// of 就高 kept from the month it is made in. Months are estimated in order.
struct Walk<'a> {
    base: &'a Query,
    first: Month,
    city: Option<&'static City>,
    mode: Option<&'static Mode>,
    /// The inputs carried as a pattern that the first month gives at the value
    /// its own default would have been: later months take their own defaults.
    at_default: Vec<&'static str>,
    /// The choice under the condition on the amounts (常州 就高), once made.
    chosen: Option<Chosen>,
}

impl<'a> Walk<'a> {
    fn new(base: &'a Query, first: Month) -> Walk<'a> {
        let city = cities::find(&base.city);
        let mode = city.and_then(|c| c.mode(&base.care_mode));
        let mut walk = Walk { base, first, city, mode, at_default: Vec::new(), chosen: None };
        if let Some(q) = walk.query(0) {
            let first_default = |i: &Input| read::number_given(&q, i).is_some_and(|v| Some(v) == default_in(&q, i));
            walk.at_default = walk.inputs().filter(|i| i.carry == Carry::Pattern && first_default(i)).map(|i| i.key).collect();
        }
        walk
    }

    /// The common inputs and the care mode's.
    fn inputs(&self) -> impl Iterator<Item = &'static Input> {
        inputs::common().iter().chain(self.mode.map_or(&[][..], |m| m.inputs)).copied()
    }

    /// An input's label, in the city's own words where it has them.
    fn label(&self, input: &Input) -> Text {
        let own = self.city.and_then(|c| c.input_texts.iter().find(|t| t.input.key == input.key)).and_then(|t| t.label);
        own.unwrap_or(input.label)
    }

    /// Month `i`'s query; `None` past 9999-12.
    fn query(&self, i: u32) -> Option<Query> {
        let mut q = self.base.clone();
        let month = after(self.first, i)?;
        q.month = Some(month);
        if i > 0 {
            for input in self.inputs() {
                self.carry(&mut q, input, i, month);
            }
        }
        Some(q)
    }

    /// Month `i`'s estimate; `None` past 9999-12. The first month whose amounts
    /// are computed makes the choice of 就高 that the later months keep.
    fn estimate(&mut self, i: u32) -> Option<Result<Estimate, Error>> {
        let q = self.query(i)?;
        let kept = self.chosen.clone().filter(|c| Some(c.month) < q.month);
        Some(estimate_keeping(&q, kept).map(|(e, chosen)| {
            if self.chosen.is_none() {
                self.chosen = chosen;
            }
            e
        }))
    }

    /// `input` of `q` (the first month's query) in month `i`.
    fn carry(&self, q: &mut Query, input: &Input, i: u32, month: Month) {
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
            Carry::Pattern => match read::number_given(q, input) {
                // Not given: each month its default. Given as 0: 0 in every month.
                None => {}
                Some(v) if v.is_zero() => {}
                Some(_) if self.at_default.contains(&input.key) => q.inputs.remove(input.key),
                Some(v) => {
                    if let Some(cap) = self.cap(input.unit, month).filter(|cap| v > *cap) {
                        q.inputs.set(input.key, cap);
                    }
                }
            },
        }
    }

    /// The most a month allows of a pattern carried in `unit`, its care days
    /// being all its days in force (hours: 24 × its days; visits: its days;
    /// days of care: its care days).
    fn cap(&self, unit: Unit, month: Month) -> Option<Decimal> {
        let care_days = self.city?.document(month)?.days_in_force(month);
        unit.max_in(ThisMonth { month, care_days })
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
        let (mut message, mut message_en) = (
            format!("{m}起基金支付由{was}元变为{now}元（{nz}）。"),
            format!("From {me} the fund pays {now} yuan instead of {was} ({ne})."),
        );
        // 就高 kept from an earlier month against this month's own comparison (docs/plan.md).
        if let Some(n) = b.notes.iter().find(|n| n.code == CHOICE_FIXED) {
            message.push_str("本月残疾人护理补贴较高，但就高择一的选择此前已经确定，仍由长护险支付（见该月估算的说明）。");
            message_en.push_str(" The disability subsidy is higher this month, but the choice of the higher benefit was made before and stands (see the month's estimate).");
            cites.push(&n.citation);
        }
        out.push(Change { month: b.month, code: ChangeCode::AmountChanged, message, message_en, citation: cite(&cites) });
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

/// The reasons of the months from the first on, for one walk: those of the
/// plan's own months, then estimated as needed up to [`LOOKAHEAD`].
struct Ahead<'w, 'a> {
    walk: &'w mut Walk<'a>,
    known: &'w [PlanMonth],
    more: Vec<Vec<ReasonCode>>,
    /// No further month can be estimated.
    end: bool,
}

impl<'w, 'a> Ahead<'w, 'a> {
    fn new(walk: &'w mut Walk<'a>, known: &'w [PlanMonth]) -> Ahead<'w, 'a> {
        Ahead { walk, known, more: Vec::new(), end: false }
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
            match self.walk.estimate(i).and_then(Result::ok) {
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
    let mut q = base.clone();
    q.month = Some(first);
    f(&mut q);
    estimate(&q).ok()
}

fn has(e: &Estimate, code: ReasonCode) -> bool {
    e.reasons.iter().any(|r| r.code == code)
}

/// For each reason of the first month: whether it can clear, from which month
/// (the first in which its own condition holds), and what it takes. `kept`: the
/// months in which the choice of 就高 made before decides.
fn what_would_change(walk: &mut Walk<'_>, e0: &Estimate, months: &[PlanMonth], kept: &[Month]) -> Vec<WhatWouldChange> {
    let (base, first) = (walk.base, walk.first);
    let mut ahead = Ahead::new(walk, months);
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
        let later = from.and_then(|k| ahead.walk.query(k)).map(|q| (from.unwrap_or_default(), q));
        let month = later.as_ref().and_then(|(_, q)| q.month);
        let (possible, message, message_en) = explain(base, first, r, later.as_ref(), kept);
        out.push(WhatWouldChange { code, possible, from: month, message, message_en, citation: r.citation.clone() });
    }
    out
}

/// Whether a reason of the first month can clear, and what would clear it, in
/// both languages; `later` is the month it clears (its index and query).
fn explain(base: &Query, first: Month, r: &Reason, later: Option<&(u32, Query)>, kept: &[Month]) -> (bool, String, String) {
    let code = r.code;
    let month = later.and_then(|(_, q)| q.month).unwrap_or(first);
    let (m, me) = (zh(month), month);
    let mut possible = true;
    let (message, message_en) = match (code, later) {
        (ReasonCode::DisabilityTooShort, Some((_, q))) => {
            let n = read::count_or_default(q, &DISABILITY_MONTHS).unwrap_or_default();
            (
                format!("此条件自{m}起满足：届时失能已持续{n}个月。"),
                format!("This condition is met from {me}, when the disability will have lasted {n} months."),
            )
        }
        (ReasonCode::WaitingPeriod, Some((_, q))) => {
            let n = read::count_or_default(q, &MONTHS_SINCE_RESUMED).unwrap_or_default();
            (
                format!("此条件自{m}起满足：届时恢复缴费已满{n}个月，等待期已过。"),
                format!(
                    "This condition is met from {me}: contributions will have resumed {n} months before, and the waiting period is over."
                ),
            )
        }
        (ReasonCode::BeforeBenefitStart, Some(_)) => (
            format!("此条件自{m}起满足：这是评估（核准）后的首个待遇月。"),
            format!("This condition is met from {me}, the first benefit month after the assessment (or approval)."),
        ),
        (ReasonCode::NotInForce, Some(_)) => (
            format!("此条件自{m}起满足：本市长期护理保险待遇自该月起实施。"),
            format!("This condition is met from {me}, when the scheme's benefits start."),
        ),
        (ReasonCode::NotInForce, None) => {
            possible = false;
            (
                format!("资料中没有适用于{m}及此后{LOOKAHEAD}个月的规定。"),
                format!("No rules in the sources cover {me} or the {LOOKAHEAD} months after it."),
            )
        }
        (ReasonCode::ContributionYearsShort, Some((k, q))) => contribution_years(base, first, *k, q),
        (
            ReasonCode::DisabilityTooShort
            | ReasonCode::WaitingPeriod
            | ReasonCode::BeforeBenefitStart
            | ReasonCode::ContributionYearsShort,
            None,
        ) => (
            format!("按目前情况，此后{LOOKAHEAD}个月内此项条件都不会满足。"),
            format!("As things stand, this condition is not met in the {LOOKAHEAD} months after {me}."),
        ),
        (ReasonCode::ContributionInterrupted, _) => {
            // Where the city has a waiting period, it runs from resuming: how long, the estimates tell.
            let mut resumed = base.clone();
            resumed.inputs.set(MONTHS_SINCE_RESUMED.key, 0);
            let waits = variant(&resumed, first, |_| ()).is_some_and(|e| has(&e, ReasonCode::WaitingPeriod));
            let mut walk = Walk::new(&resumed, first);
            match waits.then(|| Ahead::new(&mut walk, &[]).clears(ReasonCode::WaitingPeriod)).flatten() {
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
            // The city's own words: which insurance these rules cover, and, where the
            // city has a scheme for the other insurance outside these sources, that one.
            possible = false;
            (format!("{}参保类型不会随月份改变。", r.message), format!("{} Waiting does not change the insurance type.", r.message_en))
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
            // Never advice to switch: the higher of the two is already the one kept.
            possible = false;
            let x = variant(base, first, |q| q.inputs.remove(DISABILITY_SUBSIDY.key)).map_or(Money::ZERO, |e| e.totals.fund);
            let s = read::number_given(base, &DISABILITY_SUBSIDY).map_or(Money::ZERO, Money::round);
            let f = zh(first);
            // When a later month keeps the subsidy though LTC insurance would pay more in it.
            let (more, more_en) = match kept.first() {
                Some(k) => (
                    format!("这一选择在本计划中保持不变：{}等月份长护险的金额虽然更高，也不改选（见该月估算的说明）。", zh(*k)),
                    format!(" The choice stands for the rest of the plan: in {k} and other months LTC insurance would pay more, yet the subsidy is kept (see that month's estimate)."),
                ),
                None => (String::new(), String::new()),
            };
            (
                format!("您领取的重度残疾人护理补贴每月{s}元，高于长护险{f}可支付的{x}元。两者就高择一、不重复享受，较高的补贴就是您得到的；只有补贴不高于{x}元时，长护险才会支付{x}元。{more}"),
                format!("Your severe-disability care subsidy of {s} yuan a month is more than the {x} yuan LTC insurance would pay in {first}. Only the higher of the two is paid, and the subsidy is that one: LTC insurance would pay {x} yuan only if the subsidy were {x} yuan or less.{more_en}"),
            )
        }
    };
    (possible, message, message_en)
}

/// 晋城's contribution years, clearing in month `k` (query `later`) if
/// contributions go on: that month, and the top-up (一次性补足) only when the
/// cumulative count is short, "sooner" only when it makes the condition hold
/// before month `k`. The counts and the months are the estimates'.
fn contribution_years(base: &Query, first: Month, k: u32, later: &Query) -> (String, String) {
    let code = ReasonCode::ContributionYearsShort;
    let month = later.month.unwrap_or(first);
    let (m, me) = (zh(month), month);
    let Some(y0) = read::years_given(base) else {
        // No counts given: the continuous count is the one short (it restarts
        // when contributions resume), and continuous years cannot be topped up.
        return (
            format!("连续缴费年限不能补足：如继续缴费，此条件自{m}起满足。"),
            format!("Continuous years cannot be topped up: if contributions continue, this condition is met from {me}."),
        );
    };
    let y = read::years_given(later).unwrap_or(y0);
    let (c, t) = (y.continuous, y.cumulative);
    let go_on = format!("如继续缴费，{m}时连续缴费{c}年、累计{t}年，此条件自{m}起满足。");
    let go_on_en = format!(
        "If contributions continue, by {me} they will be {c} years continuous and {t} cumulative: this condition is met from {me}."
    );
    let years =
        |continuous, cumulative| move |q: &mut Query| q.inputs.set(CONTRIBUTION_YEARS.key, ContributionYears { continuous, cumulative });
    // The cumulative count is short when, with as many continuous years as cumulative ones, the reason stays.
    let cumulative_short = variant(base, first, years(y0.cumulative, y0.cumulative)).map(|e| has(&e, code));
    // The month from which it holds with the cumulative count topped up: the
    // same query with more cumulative years than any rule asks for.
    let mut topped = base.clone();
    years(y0.continuous, y0.cumulative.max(y0.continuous).saturating_add(100))(&mut topped);
    let mut walk = Walk::new(&topped, first);
    let mut ahead = Ahead::new(&mut walk, &[]);
    let by_top_up = match ahead.has(0, code) {
        Some(false) => Some(0),
        Some(true) => ahead.clears(code),
        None => None,
    };
    let sooner = by_top_up.filter(|j| *j < k);
    match (cumulative_short.unwrap_or(sooner.is_some()), sooner) {
        (false, _) => (format!("{go_on}连续缴费年限不能补足。"), format!("{go_on_en} Continuous years cannot be topped up.")),
        (true, None) => (
            format!("{go_on}累计缴费年限可以一次性补足，但连续缴费年限不能补足，补足也不会更早满足。"),
            format!("{go_on_en} Cumulative years can be topped up in one payment (一次性补足), but continuous years cannot, so topping up does not make it sooner."),
        ),
        (true, Some(0)) => (
            format!("{go_on}累计缴费年限也可以按标准一次性补足：补足后{}即满足，可以更早享受。", zh(first)),
            format!("{go_on_en} Cumulative years can also be topped up in one payment (一次性补足): then it is met in {first}, sooner."),
        ),
        (true, Some(j)) => {
            let t = after(first, j).unwrap_or(month);
            (
                format!("{go_on}累计缴费年限也可以按标准一次性补足：补足后此条件自{}起满足（连续缴费年限不能补足），可以更早享受。", zh(t)),
                format!("{go_on_en} Cumulative years can also be topped up in one payment (一次性补足): then it is met from {t} (continuous years cannot be topped up), sooner."),
            )
        }
    }
}

/// Whether the first month's estimate, changed by `f`, is without `code`.
fn lacks(base: &Query, first: Month, code: ReasonCode, f: impl FnOnce(&mut Query)) -> bool {
    variant(base, first, f).is_some_and(|e| !has(&e, code))
}

// ---------- assumptions ----------

/// docs/plan.md `assumptions`: every input whose later-month value the person
/// did not give, from the second month to `to`, in words. Those about the
/// first month only that change after it (the care days; a cost given), and
/// those carried as a pattern, given or not.
fn assumptions(walk: &Walk<'_>, to: Month) -> Vec<Assumption> {
    let first = walk.first;
    let Some(from) = after(first, 1).filter(|m| *m <= to) else { return Vec::new() };
    let range = if from == to { [zh(from), from.to_string()] } else { [format!("{}至{}", zh(from), zh(to)), format!("{from} to {to}")] };
    let [rz, re] = &range;
    let f = zh(first);
    let mut out = Vec::new();
    for input in walk.inputs() {
        let given = read::number_given(walk.base, input);
        // "本月…" ("… this month") names the first month's value: the later months' is the same input.
        let label = walk.label(input);
        let label = Text::new(label.zh.strip_prefix("本月").unwrap_or(label.zh), label.en.strip_suffix(" this month").unwrap_or(label.en));
        let [dz, de] = default_words(input);
        let default = matches!(input.default, Default::Fixed(_));
        let (rule, message, message_en) = match (input.carry, given) {
            (Carry::FirstMonthOnly, None) if default => continue,
            (Carry::FirstMonthOnly, Some(v)) if matches!(input.default, Default::Fixed(d) if d == v) => continue,
            (Carry::FirstMonthOnly, None) => (
                AssumptionRule::Default,
                format!("{rz}的{}按默认值计算：{dz}。", label.zh),
                format!("{} in {re}: the default, {de}.", label.en),
            ),
            (Carry::FirstMonthOnly, Some(v)) => {
                let [vz, ve] = value_words(input.unit, v);
                (
                    AssumptionRule::Default,
                    format!("{}只计入{f}（您填写的{vz}）；{rz}按默认值计算：{dz}。", label.zh),
                    format!("{} counts for {first} only ({ve}); in {re}, the default: {de}.", label.en),
                )
            }
            (Carry::Pattern, None) => (
                AssumptionRule::Default,
                format!("{rz}的{}按各月的默认值计算：{dz}（您没有填写）。", label.zh),
                format!("{} in {re}: each month's default, {de} (not given).", label.en),
            ),
            (Carry::Pattern, Some(v)) if v.is_zero() => (
                AssumptionRule::Carried,
                format!("{rz}的{}按您为{f}填写的0计算：不假定此后开始使用。", label.zh),
                format!("{} in {re}: 0, as you gave for {first}; you are not assumed to start.", label.en),
            ),
            (Carry::Pattern, Some(v)) if walk.at_default.contains(&input.key) => {
                let [vz, ve] = value_words(input.unit, v);
                (
                    AssumptionRule::Default,
                    format!("{rz}的{}按各月的默认值计算：{dz}（您为{f}填写的{vz}就是该月的默认值）。", label.zh),
                    format!("{} in {re}: each month's default, {de} (the {ve} you gave for {first} is that month's default).", label.en),
                )
            }
            (Carry::Pattern, Some(v)) => {
                let [vz, ve] = value_words(input.unit, v);
                // The months whose limit is below the value: "2027年2月为672小时".
                let capped: Vec<[String; 2]> = (1..)
                    .map_while(|i| after(first, i).filter(|m| *m <= to))
                    .filter_map(|m| {
                        let cap = walk.cap(input.unit, m).filter(|cap| v > *cap)?;
                        let [cz, ce] = value_words(input.unit, cap);
                        Some([format!("{}为{cz}", zh(m)), format!("{m}: {ce}")])
                    })
                    .collect();
                let (limit, limit_en) = if capped.is_empty() {
                    (String::new(), String::new())
                } else {
                    let (z, e): (Vec<&str>, Vec<&str>) = capped.iter().map(|[z, e]| (z.as_str(), e.as_str())).unzip();
                    (format!("，不超过当月允许的数值（{}）", z.join("、")), format!(", at most what the month allows ({})", e.join(", ")))
                };
                (
                    AssumptionRule::Carried,
                    format!("{rz}的{}按您为{f}填写的{vz}计算{limit}。", label.zh),
                    format!("{} in {re}: {ve}, as you gave for {first}{limit_en}.", label.en),
                )
            }
            _ => continue,
        };
        out.push(Assumption { input: input.key, rule, from, to, message, message_en });
    }
    out
}

/// How an input's default is found, in both languages.
fn default_words(input: &Input) -> [String; 2] {
    match (input.default.rule(), input.default) {
        (Some(t), _) => [t.zh.to_owned(), t.en.to_owned()],
        (None, Default::Fixed(v)) => value_words(input.unit, v),
        (None, _) => [String::from("不填"), String::from("none")],
    }
}

/// A value with its unit: "10日", "20小时", "7000元".
fn value_words(unit: Unit, v: Decimal) -> [String; 2] {
    let v = plain(v);
    let (z, e) = match unit {
        Unit::Days | Unit::CareDays => ("日", " days"),
        Unit::Visits => ("次", " visits"),
        Unit::Hours => ("小时", " hours"),
        u if u.is_money() => ("元", " yuan"),
        _ => ("", ""),
    };
    [format!("{v}{z}"), format!("{v}{e}")]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Insurance;

    #[test]
    fn months_are_added_across_years() {
        let m = |s| Month::parse(s);
        assert_eq!(m("2024-11").and_then(|x| after(x, 3)), m("2025-02"));
        assert_eq!(m("2024-02").and_then(|x| after(x, 0)), m("2024-02"));
        assert_eq!(m("9999-11").and_then(|x| after(x, 1)), m("9999-12"));
        assert_eq!(m("9999-11").and_then(|x| after(x, 2)), None);
    }

    /// The months of a 常州 plan with a 610 yuan disability care subsidy (severe,
    /// home, family care by default: 20 yuan a day), from `month`.
    fn kept_walk(month: &str) -> (Query, Month) {
        let mut q = Query::new("changzhou", Insurance::Employee, Grade::Severe, "home");
        q.month = Month::parse(month);
        q.inputs.set(DISABILITY_SUBSIDY.key, 610);
        let first = q.month.expect("a month");
        (q, first)
    }

    /// 五(五)2: the subsidy chosen in February 2022 (610 against 20 × 28 = 560.00) is
    /// kept in March, when LTC insurance alone would pay 20 × 31 = 620.00: March is
    /// refused, its reason names both amounts and the month of the choice, and the
    /// note says the choice stands. April (600.00, below 610) is its own estimate.
    #[test]
    fn the_subsidy_chosen_first_is_kept() {
        let (q, first) = kept_walk("2022-02");
        let mut walk = Walk::new(&q, first);
        let months: Vec<Estimate> = (0..3).filter_map(|i| walk.estimate(i)?.ok()).collect();
        let [feb, mar, apr] = months.as_slice() else { panic!("three months: {months:?}") };
        assert!(!feb.eligible && !feb.notes.iter().any(|n| n.code == CHOICE_FIXED));
        assert_eq!(mar.reasons.iter().map(|r| r.code).collect::<Vec<_>>(), [ReasonCode::DisabilitySubsidyHigher]);
        let m = &mar.reasons[0].message;
        assert!(m.contains("2022年2月") && m.contains("610.00") && m.contains("620.00"), "{m}");
        assert!(mar.lines.is_empty() && mar.notes.iter().any(|n| n.code == CHOICE_FIXED && n.citation.ends_with("五(五)2")));
        let own = estimate(&walk.query(2).expect("April")).expect("an estimate");
        assert_eq!(apr, &own);
    }

    /// And the other way: LTC insurance chosen in March 2022 (620.00 against 610)
    /// is kept in April, when the subsidy is higher than its 600.00: April pays
    /// 600.00 with the note, and says the subsidy stops.
    #[test]
    fn ltc_insurance_chosen_first_is_kept() {
        let (q, first) = kept_walk("2022-03");
        let mut walk = Walk::new(&q, first);
        let months: Vec<Estimate> = (0..2).filter_map(|i| walk.estimate(i)?.ok()).collect();
        let [mar, apr] = months.as_slice() else { panic!("two months: {months:?}") };
        assert_eq!(mar.totals.fund.to_string(), "620.00");
        assert!(apr.eligible && apr.totals.fund.to_string() == "600.00");
        let note = apr.notes.iter().find(|n| n.code == CHOICE_FIXED).expect("the note");
        assert!(
            note.message.contains("2022年3月") && note.message.contains("610.00") && note.message.contains("补贴停发"),
            "{}",
            note.message
        );
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
