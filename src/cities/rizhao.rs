//! 日照 Rizhao — 日政办发〔2020〕9号
//! 《日照市人民政府办公室关于开展居民长期护理保险试点工作的实施意见》, issued by
//! 日照市人民政府办公室 on 2020-03-16: "本意见自发布之日起施行，有效期至2022年12月31日"
//! — in force 2020-03-16 to 2022-12-31; later months are computed with these rules
//! and marked expired. A pilot for residents insured in 岚山区 (三(一)).
//!
//! ```
//! let e = ltci::estimate_json(r#"{"city":"rizhao","insurance":"resident","grade":"moderate",
//!     "careMode":"institution","month":"2021-06"}"#).unwrap();
//! assert_eq!(e.totals.fund.to_string(), "1530.00"); // 60元 × 30日 × 60% + 15元 × 30日
//! ```

use crate::error::Error;
use crate::model::Line;
use crate::model::ParamUnit::{Ratio, YuanPerDay, YuanPerPersonYear};
use crate::model::{ContributionQuery, Grade, Insurance, Note, Payer, Reason, ReasonCode, Text};
use crate::money::{plain, Money};
use crate::month::Date;
use crate::rules::inputs::{
    ASSESSED_MONTH, BENEFITS_LOCKED, DISABILITY_SUBSIDY, INTERRUPTED_CONTRIBUTION, MONTHS_SINCE_RESUMED, WORK_INJURY_CARE_ALLOWANCE,
};
use crate::rules::{
    self, basis, note, reason, At, City, ContributionLines, ContributionRules, Ctx, Dated, Default, DocKind, Document, InForce, Input,
    InputText, Mode, Out, Param, Step, Unit,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::fmt::Write as _;

macro_rules! cite {
    ($clause:literal) => {
        concat!("日政办发〔2020〕9号 ", $clause)
    };
}

static DOCUMENT: Document = Document {
    number: "日政办发〔2020〕9号",
    title: "日照市人民政府办公室关于开展居民长期护理保险试点工作的实施意见",
    issued: Some(Date::ymd(2020, 3, 16)),
    effective_from: Date::ymd(2020, 3, 16),
    effective_to: Some(Date::ymd(2022, 12, 31)),
    kind: DocKind::Policy,
    period_citation: cite!("本意见自发布之日起施行，有效期至2022年12月31日"),
    period_quote: "本意见自发布之日起施行，有效期至2022年12月31日",
    last_reviewed: Date::ymd(2026, 12, 2),
    continues: None,
    renumbered: &[],
    // 三(一) "将岚山区参加城乡居民基本医疗保险的人员……纳入居民长期护理保险覆盖范围"
    insurance: &[Insurance::Resident],
    // 三(三) "长期处于完全失能或半失能状态的参保人员": 半失能 = moderate, 完全失能 = severe.
    grades: &[Grade::Moderate, Grade::Severe],
    modes: &[MEDICAL_SPECIAL, INSTITUTION, HOME],
};

pub(crate) static CITY: City = City {
    id: "rizhao",
    name: Text::new("日照（岚山区试点）", "Rizhao (Lanshan pilot)"),
    documents: &[&DOCUMENT],
    params: &[
        &MEDICAL_SPECIAL_QUOTA_LEVEL_1,
        &MEDICAL_SPECIAL_QUOTA_LEVEL_2,
        &MEDICAL_SPECIAL_QUOTA_LEVEL_3,
        &MEDICAL_SPECIAL_FUND_SHARE,
        &INSTITUTION_QUOTA,
        &INSTITUTION_FUND_SHARE,
        &HOME_QUOTA,
        &HOME_FUND_SHARE,
        &CARE_SUBSIDY_DAILY,
        &CONTRIBUTION_MEDICAL_FUND,
        &CONTRIBUTION_GOVERNMENT,
        &CITY_SHARE,
    ],
    query_inputs: &[
        &WORK_INJURY_CARE_ALLOWANCE,
        &ASSESSED_MONTH,
        &BENEFITS_LOCKED,
        &INTERRUPTED_CONTRIBUTION,
        &MONTHS_SINCE_RESUMED,
        &DISABILITY_SUBSIDY,
    ],
    care_days_help: Text::new(
        "应由其他社会保险基金（如基本医疗保险住院）支付的天数不算护理天数（三(八)1）。2020年3月从16日起算；核准当月只计核准之日起的天数（三(四)）。",
        "Days paid by another social insurance fund (such as hospital stays) are not care days (3(8)1). March 2020 counts from the 16th; in the month of approval, only the days from the approval day count (3(4)).",
    ),
    // 三(三) "长期处于完全失能或半失能状态的参保人员"
    input_texts: &[
        InputText {
            input: &ASSESSED_MONTH,
            label: Some(Text::new("核准月份", "Month of approval")),
            // 三(四) "经评定符合条件的，自核准之日起享受长期护理保险待遇"
            help: Some(Text::new(
                "经办机构核准享受待遇的月份；自核准之日起享受（三(四)）。",
                "The month the office approved the benefits; they are paid from the day of approval (3(4)).",
            )),
        },
        InputText {
            input: &DISABILITY_SUBSIDY,
            label: None,
            // 三(八)5 "已经纳入残疾人保障……等国家法律规定范围的护理项目和费用" 不予支付
            help: Some(Text::new(
                "正在领取的重度残疾人护理补贴（元/月）；已纳入残疾人保障的护理项目和费用，长护险不予支付（三(八)5）。",
                "The severe-disability care subsidy you receive (yuan a month); care already covered by disability protection is not paid by LTC insurance (3(8)5).",
            )),
        },
    ],
    // 三(七) "生活护理依赖程度评定、待遇申办流程……按照职工长期护理保险的有关政策执行";
    // 三(四) "经评定符合条件的，自核准之日起享受长期护理保险待遇"
    next_steps: &[
        Step {
            text: Text::new(
                "生活护理依赖程度评定和待遇申办流程按照日照市职工长期护理保险的有关政策执行；这些规定不在本计算器的资料中。",
                "The assessment and how to apply follow Rizhao's employee LTC rules, which are not in this calculator's sources.",
            ),
            clause: Some("三(七)"),
            reading: false,
        },
        Step {
            text: Text::new("经评定符合条件的，自核准之日起享受待遇。", "Once assessed as eligible, benefits are paid from the day of approval."),
            clause: Some("三(四)"),
            reading: false,
        },
    ],
    grade_names: &[
        (Grade::Moderate, Text::new("半失能（对应中度失能）", "Partly dependent (半失能, read as moderate)")),
        (Grade::Severe, Text::new("完全失能（对应重度失能）", "Fully dependent (完全失能, read as severe)")),
    ],
    check,
    notes,
    contribution: Some(&CONTRIBUTION),
};

// ---- 三(一)(三)(四) 试点范围、保障范围、享受待遇条件 --------------------------

fn check(ctx: &Ctx<'_>, out: &mut Vec<Reason>) {
    rules::insurance_not_covered(
        ctx,
        out,
        Text::new(
            "本意见只适用于岚山区城乡居民医保参保人员；日照市职工长期护理保险的规定不在本计算器的资料中。",
            "This pilot covers resident insurance in Lanshan district only; Rizhao's employee LTC scheme is not in this calculator's sources.",
        ),
        ctx.cite("三(一)"),
    );
    rules::grade_not_covered(
        ctx,
        out,
        Text::new(
            "保障长期处于完全失能或半失能状态的参保人员；把“半失能”对应为国家标准的中度失能、“完全失能”对应为重度失能，是本计算器的理解。",
            "Covers people who are fully or partly unable to care for themselves; mapping 半失能 (partly) to the national moderate level and 完全失能 (fully) to severe is this calculator's reading.",
        ),
        ctx.cite("三(三)"),
    );
    // 三(四) "居民基本医疗保险未参保、中断参保或终止参保缴费的，不得享受长期护理保险相关待遇"
    rules::contribution_interrupted(
        ctx,
        out,
        Text::new(
            "居民医保中断参保或终止参保缴费的，不得享受长期护理保险待遇；重新参保后，自享受居民医保待遇起同时享受。",
            "no LTC benefits while resident medical insurance is interrupted; after re-enrolling they resume together with medical insurance benefits.",
        ),
        ctx.cite("三(四)"),
    );
    // 三(四) "其长期护理保险与基本医疗保险的待遇享受期一致"
    if ctx.flag(&BENEFITS_LOCKED) {
        out.push(reason(
            ReasonCode::BenefitsLocked,
            "长期护理保险与基本医疗保险的待遇享受期一致：基本医疗保险待遇封锁期内不享受长期护理保险待遇。",
            "LTC benefits follow the medical insurance benefit period: none during a medical insurance lock period.",
            ctx.cite("三(四)"),
        ));
    }
    // 三(四) "经评定符合条件的，自核准之日起享受长期护理保险待遇"
    rules::before_benefit_start(ctx, 0, out, ctx.cite("三(四)"));
    // 三(八)1 不予支付 "应当由其他社会保险基金支付的"
    if ctx.flag(&WORK_INJURY_CARE_ALLOWANCE) {
        out.push(reason(
            ReasonCode::WorkInjuryAllowance,
            "应当由其他社会保险基金支付的费用，长期护理保险不予支付：领取工伤保险生活护理费的，不计长护险待遇。",
            "Costs another social insurance fund must pay are not paid: no LTC benefit while receiving the work-injury care allowance.",
            ctx.cite("三(八)1"),
        ));
    }
}

// ---- 三(四) 护理方式、三(五) 支付标准 ---------------------------------------
// 三(五) "每床日定额费用（指统筹范围内费用总额，含统筹范围内个人负担部分，超标准床位费
//  除外，下同）和支付比例分别为机构护理60元、护理保险资金支付60%，居家护理50元、护理保险
//  资金支付60%；医疗专护的一、二、三级医院分别为140元、180元、200元，护理保险资金支付比例60%"

static DAILY_CHARGE: Input = Input {
    key: "dailyCharge",
    label: Text::new("每日收费（统筹范围内）", "Daily charge within the scheme"),
    help: Text::new(
        "每床日在统筹范围内的费用（元/日），不含超标准床位费；不填则按床日定额计算。",
        "The day's charge within the scheme (yuan/day), without above-standard bed fees; leave empty to use the bed-day quota.",
    ),
    unit: Unit::YuanPerDay,
    ..Input::BASE
};

const MEDICAL_SPECIAL: Mode = Mode {
    id: "medical_special",
    name: Text::new("医疗专护", "Medical special care"),
    clause: "三(四)1、三(五)",
    help: Text::new(
        "入住定点住院护理机构，需要长期24小时连续医疗护理。",
        "A stay in a designated hospital for long-term 24-hour continuous medical care.",
    ),
    inputs: &[&HOSPITAL_LEVEL, &DAILY_CHARGE],
    uses_care_days: true,
    compute: medical_special,
    notes: rules::no_notes,
};

static HOSPITAL_LEVEL: Input = Input {
    key: "hospitalLevel",
    label: Text::new("医院等级", "Hospital level"),
    help: Text::new("住院的医院是一级、二级还是三级医院。", "Whether the hospital is a level 1, 2 or 3 hospital (一、二、三级医院)."),
    unit: Unit::Level,
    default: Default::Required,
    ..Input::BASE
};

const INSTITUTION: Mode = Mode {
    id: "institution",
    name: Text::new("机构护理", "Institutional care"),
    clause: "三(四)2、三(五)",
    help: Text::new("入住定点养老护理机构护理30天以上。", "A stay of 30 days or more in a designated elderly-care institution."),
    inputs: &[&DAILY_CHARGE],
    uses_care_days: true,
    compute: institution,
    notes: rules::no_notes,
};

const HOME: Mode = Mode {
    id: "home",
    name: Text::new("居家护理", "Home care"),
    clause: "三(四)3、三(五)",
    help: Text::new("医护人员上门提供长期护理服务30天以上。", "Medical staff visit at home for 30 days or more."),
    inputs: &[&DAILY_CHARGE],
    uses_care_days: true,
    compute: home,
    notes: rules::no_notes,
};

const SPECIAL_QUOTE: &str = "医疗专护的一、二、三级医院分别为140元、180元、200元";

/// 三(五) 医疗专护 一级医院 每床日定额.
static MEDICAL_SPECIAL_QUOTA_LEVEL_1: Param = Param::new(
    "medical_special.bed_day_quota.level_1",
    "医疗专护每床日定额（一级医院）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("三(五)"), dec!(140), SPECIAL_QUOTE)],
);
/// 三(五) 医疗专护 二级医院 每床日定额.
static MEDICAL_SPECIAL_QUOTA_LEVEL_2: Param = Param::new(
    "medical_special.bed_day_quota.level_2",
    "医疗专护每床日定额（二级医院）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("三(五)"), dec!(180), SPECIAL_QUOTE)],
);
/// 三(五) 医疗专护 三级医院 每床日定额.
static MEDICAL_SPECIAL_QUOTA_LEVEL_3: Param = Param::new(
    "medical_special.bed_day_quota.level_3",
    "医疗专护每床日定额（三级医院）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("三(五)"), dec!(200), SPECIAL_QUOTE)],
);
/// 三(五) 医疗专护 "护理保险资金支付比例60%".
static MEDICAL_SPECIAL_FUND_SHARE: Param = Param::new(
    "medical_special.fund_share",
    "医疗专护基金支付比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("三(五)"), dec!(0.6), "护理保险资金支付比例60%")],
);
/// 三(五) 机构护理 每床日定额.
static INSTITUTION_QUOTA: Param = Param::new(
    "institution.bed_day_quota",
    "机构护理每床日定额",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("三(五)"), dec!(60), "机构护理60元")],
);
/// 三(五) 机构护理 "护理保险资金支付60%".
static INSTITUTION_FUND_SHARE: Param = Param::new(
    "institution.fund_share",
    "机构护理基金支付比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("三(五)"), dec!(0.6), "护理保险资金支付60%")],
);
/// 三(五) 居家护理 每床日定额.
static HOME_QUOTA: Param =
    Param::new("home.bed_day_quota", "居家护理每床日定额", YuanPerDay, &[Dated::of(&DOCUMENT, cite!("三(五)"), dec!(50), "居家护理50元")]);
