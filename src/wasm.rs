//! The WebAssembly door: the same functions as the command line, plain JS
//! objects in and out. Answers are made by serde-wasm-bindgen from the types'
//! `Serialize` derives: the object `JSON.parse` makes of the command line's
//! JSON (money as strings, `null` where a value is absent). Errors are thrown
//! as JS `Error`s whose `message`, `messageEn`, `code` and `field` match the
//! command line's error JSON.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("wasm.d.ts");

/// Estimates one query: `estimate({city, insurance, grade, careMode, …})`.
#[wasm_bindgen(unchecked_return_type = "Estimate")]
pub fn estimate(#[wasm_bindgen(unchecked_param_type = "Query")] query: &JsValue) -> Result<JsValue, JsValue> {
    let estimate = crate::estimate(&input(query, crate::read_query)?).map_err(|e| throw(&e))?;
    output(&estimate)
}

/// Everything a form needs: cities, documents, care modes and their inputs.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    output(&crate::catalog())
}

/// What each payer puts in per year: `contribution({city, year, insurance, …})`.
#[wasm_bindgen(unchecked_return_type = "Contribution")]
pub fn contribution(#[wasm_bindgen(unchecked_param_type = "ContributionQuery")] query: &JsValue) -> Result<JsValue, JsValue> {
    let contribution = crate::contribution(&input(query, crate::read_contribution)?).map_err(|e| throw(&e))?;
    output(&contribution)
}

/// Every figure the rules read, with its dated values and sources:
/// `parameters()`, `parameters({city})`, `parameters({city, month})`.
#[wasm_bindgen(unchecked_return_type = "Parameter[]")]
pub fn parameters(#[wasm_bindgen(unchecked_optional_param_type = "ParametersQuery")] query: Option<JsValue>) -> Result<JsValue, JsValue> {
    // `undefined` and `null` are no query: every city, every value.
    let q = match query {
        None => crate::ParametersQuery::default(),
        Some(q) => input(&q, crate::read_parameters)?,
    };
    output(&crate::parameters_for(&q).map_err(|e| throw(&e))?)
}

/// The months ahead: `plan({...query, months: 12})`, each month an estimate, with the changes and what would change.
#[wasm_bindgen(unchecked_return_type = "Plan")]
pub fn plan(#[wasm_bindgen(unchecked_param_type = "PlanQuery")] query: &JsValue) -> Result<JsValue, JsValue> {
    let plan = crate::plan(&input(query, crate::read_plan)?).map_err(|e| throw(&e))?;
    output(&plan)
}

/// What a call-center agent reads out for one query (话术), in Chinese.
#[wasm_bindgen]
pub fn script(#[wasm_bindgen(unchecked_param_type = "Query")] query: &JsValue) -> Result<String, JsValue> {
    let estimate = crate::estimate(&input(query, crate::read_query)?).map_err(|e| throw(&e))?;
    Ok(crate::render::script(&estimate))
}

/// A query object read by serde-wasm-bindgen into plain values
/// (`src/value.rs`), then by the same reader as the command line's JSON
/// (`src/read.rs`): a JS number arrives as an `f64`, read from its shortest
/// decimal text, so money never becomes a float, and `NaN` or `Infinity` are
/// invalid values, not "absent".
fn input<T>(query: &JsValue, read: fn(serde_wasm_bindgen::Deserializer) -> Result<T, crate::Error>) -> Result<T, JsValue> {
    let plain = plain_copy(query).map_err(|e| throw(&e))?;
    read(serde_wasm_bindgen::Deserializer::from(plain)).map_err(|e| throw(&e))
}

/// The query as a plain object of plain values, read once with calls that
/// cannot throw past this function: a getter or Proxy trap that throws, a
/// cycle, or a query larger than [`crate::error::MAX_QUERY_BYTES`] (its keys and
/// texts counted as in its JSON) is a coded error, never a trap. A query is
/// one object deep, two with `contributionYears`; anything deeper is kept
/// only as "a list" (which no field accepts), so a cycle is never followed.
fn plain_copy(value: &JsValue) -> Result<JsValue, crate::Error> {
    let mut budget = crate::error::MAX_QUERY_BYTES;
    copy(value, 0, &mut budget)
}

/// Counts `n` bytes of the query against what is left of its size limit.
fn spend(budget: &mut usize, n: usize) -> Result<(), crate::Error> {
    *budget = budget.checked_sub(n).ok_or_else(crate::Error::too_large)?;
    Ok(())
}

/// Counts a JS string against the limit: first its length in UTF-16 units,
/// read on the JS side of the door (its UTF-8 is never shorter), so that a
/// string longer than what is left is refused before it is copied into the
/// module's memory; then its UTF-8 bytes, as in the query's JSON.
fn spend_text(budget: &mut usize, text: &js_sys::JsString) -> Result<(), crate::Error> {
    let units = usize::try_from(text.length()).unwrap_or(usize::MAX);
    if units.saturating_add(2) > *budget {
        return Err(crate::Error::too_large());
    }
    let utf8 = String::from(text).len();
    spend(budget, utf8 + 2)
}

fn copy(value: &JsValue, depth: u32, budget: &mut usize) -> Result<JsValue, crate::Error> {
    let unreadable = |_| crate::Error::invalid_json("查询对象无法读取", "the query object cannot be read");
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        spend_text(budget, text)?;
        return Ok(value.clone());
    }
    let object = value.is_object() && !js_sys::Array::is_array(value);
    if depth == 0 && !object {
        return Err(crate::Error::invalid_json("输入须为JSON对象（{…}）", "input must be a JSON object ({…})"));
    }
    if value.is_function() || value.is_symbol() || value.is_bigint() {
        // No JSON value: kept as "a list", which no field takes, so the field's error names it.
        spend(budget, 2)?;
        return Ok(js_sys::Array::new().into());
    }
    if !value.is_object() {
        spend(budget, 8)?;
        return Ok(value.clone());
    }
    if depth > 1 || !object {
        spend(budget, 2)?;
        return Ok(js_sys::Array::new().into());
    }
    let out = js_sys::Object::new();
    for key in js_sys::Reflect::own_keys(value).map_err(unreadable)?.iter() {
        // Symbol keys are not keys of a query (nor of its JSON).
        let Some(name) = key.dyn_ref::<js_sys::JsString>() else { continue };
        spend_text(budget, name)?;
        spend(budget, 2)?;
        let v = js_sys::Reflect::get(value, &key).map_err(unreadable)?;
        js_sys::Reflect::set(&out, &key, &copy(&v, depth + 1, budget)?).map_err(unreadable)?;
    }
    Ok(out.into())
}

/// Plain objects (not `Map`s), `null` (not `undefined`) for `None`: so that
/// `JSON.stringify` of an answer is the command line's line, byte for byte.
const OUTPUT: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);

/// An answer as a JS object. Fails only on shapes these types never have
/// (64-bit numbers beyond 2⁵³): thrown, not a trap.
fn output<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&OUTPUT).map_err(JsValue::from)
}

fn throw(e: &crate::Error) -> JsValue {
    let err = js_sys::Error::new(e.message());
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&err, &JsValue::from_str(k), &v);
    let _ = set("code", JsValue::from_str(e.code().as_str()));
    let _ = set("field", e.field().map_or(JsValue::NULL, JsValue::from_str));
    let _ = set("messageEn", JsValue::from_str(e.message_en()));
    err.into()
}

/// talc instead of std's dlmalloc: about 5 KB less code, same reuse of freed memory.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
