//! The fixtures: every worked example of the specification and the per-clause
//! edge cases, one JSON file per city (tests/fixtures/*.json), run through
//! `ltci::estimate_json` and `ltci::contribution_json`.
//!
//! A case has `name` (a sentence to check against the source), `clause`, `source`,
//! `query`, and either `expect` or `error` `{code, field}`.
//!
//! Estimate `expect`: `eligible`, `status`, `careDays`, `totals` and `lines`
//! (every line, in order: id, kind, cost, fund, selfPay; null where unknown),
//! `reasons` (the exact ordered codes), `notes` (codes that must be present);
//! optional `notesAbsent` (codes that must not be present) and `reasonText`
//! (texts that some reason's Chinese message must contain).
//!
//! Contribution `expect`: `totals` (individual, employer, government,
//! medicalFund, total), `lines` (payer and amount, in order), `status`, `notes`
//! (present), optional `notesAbsent`.

mod common;

use serde_json::Value;
use std::collections::BTreeSet;

const CITY_FILES: [(&str, &str); 5] = [
    ("changzhou", include_str!("fixtures/changzhou.json")),
    ("jincheng", include_str!("fixtures/jincheng.json")),
    ("lianyungang", include_str!("fixtures/lianyungang.json")),
    ("rizhao", include_str!("fixtures/rizhao.json")),
    ("nantong", include_str!("fixtures/nantong.json")),
];

const CONTRIBUTION_FILE: &str = include_str!("fixtures/contribution.json");

/// The worked examples of spec/cities/*.md and spec/contribution.md, per file:
/// every one of them must be a fixture.
const WORKED_EXAMPLES: [(&str, usize); 6] =
    [("changzhou", 5), ("jincheng", 4), ("lianyungang", 3), ("rizhao", 3), ("nantong", 2), ("contribution", 4)];

fn load(file: &str, text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("tests/fixtures/{file}.json is not JSON: {e}"))
}

fn cases(doc: &Value) -> &Vec<Value> {
    doc["cases"].as_array().expect("cases is an array")
}

