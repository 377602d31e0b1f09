//! The query reader alone, then `estimate` on whatever it accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(q) = ltci::parse_query(text) {
        if let Ok(e) = ltci::estimate(&q) {
            let _ = e.to_json();
        }
    }
});
