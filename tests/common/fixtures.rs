//! The fixture files and how a case is checked: shared by tests/fixtures.rs
//! (native) and tests/wasm/main.rs (the library compiled to wasm32).

use serde_json::Value;

pub const CITY_FILES: [(&str, &str); 5] = [
    ("changzhou", include_str!("../fixtures/changzhou.json")),
    ("jincheng", include_str!("../fixtures/jincheng.json")),
    ("lianyungang", include_str!("../fixtures/lianyungang.json")),
    ("rizhao", include_str!("../fixtures/rizhao.json")),
    ("nantong", include_str!("../fixtures/nantong.json")),
];

pub const CONTRIBUTION_FILE: &str = include_str!("../fixtures/contribution.json");

pub fn load(file: &str, text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("tests/fixtures/{file}.json is not JSON: {e}"))
}

pub fn cases(doc: &Value) -> &Vec<Value> {
    doc["cases"].as_array().expect("cases is an array")
}

pub fn codes(list: &Value) -> Vec<String> {
    list.as_array().map(|a| a.iter().filter_map(|x| x["code"].as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

pub fn strings(list: &Value) -> Vec<String> {
    list.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

/// Compares one field; pushes a message when it differs.
pub fn same(errors: &mut Vec<String>, what: &str, expected: &Value, got: &Value) {
    if expected != got {
        errors.push(format!("{what}: expected {expected}, got {got}"));
    }
}

pub fn check_error(errors: &mut Vec<String>, expected: &Value, got: &ltci::Error) {
    same(errors, "error.code", &expected["code"], &Value::from(got.code().as_str()));
    same(errors, "error.field", &expected["field"], &got.field().map_or(Value::Null, Value::from));
    // messageText: a text the Chinese message contains (a limit someone can check).
    if let Some(text) = expected["messageText"].as_str() {
        if !got.message().contains(text) {
            errors.push(format!("the message {:?} does not contain {text:?}", got.message()));
        }
    }
    if let Err(e) = super::check_error(got) {
        errors.push(e);
    }
}

pub fn check_notes(errors: &mut Vec<String>, expect: &Value, got: &Value) {
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
    // noteText: {code: [texts]}: each text is in the Chinese message of a note with that code.
    for (code, texts) in expect["noteText"].as_object().into_iter().flatten() {
        let messages: Vec<&str> =
            got.as_array().into_iter().flatten().filter(|n| n["code"] == code.as_str()).filter_map(|n| n["message"].as_str()).collect();
        for text in strings(texts) {
            if !messages.iter().any(|m| m.contains(&text)) {
                errors.push(format!("no {code} note contains {text:?}: {messages:?}"));
            }
        }
    }
}

pub fn check_estimate(errors: &mut Vec<String>, query: &Value, expect: &Value, e: &ltci::Estimate) {
    let got = super::estimate_value(e);
    if let Err(msg) = super::check_estimate(&got) {
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
    let of_reasons = |key: &str| -> Vec<String> {
        got["reasons"].as_array().into_iter().flatten().filter_map(|r| r[key].as_str().map(str::to_owned)).collect()
    };
    texts_in(errors, &expect["reasonText"], &of_reasons("message"), "reason message", true);
    texts_in(errors, &expect["reasonCitation"], &of_reasons("citation"), "reason citation", true);
    // What a call-center agent reads out (render::script): these words, and not those.
    let script = [ltci::render::script(e)];
    texts_in(errors, &expect["scriptText"], &script, "script", true);
    texts_in(errors, &expect["scriptAbsent"], &script, "script", false);
}

/// Each text of `want` is in one of `found` (`present`), or in none of them.
fn texts_in(errors: &mut Vec<String>, want: &Value, found: &[String], what: &str, present: bool) {
    for text in strings(want) {
        if found.iter().any(|f| f.contains(&text)) != present {
            let should = if present { "should" } else { "should not" };
            errors.push(format!("the {what} {should} contain {text:?}: {found:?}"));
        }
    }
}

pub fn check_contribution(errors: &mut Vec<String>, query: &Value, expect: &Value, c: &ltci::Contribution) {
    let got = serde_json::to_value(c).expect("a contribution serializes");
    if let Err(msg) = super::check_contribution(&got) {
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

/// Whether a case holds with the documents the library has: a case about the
/// months after a city's last document (`lastDocumentEnds`: its end) holds only
/// while that document is still the city's last; a successor replaces it.
pub fn holds(case: &Value) -> bool {
    let Some(end) = case["lastDocumentEnds"].as_str() else { return true };
    let city = case["query"]["city"].as_str().unwrap_or_default();
    let catalog = serde_json::to_value(ltci::catalog()).expect("the catalog serializes");
    let last = catalog["cities"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["id"] == city)
        .and_then(|c| c["documents"].as_array()?.last().cloned());
    last.is_some_and(|d| d["effectiveTo"] == end)
}

/// Runs every case of one file; returns one message per failing case.
pub fn run(file: &str, doc: &Value, contribution: bool) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases(doc).iter().filter(|c| holds(c)) {
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

pub const PLAN_FILE: &str = include_str!("../fixtures/plan.json");

/// `{code: [texts]}`: each text is in the Chinese message of an item of `list`
/// whose `key` is that code (or, with `absent`, in none of them).
fn check_texts(errors: &mut Vec<String>, what: &str, want: &Value, list: &Value, key: &str, absent: bool) {
    for (code, texts) in want.as_object().into_iter().flatten() {
        let messages: Vec<&str> =
            list.as_array().into_iter().flatten().filter(|x| x[key] == code.as_str()).filter_map(|x| x["message"].as_str()).collect();
        for text in strings(texts) {
            if absent && messages.iter().any(|m| m.contains(&text)) {
                errors.push(format!("a {what} {code} contains {text:?}: {messages:?}"));
            }
            if !absent && !messages.iter().any(|m| m.contains(&text)) {
                errors.push(format!("no {what} {code} contains {text:?}: {messages:?}"));
            }
        }
    }
}

/// Plan `expect`: `from`, `to`, `months` (each month, in order: month, eligible,
/// reasons, totals, status), `totals`, `eligibleMonths`, `eligibleFrom`,
/// `changes` (month and code, in order), `whatWouldChange` (code, possible,
/// from, in order), `assumptions` (input, rule, from, to, in order); optional
/// `changeText` and `whatText` (`{code: [texts]}`: texts its message contains),
/// `whatTextAbsent` (texts it must not contain) and `assumptionText` (`{input: [texts]}`).
pub fn check_plan(errors: &mut Vec<String>, expect: &Value, p: &ltci::Plan) {
    let got: Value = serde_json::from_str(&p.to_json()).expect("to_json gives JSON");
    if let Err(msg) = super::check_plan(&got) {
        errors.push(format!("invariant: {msg}"));
    }
    for key in ["from", "to", "totals", "eligibleMonths", "eligibleFrom"] {
        same(errors, key, &expect[key], &got[key]);
    }
    let pick = |list: &Value, keys: &[&str]| -> Value {
        list.as_array()
            .into_iter()
            .flatten()
            .map(|x| Value::Object(keys.iter().map(|k| ((*k).to_owned(), x[*k].clone())).collect()))
            .collect()
    };
    same(errors, "months", &expect["months"], &pick(&got["months"], &["month", "eligible", "reasons", "totals", "status"]));
    same(errors, "changes", &expect["changes"], &pick(&got["changes"], &["month", "code"]));
    same(errors, "whatWouldChange", &expect["whatWouldChange"], &pick(&got["whatWouldChange"], &["code", "possible", "from"]));
    same(errors, "assumptions", &expect["assumptions"], &pick(&got["assumptions"], &["input", "rule", "from", "to"]));
    check_texts(errors, "change", &expect["changeText"], &got["changes"], "code", false);
    check_texts(errors, "whatWouldChange", &expect["whatText"], &got["whatWouldChange"], "code", false);
    check_texts(errors, "whatWouldChange", &expect["whatTextAbsent"], &got["whatWouldChange"], "code", true);
    check_texts(errors, "assumption", &expect["assumptionText"], &got["assumptions"], "input", false);
}

/// Runs every case of the plan file; one message per failing case.
pub fn run_plans(doc: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases(doc).iter().filter(|c| holds(c)) {
        let name = case["name"].as_str().unwrap_or("(no name)");
        let text = serde_json::to_string(&case["query"]).expect("query serializes");
        let mut errors = Vec::new();
        match (ltci::plan_json(&text), &case["expect"], &case["error"]) {
            (Ok(p), expect, Value::Null) => check_plan(&mut errors, expect, &p),
            (Err(e), Value::Null, expected) => check_error(&mut errors, expected, &e),
            (Ok(p), _, expected) => errors.push(format!("expected error {expected}, got a plan: {}", p.to_json())),
            (Err(e), _, _) => errors.push(format!("unexpected error {}", e.to_json())),
        }
        if !errors.is_empty() {
            failures.push(format!("[plan] {name}\n  clause: {}\n  query: {text}\n  - {}", case["clause"], errors.join("\n  - ")));
        }
    }
    failures
}
