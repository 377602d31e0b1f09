//! The parameter tables against their own rules: every figure listed, values
//! in date order, each with its document, clause and quote; and a successor
//! version, built here and nowhere else, read by the unchanged formulas.

use super::of_city;
use crate::cities::CITIES;
use crate::model::{Figure, ParamUnit, Status};
use crate::money::plain;
use crate::month::{Date, Month};
use rust_decimal::Decimal;

mod continues;
mod successor;

const SOURCES: [(&str, &str); 5] = [
    ("changzhou", include_str!("../cities/changzhou.rs")),
    ("jincheng", include_str!("../cities/jincheng.rs")),
    ("lianyungang", include_str!("../cities/lianyungang.rs")),
    ("rizhao", include_str!("../cities/rizhao.rs")),
    ("nantong", include_str!("../cities/nantong.rs")),
];

fn month(s: &str) -> Month {
    Month::parse(s).unwrap_or_else(|| panic!("{s} is a month"))
}

/// Each `static NAME: Param` of a city module is in its table, once, under
/// an id of its own: the table is what the formulas read and what
/// `ltci params` lists, so a figure left out would be read yet not shown.
#[test]
fn every_parameter_a_city_declares_is_in_its_table() {
    for (id, source) in SOURCES {
        let city = CITIES.iter().find(|c| c.id == id).expect("a city");
        let declared: Vec<&str> =
            source.lines().filter_map(|l| l.strip_prefix("static ")?.split_once(": Param =").map(|(name, _)| name)).collect();
        let listed: Vec<&str> = source
            .split("params: &[")
            .nth(1)
            .and_then(|t| t.split("],").next())
            .unwrap_or("")
            .split(',')
            .map(|s| s.trim().trim_start_matches('&'))
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(declared.len(), city.params.len(), "{id}: declared {declared:?}, table {listed:?}");
        for name in &declared {
            assert!(listed.contains(name), "{id}: {name} is declared but not in CITY.params");
        }
        let mut ids: Vec<&str> = city.params.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), city.params.len(), "{id}: a parameter id twice");
    }
}

/// docs/parameters.md: values in date order, periods not overlapping, each from
/// one of the city's documents with its clause and quote. A value starts on
/// the 1st of a month or on its document's first day (a mid-month change is a
/// document's, which the engine does not mix with the one before).
#[test]
fn every_value_is_dated_and_sourced() {
    for city in CITIES {
        for p in city.params {
            assert!(!p.values.is_empty(), "{} {}: no value", city.id, p.id);
            assert!(p.id.contains('.') && p.id.bytes().all(|b| b.is_ascii_lowercase() || b"._0123456789".contains(&b)), "{}", p.id);
            assert!(!p.label.is_empty(), "{} {}: label", city.id, p.id);
            for pair in p.values.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                assert!(a.to.is_some_and(|to| to < b.from), "{} {}: {} overlaps {}", city.id, p.id, a.from, b.from);
            }
            for v in p.values {
                let what = format!("{} {} from {}", city.id, p.id, v.from);
                assert!(v.to.is_none_or(|to| v.from <= to), "{what}: ends before it starts");
                assert!(city.documents.iter().any(|d| std::ptr::eq(*d, v.document)), "{what}: not one of the city's documents");
                assert!(v.citation.starts_with(v.document.number), "{what}: {} does not cite {}", v.citation, v.document.number);
                assert!(v.citation.len() > v.document.number.len() + 1, "{what}: no clause");
                assert!(!v.quote.is_empty() && v.quote.chars().count() <= 40, "{what}: a quote of a few words: {}", v.quote);
                assert!(v.from.day() == 1 || v.from == v.document.effective_from, "{what}: starts mid-month, not with its document");
                assert!(
                    says(p.unit, v.value, v.quote) || UNSPOKEN.contains(&(city.id, p.id)),
                    "{what}: “{}” does not state {}",
                    v.quote,
                    v.value
                );
            }
        }
    }
}

/// Figures a quote states in words rather than digits.
const UNSPOKEN: [(&str, &str); 3] = [
    // 五(一) "次月起": one month on.
    ("changzhou", "benefits.months_after_assessment"),
    // 四(三) "单位缴费由用人单位按规定统一缴纳": none from the medical fund.
    ("jincheng", "contribution.employer_share_from_medical_fund"),
    // 二是 "基金和个人按8∶2比例支付": 0.8.
    ("nantong", "devices.fund_share"),
];

/// The quote writes the figure: its digits, a percentage, or 全额 for all of it.
fn says(unit: ParamUnit, value: Decimal, quote: &str) -> bool {
    let digits = plain(value).to_string();
    match unit {
        ParamUnit::Ratio | ParamUnit::RateOfBase => {
            quote.contains(&format!("{}%", plain(value * Decimal::ONE_HUNDRED))) || (value == Decimal::ONE && quote.contains("全额"))
        }
        _ => quote.contains(&digits),
    }
}

