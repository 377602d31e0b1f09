//! The one error type: bad input, named by field, in Chinese and English.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// The largest query any door reads: a real one is under 1 KB; more is refused
/// as `invalid_value` before it is parsed, so that no input costs more than a
/// glance ([`Error::too_large`]).
pub const MAX_QUERY_BYTES: usize = 64 * 1024;

/// What went wrong with a query. Never a panic: every bad input ends here.
///
/// ```
/// let err = ltci::estimate_json(r#"{"city":"beijing","insurance":"employee","grade":"severe","careMode":"home"}"#)
///     .unwrap_err();
/// assert_eq!(err.code(), ltci::ErrorCode::UnknownCity);
/// assert_eq!(err.field(), Some("city"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Error(Box<Inner>);

/// Boxed so that `Result<_, Error>` stays small on the hot path, where errors are rare.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Inner {
    code: ErrorCode,
    field: Option<Cow<'static, str>>,
    message: Cow<'static, str>,
    message_en: Cow<'static, str>,
}

/// The kinds of error, as they appear in JSON (`"invalid_value"`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input is not JSON, is empty, or is not a JSON object.
    InvalidJson,
    /// A key that the contract (or the chosen care mode) does not have.
    UnknownField,
    /// A required key is absent.
    MissingField,
    /// `city` names no city this calculator knows.
    UnknownCity,
    /// `careMode` is not one of the city's care modes.
    UnknownCareMode,
    /// A value of the wrong type, out of range or badly formatted.
    InvalidValue,
    /// Contributions: the city's sources do not cover this insurance type.
    InsuranceNotCovered,
    /// Contributions: the year is before the first stated standard.
    NotInForce,
    /// Contributions: the sources give no amounts for this city.
    NotInSources,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 9] = [
        ErrorCode::InvalidJson,
        ErrorCode::UnknownField,
        ErrorCode::MissingField,
        ErrorCode::UnknownCity,
        ErrorCode::UnknownCareMode,
        ErrorCode::InvalidValue,
        ErrorCode::InsuranceNotCovered,
        ErrorCode::NotInForce,
        ErrorCode::NotInSources,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownCity => "unknown_city",
            ErrorCode::UnknownCareMode => "unknown_care_mode",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::InsuranceNotCovered => "insurance_not_covered",
            ErrorCode::NotInForce => "not_in_force",
            ErrorCode::NotInSources => "not_in_sources",
        }
    }
}

impl Error {
    pub(crate) fn new(
        code: ErrorCode,
        field: Option<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
        message_en: impl Into<Cow<'static, str>>,
    ) -> Error {
        Error(Box::new(Inner { code, field, message: message.into(), message_en: message_en.into() }))
    }

    /// An error about one field.
    pub(crate) fn at(
        code: ErrorCode,
        field: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
        message_en: impl Into<Cow<'static, str>>,
    ) -> Error {
        Error::new(code, Some(field.into()), message, message_en)
    }

    pub(crate) fn invalid_json(message: impl Into<Cow<'static, str>>, message_en: impl Into<Cow<'static, str>>) -> Error {
        Error::new(ErrorCode::InvalidJson, None, message, message_en)
    }

    /// A value of `field` that is wrong: "{field}{zh}" / "{field} {en}".
    pub(crate) fn invalid(field: &str, zh: &str, en: &str) -> Error {
        Error::at(ErrorCode::InvalidValue, field.to_owned(), format!("{field}{zh}"), format!("{field} {en}"))
    }

    /// `missing_field` for `field`.
    pub(crate) fn missing(field: &str) -> Error {
        Error::at(ErrorCode::MissingField, field.to_owned(), format!("缺少必填字段{field}"), format!("missing required field {field}"))
    }

    /// A key given twice: refused rather than one value silently winning.
    pub(crate) fn duplicate_key(key: &str) -> Error {
        let key = echo(key);
        Error::invalid_json(format!("键“{key}”重复"), format!("duplicate key \"{key}\""))
    }

    /// `unknown_field` for `key`.
    pub(crate) fn unknown_field(key: &str) -> Error {
        let key = echo(key);
        Error::at(ErrorCode::UnknownField, key.to_string(), format!("未知字段“{key}”"), format!("unknown field \"{key}\""))
    }

    /// JSON that does not parse, with where: `serde_json`'s line and column
    /// (its message text is not read).
    pub(crate) fn syntax(line: usize, column: usize) -> Error {
        Error::invalid_json(format!("JSON格式错误（第{line}行第{column}列）"), format!("invalid JSON at line {line}, column {column}"))
    }

    /// Valid JSON that is not an object.
    pub(crate) fn not_an_object() -> Error {
        Error::invalid_json("输入须为JSON对象（{…}）", "input must be a JSON object ({…})")
    }

    /// A query over [`MAX_QUERY_BYTES`], refused before it is read.
    pub fn too_large() -> Error {
        let kb = MAX_QUERY_BYTES / 1024;
        Error::new(ErrorCode::InvalidValue, None, format!("查询过大：最多{kb} KB"), format!("the query is too large: at most {kb} KB"))
    }

    /// Input bytes that are not UTF-8.
    pub fn not_utf8() -> Error {
        Error::invalid_json("输入不是UTF-8编码的文本", "input is not UTF-8 text")
    }

    pub fn code(&self) -> ErrorCode {
        self.0.code
    }

    /// The JSON key the error is about, if any (`"careDays"`, `"contributionYears.continuous"`).
    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }

    /// The message in Chinese.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The message in English.
    pub fn message_en(&self) -> &str {
        &self.0.message_en
    }

    /// The error as the contract prints it: `{"error":{"code","field","message","messageEn"}}`.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Body<'a> {
            error: &'a Error,
        }
        serde_json::to_string(&Body { error: self }).unwrap_or_default()
    }
}

/// A value of the input as an error message may quote it: at most its first
/// 40 characters, then "…", with every control character written as an escape
/// (`\n`, `\u{1b}`, and the characters that reorder text around them or break
/// a line: `\u{202e}`, `\u{2028}`, [`reorders_or_breaks`]), so that an error never
/// repeats a whole input back and a quoted value cannot forge lines, turn the
/// words around it backwards or drive a terminal.
pub(crate) fn echo(value: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 40;
    let cut = value.char_indices().nth(MAX).map(|(end, _)| end);
    let head = value.get(..cut.unwrap_or(value.len())).unwrap_or_default();
    let shown_as_escape = |c: char| c.is_control() || reorders_or_breaks(c);
    if cut.is_none() && !head.contains(shown_as_escape) {
        return value.into();
    }
    let mut out = String::with_capacity(head.len() + 8);
    for c in head.chars() {
        if shown_as_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if cut.is_some() {
        out.push('…');
    }
    out.into()
}

/// The bidirectional controls (marks, embeddings, overrides, isolates: U+202E
/// shows the text after it backwards) and the line and paragraph separators:
/// not control characters to Rust, but they change how a line reads.
pub(crate) fn reorders_or_breaks(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// "a, b, c" for an error message ("—" when empty).
pub(crate) fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for item in items {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    if out.is_empty() {
        out.push('—');
    }
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message_en)
    }
}

impl std::error::Error for Error {}
