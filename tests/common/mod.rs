//! Helpers shared by the integration tests: the invariants every estimate and
//! every contribution must keep, checked on their JSON.

#![allow(dead_code)]

pub mod fixtures;

use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

/// The reason codes of docs/api.md, in its order.
pub const REASON_CODES: [&str; 11] = [
    "insurance_not_covered",
    "grade_not_covered",
    "disability_too_short",
    "work_injury_allowance",
    "benefits_locked",
    "contribution_years_short",
    "contribution_interrupted",
    "waiting_period",
    "not_in_force",
    "before_benefit_start",
    "disability_subsidy_higher",
];

/// The policy statuses of docs/api.md.
pub const STATUSES: [&str; 5] = ["in_force", "expired", "not_in_force", "draft", "article"];

/// The error codes of docs/api.md and docs/contribution.md.
pub const ERROR_CODES: [&str; 9] = [
    "invalid_json",
    "unknown_field",
    "missing_field",
    "unknown_city",
    "unknown_care_mode",
    "invalid_value",
    "insurance_not_covered",
    "not_in_force",
    "not_in_sources",
];

/// A money string as docs/api.md prints it: digits, a point, exactly two decimals, never negative.
pub fn money(v: &Value, what: &str) -> Result<Decimal, String> {
    let s = v.as_str().ok_or_else(|| format!("{what}: expected a money string, got {v}"))?;
    let (int, frac) = s.split_once('.').ok_or_else(|| format!("{what}: {s:?} has no decimal point"))?;
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || frac.len() != 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{what}: {s:?} is not a non-negative amount with exactly two decimals"));
    }
    if int.len() > 1 && int.starts_with('0') {
        return Err(format!("{what}: {s:?} has a leading zero"));
    }
    Decimal::from_str(s).map_err(|e| format!("{what}: {s:?}: {e}"))
}

/// A money string or null.
pub fn money_or_null(v: &Value, what: &str) -> Result<Option<Decimal>, String> {
    if v.is_null() {
        Ok(None)
    } else {
        money(v, what).map(Some)
    }
}

/// fund + selfPay = cost where all three are known; cost and selfPay are null together.
fn balanced(cost: Option<Decimal>, fund: Decimal, self_pay: Option<Decimal>, what: &str) -> Result<(), String> {
    match (cost, self_pay) {
        (Some(c), Some(s)) if fund + s != c => Err(format!("{what}: fund {fund} + selfPay {s} != cost {c}")),
        (Some(_), None) | (None, Some(_)) => Err(format!("{what}: cost and selfPay must be both known or both null")),
        _ => Ok(()),
    }
}

/// Every invariant of docs/api.md on one Estimate, as JSON.
pub fn check_estimate(e: &Value) -> Result<(), String> {
    let eligible = e["eligible"].as_bool().ok_or("eligible is not a bool")?;
    let lines = e["lines"].as_array().ok_or("lines is not an array")?;
    let reasons = e["reasons"].as_array().ok_or("reasons is not an array")?;
    let notes = e["notes"].as_array().ok_or("notes is not an array")?;
    let status = e["policy"]["status"].as_str().ok_or("policy.status is not a string")?;
    if !STATUSES.contains(&status) {
        return Err(format!("unknown status {status}"));
    }
    if e["careDays"].as_u64().is_none_or(|d| d > 31) {
        return Err(format!("careDays {} out of range", e["careDays"]));
    }
    for r in reasons {
        let code = r["code"].as_str().ok_or("reason without code")?;
        if !REASON_CODES.contains(&code) {
            return Err(format!("unknown reason code {code}"));
        }
        has_texts(r, &["message", "messageEn", "citation"], &format!("reason {code}"))?;
    }
    for n in notes {
        has_texts(n, &["code", "message", "messageEn", "citation"], &format!("a note ({n})"))?;
    }
    let (mut cost, mut fund, mut self_pay) = (Some(Decimal::ZERO), Decimal::ZERO, Some(Decimal::ZERO));
    for (i, l) in lines.iter().enumerate() {
        let id = l["id"].as_str().unwrap_or("?");
        let what = format!("line {i} ({id})");
        let c = money_or_null(&l["cost"], &format!("{what} cost"))?;
        let f = money(&l["fund"], &format!("{what} fund"))?;
        let s = money_or_null(&l["selfPay"], &format!("{what} selfPay"))?;
        balanced(c, f, s, &what)?;
        match l["kind"].as_str() {
            Some("allowance") => {
                if c != Some(f) || s != Some(Decimal::ZERO) {
                    return Err(format!("{what}: an allowance must have cost = fund and selfPay 0.00"));
                }
            }
            Some("service") => {}
            other => return Err(format!("{what}: unknown kind {other:?}")),
        }
        has_texts(l, &["label", "labelEn", "basis", "basisEn", "citation"], &what)?;
        cost = cost.zip(c).map(|(a, b)| a + b);
        fund += f;
        self_pay = self_pay.zip(s).map(|(a, b)| a + b);
    }
    let t = &e["totals"];
    let tc = money_or_null(&t["cost"], "totals.cost")?;
    let tf = money(&t["fund"], "totals.fund")?;
    let ts = money_or_null(&t["selfPay"], "totals.selfPay")?;
    balanced(tc, tf, ts, "totals")?;
    if (tc, tf, ts) != (cost, fund, self_pay) {
        return Err(format!("totals ({tc:?}, {tf}, {ts:?}) are not the sums of the lines ({cost:?}, {fund}, {self_pay:?})"));
    }
    if eligible {
        if !reasons.is_empty() {
            return Err("an eligible estimate has reasons".into());
        }
    } else {
        if reasons.is_empty() {
            return Err("an ineligible estimate has no reason".into());
        }
        if !lines.is_empty() {
            return Err("an ineligible estimate has lines".into());
        }
        for key in ["cost", "fund", "selfPay"] {
            if t[key] != "0.00" {
                return Err(format!("an ineligible estimate has totals.{key} = {}", t[key]));
            }
        }
    }
    if status == "expired" && !notes.iter().any(|n| n["code"] == "policy_expired") {
        return Err("an expired estimate without the policy_expired note".into());
    }
    Ok(())
}