/// The documents' periods are parameters too, and 日照's first month counts 16 days.
#[test]
fn periods_are_listed_with_their_sources() {
    let rizhao = CITIES.iter().find(|c| c.id == "rizhao").expect("rizhao");
    let table = of_city(rizhao, Some(month("2020-03")));
    let row = |id: &str| table.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id}"));
    assert_eq!(row("scheme.effective_from").values[0].value, Figure::Day(Date::ymd(2020, 3, 16)));
    assert_eq!(row("scheme.effective_to").values[0].value, Figure::Day(Date::ymd(2022, 12, 31)));
    let first = &row("scheme.first_month_days").values[0];
    assert_eq!(
        (first.value, first.from, first.to),
        (Figure::Number(Decimal::from(16)), Date::ymd(2020, 3, 16), Some(Date::ymd(2020, 3, 31)))
    );
    assert!(first.quote.contains("自发布之日起施行"));
    // In April that value is past, as any value after its period.
    let april = of_city(rizhao, Some(month("2020-04")));
    let first = april.iter().find(|p| p.id == "scheme.first_month_days").expect("the row");
    assert_eq!(first.values[0].status, Some(Status::Expired));
    // 连云港's draft has no end, 南通's article neither: no effective_to row.
    for id in ["lianyungang", "nantong"] {
        let city = CITIES.iter().find(|c| c.id == id).expect("city");
        assert!(of_city(city, None).iter().all(|p| p.id != "scheme.effective_to"), "{id}");
    }
}

/// docs/parameters.md's dated values from the seeds, month by month.
#[test]
fn the_seeds_dated_values_are_dated() {
    let value_in = |city: &str, id: &str, m: &str| {
        let city = CITIES.iter().find(|c| c.id == city).expect("city");
        let table = of_city(city, Some(month(m)));
        let p = table.into_iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(p.values.len(), 1, "{id} {m}: one value");
        let v = p.values.into_iter().next().expect("a value");
        (v.value.to_string(), v.status.expect("a status for a month"), v.citation.into_owned())
    };
    // 晋城 四(四): the employer share from the medical fund in 2021–2022, then the employer.
    let share = "contribution.employer_share_from_medical_fund";
    assert_eq!(value_in("jincheng", share, "2022-06"), ("1".into(), Status::InForce, "晋市政发〔2020〕14号 四(四)".to_owned()));
    assert_eq!(value_in("jincheng", share, "2023-06"), ("0".into(), Status::InForce, "晋市政发〔2020〕14号 四(三)".to_owned()));
    // After the city's last document ends (if it does): expired.
    let city = CITIES.iter().find(|c| c.id == "jincheng").expect("city");
    if let Some(end) = city.documents.last().and_then(|d| d.effective_to) {
        assert_eq!(value_in("jincheng", share, &end.month().next().to_string()).1, Status::Expired);
    }
    // 连云港 七: contributions from 2026-10, benefits from 2026-12-01.
    assert_eq!(value_in("lianyungang", "contribution.individual", "2026-09").1, Status::NotInForce);
    assert_eq!(value_in("lianyungang", "contribution.individual", "2026-10").1, Status::Draft);
    assert_eq!(value_in("lianyungang", "scheme.effective_from", "2026-11").1, Status::NotInForce);
    assert_eq!(value_in("lianyungang", "scheme.effective_from", "2026-12").0, "2026-12-01");
    // 常州 三(二): the 2022 standard, carried forward after.
    assert_eq!(
        value_in("changzhou", "contribution.individual", "2022-06"),
        ("30".into(), Status::InForce, "常政办发〔2021〕71号 三(二)".to_owned())
    );
    assert_eq!(value_in("changzhou", "contribution.individual", "2023-06").1, Status::Expired);
    assert_eq!(value_in("changzhou", "contribution.individual", "2021-06").1, Status::NotInForce);
}

/// A line's citation is its parameter's: the clause that states the figure.
#[test]
fn lines_cite_the_parameters_they_read() {
    let mut q = crate::model::Query::new("jincheng", crate::model::Insurance::Employee, crate::model::Grade::Severe, "home_visit");
    q.month = Month::parse("2024-02");
    let e = crate::estimate::estimate(&q).expect("an estimate");
    let jincheng = CITIES.iter().find(|c| c.id == "jincheng").expect("jincheng");
    let quota = jincheng.params.iter().find(|p| p.id == "home_visit.monthly_quota").expect("the quota");
    assert_eq!(e.lines[0].citation, quota.values[0].citation);
    assert!(e.lines[0].basis.contains(&plain(quota.values[0].value).to_string()));
}
