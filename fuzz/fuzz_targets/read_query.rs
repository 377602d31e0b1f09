//! The query through a non-text deserializer (a `serde_json::Value`, as the
//! WebAssembly door reads a JS object through serde-wasm-bindgen) against the
//! text door: the same answer, or both an error; never a panic. What only a
//! text can have (a key given twice, more than 64 KB) is the text door's alone.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

/// Whether a JSON object gives one of its top-level keys twice.
struct Repeats(bool);

impl<'de> Deserialize<'de> for Repeats {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Repeats, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = Repeats;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Repeats, A::Error> {
                let mut seen = std::collections::HashSet::new();
                let mut twice = false;
                while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    twice |= !seen.insert(key);
                }
                Ok(Repeats(twice))
            }
        }
        d.deserialize_map(Keys)
    }
}

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
            let repeats = serde_json::from_str::<Repeats>(text).is_ok_and(|r| r.0);
            assert!(size || repeats, "one door answers, the other refuses, for {text}: {by_value:?} / {by_text:?}");
        }
    }
});