/// Every invariant of docs/contribution.md on one Contribution, as JSON.
pub fn check_contribution(c: &Value) -> Result<(), String> {
    let lines = c["lines"].as_array().ok_or("lines is not an array")?;
    let t = &c["totals"];
    let mut total = Decimal::ZERO;
    for (payer, key) in
        [("individual", "individual"), ("employer", "employer"), ("government", "government"), ("medicalFund", "medicalFund")]
    {
        let mut sum = Decimal::ZERO;
        for l in lines.iter().filter(|l| l["payer"] == payer) {
            sum += money(&l["amount"], &format!("{payer} line amount"))?;
        }
        let stated = money(&t[key], &format!("totals.{key}"))?;
        if stated != sum {
            return Err(format!("totals.{key} {stated} != the sum of its lines {sum}"));
        }
        total += sum;
    }
    for l in lines {
        let payer = l["payer"].as_str().unwrap_or("");
        if !["individual", "employer", "government", "medicalFund"].contains(&payer) {
            return Err(format!("unknown payer {payer:?}"));
        }
        has_texts(l, &["label", "labelEn", "basis", "basisEn", "citation"], &format!("a {payer} line"))?;
    }
    let stated = money(&t["total"], "totals.total")?;
    if stated != total {
        return Err(format!("totals.total {stated} != the sum of the lines {total}"));
    }
    match c["policy"]["status"].as_str() {
        Some("stated" | "carried_forward") => Ok(()),
        other => Err(format!("unknown contribution status {other:?}")),
    }
}

/// An error as the contract prints it.
pub fn check_error(e: &ltci::Error) -> Result<(), String> {
    if !ERROR_CODES.contains(&e.code().as_str()) {
        return Err(format!("unknown error code {}", e.code().as_str()));
    }
    if e.message().is_empty() || e.message_en().is_empty() {
        return Err("an error without a message".into());
    }
    let v: Value = serde_json::from_str(&e.to_json()).map_err(|x| format!("error JSON does not parse: {x}"))?;
    let body = &v["error"];
    if body["code"] != e.code().as_str() || body["message"] != e.message() || body["messageEn"] != e.message_en() {
        return Err(format!("error JSON does not match the error: {v}"));
    }
    if body["field"].as_str() != e.field() {
        return Err(format!("error JSON field {} != {:?}", body["field"], e.field()));
    }
    Ok(())
}

/// An estimate as JSON, through the contract's own serialization.
pub fn estimate_value(e: &ltci::Estimate) -> Value {
    serde_json::from_str(&e.to_json()).expect("to_json gives JSON")
}

/// The change codes of docs/plan.md.
pub const CHANGE_CODES: [&str; 5] = ["becomes_eligible", "becomes_ineligible", "reasons_changed", "status_changed", "amount_changed"];

/// The month `n` months after a "YYYY-MM" text.
pub fn month_after(month: &str, n: u32) -> String {
    let (y, m) = month.split_once('-').expect("YYYY-MM");
    let t = y.parse::<u32>().expect("year") * 12 + m.parse::<u32>().expect("month") - 1 + n;
    format!("{:04}-{:02}", t / 12, t % 12 + 1)
}

