//! Every city × care mode × grade × insurance × month from 2019-01 to 2028-12,
//! with the catalog's cities and modes and only the inputs a mode requires
//! (日照 medical_special: hospitalLevel 1, 2, 3 in turn): never an error, always
//! the contract's invariants, and what the city's parameters in force that
//! month imply: the amounts, the days, the start of the scheme (`ltci::parameters`,
//! not a table of this file: a new version of a city's rules changes them both).

mod common;

use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::str::FromStr;

fn months() -> impl Iterator<Item = (u32, u32)> {
    (2019..=2028).flat_map(|y| (1..=12).map(move |m| (y, m)))
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().expect("a money string")).expect("a decimal")
}

/// One city's parameters in force in one month: id → value, as the table lists them.
struct Params(BTreeMap<String, String>);

impl Params {
    fn of(city: &str, month: &str) -> Params {
        let table = ltci::parameters(Some(city), ltci::Month::parse(month)).expect("a city's parameters");
        let table = serde_json::to_value(table).expect("parameters serialize");
        let mut map = BTreeMap::new();
        for p in table.as_array().expect("a list") {
            let values = p["values"].as_array().expect("values");
            assert_eq!(values.len(), 1, "{city} {month} {}: one value in force", p["id"]);
            map.insert(p["id"].as_str().expect("id").to_owned(), values[0]["value"].as_str().expect("a value").to_owned());
        }
        Params(map)
    }

    fn get(&self, id: &str) -> Decimal {
        let v = self.0.get(id).unwrap_or_else(|| panic!("no parameter {id}"));
        Decimal::from_str(v).unwrap_or_else(|_| panic!("{id} = {v} is not a number"))
    }

    /// A per-grade parameter: `….moderate` or `….severe`.
    fn by_grade(&self, id: &str, grade: &str) -> Decimal {
        self.get(&format!("{id}.{grade}"))
    }

    fn day(&self, id: &str) -> Option<(u32, u32, u32)> {
        let v = self.0.get(id)?;
        let n = |r: std::ops::Range<usize>| v.get(r).and_then(|t| t.parse().ok()).expect("a date");
        Some((n(0..4), n(5..7), n(8..10)))
    }
}

/// What the fund pays for a full month (or the days in force) with default
/// inputs, by the parameters in force; `level` only for 日照 medical_special.
/// The arithmetic is each city's, written again from its spec; the figures are
/// the parameters'.
fn expected_fund(city: &str, mode: &str, grade: &str, days: u32, full: bool, level: u32, p: &Params) -> Decimal {
    let d = Decimal::from(days);
    let share_of = |quota: Decimal, share: &str| quota * p.get(share);
    match (city, mode) {
        // 常政办发〔2021〕71号 五(四): family care every day within the cap; per-day rates.
        ("changzhou", "home") => (d * p.by_grade("home.family_care_per_day", grade)).min(p.by_grade("home.life_care_cap", grade)),
        ("changzhou", "elderly_institution") => d * p.by_grade("elderly_institution.life_care_per_day", grade),
        ("changzhou", "medical_institution") => d * p.by_grade("medical_institution.life_care_per_day", grade),
        // 晋市政发〔2020〕14号 四(七): daily quotas, monthly quotas (per day in a part month), shares.
        ("jincheng", "home_self") => share_of(d * p.get("home_self.daily_quota"), "home_self.fund_share"),
        ("jincheng", "home_visit") => {
            let monthly = p.get("home_visit.monthly_quota");
            let quota = if full { monthly } else { (d * p.get("home_visit.daily_quota")).min(monthly) };
            share_of(quota, "home_visit.fund_share")
        }
        ("jincheng", "home_combined") => {
            let monthly = p.get("home_combined.visit_monthly_quota");
            let visit = if full { monthly } else { (d * p.get("home_combined.visit_daily_quota")).min(monthly) };
            share_of(d * p.get("home_combined.family_daily_quota"), "home_combined.family_fund_share")
                + share_of(visit, "home_combined.visit_fund_share")
        }
        ("jincheng", "institution") => share_of(d * p.get("institution.daily_quota"), "institution.fund_share"),
        // 连云港 三(二): per-day rates; by the hour for the least visits a month, within the limit.
        ("lianyungang", "home_visit") => {
            let hours = p.get("home_visit.hours_per_visit") * p.get("home_visit.minimum_visits_per_month");
            (hours * p.get("home_visit.hourly_rate")).min(p.get("home_visit.monthly_limit"))
        }
        ("lianyungang", m) => d * p.get(&format!("{m}.daily_rate")),
        // 日政办发〔2020〕9号 三(五): the bed-day quota's share, plus the care subsidy in facilities.
        ("rizhao", "medical_special") => {
            let quota = p.get(&format!("medical_special.bed_day_quota.level_{level}"));
            d * (share_of(quota, "medical_special.fund_share") + p.get("care_subsidy.per_day"))
        }
        ("rizhao", "institution") => {
            d * (share_of(p.get("institution.bed_day_quota"), "institution.fund_share") + p.get("care_subsidy.per_day"))
        }
        ("rizhao", "home") => d * share_of(p.get("home.bed_day_quota"), "home.fund_share"),
        // 南通: the package a month (prorated in a part month), plus the subsidy a day.
        ("nantong", "home") => {
            assert!(full, "南通 starts before the sweep");
            p.get("package.monthly_fund") + d * p.by_grade("care_subsidy.per_day", grade)
        }
        other => panic!("no expected amount for {other:?}"),
    }
}

