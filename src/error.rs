//! The one error type: bad input, named by field, in Chinese and English.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

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
        crate::json::writer::to_string(&Body { error: self }, crate::json::writer::Texts::Any)
    }
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
