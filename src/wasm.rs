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
    let estimate = crate::estimate_json(&input(query)?).map_err(|e| throw(&e))?;
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
    let contribution = crate::contribution_json(&input(query)?).map_err(|e| throw(&e))?;
    output(&contribution)
}

/// What a call-center agent reads out for one query (话术), in Chinese.
#[wasm_bindgen]
pub fn script(#[wasm_bindgen(unchecked_param_type = "Query")] query: &JsValue) -> Result<String, JsValue> {
    let estimate = crate::estimate_json(&input(query)?).map_err(|e| throw(&e))?;
    Ok(crate::render::script(&estimate))
}

/// INPUT: the one place where a query enters, as JSON text. `JSON.stringify`
/// writes each number's shortest decimal text, which the parser reads as a
/// decimal: money never becomes a float here, and errors are the command
/// line's. (To become `serde_wasm_bindgen::from_value` once `Query` and
/// `ContributionQuery` derive `Deserialize`.)
fn input(query: &JsValue) -> Result<String, JsValue> {
    if let Some(s) = query.as_string() {
        return Ok(s);
    }
    match js_sys::JSON::stringify(query) {
        Ok(s) => Ok(s.as_string().unwrap_or_default()),
        Err(_) => Err(throw(&crate::Error::invalid_json("查询无法转换为JSON", "the query cannot be converted to JSON"))),
    }
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
