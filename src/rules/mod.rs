//! What a city module declares (its documents, their parameters, care modes
//! and inputs) and the formulas several cities share. No amount lives here:
//! each is a [`Param`] of the city module, under the clause it quotes, and the
//! formulas read the value in force on the day they compute ([`Ctx::param`]).

pub(crate) mod inputs;

use crate::error::{Error, ErrorCode};
use crate::model::{
    Choice, ContributionLine, ContributionQuery, ContributionYears, Grade, Insurance, Line, Note, ParamUnit, Payer, Query, Reason,
    ReasonCode, Status, Text,
};
use crate::money::{is_whole, plain, Money};
use crate::month::{Date, Month};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt::Write as _;

/// A city's rules: its documents, its parameters, and the functions that apply them.
#[derive(Clone, Copy)]
pub(crate) struct City {
    pub id: &'static str,
    pub name: Text,
    /// In the order they took effect; a month is under the last one started by then.
    pub documents: &'static [&'static Document],
    /// Every figure the rules read, in the order of the city module: the table
    /// the formulas read from (`Ctx::param`) and `ltci params` lists.
    pub params: &'static [&'static Param],
    /// The common query inputs (`src/inputs.rs`) this city's rules read,
    /// beyond city, insurance, grade, mode, month and careDays.
    pub query_inputs: &'static [&'static Input],
    /// Help for `careDays`: what does not count as a care day here.
    pub care_days_help: Text,
    /// A common input's label or help in this city's own words, where its rule differs.
    pub input_texts: &'static [InputText],
    /// What a person does next (下一步), from the sources, in order.
    pub next_steps: &'static [Step],
    /// The document's own names for grades, where it has them.
    pub grade_names: &'static [(Grade, Text)],
    /// Every failed eligibility condition, in the order of the document.
    pub check: fn(&Ctx<'_>, &mut Vec<Reason>),
    /// Notes on every estimate of the city (pilot area, draft, …).
    pub notes: fn(&Ctx<'_>, &mut Vec<Note>),
    /// Contribution rules; `None` when the sources give no amounts.
    pub contribution: Option<&'static ContributionRules>,
}

/// The kind of source a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DocKind {
    /// A policy document in force for its period.
    Policy,
    /// A draft for public comment.
    Draft,
    /// An overview article quoting figures.
    Article,
}

/// A source document, the period it governs, and who and what it covers: a
/// successor document is a new entry (`..PREVIOUS` keeps what it does not change).
#[derive(Clone, Copy)]
pub(crate) struct Document {
    /// Its number (as printed in its header) or, without one, its short name.
    pub number: &'static str,
    pub title: &'static str,
    pub issued: Option<Date>,
    pub effective_from: Date,
    pub effective_to: Option<Date>,
    pub kind: DocKind,
    /// The clause that sets the period, cited by `not_in_force` and `policy_expired`.
    pub period_citation: &'static str,
    /// The source's words that set the period.
    pub period_quote: &'static str,
    /// The day its parameters were last checked against the source text.
    pub last_reviewed: Date,
    /// For a successor: the clause by which the figures it does not restate go
    /// on as before ("其他按原规定执行"); `None`: they end with their document.
    pub continues: Option<&'static str>,
    /// For a successor that renumbers: (the earlier clause, its number here).
    pub renumbered: &'static [(&'static str, &'static str)],
    /// Insurance types whose members can receive benefits.
    pub insurance: &'static [Insurance],
    /// Grades that can receive benefits.
    pub grades: &'static [Grade],
    pub modes: &'static [Mode],
}

impl Document {
    pub fn status(&self, month: Month) -> Status {
        match self.kind {
            DocKind::Draft => Status::Draft,
            DocKind::Article => Status::Article,
            DocKind::Policy if month < self.effective_from.month() => Status::NotInForce,
            DocKind::Policy if self.effective_to.is_some_and(|to| month > to.month()) => Status::Expired,
            DocKind::Policy => Status::InForce,
        }
    }

    /// Days of `month` on which the document is in force; the whole month when it is
    /// before or after the period (the estimate is then ineligible or expired).
    pub fn days_in_force(&self, month: Month) -> u32 {
        if month == self.effective_from.month() {
            month.days() + 1 - self.effective_from.day()
        } else {
            month.days()
        }
    }

    /// The day a month's rules are read on: its first, or the document's first if later.
    pub fn first_day(&self, month: Month) -> Date {
        if month == self.effective_from.month() {
            self.effective_from
        } else {
            month.first_day()
        }
    }

    pub fn mode(&self, id: &str) -> Option<&'static Mode> {
        self.modes.iter().find(|m| m.id == id)
    }

    /// A clause of this document, cited: its number and the clause, renumbered
    /// where this document renumbers ("晋市政发〔2020〕14号 四(六)2").
    pub fn cite(&self, clause: &str) -> Cow<'static, str> {
        let clause = self.renumbered.iter().find(|(old, _)| *old == clause).map_or(clause, |(_, new)| new);
        Cow::Owned(format!("{} {clause}", self.number))
    }
}

