//! 晋城 Jincheng — 晋市政发〔2020〕14号
//! 《晋城市人民政府关于建立长期护理保险制度的实施意见》, issued by 晋城市人民政府 on
//! 2020-11-04: "本意见自2021年1月1日起施行，有效期5年" — in force 2021-01-01 to
//! 2025-12-31; later months are computed with these rules and marked expired.
//! Urban employees only (四(一)); every care mode is for the severely disabled.
//!
//! ```
//! let e = ltci::estimate_json(r#"{"city":"jincheng","insurance":"employee","grade":"severe",
//!     "careMode":"home_visit","month":"2024-02"}"#).unwrap();
//! assert_eq!(e.totals.fund.to_string(), "1050.00"); // 月定额1500元 × 70%
//! ```

use crate::error::Error;
use crate::model::ParamUnit::{Months, RateOfBase, Ratio, Years, YuanPerDay, YuanPerMonth};
use crate::model::{Category, ContributionQuery, ContributionYears, Grade, Insurance, Note, Payer, Reason, ReasonCode, Text};
use crate::money::plain;
use crate::month::{Date, Month};
use crate::rules::inputs::{
    ASSESSED_MONTH, CATEGORY, CONTRIBUTION_YEARS, DISABILITY_MONTHS, INSURED_BEFORE_LTCI, INTERRUPTED_CONTRIBUTION, MONTHLY_BASE,
    MONTHLY_PENSION, MONTHS_SINCE_RESUMED, WORK_INJURY_CARE_ALLOWANCE,
};
use crate::rules::{
    self, note, reason, At, City, ContributionLines, ContributionRules, Ctx, Dated, DocKind, Document, InForce, InputText, Mode, Out,
    Param, Step,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::fmt::Write as _;

macro_rules! cite {
    ($clause:literal) => {
        concat!("晋市政发〔2020〕14号 ", $clause)
    };
}

static DOCUMENT: Document = Document {
    number: "晋市政发〔2020〕14号",
    title: "晋城市人民政府关于建立长期护理保险制度的实施意见",
    issued: Some(Date::ymd(2020, 11, 4)),
    effective_from: Date::ymd(2021, 1, 1),
    effective_to: Some(Date::ymd(2025, 12, 31)),
    kind: DocKind::Policy,
    period_citation: cite!("本意见自2021年1月1日起施行，有效期5年"),
    period_quote: "本意见自2021年1月1日起施行，有效期5年",
    last_reviewed: Date::ymd(2026, 12, 2),
    continues: None,
    renumbered: &[],
    // 四(一) "全市城镇职工基本医疗保险参保人员"
    insurance: &[Insurance::Employee],
    // 四(五) "参保重度失能人员可根据自身的护理服务需求，自愿选择不同的护理服务方式"
    grades: &[Grade::Severe],
    modes: &[HOME_SELF, HOME_VISIT, HOME_COMBINED, INSTITUTION],
};

pub(crate) static CITY: City = City {
    id: "jincheng",
    name: Text::new("晋城", "Jincheng"),
    documents: &[&DOCUMENT],
    params: &[
        &MIN_DISABILITY_MONTHS,
        &MIN_CONTINUOUS_YEARS,
        &MIN_CUMULATIVE_YEARS,
        &HOME_SELF_DAILY_QUOTA,
        &HOME_SELF_FUND_SHARE,
        &HOME_VISIT_MONTHLY_QUOTA,
        &HOME_VISIT_DAILY_QUOTA,
        &HOME_VISIT_FUND_SHARE,
        &COMBINED_FAMILY_DAILY_QUOTA,
        &COMBINED_FAMILY_FUND_SHARE,
        &COMBINED_VISIT_MONTHLY_QUOTA,
        &COMBINED_VISIT_DAILY_QUOTA,
        &COMBINED_VISIT_FUND_SHARE,
        &INSTITUTION_DAILY_QUOTA,
        &INSTITUTION_FUND_SHARE,
        &EMPLOYER_RATE,
        &EMPLOYED_RATE,
        &FLEXIBLE_RATE,
        &RETIRED_RATE,
        &RETIREE_SUBSIDY_RATE,
        &EMPLOYER_SHARE_FROM_FUND,
    ],
    query_inputs: &[
        &DISABILITY_MONTHS,
        &WORK_INJURY_CARE_ALLOWANCE,
        &ASSESSED_MONTH,
        &INTERRUPTED_CONTRIBUTION,
        &MONTHS_SINCE_RESUMED,
        &CONTRIBUTION_YEARS,
        &INSURED_BEFORE_LTCI,
    ],
    care_days_help: Text::new(
        "因病住院、由基本医疗保险支付的天数不算护理天数（四(八)）。",
        "Days in hospital paid by basic medical insurance are not care days (4(8)).",
    ),
    input_texts: &[InputText {
        input: &DISABILITY_MONTHS,
        label: Some(Text::new("已经失能多久了", "How long has the person been disabled")),
        // 四(二) "失能状态持续6个月以上"
        help: Some(Text::new(
            "失能状态已经持续了多少个月；须持续6个月以上（四(二)）。",
            "How many months the disability has lasted; it must have lasted six months or more (4(2)).",
        )),
    }],
    // 四(二) "失能状态持续6个月以上，经申请通过评估认定的失能参保人员"
    next_steps: &[
        Step {
            text: Text::new(
                "向医保经办机构申请失能评估：须经医疗机构或康复机构规范诊疗、失能状态持续6个月以上，经申请通过评估认定。",
                "Apply to the medical insurance office for an assessment: after regular treatment and six months of disability, benefits follow an approved assessment.",
            ),
            clause: Some("四(二)"),
            reading: false,
        },
        Step {
            text: Text::new(
                "文件没有写评估后从哪个月起支付；从评估认定的当月起计算，是本计算器的理解。",
                "The text does not say from which month benefits are paid after the assessment; counting from the month of the assessment is this calculator's reading.",
            ),
            clause: Some("四(六)1"),
            reading: true,
        },
    ],
    grade_names: &[],
    check,
    notes,
    contribution: Some(&CONTRIBUTION),
};

// ---- 四(一)(二)(六) 参保对象、保障范围、支付条件 ----------------------------

/// 四(二) "失能状态持续6个月以上"
static MIN_DISABILITY_MONTHS: Param = Param::new(
    "disability.minimum_months",
    "失能状态最短持续月数",
    Months,
    &[Dated::of(&DOCUMENT, cite!("四(二)"), dec!(6), "失能状态持续6个月以上")],
);
/// 四(六)2 "在本市连续参保缴费2年（含）以上"
static MIN_CONTINUOUS_YEARS: Param = Param::new(
    "contribution_years.minimum_continuous",
    "本市连续参保缴费最少年数",
    Years,
    &[Dated::of(&DOCUMENT, cite!("四(六)2"), dec!(2), "在本市连续参保缴费2年（含）以上")],
);
/// 四(六)2 "并累计缴费满10年"
static MIN_CUMULATIVE_YEARS: Param = Param::new(
    "contribution_years.minimum_cumulative",
    "累计缴费最少年数",
    Years,
    &[Dated::of(&DOCUMENT, cite!("四(六)2"), dec!(10), "累计缴费满10年")],
);

fn check(ctx: &Ctx<'_>, out: &mut Vec<Reason>) {
    // 四(一) 参保对象 "全市城镇职工基本医疗保险参保人员"
    rules::insurance_not_covered(
        ctx,
        out,
        Text::new(
            "晋城市长期护理保险的参保对象是城镇职工基本医疗保险参保人员，城乡居民医保参保人员不在范围内。",
            "Jincheng's LTC insurance covers people in the urban employee basic medical insurance only; resident insurance is not covered.",
        ),
        ctx.cite("四(一)"),
    );
    rules::grade_not_covered(
        ctx,
        out,
        Text::new("各种护理方式均面向参保重度失能人员。", "Every care mode is for severely disabled insured people."),
        ctx.cite("四(五)、四(七)"),
    );
    // 四(二) "失能状态持续6个月以上，经申请通过评估认定的失能参保人员"
    rules::disability_too_short(ctx, &MIN_DISABILITY_MONTHS, rules::disabled_for, out);
    // 四(六)2 缴费年限
    contribution_years(ctx, out);
    // 四(六)3 "参保对象按时足额缴纳长期护理保险费"
    rules::contribution_interrupted(
        ctx,
        out,
        Text::new("享受待遇须按时足额缴纳长期护理保险费。", "benefits require contributions paid in full and on time."),
        ctx.cite("四(六)3"),
    );
    // 四(六)1 "经失能评定符合长期护理保险待遇保障范围": from the month of the assessment.
    rules::before_benefit_start(ctx, 0, out, ctx.cite("四(六)1"));
    // 四(八) "属于医疗、工伤、生育保险……的医疗、护理、康复等费用，长期护理保险基金不予支付"
    if ctx.flag(&WORK_INJURY_CARE_ALLOWANCE) {
        out.push(reason(
            ReasonCode::WorkInjuryAllowance,
            "属于工伤保险的护理费用，长期护理保险基金不予支付：领取工伤保险生活护理费的，不计长护险待遇。",
            "Care that work-injury insurance pays is not paid by the LTC fund: no LTC benefit while receiving its care allowance.",
            ctx.cite("四(八)"),
        ));
    }
}

// 四(六)2 "应在本市连续参保缴费2年（含）以上并累计缴费满10年，累计缴费未满10年的，可按标准
//  一次性补足长期护理保险缴费年限后享受相关待遇。实施长期护理保险制度前已参加本市城镇职工
//  基本医疗保险，并在长期护理保险制度启动后连续缴费的参保人员，不受该项缴费年限条件限制。"
//
// Continuous means since contributions last resumed: after a break resumed
// `monthsSinceResumed` months ago, at most ⌊m / 12⌋ continuous years. The
// exemption asks for continuity since the scheme began: a break that ended
// after its first month loses it; one that ended by then keeps it.
fn contribution_years(ctx: &Ctx<'_>, out: &mut Vec<Reason>) {
    let resumed = if ctx.flag(&INTERRUPTED_CONTRIBUTION) { ctx.count(&MONTHS_SINCE_RESUMED) } else { None };
    if ctx.flag(&INSURED_BEFORE_LTCI) && !resumed.is_some_and(|m| exemption_lost(ctx, m)) {
        return;
    }
    let (min_c, min_t) = (ctx.param(&MIN_CONTINUOUS_YEARS), ctx.param(&MIN_CUMULATIVE_YEARS));
    let (mc, mt) = (min_c.count(), min_t.count());
    // Without contributionYears after a break: continuous since resuming; cumulative assumed met.
    let (years, since_resuming) = match (ctx.years(&CONTRIBUTION_YEARS), resumed) {
        (Some(y), _) => (y, None),
        (None, Some(m)) => (ContributionYears { continuous: m / 12, cumulative: mt }, Some(m)),
        (None, None) => return,
    };
    let continuous_short = years.continuous < mc;
    let cumulative_short = years.cumulative < mt;
    if !continuous_short && !cumulative_short {
        return;
    }
    let (c, t) = (years.continuous, years.cumulative);
    let (mut zh, mut en) = match since_resuming {
        Some(m) => (
            format!("须在本市连续参保缴费{mc}年（含）以上：缴费中断后连续年限自恢复缴费时重新计算，恢复{m}个月，连续{c}年（累计年限未填写，按已满足计算）。"),
            format!("Requires {mc} continuous years of contributions in the city: after the break they count from resuming, {m} months ago, so {c} continuous years (cumulative years not given, assumed met)."),
        ),
        None => (
            format!("须在本市连续参保缴费{mc}年（含）以上并累计缴费满{mt}年，目前连续{c}年、累计{t}年。"),
            format!("Requires {mc} continuous and {mt} cumulative years of contributions in the city; you have {c} continuous and {t} cumulative."),
        ),
    };
    if ctx.flag(&INSURED_BEFORE_LTCI) {
        zh.push_str("制度实施前已参保的人员，只有在制度启动后连续缴费才不受年限限制；缴费中断在制度启动之后，不再适用。");
        en.push_str(
            " Being insured before the scheme exempts only those contributing without a break since it began; this break came after.",
        );
    }
    if cumulative_short {
        let _ = write!(zh, "累计缴费未满{mt}年的，可按标准一次性补足缴费年限后享受待遇。");
        en.push_str(" Missing cumulative years can be topped up in one payment (一次性补足), after which benefits are paid.");
    }
    if continuous_short {
        zh.push_str("连续缴费年限不能补足，须继续缴费。");
        en.push_str(" Continuous years cannot be topped up: keep contributing.");
    }
    out.push(reason(ReasonCode::ContributionYearsShort, zh, en, min_t.citation.clone()));
}

/// Whether contributions resumed `months_since_resumed` before the month asked
/// resumed after the scheme's first month (the break fell after its start).
fn exemption_lost(ctx: &Ctx<'_>, months_since_resumed: u32) -> bool {
    let index = |m: Month| u32::from(m.year()) * 12 + u32::from(m.number()) - 1;
    let start = ctx.city.documents.first().map_or(ctx.document.effective_from, |d| d.effective_from).month();
    index(ctx.month).saturating_sub(months_since_resumed) > index(start)
}

// ---- 四(五) 护理方式、四(七) 支付标准 ---------------------------------------
// 四(七) "产生的护理费不设起付线。合规的长期护理费用，基金支付总体上控制在70%左右。"

const HOME_SELF: Mode = Mode {
    id: "home_self",
    name: Text::new("居家自主护理", "Home self-care"),
    clause: "四(五)1、四(七)1",
    help: Text::new("由家属或指定人员在家照顾护理。", "Cared for at home by family or a person you name."),
    inputs: &[],
    uses_care_days: true,
    compute: home_self,
    notes: rules::no_notes,
};

const HOME_VISIT: Mode = Mode {
    id: "home_visit",
    name: Text::new("居家上门护理", "Home visits"),
    clause: "四(五)2、四(七)2",
    help: Text::new(
        "定点护理服务机构的医护人员到家中提供生活料理和医疗护理。",
        "Staff of a designated provider visit at home for personal care and nursing.",
    ),
    inputs: &[],
    uses_care_days: true,
    compute: home_visit,
    notes: rules::no_notes,
};

const HOME_COMBINED: Mode = Mode {
    id: "home_combined",
    name: Text::new("居家和上门叠加护理", "Home care plus visits"),
    clause: "四(五)3、四(七)3",
    help: Text::new(
        "家属照顾护理的同时，申请机构上门护理；不再单独享受前两种待遇。",
        "Family care together with provider visits; replaces the two modes above.",
    ),
    inputs: &[],
    uses_care_days: true,
    compute: home_combined,
    notes: rules::no_notes,
};

const INSTITUTION: Mode = Mode {
    id: "institution",
    name: Text::new("机构专业护理", "Institutional care"),
    clause: "四(五)4、四(七)4",
    help: Text::new(
        "入住定点护理服务机构或定点医疗机构，由专业人员护理。",
        "A stay in a designated care institution or hospital, cared for by its staff.",
    ),
    inputs: &[],
    uses_care_days: true,
    compute: institution,
    notes: rules::no_notes,
};

// 四(七)1 "重度失能人员居家自主护理，每人每日定额30元，由长期护理保险基金全额支付"

/// 四(七)1 居家自主护理 每人每日定额.
static HOME_SELF_DAILY_QUOTA: Param = Param::new(
    "home_self.daily_quota",
    "居家自主护理每日定额",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("四(七)1"), dec!(30), "每人每日定额30元")],
);
/// 四(七)1 基金支付比例 (全额: an allowance).
static HOME_SELF_FUND_SHARE: Param = Param::new(
    "home_self.fund_share",
    "居家自主护理基金支付比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("四(七)1"), dec!(1), "由长期护理保险基金全额支付")],
);