/// 三(五) 居家护理 "护理保险资金支付60%".
static HOME_FUND_SHARE: Param = Param::new(
    "home.fund_share",
    "居家护理基金支付比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("三(五)"), dec!(0.6), "护理保险资金支付60%")],
);

// 三(五) "对护理机构按失能人员每人每天15元标准，发放照护补助，用于支付护理机构提供的符合
//  基本生活照料服务项目的护理费用；护理机构未足量提供照护服务的，将照护补贴余额发给个人。"

/// 三(五) 照护补助 每人每天.
static CARE_SUBSIDY_DAILY: Param = Param::new(
    "care_subsidy.per_day",
    "照护补助每人每天",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("三(五)"), dec!(15), "每人每天15元标准，发放照护补助")],
);

fn medical_special(ctx: &Ctx<'_>, out: &mut Out) {
    let quota = match ctx.number(&HOSPITAL_LEVEL) {
        l if l == Decimal::ONE => &MEDICAL_SPECIAL_QUOTA_LEVEL_1,
        l if l == Decimal::TWO => &MEDICAL_SPECIAL_QUOTA_LEVEL_2,
        _ => &MEDICAL_SPECIAL_QUOTA_LEVEL_3,
    };
    bed_days(ctx, out, &ctx.param(quota), &ctx.param(&MEDICAL_SPECIAL_FUND_SHARE), false);
}