impl City {
    /// A care mode of any of the city's documents, the latest first.
    pub fn mode(&self, id: &str) -> Option<&'static Mode> {
        self.documents.iter().rev().find_map(|d| d.mode(id))
    }

    /// The document for a month: the last one started by then, else the first.
    pub fn document(&self, month: Month) -> Option<&'static Document> {
        self.documents.iter().rev().find(|d| d.effective_from.month() <= month).or(self.documents.first()).copied()
    }

    /// Whether a later document of the city has started by `month` (this one is superseded).
    pub fn superseded(&self, document: &Document, month: Month) -> bool {
        self.documents.iter().any(|d| d.effective_from > document.effective_from && d.effective_from.month() <= month)
    }

    /// A document's status for `month` as a list of documents shows it: superseded
    /// once a later one has started, else its own (`Document::status`).
    pub fn document_status(&self, document: &Document, month: Month) -> Status {
        if self.superseded(document, month) {
            Status::Superseded
        } else {
            document.status(month)
        }
    }

    /// The value of `p` in force on `day`, with its source. A value whose period
    /// ended before `day` goes on, cited to the successor in force then, when
    /// that document says the rest continues (`Document::continues`).
    pub fn value(&self, p: &'static Param, day: Date) -> InForce {
        let v = self.param(p).at(day);
        let now = self.document(day.month()).filter(|d| d.effective_from > v.document.effective_from);
        let carrying = now.filter(|_| v.to.is_some_and(|to| to < day)).and_then(|d| Some((d, d.continues?)));
        match carrying {
            Some((d, clause)) => InForce {
                from: v.from,
                to: v.to,
                value: v.value,
                citation: Cow::Owned(format!("{}（继续执行{}）", d.cite(clause), v.citation)),
                quote: v.quote,
                document: d,
            },
            None => InForce {
                from: v.from,
                to: v.to,
                value: v.value,
                citation: Cow::Borrowed(v.citation),
                quote: v.quote,
                document: v.document,
            },
        }
    }

    /// This city's entry for a parameter: the one in its table with its id (so
    /// that a city built with other values reads those), else the parameter itself.
    pub fn param(&self, p: &'static Param) -> &'static Param {
        let table = self.params;
        table.iter().find(|q| std::ptr::eq(**q, p)).or_else(|| table.iter().find(|q| q.id == p.id)).copied().unwrap_or(p)
    }
}

// ---- Parameters -----------------------------------------------------------

/// A figure of the rules (docs/parameters.md): an id the formulas refer to, its
/// names, its unit, and its values by date, each with its source.
pub(crate) struct Param {
    /// Stable, dotted, English words: `home_visit.monthly_quota`. The English
    /// label is the id in words ("Home visit: monthly quota").
    pub id: &'static str,
    /// The Chinese label.
    pub label: &'static str,
    pub unit: ParamUnit,
    /// In date order, periods not overlapping.
    pub values: &'static [Dated],
}

/// One value of a parameter, the period it holds for, and where it is written.
#[derive(Clone, Copy)]
pub(crate) struct Dated {
    pub from: Date,
    /// `None`: open-ended.
    pub to: Option<Date>,
    pub value: Decimal,
    pub document: &'static Document,
    /// Document and clause, as on estimate lines.
    pub citation: &'static str,
    /// The few words of the source that state it.
    pub quote: &'static str,
}

impl Param {
    pub const fn new(id: &'static str, label: &'static str, unit: ParamUnit, values: &'static [Dated]) -> Param {
        Param { id, label, unit, values }
    }

    /// The value in force on `day`: the last to start by then; before the first,
    /// the first (a month before a scheme is refused, its conditions still checked).
    pub fn at(&self, day: Date) -> &'static Dated {
        let values = self.values;
        values.iter().rev().find(|v| v.from <= day).or(values.first()).unwrap_or(&NO_VALUE)
    }
}

impl Dated {
    /// A value stated by `document` for its whole period.
    pub const fn of(document: &'static Document, citation: &'static str, value: Decimal, quote: &'static str) -> Dated {
        Dated { from: document.effective_from, to: document.effective_to, value, document, citation, quote }
    }

    /// The same value for another period (a part of its document's, or a contribution year's).
    pub const fn during(self, from: Date, to: Option<Date>) -> Dated {
        Dated { from, to, ..self }
    }
}

/// A parameter's value for one day, with the citation a line, reason or note gives it.
#[derive(Clone)]
pub(crate) struct InForce {
    /// The period of the dated value.
    pub from: Date,
    pub to: Option<Date>,
    pub value: Decimal,
    pub citation: Cow<'static, str>,
    pub quote: &'static str,
    /// The document it is in force under.
    pub document: &'static Document,
}

impl InForce {
    /// A count of months, years or days.
    pub fn count(&self) -> u32 {
        u32::try_from(self.value).unwrap_or(0)
    }
}

/// What a parameter without values would give; tests keep every table full.
static NO_VALUE: Dated =
    Dated { from: Date::ymd(1000, 1, 1), to: None, value: Decimal::ZERO, document: &NO_DOCUMENT, citation: "", quote: "" };
/// The document of a city without any (none has none).
pub(crate) static NO_DOCUMENT: Document = Document {
    number: "",
    title: "",
    issued: None,
    effective_from: Date::ymd(1000, 1, 1),
    effective_to: None,
    kind: DocKind::Article,
    period_citation: "",
    period_quote: "",
    last_reviewed: Date::ymd(1000, 1, 1),
    continues: None,
    renumbered: &[],
    insurance: &[],
    grades: &[],
    modes: &[],
};

