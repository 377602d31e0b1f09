//! Writing answers as JSON: a `serde::Serializer` for the shapes the types
//! derive, producing exactly `serde_json`'s compact output.
//!
//! Why not `serde_json`'s own: a typical answer is 1.8 KB of mostly Chinese
//! text, and escaping it byte by byte was the largest single cost of the
//! command line. This writer checks a whole text at once (which the compiler
//! vectorizes) and copies clean text in one piece, or skips the check for
//! values made only of this crate's own texts ([`Texts::Own`]); amounts and months are
//! formatted without `core::fmt`. The tests compare its
//! output with `serde_json`'s on every fixture and on generated answers.

use serde::ser::{self, Serialize};
use std::fmt;

/// Where the texts of a value come from, which decides whether they are scanned
/// for characters to escape.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Texts {
    /// Any text, user input included: every string is scanned and escaped.
    Any,
    /// Only this crate's own texts (the city modules' quotes, formatted amounts,
    /// months and codes), none of which contains `"`, `\` or a control
    /// character: they are copied without the scan, the largest cost of writing
    /// an estimate. Debug builds (tests, fuzzing) still check every one, and the
    /// tests compare the output with `serde_json`'s on every fixture and sweep.
    Own,
}

/// `value` as compact JSON.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T, texts: Texts) -> String {
    let mut out = String::with_capacity(2048);
    write(value, &mut out, texts);
    out
}

/// Appends `value` as compact JSON to `out`.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T, out: &mut String, texts: Texts) {
    let start = out.len();
    if value.serialize(&mut Writer { out, texts }).is_err() {
        // Unreachable for this crate's types (no floats, bytes or non-string
        // keys); an empty answer is still better than a panic.
        out.truncate(start);
    }
}

pub(crate) struct Writer<'a> {
    out: &'a mut String,
    texts: Texts,
}

impl Writer<'_> {
    fn string(&mut self, s: &str) {
        if self.texts == Texts::Own {
            debug_assert!(!needs_escape(s.as_bytes()), "own text needs escaping: {s:?}");
            quoted(self.out, s);
        } else {
            escape(self.out, s);
        }
    }
}

/// The only error: a shape this writer does not produce.
#[derive(Debug)]
pub(crate) struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value JSON answers do not contain")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

/// Does any byte need escaping? Written without an early exit so that the
/// compiler checks many bytes per instruction: most texts are clean.
fn needs_escape(bytes: &[u8]) -> bool {
    bytes.iter().fold(0u8, |acc, &b| acc | u8::from(b < 0x20 || b == b'"' || b == b'\\')) != 0
}

/// `s`, which needs no escaping, between quotes.
fn quoted(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    out.push_str(s);
    out.push('"');
}

/// `s` as a JSON string, escaped as `serde_json` does.
pub(crate) fn escape(out: &mut String, s: &str) {
    if !needs_escape(s.as_bytes()) {
        quoted(out, s);
        return;
    }
    out.reserve(s.len() + 2);
    out.push('"');
    let mut clean_from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // The bytes that need escaping are ASCII, so these are character boundaries.
        out.push_str(s.get(clean_from..i).unwrap_or(""));
        if escaped.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
            out.push(char::from(HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0')));
        } else {
            out.push_str(escaped);
        }
        clean_from = i + 1;
    }
    out.push_str(s.get(clean_from..).unwrap_or(""));
    out.push('"');
}

/// Decimal digits of `n` without `core::fmt`.
pub(crate) fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            // n % 10 < 10 always fits a digit.
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    for &d in buf.get(i..).unwrap_or(&[]) {
        out.push(char::from(d));
    }
}

impl<'a> ser::Serializer for &'a mut Writer<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        if v < 0 {
            self.out.push('-');
        }
        push_u64(self.out, v.unsigned_abs());
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        push_u64(self.out, v);
        Ok(())
    }

    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        Err(Unsupported)
    }

    fn serialize_f64(self, _: f64) -> Result<(), Unsupported> {
        Err(Unsupported)
    }

    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        escape(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported)
    }

    fn serialize_none(self) -> Result<(), Unsupported> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_none()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Unsupported> {
        self.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<(), Unsupported> {
        Err(Unsupported)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push('[');
        Ok(Compound { out: self.out, texts: self.texts, first: true, close: ']' })
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Unsupported> {
        self.out.push('{');
        Ok(Compound { out: self.out, texts: self.texts, first: true, close: '}' })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        // Only for texts known to need no escaping would this be safe to write
        // raw; format first, then escape like any string.
        let text = value.to_string();
        escape(self.out, &text);
        Ok(())
    }
}

/// An array or object being written.
pub(crate) struct Compound<'a> {
    out: &'a mut String,
    texts: Texts,
    first: bool,
    close: char,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.comma();
        value.serialize(&mut Writer { out: self.out, texts: self.texts })
    }

    fn end(self) -> Result<(), Unsupported> {
        self.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unsupported> {
        // Keys are this crate's own camelCase names: nothing to escape.
        // Single bytes as chars: `push_str` of one or two bytes is a call to memcpy.
        self.comma();
        self.out.push('"');
        self.out.push_str(key);
        self.out.push('"');
        self.out.push(':');
        value.serialize(&mut Writer { out: self.out, texts: self.texts })
    }

    fn end(self) -> Result<(), Unsupported> {
        self.out.push(self.close);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_serde_json_does() {
        let samples = [
            "",
            "plain ASCII text longer than eight bytes",
            "长期护理保险基金按中度失能12元/日",
            "quote \" backslash \\ slash / tab \t newline \n cr \r",
            "\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "晋市政发〔2020〕14号 四(七)2 \"引号\" 在中间",
            "😀 emoji and \u{2028} separators",
        ];
        for s in samples {
            let mut ours = String::new();
            escape(&mut ours, s);
            assert_eq!(ours, serde_json::to_string(s).unwrap_or_default(), "{s:?}");
        }
    }

    #[test]
    fn every_byte_position_of_a_special_character_is_found() {
        for special in ['"', '\\', '\n', '\u{1}'] {
            for at in 0..20 {
                let s: String = (0..20).map(|i| if i == at { special } else { 'a' }).collect();
                let mut ours = String::new();
                escape(&mut ours, &s);
                assert_eq!(ours, serde_json::to_string(&s).unwrap_or_default());
            }
        }
    }

    #[test]
    fn the_catalog_is_written_as_serde_json_writes_it() {
        for m in ["2019-01", "2024-06", "2027-01"] {
            let catalog = crate::catalog_at(crate::Month::parse(m).unwrap_or_else(|| unreachable!()));
            assert_eq!(catalog.to_json(), serde_json::to_string(&catalog).unwrap_or_default());
        }
    }

    #[test]
    fn numbers_without_fmt() {
        for n in [0, 7, 10, 29, 1500, 65_535, u64::from(u32::MAX), u64::MAX] {
            let mut s = String::new();
            push_u64(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
