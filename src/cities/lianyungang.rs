//! 连云港 Lianyungang — 《连云港市关于推进城乡居民纳入长期护理保险制度保障范围的通知
//! （征求意见稿）》, an undated draft for public comment (2026) with no document
//! number; it cites 厅字〔2025〕19号 and the employee scheme 连政发〔2023〕26号, whose
//! rules are not in this calculator's sources. 七: "2026年12月1日起……落地城乡居民长期
//! 护理保险待遇" — benefits from 2026-12-01, no end date. Residents only.
//! Every estimate is `draft`: the final rules may differ.
//!
//! ```
//! let e = ltci::estimate_json(r#"{"city":"lianyungang","insurance":"resident","grade":"severe",
//!     "careMode":"elderly_institution","month":"2026-12"}"#).unwrap();
//! assert_eq!(e.totals.fund.to_string(), "1240.00"); // 40元/天 × 31天
//! ```

use crate::error::Error;
use crate::model::ParamUnit::{Age, Hours, Months, VisitsPerMonth, YuanPerDay, YuanPerHour, YuanPerMonth, YuanPerPersonYear};
use crate::model::{ContributionQuery, Grade, Insurance, Line, Note, Payer, Reason, ReasonCode, Text};
use crate::money::{plain, Money};
use crate::month::Date;
use crate::rules::inputs::{
    AGE, ASSESSED_MONTH, DISABILITY_MONTHS, INTERRUPTED_CONTRIBUTION, MONTHS_SINCE_RESUMED, WORK_INJURY_CARE_ALLOWANCE,
};
use crate::rules::{
    self, basis, note, reason, At, Carry, City, ContributionLines, ContributionRules, Ctx, Dated, Default, DocKind, Document, Input,
    InputText, Mode, Out, Param, Step, Unit,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

macro_rules! cite {
    ($clause:literal) => {
        concat!("连云港市城乡居民长护险通知（征求意见稿） ", $clause)
    };
}

static DOCUMENT: Document = Document {
    number: "连云港市城乡居民长护险通知（征求意见稿）",
    title: "连云港市关于推进城乡居民纳入长期护理保险制度保障范围的通知（征求意见稿）",
    issued: None,
    effective_from: Date::ymd(2026, 12, 1),
    effective_to: None,
    kind: DocKind::Draft,
    period_citation: cite!("七"),
    period_quote: "2026年12月1日起……落地城乡居民长期护理保险待遇",
    last_reviewed: Date::ymd(2026, 12, 2),
    continues: None,
    renumbered: &[],
    // 一 "参加我市城乡居民基本医疗保险参保人员……同步参加我市长期护理保险"
    insurance: &[Insurance::Resident],
    // 三(一) "经申请通过失能等级评估认定的重度失能人员"
    grades: &[Grade::Severe],
    modes: &[MEDICAL_INSTITUTION, ELDERLY_INSTITUTION, DAY_CARE, HOME_VISIT],
};

pub(crate) static CITY: City = City {
    id: "lianyungang",
    name: Text::new("连云港", "Lianyungang"),
    documents: &[&DOCUMENT],
    params: &[
        &MIN_DISABILITY_MONTHS,
        &WAITING_PERIOD_MONTHS,
        &MEDICAL_INSTITUTION_DAILY_RATE,
        &ELDERLY_INSTITUTION_DAILY_RATE,
        &DAY_CARE_DAILY_RATE,
        &HOME_VISIT_HOURLY_RATE,
        &HOME_VISIT_MONTHLY_LIMIT,
        &HOURS_PER_VISIT,
        &MIN_VISITS_PER_MONTH,
        &CONTRIBUTION_INDIVIDUAL,
        &CONTRIBUTION_GOVERNMENT,
        &NOT_FINANCED_UP_TO_AGE,
    ],
    query_inputs: &[&DISABILITY_MONTHS, &WORK_INJURY_CARE_ALLOWANCE, &ASSESSED_MONTH, &INTERRUPTED_CONTRIBUTION, &MONTHS_SINCE_RESUMED],
    care_days_help: Text::new(
        "在定点机构接受护理的天数；应由医疗保险支付的住院天数不算（三(三)）。",
        "Days of care at the designated provider; hospital days paid by medical insurance do not count (3(3)).",
    ),
    input_texts: &[InputText {
        input: &DISABILITY_MONTHS,
        label: Some(Text::new("已经失能多久了", "How long has the person been disabled")),
        // 三(一) "失能状态持续6个月以上"
        help: Some(Text::new(
            "失能状态已经持续了多少个月；须持续6个月以上（三(一)）。",
            "How many months the disability has lasted; it must have lasted six months or more (3(1)).",
        )),
    }],
    // 七 "2026年12月1日起，受理失能等级评估申请……待遇申请流程、失能等级评估……按照职工长期
    //  护理保险有关规定执行"
    next_steps: &[
        Step {
            text: Text::new("2026年12月1日起，医保经办机构受理失能等级评估申请。", "From 1 December 2026 the medical insurance office takes applications for a disability assessment."),
            clause: Some("七"),
            reading: false,
        },
        Step {
            text: Text::new(
                "待遇申请流程、失能等级评估按照职工长期护理保险的有关规定执行；这些规定不在本计算器的资料中。",
                "How to apply and the assessment follow the employee LTC scheme's rules, which are not in this calculator's sources.",
            ),
            clause: Some("七"),
            reading: false,
        },
        Step {
            text: Text::new(
                "通知没有写评估后从哪个月起支付；从评估认定的当月起计算，是本计算器的理解。",
                "The notice does not say from which month benefits are paid after the assessment; counting from the month of the assessment is this calculator's reading.",
            ),
            clause: Some("三(一)"),
            reading: true,
        },
    ],
    grade_names: &[],
    check,
    notes,
    contribution: Some(&CONTRIBUTION),
};

// ---- 三(一) 保障范围 --------------------------------------------------------
// "按规定参保缴费，且失能状态持续6个月以上，经申请通过失能等级评估认定的重度失能人员。
//  对存在中断参保缴费情形的人员，设置6个月待遇等待期。"

/// 三(一) "失能状态持续6个月以上"
static MIN_DISABILITY_MONTHS: Param = Param::new(
    "disability.minimum_months",
    "失能状态最短持续月数",
    Months,
    &[Dated::of(&DOCUMENT, cite!("三(一)"), dec!(6), "失能状态持续6个月以上")],
);
/// 三(一) "设置6个月待遇等待期"
static WAITING_PERIOD_MONTHS: Param = Param::new(
    "benefits.waiting_period_months",
    "中断缴费后的待遇等待期",
    Months,
    &[Dated::of(&DOCUMENT, cite!("三(一)"), dec!(6), "设置6个月待遇等待期")],
);

fn check(ctx: &Ctx<'_>, out: &mut Vec<Reason>) {
    // 一 参保对象: residents. The employee scheme's rules are not in the sources.
    rules::insurance_not_covered(
        ctx,
        out,
        Text::new(
            "本通知只适用于城乡居民医保参保人员；职工长期护理保险按连政发〔2023〕26号执行，该文件不在本计算器的资料中。",
            "This notice covers resident insurance only; employees are under the employee scheme (连政发〔2023〕26号), whose rules are not in this calculator's sources.",
        ),
        ctx.cite("一"),
    );
    rules::grade_not_covered(
        ctx,
        out,
        Text::new("待遇面向经评估认定的重度失能人员。", "Benefits are for people assessed as severely disabled."),
        ctx.cite("三(一)"),
    );
    rules::disability_too_short(ctx, &MIN_DISABILITY_MONTHS, rules::disabled_for, out);
    rules::contribution_interrupted(
        ctx,
        out,
        Text::new("享受待遇须按规定参保缴费。", "benefits require contributions as the rules set them."),
        ctx.cite("三(一)"),
    );
    if ctx.flag(&INTERRUPTED_CONTRIBUTION) {
        let wait = ctx.param(&WAITING_PERIOD_MONTHS);
        let w = wait.count();
        if let Some(since) = ctx.count(&MONTHS_SINCE_RESUMED).filter(|m| *m < w) {
            out.push(reason(
                ReasonCode::WaitingPeriod,
                format!("中断参保缴费的人员设{w}个月待遇等待期；恢复缴费{since}个月，尚在等待期内。"),
                format!("After interrupted contributions there is a {w}-month waiting period; contributions resumed {since} months ago."),
                wait.citation.clone(),
            ));
        }
    }
    rules::before_benefit_start(ctx, 0, out, ctx.cite("三(一)"));
    // 三(三) "领取工伤保险生活护理费人员，不得重复享受城乡居民长期护理保险待遇"
    if ctx.flag(&WORK_INJURY_CARE_ALLOWANCE) {
        out.push(reason(
            ReasonCode::WorkInjuryAllowance,
            "领取工伤保险生活护理费的人员，不得重复享受城乡居民长期护理保险待遇。",
            "People receiving the work-injury insurance care allowance cannot also receive resident LTC insurance benefits.",
            ctx.cite("三(三)"),
        ));
    }
}

// ---- 三(二) 待遇标准 --------------------------------------------------------
// "由长期护理保险基金按以下标准定额支付" — fixed amounts the fund settles with the provider.

static DAILY_CHARGE: Input = Input {
    key: "dailyCharge",
    label: Text::new("机构每日护理服务收费", "Provider's daily care charge"),
    help: Text::new(
        "机构每日收取的护理服务费用（元/日），不含床位费、膳食费等非护理服务费用（基金不支付，三(三)）；不填则只显示基金支付部分。",
        "The provider's care-service charge per day (yuan/day), without bed, meals or other non-care fees, which the fund never pays (3(3)); leave empty to see only the fund's part.",
    ),
    unit: Unit::YuanPerDay,
    ..Input::BASE
};

const MEDICAL_INSTITUTION: Mode = Mode {
    id: "medical_institution",
    name: Text::new("医疗机构护理床位", "Hospital care bed"),
    clause: "三(二)1",
    help: Text::new("入住定点护理机构中的医疗机构护理床位。", "A care bed in a designated medical institution."),
    inputs: &[&DAILY_CHARGE],
    uses_care_days: true,
    compute: medical_institution,
    notes: rules::no_notes,
};

const ELDERLY_INSTITUTION: Mode = Mode {
    id: "elderly_institution",
    name: Text::new("养老服务机构护理床位", "Elderly-care institution bed"),
    clause: "三(二)2",
    help: Text::new("入住定点护理机构中的养老服务机构护理床位。", "A care bed in a designated elderly-care institution."),
    inputs: &[&DAILY_CHARGE],
    uses_care_days: true,
    compute: elderly_institution,
    notes: rules::no_notes,
};

const DAY_CARE: Mode = Mode {
    id: "day_care",
    name: Text::new("社区日间照护", "Community day care"),
    clause: "三(二)3",
    help: Text::new("在社区服务机构接受日间照护。", "Day care at a community service provider."),
    inputs: &[&DAILY_CHARGE],
    uses_care_days: true,
    compute: day_care,
    notes: day_care_notes,
};

const HOME_VISIT: Mode = Mode {
    id: "home_visit",
    name: Text::new("居家上门护理", "Home visits"),
    clause: "三(二)4",
    help: Text::new(
        "定点护理机构上门服务，每次2小时、每月不少于10次，按小时结算，每月限额600元。",
        "Visits at home by a designated provider, 2 hours each, at least 10 a month, paid by the hour up to 600 yuan a month.",
    ),
    inputs: &[&VISIT_HOURS, &HOURLY_CHARGE],
    uses_care_days: false,
    compute: home_visit,
    notes: home_visit_notes,
};

/// docs/plan.md: how the person uses it each month, carried as their pattern.
static VISIT_HOURS: Input = Input {
    key: "visitHours",
    label: Text::new("本月上门服务时长", "Hours of visits this month"),
    help: Text::new("本月上门护理的总小时数。", "Total hours of home visits this month."),
    unit: Unit::Hours,
    default: Default::FromCareDays(
        default_visit_hours,
        Text::new("20小时（10次 × 2小时）；护理天数为0时为0", "20 (ten 2-hour visits); 0 when careDays is 0"),
    ),
    carry: Carry::Pattern,
    ..Input::BASE
};

static HOURLY_CHARGE: Input = Input {
    key: "hourlyCharge",
    label: Text::new("机构每小时收费", "Provider's hourly charge"),
    help: Text::new(
        "上门护理服务每小时的收费（元/小时）；不填则只显示基金支付部分。",
        "What the provider charges per hour (yuan/hour); leave empty to see only the fund's part.",
    ),
    unit: Unit::YuanPerHour,
    ..Input::BASE
};

/// 三(二)1 "选择入住定点护理机构中的医疗机构护理床位接受护理服务的，按50元/天的标准与定点护理机构结算"
static MEDICAL_INSTITUTION_DAILY_RATE: Param = Param::new(
    "medical_institution.daily_rate",
    "医疗机构护理床位日结算标准",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("三(二)1"), dec!(50), "按50元/天的标准")],
);
/// 三(二)2 "选择入住定点护理机构中的养老服务机构护理床位接受护理服务的，按40元/天的标准与定点护理机构结算"
static ELDERLY_INSTITUTION_DAILY_RATE: Param = Param::new(
    "elderly_institution.daily_rate",
    "养老服务机构护理床位日结算标准",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("三(二)2"), dec!(40), "按40元/天的标准")],
);
/// 三(二)3 "在社区服务机构接受日间照护服务的，按20元/天的标准与定点护理机构结算"
static DAY_CARE_DAILY_RATE: Param = Param::new(
    "day_care.daily_rate",
    "社区日间照护日结算标准",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("三(二)3"), dec!(20), "按20元/天的标准")],
);