/// The parameters of a city on one day, for rules that have no [`Ctx`] (contributions).
#[derive(Clone, Copy)]
pub(crate) struct At {
    pub city: &'static City,
    pub on: Date,
}

impl At {
    pub fn param(&self, p: &'static Param) -> InForce {
        self.city.value(p, self.on)
    }

    /// A clause of the document in force on the day.
    pub fn cite(&self, clause: &str) -> Cow<'static, str> {
        self.city.document(self.on.month()).unwrap_or(&NO_DOCUMENT).cite(clause)
    }
}

/// A care mode: its inputs and the function that computes its lines.
#[derive(Clone, Copy)]
pub(crate) struct Mode {
    pub id: &'static str,
    pub name: Text,
    /// Its clause, in the document of the month (`Document::cite`).
    pub clause: &'static str,
    /// One sentence on who it is for.
    pub help: Text,
    pub inputs: &'static [&'static Input],
    /// False when the mode pays by something else (hours) and careDays is not read.
    pub uses_care_days: bool,
    /// The lines of an eligible estimate, with the notes they need.
    pub compute: fn(&Ctx<'_>, &mut Out),
    /// Notes on every estimate of the mode, eligible or not, after the city's.
    pub notes: fn(&Ctx<'_>, &mut Vec<Note>),
}

/// A mode without notes of its own.
pub(crate) fn no_notes(_: &Ctx<'_>, _: &mut Vec<Note>) {}

/// One input a query may give, declared once: the common ones in
/// `src/inputs.rs`, a care mode's in its city module. Reading, validation,
/// the catalog, `input_not_used` and the plan's carry rule all come from here.
#[derive(Clone, Copy)]
pub(crate) struct Input {
    /// The JSON key.
    pub key: &'static str,
    pub label: Text,
    pub help: Text,
    /// What it measures: its type, range and decimals.
    pub unit: Unit,
    /// The value when the query leaves it out.
    pub default: Default,
    /// How a plan takes it into later months (docs/plan.md).
    pub carry: Carry,
    /// Asked only when another input has one of some values (a form's hint).
    pub when: Option<Condition>,
}

impl Input {
    /// The rest of a declaration: absent by default, the same in every month, always asked.
    pub const BASE: Input = Input {
        key: "",
        label: Text::new("", ""),
        help: Text::new("", ""),
        unit: Unit::Flag,
        default: Default::Absent,
        carry: Carry::Same,
        when: None,
    };
}

/// One step after the answer (apply for an assessment, when benefits start): the
/// source's own rule with its clause, or where the source is silent, what this
/// calculator takes (`reading`), or that the source defers to rules not here.
#[derive(Clone, Copy)]
pub(crate) struct Step {
    pub text: Text,
    /// Its clause in the city's document of the month; `None` where the source is silent.
    pub clause: Option<&'static str>,
    /// This calculator's reading, not the source's words.
    pub reading: bool,
}

/// A common input's label and help for one city, where its rule differs.
#[derive(Clone, Copy)]
pub(crate) struct InputText {
    pub input: &'static Input,
    pub label: Option<Text>,
    pub help: Option<Text>,
}

/// `{"key": "category", "values": ["retired"]}`: an input that applies only then.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct Condition {
    pub key: &'static str,
    pub values: &'static [&'static str],
}

/// How a plan (docs/plan.md) takes an input from its first month into month *i*.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Carry {
    /// Unchanged.
    Same,
    /// About the first month only: later months take the default.
    FirstMonthOnly,
    /// How the person uses a service each month, carried as their pattern
    /// (docs/plan.md, "The carried pattern"): not given, each month takes its
    /// own default; 0, 0 in every month (nobody is assumed to start); the value
    /// the first month's default would have been, each month its own default;
    /// any other value, that value in every month, at most what the month
    /// allows ([`Unit::max_in`] with its care days), never scaled.
    Pattern,
    /// A count of months: its value (or default) + *i*.
    PlusMonths,
    /// Years of contributions: each count + ⌊*i* / 12⌋, when given.
    PlusYears,
}

/// What an input measures; it fixes its type, range and number of decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Yuan this month, up to 1,000,000, two decimals.
    YuanPerMonth,
    /// Yuan per day.
    YuanPerDay,
    /// Yuan per hour.
    YuanPerHour,
    /// Yuan so far this year.
    YuanPerYear,
    /// Days this month, a whole number up to careDays.
    Days,
    /// Hours this month, two decimals, up to 24 × the days of the month.
    Hours,
    /// Visits this month, a whole number up to the days of the month.
    Visits,
    /// A hospital level, 1 to 3.
    Level,
    /// The care days of the month: 0 to its days in force (`careDays`).
    CareDays,
    /// A whole number of months.
    Months,
    /// Age in whole years, up to 150.
    Age,
    /// `true` or `false`.
    Flag,
    /// A month, `"YYYY-MM"`.
    Month,
    /// `{"continuous": n, "cumulative": n}`, whole years.
    Years,
    /// One of a list of ids.
    Choice(&'static [Choice]),
}

pub(crate) const MAX_MONEY: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
/// Hours in a day: a month has at most 24 × its days of them.
const HOURS_A_DAY: u32 = 24;

/// What bounds an input about one month: the month (its days bound hours and
/// visits) and its care days (which bound days of one kind of care).
#[derive(Clone, Copy)]
pub(crate) struct ThisMonth {
    pub month: Month,
    pub care_days: u32,
}

