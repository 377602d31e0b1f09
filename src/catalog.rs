//! Everything a form needs, taken from the city modules: a new city needs no
//! change in the web page.

use crate::cities::CITIES;
use crate::model::{Choice, Grade, Insurance, Status, Text};
use crate::money::plain;
use crate::month::{Date, Month};
use crate::rules::inputs;
use crate::rules::{City, Condition, ContributionRules, Default, Document, Input, Mode, Unit, NO_DOCUMENT};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write as _;

/// The catalog: cities, documents, insurance types, grades, care modes, inputs.
///
/// ```
/// let c = ltci::catalog();
/// let jincheng = c.cities.iter().find(|c| c.id == "jincheng").unwrap();
/// assert_eq!(jincheng.care_modes.len(), 4);
/// ```
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// The calculator's version.
    pub version: &'static str,
    /// The version of the rules encoded (see `RULES_VERSION`).
    pub rules_version: &'static str,
    pub insurance_types: Vec<Choice>,
    pub grades: Vec<GradeChoice>,
    /// The query inputs common to all cities; each city lists those its rules read.
    pub query_inputs: Vec<InputInfo>,
    pub cities: Vec<CityInfo>,
}

#[derive(Clone, Debug, Serialize)]
pub struct GradeChoice {
    pub id: &'static str,
    pub name: Text,
    /// The national assessment standard's levels this grade stands for.
    pub levels: Text,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CityInfo {
    pub id: &'static str,
    pub name: Text,
    pub documents: Vec<DocumentInfo>,
    /// Insurance types whose members can receive benefits.
    pub insurance: Vec<&'static str>,
    /// Grades that can receive benefits.
    pub grades: Vec<&'static str>,
    /// Keys of `Catalog::query_inputs` this city's rules read.
    pub query_inputs: Vec<&'static str>,
    pub care_days_help: Text,
    /// Common inputs whose label or help differs in this city, in its own words.
    pub input_texts: Vec<InputTextInfo>,
    /// What a person does next (下一步), from the month's document.
    pub next_steps: Vec<StepInfo>,
    /// The city's own names for grades, where its document has them (日照 半失能, 完全失能).
    pub grade_names: Vec<GradeName>,
    pub care_modes: Vec<ModeInfo>,
    /// What the sources say about contributions; `None` when they give no amounts.
    pub contribution: Option<ContributionInfo>,
}

/// A common input's label and help in one city's words; `null` where the common one holds.
#[derive(Clone, Debug, Serialize)]
pub struct InputTextInfo {
    pub key: &'static str,
    pub label: Option<Text>,
    pub help: Option<Text>,
}

/// One step after the answer, with its clause; `reading`: this calculator's, not the source's.
#[derive(Clone, Debug, Serialize)]
pub struct StepInfo {
    pub text: Text,
    pub citation: Option<Cow<'static, str>>,
    pub reading: bool,
}

/// A city's contribution form.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContributionInfo {
    pub document: &'static str,
    /// The years the source states the standard for; later years carry it forward.
    pub stated_from: u16,
    pub stated_to: u16,
    /// Insurance types that contribute.
    pub insurance: Vec<&'static str>,
    /// The inputs besides city, year and insurance.
    pub inputs: Vec<InputInfo>,
}

/// A grade under the city's own name.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct GradeName {
    pub id: &'static str,
    pub name: Text,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfo {
    pub number: &'static str,
    pub title: &'static str,
    pub issued: Option<Date>,
    pub effective_from: Date,
    pub effective_to: Option<Date>,
    /// For the catalog's month: `in_force`, `expired`, `not_in_force`, `draft`, `article`, or
    /// `superseded` once a later document of the city has started.
    pub status: Status,
    /// The day its figures were last checked against the source (规则核对日期).
    pub last_reviewed: Date,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModeInfo {
    pub id: &'static str,
    pub name: Text,
    pub citation: Cow<'static, str>,
    pub help: Text,
    /// False when the mode does not read careDays (it pays by the hour).
    pub uses_care_days: bool,
    pub inputs: Vec<InputInfo>,
}

/// One input of a form. Numbers are decimal strings.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputInfo {
    pub key: &'static str,
    pub label: Text,
    pub help: Text,
    /// `money`, `hours`, `integer`, `boolean`, `month` or `years` (an object
    /// `{continuous, cumulative}`).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `yuan/month`, `yuan/day`, `days`, `months`, …; `null` when unitless.
    pub unit: Option<&'static str>,
    #[serde(serialize_with = "number")]
    pub default: Option<Decimal>,
    /// How the default is found when it is not a fixed value.
    pub default_rule: Option<Text>,
    pub required: bool,
    #[serde(serialize_with = "number")]
    pub min: Option<Decimal>,
    #[serde(serialize_with = "number")]
    pub max: Option<Decimal>,
    /// How the maximum is found when it is not a fixed value.
    pub max_rule: Option<Text>,
    /// The values a `choice` input takes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<&'static [Choice]>,
    /// Shown only when another input has one of these values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

/// A number of the catalog as a plain decimal string ("6", "0.5").
#[allow(clippy::ref_option)] // serde's `serialize_with` passes `&Option<_>`.
fn number<S: serde::Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.collect_str(&plain(*v)),
        None => s.serialize_none(),
    }
}

/// The catalog, with document status for the current month in China.
pub fn catalog() -> Catalog {
    catalog_at(Month::current())
}