// 四(七)2 "居家接受护理服务机构或医疗机构上门护理服务，每月定额1500元（50元/日），
//  由长期护理保险基金支付70%"

/// 四(七)2 居家上门护理 每月定额.
static HOME_VISIT_MONTHLY_QUOTA: Param = Param::new(
    "home_visit.monthly_quota",
    "居家上门护理每月定额",
    YuanPerMonth,
    &[Dated::of(&DOCUMENT, cite!("四(七)2"), dec!(1500), "每月定额1500元")],
);
/// 四(七)2 居家上门护理 "(50元/日)".
static HOME_VISIT_DAILY_QUOTA: Param = Param::new(
    "home_visit.daily_quota",
    "居家上门护理日定额",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("四(七)2"), dec!(50), "（50元/日）")],
);
/// 四(七)2 基金支付比例.
static HOME_VISIT_FUND_SHARE: Param = Param::new(
    "home_visit.fund_share",
    "居家上门护理基金支付比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("四(七)2"), dec!(0.7), "由长期护理保险基金支付70%")],
);

// 四(七)3 "居家护理部分每人每日定额15元，由长期护理保险基金全额支付；机构上门护理部分
//  每月定额1000元/月（33元/日），由长期护理保险基金支付70%"

/// 四(七)3 叠加护理 居家护理部分 每人每日定额.
static COMBINED_FAMILY_DAILY_QUOTA: Param = Param::new(
    "home_combined.family_daily_quota",
    "叠加护理居家护理部分每日定额",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("四(七)3"), dec!(15), "居家护理部分每人每日定额15元")],
);
/// 四(七)3 居家护理部分 基金支付比例 (全额).
static COMBINED_FAMILY_FUND_SHARE: Param = Param::new(
    "home_combined.family_fund_share",
    "叠加护理居家护理部分基金支付比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("四(七)3"), dec!(1), "由长期护理保险基金全额支付")],
);
/// 四(七)3 叠加护理 机构上门护理部分 每月定额.
static COMBINED_VISIT_MONTHLY_QUOTA: Param = Param::new(
    "home_combined.visit_monthly_quota",
    "叠加护理机构上门护理部分每月定额",
    YuanPerMonth,
    &[Dated::of(&DOCUMENT, cite!("四(七)3"), dec!(1000), "机构上门护理部分每月定额1000元/月")],
);
/// 四(七)3 叠加护理 机构上门护理部分 "(33元/日)".
static COMBINED_VISIT_DAILY_QUOTA: Param = Param::new(
    "home_combined.visit_daily_quota",
    "叠加护理机构上门护理部分日定额",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("四(七)3"), dec!(33), "（33元/日）")],
);
/// 四(七)3 机构上门护理部分 基金支付比例.
static COMBINED_VISIT_FUND_SHARE: Param = Param::new(
    "home_combined.visit_fund_share",
    "叠加护理机构上门护理部分基金支付比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("四(七)3"), dec!(0.7), "由长期护理保险基金支付70%")],
);