impl Unit {
    /// The unit's id in the catalog; `None` when unitless.
    pub fn id(self) -> Option<&'static str> {
        Some(match self {
            Unit::YuanPerMonth => "yuan/month",
            Unit::YuanPerDay => "yuan/day",
            Unit::YuanPerHour => "yuan/hour",
            Unit::YuanPerYear => "yuan/year",
            Unit::Days | Unit::CareDays => "days",
            Unit::Hours => "hours",
            Unit::Visits => "visits",
            Unit::Level => "level",
            Unit::Months => "months",
            Unit::Age | Unit::Years => "years",
            Unit::Flag | Unit::Month | Unit::Choice(_) => return None,
        })
    }

    /// The input's type in the catalog.
    pub fn kind(self) -> &'static str {
        match self {
            u if u.is_money() => "money",
            Unit::Hours => "hours",
            Unit::Level | Unit::Choice(_) => "choice",
            Unit::Flag => "boolean",
            Unit::Month => "month",
            Unit::Years => "years",
            _ => "integer",
        }
    }

    pub fn is_money(self) -> bool {
        matches!(self, Unit::YuanPerMonth | Unit::YuanPerDay | Unit::YuanPerHour | Unit::YuanPerYear)
    }

    /// A count: a JSON number that is whole, never a string (docs/api.md).
    pub fn is_integer(self) -> bool {
        matches!(self, Unit::Days | Unit::Visits | Unit::Level | Unit::CareDays | Unit::Months | Unit::Age)
    }

    /// The smallest value, for numbers.
    pub fn min(self) -> Option<Decimal> {
        match self {
            Unit::Level => Some(Decimal::ONE),
            Unit::Flag | Unit::Month | Unit::Choice(_) => None,
            _ => Some(Decimal::ZERO),
        }
    }

    /// The largest fixed value; `None` for those bounded by the month ([`Unit::max_in`])
    /// and for unbounded counts.
    pub fn max(self) -> Option<Decimal> {
        match self {
            Unit::Level => Some(Decimal::from(3)),
            Unit::Age => Some(Decimal::from(150)),
            u if u.is_money() => Some(MAX_MONEY),
            _ => None,
        }
    }

    /// The largest value in a month: the fixed one, or the one the month sets
    /// (hours: 24 × its days, visits: its days, days of care: its care days).
    pub fn max_in(self, m: ThisMonth) -> Option<Decimal> {
        match self {
            Unit::Hours => Some(Decimal::from(HOURS_A_DAY * m.month.days())),
            Unit::Visits => Some(Decimal::from(m.month.days())),
            Unit::Days => Some(Decimal::from(m.care_days)),
            u => u.max(),
        }
    }

    /// How the largest value is found when it is not fixed (the catalog's `maxRule`).
    pub fn max_rule(self) -> Option<Text> {
        match self {
            Unit::Days => Some(Text::new("不超过护理天数", "at most the care days")),
            Unit::CareDays | Unit::Visits => Some(Text::new("当月天数", "the days of the month")),
            Unit::Hours => Some(Text::new("24小时 × 当月天数", "24 hours × the days of the month")),
            _ => None,
        }
    }

    /// Why a month's largest value is what it is, for an error: "（2027-02共28天）".
    fn max_reason(self, m: ThisMonth) -> [String; 2] {
        let (month, days) = (m.month, m.month.days());
        match self {
            Unit::Days => ["（不超过护理天数）".into(), " (at most careDays)".into()],
            Unit::Visits => [format!("（{month}共{days}天）"), format!(" (the {days} days of {month})")],
            Unit::Hours => [format!("（{month}共{days}天，每天24小时）"), format!(" (24 hours × the {days} days of {month})")],
            _ => [String::new(), String::new()],
        }
    }
}

/// The value an input takes when the query leaves it out.
#[derive(Clone, Copy)]
pub(crate) enum Default {
    Fixed(Decimal),
    /// The month's care days.
    CareDays,
    /// Computed from the care days (and the parameters); the text says how.
    FromCareDays(fn(&Ctx<'_>) -> Decimal, Text),
    /// The month's days on which the scheme is in force (`careDays`).
    DaysInForce,
    /// The current month in China (`month`).
    CurrentMonth,
    /// No value: the rule works without it (e.g. an unknown charge); `false` for a flag.
    Absent,
    /// The query must give it (`missing_field`).
    Required,
}

impl Default {
    /// How the default is found, for the catalog, when it is not a fixed value.
    pub fn rule(self) -> Option<Text> {
        match self {
            Default::CareDays => Some(Text::new("等于护理天数", "equals the care days")),
            Default::FromCareDays(_, rule) => Some(rule),
            Default::DaysInForce => {
                Some(Text::new("整月（实施首月按实施天数）", "the whole month (in a scheme's first month, its days in force)"))
            }
            Default::CurrentMonth => Some(Text::new("本月（中国时间）", "this month (China time)")),
            Default::Fixed(_) | Default::Absent | Default::Required => None,
        }
    }
}

/// One input's value as read by its declaration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Typed {
    Number(Decimal),
    Flag(bool),
    Month(Month),
    Years(ContributionYears),
}

/// The inputs of a query as read, by key.
#[derive(Default)]
pub(crate) struct Given(pub Vec<(&'static str, Typed)>);

impl Given {
    pub fn get(&self, input: &Input) -> Option<Typed> {
        self.0.iter().find(|(k, _)| *k == input.key).map(|(_, v)| *v)
    }
}

/// A validated query, with the month, document and care days resolved.
pub(crate) struct Ctx<'q> {
    pub query: &'q Query,
    /// Its inputs, read by their declarations.
    pub given: &'q Given,
    pub city: &'static City,
    pub mode: &'static Mode,
    pub document: &'static Document,
    pub month: Month,
    /// The day the month's parameters are read on (`Document::first_day`).
    pub on: Date,
    pub care_days: u32,
}

impl Ctx<'_> {
    /// The value of `p` in force for this month, with its source.
    pub fn param(&self, p: &'static Param) -> InForce {
        self.city.value(p, self.on)
    }

    /// A clause of the month's document, cited: a successor that keeps the
    /// clause numbers needs no new citation (`Document::renumbered` if it does not).
    pub fn cite(&self, clause: &str) -> Cow<'static, str> {
        self.document.cite(clause)
    }

