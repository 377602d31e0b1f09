//! Estimates as text for people: a table for a staff terminal.
//!
//! ```
//! let e = ltci::estimate_json(r#"{"city":"jincheng","insurance":"employee","grade":"severe",
//!     "careMode":"home_visit","month":"2024-02"}"#).unwrap();
//! let table = ltci::render::text(&e);
//! assert!(table.contains("合计"));
//! assert!(table.contains("1050.00"));
//! ```

use crate::model::{Estimate, Figure, ParamUnit, Parameter, Status};
use crate::money::Money;
use std::fmt::Write;

/// Width of a string in terminal columns: wide (CJK) characters take two.
fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

fn pad(s: &str, cols: usize) -> String {
    let mut out = String::from(s);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(width(s))));
    out
}

/// Right-aligns `s` in `cols` terminal columns.
fn rpad(s: &str, cols: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', cols.saturating_sub(width(s))).collect();
    out.push_str(s);
    out
}

/// Columns of text for a terminal: the first `left` left-aligned, the others
/// (the figures) right-aligned, each at least its given width and always two
/// columns wider than its widest cell, so that figures never run together
/// however wide they are.
struct Table<const N: usize> {
    widths: [usize; N],
    left: usize,
}

impl<const N: usize> Table<N> {
    fn new(rows: &[[String; N]], least: [usize; N], left: usize) -> Table<N> {
        let mut widths = least;
        for row in rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell) + 2);
            }
        }
        Table { widths, left }
    }

    fn row(&self, cells: &[String; N]) -> String {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(self.widths).enumerate() {
            out.push_str(&if i < self.left { pad(cell, w) } else { rpad(cell, w) });
        }
        out
    }
}

fn amount(m: Option<Money>) -> String {
    m.map_or_else(|| String::from("—"), |m| m.to_string())
}

/// The Chinese name of a policy status.
pub fn status_zh(status: Status) -> &'static str {
    match status {
        Status::InForce => "现行有效",
        Status::Expired => "已过有效期（后续规定不在资料中）",
        Status::NotInForce => "尚未实施",
        Status::Draft => "征求意见稿",
        Status::Article => "来自概述文章",
        Status::Superseded => "已被后续文件取代",
    }
}

/// A readable Chinese table: the lines with basis and clause, totals, reasons, notes.
pub fn text(e: &Estimate) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} · {} · {}（护理{}日）", city_name(e.city), mode_name(e.city, e.care_mode), e.month, e.care_days);
    let p = &e.policy;
    let to = p.effective_to.map_or_else(|| String::from("—"), |d| d.to_string());
    let _ = writeln!(s, "依据：{}（{}至{}，{}）", source(p.document, p.title), p.effective_from, to, status_zh(p.status));
    s.push('\n');
    if e.eligible {
        let t = &e.totals;
        let cells = |cost, fund: Money, self_pay| [amount(cost), fund.to_string(), amount(self_pay)];
        let head = ["项目", "费用", "基金支付", "个人自付"].map(String::from);
        let mut rows = vec![head];
        for l in &e.lines {
            let [c, f, p] = cells(l.cost, l.fund, l.self_pay);
            rows.push([l.label.into(), c, f, p]);
        }
        let [c, f, p] = cells(t.cost, t.fund, t.self_pay);
        rows.push(["合计".into(), c, f, p]);
        let table = Table::new(&rows, [0, 14, 14, 14], 1);
        let mut rows = rows.iter();
        if let Some(head) = rows.next() {
            let _ = writeln!(s, "{}", table.row(head));
        }
        for (l, row) in e.lines.iter().zip(rows.by_ref()) {
            let _ = writeln!(s, "{}", table.row(row));
            let _ = writeln!(s, "    {}", l.basis);
            let _ = writeln!(s, "    〔{}〕", l.citation);
        }
        if let Some(total) = rows.next() {
            let _ = writeln!(s, "{}", table.row(total));
        }
        let _ = writeln!(
            s,
            "\n本月基金支付 {} 元，个人自付 {}。",
            t.fund,
            t.self_pay.map_or_else(|| String::from("未知（缺少机构收费）"), |m| format!("{m} 元"))
        );
    } else {
        let _ = writeln!(s, "不符合享受条件：");
        for r in &e.reasons {
            let _ = writeln!(s, "  × {}\n    〔{}〕", r.message, r.citation);
        }
    }
    if !e.notes.is_empty() {
        let _ = writeln!(s, "\n说明：");
        for n in &e.notes {
            let _ = writeln!(s, "  · {}\n    〔{}〕", n.message, n.citation);
        }
    }
    s
}

