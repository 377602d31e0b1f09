//! The inputs common to every city, declared once (docs/api.md, docs/contribution.md):
//! their key, label, help, unit, default and how a plan carries them. A city
//! lists those its rules read (`City::query_inputs`, `ContributionRules::inputs`);
//! a care mode declares its own in its city module.

use super::{Carry, Default, Input, Unit};
use crate::model::{Category, Choice, Text};
use rust_decimal::Decimal;

/// The month asked; not an input of the rules but of the query (it picks the document).
pub(crate) static MONTH: Input = Input {
    key: "month",
    label: Text::new("月份", "Month"),
    help: Text::new("要估算的月份；不同月份可能适用不同的文件。", "The month to estimate; it decides which document applies."),
    unit: Unit::Month,
    default: Default::CurrentMonth,
    ..Input::BASE
};

/// docs/plan.md: a stay in hospital this month is not assumed to recur.
pub(crate) static CARE_DAYS: Input = Input {
    key: "careDays",
    label: Text::new("护理天数", "Care days"),
    help: Text::new("本月接受长期护理的天数。", "Days of long-term care this month."),
    unit: Unit::CareDays,
    default: Default::DaysInForce,
    carry: Carry::FirstMonthOnly,
    ..Input::BASE
};

pub(crate) static DISABILITY_MONTHS: Input = Input {
    key: "disabilityMonths",
    label: Text::new("失能已持续月数", "Months disabled"),
    help: Text::new("失能状态已经持续了多少个月。", "How many months the disability has lasted."),
    unit: Unit::Months,
    default: Default::Fixed(Decimal::from_parts(6, 0, 0, false, 0)),
    carry: Carry::PlusMonths,
    ..Input::BASE
};

pub(crate) static WORK_INJURY_CARE_ALLOWANCE: Input = Input {
    key: "workInjuryCareAllowance",
    label: Text::new("领取工伤保险生活护理费", "Receives work-injury care allowance"),
    help: Text::new("是否已按工伤保险政策领取生活护理费（津贴）。", "Whether you receive the work-injury insurance care allowance."),
    ..Input::BASE
};

pub(crate) static ASSESSED_MONTH: Input = Input {
    key: "assessedMonth",
    label: Text::new("评估结论月份", "Month of assessment"),
    help: Text::new("失能等级评估（或核准）作出的月份。", "The month the disability assessment (or approval) was concluded."),
    unit: Unit::Month,
    ..Input::BASE
};

pub(crate) static BENEFITS_LOCKED: Input = Input {
    key: "benefitsLocked",
    label: Text::new("处于医保待遇封锁期", "In a medical insurance lock period"),
    help: Text::new(
        "是否处于基本医疗保险统筹待遇封锁期（如断缴后的等待期）。",
        "Whether basic medical insurance benefits are locked (待遇封锁期), e.g. after a gap in contributions.",
    ),
    ..Input::BASE
};

pub(crate) static INTERRUPTED_CONTRIBUTION: Input = Input {
    key: "interruptedContribution",
    label: Text::new("曾中断参保缴费", "Contributions were interrupted"),
    help: Text::new("参保缴费是否曾经中断。", "Whether your contributions were ever interrupted."),
    ..Input::BASE
};

pub(crate) static MONTHS_SINCE_RESUMED: Input = Input {
    key: "monthsSinceResumed",
    label: Text::new("恢复缴费已满月数", "Months since contributions resumed"),
    help: Text::new(
        "中断后恢复缴费已有几个月；尚未恢复则不填。",
        "Months since contributions resumed after the gap; leave empty if not resumed.",
    ),
    unit: Unit::Months,
    carry: Carry::PlusMonths,
    ..Input::BASE
};

pub(crate) static CONTRIBUTION_YEARS: Input = Input {
    key: "contributionYears",
    label: Text::new("本市医保缴费年限", "Years of contributions in the city"),
    help: Text::new(
        "在本市连续缴费年数和累计缴费年数；不填按已满足计算。",
        "Continuous and cumulative years of medical-insurance contributions in the city; if left empty they are assumed met.",
    ),
    unit: Unit::Years,
    carry: Carry::PlusYears,
    ..Input::BASE
};