// 三(二)4 "每次服务时长2小时，每月服务次数不低于10次，按30元/小时的标准与服务机构结算，
//  月度限额600元。上门服务月度总时长不足20小时的，根据当月实际服务时长结算。"
// The limit is 600 yuan, not 20 hours: below 30 yuan an hour, more than 20 hours
// fit under it (22 h at 25 元/h: 550).

/// 三(二)4 居家上门护理 元/小时.
static HOME_VISIT_HOURLY_RATE: Param = Param::new(
    "home_visit.hourly_rate",
    "居家上门护理小时结算标准",
    YuanPerHour,
    &[Dated::of(&DOCUMENT, cite!("三(二)4"), dec!(30), "按30元/小时的标准")],
);
/// 三(二)4 "月度限额600元"
static HOME_VISIT_MONTHLY_LIMIT: Param = Param::new(
    "home_visit.monthly_limit",
    "居家上门护理月度限额",
    YuanPerMonth,
    &[Dated::of(&DOCUMENT, cite!("三(二)4"), dec!(600), "月度限额600元")],
);
/// 三(二)4 "每次服务时长2小时"
static HOURS_PER_VISIT: Param = Param::new(
    "home_visit.hours_per_visit",
    "居家上门护理每次服务时长",
    Hours,
    &[Dated::of(&DOCUMENT, cite!("三(二)4"), dec!(2), "每次服务时长2小时")],
);
/// 三(二)4 "每月服务次数不低于10次"
static MIN_VISITS_PER_MONTH: Param = Param::new(
    "home_visit.minimum_visits_per_month",
    "居家上门护理每月最少服务次数",
    VisitsPerMonth,
    &[Dated::of(&DOCUMENT, cite!("三(二)4"), dec!(10), "每月服务次数不低于10次")],
);

