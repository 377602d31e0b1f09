//! # ltci — 长期护理保险待遇计算器
//!
//! What China's long-term care insurance (长期护理保险, 长护险) pays a person each
//! month, city by city, with every amount traced to the clause it comes from.
//!
//! ```
//! let estimate = ltci::estimate_json(
//!     r#"{"city":"jincheng","insurance":"employee","grade":"severe",
//!         "careMode":"home_visit","month":"2024-02"}"#,
//! ).unwrap();
//! assert!(estimate.eligible);
//! let line = &estimate.lines[0];
//! assert_eq!(line.basis, "月定额1500元 × 基金支付70% = 1050.00元");
//! assert_eq!(line.citation, "晋市政发〔2020〕14号 四(七)2");
//! assert_eq!(estimate.totals.fund.to_string(), "1050.00");
//! assert_eq!(estimate.totals.self_pay.unwrap().to_string(), "450.00");
//! ```
//!
//! ## Overview
//!
//! - [`estimate`] takes a [`Query`] (city, insurance type, disability grade, care
//!   mode, month, care days and the mode's own inputs) and returns an
//!   [`Estimate`]: its [`Line`]s with cost, fund and self-pay, the [`Reason`]s a
//!   person is not eligible (all of them), [`Note`]s on readings and unchecked
//!   conditions, and the [`Policy`] document with its status.
//! - [`catalog`] describes every city, document, care mode and input, for forms.
//! - [`contribution`] says what each payer puts in per year (筹资).
//! - [`parameters`] lists every figure the rules read, with its dated values,
//!   each with its document, clause and the words of the source (`quote`).
//! - [`plan`] takes a [`PlanQuery`] (a query and a number of months) and returns
//!   a [`Plan`]: each month's estimate in short, the totals, the months where the
//!   answer [`Change`]s and why, and [`WhatWouldChange`] for a person not yet eligible.
//! - [`Error`] is the one error type: bad input, naming the field, in Chinese
//!   and English. Nothing here panics on input.
//!
//! Each city is one module under `src/cities/`, opening with the documents it
//! implements; every figure there is a parameter with dated values, under the
//! clause it quotes, and the formulas read the value in force for the month.
//!
//! ## Money
//!
//! [`Money`] is `rust_decimal` throughout: JSON numbers are read from their text,
//! each line is rounded once, half away from zero, to 0.01 yuan, and totals are
//! sums of rounded lines, so `fund + selfPay = cost` exactly.
//!
//! ## Doors
//!
//! The same functions serve the `ltci` command line, the WebAssembly package and
//! the tests; the JSON they print is identical for the same query.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]
#![warn(clippy::pedantic)]
// Pedantic lints this crate allows, and why:
// - must_use_candidate: every public function is a pure computation whose only use is its result.
// - many_single_char_names: formula texts bind their numbers to the letters the basis shows (c, r, k, …).
// - struct_excessive_bools: `Query` mirrors the contract's yes/no questions one to one.
#![allow(clippy::must_use_candidate, clippy::many_single_char_names, clippy::struct_excessive_bools)]

mod catalog;
mod cities;
mod contribution;
mod error;
mod estimate;
mod json;
mod model;
mod money;
mod month;
mod parameters;
mod plan;
mod read;
mod reference;
pub mod render;
mod rules;
mod value;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use catalog::{catalog, catalog_at, query_typescript, Catalog, CityInfo, DocumentInfo, InputInfo, ModeInfo};
pub use contribution::contribution;
pub use error::{Error, ErrorCode, MAX_QUERY_BYTES};
pub use estimate::estimate;

pub use model::{
    Assumption, AssumptionRule, Change, ChangeCode, Plan, PlanMonth, PlanQuery, WhatWouldChange, DEFAULT_PLAN_MONTHS, MAX_PLAN_MONTHS,
};
pub use model::{
    Category, Contribution, ContributionLine, ContributionPolicy, ContributionQuery, ContributionStatus, ContributionTotals,
    ContributionYears, Estimate, Figure, Grade, Inputs, Insurance, Line, LineKind, Note, ParamUnit, Parameter, ParameterValue,
    ParametersQuery, Payer, Policy, Query, Reason, ReasonCode, Status, Text, Totals,
};
pub use money::Money;
pub use month::{Date, Month};
pub use parameters::parameters;
pub use plan::{plan, LOOKAHEAD};
pub use reference::RULES_VERSION;
pub use value::Value;

/// Reads a Query from JSON text.
///
/// # Errors
///
/// `invalid_json`, `missing_field` or `invalid_value`, naming the key. The
/// inputs are read by [`estimate`], which knows the care mode's (`unknown_field`).
pub fn parse_query(text: &str) -> Result<Query, Error> {
    read::query(&json::value(text)?)
}