fn institution(ctx: &Ctx<'_>, out: &mut Out) {
    bed_days(ctx, out, &ctx.param(&INSTITUTION_QUOTA), &ctx.param(&INSTITUTION_FUND_SHARE), false);
}

fn home(ctx: &Ctx<'_>, out: &mut Out) {
    bed_days(ctx, out, &ctx.param(&HOME_QUOTA), &ctx.param(&HOME_FUND_SHARE), true);
}

/// 三(五): the mode's bed-day quota at its share; the care subsidy in a facility, not at home.
fn bed_days(ctx: &Ctx<'_>, out: &mut Out, quota: &InForce, share: &InForce, home: bool) {
    bed_day_line(ctx, out, ctx.mode.id, quota, share);
    let subsidy = ctx.param(&CARE_SUBSIDY_DAILY);
    if !home {
        out.line(rules::daily_allowance_line(
            "care_subsidy",
            Text::new("照护补助", "Care subsidy"),
            subsidy.value,
            ctx.care_days,
            subsidy.citation.clone(),
        ));
    }
    care_subsidy_reading(ctx, out, &subsidy, home);
    if ctx.flag(&INTERRUPTED_CONTRIBUTION) && ctx.count(&MONTHS_SINCE_RESUMED).is_some() {
        out.note(note(
            "reading_follows_medical_insurance",
            "中断后重新参保的，自享受居民医保待遇起同时享受长期护理保险待遇：居民医保的待遇等待期（如有）同样适用。",
            "After re-enrolling, LTC benefits start together with resident medical insurance benefits: any waiting period of the medical insurance applies too.",
            ctx.cite("三(四)"),
        ));
    }
    out.note(note(
        "condition_mode_requirements",
        "机构护理和居家护理面向需要护理30天以上的人员，医疗专护面向需要长期24小时连续医疗护理的人员；其他申请条件按日照市职工长期护理保险规定执行，该规定不在本计算器的资料中。",
        "Institutional and home care are for people needing care for 30 days or more, medical special care for those needing 24-hour continuous medical care; other conditions follow Rizhao's employee LTC rules, which are not in this calculator's sources.",
        ctx.cite("三(四)、四"),
    ));
    if ctx.grade() == Grade::Moderate {
        out.note(note(
            "reading_grade_moderate",
            "文件用“半失能”“完全失能”；本计算器把中度失能对应为半失能、重度失能对应为完全失能。",
            "The text speaks of 半失能 (partly) and 完全失能 (fully) unable; this calculator reads moderate as 半失能 and severe as 完全失能.",
            ctx.cite("三(三)"),
        ));
    }
}