// 四(七)4 "在护理机构或医疗机构接受护理服务，每人每日定额100元，由长期护理保险基金支付70%"

/// 四(七)4 机构护理 每人每日定额.
static INSTITUTION_DAILY_QUOTA: Param = Param::new(
    "institution.daily_quota",
    "机构护理每日定额",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("四(七)4"), dec!(100), "每人每日定额100元")],
);
/// 四(七)4 基金支付比例.
static INSTITUTION_FUND_SHARE: Param = Param::new(
    "institution.fund_share",
    "机构护理基金支付比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("四(七)4"), dec!(0.7), "由长期护理保险基金支付70%")],
);

fn home_self(ctx: &Ctx<'_>, out: &mut Out) {
    out.line(rules::daily_quota_line(
        "home_self",
        Text::new("居家自主护理定额", "Home self-care quota"),
        &ctx.param(&HOME_SELF_DAILY_QUOTA),
        &ctx.param(&HOME_SELF_FUND_SHARE),
        ctx.care_days,
    ));
}

fn home_visit(ctx: &Ctx<'_>, out: &mut Out) {
    let monthly = ctx.param(&HOME_VISIT_MONTHLY_QUOTA);
    let quota = monthly_quota(ctx, out, &monthly, &ctx.param(&HOME_VISIT_DAILY_QUOTA));
    out.line(rules::quota_share_line(
        "home_visit",
        Text::new("居家上门护理定额", "Home-visit quota"),
        quota.0,
        ctx.param(&HOME_VISIT_FUND_SHARE).value,
        quota.1,
        monthly.citation.clone(),
    ));
}