/// A document as "number《title》", or just its name when that already holds the title.
fn source(document: &str, title: &str) -> String {
    if document.contains('《') || title.contains(document) {
        String::from(if document.contains('《') { document } else { title })
    } else {
        format!("{document}《{title}》")
    }
}

pub(crate) fn city_name(id: &str) -> &'static str {
    crate::cities::find(id).map_or("", |c| c.name.zh)
}

pub(crate) fn mode_name(city: &str, mode: &str) -> &'static str {
    crate::cities::find(city).and_then(|c| c.mode(mode)).map_or("", |m| m.name.zh)
}

/// A readable Chinese table of a contribution.
pub fn contribution_text(c: &crate::Contribution) -> String {
    let mut s = String::new();
    let status = match c.policy.status {
        crate::model::ContributionStatus::Stated => "文件规定的标准",
        crate::model::ContributionStatus::CarriedForward => "沿用最后规定的标准",
    };
    let _ = writeln!(s, "{} · {}年度 · {}", city_name(c.city), c.year, c.insurance.name().zh);
    let _ = writeln!(s, "依据：{}（{}）\n", source(c.policy.document, c.policy.title), status);
    let t = &c.totals;
    let mut rows: Vec<[String; 2]> = c.lines.iter().map(|l| [l.label.into(), l.amount.to_string()]).collect();
    rows.push(["合计（元/年）".into(), t.total.to_string()]);
    let table = Table::new(&rows, [0, 12], 1);
    let mut rows = rows.iter();
    for (l, row) in c.lines.iter().zip(rows.by_ref()) {
        let _ = writeln!(s, "{}\n    {}\n    〔{}〕", table.row(row), l.basis, l.citation);
    }
    if let Some(total) = rows.next() {
        let _ = writeln!(s, "{}", table.row(total));
    }
    let _ = writeln!(s, "  个人 {} · 单位 {} · 政府 {} · 医保基金 {}", t.individual, t.employer, t.government, t.medical_fund);
    if !c.notes.is_empty() {
        let _ = writeln!(s, "\n说明：");
        for n in &c.notes {
            let _ = writeln!(s, "  · {}\n    〔{}〕", n.message, n.citation);
        }
    }
    s
}

/// An amount as spoken: "1050元", "354.84元".
fn spoken(m: Money) -> String {
    format!("{}元", crate::money::plain(m.value()))
}

/// The notes a caller must hear with the amount, in the script: the
/// conditions it rests on (a registered family carer, 常州 七(三); the pilot
/// district, 日照 三(一); benefits from the approval day, 日照 三(四)) and what
/// else changes with it (常州 就高: the disability subsidy stops, 五(五)2).
const SPOKEN_NOTES: [&str; 4] =
    ["condition_family_carer_registered", "pilot_area", "condition_from_approval_day", "disability_subsidy_not_combined"];

