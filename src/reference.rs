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
use std::fmt::Write;

/// The version of the rules as encoded here: changes whenever any city's rules,
/// readings or texts that affect an answer change.
pub const RULES_VERSION: &str = "2026-11-24";

/// FNV-1a, 64 bits: tiny, stable across platforms and versions.
struct Fnv(u64);

impl Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for b in s.bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(())
    }
}

/// Crockford's base 32: no I, L, O or U to misread over the phone.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The reference of a validated query: every value the rules read, defaults
/// applied, so writing a default out does not change it.
pub(crate) fn reference(ctx: &Ctx<'_>) -> String {
    let (q, month, care_days) = (ctx.query, ctx.month, ctx.care_days);
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    let flag = |b: bool| u8::from(b);
    let _ = write!(
        h,
        "{RULES_VERSION}|{}|{}|{}|{}|{month}|{care_days}|{}|{}|{}|{}|{}|",
        q.city,
        q.insurance.id(),
        q.grade.id(),
        q.care_mode,
        q.disability_months.unwrap_or(DEFAULT_DISABILITY_MONTHS),
        flag(q.work_injury_care_allowance),
        flag(q.benefits_locked),
        flag(q.interrupted_contribution),
        flag(q.insured_before_ltci),
    );
    if let Some(m) = q.assessed_month {
        let _ = write!(h, "assessed={m}|");
    }
    if let Some(m) = q.months_since_resumed {
        let _ = write!(h, "resumed={m}|");
    }
    if let Some(y) = q.contribution_years {
        let _ = write!(h, "years={}/{}|", y.continuous, y.cumulative);
    }
    if let Some(s) = q.disability_subsidy {
        let _ = write!(h, "subsidy={}|", plain(s));
    }
    // The mode's inputs in the catalog's order, each as the rules read it.
    for input in ctx.mode.inputs {
        if let Some(v) = ctx.optional(input.key) {
            let _ = write!(h, "{}={}|", input.key, plain(v));
        }
    }
    let mut out = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            out.push('-');
        }
        let digit = (h.0 >> (59 - 5 * i)) & 31;
        out.push(char::from(ALPHABET.get(usize::try_from(digit).unwrap_or(0)).copied().unwrap_or(b'0')));
    }
    out
}
