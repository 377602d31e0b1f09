//! Any text through `contribution_json` and the contribution table.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match ltci::contribution_json(text) {
        Ok(c) => {
            let json = serde_json::to_string(&c).unwrap_or_default();
            assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "contribution JSON does not parse: {json}");
            let _ = ltci::render::contribution_text(&c);
        }
        Err(err) => {
            let _ = err.to_json();
        }
    }
});