/// What a call-center agent reads out (话术), in Chinese. Amounts are the month
/// computed, named ("2024年2月"): a month's total can hold a one-off item, and a
/// daily amount differs from month to month.
///
/// ```
/// let e = ltci::estimate_json(r#"{"city":"jincheng","insurance":"employee","grade":"severe",
///     "careMode":"home_visit","month":"2024-02"}"#).unwrap();
/// assert!(ltci::render::script(&e).starts_with("按晋城市规定，您选择居家上门护理，2024年2月基金支付1050元，个人需自付450元。"));
/// ```
pub fn script(e: &Estimate) -> String {
    let city = city_name(e.city);
    let city = city.split('（').next().unwrap_or(city);
    let mode = mode_name(e.city, e.care_mode);
    let (y, m) = (e.month.year(), e.month.number());
    let mut s = String::new();
    if e.eligible {
        let t = &e.totals;
        if e.care_days == e.month.days() {
            let _ = write!(s, "按{city}市规定，您选择{mode}，{y}年{m}月基金支付{}", spoken(t.fund));
        } else {
            let _ = write!(s, "按{city}市规定，您选择{mode}，{y}年{m}月护理{}天，基金支付{}", e.care_days, spoken(t.fund));
        }
        match t.self_pay {
            Some(p) => {
                let _ = write!(s, "，个人需自付{}", spoken(p));
            }
            None => s.push_str("，个人自付部分要看机构的收费标准"),
        }
        s.push('。');
        if e.lines.len() > 1 {
            s.push_str("其中：");
            let parts: Vec<String> = e
                .lines
                .iter()
                .map(|l| match l.self_pay {
                    Some(p) if !p.is_zero() => format!("{}基金支付{}、自付{}", l.label, spoken(l.fund), spoken(p)),
                    _ => format!("{}基金支付{}", l.label, spoken(l.fund)),
                })
                .collect();
            s.push_str(&parts.join("；"));
            s.push('。');
        }
    } else {
        let _ = write!(s, "按{city}市规定，您选择{mode}，{y}年{m}月暂不符合享受条件：");
        let reasons: Vec<&str> = e.reasons.iter().map(|r| r.message.trim_end_matches('。')).collect();
        s.push_str(&reasons.join("；"));
        s.push('。');
    }
    for n in e.notes.iter().filter(|n| SPOKEN_NOTES.contains(&n.code)) {
        let _ = write!(s, "请注意：{}", n.message);
        if !n.message.ends_with('。') {
            s.push('。');
        }
    }
    match e.policy.status {
        Status::Expired => {
            if let Some(d) = e.policy.effective_to {
                let (y, m, day) = (d.month().year(), d.month().number(), d.day());
                let _ = write!(s, "需要说明的是，依据的文件有效期到{y}年{m}月{day}日，之后的规定我们暂时没有资料，结果仅供参考。");
            }
        }
        Status::Draft => s.push_str("需要说明的是，依据的是征求意见稿，正式规定可能会有不同。"),
        Status::Article => s.push_str("需要说明的是，这些数字来自概述文章，部分是约数。"),
        // An estimate's month is under the document in force then, never a superseded one.
        Status::InForce | Status::NotInForce | Status::Superseded => {}
    }
    let _ = write!(s, "具体以医保经办机构核定为准。（依据：{}；案例编号{}）", e.policy.document, e.reference);
    s
}

/// A parameter's value as people read it: "1500元/月", "70%", "0.15%", "2021-01-01".
pub fn figure(unit: ParamUnit, value: Figure) -> String {
    let Figure::Number(v) = value else { return value.to_string() };
    let pct = || format!("{}%", crate::money::plain(v * rust_decimal::Decimal::ONE_HUNDRED));
    let word = match unit {
        ParamUnit::Ratio | ParamUnit::RateOfBase => return pct(),
        ParamUnit::Date => "",
        ParamUnit::Yuan => "元",
        ParamUnit::YuanPerDay => "元/日",
        ParamUnit::YuanPerHour => "元/小时",
        ParamUnit::YuanPerMonth => "元/月",
        ParamUnit::YuanPerVisit => "元/次",
        ParamUnit::YuanPerYear => "元/年",
        ParamUnit::YuanPerPersonYear => "元/人·年",
        ParamUnit::Days => "天",
        ParamUnit::Hours => "小时",
        ParamUnit::Months => "个月",
        ParamUnit::Years => "年",
        ParamUnit::Age => "周岁",
        ParamUnit::VisitsPerWeek => "次/周",
        ParamUnit::VisitsPerMonth => "次/月",
    };
    format!("{}{word}", crate::money::plain(v))
}

