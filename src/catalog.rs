//! Everything a form needs, taken from the city modules: a new city needs no
//! change in the web page.

use crate::cities::CITIES;
use crate::error::{Error, ErrorCode};
use crate::model::{Category, Choice, Grade, Insurance, Status, Text};
use crate::money::plain;
use crate::month::{Date, Month};
use crate::rules::{City, ContributionRules, Default, Document, Input, Mode, Unit, MAX_MONEY, NO_DOCUMENT};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::Serialize;

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
    pub query_inputs: &'static [InputInfo],
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
    /// The city's own names for grades, where its document has them (日照 半失能, 完全失能).
    pub grade_names: Vec<GradeName>,
    pub care_modes: Vec<ModeInfo>,
    /// What the sources say about contributions; `None` when they give no amounts.
    pub contribution: Option<ContributionInfo>,
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
    /// For the catalog's month: `in_force`, `expired`, `not_in_force`, `draft` or `article`.
    pub status: Status,
    /// The day its figures were last checked against the source (规则核对日期).
    pub last_reviewed: Date,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModeInfo {
    pub id: &'static str,
    pub name: Text,
    pub citation: &'static str,
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

/// `{"key": "category", "values": ["retired"]}`: the input applies only then.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Condition {
    pub key: &'static str,
    pub values: &'static [&'static str],
}

impl InputInfo {
    /// An input with no unit, default or bounds.
    const fn new(key: &'static str, kind: &'static str, label: Text, help: Text) -> InputInfo {
        InputInfo {
            key,
            label,
            help,
            kind,
            unit: None,
            default: None,
            default_rule: None,
            required: false,
            min: None,
            max: None,
            max_rule: None,
            options: None,
            when: None,
        }
    }
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
        query_inputs: &QUERY_INPUTS,
        cities: CITIES.iter().map(|c| city(c, month)).collect(),
    }
}

fn city(c: &City, month: Month) -> CityInfo {
    // Who is covered and the care modes are the month's document's.
    let now = c.document(month).unwrap_or(&NO_DOCUMENT);
    CityInfo {
        id: c.id,
        name: c.name,
        documents: c.documents.iter().map(|d| document(d, month)).collect(),
        insurance: now.insurance.iter().map(|i| i.id()).collect(),
        grades: now.grades.iter().map(|g| g.id()).collect(),
        query_inputs: c.query_inputs.to_vec(),
        care_days_help: c.care_days_help,
        grade_names: c.grade_names.iter().map(|(g, name)| GradeName { id: g.id(), name: *name }).collect(),
        care_modes: now.modes.iter().map(mode).collect(),
        contribution: c.contribution.map(|r| contribution(r, c)),
    }
}

pub(crate) fn document(d: &Document, month: Month) -> DocumentInfo {
    DocumentInfo {
        number: d.number,
        title: d.title,
        issued: d.issued,
        effective_from: d.effective_from,
        effective_to: d.effective_to,
        status: d.status(month),
        last_reviewed: d.last_reviewed,
    }
}

fn mode(m: &Mode) -> ModeInfo {
    ModeInfo {
        id: m.id,
        name: m.name,
        citation: m.citation,
        help: m.help,
        uses_care_days: m.uses_care_days,
        inputs: m.inputs.iter().map(input).collect(),
    }
}

fn input(i: &Input) -> InputInfo {
    let kind = match i.unit {
        u if u.is_money() => "money",
        Unit::Hours => "hours",
        Unit::Level => "choice",
        _ => "integer",
    };
    let (default, default_rule) = match i.default {
        Default::Fixed(v) => (Some(v), None),
        Default::CareDays => (None, Some(Text::new("等于护理天数", "equals the care days"))),
        Default::FromCareDays(_, rule) => (None, Some(rule)),
        Default::Absent | Default::Required => (None, None),
    };
    InputInfo {
        key: i.key,
        label: i.label,
        help: i.help,
        kind,
        unit: Some(i.unit.id()),
        default,
        default_rule,
        required: matches!(i.default, Default::Required),
        min: Some(i.unit.min()),
        max: i.unit.max(),
        max_rule: (i.unit == Unit::Days).then_some(Text::new("不超过护理天数", "at most the care days")),
        options: (i.unit == Unit::Level).then_some(&LEVEL_OPTIONS[..]),
        when: None,
    }
}

/// The values of a hospital level (一、二、三级医院).
static LEVEL_OPTIONS: [Choice; 3] = [
    Choice { id: "1", name: Text::new("一级医院", "Level 1 hospital") },
    Choice { id: "2", name: Text::new("二级医院", "Level 2 hospital") },
    Choice { id: "3", name: Text::new("三级医院", "Level 3 hospital") },
];

