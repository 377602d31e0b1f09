//! The fixtures, run through the library compiled to WebAssembly: every case
//! of tests/fixtures/*.json (embedded at build time) under wasm-bindgen-test
//! in Node, checked by the same code as tests/fixtures.rs (tests/common).
//!
//!     CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!       cargo test --target wasm32-unknown-unknown --test wasm
//!
//! (scripts/test-wasm runs it.) Natively this file is empty.

#![cfg(target_arch = "wasm32")]

#[path = "../common/mod.rs"]
mod common;

use common::fixtures::{cases, load, run, run_plans, CITY_FILES, CONTRIBUTION_FILE, PLAN_FILE};
use wasm_bindgen_test::wasm_bindgen_test;

/// Runs one file's cases, every one as natively: how many, and one message per failing case.
fn run_file(file: &str, text: &str, contribution: bool) -> (usize, Vec<String>) {
    let doc = load(file, text);
    (cases(&doc).len(), run(file, &doc, contribution))
}

#[wasm_bindgen_test]
fn estimate_fixtures_in_wasm() {
    let mut failures = Vec::new();
    let mut total = 0;
    for (file, text) in CITY_FILES {
        let (n, f) = run_file(file, text, false);
        total += n;
        failures.extend(f);
    }
    assert!(total > 0, "no fixture cases");
    assert!(failures.is_empty(), "{} of {total} case(s) failed in wasm:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[wasm_bindgen_test]
fn contribution_fixtures_in_wasm() {
    let (total, failures) = run_file("contribution", CONTRIBUTION_FILE, true);
    assert!(total > 0, "no contribution fixture cases");
    assert!(failures.is_empty(), "{} of {total} case(s) failed in wasm:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[wasm_bindgen_test]
fn plan_fixtures_in_wasm() {
    let doc = load("plan", PLAN_FILE);
    let failures = run_plans(&doc);
    assert!(!cases(&doc).is_empty(), "no plan fixture cases");
    assert!(failures.is_empty(), "{} plan case(s) failed in wasm:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Malformed input is an error in wasm too, never a trap.
#[wasm_bindgen_test]
fn bad_input_is_an_error() {
    for text in ["", "[]", "{", "{\"city\":1}", "{\"city\":\"jincheng\",\"month\":\"2024-13\"}", "\u{0}"] {
        assert!(ltci::estimate_json(text).is_err(), "{text:?} should be an error");
        assert!(ltci::contribution_json(text).is_err(), "{text:?} should be an error");
    }
}