/// Every invariant of docs/plan.md on one Plan, as JSON: consecutive months, the
/// totals are the sums (null where a month's is), eligibleMonths and
/// eligibleFrom, every change month really differs from the month before and
/// every month that differs has its change, and whatWouldChange follows the
/// first month's reasons.
pub fn check_plan(p: &Value) -> Result<(), String> {
    let months = p["months"].as_array().ok_or("months is not an array")?;
    if months.is_empty() || months.len() > 36 {
        return Err(format!("{} months", months.len()));
    }
    let from = p["from"].as_str().ok_or("no from")?;
    if months.last().map(|m| &m["month"]) != Some(&p["to"]) {
        return Err(format!("to {} is not the last month", p["to"]));
    }
    let (mut cost, mut fund, mut self_pay) = (Some(Decimal::ZERO), Decimal::ZERO, Some(Decimal::ZERO));
    for (i, m) in months.iter().enumerate() {
        let want = month_after(from, u32::try_from(i).unwrap_or(0));
        if m["month"] != want.as_str() {
            return Err(format!("month {i} is {}, not {want}", m["month"]));
        }
        let eligible = m["eligible"].as_bool().ok_or("eligible is not a bool")?;
        let reasons = m["reasons"].as_array().ok_or("reasons is not an array")?;
        if eligible != reasons.is_empty() {
            return Err(format!("{want}: eligible {eligible} with reasons {reasons:?}"));
        }
        for r in reasons {
            if !r.as_str().is_some_and(|c| REASON_CODES.contains(&c)) {
                return Err(format!("{want}: unknown reason {r}"));
            }
        }
        if !m["status"].as_str().is_some_and(|s| STATUSES.contains(&s)) {
            return Err(format!("{want}: unknown status {}", m["status"]));
        }
        if m["reference"].as_str().is_none_or(|r| r.len() != 9) {
            return Err(format!("{want}: reference {}", m["reference"]));
        }
        let t = &m["totals"];
        let (c, f, s) = (money_or_null(&t["cost"], "cost")?, money(&t["fund"], "fund")?, money_or_null(&t["selfPay"], "selfPay")?);
        balanced(c, f, s, &want)?;
        if !eligible && (c, f, s) != (Some(Decimal::ZERO), Decimal::ZERO, Some(Decimal::ZERO)) {
            return Err(format!("{want}: an ineligible month with totals {t}"));
        }
        cost = cost.zip(c).map(|(a, b)| a + b);
        fund += f;
        self_pay = self_pay.zip(s).map(|(a, b)| a + b);
    }
    let t = &p["totals"];
    let got =
        (money_or_null(&t["cost"], "totals.cost")?, money(&t["fund"], "totals.fund")?, money_or_null(&t["selfPay"], "totals.selfPay")?);
    if got != (cost, fund, self_pay) {
        return Err(format!("totals {t} are not the sums of the months ({cost:?}, {fund}, {self_pay:?})"));
    }
    let eligible: Vec<&Value> = months.iter().filter(|m| m["eligible"] == true).collect();
    if p["eligibleMonths"].as_u64() != Some(eligible.len() as u64) {
        return Err(format!("eligibleMonths {} but {} eligible months", p["eligibleMonths"], eligible.len()));
    }
    if p["eligibleFrom"] != eligible.first().map_or(Value::Null, |m| m["month"].clone()) {
        return Err(format!("eligibleFrom {} is not the first eligible month", p["eligibleFrom"]));
    }
    // Each change against the months it compares, and the months that differ against the changes.
    let changes = p["changes"].as_array().ok_or("changes is not an array")?;
    let codes = |m: &Value| {
        let mut c: Vec<String> = m["reasons"].as_array().into_iter().flatten().filter_map(|r| r.as_str().map(str::to_owned)).collect();
        c.sort();
        c
    };
    let before = |s: &Value| s == "not_in_force";
    for c in changes {
        let code = c["code"].as_str().ok_or("a change without code")?;
        if !CHANGE_CODES.contains(&code) {
            return Err(format!("unknown change code {code}"));
        }
        has_texts(c, &["message", "messageEn", "citation"], &format!("change {code}"))?;
        let i = months.iter().position(|m| m["month"] == c["month"]).ok_or_else(|| format!("change in {} outside the plan", c["month"]))?;
        let (a, b) = (months.get(i.wrapping_sub(1)).ok_or(format!("a change in the first month: {c}"))?, &months[i]);
        let differs = match code {
            "becomes_eligible" => a["eligible"] == false && b["eligible"] == true,
            "becomes_ineligible" => a["eligible"] == true && b["eligible"] == false,
            "reasons_changed" => a["eligible"] == false && b["eligible"] == false && codes(a) != codes(b),
            "status_changed" => a["status"] != b["status"] && !before(&a["status"]) && !before(&b["status"]),
            _ => a["eligible"] == true && b["eligible"] == true && a["totals"]["fund"] != b["totals"]["fund"],
        };
        if !differs {
            return Err(format!("{code} in {} but the month does not differ so from the month before", c["month"]));
        }
    }
    for (i, pair) in months.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let has = |code: &str| changes.iter().any(|c| c["month"] == b["month"] && c["code"] == code);
        let eligibility = a["eligible"] != b["eligible"] || codes(a) != codes(b);
        let status = a["status"] != b["status"] && !before(&a["status"]) && !before(&b["status"]);
        let amount = a["eligible"] == true && b["eligible"] == true && a["totals"]["fund"] != b["totals"]["fund"];
        let said = has("becomes_eligible") || has("becomes_ineligible") || has("reasons_changed");
        if eligibility != said || status != has("status_changed") || amount != has("amount_changed") {
            return Err(format!("month {} ({}) differs from the month before without its change, or the reverse", i + 1, b["month"]));
        }
    }
    let first = &months[0];
    let what = p["whatWouldChange"].as_array().ok_or("whatWouldChange is not an array")?;
    let what_codes: Vec<&Value> = what.iter().map(|w| &w["code"]).collect();
    let first_codes: Vec<&Value> = first["reasons"].as_array().into_iter().flatten().collect();
    if what_codes != first_codes {
        return Err(format!("whatWouldChange {what_codes:?} is not for the first month's reasons {first_codes:?}"));
    }
    for w in what {
        has_texts(w, &["message", "messageEn", "citation"], &format!("whatWouldChange {}", w["code"]))?;
        let possible = w["possible"].as_bool().ok_or("possible is not a bool")?;
        let Some(m) = w["from"].as_str() else { continue };
        if !possible || m <= from {
            return Err(format!("whatWouldChange {}: from {m} (possible {possible})", w["code"]));
        }
        // Within the plan: that month is the first without the reason.
        if let Some(k) = months.iter().position(|x| x["month"] == m) {
            let has = |x: &Value| x["reasons"].as_array().is_some_and(|r| r.contains(&w["code"]));
            if has(&months[k]) || !months[..k].iter().all(has) {
                return Err(format!("whatWouldChange {}: {m} is not the first month without it", w["code"]));
            }
        }
        // No reason clears after the first eligible month.
        if p["eligibleFrom"].as_str().is_some_and(|e| m > e) {
            return Err(format!("whatWouldChange {}: from {m} after eligibleFrom {}", w["code"], p["eligibleFrom"]));
        }
    }
    // When every reason of the first month clears within the plan, the latest is the
    // first eligible month, unless a later month has a reason the first did not
    // (常州's 就高 is compared only once every other condition holds).
    let froms: Vec<Option<&str>> = what.iter().map(|w| w["from"].as_str().filter(|m| *m <= p["to"].as_str().unwrap_or(""))).collect();
    let new_reason = months.iter().any(|m| codes(m).iter().any(|c| !codes(first).contains(c)));
    if !froms.is_empty() && !new_reason {
        if let Some(latest) = froms.iter().copied().collect::<Option<Vec<&str>>>().and_then(|f| f.into_iter().max()) {
            if p["eligibleFrom"] != latest {
                return Err(format!(
                    "every reason clears within the plan, the latest in {latest}, but eligibleFrom is {}",
                    p["eligibleFrom"]
                ));
            }
        }
    }
    check_assumptions(p, months)
}