/// Reading: the 15元 subsidy is paid "对护理机构", and 三(四) tells the 定点护理机构 one
/// is admitted to apart from "居家接受相关服务机构的上门护理服务"; but 三(五)'s first
/// sentence counts 居家护理 among costs "在定点护理机构发生的". So the other reading
/// exists, and for home care the note says what it would add this month.
fn care_subsidy_reading(ctx: &Ctx<'_>, out: &mut Out, subsidy: &InForce, home: bool) {
    let r = plain(subsidy.value);
    let mut zh = format!(
        "每人每天{r}元的照护补助“对护理机构”发放，用于基本生活照料（未足量提供的余额发给个人）；三(四)把入住的定点护理机构与居家上门服务分开，所以本计算器只对医疗专护和机构护理计照护补助，居家护理不计。"
    );
    let mut en = format!(
        "The {r} yuan/day care subsidy is paid to the care institution for basic personal care (any unused balance goes to the person). 3(4) tells institutions one is admitted to apart from home visits, so this calculator adds the subsidy to medical special care and institutional care, not to home care."
    );
    if home {
        let n = ctx.care_days;
        let more = Money::round(subsidy.value * ctx.care_days_dec());
        let _ = write!(zh, "但三(五)把居家护理也列在“在定点护理机构发生的”费用中：按这种理解，本月基金还将支付{more}元（{r}元 × {n}日）。");
        let _ = write!(en, " But 3(5) lists home care among costs “incurred at designated care institutions”: read that way, the fund would also pay {more} yuan this month ({r} yuan × {n} days).");
    }
    out.note(note("reading_care_subsidy_in_facility", zh, en, ctx.cite("三(五)、三(四)")));
}

