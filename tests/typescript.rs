//! `src/wasm.d.ts` (the package's TypeScript declarations) against the Rust
//! types' serde output: every answer of every fixture, a sweep of generated
//! estimates and the catalog are checked against the declared interfaces, key
//! by key and type by type, and the query interfaces against the keys the
//! catalog lists. A field out of step on either side fails here.

mod common;

use common::fixtures::{cases, load, CITY_FILES, CONTRIBUTION_FILE, PLAN_FILE};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const HAND: &str = include_str!("../src/wasm.d.ts");

/// `export interface X { … }` and `export type X = …;`, by name, as type expressions.
fn declarations() -> BTreeMap<String, String> {
    // The hand-written declarations and the generated QueryInputs, as in pkg/ltci.d.ts.
    let dts = format!("{HAND}\n{}", ltci::query_typescript());
    let text: String = dts.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let text = strip_comments(&text);
    let mut out = BTreeMap::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("export ") {
        rest = &rest[at + "export ".len()..];
        if let Some(r) = rest.strip_prefix("interface ") {
            let name: String = r.chars().take_while(|c| c.is_alphanumeric()).collect();
            let open = r.find('{').expect("an interface body");
            let close = matching(r, open);
            let body = &r[open..=close];
            // `extends Error`: the JS Error's own keys are not declared here.
            out.insert(name, body.to_owned());
            rest = &r[close..];
        } else if let Some(r) = rest.strip_prefix("type ") {
            let name: String = r.chars().take_while(|c| c.is_alphanumeric()).collect();
            let eq = r.find('=').expect("a type alias");
            let end = r[eq..].find(';').map(|i| eq + i).expect("a type alias ends with ;");
            out.insert(name, r[eq + 1..end].trim().to_owned());
            rest = &r[end..];
        }
    }
    out
}

fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("/*") {
        out.push_str(&rest[..at]);
        rest = rest[at..].find("*/").map_or("", |e| &rest[at + e + 2..]);
    }
    out.push_str(rest);
    out
}

