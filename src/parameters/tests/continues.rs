//! A fictional successor of 晋城's opinion — NOT A REAL POLICY, built in this
//! test only: 测试续行文件 from 2026-01-01 changes two figures (the home-visit
//! quota and the institution's daily quota) and says every other provision goes
//! on (its 十一, "其他按原规定执行"). It is a document entry with
//! `continues` and the two new values, nothing else: before its start every
//! answer is the real city's byte for byte; after it, the two figures are its
//! own and every citation names it; the opinion it replaces is superseded.

use crate::cities;
use crate::estimate::estimate_in;
use crate::model::{Grade, Insurance, Query, Status};
use crate::month::{Date, Month};
use crate::parameters::of_city;
use crate::rules::{City, Dated, Document, Param};
use rust_decimal_macros::dec;

const NUMBER: &str = "测试续行文件（虚构，非真实政策）";

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// 晋城 with its opinion alone (whatever later documents the real city has),
/// and with the fictional successor; the real city's functions and modes.
fn successor() -> (&'static City, &'static City) {
    let real = cities::find("jincheng").expect("jincheng");
    let old = real.documents[0];
    let new: &'static Document = leak(Document {
        number: NUMBER,
        title: "测试用的后续文件，不是真实政策",
        issued: Some(Date::ymd(2025, 12, 1)),
        effective_from: Date::ymd(2026, 1, 1),
        effective_to: None,
        period_citation: "测试续行文件（虚构，非真实政策） 十二",
        period_quote: "测试：自2026年1月1日起施行",
        continues: Some("十一"),
        ..*old
    });
    let changes = [
        ("home_visit.monthly_quota", "测试续行文件（虚构，非真实政策） 四(七)2", dec!(1800), "测试：每月定额1800元"),
        ("institution.daily_quota", "测试续行文件（虚构，非真实政策） 四(七)4", dec!(120), "测试：每人每日定额120元"),
    ];
    let table = |with_successor: bool| -> &'static [&'static Param] {
        let params: Vec<&'static Param> = real
            .params
            .iter()
            .map(|p| {
                let own = p.values.iter().filter(|v| std::ptr::eq(v.document, old)).copied();
                let added = changes
                    .iter()
                    .filter(|c| with_successor && c.0 == p.id)
                    .map(|&(_, citation, value, quote)| Dated::of(new, citation, value, quote));
                let values: Vec<Dated> = own.chain(added).collect();
                leak(Param { values: Box::leak(values.into_boxed_slice()), ..Param::new(p.id, p.label, p.unit, &[]) })
            })
            .collect();
        Box::leak(params.into_boxed_slice())
    };
    let alone = leak(City { documents: Box::leak(vec![old].into_boxed_slice()), params: table(false), ..*real });
    let city = leak(City { documents: Box::leak(vec![old, new].into_boxed_slice()), params: table(true), ..*real });
    (alone, city)
}

fn query(mode: &str, month: &str, insurance: Insurance) -> Query {
    let mut q = Query::new("jincheng", insurance, Grade::Severe, mode);
    q.month = Month::parse(month);
    q
}

#[test]
fn a_successor_that_continues_the_rest_changes_only_its_figures_and_cites_itself() {
    let (real, test) = successor();
    let modes = ["home_self", "home_visit", "home_combined", "institution"];

    // Before its start: the real answers, byte for byte.
    for mode in modes {
        for insurance in Insurance::ALL {
            let (a, b) = (estimate_in(real, &query(mode, "2025-12", insurance)), estimate_in(test, &query(mode, "2025-12", insurance)));
            assert_eq!(a.map(|e| e.to_json()), b.map(|e| e.to_json()), "{mode} 2025-12");
        }
    }

    // After it: the two new figures; the rest goes on, in force, not expired.
    let visit = estimate_in(test, &query("home_visit", "2026-03", Insurance::Employee)).expect("an estimate");
    assert_eq!((visit.totals.fund.to_string(), visit.policy.status), ("1260.00".into(), Status::InForce)); // 1800 × 70%
    let institution = estimate_in(test, &query("institution", "2026-03", Insurance::Employee)).expect("an estimate");
    assert_eq!(institution.totals.fund.to_string(), "2604.00"); // 120 × 31 × 70%
    let home = estimate_in(test, &query("home_self", "2026-03", Insurance::Employee)).expect("an estimate");
    assert_eq!(home.totals.fund.to_string(), "930.00"); // 30 × 31, restated by 十一
    assert!(home.notes.iter().all(|n| n.code != "policy_expired"), "not expired: the successor is in force");

    // Every citation names the successor: its own figures, the ones it carries, reasons and notes.
    let resident = estimate_in(test, &query("home_visit", "2026-03", Insurance::Resident)).expect("an estimate");
    for e in [&visit, &institution, &home, &resident] {
        let citations =
            e.lines.iter().map(|l| &l.citation).chain(e.reasons.iter().map(|r| &r.citation)).chain(e.notes.iter().map(|n| &n.citation));
        for c in citations {
            assert!(c.contains(NUMBER), "{} {c}", e.care_mode);
        }
        assert_eq!(e.policy.document, NUMBER);
    }
    assert!(home.lines[0].citation.starts_with("测试续行文件（虚构，非真实政策） 十一"), "{}", home.lines[0].citation);
    assert!(visit.lines[0].citation.ends_with("四(七)2"), "{}", visit.lines[0].citation);

    // The replaced opinion is superseded from the successor's start; an estimate of its months is not.
    let old = test.documents[0];
    let march = Month::parse("2026-03").expect("a month");
    assert_eq!(test.document_status(old, march), Status::Superseded);
    assert_eq!(real.document_status(old, march), Status::Expired, "without a successor it has just ended");
    let table = of_city(test, Some(march));
    let row = |id: &str| table.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id}"));
    let carried = &row("home_self.daily_quota").values[0];
    assert_eq!(carried.status, Some(Status::InForce), "carried by 十一");
    assert!(carried.citation.starts_with("测试续行文件（虚构，非真实政策） 十一"), "{}", carried.citation);
    assert_eq!(row("home_visit.monthly_quota").values[0].document, NUMBER);
}
