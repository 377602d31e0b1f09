//! Building the texts of an answer (basis formulas, notes) without `core::fmt`.
//!
//! ```text
//! cat!(plain(rate), "元/日 × ", days, "日 = ", fund, "元")   →   "30元/日 × 31日 = 930.00元"
//! ```
//!
//! Why: `format!` interprets its pieces at run time and calls each value's
//! `Display` through a trait object; for the dozen short texts of an estimate
//! that was a sixth of the command line's time. `cat!` appends each piece
//! directly. Every piece is a [`Piece`]: text, a whole number, a month, or an
//! amount ([`crate::money`]).

use crate::month::{Date, Month};

/// Concatenates pieces into a new `String`.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! cat {
    ($($piece:expr),+ $(,)?) => {
        $crate::text::concat(&[$(&$piece as &dyn $crate::text::Piece),+])
    };
}

/// In WebAssembly, `cat!` is `format!` with the literal pieces as its format
/// string: those pieces are then data rather than code, about 3 KB less after
/// brotli, which the size budget needs more than the speed. The texts are the
/// same: each piece's `Display` writes what its [`Piece`] appends (tested below).
#[cfg(target_arch = "wasm32")]
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

/// What `cat!` calls: one loop over the pieces, so each use is a small table
/// of pieces rather than inlined code.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn concat(pieces: &[&dyn Piece]) -> String {
    let mut s = String::with_capacity(192);
    for piece in pieces {
        piece.push_to(&mut s);
    }
    s
}

/// Something `cat!` can append.
pub(crate) trait Piece {
    fn push_to(&self, out: &mut String);
}

impl Piece for &str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for u32 {
    fn push_to(&self, out: &mut String) {
        crate::json::writer::push_u64(out, u64::from(*self));
    }
}

impl Piece for Month {
    fn push_to(&self, out: &mut String) {
        Month::push_to(*self, out);
    }
}

impl Piece for Date {
    fn push_to(&self, out: &mut String) {
        out.push_str(self.write(&mut [0; 10]));
    }
}

#[cfg(test)]
mod tests {
    use crate::money::{plain, Money};
    use crate::month::Date;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    #[test]
    fn a_basis_text_reads_as_format_would_write_it() {
        let (rate, days) = (dec!(30.00), 31u32);
        let fund = Money::round(rate * Decimal::from(days));
        assert_eq!(cat!(plain(rate), "元/日 × ", days, "日 = ", fund, "元"), "30元/日 × 31日 = 930.00元");
        assert_eq!(cat!("按", Date::ymd(2024, 2, 1).month(), "计算"), "按2024-02计算");
    }

    #[test]
    fn amounts_append_exactly_their_display_text() {
        let values = [
            dec!(0),
            dec!(-0.5),
            dec!(12.50),
            dec!(1050.00),
            dec!(0.07),
            dec!(-123456.789),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(i64::MAX, 3) * dec!(1000),
        ];
        for v in values {
            assert_eq!(cat!(plain(v)), plain(v).to_string(), "{v}");
            assert_eq!(cat!(Money::round(v)), Money::round(v).to_string(), "{v}");
            assert_eq!(plain(v).to_string(), v.normalize().to_string(), "{v}");
        }
    }

    /// What the WebAssembly `cat!` (`format!`) writes is what the native one appends.
    #[test]
    fn every_piece_appends_its_display_text() {
        use super::Piece;
        let appended = |p: &dyn Piece| {
            let mut s = String::new();
            p.push_to(&mut s);
            s
        };
        let date = Date::ymd(2021, 1, 1);
        assert_eq!(appended(&date), date.to_string());
        assert_eq!(appended(&date.month()), date.month().to_string());
        assert_eq!(appended(&1_234_567u32), 1_234_567u32.to_string());
        let amount = Money::round(dec!(1050));
        assert_eq!(appended(&amount), amount.to_string());
        assert_eq!(appended(&plain(dec!(0.70))), plain(dec!(0.70)).to_string());
    }
}