#[test]
fn every_city_mode_grade_insurance_and_month() {
    let catalog = serde_json::to_value(ltci::catalog()).expect("catalog serializes");
    let cities = catalog["cities"].as_array().expect("cities");
    assert_eq!(cities.len(), 5);
    let grades = ["none", "mild", "moderate", "severe"];
    let insurances = ["employee", "resident"];

    let mut problems: Vec<String> = Vec::new();
    let mut eligible: BTreeMap<String, usize> = BTreeMap::new();
    let mut want_eligible: BTreeMap<String, usize> = BTreeMap::new();
    let mut before: BTreeMap<String, usize> = BTreeMap::new();
    let mut count = 0;
    let mut level = 0;

    for city in cities {
        let id = city["id"].as_str().expect("id");
        let params: BTreeMap<(u32, u32), Params> = months().map(|(y, m)| ((y, m), Params::of(id, &format!("{y:04}-{m:02}")))).collect();
        for (y, m) in months() {
            let month = format!("{y:04}-{m:02}");
            let at = ltci::catalog_at(ltci::Month::parse(&month).expect("a month"));
            let at = serde_json::to_value(at).expect("catalog serializes");
            let c = at["cities"].as_array().expect("cities").iter().find(|c| c["id"] == id).expect("the city").clone();
            let p = &params[&(y, m)];
            let from = p.day("scheme.effective_from").expect("a start");
            // The days of the month in force: from the start in its first month.
            let first_month = p.0.get("scheme.first_month_days").filter(|_| (from.0, from.1) == (y, m));
            let days = first_month.map_or(days_in(y, m), |d| d.parse().expect("days"));
            let before_start = (y, m) < (from.0, from.1);
            // The status the catalog gives the document of the month.
            let doc = c["documents"].as_array().expect("documents").iter().rev().find(|d| {
                let f = d["effectiveFrom"].as_str().unwrap_or("");
                f[..7] <= *month.as_str()
            });
            let status = doc.unwrap_or(&c["documents"][0])["status"].as_str().expect("a status").to_owned();
            let covered_insurance: Vec<&str> = c["insurance"].as_array().expect("insurance").iter().filter_map(Value::as_str).collect();
            let covered_grades: Vec<&str> = c["grades"].as_array().expect("grades").iter().filter_map(Value::as_str).collect();
            for mode in c["careModes"].as_array().expect("careModes") {
                let mode_id = mode["id"].as_str().expect("mode id");
                let required: Vec<&str> = mode["inputs"]
                    .as_array()
                    .expect("inputs")
                    .iter()
                    .filter(|i| i["required"] == true)
                    .filter_map(|i| i["key"].as_str())
                    .collect();
                for grade in grades {
                    for insurance in insurances {
                        count += 1;
                        let mut q = json!({ "city": id, "insurance": insurance, "grade": grade, "careMode": mode_id, "month": month });
                        for key in &required {
                            assert_eq!(*key, "hospitalLevel", "an unexpected required input");
                            level = level % 3 + 1;
                            q[*key] = json!(level);
                        }
                        let text = q.to_string();
                        let e = match ltci::estimate_json(&text) {
                            Ok(e) => common::estimate_value(&e),
                            Err(err) => {
                                problems.push(format!("{text}: error {}", err.to_json()));
                                continue;
                            }
                        };
                        if let Err(msg) = common::check_estimate(&e) {
                            problems.push(format!("{text}: {msg}"));
                        }
                        let codes: Vec<&str> =
                            e["reasons"].as_array().expect("reasons").iter().filter_map(|r| r["code"].as_str()).collect();
                        if e["policy"]["status"] != status.as_str() {
                            problems.push(format!("{text}: status {}, expected {status}", e["policy"]["status"]));
                        }
                        if e["careDays"] != days {
                            problems.push(format!("{text}: careDays {}, expected {days}", e["careDays"]));
                        }
                        // Which conditions a default query can fail: insurance, grade, and the scheme's start.
                        let mut want: Vec<&str> = Vec::new();
                        if before_start {
                            want.push("not_in_force");
                            *before.entry(id.to_owned()).or_default() += 1;
                        }
                        if !covered_insurance.contains(&insurance) {
                            want.push("insurance_not_covered");
                        }
                        if !covered_grades.contains(&grade) {
                            want.push("grade_not_covered");
                        }
                        if codes != want {
                            problems.push(format!("{text}: reasons {codes:?}, expected {want:?}"));
                        }
                        if want.is_empty() {
                            *want_eligible.entry(id.to_owned()).or_default() += 1;
                        }
                        if e["eligible"] == true {
                            *eligible.entry(id.to_owned()).or_default() += 1;
                            let want = expected_fund(id, mode_id, grade, days, days == days_in(y, m), level, p);
                            let got = dec(&e["totals"]["fund"]);
                            if got != want {
                                problems.push(format!("{text}: fund {got}, expected {want}"));
                            }
                        }
                    }
                }
            }
        }
    }

    assert!(
        problems.is_empty(),
        "{} problem(s), first 40:\n{}",
        problems.len(),
        problems.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
    assert_eq!(count, 15 * 4 * 2 * 120, "every combination was run");
    // Eligible exactly where the parameters and the catalog say: covered, from the start.
    assert_eq!(eligible, want_eligible);
    // Every city has eligible months in the sweep; all but 南通 (from 2016) start inside it.
    assert_eq!(eligible.len(), 5);
    assert_eq!(before.keys().cloned().collect::<Vec<_>>(), ["changzhou", "jincheng", "lianyungang", "rizhao"]);
}

/// Statuses month by month at the documents' boundaries.
#[test]
fn statuses_at_the_boundaries() {
    let cases = [
        ("changzhou", "home", "2021-12", "not_in_force"),
        ("changzhou", "home", "2022-01", "in_force"),
        ("changzhou", "home", "2024-12", "in_force"),
        ("jincheng", "home_self", "2020-12", "not_in_force"),
        ("jincheng", "home_self", "2021-01", "in_force"),
        ("jincheng", "home_self", "2025-12", "in_force"),
        ("rizhao", "home", "2020-02", "not_in_force"),
        ("rizhao", "home", "2020-03", "in_force"),
        ("rizhao", "home", "2022-12", "in_force"),
        ("lianyungang", "day_care", "2026-11", "draft"),
        ("lianyungang", "day_care", "2026-12", "draft"),
        ("lianyungang", "day_care", "2040-01", "draft"),
        ("nantong", "home", "2015-12", "article"),
        ("nantong", "home", "2016-01", "article"),
        ("nantong", "home", "2040-01", "article"),
    ];
    // The month after each city's last document ends (if it ends): computed, expired.
    let catalog = serde_json::to_value(ltci::catalog()).expect("serializes");
    let mut after: Vec<(String, String, String)> = Vec::new();
    for c in catalog["cities"].as_array().expect("cities") {
        let Some(end) = c["documents"].as_array().and_then(|d| d.last()).and_then(|d| d["effectiveTo"].as_str()) else { continue };
        let next = ltci::Month::parse(&end[..7]).expect("a month").next().to_string();
        let modes = c["careModes"].as_array().expect("modes");
        let mode = modes.iter().find(|m| m["inputs"].as_array().into_iter().flatten().all(|i| i["required"] != true)).expect("a mode");
        after.push((c["id"].as_str().unwrap_or_default().to_owned(), mode["id"].as_str().unwrap_or_default().to_owned(), next));
    }
    let cases = cases.into_iter().chain(after.iter().map(|(c, m, n)| (c.as_str(), m.as_str(), n.as_str(), "expired")));
    for (city, mode, month, status) in cases {
        let q = json!({ "city": city, "insurance": "resident", "grade": "severe", "careMode": mode, "month": month }).to_string();
        let e = ltci::estimate_json(&q).unwrap_or_else(|e| panic!("{q}: {}", e.to_json()));
        let v = common::estimate_value(&e);
        assert_eq!(v["policy"]["status"], status, "{q}");
        let expired_note = v["notes"].as_array().expect("notes").iter().any(|n| n["code"] == "policy_expired");
        assert_eq!(expired_note, status == "expired", "{q}: policy_expired note");
    }
}

/// The catalog the sweep runs on says what the spec says: cities in order, their
/// documents' dates, who is covered, the care modes and each input's default and bounds.
#[test]
fn the_catalog_matches_the_spec() {
    let month = ltci::Month::parse("2023-06").expect("a month");
    let c = serde_json::to_value(ltci::catalog_at(month)).expect("catalog serializes");
    let cities = c["cities"].as_array().expect("cities");
    let ids: Vec<&str> = cities.iter().filter_map(|x| x["id"].as_str()).collect();
    assert_eq!(ids, ["changzhou", "jincheng", "lianyungang", "rizhao", "nantong"]);

    // (id, insurance, grades, document: issued, from, to, status in 2023-06, contribution years)
    type Row =
        (&'static str, &'static [&'static str], &'static [&'static str], Value, &'static str, Value, &'static str, Option<(u16, u16)>);
    let rows: [Row; 5] = [
        (
            "changzhou",
            &["employee", "resident"],
            &["moderate", "severe"],
            json!("2021-09-02"),
            "2022-01-01",
            json!("2024-12-31"),
            "in_force",
            Some((2022, 2022)),
        ),
        ("jincheng", &["employee"], &["severe"], json!("2020-11-04"), "2021-01-01", json!("2025-12-31"), "in_force", Some((2021, 2025))),
        ("lianyungang", &["resident"], &["severe"], Value::Null, "2026-12-01", Value::Null, "draft", Some((2027, 2027))),
        (
            "rizhao",
            &["resident"],
            &["moderate", "severe"],
            json!("2020-03-16"),
            "2020-03-16",
            json!("2022-12-31"),
            "expired",
            Some((2020, 2020)),
        ),
        ("nantong", &["employee", "resident"], &["moderate", "severe"], Value::Null, "2016-01-01", Value::Null, "article", None),
    ];
    for (city, (id, insurance, grades, issued, from, to, status, years)) in cities.iter().zip(rows) {
        assert_eq!(city["id"], id);
        assert_eq!(city["insurance"], json!(insurance), "{id}");
        assert_eq!(city["grades"], json!(grades), "{id}");
        let doc = &city["documents"][0];
        // docs/parameters.md: the day its values were last checked against the source.
        assert!(doc["lastReviewed"].as_str().is_some_and(|d| d.len() == 10 && d >= "2026-12-01"), "{id}: lastReviewed");
        assert_eq!(
            (&doc["issued"], doc["effectiveFrom"].as_str(), &doc["effectiveTo"], doc["status"].as_str()),
            (&issued, Some(from), &to, Some(status)),
            "{id}"
        );
        match years {
            Some((a, b)) => {
                assert_eq!((&city["contribution"]["statedFrom"], &city["contribution"]["statedTo"]), (&json!(a), &json!(b)), "{id}")
            }
            None => assert!(city["contribution"].is_null(), "{id}"),
        }
    }

    // A care mode's id and its inputs: (key, default, required).
    type ModeInputs = (String, Vec<(String, Value, bool)>);
    // Each care mode with its inputs, as the city's
    // fixtures file states them.
    let modes = common::fixtures::CITY_FILES.map(|(file, text)| {
        let doc: Value = serde_json::from_str(text).expect("a fixtures file");
        let modes: Vec<ModeInputs> = doc["careModes"]
            .as_array()
            .expect("careModes in the fixtures file")
            .iter()
            .map(|m| {
                let inputs = m["inputs"].as_array().into_iter().flatten();
                let inputs = inputs.map(|i| (i["key"].as_str().unwrap_or("").to_owned(), i["default"].clone(), i["required"] == true));
                (m["id"].as_str().unwrap_or("").to_owned(), inputs.collect())
            })
            .collect();
        (file, modes)
    });
    for (city, (id, want)) in cities.iter().zip(modes) {
        let got = city["careModes"].as_array().expect("careModes");
        let got_ids: Vec<&str> = got.iter().filter_map(|m| m["id"].as_str()).collect();
        let want_ids: Vec<&str> = want.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(got_ids, want_ids, "{id}");
        for (mode, (mode_id, inputs)) in got.iter().zip(&want) {
            for key in ["zh", "en"] {
                assert!(mode["name"][key].as_str().is_some_and(|s| !s.is_empty()), "{id} {mode_id} name");
                assert!(mode["help"][key].as_str().is_some_and(|s| !s.is_empty()), "{id} {mode_id} help");
            }
            let got_inputs = mode["inputs"].as_array().expect("inputs");
            let got_keys: Vec<(&str, &Value, bool)> =
                got_inputs.iter().map(|i| (i["key"].as_str().unwrap_or(""), &i["default"], i["required"] == true)).collect();
            let want_keys: Vec<(&str, &Value, bool)> = inputs.iter().map(|(k, d, r)| (k.as_str(), d, *r)).collect();
            assert_eq!(got_keys, want_keys, "{id} {mode_id}");
            for i in got_inputs {
                let key = i["key"].as_str().unwrap_or("");
                for part in ["label", "help"] {
                    assert!(
                        i[part]["zh"].as_str().is_some_and(|s| !s.is_empty()) && i[part]["en"].as_str().is_some_and(|s| !s.is_empty()),
                        "{id} {key} {part}"
                    );
                }
                if i["type"] == "money" {
                    assert_eq!((&i["min"], &i["max"]), (&json!("0"), &json!("1000000")), "{id} {key}: money is 0 to 1,000,000");
                }
                if i["default"].is_null() && !["dailyCharge", "hourlyCharge", "hospitalLevel"].contains(&key) {
                    assert!(i["defaultRule"]["en"].as_str().is_some(), "{id} {key}: a default or a rule for it");
                }
            }
        }
    }
    // The common inputs each city's rules read (the rest get note input_not_used),
    // as its fixtures file states them: 晋城 四(八) and 日照 三(八)1 exclude
    // work-injury care, 日照 三(八)5 disability protection.
    for (city, (file, text)) in cities.iter().zip(common::fixtures::CITY_FILES) {
        let doc: Value = serde_json::from_str(text).expect("a fixtures file");
        assert_eq!(city["queryInputs"], doc["queryInputs"], "{file}: queryInputs of the catalog and of tests/fixtures/{file}.json");
    }
    let level = &cities[3]["careModes"][0]["inputs"][0];
    assert_eq!((&level["min"], &level["max"]), (&json!("1"), &json!("3")), "hospitalLevel is 1 to 3");
    let hours = &cities[2]["careModes"][3]["inputs"][0];
    // A month's limits depend on the month: 24 hours × its days, visits its days (docs/api.md).
    assert_eq!(
        (&hours["max"], &hours["maxRule"]["zh"]),
        (&json!(null), &json!("24小时 × 当月天数")),
        "visitHours at most 24 × the month's days"
    );
    let visits = &cities[4]["careModes"][0]["inputs"][0];
    assert_eq!(
        (&visits["key"], &visits["max"], &visits["maxRule"]["en"]),
        (&json!("homeVisits"), &json!(null), &json!("the days of the month")),
        "homeVisits"
    );
    assert!(hours["defaultRule"]["zh"].as_str().is_some_and(|r| r.contains("20小时") && r.contains("为0")), "visitHours default rule");

    // Statuses move with the month asked.
    let at = |m: &str| serde_json::to_value(ltci::catalog_at(ltci::Month::parse(m).expect("month"))).expect("serializes");
    let statuses =
        |m: &str| at(m)["cities"].as_array().expect("cities").iter().map(|c| c["documents"][0]["status"].clone()).collect::<Vec<_>>();
    assert_eq!(statuses("2021-06"), [json!("not_in_force"), json!("in_force"), json!("draft"), json!("in_force"), json!("article")]);
    // In 2026-06 each city's first document has ended, unless a later one replaced it.
    let replaced = |c: &Value| c["documents"].as_array().is_some_and(|d| d.len() > 1);
    let want: Vec<Value> = at("2026-06")["cities"]
        .as_array()
        .expect("cities")
        .iter()
        .zip(["expired", "expired", "draft", "expired", "article"])
        .map(|(c, s)| if s == "expired" && replaced(c) { json!("superseded") } else { json!(s) })
        .collect();
    assert_eq!(statuses("2026-06"), want);
}

/// docs/api.md "Nothing silently ignored": for every city and care mode, each common
/// input the catalog does not list for the city changes nothing but adds the note
/// `input_not_used`, which names it; an input the city lists is never so named.
#[test]
fn inputs_a_city_does_not_read_change_nothing_but_a_note() {
    let catalog = serde_json::to_value(ltci::catalog()).expect("catalog serializes");
    let month = |id: &str| match id {
        "changzhou" => "2022-03",
        "jincheng" => "2024-03",
        "lianyungang" => "2027-01",
        "rizhao" => "2021-06",
        _ => "2021-04",
    };
    // Each common input at a value other than its default.
    let given = [
        ("disabilityMonths", json!(2)),
        ("workInjuryCareAllowance", json!(true)),
        ("assessedMonth", json!("2019-01")),
        ("benefitsLocked", json!(true)),
        ("interruptedContribution", json!(true)),
        ("monthsSinceResumed", json!(3)),
        ("contributionYears", json!({ "continuous": 1, "cumulative": 3 })),
        ("insuredBeforeLtci", json!(true)),
        ("disabilitySubsidy", json!(100)),
    ];
    let without = |v: &Value| {
        let mut v = v.clone();
        v.as_object_mut().expect("an object").remove("reference");
        let notes = v["notes"].as_array().expect("notes").iter().filter(|n| n["code"] != "input_not_used").cloned().collect();
        v["notes"] = Value::Array(notes);
        v
    };
    let mut checked = 0;
    for city in catalog["cities"].as_array().expect("cities") {
        let id = city["id"].as_str().expect("id");
        let read: Vec<&str> = city["queryInputs"].as_array().expect("queryInputs").iter().filter_map(Value::as_str).collect();
        for mode in city["careModes"].as_array().expect("careModes") {
            let mut base =
                json!({ "city": id, "insurance": city["insurance"][0], "grade": "severe", "careMode": mode["id"], "month": month(id) });
            if mode["id"] == "medical_special" {
                base["hospitalLevel"] = json!(3);
            }
            let bare = common::estimate_value(&ltci::estimate_json(&base.to_string()).expect("a valid query"));
            assert!(bare["notes"].as_array().expect("notes").iter().all(|n| n["code"] != "input_not_used"), "{base}");
            for (key, value) in &given {
                let mut q = base.clone();
                q[*key] = value.clone();
                let e = common::estimate_value(&ltci::estimate_json(&q.to_string()).expect("a valid query"));
                let named: Vec<&str> = e["notes"]
                    .as_array()
                    .expect("notes")
                    .iter()
                    .filter(|n| n["code"] == "input_not_used")
                    .filter_map(|n| n["message"].as_str())
                    .collect();
                if read.contains(key) {
                    assert!(named.is_empty(), "{q}: {key} is read by {id}, yet {named:?}");
                } else {
                    assert_eq!(without(&e), without(&bare), "{q}: {key} is not read by {id}, yet it changed the answer");
                    assert!(named.len() == 1 && named[0].contains(key), "{q}: the note should name {key}: {named:?}");
                    checked += 1;
                }
            }
        }
    }
    // Unread inputs × modes: 常州 4 × 3, 晋城 2 × 4, 连云港 4 × 4, 日照 3 × 3, 南通 8 × 1.
    assert_eq!(checked, 4 * 3 + 2 * 4 + 4 * 4 + 3 * 3 + 8);
}

/// corrections-2026-12-07 items 5 and 7: an input's help is true for the city it
/// is shown for. 常州's subsidy is 就高 (五(五)2), 日照's an exclusion (三(八)5);
/// 日照's assessment month is the month of approval (三(四) "自核准之日起享受").
#[test]
fn a_common_input_is_worded_for_each_city() {
    let catalog = serde_json::to_value(ltci::catalog()).expect("serializes");
    let city = |id: &str| catalog["cities"].as_array().expect("cities").iter().find(|c| c["id"] == id).cloned().unwrap_or_default();
    let text = |id: &str, key: &str, part: &str| -> String {
        let own = city(id)["inputTexts"].as_array().into_iter().flatten().find(|t| t["key"] == key).map(|t| t[part]["zh"].clone());
        let common = catalog["queryInputs"].as_array().into_iter().flatten().find(|i| i["key"] == key).map(|i| i[part]["zh"].clone());
        own.filter(|v| !v.is_null()).or(common).and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    };
    assert!(text("changzhou", "disabilitySubsidy", "help").contains("就高择一"), "常州 就高");
    assert!(text("rizhao", "disabilitySubsidy", "help").contains("长护险不予支付"), "日照 an exclusion");
    assert!(!text("rizhao", "disabilitySubsidy", "help").contains("就高"), "日照 is not 就高");
    assert!(!text("jincheng", "disabilitySubsidy", "help").contains("就高"), "the common help names no city's rule");
    assert_eq!(text("rizhao", "assessedMonth", "label"), "核准月份");
    assert!(text("changzhou", "disabilityMonths", "help").contains("治疗"), "常州 counts months of treatment");
    // Issue 24: where the disability's length decides eligibility, the city asks it as a person would.
    for id in ["jincheng", "lianyungang"] {
        assert_eq!(text(id, "disabilityMonths", "label"), "已经失能多久了", "{id}");
    }
    assert!(city("rizhao")["careDaysHelp"]["zh"].as_str().is_some_and(|h| h.contains("核准之日")), "日照 care days from the approval day");
    // The family-care days' help says its default and the carer it needs (七(三)).
    let home = city("changzhou")["careModes"][0]["inputs"].as_array().cloned().unwrap_or_default();
    let family = home.iter().find(|i| i["key"] == "familyCareDays").cloned().unwrap_or_default();
    let help = family["help"]["zh"].as_str().unwrap_or_default();
    assert!(help.contains("不填按护理天数计") && help.contains("培训合格"), "{help}");
}