fn home_combined(ctx: &Ctx<'_>, out: &mut Out) {
    out.line(rules::daily_quota_line(
        "home_combined_family",
        Text::new("叠加护理·居家护理部分", "Combined care: family part"),
        &ctx.param(&COMBINED_FAMILY_DAILY_QUOTA),
        &ctx.param(&COMBINED_FAMILY_FUND_SHARE),
        ctx.care_days,
    ));
    let monthly = ctx.param(&COMBINED_VISIT_MONTHLY_QUOTA);
    let quota = monthly_quota(ctx, out, &monthly, &ctx.param(&COMBINED_VISIT_DAILY_QUOTA));
    out.line(rules::quota_share_line(
        "home_combined_visit",
        Text::new("叠加护理·机构上门护理部分", "Combined care: visit part"),
        quota.0,
        ctx.param(&COMBINED_VISIT_FUND_SHARE).value,
        quota.1,
        monthly.citation.clone(),
    ));
}

fn institution(ctx: &Ctx<'_>, out: &mut Out) {
    out.line(rules::daily_quota_line(
        "institution",
        Text::new("机构专业护理定额", "Institutional care quota"),
        &ctx.param(&INSTITUTION_DAILY_QUOTA),
        &ctx.param(&INSTITUTION_FUND_SHARE),
        ctx.care_days,
    ));
}

