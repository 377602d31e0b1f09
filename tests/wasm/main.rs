//! The fixtures, run through the library compiled to WebAssembly: every case
//! of tests/fixtures/*.json (embedded at build time) under wasm-bindgen-test
//! in Node, checked like tests/fixtures.rs checks them natively.
//!
//!     CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!       cargo test --target wasm32-unknown-unknown --test wasm
//!
//! (scripts/test-wasm runs it.) Natively this file is empty.

#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen_test::wasm_bindgen_test;

const ESTIMATE_FILES: [(&str, &str); 5] = [
    ("changzhou", include_str!("../fixtures/changzhou.json")),
    ("jincheng", include_str!("../fixtures/jincheng.json")),
    ("lianyungang", include_str!("../fixtures/lianyungang.json")),
    ("rizhao", include_str!("../fixtures/rizhao.json")),
    ("nantong", include_str!("../fixtures/nantong.json")),
];

const CONTRIBUTION_FILE: &str = include_str!("../fixtures/contribution.json");

fn cases(file: &str, text: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("tests/fixtures/{file}.json: {e}"));
    doc["cases"].as_array().cloned().unwrap_or_default()
}

fn codes(list: &Value) -> Vec<Value> {
    list.as_array().map(|a| a.iter().map(|x| x["code"].clone()).collect()).unwrap_or_default()
}

fn strings(list: &Value) -> Vec<Value> {
    list.as_array().cloned().unwrap_or_default()
}

fn same(errors: &mut Vec<String>, what: &str, expected: &Value, got: &Value) {
    if expected != got {
        errors.push(format!("{what}: expected {expected}, got {got}"));
    }
}

fn notes(errors: &mut Vec<String>, expect: &Value, got: &Value) {
    let present = codes(got);
    for code in strings(&expect["notes"]) {
        if !present.contains(&code) {
            errors.push(format!("note {code} missing"));
        }
    }
    for code in strings(&expect["notesAbsent"]) {
        if present.contains(&code) {
            errors.push(format!("note {code} should not be there"));
        }
    }
}

fn error(errors: &mut Vec<String>, expected: &Value, got: &ltci::Error) {
    same(errors, "error.code", &expected["code"], &Value::from(got.code().as_str()));
    same(errors, "error.field", &expected["field"], &got.field().map_or(Value::Null, Value::from));
}

fn estimate(errors: &mut Vec<String>, query: &Value, expect: &Value, e: &ltci::Estimate) {
    let got: Value = serde_json::from_str(&e.to_json()).unwrap_or(Value::Null);
    same(errors, "city", &query["city"], &got["city"]);
    same(errors, "careMode", &query["careMode"], &got["careMode"]);
    same(errors, "month", &query["month"], &got["month"]);
    same(errors, "eligible", &expect["eligible"], &got["eligible"]);
    same(errors, "policy.status", &expect["status"], &got["policy"]["status"]);
    same(errors, "careDays", &expect["careDays"], &got["careDays"]);
    for key in ["cost", "fund", "selfPay"] {
        same(errors, &format!("totals.{key}"), &expect["totals"][key], &got["totals"][key]);
    }
    let want = strings(&expect["lines"]);
    let have = strings(&got["lines"]);
    if want.len() == have.len() {
        for (i, (w, g)) in want.iter().zip(&have).enumerate() {
            for key in ["id", "kind", "cost", "fund", "selfPay"] {
                same(errors, &format!("lines[{i}].{key}"), &w[key], &g[key]);
            }
        }
    } else {
        errors.push(format!("lines: expected {} lines, got {}", want.len(), have.len()));
    }
    same(errors, "reasons", &Value::from(strings(&expect["reasons"])), &Value::from(codes(&got["reasons"])));
    notes(errors, expect, &got["notes"]);
}

fn contribution(errors: &mut Vec<String>, query: &Value, expect: &Value, c: &ltci::Contribution) {
    let got: Value = serde_json::to_string(c).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null);
    same(errors, "city", &query["city"], &got["city"]);
    same(errors, "year", &query["year"], &got["year"]);
    same(errors, "policy.status", &expect["status"], &got["policy"]["status"]);
    for key in ["individual", "employer", "government", "medicalFund", "total"] {
        same(errors, &format!("totals.{key}"), &expect["totals"][key], &got["totals"][key]);
    }
    let have: Vec<Value> =
        strings(&got["lines"]).iter().map(|l| serde_json::json!({ "payer": l["payer"], "amount": l["amount"] })).collect();
    same(errors, "lines", &Value::from(strings(&expect["lines"])), &Value::from(have));
    notes(errors, expect, &got["notes"]);
}

fn run(file: &str, text: &str, is_contribution: bool) -> (usize, Vec<String>) {
    let cases = cases(file, text);
    let mut failures = Vec::new();
    for case in &cases {
        let query = &case["query"];
        let text = serde_json::to_string(query).unwrap_or_default();
        let mut errors = Vec::new();
        let (expect, expected_error) = (&case["expect"], &case["error"]);
        if is_contribution {
            match ltci::contribution_json(&text) {
                Ok(c) if expected_error.is_null() => contribution(&mut errors, query, expect, &c),
                Err(e) if expect.is_null() => error(&mut errors, expected_error, &e),
                Ok(_) => errors.push(format!("expected error {expected_error}, got a contribution")),
                Err(e) => errors.push(format!("unexpected error {}", e.to_json())),
            }
        } else {
            match ltci::estimate_json(&text) {
                Ok(e) if expected_error.is_null() => estimate(&mut errors, query, expect, &e),
                Err(e) if expect.is_null() => error(&mut errors, expected_error, &e),
                Ok(e) => errors.push(format!("expected error {expected_error}, got an estimate: {}", e.to_json())),
                Err(e) => errors.push(format!("unexpected error {}", e.to_json())),
            }
        }
        if !errors.is_empty() {
            let name = case["name"].as_str().unwrap_or("(no name)");
            failures.push(format!("[{file}] {name}\n  query: {text}\n  - {}", errors.join("\n  - ")));
        }
    }
    (cases.len(), failures)
}

#[wasm_bindgen_test]
fn estimate_fixtures_in_wasm() {
    let mut failures = Vec::new();
    let mut total = 0;
    for (file, text) in ESTIMATE_FILES {
        let (n, f) = run(file, text, false);
        total += n;
        failures.extend(f);
    }
    assert!(total > 0, "no fixture cases");
    assert!(failures.is_empty(), "{} of {total} case(s) failed in wasm:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[wasm_bindgen_test]
fn contribution_fixtures_in_wasm() {
    let (total, failures) = run("contribution", CONTRIBUTION_FILE, true);
    assert!(total > 0, "no contribution fixture cases");
    assert!(failures.is_empty(), "{} of {total} case(s) failed in wasm:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Malformed input is an error in wasm too, never a trap.
#[wasm_bindgen_test]
fn bad_input_is_an_error() {
    for text in ["", "[]", "{", "{\"city\":1}", "{\"city\":\"jincheng\",\"month\":\"2024-13\"}", "\u{0}"] {
        assert!(ltci::estimate_json(text).is_err(), "{text:?} should be an error");
        assert!(ltci::contribution_json(text).is_err(), "{text:?} should be an error");
    }
}
