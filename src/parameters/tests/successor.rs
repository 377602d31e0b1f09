//! A successor version of 晋城's rules, built in this test and nowhere else:
//! NOT A REAL POLICY. Its two documents, 测试文件甲 (from 2026-01-01) and
//! 测试文件乙 (from 2026-07-15, mid-month), are made up to show that a new
//! version is its document entries and the values that change, with their
//! dates and quotes — the city's formulas, the catalog and the doors untouched.
//! They are never in `CITIES`, so never in the catalog or any door's answer.

use crate::cities::{self, CITIES};
use crate::contribution::contribution_in;
use crate::estimate::estimate_in;
use crate::model::{ContributionQuery, Estimate, Figure, Grade, Insurance, Query, Status};
use crate::month::{Date, Month};
use crate::parameters::of_city;
use crate::rules::{City, Dated, Document, Param};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// 测试文件甲: from 2026-01-01 until 乙; also covers residents, and has no
/// 叠加护理 (a version may change who is covered and the care modes).
fn document_a(real: &'static Document) -> &'static Document {
    leak(Document {
        number: "测试文件甲（非真实政策）",
        title: "测试用的后续文件甲，不是真实政策",
        issued: Some(Date::ymd(2025, 12, 1)),
        effective_from: Date::ymd(2026, 1, 1),
        effective_to: Some(Date::ymd(2026, 7, 14)),
        period_citation: "测试文件甲（非真实政策） 十",
        period_quote: "测试：自2026年1月1日起施行",
        insurance: &[Insurance::Employee, Insurance::Resident],
        modes: Box::leak(real.modes.iter().filter(|m| m.id != "home_combined").copied().collect::<Vec<_>>().into_boxed_slice()),
        ..*real
    })
}

/// 测试文件乙: from 2026-07-15, a Wednesday: the month it starts is not split.
fn document_b(a: &'static Document) -> &'static Document {
    leak(Document {
        number: "测试文件乙（非真实政策）",
        title: "测试用的后续文件乙，不是真实政策",
        effective_from: Date::ymd(2026, 7, 15),
        effective_to: None,
        period_citation: "测试文件乙（非真实政策） 八",
        period_quote: "测试：自2026年7月15日起施行",
        ..*a
    })
}

/// 晋城 with the test documents and the values they change; every function
/// pointer (check, notes, contributions; the modes and their compute) is the real city's.
fn successor() -> (&'static City, &'static City) {
    let real = cities::find("jincheng").expect("jincheng");
    let a = document_a(real.documents[0]);
    let b = document_b(a);
    let changes: [(&str, &'static Document, &'static str, Decimal, &'static str); 6] = [
        ("home_visit.monthly_quota", a, "测试文件甲（非真实政策） 三(二)", dec!(1800), "测试：每月定额1800元"),
        ("home_visit.daily_quota", a, "测试文件甲（非真实政策） 三(二)", dec!(60), "测试：（60元/日）"),
        ("home_visit.fund_share", a, "测试文件甲（非真实政策） 三(二)", dec!(0.75), "测试：基金支付75%"),
        ("contribution.employer_rate", a, "测试文件甲（非真实政策） 二(一)", dec!(0.002), "测试：以0.2%的比例按月缴纳"),
        ("contribution.employed_rate", a, "测试文件甲（非真实政策） 二(二)", dec!(0.0015), "测试：在职职工以0.15%的比例"),
        ("institution.daily_quota", b, "测试文件乙（非真实政策） 三(四)", dec!(120), "测试：每人每日定额120元"),
    ];
    // The opinion's own values only, whatever later documents the real city has.
    let opinion = real.documents[0];
    let table = |with_changes: bool| -> &'static [&'static Param] {
        let params: Vec<&'static Param> = real
            .params
            .iter()
            .map(|p| {
                let own = p.values.iter().filter(|v| std::ptr::eq(v.document, opinion)).copied();
                let added = changes
                    .iter()
                    .filter(|c| with_changes && c.0 == p.id)
                    .map(|&(_, doc, citation, value, quote)| Dated::of(doc, citation, value, quote));
                let values: Vec<Dated> = own.chain(added).collect();
                leak(Param { values: Box::leak(values.into_boxed_slice()), ..Param::new(p.id, p.label, p.unit, &[]) })
            })
            .collect();
        Box::leak(params.into_boxed_slice())
    };
    let alone = leak(City { documents: Box::leak(vec![opinion].into_boxed_slice()), params: table(false), ..*real });
    let city = leak(City { documents: Box::leak(vec![opinion, a, b].into_boxed_slice()), params: table(true), ..*real });
    (alone, city)
}

fn query(mode: &str, month: &str) -> Query {
    let mut q = Query::new("jincheng", Insurance::Employee, Grade::Severe, mode);
    q.month = Month::parse(month);
    q
}

fn fund(e: &Estimate) -> String {
    e.totals.fund.to_string()
}

#[test]
fn a_successor_version_changes_answers_from_its_start_with_no_formula_changed() {
    let (real, test) = successor();

    // The same functions: nothing in the city's formulas knows of the new version.
    assert!(std::ptr::fn_addr_eq(test.check, real.check));
    assert!(std::ptr::fn_addr_eq(test.notes, real.notes));
    assert!(std::ptr::eq(test.contribution.expect("rules"), real.contribution.expect("rules")));
    // Never in the catalog or any door.
    assert!(CITIES.iter().all(|c| c.documents.iter().all(|d| !d.number.contains("测试"))));
    assert!(crate::catalog::catalog().cities.iter().all(|c| c.documents.iter().all(|d| !d.number.contains("测试"))));

    // Before its start: the real city's answers, byte for byte, in every mode.
    for mode in ["home_self", "home_visit", "home_combined", "institution"] {
        for month in ["2024-02", "2025-12"] {
            let (want, got) = (estimate_in(real, &query(mode, month)), estimate_in(test, &query(mode, month)));
            assert_eq!(got.map(|e| e.to_json()).ok(), want.map(|e| e.to_json()).ok(), "{mode} {month}");
        }
    }

    // From 2026-01-01 (甲): its quota and share, its clause on the line, in force.
    let e = estimate_in(test, &query("home_visit", "2026-01")).expect("an estimate");
    assert_eq!(fund(&e), "1350.00"); // 1800 × 75%, was 1050
    assert_eq!(e.lines[0].citation, "测试文件甲（非真实政策） 三(二)");
    assert_eq!(e.lines[0].basis, "月定额1800元 × 基金支付75% = 1350.00元");
    assert_eq!((e.policy.document, e.policy.status), ("测试文件甲（非真实政策）", Status::InForce));
    assert!(e.notes.iter().all(|n| n.code != "policy_expired"));
    // The real rules in that month: expired, the old figures.
    let old = estimate_in(real, &query("home_visit", "2026-01")).expect("an estimate");
    assert_eq!((fund(&old), old.policy.status), ("1050.00".into(), Status::Expired));
    // A part month reads 甲's daily quota: 60 × 10 × 75%.
    let mut ten = query("home_visit", "2026-03");
    ten.inputs.set("careDays", 10);
    assert_eq!(fund(&estimate_in(test, &ten).expect("an estimate")), "450.00");
    // Unchanged values carry on: 30 a day at home, all from the fund.
    assert_eq!(fund(&estimate_in(test, &query("home_self", "2026-01")).expect("an estimate")), "930.00");
    // Who is covered and the care modes are the version's.
    let mut resident = query("institution", "2026-01");
    resident.insurance = Insurance::Resident;
    assert!(estimate_in(test, &resident).expect("an estimate").eligible);
    assert!(!estimate_in(real, &resident).expect("an estimate").eligible);
    resident.month = Month::parse("2025-12");
    assert!(!estimate_in(test, &resident).expect("an estimate").eligible, "not before 甲");
    let dropped = estimate_in(test, &query("home_combined", "2026-02")).expect_err("no 叠加护理 under 甲");
    assert_eq!((dropped.code().as_str(), dropped.field()), ("unknown_care_mode", Some("careMode")));

    // 乙 starts on 2026-07-15: July is 乙's from the 15th (17 days), as a scheme's
    // first month is, with its new institution quota; the 14 days before are 甲's
    // and not in this estimate, which says so. Never a mix of the two.
    let july = estimate_in(test, &query("institution", "2026-07")).expect("an estimate");
    assert_eq!((july.care_days, fund(&july)), (17, "1428.00".into())); // 120 × 17 × 70%
    assert_eq!(july.lines[0].citation, "测试文件乙（非真实政策） 三(四)");
    assert_eq!(july.policy.document, "测试文件乙（非真实政策）");
    let note = july.notes.iter().find(|n| n.code == "rules_change_mid_month").expect("the mid-month note");
    assert!(note.message.contains("2026-07-15") && note.message.contains("测试文件甲（非真实政策）") && note.message.contains("14天"));
    let mut too_many = query("institution", "2026-07");
    too_many.inputs.set("careDays", 20);
    let err = estimate_in(test, &too_many).expect_err("20 care days are not all under 乙");
    assert_eq!((err.code().as_str(), err.field()), ("invalid_value", Some("careDays")));
    assert!(err.message().contains("0到17") && err.message().contains("15日"), "{}", err.message());
    // June is 甲's whole month; August 乙's whole month.
    assert_eq!(fund(&estimate_in(test, &query("institution", "2026-06")).expect("an estimate")), "2100.00"); // 100 × 30 × 70%
    assert_eq!(fund(&estimate_in(test, &query("institution", "2026-08")).expect("an estimate")), "2604.00"); // 120 × 31 × 70%
                                                                                                             // A value 乙 does not restate is 甲's, still read: the home-visit quota.
    assert_eq!(fund(&estimate_in(test, &query("home_visit", "2026-08")).expect("an estimate")), "1350.00");
    // The real city's first month has no such note (nothing came before it).
    assert!(estimate_in(real, &query("institution", "2021-01"))
        .expect("an estimate")
        .notes
        .iter()
        .all(|n| n.code != "rules_change_mid_month"));

    // Contributions: 甲's employer rate from 2026, its clause on the line.
    let mut c = ContributionQuery::new("jincheng", 2026, Insurance::Employee);
    c.category = Some(crate::model::Category::Employed);
    c.monthly_base = Some(dec!(6000));
    let got = contribution_in(test, &c).expect("a contribution");
    assert_eq!(got.totals.employer.to_string(), "144.00"); // 0.2% × 6000 × 12
    let employer = got.lines.iter().find(|l| l.label == "单位缴费").expect("the employer line");
    assert_eq!(employer.citation, "测试文件甲（非真实政策） 二(一)");
    assert_eq!(contribution_in(real, &c).expect("a contribution").totals.employer.to_string(), "108.00");

    // The table shows the new values by date, with their documents.
    let table = of_city(test, Some(Month::parse("2026-08").expect("a month")));
    let row = |id: &str| table.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id}"));
    let quota = &row("institution.daily_quota").values;
    assert_eq!((quota.len(), quota[0].value, quota[0].status), (1, Figure::Number(dec!(120)), Some(Status::InForce)));
    assert_eq!(row("home_visit.monthly_quota").values[0].status, Some(Status::Superseded), "甲 ended on 2026-07-14, replaced by 乙");
    let from = &row("scheme.effective_from").values;
    assert_eq!(from[0].value, Figure::Day(Date::ymd(2026, 7, 15)));
    let all = of_city(test, None);
    let quota = &all.iter().find(|p| p.id == "home_visit.monthly_quota").expect("the quota").values;
    let froms: Vec<String> = quota.iter().map(|v| format!("{} {}", v.from, v.value)).collect();
    assert_eq!(froms, ["2021-01-01 1500", "2026-01-01 1800"]);
}
