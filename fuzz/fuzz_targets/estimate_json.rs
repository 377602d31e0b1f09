//! Any bytes through the command line's path: UTF-8 check, `estimate_json`,
//! the three output formats. Never a panic; answers are valid JSON whose
//! totals add up (`fund + selfPay = cost`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        let _ = ltci::Error::not_utf8().to_json();
        return;
    };
    match ltci::estimate_json(text) {
        Ok(e) => {
            let json = e.to_json();
            assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "estimate JSON does not parse: {json}");
            if let (Some(cost), Some(self_pay)) = (e.totals.cost, e.totals.self_pay) {
                assert_eq!(e.totals.fund + self_pay, cost, "fund + selfPay != cost for {text}");
            }
            if !e.eligible {
                assert!(!e.reasons.is_empty(), "ineligible without a reason for {text}");
            }
            let _ = ltci::render::text(&e);
            let _ = ltci::render::script(&e);
        }
        Err(err) => {
            let json = err.to_json();
            assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "error JSON does not parse: {json}");
        }
    }
});