/// Default `visitHours`: the least visits a month at their length (10 × 2
/// hours), none in a month without a care day.
fn default_visit_hours(ctx: &Ctx<'_>) -> Decimal {
    if ctx.care_days == 0 {
        Decimal::ZERO
    } else {
        ctx.param(&HOURS_PER_VISIT).value * ctx.param(&MIN_VISITS_PER_MONTH).value
    }
}

fn medical_institution(ctx: &Ctx<'_>, out: &mut Out) {
    bed_day(ctx, out, &MEDICAL_INSTITUTION, &MEDICAL_INSTITUTION_DAILY_RATE);
}

fn elderly_institution(ctx: &Ctx<'_>, out: &mut Out) {
    bed_day(ctx, out, &ELDERLY_INSTITUTION, &ELDERLY_INSTITUTION_DAILY_RATE);
}

fn day_care(ctx: &Ctx<'_>, out: &mut Out) {
    bed_day(ctx, out, &DAY_CARE, &DAY_CARE_DAILY_RATE);
}

/// 三(二)1–3: a fixed rate per day, settled with the provider.
fn bed_day(ctx: &Ctx<'_>, out: &mut Out, mode: &Mode, rate: &'static Param) {
    let rate = ctx.param(rate);
    rules::daily_rate_line(out, ctx, &DAILY_CHARGE, (mode.id, mode.name), rate.value, rate.citation.clone());
}