/// The parameter tables as a readable Chinese list, city by city: the
/// documents (period, status for the month, 规则核对日期), then each figure
/// with its values, periods, clauses and quotes.
///
/// ```
/// let month = ltci::Month::parse("2024-02");
/// let table = ltci::parameters(Some("jincheng"), month).unwrap();
/// let text = ltci::render::parameters_text(&table, month);
/// assert!(text.contains("居家上门护理每月定额 · home_visit.monthly_quota"));
/// assert!(text.contains("1500元/月"));
/// assert!(text.contains("“每月定额1500元”"));
/// ```
pub fn parameters_text(params: &[Parameter], month: Option<crate::Month>) -> String {
    let mut s = String::new();
    let mut city = "";
    for p in params {
        if p.city != city {
            city = p.city;
            if !s.is_empty() {
                s.push('\n');
            }
            let when = month.map_or_else(String::new, |m| format!("（{m}）"));
            let _ = writeln!(s, "{} · 规则与参数{when}", city_name(city));
            let c = crate::cities::find(city);
            for d in c.map_or(&[][..], |c| c.documents) {
                let to = d.effective_to.map_or_else(|| String::from("—"), |t| t.to_string());
                let status = month.zip(c).map_or_else(String::new, |(m, c)| format!("，{}", status_zh(c.document_status(d, m))));
                let _ = writeln!(
                    s,
                    "文件：{}（{}至{to}{status}）规则核对日期 {}",
                    source(d.number, d.title),
                    d.effective_from,
                    d.last_reviewed
                );
            }
        }
        let _ = writeln!(s, "\n{} · {}", p.label, p.id);
        for v in &p.values {
            let to = v.to.map_or_else(|| String::from("—"), |t| t.to_string());
            let status = v.status.map_or_else(String::new, |st| format!("  {}", status_zh(st)));
            let _ = writeln!(s, "  {}  {}至{to}{status}", figure(p.unit, v.value), v.from);
            let _ = writeln!(s, "    〔{}〕“{}”", v.citation, v.quote);
        }
    }
    s
}

/// A readable Chinese table of a plan: one row per month (eligible or the
/// reasons, the document's status), the totals, what the later months assume,
/// the changes and what would change.
///
/// ```
/// let p = ltci::plan_json(r#"{"city":"jincheng","insurance":"employee","grade":"severe",
///     "careMode":"home_visit","month":"2024-02","disabilityMonths":3,"months":6}"#).unwrap();
/// let table = ltci::render::plan_text(&p);
/// assert!(table.contains("3150.00"));
/// assert!(table.contains("2024-05"));
/// ```
pub fn plan_text(p: &crate::Plan) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} · {} · {}至{}（{}个月）\n", city_name(p.city), mode_name(p.city, p.care_mode), p.from, p.to, p.months.len());
    // Month, eligible, cost, fund, self-pay; then the remarks, after two blanks.
    let mut rows = vec![["月份", "享受", "费用", "基金支付", "个人自付"].map(String::from)];
    let mut remarks = Vec::with_capacity(p.months.len());
    for m in &p.months {
        let t = &m.totals;
        let eligible = String::from(if m.eligible { "是" } else { "否" });
        rows.push([m.month.to_string(), eligible, amount(t.cost), t.fund.to_string(), amount(t.self_pay)]);
        let mut note = String::from(status_zh(m.status));
        for r in &m.reasons {
            note.push('；');
            note.push_str(crate::plan::reason_name(*r).zh);
        }
        remarks.push(note);
    }
    let t = &p.totals;
    rows.push([String::from("合计"), String::new(), amount(t.cost), t.fund.to_string(), amount(t.self_pay)]);
    let table = Table::new(&rows, [10, 6, 12, 12, 12], 2);
    let mut rows = rows.iter();
    if let Some(head) = rows.next() {
        let _ = writeln!(s, "{}  文件状态；原因", table.row(head));
    }
    for (note, row) in remarks.iter().zip(rows.by_ref()) {
        let _ = writeln!(s, "{}  {note}", table.row(row));
    }
    if let Some(total) = rows.next() {
        let _ = writeln!(s, "{}", table.row(total).trim_end());
    }
    match p.eligible_from {
        Some(from) => {
            let _ = writeln!(s, "\n符合享受条件{}个月，自{from}起。", p.eligible_months);
        }
        None => s.push_str("\n这段时间内都不符合享受条件。\n"),
    }
    if !p.assumptions.is_empty() {
        s.push_str("\n以后各月的假定：\n");
        for a in &p.assumptions {
            let _ = writeln!(s, "  · {}", a.message);
        }
    }
    if !p.changes.is_empty() {
        let _ = writeln!(s, "\n变化：");
        for c in &p.changes {
            let _ = writeln!(s, "  {} {}\n    〔{}〕", c.month, c.message, c.citation);
        }
    }
    if !p.what_would_change.is_empty() {
        let _ = writeln!(s, "\n何时可以享受：");
        for w in &p.what_would_change {
            let when = match (w.possible, w.from) {
                (_, Some(m)) => format!("（{m}起）"),
                (true, None) => String::new(),
                (false, None) => String::from("（无法改变）"),
            };
            let _ = writeln!(s, "  · {}{when}\n    〔{}〕", w.message, w.citation);
        }
    }
    s
}