/// A monthly quota with its daily equivalent: the full quota for a full month,
/// otherwise the daily figure per care day, never more than the monthly quota.
fn monthly_quota(ctx: &Ctx<'_>, out: &mut Out, monthly: &InForce, daily: &InForce) -> (Decimal, [String; 2]) {
    let (citation, monthly, daily) = (monthly.citation.clone(), monthly.value, daily.value);
    let (m, d, n) = (plain(monthly), plain(daily), ctx.care_days);
    if ctx.full_month() {
        return (monthly, rules::basis(format!("月定额{m}元"), format!("monthly quota {m} yuan")));
    }
    out.note(note(
        "reading_partial_month_daily",
        format!("文件写“每月定额{m}元（{d}元/日）”；不足整月的，本计算器按{d}元/日 × 护理天数计算，以{m}元为限。"),
        format!("The text gives a monthly quota of {m} yuan ({d} yuan/day); for a part month this calculator pays {d} yuan per care day, at most {m} yuan."),
        citation.clone(),
    ));
    let quota = (daily * Decimal::from(n)).min(monthly);
    (
        quota,
        rules::basis(
            format!("不足整月：{d}元/日 × {n}日，以月定额{m}元为限，计{}元", plain(quota)),
            format!("part month: {d} yuan/day × {n} days, at most the {m} yuan monthly quota: {} yuan", plain(quota)),
        ),
    )
}

