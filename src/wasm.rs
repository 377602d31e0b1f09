//! The WebAssembly door: the same functions as the command line, plain JS
//! objects in and out. An estimate crosses as two arrays that `src/wire.js`
//! turns into the object (see `crate::wire`); the catalog and contributions as
//! the command line's JSON text. Errors are thrown as JS `Error`s whose
//! `message`, `messageEn`, `code` and `field` match the command line's error JSON.

use crate::json::writer::Texts;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("wasm.d.ts");

/// Estimates one query: `estimate({city, insurance, grade, careMode, …})`.
#[wasm_bindgen(unchecked_return_type = "Estimate")]
pub fn estimate(#[wasm_bindgen(unchecked_param_type = "Query")] query: &JsValue) -> Result<JsValue, JsValue> {
    let text = input(query)?;
    let estimate = crate::estimate_json(&text).map_err(|e| throw(&e))?;
    let wire = crate::wire::estimate(&estimate);
    Ok(estimate_from_wire(&wasm_bindgen::memory(), &wire.words, &wire.text))
}

#[wasm_bindgen(module = "/src/wire.js")]
extern "C" {
    /// The estimate object from `crate::wire`'s arrays (faster than JSON text).
    #[wasm_bindgen(js_name = estimateFromWire)]
    fn estimate_from_wire(memory: &JsValue, words: &[u32], text: &[u16]) -> JsValue;
}

/// Everything a form needs: cities, documents, care modes and their inputs.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    output(&crate::catalog())
}

/// What each payer puts in per year: `contribution({city, year, insurance, …})`.
#[wasm_bindgen(unchecked_return_type = "Contribution")]
pub fn contribution(#[wasm_bindgen(unchecked_param_type = "ContributionQuery")] query: &JsValue) -> Result<JsValue, JsValue> {
    let text = input(query)?;
    crate::contribution_json(&text).map_err(|e| throw(&e)).and_then(|c| output(&c))
}

/// What a call-center agent reads out for one query (话术), in Chinese.
#[wasm_bindgen]
pub fn script(#[wasm_bindgen(unchecked_param_type = "Query")] query: &JsValue) -> Result<String, JsValue> {
    let text = input(query)?;
    crate::estimate_json(&text).map(|e| crate::render::script(&e)).map_err(|e| throw(&e))
}

/// The query as JSON text. `JSON.stringify` writes each number's shortest
/// decimal text, which the parser reads as a decimal: money never becomes a
/// float here, and errors are the command line's.
fn input(query: &JsValue) -> Result<String, JsValue> {
    if let Some(s) = query.as_string() {
        return Ok(s);
    }
    match js_sys::JSON::stringify(query) {
        Ok(s) => Ok(s.as_string().unwrap_or_default()),
        Err(_) => Err(throw(&crate::Error::invalid_json("查询无法转换为JSON", "the query cannot be converted to JSON"))),
    }
}

/// Plain JS objects made from exactly the command line's JSON text (the
/// catalog, contributions). One `JSON.parse` of that text is smaller and faster
/// than building the object field by field across the boundary
/// (serde-wasm-bindgen), and the two doors agree by construction.
fn output<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&crate::json::writer::to_string(value, Texts::Any))
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