/// `assumptions`: for the months after the first, to the last: the input's key,
/// `default` or `carried`, and both messages; one per input.
fn check_assumptions(p: &Value, months: &[Value]) -> Result<(), String> {
    let list = p["assumptions"].as_array().ok_or("assumptions is not an array")?;
    if months.len() < 2 && !list.is_empty() {
        return Err(format!("assumptions in a plan of one month: {list:?}"));
    }
    let mut inputs = Vec::new();
    for a in list {
        let input = a["input"].as_str().filter(|k| !k.is_empty()).ok_or_else(|| format!("an assumption without input: {a}"))?;
        if inputs.contains(&input) {
            return Err(format!("two assumptions for {input}"));
        }
        inputs.push(input);
        if !["default", "carried"].contains(&a["rule"].as_str().unwrap_or("")) {
            return Err(format!("assumption {input}: rule {}", a["rule"]));
        }
        if months.get(1).map(|m| &m["month"]) != Some(&a["from"]) || a["to"] != p["to"] {
            return Err(format!("assumption {input}: from {} to {}, not the months after the first", a["from"], a["to"]));
        }
        has_texts(a, &["message", "messageEn"], &format!("assumption {input}"))?;
    }
    Ok(())
}

/// `Err` naming `what` and the first of `keys` that is not a non-empty string of `v`.
fn has_texts(v: &Value, keys: &[&str], what: &dyn std::fmt::Display) -> Result<(), String> {
    match keys.iter().find(|k| v[**k].as_str().is_none_or(str::is_empty)) {
        Some(key) => Err(format!("{what} has no {key}")),
        None => Ok(()),
    }
}