/// On every estimate, eligible or not: what was assumed about contribution years,
/// and how the work-injury exclusion was read.
fn notes(ctx: &Ctx<'_>, out: &mut Vec<Note>) {
    rules::assumed_disability_months(ctx, &MIN_DISABILITY_MONTHS, rules::disabled_for, out);
    if ctx.flag(&WORK_INJURY_CARE_ALLOWANCE) {
        out.push(rules::work_injury_reading(ctx.cite("四(八)")));
    }
    let resumed = if ctx.flag(&INTERRUPTED_CONTRIBUTION) { ctx.count(&MONTHS_SINCE_RESUMED) } else { None };
    let exempt = ctx.flag(&INSURED_BEFORE_LTCI) && !resumed.is_some_and(|m| exemption_lost(ctx, m));
    if ctx.years(&CONTRIBUTION_YEARS).is_none() && !exempt {
        let (c, t) = (ctx.param(&MIN_CONTINUOUS_YEARS).count(), ctx.param(&MIN_CUMULATIVE_YEARS));
        let n = t.count();
        let (zh, en) = match resumed {
            // The continuous years are those since resuming (四(六)2 "连续"): only the cumulative ones are assumed.
            Some(_) => (
                format!("未填写缴费年限：累计缴费满{n}年按已满足计算；连续参保缴费{c}年（含）以上的条件按恢复缴费以来的月数计算。"),
                format!("Contribution years were not given: {n} cumulative years are assumed met; the {c} continuous years are counted from when contributions resumed."),
            ),
            None => (
                format!("未填写缴费年限，按已满足计算：须在本市连续参保缴费{c}年（含）以上并累计缴费满{n}年（制度实施前已参保并连续缴费的除外）。"),
                format!("Contribution years were not given and are assumed met: {c} continuous and {n} cumulative years in the city (unless insured before the scheme began and contributing since)."),
            ),
        };
        out.push(note("assumed_contribution_years_met", zh, en, t.citation.clone()));
    }
    if exempt {
        out.push(note(
            "condition_insured_before_ltci",
            "按制度实施前已参加本市职工医保、并在长期护理保险制度启动后连续缴费计算，不受缴费年限条件限制。",
            "Computed as insured in the city before the scheme began and contributing continuously since: the contribution-years condition does not apply.",
            ctx.cite("四(六)2"),
        ));
    }
}

// ---- 四(三)(四) 资金筹集、筹资标准 -----------------------------------------

// 四(四)1 "单位缴费部分。以用人单位缴纳职工基本医疗保险缴费基数为基数，以0.15%的比例按月缴纳。"

/// 四(四)1 单位缴费比例.
static EMPLOYER_RATE: Param = Param::new(
    "contribution.employer_rate",
    "单位缴费比例",
    RateOfBase,
    &[Dated::of(&DOCUMENT, cite!("四(四)1"), dec!(0.0015), "以0.15%的比例按月缴纳")],
);

