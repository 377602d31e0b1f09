//! The estimate, in five steps: validate the query, pick the document for the
//! month, check every condition, compute the lines, add the notes.

use crate::cities;
use crate::error::{list, Error, ErrorCode};
use crate::model::{Estimate, Policy, Query, Reason, ReasonCode, Status, Totals};
use crate::money::Money;
use crate::month::Month;
use crate::read;
use crate::reference::reference;
use crate::rules::inputs::{self, CARE_DAYS, DISABILITY_SUBSIDY};
use crate::rules::{self, City, Ctx, Default, Document, Input, Mode, Out};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// What the fund pays and what the person pays for one month of care.
///
/// # Errors
///
/// Bad input only: `unknown_city`, `unknown_care_mode`, `unknown_field` (an input
/// the care mode does not have), `missing_field` or `invalid_value`. A person who
/// is not eligible gets an `Estimate` with its reasons, not an error.
///
/// ```
/// use ltci::{Grade, Insurance, Month, Query};
/// let mut q = Query::new("jincheng", Insurance::Resident, Grade::Severe, "institution");
/// q.month = Month::parse("2024-03");
/// let e = ltci::estimate(&q).unwrap();
/// assert!(!e.eligible);
/// assert_eq!(e.reasons[0].code, ltci::ReasonCode::InsuranceNotCovered);
/// ```
pub fn estimate(query: &Query) -> Result<Estimate, Error> {
    estimate_in(cities::find_or_error(&query.city)?, query)
}

/// The estimate under `city`'s rules (the city of the query, or one built for a test).
pub(crate) fn estimate_in(city: &'static City, query: &Query) -> Result<Estimate, Error> {
    estimate_with(city, query, None).map(|(e, _)| e)
}

/// A plan's one choice under the condition on the amounts (常州 就高, docs/plan.md:
/// "就高 is one choice"), made in `month`: whether the condition refused there
/// (the disability subsidy was the higher, and is kept), with the reason's code
/// and clause, or not (LTC insurance was, and is kept).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Chosen {
    pub month: Month,
    pub refused: Option<(ReasonCode, Cow<'static, str>)>,
}

/// The note of a month in which a plan keeps a choice made before (docs/plan.md).
pub(crate) const CHOICE_FIXED: &str = "reading_choice_fixed";

/// [`estimate`] for a plan's month: with `kept`, the choice of an earlier month
/// holds in this one ([`keep`]); also returns the choice this month makes, when
/// its amounts are computed (every other condition met).
pub(crate) fn estimate_keeping(query: &Query, kept: Option<Chosen>) -> Result<(Estimate, Option<Chosen>), Error> {
    estimate_with(cities::find_or_error(&query.city)?, query, kept)
}

/// The value `input` takes in the month of `query` when the query leaves it out
/// (its default, computed from that month's own care days); `None` for an
/// input without one or a query that does not read.
pub(crate) fn default_in(query: &Query, input: &Input) -> Option<Decimal> {
    let city = cities::find(&query.city)?;
    let month = query.month.unwrap_or_else(Month::current);
    let document = city.document(month)?;
    let mode = document.mode(&query.care_mode)?;
    let (given, care_days) = read::inputs(query, city, mode, document, month).ok()?;
    let ctx = Ctx { query, given: &given, city, mode, document, month, on: document.first_day(month), care_days };
    ctx.default_of(input)
}