fn home_visit(ctx: &Ctx<'_>, out: &mut Out) {
    let hours = ctx.number(&VISIT_HOURS);
    let (rate, limit) = (ctx.param(&HOME_VISIT_HOURLY_RATE), ctx.param(&HOME_VISIT_MONTHLY_LIMIT));
    let citation = rate.citation;
    let (rate, limit) = (rate.value, limit.value);
    let (h, r, l) = (plain(hours), plain(rate), plain(limit));
    let label = HOME_VISIT.name;
    // 30元/小时 (at most the charge) × the hours served, at most 600 a month.
    let charge = ctx.optional(&HOURLY_CHARGE);
    let paid_rate = charge.map_or(rate, |c| rate.min(c));
    let before_limit = paid_rate * hours;
    let fund = Money::round(before_limit.min(limit));
    // Paying for more than the 20 hours of 10 visits of 2 hours is this
    // calculator's reading of "月度限额600元": said where the other reading pays less.
    let twenty = ctx.param(&HOURS_PER_VISIT).value * ctx.param(&MIN_VISITS_PER_MONTH).value;
    let other = Money::round((paid_rate * twenty).min(limit));
    if hours > twenty && other < fund {
        let t = plain(twenty);
        out.note(note(
            "reading_hours_beyond_20",
            format!("文件写每次服务{}小时、每月不少于{}次，按{r}元/小时结算、月度限额{l}元；本计算器按实际服务时长计算到限额，基金支付{fund}元。如按每月{t}小时计，基金支付{other}元。", plain(ctx.param(&HOURS_PER_VISIT).value), plain(ctx.param(&MIN_VISITS_PER_MONTH).value)),
            format!("The text sets visits of {} hours, at least {} a month, paid at {r} yuan an hour up to {l} yuan a month; this calculator pays the hours served up to the limit: {fund} yuan. Counting {t} hours a month, the fund would pay {other} yuan.", plain(ctx.param(&HOURS_PER_VISIT).value), plain(ctx.param(&MIN_VISITS_PER_MONTH).value)),
            citation.clone(),
        ));
    }
    let (pr, b) = (plain(paid_rate), plain(before_limit));
    match charge {
        None => {
            out.line(Line::service_unknown_cost(
                "home_visit",
                label,
                fund,
                basis(
                    format!("{r}元/小时 × {h}小时 = {b}元，月度限额{l}元，基金支付{fund}元"),
                    format!("{r} yuan/hour × {h} hours = {b} yuan, limit {l} yuan a month: the fund pays {fund} yuan"),
                ),
                citation.clone(),
            ));
            out.note(note(
                "self_pay_unknown",
                format!("居家上门护理：基金按{r}元/小时定额结算；填写机构的每小时收费（hourlyCharge）才能算出个人自付部分。"),
                format!("Home visits: the fund pays {r} yuan an hour; give the provider's hourly charge (hourlyCharge) to see what you pay yourself."),
                citation.clone(),
            ));
        }
        Some(charge) => {
            let cost = Money::round(charge * hours);
            let c = plain(charge);
            if charge < rate {
                out.note(rules::fund_at_most_charge(citation.clone()));
            }
            out.line(Line::service(
                "home_visit",
                label,
                cost,
                fund,
                basis(
                    format!("收费{c}元/小时 × {h}小时 = {cost}元；基金按{pr}元/小时 × {h}小时 = {b}元，月度限额{l}元，支付{fund}元"),
                    format!("charge {c} yuan/hour × {h} hours = {cost} yuan; the fund pays {pr} yuan/hour × {h} hours = {b} yuan, limit {l} yuan a month: {fund} yuan"),
                ),
                citation.clone(),
            ));
        }
    }
}