/// 床日定额: the fund pays 60% of the quota, or of the charge when it is lower.
fn bed_day_line(ctx: &Ctx<'_>, out: &mut Out, id: &'static str, quota: &InForce, share: &InForce) {
    let (citation, quota, share) = (quota.citation.clone(), quota.value, share.value);
    let days = ctx.care_days_dec();
    let n = ctx.care_days;
    let (q, s) = (plain(quota), rules::pct(share));
    let label = ctx.mode.name;
    match ctx.optional(&DAILY_CHARGE) {
        None => {
            let words = rules::basis(format!("床日定额{q}元 × {n}日"), format!("bed-day quota {q} yuan × {n} days"));
            out.line(rules::quota_share_line(id, label, quota * days, share, words, citation.clone()));
        }
        Some(charge) => {
            let base = quota.min(charge) * days;
            let cost = Money::round(charge * days);
            let fund = Money::round(base * share);
            let c = plain(charge);
            if charge < quota {
                out.note(rules::fund_at_most_charge(citation.clone()));
            }
            out.line(Line::service(
                id,
                label,
                cost,
                fund,
                basis(
                    format!("收费{c}元/日 × {n}日 = {cost}元；按不超过床日定额{q}元计{}元 × 基金支付{s}% = {fund}元", plain(base)),
                    format!("charge {c} yuan/day × {n} days = {cost} yuan; {} yuan counted up to the {q} yuan bed-day quota × fund {s}% = {fund} yuan", plain(base)),
                ),
                citation.clone(),
            ));
        }
    }
}

