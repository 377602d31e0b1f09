//! A walk of the months ahead (docs/plan.md) over every city × care mode of the
//! catalog: around the start of each city's first document (the month before,
//! the month itself) and, where it ends, its last month; every insurance type
//! and the grades moderate and severe; the query as it is, each yes/no input the
//! city reads set to true, a short disability and a recent resumption where the
//! city reads them, and each input the plan carries as the person's pattern (the
//! care mode's inputs whose default the catalog gives from the care days) given
//! as 0 and as the first month's default. Each a plan of 3 months. Everything is
//! read from the catalog: no key of a city is written here.
//!
//! On every plan:
//! - no later month pays a line of a pattern the first month gave as 0: the
//!   month is the estimate with that input at 0, and the lines it would pay at
//!   its default (those whose fund differs) pay nothing;
//! - a pattern given as the first month's default gives the same months as not
//!   giving it;
//! - every `whatWouldChange` `from` is at most `eligibleFrom`, and the latest is
//!   `eligibleFrom` when every reason clears within the plan (common::check_plan,
//!   with the plan's other invariants);
//! - `assumptions` names the later care days (`default`) and every pattern of the
//!   care mode (`default` when not given or given at its default, `carried` when
//!   given as 0), and nothing else (nothing else is given).

mod common;

use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const MONTHS: u32 = 3;

/// A pattern: its key and what the first month's default is, by the catalog's unit.
struct Pattern {
    key: String,
    unit: String,
}

impl Pattern {
    /// The value the input takes by default in a month of `days` care days
    /// (the catalog's `defaultRule`, docs/api.md): the care days; four visits a
    /// week, rounded half up; ten 2-hour visits (none without a care day).
    fn default_in(&self, days: u32) -> Value {
        match self.unit.as_str() {
            "days" => json!(days),
            "visits" => json!((days * 8 + 7) / 14),
            "hours" if days == 0 => json!(0),
            "hours" => json!(20),
            other => panic!("a pattern in {other}"),
        }
    }
}

fn catalog() -> Value {
    serde_json::to_value(ltci::catalog()).expect("the catalog serializes")
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array().into_iter().flatten().filter_map(|x| x.as_str().map(str::to_owned)).collect()
}

fn plan(q: &Map<String, Value>) -> Result<Value, ltci::Error> {
    let p = ltci::plan_json(&Value::Object(q.clone()).to_string())?;
    Ok(serde_json::from_str(&p.to_json()).expect("a plan is JSON"))
}

fn estimate(q: &Map<String, Value>) -> Value {
    let text = Value::Object(q.clone()).to_string();
    let e = ltci::estimate_json(&text).unwrap_or_else(|e| panic!("{text}: {}", e.to_json()));
    common::estimate_value(&e)
}

/// Month `i` of a walk query, moved as docs/plan.md says for the inputs a walk
/// gives: the month, the disability months (from their default 6) and the
/// months since resuming count on; a pattern given as 0 stays 0.
fn month_query(q: &Map<String, Value>, i: u32) -> Map<String, Value> {
    let mut m = q.clone();
    m.remove("months");
    let month = q["month"].as_str().expect("a month");
    m.insert("month".into(), json!(common::month_after(month, i)));
    if i > 0 {
        let disability = q.get("disabilityMonths").and_then(Value::as_u64).unwrap_or(6);
        m.insert("disabilityMonths".into(), json!(disability + u64::from(i)));
        if let Some(r) = q.get("monthsSinceResumed").and_then(Value::as_u64) {
            m.insert("monthsSinceResumed".into(), json!(r + u64::from(i)));
        }
    }
    m
}

/// The months of a plan, by their case references.
fn references(p: &Value) -> Vec<Value> {
    p["months"].as_array().into_iter().flatten().map(|m| m["reference"].clone()).collect()
}

