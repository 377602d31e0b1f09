//! Calendar months and days, as the rules count them.
//!
//! ```
//! use ltci::Month;
//! let feb = Month::parse("2024-02").unwrap();
//! assert_eq!(feb.days(), 29);
//! assert_eq!(feb.to_string(), "2024-02");
//! ```

use std::fmt;

/// A calendar month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: u16,
    month: u8,
}

impl Month {
    /// A month from its year (1000–9999) and number (1–12).
    pub fn new(year: u16, month: u8) -> Option<Month> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    /// Parses exactly `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let b = text.as_bytes();
        if b.len() != 7 || b.get(4) != Some(&b'-') || !text.is_char_boundary(4) {
            return None;
        }
        let (y, m) = (text.get(..4)?, text.get(5..)?);
        if !y.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn number(self) -> u8 {
        self.month
    }

    /// Number of days in the month (Gregorian calendar).
    pub fn days(self) -> u32 {
        match self.month {
            2 if is_leap(self.year) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Its first day.
    pub fn first_day(self) -> Date {
        Date { month: self, day: 1 }
    }

    /// The month after this one; saturates at 9999-12.
    #[must_use]
    pub fn next(self) -> Month {
        match (self.year, self.month) {
            (9999, 12) => self,
            (y, 12) => Month { year: y + 1, month: 1 },
            (y, m) => Month { year: y, month: m + 1 },
        }
    }

    /// The current month in China Standard Time (UTC+8), where the rules apply.
    pub fn current() -> Month {
        let secs = clock::unix_seconds() + 8 * 3600;
        let days = secs.div_euclid(86_400);
        let (y, m, _) = civil_from_days(days);
        Month::new(y, m).unwrap_or(Month { year: 2000, month: 1 })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl serde::Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A calendar day, used for the dates a document takes and loses effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    month: Month,
    day: u8,
}

impl Date {
    /// A date from the literal values of a document; the city tests check each one.
    pub const fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date { month: Month { year, month }, day }
    }

    pub fn month(self) -> Month {
        self.month
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days since 1970-01-01 to (year, month, day); Howard Hinnant's algorithm.
fn civil_from_days(z: i64) -> (u16, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (u16::try_from(y).unwrap_or(2000), u8::try_from(m).unwrap_or(1), u8::try_from(d).unwrap_or(1))
}

#[cfg(not(target_arch = "wasm32"))]
mod clock {
    pub fn unix_seconds() -> i64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
    }
}

#[cfg(target_arch = "wasm32")]
mod clock {
    // std's clock panics on wasm32-unknown-unknown; ask the JS host instead.
    #[allow(clippy::cast_possible_truncation)]
    pub fn unix_seconds() -> i64 {
        (js_sys::Date::now() / 1000.0) as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lengths_follow_the_gregorian_calendar() {
        let days = |s| Month::parse(s).map(Month::days);
        assert_eq!(days("2024-02"), Some(29));
        assert_eq!(days("2023-02"), Some(28));
        assert_eq!(days("2000-02"), Some(29));
        assert_eq!(days("2100-02"), Some(28));
        assert_eq!(days("2025-04"), Some(30));
        assert_eq!(days("2025-12"), Some(31));
    }

    #[test]
    fn only_exact_yyyy_mm_parses() {
        for bad in ["2024-2", "2024-13", "2024-00", "24-02", "2024/02", "2024-02-01", "２０２４-02", "", "+024-02"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(Month::parse("2024-12").map(|m| m.next().to_string()), Some("2025-01".into()));
    }

    #[test]
    fn civil_dates_from_unix_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_416), (2025, 11, 24));
    }
}