pub(crate) static INSURED_BEFORE_LTCI: Input = Input {
    key: "insuredBeforeLtci",
    label: Text::new("制度实施前已参保并连续缴费", "Insured before the scheme, contributing since"),
    help: Text::new(
        "长期护理保险制度实施前已参加本市职工医保，并在制度启动后连续缴费。",
        "Insured in the city's employee medical insurance before the LTC scheme began and contributing continuously since.",
    ),
    ..Input::BASE
};

pub(crate) static DISABILITY_SUBSIDY: Input = Input {
    key: "disabilitySubsidy",
    label: Text::new("每月重度残疾人护理补贴", "Monthly disability care subsidy"),
    help: Text::new("正在领取的重度残疾人护理补贴（元/月）。", "The severe-disability care subsidy you receive (yuan a month)."),
    unit: Unit::YuanPerMonth,
    ..Input::BASE
};

/// The query inputs besides city, insurance, grade and careMode, in the catalog's order.
pub(crate) static QUERY: [&Input; 11] = [
    &MONTH,
    &CARE_DAYS,
    &DISABILITY_MONTHS,
    &WORK_INJURY_CARE_ALLOWANCE,
    &ASSESSED_MONTH,
    &BENEFITS_LOCKED,
    &INTERRUPTED_CONTRIBUTION,
    &MONTHS_SINCE_RESUMED,
    &CONTRIBUTION_YEARS,
    &INSURED_BEFORE_LTCI,
    &DISABILITY_SUBSIDY,
];

/// The common inputs the rules read (every one of [`QUERY`] after `month`).
pub(crate) fn common() -> &'static [&'static Input] {
    QUERY.get(1..).unwrap_or_default()
}

// ---- Contributions (docs/contribution.md) ----------------------------------

static CATEGORY_OPTIONS: [Choice; 3] = {
    let c = Category::ALL;
    [Choice { id: c[0].id(), name: c[0].name() }, Choice { id: c[1].id(), name: c[1].name() }, Choice { id: c[2].id(), name: c[2].name() }]
};

pub(crate) static CATEGORY: Input = Input {
    key: "category",
    label: Text::new("人员类别", "Category"),
    help: Text::new("在职职工、灵活就业人员或退休人员。", "Employed, flexibly employed, or retired."),
    unit: Unit::Choice(&CATEGORY_OPTIONS),
    default: Default::Required,
    ..Input::BASE
};

pub(crate) static MONTHLY_BASE: Input = Input {
    key: "monthlyBase",
    label: Text::new("月缴费基数", "Monthly contribution base"),
    help: Text::new(
        "在职、灵活就业人员：职工基本医疗保险的月缴费基数（元）。",
        "Employed and flexibly employed: the monthly base of your medical insurance contribution (yuan).",
    ),
    unit: Unit::YuanPerMonth,
    when: Some(super::Condition { key: "category", values: &["employed", "flexible"] }),
    ..Input::BASE
};

pub(crate) static MONTHLY_PENSION: Input = Input {
    key: "monthlyPension",
    label: Text::new("月退休工资", "Monthly pension"),
    help: Text::new("退休人员：本人每月退休工资（元）。", "Retired: your monthly pension (yuan)."),
    unit: Unit::YuanPerMonth,
    when: Some(super::Condition { key: "category", values: &["retired"] }),
    ..Input::BASE
};

pub(crate) static AGE: Input = Input {
    key: "age",
    label: Text::new("年龄", "Age"),
    help: Text::new("周岁。18周岁以下暂不单独筹资。", "Age in years; residents aged 18 or under are not separately financed."),
    unit: Unit::Age,
    ..Input::BASE
};

pub(crate) static SUBSIDIZED: Input = Input {
    key: "subsidized",
    label: Text::new("享受居民医保个人缴费政府补助", "Personal contribution subsidised"),
    help: Text::new(
        "符合居民医保保费个人缴费政府补助条件的人员，个人缴费由政府全额补助。",
        "Residents entitled to the government subsidy of their personal medical-insurance contribution have it paid in full.",
    ),
    ..Input::BASE
};

/// Its choices are the city's districts (`ContributionRules::districts`).
pub(crate) static DISTRICT: Input = Input {
    key: "district",
    label: Text::new("辖市区", "District"),
    help: Text::new("决定政府补助由哪级财政承担；可不填。", "Decides which finances pay the government share; optional."),
    unit: Unit::Choice(&[]),
    ..Input::BASE
};
