//! An estimate as the WebAssembly door hands it to JavaScript: two flat
//! arrays that `src/wire.js` turns into the same object `JSON.parse` would
//! make of the command line's answer.
//!
//! Why not JSON text: in Node, decoding a 1.6 KB UTF-8 answer and parsing it
//! took 7.5 µs of a 16 µs call. Most of an answer is this crate's own static
//! texts (labels, quotes, citations), which sit at fixed addresses in the
//! module's memory for as long as it lives; they go as (address, length) and
//! JavaScript decodes each one once and keeps it. The rest (amounts, formulas,
//! months, the reference) goes as one UTF-16 text, which JavaScript decodes
//! in one call and slices.
//!
//! `words` holds the fields in the order of the JSON answer:
//! - a text is two words: `[address, bytes << 1 | 1]` for a static UTF-8 text,
//!   `[offset, units << 1]` for a span of `text`, `[0, NULL]` for null;
//! - a count or flag is one word; a list is its length, then its items.
//!
//! `tests/wasm/equality.mjs` checks the objects against the command line's
//! JSON on 10,000 generated queries and every fixture.

use crate::model::Estimate;
use crate::money::Money;
use crate::month::{Date, Month};
use std::borrow::Cow;

/// The second word of a null text.
const NULL: u32 = u32::MAX;

pub(crate) struct Wire {
    pub(crate) words: Vec<u32>,
    pub(crate) text: Vec<u16>,
}

/// `n` as a word; lengths and offsets here are far below 2³².
fn word(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NULL)
}

impl Wire {
    /// A text that lives as long as the module: sent by address.
    fn fixed(&mut self, s: &'static str) {
        self.words.extend([word(s.as_ptr().addr()), word(s.len()) << 1 | 1]);
    }

    fn owned(&mut self, s: &str) {
        let start = self.text.len();
        self.text.extend(s.encode_utf16());
        self.words.extend([word(start), word(self.text.len() - start) << 1]);
    }

    fn ascii(&mut self, s: &str) {
        let start = self.text.len();
        self.text.extend(s.bytes().map(u16::from));
        self.words.extend([word(start), word(s.len()) << 1]);
    }

    fn null(&mut self) {
        self.words.extend([0, NULL]);
    }

    // A `Cow`, not a `&str`: whether it borrows a static text decides how it goes.
    #[allow(clippy::ptr_arg)]
    fn cow(&mut self, s: &Cow<'static, str>) {
        match s {
            Cow::Borrowed(s) => self.fixed(s),
            Cow::Owned(s) => self.owned(s),
        }
    }

    fn money(&mut self, m: Option<Money>) {
        match m {
            Some(m) => self.ascii(m.digits(&mut [0; 48])),
            None => self.null(),
        }
    }

    fn month(&mut self, m: Month) {
        self.ascii(m.write(&mut [0; 10]));
    }

    fn date(&mut self, d: Option<Date>) {
        match d {
            Some(d) => self.ascii(d.write(&mut [0; 10])),
            None => self.null(),
        }
    }

    fn count(&mut self, n: usize) {
        self.words.push(word(n));
    }

    /// A reason or a note: code, message, messageEn, citation.
    #[allow(clippy::ptr_arg)] // as for `cow`
    fn remark(&mut self, code: &'static str, message: &Cow<'static, str>, message_en: &Cow<'static, str>, citation: &'static str) {
        self.fixed(code);
        self.cow(message);
        self.cow(message_en);
        self.fixed(citation);
    }
}

/// The estimate's fields, in the order of its JSON (see `src/wire.js`).
pub(crate) fn estimate(e: &Estimate) -> Wire {
    let mut w = Wire { words: Vec::with_capacity(160), text: Vec::with_capacity(512) };
    w.fixed(e.city);
    w.fixed(e.care_mode);
    w.month(e.month);
    w.words.extend([e.care_days, u32::from(e.eligible)]);
    w.count(e.reasons.len());
    for r in &e.reasons {
        w.remark(r.code.id(), &r.message, &r.message_en, r.citation);
    }
    w.count(e.lines.len());
    for l in &e.lines {
        w.fixed(l.id);
        w.fixed(l.kind.id());
        w.fixed(l.label);
        w.fixed(l.label_en);
        w.money(l.cost);
        w.money(Some(l.fund));
        w.money(l.self_pay);
        w.owned(&l.basis);
        w.owned(&l.basis_en);
        w.fixed(l.citation);
    }
    w.money(e.totals.cost);
    w.money(Some(e.totals.fund));
    w.money(e.totals.self_pay);
    w.fixed(e.policy.document);
    w.fixed(e.policy.title);
    w.date(Some(e.policy.effective_from));
    w.date(e.policy.effective_to);
    w.fixed(e.policy.status.id());
    w.count(e.notes.len());
    for n in &e.notes {
        w.remark(n.code, &n.message, &n.message_en, n.citation);
    }
    w.owned(&e.reference);
    w
}
