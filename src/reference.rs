//! Case references: a short code for "these inputs under these rules".
//!
//! Staff quote it on a call; a later call that gives the same inputs under the
//! same rules version gets the same code, so both know they are looking at
//! the same answer. It is a hash, not an identifier: nothing is stored.
//!
//! ```
//! let a = ltci::estimate_json(r#"{"city":"jincheng","insurance":"employee","grade":"severe",
//!     "careMode":"home_visit","month":"2024-02"}"#).unwrap();
//! // The same inputs, in another order and with the defaults written out,
//! // give the same reference.
//! let b = ltci::estimate_json(r#"{"careMode":"home_visit","grade":"severe","month":"2024-02",
//!     "careDays":29,"disabilityMonths":6,"insurance":"employee","city":"jincheng"}"#).unwrap();
//! assert_eq!(a.reference, b.reference);
//! assert_eq!(a.reference.len(), 9); // "XXXX-XXXX"
//! ```

use crate::money::plain;
use crate::rules::{Ctx, DEFAULT_DISABILITY_MONTHS};

/// The version of the rules as encoded here: changes whenever any city's rules,
/// readings or texts that affect an answer change.
pub const RULES_VERSION: &str = "2026-12-02";

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

/// The reference of a validated query: every value the rules read, defaults
/// applied, so writing a default out does not change it.
pub(crate) fn reference(ctx: &Ctx<'_>) -> String {
    let q = ctx.query;
    let mut text = String::with_capacity(160);
    // Each value as text, then a bar (a tenth of an estimate's work was
    // `core::fmt` here: texts and whole numbers are pushed directly).
    let item = |text: &mut String, value: &str| {
        text.push_str(value);
        text.push('|');
    };
    let mut n = itoa::Buffer::new();
    item(&mut text, RULES_VERSION);
    item(&mut text, &q.city);
    item(&mut text, q.insurance.id());
    item(&mut text, q.grade.id());
    item(&mut text, &q.care_mode);
    item(&mut text, &ctx.month.to_string());
    item(&mut text, n.format(ctx.care_days));
    item(&mut text, n.format(q.disability_months.unwrap_or(DEFAULT_DISABILITY_MONTHS)));
    for flag in [q.work_injury_care_allowance, q.benefits_locked, q.interrupted_contribution, q.insured_before_ltci] {
        item(&mut text, if flag { "1" } else { "0" });
    }
    if let Some(m) = q.assessed_month {
        text.push_str("assessed=");
        item(&mut text, &m.to_string());
    }
    if let Some(m) = q.months_since_resumed {
        text.push_str("resumed=");
        item(&mut text, n.format(m));
    }
    if let Some(y) = q.contribution_years {
        text.push_str("years=");
        item(&mut text, n.format(y.continuous));
        item(&mut text, n.format(y.cumulative));
    }
    if let Some(s) = q.disability_subsidy {
        text.push_str("subsidy=");
        item(&mut text, &plain(s).to_string());
    }
    // The mode's inputs in the catalog's order, each as the rules read it.
    for input in ctx.mode.inputs {
        if let Some(v) = ctx.optional(input.key) {
            text.push_str(input.key);
            text.push('=');
            item(&mut text, &plain(v).to_string());
        }
    }
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