// 四(四)2 "以个人缴纳职工基本医疗保险缴费基数为基数，在职职工以0.15%的比例按月从个人账户中
//  划拨，灵活就业人员以0.3%的比例每年从个人账户中一次性划拨；退休人员（含灵活就业退休人员）
//  以本人退休工资为基数，以0.15%的比例每年从个人账户中一次性划拨。"

/// 四(四)2 在职职工 个人缴费比例: the years of the document are the years stated.
static EMPLOYED_RATE: Param = Param::new(
    "contribution.employed_rate",
    "在职职工个人缴费比例",
    RateOfBase,
    &[Dated::of(&DOCUMENT, cite!("四(四)2"), dec!(0.0015), "在职职工以0.15%的比例按月")],
);
/// 四(四)2 灵活就业人员 个人缴费比例.
static FLEXIBLE_RATE: Param = Param::new(
    "contribution.flexible_rate",
    "灵活就业人员个人缴费比例",
    RateOfBase,
    &[Dated::of(&DOCUMENT, cite!("四(四)2"), dec!(0.003), "灵活就业人员以0.3%的比例")],
);
/// 四(四)2 退休人员 个人缴费比例 (of the pension).
static RETIRED_RATE: Param = Param::new(
    "contribution.retired_rate",
    "退休人员个人缴费比例（退休工资）",
    RateOfBase,
    &[Dated::of(&DOCUMENT, cite!("四(四)2"), dec!(0.0015), "以本人退休工资为基数，以0.15%的比例")],
);

// 四(四)3 "财政补助部分。以退休人员（含灵活就业退休人员）个人退休工资为基数，按0.15%的比例补助。"

/// 四(四)3 退休人员 财政补助比例.
static RETIREE_SUBSIDY_RATE: Param = Param::new(
    "contribution.retiree_subsidy_rate",
    "退休人员财政补助比例（退休工资）",
    RateOfBase,
    &[Dated::of(&DOCUMENT, cite!("四(四)3"), dec!(0.0015), "按0.15%的比例补助")],
);

// 四(四) "长期护理保险试点期间（2021-2022年），为减轻用人单位负担，单位缴费部分暂从职工基本
//  医疗保险统筹基金累计结余中划拨。"
// 四(三) "单位缴费由用人单位按规定统一缴纳"

/// 四(四), 四(三) the share of the employer contribution the medical fund's surplus pays:
/// all of it in the pilot years 2021–2022, none after.
static EMPLOYER_SHARE_FROM_FUND: Param = Param::new(
    "contribution.employer_share_from_medical_fund",
    "单位缴费由医保统筹基金划拨的比例",
    Ratio,
    &[
        Dated::of(&DOCUMENT, cite!("四(四)"), dec!(1), "单位缴费部分暂从职工基本医疗保险统筹基金累计结余中划拨")
            .during(Date::ymd(2021, 1, 1), Some(Date::ymd(2022, 12, 31))),
        Dated::of(&DOCUMENT, cite!("四(三)"), dec!(0), "单位缴费由用人单位按规定统一缴纳")
            .during(Date::ymd(2023, 1, 1), Some(Date::ymd(2025, 12, 31))),
    ],
);

/// Reading of "以…为基数" with a monthly base: a year is twelve months of base.
const MONTHS_PER_YEAR: Decimal = dec!(12);

static CONTRIBUTION: ContributionRules = ContributionRules {
    standard: &EMPLOYED_RATE,
    first_year_clause: "本意见自2021年1月1日起施行，有效期5年",
    later_years: Text::new(
        "文件有效期5年，“期间国家、省有规定的从其规定，相关配套管理办法由市医疗保障局会同有关部门另行制定”。",
        "The document was valid for 5 years; national or provincial rules prevail, and the city's medical security bureau sets the detailed measures.",
    ),
    later_years_clause: "本意见自2021年1月1日起施行，有效期5年",
    insurance: &[Insurance::Employee],
    insurance_not_covered: Text::new(
        "晋城市长期护理保险只面向城镇职工基本医疗保险参保人员，城乡居民不参保缴费。",
        "Jincheng's LTC insurance covers urban employees only; residents do not contribute.",
    ),
    inputs: &[&CATEGORY, &MONTHLY_BASE, &MONTHLY_PENSION],
    districts: &[],
    compute: contribution,
};