fn estimate_with(city: &'static City, query: &Query, kept: Option<Chosen>) -> Result<(Estimate, Option<Chosen>), Error> {
    let month = query.month.unwrap_or_else(Month::current);
    let document = city.document(month).ok_or_else(|| cities::unknown_city(&query.city))?;
    let mode = mode(city, document, &query.care_mode)?;
    let days_in_force = document.days_in_force(month);
    let (given, care_days) = read::inputs(query, city, mode, document, month)?;

    let status = document.status(month);
    let ctx = Ctx { query, given: &given, city, mode, document, month, on: document.first_day(month), care_days };

    let mut reasons = Vec::new();
    not_in_force(&ctx, &mut reasons);
    (city.check)(&ctx, &mut reasons);

    let mut notes = Vec::new();
    (city.notes)(&ctx, &mut notes);
    (mode.notes)(&ctx, &mut notes);
    if status == Status::Expired {
        notes.push(expired(city, document));
    }
    if let Some(n) = mid_month(&ctx, days_in_force) {
        notes.push(n);
    }
    let mut out = Out::default();
    let computed = reasons.is_empty();
    if computed {
        (mode.compute)(&ctx, &mut out);
    }
    let chosen = computed.then(|| Chosen { month, refused: out.refusal.as_ref().map(|r| (r.code, r.citation.clone())) });
    if let Some(k) = kept.filter(|_| computed) {
        keep(&ctx, k, &mut out);
    }
    // A condition on the amounts (常州 就高) refuses once they are computed: the
    // lines go, and of their notes only the readings stay, which explain the
    // amount the reason names (the others are about lines no longer shown).
    if let Some(r) = out.refusal {
        reasons.push(r);
    }
    let eligible = reasons.is_empty();
    if !eligible {
        out.lines.clear();
    }
    for n in out.notes {
        let kept = eligible || n.code.starts_with("reading_");
        if kept && !notes.iter().any(|m| m.code == n.code && m.message == n.message) {
            notes.push(n);
        }
    }
    if let Some(n) = input_not_used(&ctx, days_in_force) {
        notes.push(n);
    }
    let totals = if eligible { Totals::of(&out.lines) } else { Totals::ZERO };
    let mut estimate = Estimate {
        city: city.id,
        care_mode: mode.id,
        month,
        care_days,
        eligible,
        reasons,
        lines: out.lines,
        totals,
        policy: Policy {
            document: document.number,
            title: document.title,
            effective_from: document.effective_from,
            effective_to: document.effective_to,
            status,
        },
        notes,
        reference: String::new(),
    };
    estimate.reference = reference(&estimate);
    Ok((estimate, chosen))
}

/// docs/plan.md, "就高 is one choice": in a plan, the choice between the
/// disability care subsidy and LTC insurance (the only condition on the amounts,
/// `Out::refuse`) is made in the first month that compares them and holds in the
/// months after, whichever is higher in them (a 31-day month does not flip it).
/// Where this month alone would choose the other, the kept choice decides, with
/// the note `reading_choice_fixed`; where it agrees, the month is its own estimate.
fn keep(ctx: &Ctx<'_>, kept: Chosen, out: &mut Out) {
    let own = out.refusal.take();
    let code = kept.refused.as_ref().map_or(own.as_ref().map(|r| r.code), |(c, _)| Some(*c));
    if code != Some(ReasonCode::DisabilitySubsidyHigher) {
        out.refusal = own;
        return;
    }
    let (s, fund) = (Money::round(ctx.number(&DISABILITY_SUBSIDY)), out.fund_total());
    let (since, since_en) = (format!("{}年{}月", kept.month.year(), kept.month.number()), kept.month);
    match (kept.refused, own) {
        // The subsidy was chosen; this month LTC insurance would pay as much or more.
        (Some((code, citation)), None) => {
            out.refuse(rules::reason(
                code,
                format!("{since}已按就高原则选择领取重度残疾人护理补贴（每月{s}元），选择确定后不重复享受：本月长护险不支付（单看本月，长护险可支付{fund}元）。"),
                format!("In {since_en} the severe-disability care subsidy ({s} yuan a month) was chosen as the higher benefit, and the choice stands: LTC insurance pays nothing this month (on this month alone it would pay {fund} yuan)."),
                citation.clone(),
            ));
            out.note(rules::note(
                CHOICE_FIXED,
                format!("两者就高择一、选择确定：本计算器把这理解为一次选择。{since}比较时补贴（{s}元）较高，选择了补贴；此后各月保持这一选择，不因某月长护险金额较高（本月{fund}元）而改选。"),
                format!("The higher of the two is chosen once, and the choice stands: this calculator reads it as one choice. In {since_en} the subsidy ({s} yuan) was higher and was chosen; later months keep it, even when LTC insurance would pay more in one of them ({fund} yuan this month)."),
                citation,
            ));
        }
        // LTC insurance was chosen; this month the subsidy is higher.
        (None, Some(r)) => out.note(rules::note(
            CHOICE_FIXED,
            format!("两者就高择一、选择确定：本计算器把这理解为一次选择。{since}比较时长护险较高，选择了长护险待遇；此后各月保持这一选择：本月补贴{s}元虽高于长护险的{fund}元，仍由长护险支付，补贴停发。"),
            format!("The higher of the two is chosen once, and the choice stands: this calculator reads it as one choice. In {since_en} LTC insurance was higher and was chosen; later months keep it: this month the subsidy of {s} yuan is more than LTC insurance's {fund} yuan, yet LTC insurance pays and the subsidy stops."),
            r.citation,
        )),
        // The same choice as this month's own.
        (_, own) => out.refusal = own,
    }
}

