//! Queries built from the catalog: the fuzzer's bytes choose a city, a care
//! mode, an insurance type, a grade, a month and the values of the city's
//! and the mode's inputs (in range or not), so it explores the rules rather
//! than the JSON reader. The same bytes also make a contribution query, and
//! a catalog for some month.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::fmt::Write;
use std::sync::OnceLock;

fn catalog() -> &'static Value {
    static CATALOG: OnceLock<Value> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let text = serde_json::to_string(&ltci::catalog()).unwrap_or_default();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    })
}

fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

fn id(v: &Value) -> &str {
    v.get("id").and_then(Value::as_str).unwrap_or("")
}

fn pick<'a>(u: &mut Unstructured<'_>, xs: &'a [Value]) -> Result<Option<&'a Value>> {
    if xs.is_empty() {
        return Ok(None);
    }
    Ok(xs.get(u.choose_index(xs.len())?))
}

/// A JSON string literal.
fn string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// A decimal as JSON: a number or a string, sometimes negative, with 0 to 4
/// decimals, usually small.
fn number(u: &mut Unstructured<'_>) -> Result<String> {
    let magnitude: u64 = match u.int_in_range(0..=3u8)? {
        0 => u.int_in_range(0..=40)?,
        1 => u.int_in_range(0..=100_000)?,
        2 => u.int_in_range(0..=100_000_000)?,
        _ => u.arbitrary()?,
    };
    let scale = u.int_in_range(0..=4u32)?;
    let mut text = magnitude.to_string();
    if scale > 0 {
        let width = scale as usize + 1;
        text = format!("{text:0>width$}");
        text.insert(text.len() - scale as usize, '.');
    }
    if u.ratio(1, 20)? {
        text.insert(0, '-');
    }
    Ok(if u.ratio(1, 5)? { string(&text) } else { text })
}

fn month(u: &mut Unstructured<'_>) -> Result<(u16, u8)> {
    Ok((u.int_in_range(2014..=2032)?, u.int_in_range(1..=12)?))
}

fn estimate_query(u: &mut Unstructured<'_>, c: &Value) -> Result<Option<String>> {
    let Some(city) = pick(u, list(&c["cities"]))? else { return Ok(None) };
    let Some(mode) = pick(u, list(&city["careModes"]))? else { return Ok(None) };
    let insurance = pick(u, list(&c["insuranceTypes"]))?.map_or("", id);
    let grade = pick(u, list(&c["grades"]))?.map_or("", id);
    let mut q = format!(
        "{{\"city\":{},\"insurance\":{},\"grade\":{},\"careMode\":{}",
        string(id(city)),
        string(insurance),
        string(grade),
        string(id(mode))
    );
    if u.ratio(15, 16)? {
        let (y, m) = month(u)?;
        let _ = write!(q, ",\"month\":\"{y:04}-{m:02}\"");
    }
    if u.arbitrary()? {
        let _ = write!(q, ",\"careDays\":{}", u.int_in_range(0..=32u8)?);
    }
    for key in list(&city["queryInputs"]).iter().filter_map(Value::as_str) {
        if !u.arbitrary()? {
            continue;
        }
        let value = match key {
            "disabilityMonths" | "monthsSinceResumed" => u.int_in_range(0..=40u16)?.to_string(),
            "assessedMonth" => {
                let (y, m) = month(u)?;
                format!("\"{y:04}-{m:02}\"")
            }
            "contributionYears" => {
                format!("{{\"continuous\":{},\"cumulative\":{}}}", u.int_in_range(0..=40u8)?, u.int_in_range(0..=40u8)?)
            }
            "disabilitySubsidy" => number(u)?,
            _ => u.arbitrary::<bool>()?.to_string(),
        };
        let _ = write!(q, ",{}:{value}", string(key));
    }
    for input in list(&mode["inputs"]) {
        let required = input["required"].as_bool().unwrap_or(false);
        if required || u.arbitrary()? {
            let key = input["key"].as_str().unwrap_or("");
            let _ = write!(q, ",{}:{}", string(key), number(u)?);
        }
    }
    q.push('}');
    Ok(Some(q))
}

fn contribution_query(u: &mut Unstructured<'_>, c: &Value) -> Result<Option<String>> {
    let Some(city) = pick(u, list(&c["cities"]))? else { return Ok(None) };
    let insurance = pick(u, list(&c["insuranceTypes"]))?.map_or("", id);
    let mut q = format!("{{\"city\":{},\"year\":{},\"insurance\":{}", string(id(city)), u.int_in_range(2014..=2035u16)?, string(insurance));
    for input in list(&city["contribution"]["inputs"]) {
        if !u.ratio(3, 4)? {
            continue;
        }
        let key = input["key"].as_str().unwrap_or("");
        let value = match input["type"].as_str().unwrap_or("") {
            "choice" => string(pick(u, list(&input["options"]))?.map_or("", id)),
            "boolean" => u.arbitrary::<bool>()?.to_string(),
            "integer" => u.int_in_range(0..=200u16)?.to_string(),
            _ => number(u)?,
        };
        let _ = write!(q, ",{}:{value}", string(key));
    }
    q.push('}');
    Ok(Some(q))
}

fn run(data: &[u8]) -> Result<()> {
    let c = catalog();
    let mut u = Unstructured::new(data);
    if let Some(q) = estimate_query(&mut u, c)? {
        match ltci::estimate_json(&q) {
            Ok(e) => {
                if let (Some(cost), Some(self_pay)) = (e.totals.cost, e.totals.self_pay) {
                    assert_eq!(e.totals.fund + self_pay, cost, "fund + selfPay != cost for {q}");
                }
                assert!(e.eligible || !e.reasons.is_empty(), "ineligible without a reason for {q}");
                let _ = e.to_json();
                let _ = ltci::render::script(&e);
            }
            Err(err) => {
                let _ = err.to_json();
            }
        }
    }
    if let Some(q) = contribution_query(&mut u, c)? {
        if let Ok(r) = ltci::contribution_json(&q) {
            let _ = serde_json::to_string(&r);
        }
    }
    if u.ratio(1, 64)? {
        let (y, m) = month(&mut u)?;
        if let Some(m) = ltci::Month::new(y, m) {
            let _ = serde_json::to_string(&ltci::catalog_at(m));
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