// ---- Notes on every estimate -----------------------------------------------

fn notes(ctx: &Ctx<'_>, out: &mut Vec<Note>) {
    rules::assumed_disability_months(ctx, &MIN_DISABILITY_MONTHS, rules::disabled_for, out);
    out.push(note(
        "draft_document",
        "依据的是征求意见稿，正式文件的规定可能不同。",
        "Based on a draft for public comment: the final rules may differ.",
        ctx.cite("标题"),
    ));
    // 三(二) "参保人在市内接受护理服务期间，发生的符合长期护理保险护理服务项目范围和标准的费用"
    out.push(note(
        "condition_in_city",
        "基金只支付在连云港市内接受护理服务期间、符合护理服务项目范围和标准的费用。",
        "The fund pays only for care received inside Lianyungang that is within the listed services and standards.",
        ctx.cite("三(二)"),
    ));
}

fn day_care_notes(ctx: &Ctx<'_>, out: &mut Vec<Note>) {
    out.push(note(
        "condition_day_care_terms",
        "日间照护的具体服务时长与服务项目由市医保部门另行制定。",
        "The hours and services of day care are to be set separately by the city's medical insurance bureau.",
        ctx.cite("三(二)3"),
    ));
}

fn home_visit_notes(ctx: &Ctx<'_>, out: &mut Vec<Note>) {
    let (per, visits) = (ctx.param(&HOURS_PER_VISIT), ctx.param(&MIN_VISITS_PER_MONTH));
    let (p, v, t) = (plain(per.value), plain(visits.value), plain(per.value * visits.value));
    out.push(note(
        "condition_visit_schedule",
        format!("居家上门护理每次服务时长{p}小时，每月服务次数不低于{v}次；不足{t}小时的按实际时长结算。"),
        format!("Home visits last {p} hours each, at least {v} a month; under {t} hours a month is paid by the hours actually served."),
        per.citation.clone(),
    ));
}