/// The label of a contribution input, for messages.
fn contribution_label(key: &str) -> Text {
    CONTRIBUTION_INPUTS.iter().find(|i| i.key == key).map_or(Text::new("", ""), |i| i.label)
}

/// A city rule's `missing_field` with the input's label from the form
/// ("晋城在职职工须填写月缴费基数（monthlyBase）"); other errors as they are.
pub(crate) fn with_contribution_label(e: &Error) -> Error {
    match (e.code(), e.field()) {
        (ErrorCode::MissingField, Some(field)) => {
            let label = contribution_label(field);
            let (zh, en) = (
                e.message().replace(field, &format!("{}（{field}）", label.zh)),
                e.message_en().replace(field, &format!("{} ({field})", label.en)),
            );
            Error::at(ErrorCode::MissingField, field.to_owned(), zh, en)
        }
        _ => e.clone(),
    }
}

/// The common query inputs after `month` (careDays, disabilityMonths, …), in order.
pub(crate) fn common_inputs() -> &'static [InputInfo] {
    QUERY_INPUTS.get(1..).unwrap_or_default()
}

/// The common query inputs of api.md, for the form.
static QUERY_INPUTS: [InputInfo; 11] = [
    InputInfo {
        default_rule: Some(Text::new("本月（中国时间）", "this month (China time)")),
        ..InputInfo::new(
            "month",
            "month",
            Text::new("月份", "Month"),
            Text::new("要估算的月份；不同月份可能适用不同的文件。", "The month to estimate; it decides which document applies."),
        )
    },
    InputInfo {
        unit: Some("days"),
        default_rule: Some(Text::new("整月（实施首月按实施天数）", "the whole month (in a scheme's first month, its days in force)")),
        min: Some(Decimal::ZERO),
        max_rule: Some(Text::new("当月天数", "the days of the month")),
        ..InputInfo::new(
            "careDays",
            "integer",
            Text::new("护理天数", "Care days"),
            Text::new("本月接受长期护理的天数。", "Days of long-term care this month."),
        )
    },
    InputInfo {
        unit: Some("months"),
        default: Some(dec!(6)),
        min: Some(Decimal::ZERO),
        ..InputInfo::new(
            "disabilityMonths",
            "integer",
            Text::new("失能已持续月数", "Months disabled"),
            Text::new("失能状态已经持续了多少个月。", "How many months the disability has lasted."),
        )
    },
    InputInfo::new(
        "workInjuryCareAllowance",
        "boolean",
        Text::new("领取工伤保险生活护理费", "Receives work-injury care allowance"),
        Text::new("是否已按工伤保险政策领取生活护理费（津贴）。", "Whether you receive the work-injury insurance care allowance."),
    ),
    InputInfo::new(
        "assessedMonth",
        "month",
        Text::new("评估结论月份", "Month of assessment"),
        Text::new("失能等级评估（或核准）作出的月份。", "The month the disability assessment (or approval) was concluded."),
    ),
    InputInfo::new(
        "benefitsLocked",
        "boolean",
        Text::new("处于医保待遇封锁期", "In a medical insurance lock period"),
        Text::new(
            "是否处于基本医疗保险统筹待遇封锁期（如断缴后的等待期）。",
            "Whether basic medical insurance benefits are locked (待遇封锁期), e.g. after a gap in contributions.",
        ),
    ),
    InputInfo::new(
        "interruptedContribution",
        "boolean",
        Text::new("曾中断参保缴费", "Contributions were interrupted"),
        Text::new("参保缴费是否曾经中断。", "Whether your contributions were ever interrupted."),
    ),
    InputInfo {
        unit: Some("months"),
        min: Some(Decimal::ZERO),
        ..InputInfo::new(
            "monthsSinceResumed",
            "integer",
            Text::new("恢复缴费已满月数", "Months since contributions resumed"),
            Text::new(
                "中断后恢复缴费已有几个月；尚未恢复则不填。",
                "Months since contributions resumed after the gap; leave empty if not resumed.",
            ),
        )
    },
    InputInfo {
        unit: Some("years"),
        min: Some(Decimal::ZERO),
        ..InputInfo::new(
            "contributionYears",
            "years",
            Text::new("本市医保缴费年限", "Years of contributions in the city"),
            Text::new(
                "在本市连续缴费年数和累计缴费年数；不填按已满足计算。",
                "Continuous and cumulative years of medical-insurance contributions in the city; if left empty they are assumed met.",
            ),
        )
    },
    InputInfo::new(
        "insuredBeforeLtci",
        "boolean",
        Text::new("制度实施前已参保并连续缴费", "Insured before the scheme, contributing since"),
        Text::new(
            "长期护理保险制度实施前已参加本市职工医保，并在制度启动后连续缴费。",
            "Insured in the city's employee medical insurance before the LTC scheme began and contributing continuously since.",
        ),
    ),
    InputInfo {
        unit: Some("yuan/month"),
        min: Some(Decimal::ZERO),
        max: Some(MAX_MONEY),
        ..InputInfo::new(
            "disabilitySubsidy",
            "money",
            Text::new("每月重度残疾人护理补贴", "Monthly disability care subsidy"),
            Text::new(
                "正在领取的重度残疾人护理补贴（元/月），与长护险就高择一。",
                "The severe-disability care subsidy you receive (yuan a month); only the higher of it and LTC benefits is paid.",
            ),
        )
    },
];