    pub fn grade(&self) -> Grade {
        self.query.grade
    }

    pub fn insurance(&self) -> Insurance {
        self.query.insurance
    }

    pub fn days_in_month(&self) -> u32 {
        self.month.days()
    }

    /// A full month: care on every day of it.
    pub fn full_month(&self) -> bool {
        self.care_days == self.days_in_month()
    }

    pub fn care_days_dec(&self) -> Decimal {
        Decimal::from(self.care_days)
    }

    /// A number input, or its default; `None` if absent without a default.
    pub fn optional(&self, input: &Input) -> Option<Decimal> {
        if let Some(Typed::Number(v)) = self.given.get(input) {
            return Some(v);
        }
        self.default_of(input)
    }

    /// The value a number input takes this month when the query leaves it out.
    pub fn default_of(&self, input: &Input) -> Option<Decimal> {
        match input.default {
            Default::Fixed(v) => Some(v),
            Default::CareDays => Some(self.care_days_dec()),
            Default::FromCareDays(f, _) => Some(f(self)),
            Default::DaysInForce | Default::CurrentMonth | Default::Absent | Default::Required => None,
        }
    }

    /// A number input with its default (zero if it has none, which validation rules out for required ones).
    pub fn number(&self, input: &Input) -> Decimal {
        self.optional(input).unwrap_or(Decimal::ZERO)
    }

    /// A count input, or its default.
    pub fn count(&self, input: &Input) -> Option<u32> {
        self.optional(input).and_then(|v| u32::try_from(v).ok())
    }

    /// A yes/no input; `false` when not given.
    pub fn flag(&self, input: &Input) -> bool {
        matches!(self.given.get(input), Some(Typed::Flag(true)))
    }

    /// A month input, if given.
    pub fn month_of(&self, input: &Input) -> Option<Month> {
        match self.given.get(input) {
            Some(Typed::Month(m)) => Some(m),
            _ => None,
        }
    }

    /// Years of contributions, if given.
    pub fn years(&self, input: &Input) -> Option<ContributionYears> {
        match self.given.get(input) {
            Some(Typed::Years(y)) => Some(y),
            _ => None,
        }
    }
}

/// The lines and notes a city computes, and any condition that depends on them.
#[derive(Default)]
pub(crate) struct Out {
    pub lines: Vec<Line>,
    pub notes: Vec<Note>,
    /// A condition on the amounts themselves (常州 就高, 五(五)2), failed once the
    /// lines are known: it makes the estimate ineligible.
    pub refusal: Option<Reason>,
}

impl Out {
    pub fn line(&mut self, line: Line) {
        self.lines.push(line);
    }

    pub fn note(&mut self, note: Note) {
        self.notes.push(note);
    }

    pub fn refuse(&mut self, reason: Reason) {
        self.refusal = Some(reason);
    }

    pub fn fund_total(&self) -> Money {
        self.lines.iter().map(|l| l.fund).sum()
    }
}

/// A reason for ineligibility.
pub(crate) fn reason(
    code: ReasonCode,
    message: impl Into<Cow<'static, str>>,
    message_en: impl Into<Cow<'static, str>>,
    citation: impl Into<Cow<'static, str>>,
) -> Reason {
    Reason { code, message: message.into(), message_en: message_en.into(), citation: citation.into() }
}

/// A note: a reading the calculator chose, or a condition it cannot check.
pub(crate) fn note(
    code: &'static str,
    message: impl Into<Cow<'static, str>>,
    message_en: impl Into<Cow<'static, str>>,
    citation: impl Into<Cow<'static, str>>,
) -> Note {
    Note { code, message: message.into(), message_en: message_en.into(), citation: citation.into() }
}

/// docs/api.md "Nothing silently ignored": one note naming each input given
/// that the rules did not read, after `opening` (Chinese, English: "常州“居家护理”的规定
/// 不使用以下输入项，本估算没有考虑它们："); `None` when there is none. Estimates and
/// contributions both say it so.
pub(crate) fn input_not_used<'a>(
    opening: impl FnOnce() -> [String; 2],
    unused: impl IntoIterator<Item = &'a Input>,
    citation: &'static str,
) -> Option<Note> {
    let (mut zh, mut en) = (String::new(), String::new());
    let mut opening = Some(opening);
    for input in unused {
        if let Some(opening) = opening.take() {
            [zh, en] = opening();
        } else {
            zh.push('、');
            en.push_str(", ");
        }
        let (key, label) = (input.key, input.label);
        let _ = write!(zh, "{key}（{}）", label.zh);
        let _ = write!(en, "{key} ({})", label.en);
    }
    if zh.is_empty() {
        return None;
    }
    zh.push_str("。取默认值的输入（如“否”）与不填相同，不列出。");
    en.push_str(". Inputs at their default (such as false) count as not given.");
    Some(note("input_not_used", zh, en, citation))
}