fn contribution(q: &ContributionQuery, at: &At, out: &mut ContributionLines) -> Result<(), Error> {
    let who = Text::new("晋城市职工", "A Jincheng employee");
    let category = rules::required(q.category, &CATEGORY, who)?;
    let twelve = |rate: Decimal, base: Decimal, what: Text| {
        let (r, b) = (plain(rate * Decimal::ONE_HUNDRED), plain(base));
        rules::basis(format!("{}{b}元 × {r}% × 12个月", what.zh), format!("{} {b} yuan × {r}% × 12 months", what.en))
    };
    let base_words = Text::new("月缴费基数", "monthly base");
    match category {
        Category::Employed | Category::Flexible => {
            let name = category.name();
            let base = rules::required(q.monthly_base, &MONTHLY_BASE, name)?;
            let rate = at.param(if category == Category::Employed { &EMPLOYED_RATE } else { &FLEXIBLE_RATE });
            let label = if category == Category::Employed {
                Text::new("个人缴费（按月从个人账户划拨）", "Personal share (monthly, from the personal account)")
            } else {
                Text::new("个人缴费（每年从个人账户一次性划拨）", "Personal share (once a year, from the personal account)")
            };
            let words = twelve(rate.value, base, base_words);
            out.push(Payer::Individual, label, rate.value * base * MONTHS_PER_YEAR, words, rate.citation.clone());
            if category == Category::Employed {
                employer_share(at, base, out, twelve(at.param(&EMPLOYER_RATE).value, base, base_words));
            }
            out.note(note(
                "reading_base_twelve_months",
                "“以缴费基数为基数”而基数按月计，本计算器把全年缴费算作比例 × 月基数 × 12个月；单位部分按本人的缴费基数计。",
                "\"以…为基数\" with a monthly base is read as rate × monthly base × 12 months for the year; the employer share uses the person's own base.",
                at.cite("四(四)"),
            ));
        }
        Category::Retired => {
            let pension = rules::required(q.monthly_pension, &MONTHLY_PENSION, category.name())?;
            let words = Text::new("月退休工资", "monthly pension");
            let (rate, subsidy) = (at.param(&RETIRED_RATE), at.param(&RETIREE_SUBSIDY_RATE));
            out.push(
                Payer::Individual,
                Text::new("个人缴费（每年从个人账户一次性划拨）", "Personal share (once a year, from the personal account)"),
                rate.value * pension * MONTHS_PER_YEAR,
                twelve(rate.value, pension, words),
                rate.citation.clone(),
            );
            out.push(
                Payer::Government,
                Text::new("财政补助", "Government subsidy"),
                subsidy.value * pension * MONTHS_PER_YEAR,
                twelve(subsidy.value, pension, words),
                subsidy.citation.clone(),
            );
            out.note(note(
                "reading_base_twelve_months",
                "以本人退休工资为基数：本计算器把全年缴费算作比例 × 月退休工资 × 12个月。",
                "The pension base is read as rate × monthly pension × 12 months for the year.",
                at.cite("四(四)"),
            ));
        }
    }
    Ok(())
}

/// 四(四)1 the employer share, of which the medical fund pays the part 四(四) says
/// (all of it in 2021–2022); the employer the rest.
fn employer_share(at: &At, base: Decimal, out: &mut ContributionLines, words: [String; 2]) {
    let (rate, from_fund) = (at.param(&EMPLOYER_RATE), at.param(&EMPLOYER_SHARE_FROM_FUND));
    let amount = rate.value * base * MONTHS_PER_YEAR;
    let fund = amount * from_fund.value;
    if !from_fund.value.is_zero() {
        let (a, b) = (from_fund.from.month().year(), from_fund.to.map_or(9999, |d| d.month().year()));
        out.push(
            Payer::MedicalFund,
            Text::new("单位缴费部分（由医保统筹基金累计结余划拨）", "Employer share (from the medical fund's surplus)"),
            fund,
            words.clone(),
            from_fund.citation.clone(),
        );
        out.note(note(
            "employer_share_from_fund",
            format!("试点期间（{a}—{b}年）单位缴费部分暂从职工基本医疗保险统筹基金累计结余中划拨，用人单位不缴。"),
            format!("In {a}–{b} the employer share came from the employee medical insurance fund's accumulated surplus; employers paid nothing."),
            from_fund.citation.clone(),
        ));
    }
    if from_fund.value < Decimal::ONE {
        out.push(Payer::Employer, Text::new("单位缴费", "Employer share"), amount - fund, words, rate.citation.clone());
    }
}
