//! `cat!`: a formula text from its pieces, `format!` with the literal pieces as
//! the format string.
//!
//! ```text
//! cat!(plain(rate), "元/日 × ", days, "日 = ", fund, "元")   →   "30元/日 × 31日 = 930.00元"
//! ```

/// Concatenates the `Display` of each piece into a new `String`.
macro_rules! cat {
    (@format [$($f:expr),*] [$($a:expr),*]) => {
        format!(concat!($($f),*) $(, $a)*)
    };
    (@format [$($f:expr),*] [$($a:expr),*] $l:literal $(, $($rest:tt)*)?) => {
        cat!(@format [$($f,)* $l] [$($a),*] $($($rest)*)?)
    };
    (@format [$($f:expr),*] [$($a:expr),*] $e:expr $(, $($rest:tt)*)?) => {
        cat!(@format [$($f,)* "{}"] [$($a,)* $e] $($($rest)*)?)
    };
    ($($t:tt)+) => {
        cat!(@format [] [] $($t)+)
    };
}
pub(crate) use cat;
