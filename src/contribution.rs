//! Contributions (筹资): what each payer puts in per person per year.
//!
//! ```
//! let c = ltci::contribution_json(r#"{"city":"jincheng","year":2023,"insurance":"employee",
//!     "category":"employed","monthlyBase":6000}"#).unwrap();
//! assert_eq!(c.totals.individual.to_string(), "108.00"); // 0.15% × 6000 × 12
//! assert_eq!(c.totals.total.to_string(), "216.00");
//! ```

use crate::cities;
use crate::error::{Error, ErrorCode};
use crate::model::{Contribution, ContributionPolicy, ContributionQuery, ContributionStatus, ContributionTotals, Note, Payer};
use crate::money::Money;
use crate::month::Date;
use crate::rules::inputs::{AGE, CATEGORY, DISTRICT, MONTHLY_BASE, MONTHLY_PENSION, SUBSIDIZED};
use crate::rules::{self, check_value, At, City, ContributionLines, ContributionRules, Input};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// What each payer puts in for one person in one year.
///
/// # Errors
///
/// `unknown_city`; `not_in_sources` when the sources give no amounts;
/// `insurance_not_covered`; `not_in_force` for a year before the first standard;
/// `missing_field` or `invalid_value` for the city's own inputs.
pub fn contribution(q: &ContributionQuery) -> Result<Contribution, Error> {
    contribution_in(cities::find_or_error(&q.city)?, q)
}

/// The contribution under `city`'s rules (the query's city, or one built for a test).
pub(crate) fn contribution_in(city: &'static City, q: &ContributionQuery) -> Result<Contribution, Error> {
    let Some(rules) = city.contribution else {
        return Err(Error::at(
            ErrorCode::NotInSources,
            "city",
            format!("{}的筹资标准不在本计算器的资料中。", city.name.zh),
            format!("{}'s contribution amounts are not in this calculator's sources.", city.name.en),
        ));
    };
    for (input, value) in [(&MONTHLY_BASE, q.monthly_base), (&MONTHLY_PENSION, q.monthly_pension), (&AGE, q.age.map(Decimal::from))] {
        if let Some(v) = value {
            check_value(input.key, input.unit, v, None)?;
        }
    }
    if !rules.insurance.contains(&q.insurance) {
        return Err(Error::at(ErrorCode::InsuranceNotCovered, "insurance", rules.insurance_not_covered.zh, rules.insurance_not_covered.en));
    }
    let (first, last) = (rules.stated_from(city), rules.stated_to(city));
    if q.year < first {
        let cited = city.value(rules.standard, Date::ymd(first, 1, 1)).document.cite(rules.first_year_clause);
        return Err(Error::at(
            ErrorCode::NotInForce,
            "year",
            format!("{}的长期护理保险筹资自{first}年度起，{}年度尚未开始。（{cited}）", city.name.zh, q.year),
            format!("{}'s LTC contributions start with the {first} contribution year; {} is before that. ({cited})", city.name.en, q.year),
        ));
    }
    // A contribution year is under the values in force on its 1 January.
    let at = At { city, on: Date::ymd(q.year, 1, 1) };
    let mut out = ContributionLines::default();
    (rules.compute)(q, &at, &mut out)?;
    // A year after the stating document's end says so with the date, as an estimate does.
    let stating = at.param(rules.standard).document;
    if stating.effective_to.is_some_and(|to| to < at.on) {
        out.note(crate::estimate::expired(city, stating));
    }
    let status = if q.year > last {
        out.note(Note {
            code: "carried_forward",
            message: Cow::Owned(format!("资料只给出{last}年度的标准，此处沿用。{}", rules.later_years.zh)),
            message_en: Cow::Owned(format!(
                "The sources state the standard up to {last}; it is carried forward here. {}",
                rules.later_years.en
            )),
            citation: at.param(rules.standard).document.cite(rules.later_years_clause),
        });
        ContributionStatus::CarriedForward
    } else {
        ContributionStatus::Stated
    };
    let document = at.param(rules.standard).document;
    if let Some(n) = input_not_used(city, rules, q, document.number) {
        out.note(n);
    }
    let sum = |p: Payer| out.lines.iter().filter(|l| l.payer == p).map(|l| l.amount).sum::<Money>();
    let totals = ContributionTotals {
        individual: sum(Payer::Individual),
        employer: sum(Payer::Employer),
        government: sum(Payer::Government),
        medical_fund: sum(Payer::MedicalFund),
        total: out.lines.iter().map(|l| l.amount).sum(),
    };
    Ok(Contribution {
        city: city.id,
        year: q.year,
        insurance: q.insurance,
        lines: out.lines,
        totals,
        policy: ContributionPolicy { document: document.number, title: document.title, stated_from: first, stated_to: last, status },
        notes: out.notes,
    })
}

/// docs/contribution.md: the inputs given that the city's rules do not read
/// for this person, named in one note: an input the city does not list
/// (`subsidized` for 晋城, `monthlyBase` for 常州), or one whose `when` does not
/// hold (`monthlyPension` for an employed person). A flag given as `false` is
/// the same query as none.
fn input_not_used(city: &City, rules: &ContributionRules, q: &ContributionQuery, citation: &'static str) -> Option<Note> {
    let category = q.category.map(crate::model::Category::id);
    let given: [(&Input, bool); 6] = [
        (&CATEGORY, q.category.is_some()),
        (&MONTHLY_BASE, q.monthly_base.is_some()),
        (&MONTHLY_PENSION, q.monthly_pension.is_some()),
        (&AGE, q.age.is_some()),
        (&SUBSIDIZED, q.subsidized),
        (&DISTRICT, q.district.is_some()),
    ];
    // The query's choice for a key a `when` names.
    let choice = |key: &str| match key {
        "insurance" => Some(q.insurance.id()),
        k if k == CATEGORY.key => category,
        k if k == DISTRICT.key => q.district.as_deref(),
        _ => None,
    };
    let read = |input: &Input| {
        rules.inputs.iter().any(|i| i.key == input.key) && input.when.is_none_or(|w| choice(w.key).is_some_and(|c| w.values.contains(&c)))
    };
    let unused = given.into_iter().filter(|(input, given)| *given && !read(input)).map(|(input, _)| input);
    let opening = || {
        [
            format!("{}的筹资规定对本情况不使用以下输入项，本结果没有考虑它们：", city.name.zh),
            format!("The contribution rules of {} do not use these inputs here, so this result ignores them: ", city.name.en),
        ]
    };
    rules::input_not_used(opening, unused, citation)
}
