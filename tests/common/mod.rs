//! Helpers shared by the integration tests: the invariants every estimate and
//! every contribution must keep, checked on their JSON.

#![allow(dead_code)]

pub mod fixtures;

use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

/// The reason codes of api.md, in its order.
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

/// The policy statuses of api.md.
pub const STATUSES: [&str; 5] = ["in_force", "expired", "not_in_force", "draft", "article"];

/// The error codes of api.md and contribution.md.
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

/// A money string as api.md prints it: digits, a point, exactly two decimals, never negative.
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

/// Every invariant of api.md on one Estimate, as JSON.
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
        for key in ["message", "messageEn", "citation"] {
            if r[key].as_str().is_none_or(str::is_empty) {
                return Err(format!("reason {code} has no {key}"));
            }
        }
    }
    for n in notes {
        for key in ["code", "message", "messageEn", "citation"] {
            if n[key].as_str().is_none_or(str::is_empty) {
                return Err(format!("a note has no {key}: {n}"));
            }
        }
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
        for key in ["label", "labelEn", "basis", "basisEn", "citation"] {
            if l[key].as_str().is_none_or(str::is_empty) {
                return Err(format!("{what} has no {key}"));
            }
        }
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

/// Every invariant of contribution.md on one Contribution, as JSON.
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
        for key in ["label", "labelEn", "basis", "basisEn", "citation"] {
            if l[key].as_str().is_none_or(str::is_empty) {
                return Err(format!("a {payer} line has no {key}"));
            }
        }
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