fn codes(list: &Value) -> Vec<String> {
    list.as_array().map(|a| a.iter().filter_map(|x| x["code"].as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

fn strings(list: &Value) -> Vec<String> {
    list.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

/// Compares one field; pushes a message when it differs.
fn same(errors: &mut Vec<String>, what: &str, expected: &Value, got: &Value) {
    if expected != got {
        errors.push(format!("{what}: expected {expected}, got {got}"));
    }
}

fn check_error(errors: &mut Vec<String>, expected: &Value, got: &ltci::Error) {
    same(errors, "error.code", &expected["code"], &Value::from(got.code().as_str()));
    same(errors, "error.field", &expected["field"], &got.field().map_or(Value::Null, Value::from));
    if let Err(e) = common::check_error(got) {
        errors.push(e);
    }
}

fn check_notes(errors: &mut Vec<String>, expect: &Value, got: &Value) {
    let present: Vec<String> = codes(got);
    for code in strings(&expect["notes"]) {
        if !present.contains(&code) {
            errors.push(format!("note {code} missing; notes: {present:?}"));
        }
    }
    for code in strings(&expect["notesAbsent"]) {
        if present.contains(&code) {
            errors.push(format!("note {code} should not be there; notes: {present:?}"));
        }
    }
}

fn check_estimate(errors: &mut Vec<String>, query: &Value, expect: &Value, e: &ltci::Estimate) {
    let got = common::estimate_value(e);
    if let Err(msg) = common::check_estimate(&got) {
        errors.push(format!("invariant: {msg}"));
    }
    same(errors, "city", &query["city"], &got["city"]);
    same(errors, "careMode", &query["careMode"], &got["careMode"]);
    same(errors, "month", &query["month"], &got["month"]);
    same(errors, "eligible", &expect["eligible"], &got["eligible"]);
    same(errors, "policy.status", &expect["status"], &got["policy"]["status"]);
    same(errors, "careDays", &expect["careDays"], &got["careDays"]);
    for key in ["cost", "fund", "selfPay"] {
        same(errors, &format!("totals.{key}"), &expect["totals"][key], &got["totals"][key]);
    }
    let want_lines = expect["lines"].as_array().expect("expect.lines");
    let got_lines = got["lines"].as_array().expect("lines");
    let ids = |ls: &Vec<Value>| ls.iter().map(|l| l["id"].as_str().unwrap_or("?").to_owned()).collect::<Vec<_>>();
    if want_lines.len() == got_lines.len() {
        for (i, (w, g)) in want_lines.iter().zip(got_lines).enumerate() {
            for key in ["id", "kind", "cost", "fund", "selfPay"] {
                same(errors, &format!("lines[{i}].{key}"), &w[key], &g[key]);
            }
        }
    } else {
        errors.push(format!("lines: expected {:?}, got {:?}", ids(want_lines), ids(got_lines)));
    }
    same(errors, "reasons", &Value::from(strings(&expect["reasons"])), &Value::from(codes(&got["reasons"])));
    check_notes(errors, expect, &got["notes"]);
    let messages: Vec<&str> = got["reasons"].as_array().into_iter().flatten().filter_map(|r| r["message"].as_str()).collect();
    for text in strings(&expect["reasonText"]) {
        if !messages.iter().any(|m| m.contains(&text)) {
            errors.push(format!("no reason message contains {text:?}: {messages:?}"));
        }
    }
}

fn check_contribution(errors: &mut Vec<String>, query: &Value, expect: &Value, c: &ltci::Contribution) {
    let got = serde_json::to_value(c).expect("a contribution serializes");
    if let Err(msg) = common::check_contribution(&got) {
        errors.push(format!("invariant: {msg}"));
    }
    same(errors, "city", &query["city"], &got["city"]);
    same(errors, "year", &query["year"], &got["year"]);
    same(errors, "policy.status", &expect["status"], &got["policy"]["status"]);
    for key in ["individual", "employer", "government", "medicalFund", "total"] {
        same(errors, &format!("totals.{key}"), &expect["totals"][key], &got["totals"][key]);
    }
    let want: Vec<Value> = expect["lines"].as_array().expect("expect.lines").clone();
    let have: Vec<Value> =
        got["lines"].as_array().expect("lines").iter().map(|l| serde_json::json!({ "payer": l["payer"], "amount": l["amount"] })).collect();
    same(errors, "lines", &Value::from(want), &Value::from(have));
    check_notes(errors, expect, &got["notes"]);
}

/// Runs every case of one file; returns one message per failing case.
fn run(file: &str, doc: &Value, contribution: bool) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases(doc) {
        let name = case["name"].as_str().unwrap_or("(no name)");
        let clause = case["clause"].as_str().unwrap_or("(no clause)");
        let query = &case["query"];
        let text = serde_json::to_string(query).expect("query serializes");
        let mut errors = Vec::new();
        if contribution {
            match (ltci::contribution_json(&text), &case["expect"], &case["error"]) {
                (Ok(c), expect, Value::Null) => check_contribution(&mut errors, query, expect, &c),
                (Err(e), Value::Null, expected) => check_error(&mut errors, expected, &e),
                (Ok(c), _, expected) => {
                    errors.push(format!("expected error {expected}, got a contribution: {}", serde_json::to_string(&c).unwrap_or_default()))
                }
                (Err(e), _, _) => errors.push(format!("unexpected error {}", e.to_json())),
            }
        } else {
            match (ltci::estimate_json(&text), &case["expect"], &case["error"]) {
                (Ok(e), expect, Value::Null) => check_estimate(&mut errors, query, expect, &e),
                (Err(e), Value::Null, expected) => check_error(&mut errors, expected, &e),
                (Ok(e), _, expected) => errors.push(format!("expected error {expected}, got an estimate: {}", e.to_json())),
                (Err(e), _, _) => errors.push(format!("unexpected error {}", e.to_json())),
            }
        }
        if !errors.is_empty() {
            failures.push(format!("[{file}] {name}\n  clause: {clause}\n  query: {text}\n  - {}", errors.join("\n  - ")));
        }
    }
    failures
}

fn report(failures: &[String]) {
    assert!(failures.is_empty(), "{} fixture case(s) failed:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn changzhou() {
    let (file, text) = CITY_FILES[0];
    report(&run(file, &load(file, text), false));
}

#[test]
fn jincheng() {
    let (file, text) = CITY_FILES[1];
    report(&run(file, &load(file, text), false));
}

#[test]
fn lianyungang() {
    let (file, text) = CITY_FILES[2];
    report(&run(file, &load(file, text), false));
}

#[test]
fn rizhao() {
    let (file, text) = CITY_FILES[3];
    report(&run(file, &load(file, text), false));
}

#[test]
fn nantong() {
    let (file, text) = CITY_FILES[4];
    report(&run(file, &load(file, text), false));
}

#[test]
fn contribution() {
    report(&run("contribution", &load("contribution", CONTRIBUTION_FILE), true));
}

/// The files are well formed: each case named once, with a clause, a query with
/// a month (never the current date), and exactly one of expect or error.
#[test]
fn fixture_files_are_well_formed() {
    let mut problems = Vec::new();
    let files = CITY_FILES.iter().map(|(f, t)| (*f, *t, false)).chain([("contribution", CONTRIBUTION_FILE, true)]);
    for (file, text, contribution) in files {
        let doc = load(file, text);
        if !contribution && doc["city"] != file {
            problems.push(format!("{file}: city is {}", doc["city"]));
        }
        if doc["document"].as_str().is_none_or(str::is_empty) {
            problems.push(format!("{file}: no document"));
        }
        let mut names = BTreeSet::new();
        let mut worked = 0;
        for case in cases(&doc) {
            let name = case["name"].as_str().unwrap_or("");
            if name.is_empty() || !names.insert(name.to_owned()) {
                problems.push(format!("{file}: a case without a name or with a repeated name: {name:?}"));
            }
            if case["clause"].as_str().is_none_or(str::is_empty) {
                problems.push(format!("{file}: {name}: no clause"));
            }
            if !case["query"].is_object() {
                problems.push(format!("{file}: {name}: query is not an object"));
            }
            if !contribution && case["query"]["month"].is_null() && case["query"].is_object() {
                problems.push(format!("{file}: {name}: no month in the query"));
            }
            if case["expect"].is_null() == case["error"].is_null() {
                problems.push(format!("{file}: {name}: needs exactly one of expect and error"));
            }
            if let Some(expect) = case["expect"].as_object() {
                let required: &[&str] = if contribution {
                    &["totals", "lines", "status", "notes"]
                } else {
                    &["eligible", "status", "careDays", "totals", "lines", "reasons", "notes"]
                };
                for key in required {
                    if !expect.contains_key(*key) {
                        problems.push(format!("{file}: {name}: expect has no {key}"));
                    }
                }
            }
            if case["source"] == "spec worked example" {
                worked += 1;
            }
        }
        let want = WORKED_EXAMPLES.iter().find(|(f, _)| *f == file).map_or(0, |(_, n)| *n);
        if worked != want {
            problems.push(format!("{file}: {worked} worked examples, the spec has {want}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every city of the catalog has a fixture file, and every care mode appears in it.
#[test]
fn fixtures_cover_every_city_and_care_mode() {
    let catalog = serde_json::to_value(ltci::catalog()).expect("catalog serializes");
    let mut missing = Vec::new();
    for city in catalog["cities"].as_array().expect("cities") {
        let id = city["id"].as_str().expect("city id");
        let Some((file, text)) = CITY_FILES.iter().find(|(f, _)| *f == id) else {
            missing.push(format!("no fixture file for {id}"));
            continue;
        };
        let doc = load(file, text);
        for mode in city["careModes"].as_array().expect("careModes") {
            let m = &mode["id"];
            if !cases(&doc).iter().any(|c| c["query"]["careMode"] == *m && !c["expect"].is_null() && c["expect"]["eligible"] == true) {
                missing.push(format!("{id}: no eligible case for care mode {m}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Every reason code appears in some fixture.
#[test]
fn fixtures_cover_every_reason_code() {
    let mut seen = BTreeSet::new();
    for (file, text) in CITY_FILES {
        for case in cases(&load(file, text)) {
            seen.extend(strings(&case["expect"]["reasons"]));
        }
    }
    let missing: Vec<_> = common::REASON_CODES.iter().filter(|c| !seen.contains(**c)).collect();
    assert!(missing.is_empty(), "reason codes without a fixture: {missing:?}");
}