// ---- 二(一) 筹资标准 --------------------------------------------------------
// "城乡居民长期护理保险筹资由个人和政府合理分担，起步阶段按照每人每年40元的标准筹集。
//  其中个人缴费每人每年20元，政府补助每人每年20元。"

// 七 "2026年10月起，与城乡居民基本医疗保险同步启动城乡居民长期护理保险个人缴费征缴":
// the standard holds from then, for the year it is collected for, 2027 (a reading:
// the resident medical insurance is collected in autumn for the following year). It
// is the "起步阶段" standard: later years are carried forward, not stated.
const FIRST_STANDARD: (Date, Option<Date>) = (Date::ymd(2026, 10, 1), Some(Date::ymd(2027, 12, 31)));

/// 二(一) 个人缴费 每人每年.
static CONTRIBUTION_INDIVIDUAL: Param = Param::new(
    "contribution.individual",
    "个人缴费",
    YuanPerPersonYear,
    &[Dated::of(&DOCUMENT, cite!("二(一)"), dec!(20), "个人缴费每人每年20元").during(FIRST_STANDARD.0, FIRST_STANDARD.1)],
);
/// 二(一) 政府补助 每人每年.
static CONTRIBUTION_GOVERNMENT: Param = Param::new(
    "contribution.government",
    "政府补助",
    YuanPerPersonYear,
    &[Dated::of(&DOCUMENT, cite!("二(一)"), dec!(20), "政府补助每人每年20元").during(FIRST_STANDARD.0, FIRST_STANDARD.1)],
);
/// 二(一) "18周岁以下……暂不单独筹资": 以下 includes the number (民法典 第1259条).
static NOT_FINANCED_UP_TO_AGE: Param = Param::new(
    "contribution.not_financed_up_to_age",
    "暂不单独筹资的年龄上限",
    Age,
    &[Dated::of(&DOCUMENT, cite!("二(一)"), dec!(18), "18周岁以下……暂不单独筹资").during(FIRST_STANDARD.0, None)],
);