/// The care mode `id` of the month's document.
fn mode(city: &City, document: &Document, id: &str) -> Result<&'static Mode, Error> {
    document.mode(id).ok_or_else(|| {
        let known = list(document.modes.iter().map(|m| m.id));
        let id = crate::error::echo(id);
        Error::at(
            ErrorCode::UnknownCareMode,
            "careMode",
            format!("{}没有护理方式“{id}”；可选：{known}", city.name.zh),
            format!("{} has no care mode \"{id}\"; expected one of: {known}", city.name.en),
        )
    })
}

/// docs/api.md "Nothing silently ignored": the common inputs given that the rules of
/// this city and care mode do not read, in one note naming each (eligible or not:
/// it is about the rules, not the person).
///
/// Given means different from leaving the key out: a flag that is true, a
/// `disabilityMonths` other than its default 6, a subsidy above 0, any month,
/// count or years. A value equal to the default is the same query (and the same
/// reference) as no value, so it gets no note: a form may send `false` for every
/// flag it shows.
///
/// `careDays` where the mode does not pay by the day (连云港 home visits): it is
/// read for an input whose default follows it (visitHours), so it is used unless
/// that input is given at another value than its default, and careDays itself at
/// another value than the month's days in force.
fn input_not_used(ctx: &Ctx<'_>, days_in_force: u32) -> Option<crate::model::Note> {
    let (city, mode) = (ctx.city, ctx.mode);
    let care_days_read = mode.uses_care_days
        || mode.inputs.iter().any(|i| {
            let default = match i.default {
                Default::CareDays => ctx.care_days_dec(),
                Default::FromCareDays(f, _) => f(ctx),
                _ => return false,
            };
            ctx.optional(i) == Some(default)
        });
    let unused = inputs::common().iter().copied().filter(|input| {
        let Some(value) = ctx.given.get(input) else { return false };
        let read = if input.key == CARE_DAYS.key { care_days_read } else { city.query_inputs.iter().any(|i| i.key == input.key) };
        !read && !read::at_default(input, value, days_in_force)
    });
    let opening = || {
        [
            format!("{}“{}”的规定不使用以下输入项，本估算没有考虑它们：", city.name.zh, mode.name.zh),
            format!("The rules of {} ({}) do not use these inputs, so this estimate ignores them: ", city.name.en, mode.name.en),
        ]
    };
    rules::input_not_used(opening, unused, ctx.document.number)
}

/// A month before the scheme starts.
fn not_in_force(ctx: &Ctx<'_>, out: &mut Vec<Reason>) {
    let from = ctx.document.effective_from;
    if ctx.month < from.month() {
        out.push(rules::reason(
            ReasonCode::NotInForce,
            format!("{}长期护理保险待遇自{from}起实施，{}尚未实施。", ctx.city.name.zh, ctx.month),
            format!("{}'s LTC insurance benefits start on {from}; {} is before that.", ctx.city.name.en, ctx.month),
            ctx.document.period_citation,
        ));
    }
}

/// A month in which a later document starts after its first day: the estimate
/// is that document's, for the days it is in force (as in a scheme's first
/// month); the days before are under the previous one and not counted. One
/// month is not split between two sets of values: `careDays` beyond the new
/// document's days is an `invalid_value` that names the day.
fn mid_month(ctx: &Ctx<'_>, days_in_force: u32) -> Option<crate::model::Note> {
    let (doc, from) = (ctx.document, ctx.document.effective_from);
    let before = ctx.month.days() - days_in_force;
    let i = ctx.city.documents.iter().position(|d| std::ptr::eq(*d, doc))?;
    let previous = ctx.city.documents.get(i.checked_sub(1)?)?;
    if before == 0 {
        return None;
    }
    Some(rules::note(
        "rules_change_mid_month",
        format!(
            "{}自{from}起施行：本估算只计当月{from}起的{days_in_force}天；此前{before}天适用{}，不在本估算内（可按上月的规定估算这些天）。",
            doc.number, previous.number
        ),
        format!(
            "{} applies from {from}: this estimate counts only the {days_in_force} days from then; the {before} days before are under {} and not in this estimate (estimate them with the previous month's rules).",
            doc.number, previous.number
        ),
        doc.period_citation,
    ))
}

/// A month (or a contribution year) after the document's period: computed anyway, with a warning.
pub(crate) fn expired(city: &City, document: &Document) -> crate::model::Note {
    let to = document.effective_to.map(|d| d.to_string()).unwrap_or_default();
    rules::note(
        "policy_expired",
        format!("{}的有效期至{to}。此后的规定不在本计算器的资料中，本计算器仍按该文件计算，仅供参考。", document.number),
        format!("{} was in force until {to}. Later rules for {} are not in this calculator's sources; this calculator still applies it, as a guide only.", document.number, city.name.en),
        document.period_citation,
    )
}