/// The catalog, with document status for `month`.
pub fn catalog_at(month: Month) -> Catalog {
    Catalog {
        version: env!("CARGO_PKG_VERSION"),
        rules_version: crate::reference::RULES_VERSION,
        insurance_types: Insurance::ALL.iter().map(|i| Choice { id: i.id(), name: i.name() }).collect(),
        grades: Grade::ALL.iter().map(|g| GradeChoice { id: g.id(), name: g.name(), levels: g.levels() }).collect(),
        query_inputs: inputs::QUERY.iter().map(|i| input(i)).collect(),
        cities: CITIES.iter().map(|c| city(c, month)).collect(),
    }
}

fn city(c: &City, month: Month) -> CityInfo {
    // Who is covered and the care modes are the month's document's.
    let now = c.document(month).unwrap_or(&NO_DOCUMENT);
    CityInfo {
        id: c.id,
        name: c.name,
        documents: c.documents.iter().map(|d| document(c, d, month)).collect(),
        insurance: now.insurance.iter().map(|i| i.id()).collect(),
        grades: now.grades.iter().map(|g| g.id()).collect(),
        query_inputs: c.query_inputs.iter().map(|i| i.key).collect(),
        care_days_help: c.care_days_help,
        input_texts: c.input_texts.iter().map(|t| InputTextInfo { key: t.input.key, label: t.label, help: t.help }).collect(),
        next_steps: c
            .next_steps
            .iter()
            .map(|s| StepInfo { text: s.text, citation: s.clause.map(|c| now.cite(c)), reading: s.reading })
            .collect(),
        grade_names: c.grade_names.iter().map(|(g, name)| GradeName { id: g.id(), name: *name }).collect(),
        care_modes: now.modes.iter().map(|m| mode(m, now)).collect(),
        contribution: c.contribution.map(|r| contribution(r, c)),
    }
}

pub(crate) fn document(c: &City, d: &Document, month: Month) -> DocumentInfo {
    DocumentInfo {
        number: d.number,
        title: d.title,
        issued: d.issued,
        effective_from: d.effective_from,
        effective_to: d.effective_to,
        status: c.document_status(d, month),
        last_reviewed: d.last_reviewed,
    }
}

fn mode(m: &Mode, document: &Document) -> ModeInfo {
    ModeInfo {
        id: m.id,
        name: m.name,
        citation: document.cite(m.clause),
        help: m.help,
        uses_care_days: m.uses_care_days,
        inputs: m.inputs.iter().map(|i| input(i)).collect(),
    }
}

/// An input as a form shows it, from its declaration.
fn input(i: &Input) -> InputInfo {
    let (options, kind) = match i.unit {
        Unit::Choice(options) => (Some(options), "choice"),
        Unit::Level => (Some(&LEVEL_OPTIONS[..]), "choice"),
        u => (None, u.kind()),
    };
    InputInfo {
        key: i.key,
        label: i.label,
        help: i.help,
        kind,
        unit: i.unit.id(),
        default: match i.default {
            Default::Fixed(v) => Some(v),
            _ => None,
        },
        default_rule: i.default.rule(),
        required: matches!(i.default, Default::Required),
        min: i.unit.min(),
        max: i.unit.max(),
        max_rule: i.unit.max_rule(),
        options,
        when: i.when,
    }
}

/// The values of a hospital level (一、二、三级医院).
static LEVEL_OPTIONS: [Choice; 3] = [
    Choice { id: "1", name: Text::new("一级医院", "Level 1 hospital") },
    Choice { id: "2", name: Text::new("二级医院", "Level 2 hospital") },
    Choice { id: "3", name: Text::new("三级医院", "Level 3 hospital") },
];

fn contribution(r: &ContributionRules, c: &City) -> ContributionInfo {
    let from = r.stated_from(c);
    ContributionInfo {
        document: c.param(r.standard).at(Date::ymd(from, 1, 1)).document.number,
        stated_from: from,
        stated_to: r.stated_to(c),
        insurance: r.insurance.iter().map(|i| i.id()).collect(),
        // A choice declared without choices (district) takes the city's.
        inputs: r
            .inputs
            .iter()
            .map(|i| match input(i) {
                InputInfo { options: Some([]), .. } => InputInfo { options: Some(r.districts), ..input(i) },
                info => info,
            })
            .collect(),
    }
}

/// The TypeScript declaration of a query's inputs (`QueryInputs`, which
/// `Query` extends in src/wasm.d.ts), from their declarations: the common
/// ones, then each care mode's, each key once. `scripts/pkg.mjs` appends it
/// to pkg/ltci.d.ts (`ltci catalog --typescript`), so a new input is typed
/// where it is declared.
pub fn query_typescript() -> String {
    let mut out = String::from(
        "/** The inputs of a Query, written from their declarations by `ltci catalog --typescript` (src/catalog.rs). */\nexport interface QueryInputs {\n",
    );
    let modes = CITIES.iter().flat_map(|c| c.documents.iter().flat_map(|d| d.modes.iter().flat_map(|m| m.inputs.iter())));
    let mut seen: Vec<&str> = Vec::new();
    for i in inputs::QUERY.iter().chain(modes) {
        if seen.contains(&i.key) {
            continue;
        }
        seen.push(i.key);
        let ty = match i.unit {
            Unit::Level => LEVEL_OPTIONS.iter().map(|o| o.id).collect::<Vec<_>>().join(" | "),
            Unit::Flag => "boolean".into(),
            Unit::Month => "MonthString".into(),
            Unit::Years => "{ continuous: number; cumulative: number }".into(),
            u if u.is_integer() => "number".into(),
            _ => "MoneyInput".into(),
        };
        let _ = writeln!(out, "  {}?: {ty};", i.key);
    }
    out.push_str("}\n");
    out
}
