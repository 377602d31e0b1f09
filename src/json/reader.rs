//! A strict JSON reader (RFC 8259) that keeps each number's text.
//!
//! Why not `serde_json`'s: queries are small flat objects, money must be read
//! from its decimal text, and the WebAssembly package must stay small. This
//! reader borrows from the input, rejects duplicate keys, limits nesting, and
//! reports line and column in both languages.

use crate::error::Error;
use std::borrow::Cow;

/// A JSON value borrowed from its text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    /// The number's text, as written (grammar checked).
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Keys in input order, each at most once.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Which of these eight bytes (little-endian) end a plain run of string text:
/// a control character, `"` or `\\`. The high bit of each such byte's lane is
/// set. Lanes above the first may be set wrongly (a borrow carries upward);
/// the lowest set lane is always right, which is all the reader uses.
fn attention(w: u64) -> u64 {
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    let quote = {
        let x = w ^ (ONES * u64::from(b'"'));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let backslash = {
        let x = w ^ (ONES * u64::from(b'\\'));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    below_space | quote | backslash
}

/// Deeper nesting than this is refused, so that no input can exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Reads a text that should be one JSON object (whitespace and a leading BOM
/// aside), handing each member to `member` in input order instead of
/// building the object: a query's members go straight to their slots.
/// `Ok(false)` means the text is valid JSON but not an object.
pub(crate) fn members<'a>(text: &'a str, mut member: impl FnMut(Cow<'a, str>, Json<'a>)) -> Result<bool, Error> {
    let mut r = Reader::new(text);
    if r.peek() != Some(b'{') {
        r.value(0)?;
        r.end()?;
        return Ok(false);
    }
    r.object_members(1, &mut member)?;
    r.end()?;
    Ok(true)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// At the first value: past a leading BOM and whitespace.
    fn new(text: &'a str) -> Reader<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut r = Reader { text, bytes: text.as_bytes(), pos: 0 };
        r.ws();
        r
    }

    /// After the value: only whitespace may follow.
    fn end(&mut self) -> Result<(), Error> {
        self.ws();
        if self.pos < self.bytes.len() {
            return Err(self.error("值之后还有多余内容", "trailing characters after the value"));
        }
        Ok(())
    }

    fn error(&self, zh: &str, en: &str) -> Error {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |l| l.chars().count()) + 1;
        Error::invalid_json(
            format!("不是有效的JSON：{zh}（第{line}行第{column}列）"),
            format!("invalid JSON: {en} at line {line} column {column}"),
        )
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn literal(&mut self, word: &str, value: Json<'a>) -> Result<Json<'a>, Error> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("无法识别的值", "expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, Error> {
        match self.peek() {
            None => Err(self.error("内容不完整", "unexpected end of input")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("无法识别的值", "expected a value")),
        }
    }

    fn nest(&self, depth: usize) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err(self.error("嵌套层数过多", "nested too deeply"));
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, Error> {
        let mut members = Vec::new();
        self.object_members(depth, &mut |key, value| members.push((key, value)))?;
        Ok(Json::Object(members))
    }

    /// The members of the object at `{`, each handed to `member`.
    fn object_members(&mut self, depth: usize, member: &mut dyn FnMut(Cow<'a, str>, Json<'a>)) -> Result<(), Error> {
        self.nest(depth)?;
        self.pos += 1;
        // The keys so far, for duplicates: queries have a few, on the stack.
        let mut seen: [&'a str; 24] = [""; 24];
        let mut count = 0;
        let mut more: Vec<Cow<'a, str>> = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("此处应为用双引号括起的键", "expected a key in double quotes"));
            }
            let key_at = self.pos;
            let key = self.string()?;
            if seen.get(..count).unwrap_or(&[]).contains(&key.as_ref()) || more.contains(&key) {
                self.pos = key_at;
                return Err(self.error(&format!("键“{key}”重复"), &format!("duplicate key \"{key}\"")));
            }
            match (&key, seen.get_mut(count)) {
                (Cow::Borrowed(k), Some(slot)) => {
                    *slot = k;
                    count += 1;
                }
                _ => more.push(key.clone()),
            }
            self.ws();
            if !self.eat(b':') {
                return Err(self.error("此处应为冒号", "expected ':'"));
            }
            self.ws();
            let value = self.value(depth)?;
            member(key, value);
            self.ws();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b'}') {
                return Ok(());
            }
            return Err(self.error("此处应为逗号或右花括号", "expected ',' or '}'"));
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, Error> {
        self.nest(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth)?);
            self.ws();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            return Err(self.error("此处应为逗号或右方括号", "expected ',' or ']'"));
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Json<'a>, Error> {
        let start = self.pos;
        self.eat(b'-');
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("数字格式错误", "invalid number")),
        }
        if self.eat(b'.') {
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("小数点后应有数字", "expected a digit after '.'"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("指数部分应有数字", "expected a digit in the exponent"));
            }
            self.digits();
        }
        // The span is ASCII, so it is a valid slice of the text.
        Ok(Json::Number(self.text.get(start..self.pos).unwrap_or("")))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.pos += 1;
        let start = self.pos;
        // Fast path: no escape, borrow the text; clean words are skipped eight
        // bytes at a time, and the first byte needing attention (the closing
        // quote, usually) is found within its word at once.
        loop {
            while let Some(chunk) = self.bytes.get(self.pos..self.pos + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let mask = attention(u64::from_le_bytes(word));
                if mask != 0 {
                    self.pos += (mask.trailing_zeros() / 8) as usize;
                    break;
                }
                self.pos += 8;
            }
            match self.peek() {
                None => return Err(self.error("字符串没有结束", "unterminated string")),
                Some(b'"') => {
                    let s = self.text.get(start..self.pos).unwrap_or("");
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => return Err(self.error("字符串中有未转义的控制字符", "control character in string")),
                Some(_) => self.pos += 1,
            }
        }
        let mut out = String::from(self.text.get(start..self.pos).unwrap_or(""));
        loop {
            match self.peek() {
                None => return Err(self.error("字符串没有结束", "unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error("无效的转义序列", "invalid escape")),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(0..=0x1f) => return Err(self.error("字符串中有未转义的控制字符", "control character in string")),
                Some(_) => {
                    // Copy one whole UTF-8 character.
                    let rest = self.text.get(self.pos..).unwrap_or("");
                    let Some(c) = rest.chars().next() else {
                        return Err(self.error("字符串没有结束", "unterminated string"));
                    };
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// After `\u`: four hex digits, and a low surrogate after a high one.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let hi = self.hex4()?;
        let code = match hi {
            0xD800..=0xDBFF => {
                if !(self.eat(b'\\') && self.eat(b'u')) {
                    return Err(self.error("代理项不成对", "unpaired surrogate"));
                }
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(self.error("代理项不成对", "unpaired surrogate"));
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("代理项不成对", "unpaired surrogate")),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| self.error("无效的转义序列", "invalid escape"))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("\\u后应为4位十六进制数", "expected 4 hex digits after \\u")),
            };
            v = v * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One JSON value filling the whole text, as the reader builds it.
    fn parse(text: &str) -> Result<Json<'_>, Error> {
        let mut r = Reader::new(text);
        let value = r.value(0)?;
        r.end()?;
        Ok(value)
    }

    #[test]
    fn the_lowest_lane_needing_attention_is_the_first_such_byte() {
        let special = [0x00, 0x1f, b'"', b'\\'];
        let plain = [0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xc3, 0xe5, 0xff];
        for &fill in &plain {
            for &other in &plain {
                for at in 0..8 {
                    for &sp in &special {
                        for later in [None, Some(0x00), Some(b'"')] {
                            let mut w = [fill; 8];
                            for (i, b) in w.iter_mut().enumerate() {
                                if i % 3 == 1 {
                                    *b = other;
                                }
                            }
                            w[at] = sp;
                            if let (Some(l), Some(slot)) = (later, w.get_mut(at + 1)) {
                                *slot = l;
                            }
                            let mask = attention(u64::from_le_bytes(w));
                            assert_eq!(usize::try_from(mask.trailing_zeros() / 8).ok(), Some(at), "{w:?}");
                        }
                    }
                }
                let clean = [fill, other, fill, other, fill, fill, other, fill];
                assert_eq!(attention(u64::from_le_bytes(clean)), 0, "{clean:?}");
            }
        }
    }

    fn ok(text: &str) -> Json<'_> {
        parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn reads_every_json_type() {
        assert_eq!(ok(" null "), Json::Null);
        assert_eq!(ok("true"), Json::Bool(true));
        assert_eq!(ok("-0.50e+3"), Json::Number("-0.50e+3"));
        assert_eq!(ok(r#""a\"b\\\/\n\u00e9\ud83d\ude00""#), Json::String("a\"b\\/\né😀".into()));
        assert_eq!(ok("[1,[]]"), Json::Array(vec![Json::Number("1"), Json::Array(vec![])]));
        assert_eq!(ok("\u{feff}{\"城市\":\"常州\"}"), Json::Object(vec![("城市".into(), Json::String("常州".into()))]));
    }

    #[test]
    fn refuses_what_rfc_8259_refuses() {
        for bad in [
            "",
            "{",
            "{\"a\"}",
            "{\"a\":1,}",
            "[1,]",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "--1",
            "NaN",
            "'a'",
            "\"\t\"",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "{\"a\":1}x",
            "{a:1}",
            "tru",
            "{\"a\":1,\"a\":2}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).is_err());
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn errors_give_line_and_column() {
        let e = parse("{\n  \"a\": x\n}").err().map(|e| e.message_en().to_owned());
        assert_eq!(e.as_deref(), Some("invalid JSON: expected a value at line 2 column 8"));
    }
}