static CONTRIBUTION: ContributionRules = ContributionRules {
    standard: &CONTRIBUTION_INDIVIDUAL,
    first_year_clause: "七、二(一)",
    later_years: Text::new(
        "“根据经济社会发展和基金运行情况，医疗保障部门会同财政部门对基金筹集方式、筹资标准和待遇水平进行动态调整。”",
        "The medical security and finance departments adjust the financing method, standard and benefits as the economy and the fund develop.",
    ),
    later_years_clause: "二(二)",
    insurance: &[Insurance::Resident],
    insurance_not_covered: Text::new(
        "本通知只规定城乡居民的筹资；职工长期护理保险按连政发〔2023〕26号执行，该文件不在本计算器的资料中。",
        "This notice sets residents' contributions only; the employee scheme (连政发〔2023〕26号) is not in this calculator's sources.",
    ),
    inputs: &[&AGE],
    districts: &[],
    compute: contribution,
};

#[allow(clippy::unnecessary_wraps)] // the signature of `Rules::compute`: other cities' rules can fail.
fn contribution(q: &ContributionQuery, at: &At, out: &mut ContributionLines) -> Result<(), Error> {
    let (individual, government) = (at.param(&CONTRIBUTION_INDIVIDUAL), at.param(&CONTRIBUTION_GOVERNMENT));
    let from = individual.from.month();
    let (y, m, first) = (from.year(), from.number(), from.year() + 1);
    out.note(note(
        "reading_first_year",
        format!("七：{y}年{m}月起与城乡居民医保同步征缴个人缴费；居民医保在秋季征缴下一年度的保费，所以本计算器把{first}年作为第一个缴费年度。"),
        format!("Collection starts in {from} with the resident medical insurance, which is collected in autumn for the following year, so {first} is taken as the first contribution year."),
        at.cite("七"),
    ));
    let age = at.param(&NOT_FINANCED_UP_TO_AGE);
    let a = age.count();
    if q.age.is_some_and(|x| x <= a) {
        out.note(note(
            "under_18_not_financed",
            format!("{a}周岁以下参加城乡居民医保的参保人员暂不单独筹资（“以下”含本数，民法典第1259条，这是本计算器的理解）。"),
            format!("Residents aged {a} or under are not separately financed for now (\"以下\" includes the number itself, Civil Code art. 1259: this calculator's reading)."),
            age.citation.clone(),
        ));
    } else {
        let (i, g) = (plain(individual.value), plain(government.value));
        out.push(
            Payer::Individual,
            Text::new("个人缴费", "Personal contribution"),
            individual.value,
            basis(
                format!("个人缴费{i}元/人·年，与居民医保一并征缴"),
                format!("personal {i} yuan a year, collected with the resident medical insurance"),
            ),
            individual.citation.clone(),
        );
        out.push(
            Payer::Government,
            Text::new("政府补助", "Government subsidy"),
            government.value,
            basis(format!("政府补助{g}元/人·年"), format!("government subsidy {g} yuan a year")),
            government.citation.clone(),
        );
    }
    out.note(note(
        "condition_students_and_assisted",
        "大中专院校在校学生的缴费标准由市医保部门另行制定；困难人员的个人缴费按医疗救助对象分类资助参保政策资助。",
        "Students' contributions are set separately by the city's medical insurance bureau; people in need have their personal share subsidised under the medical-assistance rules.",
        at.cite("二(一)"),
    ));
    Ok(())
}