/// The assumptions of a plan: input → rule.
fn assumed(p: &Value) -> BTreeMap<String, String> {
    p["assumptions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| (a["input"].as_str().unwrap_or("").to_owned(), a["rule"].as_str().unwrap_or("").to_owned()))
        .collect()
}

#[test]
fn every_city_and_care_mode_through_three_months() {
    let catalog = catalog();
    let common_inputs: BTreeMap<String, String> = catalog["queryInputs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| (i["key"].as_str().unwrap_or("").to_owned(), i["type"].as_str().unwrap_or("").to_owned()))
        .collect();
    let care_days_key = catalog["queryInputs"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| !i["defaultRule"].is_null() && i["type"] == "integer")
        .and_then(|i| i["key"].as_str())
        .expect("the care days are a common input with a default rule")
        .to_owned();
    let (mut plans, mut zeros, mut cleared) = (0, 0, 0);
    let mut problems = Vec::new();
    for city in catalog["cities"].as_array().expect("cities") {
        let id = city["id"].as_str().expect("id");
        let reads = strs(&city["queryInputs"]);
        let flags: Vec<&String> = reads.iter().filter(|k| common_inputs.get(*k).is_some_and(|t| t == "boolean")).collect();
        let doc = &city["documents"][0];
        let start = &doc["effectiveFrom"].as_str().expect("effectiveFrom")[..7];
        // The start, and the month before it (11 months after the same month a year before).
        let (y, m) = start.split_once('-').expect("YYYY-MM");
        let before = common::month_after(&format!("{:04}-{m}", y.parse::<u32>().expect("year") - 1), 11);
        let mut months = vec![start.to_owned(), before];
        if let Some(end) = doc["effectiveTo"].as_str() {
            months.push(end[..7].to_owned());
        }
        for mode in city["careModes"].as_array().expect("careModes") {
            let mode_id = mode["id"].as_str().expect("mode id");
            let inputs = mode["inputs"].as_array().expect("inputs");
            let patterns: Vec<Pattern> = inputs
                .iter()
                .filter(|i| !i["defaultRule"].is_null())
                .map(|i| Pattern { key: i["key"].as_str().expect("key").to_owned(), unit: i["unit"].as_str().expect("unit").to_owned() })
                .collect();
            // A required input (日照's hospital level) at its smallest value.
            let required: Vec<(String, Value)> = inputs
                .iter()
                .filter(|i| i["required"] == true)
                .map(|i| (i["key"].as_str().expect("key").to_owned(), json!(i["min"].as_str().and_then(|m| m.parse::<u64>().ok()))))
                .collect();
            for month in &months {
                for insurance in catalog["insuranceTypes"].as_array().into_iter().flatten().filter_map(|t| t["id"].as_str()) {
                    for grade in ["moderate", "severe"] {
                        let mut base = Map::new();
                        for (k, v) in [("city", id), ("insurance", insurance), ("grade", grade), ("careMode", mode_id), ("month", month)] {
                            base.insert(k.into(), json!(v));
                        }
                        for (k, v) in &required {
                            base.insert(k.clone(), v.clone());
                        }
                        base.insert("months".into(), json!(MONTHS));
                        // The variants: as it is, each flag on, a short disability, a recent resumption.
                        let mut variants = vec![base.clone()];
                        for f in &flags {
                            let mut q = base.clone();
                            q.insert((*f).clone(), json!(true));
                            variants.push(q);
                        }
                        if reads.iter().any(|k| k == "disabilityMonths") {
                            let mut q = base.clone();
                            q.insert("disabilityMonths".into(), json!(4));
                            variants.push(q);
                        }
                        if reads.iter().any(|k| k == "monthsSinceResumed") {
                            let mut q = base.clone();
                            q.insert("interruptedContribution".into(), json!(true));
                            q.insert("monthsSinceResumed".into(), json!(4));
                            variants.push(q);
                        }
                        let days = u32::try_from(estimate(&month_query(&base, 0))["careDays"].as_u64().unwrap_or(0)).unwrap_or(0);
                        for variant in &variants {
                            let Ok(without) = plan(variant) else { continue };
                            check(&mut problems, variant, &without, &care_days_key, &patterns, &BTreeMap::new());
                            plans += 1;
                            cleared += usize::from(without["months"][0]["eligible"] == false && !without["eligibleFrom"].is_null());
                            for p in &patterns {
                                // Given as the first month's default: the same months as not given.
                                let mut q = variant.clone();
                                q.insert(p.key.clone(), p.default_in(days));
                                let at_default = plan(&q).unwrap_or_else(|e| panic!("{q:?}: {}", e.to_json()));
                                if references(&at_default) != references(&without) {
                                    problems
                                        .push(format!("{}: given as its default, other months than not given", Value::Object(q.clone())));
                                }
                                check(
                                    &mut problems,
                                    &q,
                                    &at_default,
                                    &care_days_key,
                                    &patterns,
                                    &BTreeMap::from([(p.key.clone(), "default")]),
                                );
                                // Given as 0: 0 in every month, and none of its lines pays.
                                let mut q = variant.clone();
                                q.insert(p.key.clone(), json!(0));
                                let zero = plan(&q).unwrap_or_else(|e| panic!("{q:?}: {}", e.to_json()));
                                check(&mut problems, &q, &zero, &care_days_key, &patterns, &BTreeMap::from([(p.key.clone(), "carried")]));
                                for i in 1..MONTHS {
                                    let at_zero = estimate(&month_query(&q, i));
                                    let mut with_default = month_query(&q, i);
                                    with_default.remove(&p.key);
                                    let by_default = estimate(&with_default);
                                    let fund = |e: &Value, id: &Value| {
                                        e["lines"].as_array().into_iter().flatten().find(|l| l["id"] == *id).map(|l| l["fund"].clone())
                                    };
                                    let its_lines: Vec<&Value> = by_default["lines"]
                                        .as_array()
                                        .into_iter()
                                        .flatten()
                                        .map(|l| &l["id"])
                                        .filter(|id| fund(&by_default, id) != fund(&at_zero, id))
                                        .collect();
                                    zeros += its_lines.len();
                                    let pays = its_lines.iter().any(|id| fund(&at_zero, id).is_some_and(|f| f != "0.00"));
                                    if zero["months"][i as usize]["reference"] != at_zero["reference"] || pays {
                                        problems.push(format!(
                                            "{}: month {i} is not the month with {} 0, or pays its lines {its_lines:?}",
                                            Value::Object(q.clone()),
                                            p.key
                                        ));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    eprintln!("{plans} plans; {zeros} lines of a pattern given as 0 checked; {cleared} eligible after the first month");
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
    assert!(plans > 500, "only {plans} plans");
    assert!(zeros > 10, "only {zeros} lines of a pattern given as 0 were checked");
    assert!(cleared > 20, "only {cleared} plans became eligible after the first month");
}

/// The invariants of one plan, and its assumptions: the care days (`default`),
/// each pattern of the mode (`given` says how a pattern was given; else
/// `default`), and no other.
fn check(
    problems: &mut Vec<String>,
    q: &Map<String, Value>,
    p: &Value,
    care_days: &str,
    patterns: &[Pattern],
    given: &BTreeMap<String, &str>,
) {
    let query = Value::Object(q.clone());
    if let Err(m) = common::check_plan(p) {
        problems.push(format!("{query}: {m}"));
    }
    let eligible_from = p["eligibleFrom"].as_str();
    let what = p["whatWouldChange"].as_array().into_iter().flatten();
    let froms: Vec<Option<&str>> = what.map(|w| w["from"].as_str()).collect();
    if let Some(e) = eligible_from {
        if froms.iter().flatten().any(|f| *f > e) {
            problems.push(format!("{query}: a whatWouldChange from after eligibleFrom {e}: {froms:?}"));
        }
        let to = p["to"].as_str().unwrap_or("");
        let all = froms.iter().copied().collect::<Option<Vec<&str>>>().filter(|f| !f.is_empty() && f.iter().all(|m| *m <= to));
        if all.and_then(|f| f.into_iter().max()).is_some_and(|latest| latest != e) {
            problems.push(format!("{query}: every reason clears within the plan, the latest not in eligibleFrom {e}: {froms:?}"));
        }
    }
    let mut want: BTreeMap<String, String> = BTreeMap::from([(care_days.to_owned(), String::from("default"))]);
    for pattern in patterns {
        want.insert(pattern.key.clone(), given.get(&pattern.key).copied().unwrap_or("default").to_owned());
    }
    if assumed(p) != want {
        problems.push(format!("{query}: assumptions {:?}, expected {want:?}", assumed(p)));
    }
}