// ---- Notes on every estimate -----------------------------------------------

fn notes(ctx: &Ctx<'_>, out: &mut Vec<Note>) {
    out.push(note(
        "pilot_area",
        "本意见是岚山区试点：只适用于岚山区城乡居民医保参保人员。",
        "This is the Lanshan district pilot: it applies only to residents insured in Lanshan.",
        ctx.cite("三(一)"),
    ));
    if ctx.flag(&WORK_INJURY_CARE_ALLOWANCE) {
        out.push(rules::work_injury_reading(ctx.cite("三(八)1")));
    }
    // 三(四) "经评定符合条件的，自核准之日起享受长期护理保险待遇": in the month of
    // approval, only the days from that day.
    if ctx.month_of(&ASSESSED_MONTH) == Some(ctx.month) {
        out.push(note(
            "condition_from_approval_day",
            "待遇自核准之日起享受：核准当月只计核准之日起的天数，请把这些天数填为护理天数。",
            "Benefits are paid from the day of approval: in the month of approval only the days from that day count; enter them as the care days.",
            ctx.cite("三(四)"),
        ));
    }
    // 三(八)4 "非协议管理定点机构发生的" 不予支付
    out.push(note(
        "condition_contracted_provider",
        "在非协议管理的定点机构发生的费用，长期护理保险不支付。",
        "Costs at an institution without a service agreement are not paid.",
        ctx.cite("三(八)4"),
    ));
    // 三(八)5 "已经纳入残疾人保障、军队伤残抚恤、精神疾病防治等国家法律规定范围的护理项目和费用"
    // 不予支付: the text does not say by how much, so the amounts are not reduced.
    if ctx.optional(&DISABILITY_SUBSIDY).is_some_and(|s| !s.is_zero()) {
        out.push(note(
            "condition_disability_coverage",
            "已纳入残疾人保障等国家规定范围的护理项目和费用，长期护理保险不支付；文件未说扣减多少，本估算未扣减。",
            "Care already covered by disability protection is not paid by LTC insurance; the text does not say how much, so nothing is taken off here.",
            ctx.cite("三(八)5"),
        ));
    }
}

// ---- 三(二) 资金筹集 --------------------------------------------------------
// "2020年居民长期护理保险资金暂按每人每年50元的标准筹集，分别从以下渠道划拨：居民基本医疗
//  保险统筹资金每人30元、财政补助每人20元，财政补助资金参照城乡居民医疗保险政府补助政策，
//  由市级和岚山区暂按照45%、55%的比例分担"

/// The 2020 contribution year (三(二) "2020年").
const YEAR_2020: (Date, Option<Date>) = (Date::ymd(2020, 1, 1), Some(Date::ymd(2020, 12, 31)));