// ---- Shared formulas ------------------------------------------------------

/// A formula in words, Chinese and English.
pub(crate) fn basis(zh: String, en: String) -> [String; 2] {
    [zh, en]
}

/// A percentage for a basis text: 0.7 → "70%".
pub(crate) fn pct(share: Decimal) -> crate::money::Plain {
    plain(share * Decimal::ONE_HUNDRED)
}

/// A per-day rate the fund settles with a provider, against an optional daily charge.
///
/// Without the charge the fund pays `rate × days` and the cost is unknown (note
/// `self_pay_unknown`); with it, the cost is `charge × days` and the fund pays
/// `min(rate, charge) × days`.
pub(crate) fn daily_rate_line(
    out: &mut Out,
    ctx: &Ctx<'_>,
    charge: &Input,
    line: (&'static str, Text),
    rate: Decimal,
    citation: Cow<'static, str>,
) {
    let (id, label) = line;
    let days = ctx.care_days_dec();
    let d = ctx.care_days;
    match ctx.optional(charge) {
        None => {
            let fund = Money::round(rate * days);
            let (r, f) = (plain(rate), fund);
            out.line(Line::service_unknown_cost(
                id,
                label,
                fund,
                basis(format!("{r}元/日 × {d}日 = {f}元"), format!("{r} yuan/day × {d} days = {f} yuan")),
                citation.clone(),
            ));
            out.note(self_pay_unknown(label, citation.clone()));
        }
        Some(charge) => {
            let paid = rate.min(charge);
            let cost = Money::round(charge * days);
            let fund = Money::round(paid * days);
            let (r, c, p) = (plain(rate), plain(charge), plain(paid));
            if charge < rate {
                out.note(fund_at_most_charge(citation.clone()));
            }
            out.line(Line::service(
                id,
                label,
                cost,
                fund,
                basis(
                    format!("收费{c}元/日 × {d}日 = {cost}元；基金按{p}元/日支付（标准{r}元/日，不超过实际收费）"),
                    format!("charge {c} yuan/day × {d} days = {cost} yuan; the fund pays {p} yuan/day (rate {r}, at most the charge)"),
                ),
                citation,
            ));
        }
    }
}

/// docs/api.md "Nothing silently ignored": the charge given is below the fixed rate
/// the fund settles per day or hour. The texts set a 定额; this calculator never
/// counts more than the charge (each line's basis shows both figures).
pub(crate) fn fund_at_most_charge(citation: Cow<'static, str>) -> Note {
    note(
        "reading_fund_at_most_charge",
        "收费低于文件的定额：本计算器不按高于实际收费的金额计算（见计算方法）。",
        "The charge is below the text's fixed rate: this calculator never counts more than the charge (see the basis).",
        citation,
    )
}

/// The note for a line whose full cost the query did not give.
pub(crate) fn self_pay_unknown(label: Text, citation: Cow<'static, str>) -> Note {
    note(
        "self_pay_unknown",
        format!("{}：基金按定额支付；填写机构的收费（dailyCharge 每日收费）才能算出个人自付部分。", label.zh),
        format!("{}: the fund pays a fixed rate; give the provider's charge (dailyCharge) to see what you pay yourself.", label.en),
        citation,
    )
}

/// A charge paid at a share within a limit: fund `share × min(amount, limit)`, the rest is self-paid.
pub(crate) fn share_within_limit_line(
    id: &'static str,
    label: Text,
    amount: Decimal,
    limit: Decimal,
    share: Decimal,
    citation: Cow<'static, str>,
) -> Line {
    let within = amount.min(limit);
    let fund = Money::round(share * within);
    let cost = Money::round(amount);
    let (a, l, s, w) = (plain(amount), plain(limit), pct(share), plain(within));
    Line::service(
        id,
        label,
        cost,
        fund,
        basis(
            format!("费用{a}元，限额{l}元/月内{w}元 × 基金补偿{s}% = {fund}元，其余个人支付"),
            format!("cost {a} yuan; {w} yuan within the {l} yuan/month limit × fund {s}% = {fund} yuan; you pay the rest"),
        ),
        citation,
    )
}

/// A quota the fund pays a share of; the person pays the rest.
pub(crate) fn quota_share_line(
    id: &'static str,
    label: Text,
    quota: Decimal,
    share: Decimal,
    quota_words: [String; 2],
    citation: Cow<'static, str>,
) -> Line {
    let cost = Money::round(quota);
    let fund = Money::round(quota * share);
    let s = pct(share);
    let [zh, en] = quota_words;
    Line::service(
        id,
        label,
        cost,
        fund,
        basis(format!("{zh} × 基金支付{s}% = {fund}元"), format!("{en} × fund {s}% = {fund} yuan")),
        citation,
    )
}

/// A daily quota for the care days at the fund's share: paid in full, an
/// allowance; at a lower share, a service whose rest the person pays.
pub(crate) fn daily_quota_line(id: &'static str, label: Text, rate: &InForce, share: &InForce, days: u32) -> Line {
    if share.value == Decimal::ONE {
        return daily_allowance_line(id, label, rate.value, days, rate.citation.clone());
    }
    let q = plain(rate.value);
    let words = basis(format!("每日定额{q}元 × {days}日"), format!("{q} yuan/day × {days} days"));
    quota_share_line(id, label, rate.value * Decimal::from(days), share.value, words, rate.citation.clone())
}

/// A per-day allowance paid in full by the fund.
pub(crate) fn daily_allowance_line(id: &'static str, label: Text, rate: Decimal, days: u32, citation: Cow<'static, str>) -> Line {
    let fund = Money::round(rate * Decimal::from(days));
    let r = plain(rate);
    Line::allowance(
        id,
        label,
        fund,
        basis(
            format!("{r}元/日 × {days}日 = {fund}元，基金全额支付"),
            format!("{r} yuan/day × {days} days = {fund} yuan, paid in full by the fund"),
        ),
        citation,
    )
}

// ---- Shared conditions ----------------------------------------------------

/// 晋城 四(八), 日照 三(八)1 exclude care costs that work-injury (another social)
/// insurance pays, not people: reading them as excluding a person who receives
/// its care allowance is this calculator's.
pub(crate) fn work_injury_reading(citation: Cow<'static, str>) -> Note {
    note(
        "reading_work_injury_exclusion",
        "文件排除的是应由工伤保险等其他社会保险支付的护理费用；把领取工伤保险生活护理费的人整体排除，是本计算器的理解。",
        "The text excludes care costs that work-injury or other social insurance pays; excluding a person who receives its care allowance is this calculator's reading.",
        citation,
    )
}

/// `disabilityMonths` below the minimum the city requires; `condition` words
/// the city's own condition for the minimum (its clause's quote follows).
pub(crate) fn disability_too_short(ctx: &Ctx<'_>, min: &'static Param, condition: fn(u32) -> [String; 2], out: &mut Vec<Reason>) {
    let min = ctx.param(min);
    let (months, m) = (ctx.count(&inputs::DISABILITY_MONTHS).unwrap_or(0), min.count());
    if months < m {
        let [zh, en] = condition(m);
        out.push(reason(
            ReasonCode::DisabilityTooShort,
            format!("{zh}（“{}”），目前为{months}个月。", min.quote),
            format!("{en}; it has lasted {months} months."),
            min.citation.clone(),
        ));
    }
}

/// When `disabilityMonths` was not given, its default decides the answer: said
/// on every estimate of a city that reads it, with the city's own condition.
pub(crate) fn assumed_disability_months(ctx: &Ctx<'_>, min: &'static Param, condition: fn(u32) -> [String; 2], out: &mut Vec<Note>) {
    if ctx.given.get(&inputs::DISABILITY_MONTHS).is_some() {
        return;
    }
    let d = ctx.count(&inputs::DISABILITY_MONTHS).unwrap_or(0);
    let min = ctx.param(min);
    let [zh, en] = condition(min.count());
    out.push(note(
        "assumed_disability_months",
        format!("未填写失能持续时间，按{d}个月计算：{zh}（“{}”）；实际不足的，不符合享受条件。", min.quote),
        format!(
            "How long the disability has lasted was not given and is taken as {d} months: {en}; if it is shorter, no benefits are paid."
        ),
        min.citation,
    ));
}

/// The usual condition: the disability has lasted `m` months (晋城 四(二), 连云港 一).
pub(crate) fn disabled_for(m: u32) -> [String; 2] {
    [format!("失能状态须持续{m}个月以上"), format!("The disability must have lasted at least {m} months")]
}

/// Benefits start in the month of the assessment, or `after` months later (常州 次月起).
pub(crate) fn before_benefit_start(ctx: &Ctx<'_>, after: u32, out: &mut Vec<Reason>, citation: Cow<'static, str>) {
    let Some(assessed) = ctx.month_of(&inputs::ASSESSED_MONTH) else { return };
    let first = (0..after).fold(assessed, |m, _| m.next());
    if ctx.month < first {
        out.push(reason(
            ReasonCode::BeforeBenefitStart,
            format!("评估结论在{assessed}作出，待遇自{first}起享受，{}尚未开始。", ctx.month),
            format!("The assessment was concluded in {assessed}; benefits start in {first}, after {}.", ctx.month),
            citation,
        ));
    }
}

/// `interruptedContribution` without resumed contributions.
pub(crate) fn contribution_interrupted(ctx: &Ctx<'_>, out: &mut Vec<Reason>, rule: Text, citation: Cow<'static, str>) {
    if ctx.flag(&inputs::INTERRUPTED_CONTRIBUTION) && ctx.given.get(&inputs::MONTHS_SINCE_RESUMED).is_none() {
        out.push(reason(
            ReasonCode::ContributionInterrupted,
            format!("参保缴费已中断且尚未恢复：{}", rule.zh),
            format!("Contributions were interrupted and have not resumed: {}", rule.en),
            citation,
        ));
    }
}

/// `grade` outside the grades the city covers.
pub(crate) fn grade_not_covered(ctx: &Ctx<'_>, out: &mut Vec<Reason>, rule: Text, citation: Cow<'static, str>) {
    if !ctx.document.grades.contains(&ctx.grade()) {
        let g = ctx.grade().name();
        out.push(reason(
            ReasonCode::GradeNotCovered,
            format!("失能等级为“{}”，不在待遇范围内：{}", g.zh, rule.zh),
            format!("The assessed grade ({}) is not covered: {}", g.en, rule.en),
            citation,
        ));
    }
}

/// `insurance` outside the insurance types the city covers.
pub(crate) fn insurance_not_covered(ctx: &Ctx<'_>, out: &mut Vec<Reason>, rule: Text, citation: Cow<'static, str>) {
    if !ctx.document.insurance.contains(&ctx.insurance()) {
        out.push(reason(ReasonCode::InsuranceNotCovered, rule.zh, rule.en, citation));
    }
}

// ---- Input values -------------------------------------------------------

/// Range, sign and decimals of one number, by its unit; `month` is the month
/// it is about, for the units it bounds (none for contributions).
pub(crate) fn check_value(field: &'static str, unit: Unit, value: Decimal, month: Option<ThisMonth>) -> Result<(), Error> {
    let invalid = |zh: String, en: String| Err(Error::at(ErrorCode::InvalidValue, field, zh, en));
    let v = plain(value);
    if value.is_sign_negative() && !value.is_zero() {
        return invalid(format!("{field}不能为负数，收到{v}"), format!("{field} must not be negative, got {v}"));
    }
    if unit.is_integer() && !is_whole(value) {
        return invalid(format!("{field}须为整数，收到{v}"), format!("{field} must be a whole number, got {v}"));
    }
    if value.normalize().scale() > 2 {
        return invalid(format!("{field}最多两位小数，收到{v}"), format!("{field} must have at most 2 decimals, got {v}"));
    }
    let min = unit.min().unwrap_or(Decimal::ZERO);
    let max = month.map_or_else(|| unit.max(), |m| unit.max_in(m));
    if value < min || max.is_some_and(|max| value > max) {
        let (lo, hi) = (plain(min), plain(max.unwrap_or(Decimal::MAX)));
        let [hint, hint_en] = month.map(|m| unit.max_reason(m)).unwrap_or_default();
        return invalid(
            format!("{field}须在{lo}到{hi}之间{hint}，收到{v}"),
            format!("{field} must be between {lo} and {hi}{hint_en}, got {v}"),
        );
    }
    Ok(())
}

// ---- Contribution rules ---------------------------------------------------

/// A city's contribution rules.
pub(crate) struct ContributionRules {
    /// The figure whose dated values are the years the sources state a
    /// standard for; a year is under the value in force on its 1 January.
    pub standard: &'static Param,
    /// Why the first year is what it is, when the source does not say it outright.
    /// Its clause, in the document stating the first standard.
    pub first_year_clause: &'static str,
    /// Who sets later standards, in the source's own words.
    pub later_years: Text,
    /// Its clause, in the document stating the standard of the year.
    pub later_years_clause: &'static str,
    pub insurance: &'static [Insurance],
    pub insurance_not_covered: Text,
    /// The inputs this city reads, besides city, year and insurance (`inputs::CONTRIBUTION`).
    pub inputs: &'static [&'static Input],
    /// The districts `district` may name.
    pub districts: &'static [Choice],
    pub compute: fn(&ContributionQuery, &At, &mut ContributionLines) -> Result<(), Error>,
}

