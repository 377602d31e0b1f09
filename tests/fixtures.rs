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
//! optional `notesAbsent` (codes that must not be present), `reasonText`
//! (texts that some reason's Chinese message must contain) and `noteText`
//! (`{code: [texts]}`: texts that a note with that code must contain).
//!
//! Contribution `expect`: `totals` (individual, employer, government,
//! medicalFund, total), `lines` (payer and amount, in order), `status`, `notes`
//! (present), optional `notesAbsent`.

mod common;

use common::fixtures::{cases, load, run, run_plans, strings, CITY_FILES, CONTRIBUTION_FILE, PLAN_FILE};
use std::collections::BTreeSet;

/// The worked examples of docs/cities/*.md and docs/contribution.md, per file:
/// every one of them must be a fixture.
const WORKED_EXAMPLES: [(&str, usize); 6] =
    [("changzhou", 5), ("jincheng", 4), ("lianyungang", 3), ("rizhao", 3), ("nantong", 2), ("contribution", 4)];

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

/// docs/plan.md's worked examples and the months ahead for every reason (tests/fixtures/plan.json).
#[test]
fn plan() {
    report(&run_plans(&load("plan", PLAN_FILE)));
}

/// The plan file is well formed as the others: named cases with a clause, a
/// month in every query, exactly one of expect or error, and the 4 worked
/// examples of docs/plan.md.
#[test]
fn plan_file_is_well_formed() {
    let doc = load("plan", PLAN_FILE);
    let mut problems = Vec::new();
    let mut names = BTreeSet::new();
    let mut worked = 0;
    for case in cases(&doc) {
        let name = case["name"].as_str().unwrap_or("");
        if name.is_empty() || !names.insert(name.to_owned()) {
            problems.push(format!("a case without a name or with a repeated name: {name:?}"));
        }
        if case["clause"].as_str().is_none_or(str::is_empty) || case["query"]["month"].is_null() {
            problems.push(format!("{name}: no clause or no month"));
        }
        if case["expect"].is_null() == case["error"].is_null() {
            problems.push(format!("{name}: needs exactly one of expect and error"));
        }
        for key in ["from", "to", "months", "totals", "eligibleMonths", "eligibleFrom", "changes", "whatWouldChange", "assumptions"] {
            if case["expect"].is_object() && case["expect"].get(key).is_none() {
                problems.push(format!("{name}: expect has no {key}"));
            }
        }
        worked += usize::from(case["source"] == "spec worked example");
    }
    if worked != 4 {
        problems.push(format!("{worked} worked examples, docs/plan.md has 4"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
