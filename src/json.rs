//! JSON in and out, for the command line and the Rust API: `serde_json` on the
//! model types' own serde declarations, and serde's errors turned into this
//! crate's [`Error`], which names the field in Chinese and English.

use crate::error::Error;
use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde::Serialize;

/// Reads one value (a query) from JSON text. Empty input and anything but an
/// object are `invalid_json`; a leading byte-order mark is skipped.
///
/// # Errors
///
/// `invalid_json`, `unknown_field`, `missing_field` or `invalid_value`, naming the key.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    if text.len() > crate::error::MAX_QUERY_BYTES {
        return Err(Error::too_large());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = text.trim_ascii_start();
    if body.is_empty() {
        return Err(Error::invalid_json("输入为空：需要一个JSON对象", "empty input: expected a JSON object"));
    }
    if !body.starts_with('{') {
        // A syntax error anywhere is reported as such; valid JSON that is not an object as that.
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Err(e) => syntax(&e),
            Ok(_) => Error::invalid_json("输入须为JSON对象（{…}）", "input must be a JSON object ({…})"),
        });
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = read(&mut de, json_syntax).and_then(|v| de.end().map(|()| v).map_err(|e| syntax(&e)));
    // A value's error is read as it comes; a syntax error later in the text
    // still comes first, so that a cut-off line says so.
    value.map_err(|e| match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Err(bad) if e.code() != crate::ErrorCode::InvalidJson => syntax(&bad),
        _ => e,
    })
}

/// Reads one value from any serde deserializer (`serde_json`'s, or
/// `serde-wasm-bindgen`'s in WebAssembly); each field's reader names its
/// field in its errors (`src/input.rs`);
/// `syntax` tells where a syntax error lies in the text, if the error is one.
pub(crate) fn read<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    de: D,
    syntax: impl Fn(&D::Error) -> Option<(usize, usize)>,
) -> Result<T, Error> {
    T::deserialize(de).map_err(|e| Error::from_serde(&e.to_string(), syntax(&e)))
}

fn json_syntax(e: &serde_json::Error) -> Option<(usize, usize)> {
    use serde_json::error::Category;
    matches!(e.classify(), Category::Syntax | Category::Eof).then(|| (e.line(), e.column()))
}

fn syntax(e: &serde_json::Error) -> Error {
    Error::from_serde(&e.to_string(), Some((e.line(), e.column())))
}

/// Compact JSON, exactly as every door prints it: `serde_json`'s JSON, written
/// natively by sonic-rs (see Cargo.toml). The WebAssembly package hands out
/// objects, not text; there (for tests) `serde_json` writes it.
pub(crate) fn to_string<T: Serialize>(value: &T) -> String {
    // The model's types serialize to strings, numbers, booleans, lists and
    // objects only: serializing them cannot fail.
    #[cfg(not(target_arch = "wasm32"))]
    return sonic_rs::to_string(value).unwrap_or_default();
    #[cfg(target_arch = "wasm32")]
    return serde_json::to_string(value).unwrap_or_default();
}

/// Appends the JSON of `value` to `out`.
pub(crate) fn write<T: Serialize>(value: &T, out: &mut Vec<u8>) {
    // Writing into a Vec cannot fail, and the model's types cannot (above).
    #[cfg(not(target_arch = "wasm32"))]
    let _ = sonic_rs::to_writer(out, value);
    #[cfg(target_arch = "wasm32")]
    let _ = serde_json::to_writer(out, value);
}