impl ContributionRules {
    /// The first year a standard is stated for: the year its first value holds
    /// from 1 January (a value from 2026-10 is for the year 2027).
    pub fn stated_from(&self, city: &City) -> u16 {
        let from = city.param(self.standard).values.first().map_or(Date::ymd(9999, 12, 31), |v| v.from);
        let y = from.month().year();
        if from == Date::ymd(y, 1, 1) {
            y
        } else {
            y.saturating_add(1)
        }
    }

    /// The last year a standard is stated for (9999 when it is open-ended).
    pub fn stated_to(&self, city: &City) -> u16 {
        city.param(self.standard).values.last().and_then(|v| v.to).map_or(9999, |d| d.month().year())
    }
}

/// The lines and notes a city computes.
#[derive(Default)]
pub(crate) struct ContributionLines {
    pub lines: Vec<ContributionLine>,
    pub notes: Vec<Note>,
}

impl ContributionLines {
    pub fn push(&mut self, payer: Payer, label: Text, amount: Decimal, basis: [String; 2], citation: Cow<'static, str>) {
        let [basis, basis_en] = basis;
        self.lines.push(ContributionLine {
            payer,
            label: label.zh,
            label_en: label.en,
            amount: Money::round(amount),
            basis,
            basis_en,
            citation,
        });
    }

    pub fn note(&mut self, note: Note) {
        self.notes.push(note);
    }
}

/// A required input of one city's contribution rule: "晋城在职职工须填写月缴费基数（monthlyBase）".
pub(crate) fn required<T>(value: Option<T>, input: &Input, who: Text) -> Result<T, Error> {
    let (key, label) = (input.key, input.label);
    value.ok_or_else(|| {
        Error::at(
            ErrorCode::MissingField,
            key,
            format!("{}须填写{}（{key}）", who.zh, label.zh),
            format!("{} needs: {} ({key})", who.en, label.en),
        )
    })
}
