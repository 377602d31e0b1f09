//! The estimate, in five steps: validate the query, pick the document for the
//! month, check every condition, compute the lines, add the notes.

use crate::cities;
use crate::error::{list, Error, ErrorCode};
use crate::model::{Estimate, Policy, Query, Reason, ReasonCode, Status, Totals};
use crate::month::Month;
use crate::reference::reference;
use crate::rules::{self, check_value, City, Ctx, Default, Document, Mode, Out, Unit};

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
    let month = query.month.unwrap_or_else(Month::current);
    let document = city.document(month).ok_or_else(|| cities::unknown_city(&query.city))?;
    let mode = mode(city, document, &query.care_mode)?;
    let days_in_force = document.days_in_force(month);
    let care_days = care_days(query.care_days, days_in_force, document, month)?;
    validate_common(query)?;
    validate_inputs(city, mode, query, care_days)?;

    let status = document.status(month);
    let ctx = Ctx { query, city, mode, document, month, on: document.first_day(month), care_days };

    let mut reasons = Vec::new();
    not_in_force(&ctx, &mut reasons);
    (city.check)(&ctx, &mut reasons);

    let mut notes = Vec::new();
    (city.notes)(&ctx, &mut notes);
    if status == Status::Expired {
        notes.push(expired(city, document));
    }
    if let Some(n) = mid_month(&ctx, days_in_force) {
        notes.push(n);
    }
    let mut out = Out::default();
    if reasons.is_empty() {
        (city.compute)(&ctx, &mut out);
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
    Ok(Estimate {
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
        reference: reference(&ctx),
    })
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

/// 0 to the days of the month on which the scheme is in force (`available`); default all of them.
fn care_days(given: Option<u32>, available: u32, document: &Document, month: Month) -> Result<u32, Error> {
    match given {
        None => Ok(available),
        Some(d) if d <= available => Ok(d),
        Some(d) => {
            let (zh, en) = if available < month.days() {
                let from = document.effective_from;
                (format!("，该月自{}日起实施", from.day()), format!(" (in force from {from})"))
            } else {
                (String::new(), String::new())
            };
            Err(Error::at(
                ErrorCode::InvalidValue,
                "careDays",
                format!("careDays须在0到{available}之间（{month}{zh}），收到{d}"),
                format!("careDays must be between 0 and {available} for {month}{en}, got {d}"),
            ))
        }
    }
}

fn validate_common(query: &Query) -> Result<(), Error> {
    if let Some(s) = query.disability_subsidy {
        check_value("disabilitySubsidy", Unit::YuanPerMonth, s, 0)?;
    }
    if let Some(y) = query.contribution_years {
        if y.continuous > y.cumulative {
            return Err(Error::at(
                ErrorCode::InvalidValue,
                "contributionYears.continuous",
                format!("连续缴费年限（{}）不能超过累计缴费年限（{}）", y.continuous, y.cumulative),
                format!("continuous years ({}) cannot exceed cumulative years ({})", y.continuous, y.cumulative),
            ));
        }
    }
    Ok(())
}

fn validate_inputs(city: &City, mode: &Mode, query: &Query, care_days: u32) -> Result<(), Error> {
    // Keys first, in the order given: a key the mode does not have is the
    // error, whatever its value. A query with more keys than kept has at
    // least one unknown among those kept.
    for (key, _) in query.inputs.given() {
        if !mode.inputs.iter().any(|i| i.key == key) {
            let known = list(mode.inputs.iter().map(|i| i.key));
            let key = crate::error::echo(key);
            return Err(Error::at(
                ErrorCode::UnknownField,
                key.to_string(),
                format!("{}“{}”没有输入项{key}；该护理方式的输入项：{known}", city.name.zh, mode.name.zh),
                format!("{key} is not an input of {} \"{}\"; its inputs: {known}", city.name.en, mode.id),
            ));
        }
    }
    if query.inputs.overflowed() {
        // Unreachable by the reasoning above; said rather than ignored.
        return Err(Error::at(ErrorCode::UnknownField, "", "输入项过多", "more keys than any care mode has"));
    }
    for (key, value) in query.inputs.given() {
        let Some(input) = mode.inputs.iter().find(|i| i.key == key) else { continue };
        match value {
            Err(e) => return Err(e.for_field(input.key)),
            Ok(Some(v)) => check_value(input.key, input.unit, v, care_days)?,
            Ok(None) => {}
        }
    }
    if let Some(missing) = mode.inputs.iter().find(|i| matches!(i.default, Default::Required) && !query.inputs.contains(i.key)) {
        return Err(Error::at(
            ErrorCode::MissingField,
            missing.key,
            format!("{}须填写{}（{}）", mode.name.zh, missing.label.zh, missing.key),
            format!("{} needs {} ({})", mode.name.en, missing.label.en, missing.key),
        ));
    }
    Ok(())
}

/// api.md "Nothing silently ignored": the common inputs given that the rules of
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
    let (q, city, mode) = (ctx.query, ctx.city, ctx.mode);
    let care_days_read = mode.uses_care_days
        || mode.inputs.iter().any(|i| {
            let default = match i.default {
                Default::CareDays => ctx.care_days_dec(),
                Default::FromCareDays(f, _) => f(ctx),
                _ => return false,
            };
            q.inputs.get(i.key).is_none_or(|v| v == default)
        });
    // In the catalog's order of the common inputs, after month.
    let given = [
        q.care_days.is_some_and(|d| d != days_in_force) && !care_days_read,
        q.disability_months.is_some_and(|m| m != rules::DEFAULT_DISABILITY_MONTHS),
        q.work_injury_care_allowance,
        q.assessed_month.is_some(),
        q.benefits_locked,
        q.interrupted_contribution,
        q.months_since_resumed.is_some(),
        q.contribution_years.is_some(),
        q.insured_before_ltci,
        q.disability_subsidy.is_some_and(|s| !s.is_zero()),
    ];
    let (mut zh, mut en) = (String::new(), String::new());
    for (input, given) in crate::catalog::common_inputs().iter().zip(given) {
        let key = input.key;
        if !given || (key != "careDays" && city.query_inputs.contains(&key)) {
            continue;
        }
        if zh.is_empty() {
            push_all(&mut zh, &[city.name.zh, "“", mode.name.zh, "”的规定不使用以下输入项，本估算没有考虑它们："]);
            push_all(
                &mut en,
                &["The rules of ", city.name.en, " (", mode.name.en, ") do not use these inputs, so this estimate ignores them: "],
            );
        } else {
            zh.push('、');
            en.push_str(", ");
        }
        push_all(&mut zh, &[key, "（", input.label.zh, "）"]);
        push_all(&mut en, &[key, " (", input.label.en, ")"]);
    }
    if zh.is_empty() {
        return None;
    }
    zh.push_str("。取默认值的输入（如“否”）与不填相同，不列出。");
    en.push_str(". Inputs at their default (such as false) count as not given.");
    Some(rules::note("input_not_used", zh, en, ctx.document.number))
}

/// Appends each part: one small loop, not a push inlined per part (the page's
/// WebAssembly is size-budgeted).
#[inline(never)]
fn push_all(s: &mut String, parts: &[&str]) {
    for p in parts {
        s.push_str(p);
    }
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

/// A month after the document's period: computed anyway, with a warning.
fn expired(city: &City, document: &Document) -> crate::model::Note {
    let to = document.effective_to.map(|d| d.to_string()).unwrap_or_default();
    rules::note(
        "policy_expired",
        format!("{}的有效期至{to}。此后的规定不在本计算器的资料中，本估算仍按该文件计算，仅供参考。", document.number),
        format!("{} was in force until {to}. Later rules for {} are not in this calculator's sources; this estimate still applies it, as a guide only.", document.number, city.name.en),
        document.period_citation,
    )
}
