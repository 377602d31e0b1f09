//! Case references: a short checksum of an answer.
//!
//! Staff quote it on a call; a later call that reproduces the same answer
//! gets the same code, so both know they are looking at the same answer. It
//! is computed from the answer only — the document, city, month, care mode,
//! eligibility, the reasons' codes, each line's amounts and the totals — never
//! from the inputs, so it tells nothing the answer does not: anyone can work
//! out which answers give a reference, and from it no more than the answer
//! (DESIGN.md, "Why does the case reference hash the answer?"). Two queries
//! with the same answer share it; nothing is stored.
//!
//! ```
//! let a = ltci::estimate_json(r#"{"city":"jincheng","insurance":"employee","grade":"severe",
//!     "careMode":"home_visit","month":"2024-02"}"#).unwrap();
//! // Another query with the same answer (defaults written out, another disability length).
//! let b = ltci::estimate_json(r#"{"careMode":"home_visit","grade":"severe","month":"2024-02",
//!     "careDays":29,"disabilityMonths":9,"insurance":"employee","city":"jincheng"}"#).unwrap();
//! assert_eq!(a.reference, b.reference);
//! assert_eq!(a.reference.len(), 9); // "XXXX-XXXX"
//! ```

use crate::model::{Estimate, ReasonCode, Totals};
use crate::money::Money;
use serde::Serialize;

/// The version of the rules as encoded here: changes whenever any city's rules,
/// readings or texts that affect an answer change.
pub const RULES_VERSION: &str = "2026-12-07";

/// A 64-bit hash of `bytes`, eight at a time (multiply–xorshift, finished with
/// `MurmurHash3`'s mixer): small, fast, and the same on every platform.
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, w: u64| {
        let h = (h ^ w).wrapping_mul(K);
        h ^ (h >> 29)
    };
    let mut h = K ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    let mut last = [0u8; 8];
    for (slot, b) in last.iter_mut().zip(chunks.remainder()) {
        *slot = *b;
    }
    h = mix(h, u64::from_le_bytes(last));
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// Crockford's base 32: no I, L, O or U to misread over the phone.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// What a reference stands for: the answer, in its canonical JSON.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Answer<'a> {
    document: &'a str,
    city: &'a str,
    month: String,
    care_mode: &'a str,
    eligible: bool,
    reasons: Vec<ReasonCode>,
    lines: Vec<LineAmounts<'a>>,
    totals: Totals,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LineAmounts<'a> {
    id: &'a str,
    cost: Option<Money>,
    fund: Money,
    self_pay: Option<Money>,
}

/// The reference of an answer ("K7M2-9QXA").
pub(crate) fn reference(e: &Estimate) -> String {
    let answer = Answer {
        document: e.policy.document,
        city: e.city,
        month: e.month.to_string(),
        care_mode: e.care_mode,
        eligible: e.eligible,
        reasons: e.reasons.iter().map(|r| r.code).collect(),
        lines: e.lines.iter().map(|l| LineAmounts { id: l.id, cost: l.cost, fund: l.fund, self_pay: l.self_pay }).collect(),
        totals: e.totals,
    };
    let text = crate::model::json_text(&answer);
    let h = hash(text.as_bytes());
    let mut out = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            out.push('-');
        }
        let digit = (h >> (59 - 5 * i)) & 31;
        out.push(char::from(ALPHABET.get(usize::try_from(digit).unwrap_or(0)).copied().unwrap_or(b'0')));
    }
    out
}