/// The index of the bracket closing the one at `open`.
fn matching(s: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in s.char_indices().skip_while(|(i, _)| *i < open) {
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced brackets in src/wasm.d.ts: {s}")
}

/// Splits `s` at `sep` outside brackets and string literals.
fn split_top(s: &str, sep: &[char]) -> Vec<String> {
    let (mut out, mut cur, mut depth, mut quoted) = (Vec::new(), String::new(), 0i32, false);
    for c in s.chars() {
        match c {
            '"' => quoted = !quoted,
            '{' | '(' | '[' if !quoted => depth += 1,
            '}' | ')' | ']' if !quoted => depth -= 1,
            c if !quoted && depth == 0 && sep.contains(&c) => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out.into_iter().map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect()
}

/// The properties of an object type `{ a: T; b?: U }`: name → (type, optional).
fn properties(body: &str) -> BTreeMap<String, (String, bool)> {
    let inner = body.trim().strip_prefix('{').and_then(|b| b.strip_suffix('}')).expect("an object type");
    split_top(inner, &[';', ','])
        .into_iter()
        .map(|p| {
            let (name, ty) = p.split_once(':').unwrap_or_else(|| panic!("a property: {p}"));
            let optional = name.trim().ends_with('?');
            (name.trim().trim_end_matches('?').to_owned(), (ty.trim().to_owned(), optional))
        })
        .collect()
}

struct Checker {
    types: BTreeMap<String, String>,
}

impl Checker {
    /// Does `value` have type `ty`? Errors name the path.
    fn check(&self, value: &Value, ty: &str, path: &str, errors: &mut Vec<String>) {
        let ty = ty.trim();
        let alternatives = split_top(ty, &['|']);
        if alternatives.len() > 1 {
            let mut best = Vec::new();
            for alt in &alternatives {
                let mut e = Vec::new();
                self.check(value, alt, path, &mut e);
                if e.is_empty() {
                    return;
                }
                best = e;
            }
            errors.push(format!("{path}: {value} is none of {ty} ({})", best.join("; ")));
            return;
        }
        if let Some(inner) = ty.strip_suffix("[]") {
            let Some(items) = value.as_array() else { return errors.push(format!("{path}: {value} is not a list ({ty})")) };
            for (i, item) in items.iter().enumerate() {
                self.check(item, inner, &format!("{path}[{i}]"), errors);
            }
            return;
        }
        if let Some(inner) = ty.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            return self.check(value, inner, path, errors);
        }
        let ok = match ty {
            "null" => value.is_null(),
            "string" => value.is_string(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "Money" => value.as_str().is_some_and(|s| {
                let (int, frac) = s.trim_start_matches('-').split_once('.').unwrap_or(("", ""));
                !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) && frac.len() == 2 && frac.bytes().all(|b| b.is_ascii_digit())
            }),
            t if t.starts_with('"') => value.as_str().is_some_and(|s| format!("\"{s}\"") == t),
            t if t.starts_with('{') || t.contains('&') => return self.object(value, t, path, errors),
            t => match self.types.get(t) {
                Some(decl) => return self.check(value, decl, path, errors),
                None => return errors.push(format!("{path}: type {t} is not declared in src/wasm.d.ts")),
            },
        };
        if !ok {
            errors.push(format!("{path}: {value} is not {ty}"));
        }
    }

    /// An object (or an intersection of objects): the keys given are the declared ones.
    fn object(&self, value: &Value, ty: &str, path: &str, errors: &mut Vec<String>) {
        let Some(map) = value.as_object() else { return errors.push(format!("{path}: {value} is not an object ({ty})")) };
        let mut props = BTreeMap::new();
        for part in split_top(ty, &['&']) {
            let part = part.trim_start_matches('(').trim_end_matches(')').trim().to_owned();
            let body = if part.starts_with('{') { part } else { self.types.get(&part).cloned().unwrap_or_default() };
            props.extend(properties(&body));
        }
        for key in map.keys() {
            if !props.contains_key(key) {
                errors.push(format!("{path}.{key}: not declared in src/wasm.d.ts"));
            }
        }
        for (key, (pty, optional)) in &props {
            match map.get(key) {
                Some(v) => self.check(v, pty, &format!("{path}.{key}"), errors),
                None if *optional => {}
                None => errors.push(format!("{path}.{key}: declared, but the answer has no such key")),
            }
        }
    }
}

fn checker() -> Checker {
    Checker { types: declarations() }
}

fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("an answer serializes")
}

#[test]
fn every_fixture_answer_has_the_declared_shape() {
    let c = checker();
    let mut errors = Vec::new();
    let (mut estimates, mut contributions) = (0, 0);
    for (file, text) in CITY_FILES.iter().chain([&("contribution", CONTRIBUTION_FILE)]) {
        for case in cases(&load(file, text)) {
            let query = case["query"].to_string();
            if *file == "contribution" {
                if let Ok(answer) = ltci::contribution_json(&query) {
                    c.check(&json(&answer), "Contribution", &format!("{file}: {query}"), &mut errors);
                    contributions += 1;
                }
            } else if let Ok(answer) = ltci::estimate_json(&query) {
                c.check(&json(&answer), "Estimate", &format!("{file}: {query}"), &mut errors);
                estimates += 1;
            }
        }
    }
    assert!(estimates > 100 && contributions > 10, "{estimates} estimates, {contributions} contributions");
    assert!(errors.is_empty(), "src/wasm.d.ts is out of step with the answers:\n{}", errors.join("\n"));
}

#[test]
fn every_plan_fixture_answer_has_the_declared_shape() {
    let c = checker();
    let mut errors = Vec::new();
    let mut plans = 0;
    for case in cases(&load("plan", PLAN_FILE)) {
        let query = case["query"].to_string();
        if let Ok(answer) = ltci::plan_json(&query) {
            c.check(&json(&answer), "Plan", &format!("plan: {query}"), &mut errors);
            plans += 1;
        }
    }
    assert!(plans > 20, "{plans} plans");
    assert!(errors.is_empty(), "src/wasm.d.ts is out of step with the plans:\n{}", errors.join("\n"));
}

#[test]
fn the_catalog_has_the_declared_shape() {
    let mut errors = Vec::new();
    checker().check(&json(&ltci::catalog()), "Catalog", "catalog", &mut errors);
    assert!(errors.is_empty(), "src/wasm.d.ts is out of step with the catalog:\n{}", errors.join("\n"));
}

#[test]
fn error_codes_reason_codes_statuses_and_plan_codes_are_the_declared_ones() {
    let types = declarations();
    let literals = |ty: &str| -> BTreeSet<String> { split_top(ty, &['|']).into_iter().map(|s| s.trim_matches('"').to_owned()).collect() };
    let reasons: BTreeSet<String> = ltci::ReasonCode::ALL.iter().map(|r| r.id().to_owned()).collect();
    assert_eq!(literals(&types["ReasonCode"]), reasons, "ReasonCode");
    let statuses: BTreeSet<String> = ltci::Status::ALL.iter().map(|s| s.id().to_owned()).collect();
    assert_eq!(literals(&types["PolicyStatus"]), statuses, "PolicyStatus");
    let changes: BTreeSet<String> = ltci::ChangeCode::ALL.iter().map(|c| c.id().to_owned()).collect();
    assert_eq!(literals(&types["ChangeCode"]), changes, "ChangeCode");
    let rules: BTreeSet<String> = ltci::AssumptionRule::ALL.iter().map(|r| r.id().to_owned()).collect();
    assert_eq!(literals(&types["AssumptionRule"]), rules, "AssumptionRule");
    let error = properties(&types["LtciError"]);
    let codes: BTreeSet<String> = ltci::ErrorCode::ALL.iter().map(|c| c.as_str().to_owned()).collect();
    assert_eq!(literals(&error["code"].0), codes, "LtciError.code");
}

#[test]
fn the_query_interfaces_declare_every_key_the_catalog_offers_and_no_other() {
    let types = declarations();
    let catalog = json(&ltci::catalog());
    let keys = |list: &Value| -> BTreeSet<String> {
        list.as_array().into_iter().flatten().filter_map(|i| i["key"].as_str().map(str::to_owned)).collect()
    };
    let mut query: BTreeSet<String> = ["city", "insurance", "grade", "careMode"].map(String::from).into();
    query.extend(keys(&catalog["queryInputs"]));
    let mut contribution: BTreeSet<String> = ["city", "year", "insurance"].map(String::from).into();
    for city in catalog["cities"].as_array().into_iter().flatten() {
        for mode in city["careModes"].as_array().into_iter().flatten() {
            query.extend(keys(&mode["inputs"]));
        }
        contribution.extend(keys(&city["contribution"]["inputs"]));
    }
    let declared = |name: &str| -> BTreeSet<String> { properties(&types[name]).into_keys().collect() };
    let declared_query: BTreeSet<String> = declared("Query").union(&declared("QueryInputs")).cloned().collect();
    assert_eq!(declared_query, query, "Query (with QueryInputs): declared keys vs the catalog's");
    assert_eq!(declared("ContributionQuery"), contribution, "ContributionQuery: declared keys vs the catalog's");
}

#[test]
fn a_wrong_key_in_the_declarations_is_caught() {
    // The checker itself: an answer with an undeclared key, or without a declared one, fails.
    let c = checker();
    let mut estimate = json(
        &ltci::estimate_json(r#"{"city":"jincheng","insurance":"employee","grade":"severe","careMode":"home_visit","month":"2024-02"}"#)
            .expect("an estimate"),
    );
    let mut errors = Vec::new();
    c.check(&estimate, "Estimate", "ok", &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    estimate["totals"]["extra"] = Value::from(1);
    estimate.as_object_mut().expect("an object").remove("reference");
    c.check(&estimate, "Estimate", "bad", &mut errors);
    assert!(errors.iter().any(|e| e.contains("totals.extra")) && errors.iter().any(|e| e.contains("reference")), "{errors:?}");
}