static CATEGORY_OPTIONS: [Choice; 3] = {
    let c = Category::ALL;
    [Choice { id: c[0].id(), name: c[0].name() }, Choice { id: c[1].id(), name: c[1].name() }, Choice { id: c[2].id(), name: c[2].name() }]
};

/// The contribution inputs of contribution.md, for the form.
static CONTRIBUTION_INPUTS: [InputInfo; 6] = [
    InputInfo {
        required: true,
        options: Some(&CATEGORY_OPTIONS),
        ..InputInfo::new(
            "category",
            "choice",
            Text::new("人员类别", "Category"),
            Text::new("在职职工、灵活就业人员或退休人员。", "Employed, flexibly employed, or retired."),
        )
    },
    InputInfo {
        unit: Some("yuan/month"),
        min: Some(Decimal::ZERO),
        max: Some(MAX_MONEY),
        when: Some(Condition { key: "category", values: &["employed", "flexible"] }),
        ..InputInfo::new(
            "monthlyBase",
            "money",
            Text::new("月缴费基数", "Monthly contribution base"),
            Text::new(
                "在职、灵活就业人员：职工基本医疗保险的月缴费基数（元）。",
                "Employed and flexibly employed: the monthly base of your medical insurance contribution (yuan).",
            ),
        )
    },
    InputInfo {
        unit: Some("yuan/month"),
        min: Some(Decimal::ZERO),
        max: Some(MAX_MONEY),
        when: Some(Condition { key: "category", values: &["retired"] }),
        ..InputInfo::new(
            "monthlyPension",
            "money",
            Text::new("月退休工资", "Monthly pension"),
            Text::new("退休人员：本人每月退休工资（元）。", "Retired: your monthly pension (yuan)."),
        )
    },
    InputInfo {
        unit: Some("years"),
        min: Some(Decimal::ZERO),
        max: Some(dec!(150)),
        ..InputInfo::new(
            "age",
            "integer",
            Text::new("年龄", "Age"),
            Text::new("周岁。18周岁以下暂不单独筹资。", "Age in years; residents aged 18 or under are not separately financed."),
        )
    },
    InputInfo::new(
        "subsidized",
        "boolean",
        Text::new("享受居民医保个人缴费政府补助", "Personal contribution subsidised"),
        Text::new(
            "符合居民医保保费个人缴费政府补助条件的人员，个人缴费由政府全额补助。",
            "Residents entitled to the government subsidy of their personal medical-insurance contribution have it paid in full.",
        ),
    ),
    InputInfo::new(
        "district",
        "choice",
        Text::new("辖市区", "District"),
        Text::new("决定政府补助由哪级财政承担；可不填。", "Decides which finances pay the government share; optional."),
    ),
];

fn contribution(r: &ContributionRules, c: &City) -> ContributionInfo {
    let from = r.stated_from(c);
    ContributionInfo {
        document: c.param(r.standard).at(Date::ymd(from, 1, 1)).document.number,
        stated_from: from,
        stated_to: r.stated_to(c),
        insurance: r.insurance.iter().map(|i| i.id()).collect(),
        inputs: r.inputs.iter().filter_map(|k| contribution_input(k, r)).collect(),
    }
}

fn contribution_input(key: &str, r: &ContributionRules) -> Option<InputInfo> {
    let mut info = CONTRIBUTION_INPUTS.iter().find(|i| i.key == key)?.clone();
    if key == "district" {
        info.options = Some(r.districts);
    }
    Some(info)
}