/// Reads a Query from any serde deserializer: a `serde_json::Value`, or a
/// JavaScript object through `serde-wasm-bindgen` (the WebAssembly door).
/// Errors name the field, as [`parse_query`]'s do.
///
/// ```
/// let v = serde_json::json!({"city":"jincheng","insurance":"employee","grade":"severe",
///     "careMode":"home_visit","month":"2024-03","careDays":10});
/// let q = ltci::read_query(v).unwrap();
/// assert_eq!(ltci::estimate(&q).unwrap().totals.fund.to_string(), "350.00");
/// ```
///
/// # Errors
///
/// As [`parse_query`].
pub fn read_query<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Query, Error> {
    read::query(&plain(de)?)
}

/// The plain values of any deserializer's input.
fn plain<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Value, Error> {
    <Value as serde::Deserialize>::deserialize(de).map_err(|_| Error::invalid_json("查询无法读取", "the query cannot be read"))
}

/// Reads a contribution query from any serde deserializer, as [`read_query`].
///
/// # Errors
///
/// As [`parse_contribution`].
pub fn read_contribution<'de, D: serde::Deserializer<'de>>(de: D) -> Result<ContributionQuery, Error> {
    read::contribution_query(&plain(de)?)
}

/// Reads a plan query (a Query and `months`) from JSON text.
///
/// # Errors
///
/// As [`parse_query`]; a bad `months` is `invalid_value` naming it.
pub fn parse_plan(text: &str) -> Result<PlanQuery, Error> {
    read::plan_query(&json::value(text)?)
}

/// Reads a plan query from any serde deserializer, as [`read_query`].
///
/// # Errors
///
/// As [`parse_plan`].
pub fn read_plan<'de, D: serde::Deserializer<'de>>(de: D) -> Result<PlanQuery, Error> {
    read::plan_query(&plain(de)?)
}

/// Reads a plan query from JSON and plans it.
///
/// # Errors
///
/// Any error of [`parse_plan`] or [`plan`].
pub fn plan_json(text: &str) -> Result<Plan, Error> {
    plan(&parse_plan(text)?)
}

/// Reads a Query from JSON and estimates it: the command line's entry point.
///
/// # Errors
///
/// Any error of [`parse_query`] or [`estimate`].
pub fn estimate_json(text: &str) -> Result<Estimate, Error> {
    estimate(&parse_query(text)?)
}

/// Reads a contribution query from JSON text.
///
/// # Errors
///
/// `invalid_json`, `unknown_field`, `missing_field` or `invalid_value`, naming the key.
pub fn parse_contribution(text: &str) -> Result<ContributionQuery, Error> {
    read::contribution_query(&json::value(text)?)
}

/// Reads a contribution query from JSON and computes it.
///
/// # Errors
///
/// Any error of [`parse_contribution`] or [`contribution`].
pub fn contribution_json(text: &str) -> Result<Contribution, Error> {
    contribution(&parse_contribution(text)?)
}

/// Reads a parameters query (`{"city": …, "month": …}`, both optional) from JSON text.
///
/// # Errors
///
/// `invalid_json`, `unknown_field` or `invalid_value` (a month not `YYYY-MM`), naming the key.
pub fn parse_parameters(text: &str) -> Result<ParametersQuery, Error> {
    read::parameters_query(&json::value(text)?)
}

/// Reads a parameters query from any serde deserializer, as [`read_query`].
///
/// # Errors
///
/// As [`parse_parameters`].
pub fn read_parameters<'de, D: serde::Deserializer<'de>>(de: D) -> Result<ParametersQuery, Error> {
    read::parameters_query(&plain(de)?)
}

/// The parameters a query asks for: [`parameters`] with its city and month.
///
/// # Errors
///
/// `unknown_city`.
pub fn parameters_for(q: &ParametersQuery) -> Result<Vec<Parameter>, Error> {
    parameters(q.city.as_deref(), q.month)
}

/// Parameters as compact JSON (an array), exactly as every door prints them.
pub fn parameters_to_json(params: &[Parameter]) -> String {
    json::to_string(&params)
}

impl Estimate {
    /// The estimate as compact JSON, exactly as every door prints it.
    pub fn to_json(&self) -> String {
        json::to_string(self)
    }

    /// Appends the JSON of [`Estimate::to_json`] (UTF-8) to `out`, to reuse one buffer.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::write(self, out);
    }
}

impl Contribution {
    /// The contribution as compact JSON, exactly as every door prints it.
    pub fn to_json(&self) -> String {
        json::to_string(self)
    }

    /// Appends the JSON of [`Contribution::to_json`] (UTF-8) to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::write(self, out);
    }
}

impl Plan {
    /// The plan as compact JSON, exactly as every door prints it.
    pub fn to_json(&self) -> String {
        json::to_string(self)
    }

    /// Appends the JSON of [`Plan::to_json`] (UTF-8) to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::write(self, out);
    }
}

impl Catalog {
    /// The catalog as compact JSON.
    pub fn to_json(&self) -> String {
        json::to_string(self)
    }
}
