//! JSON in and out, for the command line and the Rust API: `serde_json`
//! reads the text into plain values (`src/value.rs`), which the one reader
//! (`src/read.rs`) makes into a query; answers are written from the model
//! types' `Serialize` derives, `serde_json`'s JSON (by sonic-rs natively).

use crate::error::Error;
use crate::value::Value;
use serde::Serialize;

/// Reads JSON text into plain values. Over [`crate::MAX_QUERY_BYTES`], empty,
/// or not JSON is `invalid_json` (where, by line and column); a leading
/// byte-order mark is skipped.
///
/// # Errors
///
/// `invalid_json` or, over the size limit, `invalid_value`.
pub(crate) fn value(text: &str) -> Result<Value, Error> {
    if text.len() > crate::error::MAX_QUERY_BYTES {
        return Err(Error::too_large());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_ascii_start().is_empty() {
        return Err(Error::invalid_json("输入为空：需要一个JSON对象", "empty input: expected a JSON object"));
    }
    // Reading a Value fails only on the text itself (syntax, end of input, depth).
    serde_json::from_str(text).map_err(|e| Error::syntax(e.line(), e.column()))
}

/// Compact JSON, exactly as every door prints it (`model::json_text`).
pub(crate) fn to_string<T: Serialize>(value: &T) -> String {
    crate::model::json_text(value)
}

/// Appends the JSON of `value` to `out`.
pub(crate) fn write<T: Serialize>(value: &T, out: &mut Vec<u8>) {
    // Writing into a Vec cannot fail, and the model's types cannot (above).
    #[cfg(not(target_arch = "wasm32"))]
    let _ = sonic_rs::to_writer(out, value);
    #[cfg(target_arch = "wasm32")]
    let _ = serde_json::to_writer(out, value);
}