/// 三(二) 2020年 居民基本医疗保险统筹资金 每人每年.
static CONTRIBUTION_MEDICAL_FUND: Param = Param::new(
    "contribution.medical_fund",
    "居民医保统筹资金划拨",
    YuanPerPersonYear,
    &[Dated::of(&DOCUMENT, cite!("三(二)"), dec!(30), "居民基本医疗保险统筹资金每人30元").during(YEAR_2020.0, YEAR_2020.1)],
);
/// 三(二) 2020年 财政补助 每人每年.
static CONTRIBUTION_GOVERNMENT: Param = Param::new(
    "contribution.government",
    "财政补助",
    YuanPerPersonYear,
    &[Dated::of(&DOCUMENT, cite!("三(二)"), dec!(20), "财政补助每人20元").during(YEAR_2020.0, YEAR_2020.1)],
);
/// 三(二) 财政补助 市级分担比例 (岚山区 the rest).
static CITY_SHARE: Param = Param::new(
    "contribution.government_city_share",
    "财政补助的市级分担比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("三(二)"), dec!(0.45), "由市级和岚山区暂按照45%、55%的比例分担").during(YEAR_2020.0, YEAR_2020.1)],
);

static CONTRIBUTION: ContributionRules = ContributionRules {
    standard: &CONTRIBUTION_MEDICAL_FUND,
    first_year_clause: "三(二)",
    later_years: Text::new(
        "“居民长期护理保险筹资标准按照我市上年度全市居民人均可支配收入的 2‰左右确定”；资料没有给出后来的收入数字，这一金额不在资料中。",
        "“The standard is set at about 2‰ of the city's per-capita disposable income of the previous year”; the sources give no later income figures, so the amount is not in them.",
    ),
    later_years_clause: "三(二)",
    insurance: &[Insurance::Resident],
    insurance_not_covered: Text::new(
        "本意见只规定岚山区城乡居民的筹资；日照市职工长期护理保险的规定不在本计算器的资料中。",
        "This pilot sets contributions for Lanshan residents only; Rizhao's employee scheme is not in this calculator's sources.",
    ),
    inputs: &[],
    districts: &[],
    compute: contribution,
};

#[allow(clippy::unnecessary_wraps)] // the signature of `Rules::compute`: other cities' rules can fail.
fn contribution(_q: &ContributionQuery, at: &At, out: &mut ContributionLines) -> Result<(), Error> {
    let (medical, government, share) = (at.param(&CONTRIBUTION_MEDICAL_FUND), at.param(&CONTRIBUTION_GOVERNMENT), at.param(&CITY_SHARE));
    let (m, g) = (plain(medical.value), plain(government.value));
    let city_part = government.value * share.value;
    let (cs, ds) = (rules::pct(share.value), rules::pct(Decimal::ONE - share.value));
    out.push(
        Payer::MedicalFund,
        Text::new("居民医保统筹资金划拨", "From the resident medical insurance fund"),
        medical.value,
        basis(format!("居民基本医疗保险统筹资金{m}元/人"), format!("resident medical insurance fund {m} yuan per person")),
        medical.citation.clone(),
    );
    out.push(
        Payer::Government,
        Text::new("财政补助（市级）", "Government subsidy (city)"),
        city_part,
        basis(format!("财政补助{g}元 × 市级{cs}%"), format!("government subsidy {g} yuan × city {cs}%")),
        share.citation.clone(),
    );
    out.push(
        Payer::Government,
        Text::new("财政补助（岚山区）", "Government subsidy (Lanshan district)"),
        government.value - city_part,
        basis(format!("财政补助{g}元 × 岚山区{ds}%"), format!("government subsidy {g} yuan × Lanshan {ds}%")),
        share.citation.clone(),
    );
    out.note(note(
        "pilot_area",
        "本意见是岚山区试点：只适用于岚山区城乡居民医保参保人员。",
        "This is the Lanshan district pilot: it applies only to residents insured in Lanshan.",
        at.cite("三(一)"),
    ));
    Ok(())
}
