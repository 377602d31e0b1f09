//! The query through a non-text deserializer (a `serde_json::Value`, as the
//! WebAssembly door reads a JS object through serde-wasm-bindgen) against the
//! text door: the same answer, or both an error; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return };
    let by_value = ltci::read_query(value).and_then(|q| ltci::estimate(&q));
    let by_text = ltci::estimate_json(text);
    match (&by_value, &by_text) {
        (Ok(a), Ok(b)) => assert_eq!(a.to_json(), b.to_json(), "the doors differ for {text}"),
        // Both refuse; which error comes first may differ, as a Value keeps its
        // keys sorted and the text in the order written.
        (Err(_), Err(_)) => {}
        _ => {
            let size = text.len() > ltci::MAX_QUERY_BYTES;
            let duplicate = by_text.as_ref().err().is_some_and(|e| e.code() == ltci::ErrorCode::InvalidJson);
            assert!(size || duplicate, "one door answers, the other refuses, for {text}: {by_value:?} / {by_text:?}");
        }
    }
});
