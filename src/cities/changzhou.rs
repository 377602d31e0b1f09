//! 常州 Changzhou — 常政办发〔2021〕71号
//! 《常州市全面开展长期护理保险试点实施方案》, issued by 常州市人民政府办公室 on
//! 2021-09-02. 十一: "本实施方案自2022年1月1日起实施，试点期限3年" — in force
//! 2022-01-01 to 2024-12-31; later months are computed with these rules and
//! marked expired. Employees and residents alike (二).
//!
//! ```
//! let e = ltci::estimate_json(r#"{"city":"changzhou","insurance":"resident","grade":"severe",
//!     "careMode":"home","month":"2022-03"}"#).unwrap();
//! assert_eq!(e.totals.fund.to_string(), "620.00"); // 20元/日 × 31日 亲情照护
//! ```

use crate::error::Error;
use crate::model::ParamUnit::{Months, Ratio, YuanPerDay, YuanPerMonth, YuanPerPersonYear};
use crate::model::{Choice, ContributionQuery, Grade, Insurance, Line, Note, Payer, Reason, ReasonCode, Text};
use crate::money::{plain, Money};
use crate::month::Date;
use crate::rules::inputs::{
    ASSESSED_MONTH, BENEFITS_LOCKED, DISABILITY_MONTHS, DISABILITY_SUBSIDY, DISTRICT, SUBSIDIZED, WORK_INJURY_CARE_ALLOWANCE,
};
use crate::rules::{
    self, basis, note, reason, At, Carry, City, ContributionLines, ContributionRules, Ctx, Dated, Default, DocKind, Document, InForce,
    Input, InputText, Mode, Out, Param, Step, Unit,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

macro_rules! cite {
    ($clause:literal) => {
        concat!("常政办发〔2021〕71号 ", $clause)
    };
}

static DOCUMENT: Document = Document {
    number: "常政办发〔2021〕71号",
    title: "常州市全面开展长期护理保险试点实施方案",
    issued: Some(Date::ymd(2021, 9, 2)),
    effective_from: Date::ymd(2022, 1, 1),
    effective_to: Some(Date::ymd(2024, 12, 31)),
    kind: DocKind::Policy,
    period_citation: cite!("十一"),
    period_quote: "本实施方案自2022年1月1日起实施，试点期限3年",
    last_reviewed: Date::ymd(2026, 12, 2),
    continues: None,
    renumbered: &[],
    // 二 "职工基本医疗保险……、城乡居民基本医疗保险……参保人员，同步参加长期护理保险"
    insurance: &[Insurance::Employee, Insurance::Resident],
    // 五(一) "评估为中度、重度失能的"
    grades: &[Grade::Moderate, Grade::Severe],
    modes: &[HOME, ELDERLY_INSTITUTION, MEDICAL_INSTITUTION],
};

pub(crate) static CITY: City = City {
    id: "changzhou",
    name: Text::new("常州", "Changzhou"),
    documents: &[&DOCUMENT],
    params: &[
        &MIN_DISABILITY_MONTHS,
        &BENEFITS_FROM_NEXT_MONTH,
        &FAMILY_CARE_DAILY_MODERATE,
        &FAMILY_CARE_DAILY_SEVERE,
        &HOME_LIFE_CARE_CAP_MODERATE,
        &HOME_LIFE_CARE_CAP_SEVERE,
        &HOME_MEDICAL_LIMIT,
        &HOME_MEDICAL_SHARE,
        &DEVICE_RENTAL_LIMIT,
        &DEVICE_RENTAL_SHARE,
        &ELDERLY_INSTITUTION_DAILY_MODERATE,
        &ELDERLY_INSTITUTION_DAILY_SEVERE,
        &ELDERLY_MEDICAL_LIMIT,
        &ELDERLY_MEDICAL_SHARE,
        &MEDICAL_INSTITUTION_DAILY_MODERATE,
        &MEDICAL_INSTITUTION_DAILY_SEVERE,
        &MEDICAL_NURSING_SHARE,
        &CONTRIBUTION_INDIVIDUAL,
        &CONTRIBUTION_GOVERNMENT,
        &CONTRIBUTION_MEDICAL_FUND,
        &SUBSIDIZED_BY_GOVERNMENT,
        &CITY_SHARE_IN_CITY_DISTRICTS,
    ],
    query_inputs: &[&DISABILITY_MONTHS, &WORK_INJURY_CARE_ALLOWANCE, &BENEFITS_LOCKED, &ASSESSED_MONTH, &DISABILITY_SUBSIDY],
    care_days_help: Text::new(
        "因病住院、享受基本医疗保险住院待遇的天数（不含医疗机构住院护理）不算护理天数（五(六)2）。",
        "Days in hospital on basic medical insurance inpatient benefits (other than an LTC ward) are not care days (5(6)2).",
    ),
    input_texts: &[
        InputText {
            input: &DISABILITY_MONTHS,
            label: Some(Text::new("失能后已治疗月数", "Months of treatment since disabled")),
            // 五(一) "经过6个月以上的治疗后病情基本稳定"
            help: Some(Text::new(
                "失能后已经过多少个月的治疗；须治疗6个月以上、病情基本稳定（五(一)）。",
                "How many months of treatment since the disability began; six months or more with the condition stable are needed (5(1)).",
            )),
        },
        InputText {
            input: &DISABILITY_SUBSIDY,
            label: None,
            // 五(五)2 "按照就高原则选择确定，不重复享受"
            help: Some(Text::new(
                "正在领取的重度残疾人护理补贴（元/月）；与长护险待遇就高择一，不重复享受（五(五)2）。",
                "The severe-disability care subsidy you receive (yuan a month); only the higher of it and LTC benefits is paid (5(5)2).",
            )),
        },
    ],
    // 五(一) "经过6个月以上的治疗后病情基本稳定，并经我市长期护理保险失能等级评估为中度、
    //  重度失能的，次月起可按规定享受相应保障待遇"
    next_steps: &[
        Step {
            text: Text::new(
                "向医保经办机构申请长期护理保险失能等级评估：须经过6个月以上的治疗、病情基本稳定，评估为中度或重度失能。",
                "Apply to the medical insurance office for a disability assessment: after six months of treatment with the condition stable, a moderate or severe grade qualifies.",
            ),
            clause: Some("五(一)"),
            reading: false,
        },
        Step {
            text: Text::new("评估通过的，次月起享受待遇。", "Benefits start the month after the assessment."),
            clause: Some("五(一)"),
            reading: false,
        },
    ],
    grade_names: &[],
    check,
    notes,
    contribution: Some(&CONTRIBUTION),
};

// ---- 五(一) 享受待遇条件 ---------------------------------------------------
// "参保人员因年老、疾病、伤残等导致失能，经过6个月以上的治疗后病情基本稳定，
//  并经我市长期护理保险失能等级评估为中度、重度失能的，次月起可按规定享受相应保障待遇。"

/// 五(一) "经过6个月以上的治疗后病情基本稳定"
static MIN_DISABILITY_MONTHS: Param = Param::new(
    "disability.minimum_months",
    "失能后最短治疗月数",
    Months,
    &[Dated::of(&DOCUMENT, cite!("五(一)"), dec!(6), "经过6个月以上的治疗后病情基本稳定")],
);
/// 五(一) "次月起": benefits start one month after the assessment.
static BENEFITS_FROM_NEXT_MONTH: Param = Param::new(
    "benefits.months_after_assessment",
    "评估后起付待遇的月数",
    Months,
    &[Dated::of(&DOCUMENT, cite!("五(一)"), dec!(1), "次月起可按规定享受相应保障待遇")],
);

/// 五(一): not how long the disability has lasted, but six months of treatment with the condition stable.
fn treated_and_stable(m: u32) -> [String; 2] {
    [
        format!("失能后须经过{m}个月以上的治疗、病情基本稳定"),
        format!("There must have been at least {m} months of treatment with the condition basically stable"),
    ]
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Reason>) {
    rules::grade_not_covered(
        ctx,
        out,
        Text::new(
            "常州市长期护理保险保障经评估为中度、重度失能的人员。",
            "Changzhou covers people assessed as moderately or severely disabled.",
        ),
        ctx.cite("五(一)"),
    );
    rules::disability_too_short(ctx, &MIN_DISABILITY_MONTHS, treated_and_stable, out);
    // 五(五)1 "已经按照国家工伤保险政策享受生活护理津贴的工伤职工不再享受长期护理保险待遇"
    if ctx.flag(&WORK_INJURY_CARE_ALLOWANCE) {
        out.push(reason(
            ReasonCode::WorkInjuryAllowance,
            "已享受工伤保险生活护理津贴的工伤职工不再享受长期护理保险待遇。",
            "People receiving the work-injury insurance care allowance do not also receive LTC insurance benefits.",
            ctx.cite("五(五)1"),
        ));
    }
    // 五(六)1 "处于基本医疗保险统筹待遇封锁期的" 不享受长期护理保险待遇
    if ctx.flag(&BENEFITS_LOCKED) {
        out.push(reason(
            ReasonCode::BenefitsLocked,
            "处于基本医疗保险统筹待遇封锁期，不享受长期护理保险待遇。",
            "No LTC insurance benefits during a basic medical insurance lock period (待遇封锁期).",
            ctx.cite("五(六)1"),
        ));
    }
    // 五(一) "次月起可按规定享受": the month after the assessment.
    let next = ctx.param(&BENEFITS_FROM_NEXT_MONTH);
    rules::before_benefit_start(ctx, next.count(), out, next.citation.clone());
}

// ---- 五(四)1 居家护理 ------------------------------------------------------

const HOME: Mode = Mode {
    id: "home",
    name: Text::new("居家护理", "Home care"),
    clause: "五(四)1",
    help: Text::new(
        "在家接受护理机构上门服务，或由登记的亲情照护人员照护；可另报家庭病床医疗护理和护理辅具租赁。",
        "Care at home by a provider's visiting staff or a registered family carer; home sickbed nursing and device rental are paid too.",
    ),
    inputs: &[&HOME_SERVICE_COST, &FAMILY_CARE_DAYS, &HOME_MEDICAL_COST, &DEVICE_RENTAL_COST],
    uses_care_days: true,
    compute: home,
    notes: rules::no_notes,
};

static HOME_SERVICE_COST: Input = Input {
    key: "homeServiceCost",
    label: Text::new("本月上门服务费用", "Home-visit services this month"),
    help: Text::new(
        "护理机构派人上门提供生活护理服务的本月费用（元）。",
        "What the provider charges this month for personal-care visits (yuan).",
    ),
    unit: Unit::YuanPerMonth,
    default: Default::Fixed(Decimal::ZERO),
    ..Input::BASE
};

/// docs/plan.md: how the person uses it each month, carried as their pattern.
static FAMILY_CARE_DAYS: Input = Input {
    key: "familyCareDays",
    label: Text::new("亲情照护天数", "Days of family care"),
    // 七(三) "指定1-2名固定人员，经相应培训合格，纳入全市居家养老亲情照护人员名录"
    help: Text::new(
        "登记的亲情照护人员提供生活护理的天数，不超过护理天数；不填按护理天数计。亲情照护人员须经培训合格、纳入全市名录（七(三)）。",
        "Days a registered family carer gave personal care, at most the care days; left empty, all the care days. The carer must be trained and in the city's register (7(3)).",
    ),
    unit: Unit::Days,
    default: Default::CareDays,
    carry: Carry::Pattern,
    ..Input::BASE
};

static DEVICE_RENTAL_COST: Input = Input {
    key: "deviceRentalCost",
    label: Text::new("本月护理辅具租赁费", "Care device rental this month"),
    help: Text::new("护理床、轮椅等护理辅具的本月租金（元）。", "Rent for care devices such as beds and wheelchairs this month (yuan)."),
    unit: Unit::YuanPerMonth,
    default: Default::Fixed(Decimal::ZERO),
    ..Input::BASE
};

/// 居家护理 and 养老机构护理 alike (五(四)1(2), 五(四)2(2)).
static HOME_MEDICAL_COST: Input = Input {
    key: "homeMedicalCost",
    label: Text::new("本月家庭病床医疗护理费", "Home sickbed nursing this month"),
    help: Text::new(
        "已办理家庭病床建床手续后发生的符合规定的医疗护理费用（元）。",
        "Eligible medical nursing costs under a registered home sickbed (家庭病床) this month (yuan).",
    ),
    unit: Unit::YuanPerMonth,
    default: Default::Fixed(Decimal::ZERO),
    ..Input::BASE
};

// 五(四)1(1) "长期护理保险基金可按中度失能12元/日、重度失能20元/日予以生活护理补助"

/// 五(四)1(1) 亲情照护生活护理补助, 中度失能 元/日.
static FAMILY_CARE_DAILY_MODERATE: Param = Param::new(
    "home.family_care_per_day.moderate",
    "亲情照护生活护理补助（中度）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("五(四)1(1)"), dec!(12), "中度失能12元/日")],
);
/// 五(四)1(1) 亲情照护生活护理补助, 重度失能 元/日.
static FAMILY_CARE_DAILY_SEVERE: Param = Param::new(
    "home.family_care_per_day.severe",
    "亲情照护生活护理补助（重度）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("五(四)1(1)"), dec!(20), "重度失能20元/日")],
);

// 五(四)1(1) "专业服务与亲情照护生活护理补助，两项合并计算。长期护理保险基金在支付时
//  中度失能人员不超过900元/月，重度失能人员不超过1500元/月。"

/// 五(四)1(1) 生活护理两项合并, 中度失能 月上限.
static HOME_LIFE_CARE_CAP_MODERATE: Param = Param::new(
    "home.life_care_cap.moderate",
    "居家生活护理月支付上限（中度）",
    YuanPerMonth,
    &[Dated::of(&DOCUMENT, cite!("五(四)1(1)"), dec!(900), "中度失能人员不超过900元/月")],
);
/// 五(四)1(1) 生活护理两项合并, 重度失能 月上限.
static HOME_LIFE_CARE_CAP_SEVERE: Param = Param::new(
    "home.life_care_cap.severe",
    "居家生活护理月支付上限（重度）",
    YuanPerMonth,
    &[Dated::of(&DOCUMENT, cite!("五(四)1(1)"), dec!(1500), "重度失能人员不超过1500元/月")],
);

// 五(四)1(2) "限额标准为600元/月，限额内的费用由长期护理保险基金补偿75%，个人支付25%"
// 五(四)2(2) says it again for 养老机构护理: one parameter per clause.

/// 五(四)1(2) 家庭病床医疗护理 月限额.
static HOME_MEDICAL_LIMIT: Param = Param::new(
    "home.medical_nursing_limit",
    "居家家庭病床医疗护理月限额",
    YuanPerMonth,
    &[Dated::of(&DOCUMENT, cite!("五(四)1(2)"), dec!(600), "限额标准为600元/月")],
);
/// 五(四)1(2) 限额内基金补偿比例.
static HOME_MEDICAL_SHARE: Param = Param::new(
    "home.medical_nursing_share",
    "居家家庭病床医疗护理基金补偿比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("五(四)1(2)"), dec!(0.75), "限额内的费用由长期护理保险基金补偿75%")],
);

// 五(四)1(3) "长期护理保险基金对护理辅助器具租赁在限额内按比例进行补偿，限额标准为300元/月，
//  限额内的费用由长期护理保险基金补偿75%，个人支付25%"

/// 五(四)1(3) 护理辅具租赁 月限额.
static DEVICE_RENTAL_LIMIT: Param = Param::new(
    "home.device_rental_limit",
    "护理辅具租赁月限额",
    YuanPerMonth,
    &[Dated::of(&DOCUMENT, cite!("五(四)1(3)"), dec!(300), "限额标准为300元/月")],
);
/// 五(四)1(3) 限额内基金补偿比例.
static DEVICE_RENTAL_SHARE: Param = Param::new(
    "home.device_rental_share",
    "护理辅具租赁基金补偿比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("五(四)1(3)"), dec!(0.75), "限额内的费用由长期护理保险基金补偿75%")],
);

fn home(ctx: &Ctx<'_>, out: &mut Out) {
    let severe = ctx.grade() == Grade::Severe;
    let (rate, cap) = if severe {
        (ctx.param(&FAMILY_CARE_DAILY_SEVERE), ctx.param(&HOME_LIFE_CARE_CAP_SEVERE))
    } else {
        (ctx.param(&FAMILY_CARE_DAILY_MODERATE), ctx.param(&HOME_LIFE_CARE_CAP_MODERATE))
    };
    let (citation, rate, cap) = (cap.citation.clone(), rate.value, cap.value);
    let services = ctx.number(&HOME_SERVICE_COST);
    let family_days = ctx.number(&FAMILY_CARE_DAYS);
    let subsidy = rate * family_days;

    // "两项合并计算": one cap for both. Reading: services are paid first.
    let fund_service = services.min(cap);
    let fund_family = subsidy.min(cap - fund_service);
    let (c, r, k, fd) = (plain(services), plain(rate), plain(cap), plain(family_days));
    if services > Decimal::ZERO {
        let fund = Money::round(fund_service);
        out.line(Line::service(
            "home_service",
            Text::new("居家上门生活护理服务", "Home-visit personal care"),
            Money::round(services),
            fund,
            basis(
                format!("上门服务费用{c}元，基金在生活护理月上限{k}元内支付{fund}元"),
                format!("visit services {c} yuan; the fund pays {fund} yuan within the {k} yuan/month personal-care cap"),
            ),
            citation.clone(),
        ));
    }
    if family_days > Decimal::ZERO {
        let fund = Money::round(fund_family);
        let left = plain(cap - fund_service);
        out.line(Line::allowance(
            "family_care_subsidy",
            Text::new("亲情照护生活护理补助", "Family-care subsidy"),
            fund,
            basis(
                format!("{r}元/日 × {fd}日 = {}元，月上限{k}元扣除上门服务后余{left}元，补助{fund}元", plain(subsidy)),
                format!(
                    "{r} yuan/day × {fd} days = {} yuan; {left} yuan left of the {k} yuan cap after services; subsidy {fund} yuan",
                    plain(subsidy)
                ),
            ),
            citation.clone(),
        ));
        out.note(note(
            "condition_family_carer_registered",
            "亲情照护须指定1–2名固定人员，经培训合格并纳入全市居家养老亲情照护人员名录后方可享受补助；武进区先行试点已享受亲情照护的人员在评定有效期内继续按原标准执行（原标准不在本计算器资料中）。",
            "Family care is subsidised only for 1–2 designated carers who are trained and in the city's register. People already on family care in the earlier Wujin pilot keep their old rates, which are not in this calculator's sources.",
            ctx.cite("七(三)、五(四)1(1)"),
        ));
    }
    // Only a reading when both items are claimed and the cap binds: with one of them
    // zero, or under the cap, the order changes nothing.
    if services > Decimal::ZERO && family_days > Decimal::ZERO && services + subsidy > cap {
        out.note(note(
            "reading_services_first",
            format!("上门服务与亲情照护补助“两项合并计算”，合计超过{k}元/月上限；文件未说先付哪一项，本计算器先付上门服务，余额再付亲情照护补助。"),
            format!("Visit services and the family-care subsidy share one {k} yuan/month cap, which binds here; the text does not say which is paid first, so this calculator pays services first."),
            citation.clone(),
        ));
    }
    medical_care(ctx, out, &HOME_MEDICAL_LIMIT, &HOME_MEDICAL_SHARE);
    let rental = ctx.number(&DEVICE_RENTAL_COST);
    if rental > Decimal::ZERO {
        let (limit, share) = (ctx.param(&DEVICE_RENTAL_LIMIT), ctx.param(&DEVICE_RENTAL_SHARE));
        out.line(rules::share_within_limit_line(
            "device_rental",
            Text::new("护理辅具租赁补偿", "Care device rental"),
            rental,
            limit.value,
            share.value,
            limit.citation.clone(),
        ));
    }
    disability_subsidy(ctx, out);
}

/// 家庭病床医疗护理, the same in 居家护理 (五(四)1(2)) and 养老机构护理 (五(四)2(2)).
fn medical_care(ctx: &Ctx<'_>, out: &mut Out, limit: &'static Param, share: &'static Param) {
    let cost = ctx.number(&HOME_MEDICAL_COST);
    if cost > Decimal::ZERO {
        let (limit, share) = (ctx.param(limit), ctx.param(share));
        let citation = limit.citation;
        out.line(rules::share_within_limit_line(
            "home_medical",
            Text::new("家庭病床医疗护理", "Home sickbed nursing"),
            cost,
            limit.value,
            share.value,
            citation.clone(),
        ));
        out.note(note(
            "condition_home_sickbed",
            "医疗护理费用须符合家庭医生上门预约服务中家庭病床建床条件，并已办理建床手续。",
            "Medical nursing is paid only under a home sickbed (家庭病床) set up through the family-doctor service.",
            citation.clone(),
        ));
    }
}

// ---- 五(四)2 养老机构护理 --------------------------------------------------

const ELDERLY_INSTITUTION: Mode = Mode {
    id: "elderly_institution",
    name: Text::new("养老机构护理", "Elderly-care institution"),
    clause: "五(四)2",
    help: Text::new(
        "在养老服务机构接受护理服务；基本生活照料按日补偿，家庭病床医疗护理另计。",
        "Care in an elderly-care institution: personal care paid per day, home-sickbed nursing on top.",
    ),
    inputs: &[&INSTITUTION_CHARGE, &HOME_MEDICAL_COST],
    uses_care_days: true,
    compute: elderly_institution,
    notes: rules::no_notes,
};

static INSTITUTION_CHARGE: Input = Input {
    key: "dailyCharge",
    label: Text::new("机构每日生活照料收费", "Institution's daily personal-care charge"),
    help: Text::new(
        "养老机构每日收取的基本生活照料费用（元/日）；不填则只显示基金支付部分。",
        "What the institution charges per day for basic personal care (yuan/day); leave empty to see only the fund's part.",
    ),
    unit: Unit::YuanPerDay,
    ..Input::BASE
};

// 五(四)2(1) "属于基本生活照料服务范围的费用，由长期护理保险基金按中度失能30元/日，
//  重度失能50元/日标准进行补偿"

/// 五(四)2(1) 养老机构生活护理, 中度失能 元/日.
static ELDERLY_INSTITUTION_DAILY_MODERATE: Param = Param::new(
    "elderly_institution.life_care_per_day.moderate",
    "养老机构生活护理日补偿（中度）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("五(四)2(1)"), dec!(30), "按中度失能30元/日")],
);
/// 五(四)2(1) 养老机构生活护理, 重度失能 元/日.
static ELDERLY_INSTITUTION_DAILY_SEVERE: Param = Param::new(
    "elderly_institution.life_care_per_day.severe",
    "养老机构生活护理日补偿（重度）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("五(四)2(1)"), dec!(50), "重度失能50元/日")],
);

// 五(四)2(2) "限额标准为600元/月，限额内的费用由长期护理保险基金补偿75%，个人支付25%"

/// 五(四)2(2) 家庭病床医疗护理 月限额.
static ELDERLY_MEDICAL_LIMIT: Param = Param::new(
    "elderly_institution.medical_nursing_limit",
    "养老机构家庭病床医疗护理月限额",
    YuanPerMonth,
    &[Dated::of(&DOCUMENT, cite!("五(四)2(2)"), dec!(600), "限额标准为600元/月")],
);
/// 五(四)2(2) 限额内基金补偿比例.
static ELDERLY_MEDICAL_SHARE: Param = Param::new(
    "elderly_institution.medical_nursing_share",
    "养老机构家庭病床医疗护理基金补偿比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("五(四)2(2)"), dec!(0.75), "限额内的费用由长期护理保险基金补偿75%")],
);

fn elderly_institution(ctx: &Ctx<'_>, out: &mut Out) {
    let rate = by_grade(ctx, &ELDERLY_INSTITUTION_DAILY_MODERATE, &ELDERLY_INSTITUTION_DAILY_SEVERE);
    rules::daily_rate_line(out, ctx, &INSTITUTION_CHARGE, ("life_care", LIFE_CARE), rate.value, rate.citation.clone());
    medical_care(ctx, out, &ELDERLY_MEDICAL_LIMIT, &ELDERLY_MEDICAL_SHARE);
    disability_subsidy(ctx, out);
}

const LIFE_CARE: Text = Text::new("基本生活照料", "Basic personal care");

// ---- 五(四)3 医疗机构住院护理 ----------------------------------------------

const MEDICAL_INSTITUTION: Mode = Mode {
    id: "medical_institution",
    name: Text::new("医疗机构住院护理", "Hospital LTC ward"),
    clause: "五(四)3",
    help: Text::new(
        "入住定点医疗机构专护病房接受护理；生活照料按日补偿，医疗护理费用补偿75%。",
        "A stay in a designated hospital's LTC ward: personal care per day, medical nursing at 75%.",
    ),
    inputs: &[&WARD_CHARGE, &MEDICAL_NURSING_COST],
    uses_care_days: true,
    compute: medical_institution,
    notes: rules::no_notes,
};

static WARD_CHARGE: Input = Input {
    key: "dailyCharge",
    label: Text::new("每日生活照料收费", "Daily personal-care charge"),
    help: Text::new(
        "专护病房每日收取的基本生活照料费用（元/日）；不填则只显示基金支付部分。",
        "What the ward charges per day for basic personal care (yuan/day); leave empty to see only the fund's part.",
    ),
    unit: Unit::YuanPerDay,
    ..Input::BASE
};

static MEDICAL_NURSING_COST: Input = Input {
    key: "medicalNursingCost",
    label: Text::new("本月医疗护理费用", "Medical nursing this month"),
    help: Text::new(
        "属于基本医疗护理服务范围的本月费用（元），含护理相关的医保目录内药品。",
        "Basic medical nursing costs this month (yuan), including listed drugs related to the care.",
    ),
    unit: Unit::YuanPerMonth,
    default: Default::Fixed(Decimal::ZERO),
    ..Input::BASE
};

// 五(四)3(1) "由长期护理保险基金按中度失能24元/日，重度失能40元/日标准进行补偿"

/// 五(四)3(1) 医疗机构生活护理, 中度失能 元/日.
static MEDICAL_INSTITUTION_DAILY_MODERATE: Param = Param::new(
    "medical_institution.life_care_per_day.moderate",
    "医疗机构生活护理日补偿（中度）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("五(四)3(1)"), dec!(24), "按中度失能24元/日")],
);
/// 五(四)3(1) 医疗机构生活护理, 重度失能 元/日.
static MEDICAL_INSTITUTION_DAILY_SEVERE: Param = Param::new(
    "medical_institution.life_care_per_day.severe",
    "医疗机构生活护理日补偿（重度）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("五(四)3(1)"), dec!(40), "重度失能40元/日")],
);

// 五(四)3(2) "属于基本医疗护理服务范围的费用，长期护理保险基金补偿75%，不享受基本医疗保险住院待遇"

/// 五(四)3(2) 医疗护理 基金补偿比例 (no limit).
static MEDICAL_NURSING_SHARE: Param = Param::new(
    "medical_institution.medical_nursing_share",
    "医疗机构医疗护理基金补偿比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("五(四)3(2)"), dec!(0.75), "长期护理保险基金补偿75%")],
);

fn medical_institution(ctx: &Ctx<'_>, out: &mut Out) {
    let rate = by_grade(ctx, &MEDICAL_INSTITUTION_DAILY_MODERATE, &MEDICAL_INSTITUTION_DAILY_SEVERE);
    rules::daily_rate_line(out, ctx, &WARD_CHARGE, ("life_care", LIFE_CARE), rate.value, rate.citation.clone());
    let nursing = ctx.number(&MEDICAL_NURSING_COST);
    if nursing > Decimal::ZERO {
        let share = ctx.param(&MEDICAL_NURSING_SHARE);
        let cost = Money::round(nursing);
        let fund = Money::round(nursing * share.value);
        let (n, s) = (plain(nursing), rules::pct(share.value));
        out.line(Line::service(
            "medical_nursing",
            Text::new("医疗护理", "Medical nursing"),
            cost,
            fund,
            basis(format!("医疗护理费用{n}元 × 基金补偿{s}% = {fund}元"), format!("medical nursing {n} yuan × fund {s}% = {fund} yuan")),
            share.citation.clone(),
        ));
    }
    out.note(note(
        "condition_no_inpatient_benefits",
        "医疗机构住院护理期间不享受基本医疗保险住院待遇。",
        "While in the LTC ward, basic medical insurance inpatient benefits are not paid.",
        ctx.cite("五(四)3(2)"),
    ));
    disability_subsidy(ctx, out);
}

fn by_grade(ctx: &Ctx<'_>, moderate: &'static Param, severe: &'static Param) -> InForce {
    ctx.param(if ctx.grade() == Grade::Severe { severe } else { moderate })
}

// ---- 五(五)2 待遇衔接 -------------------------------------------------------
// "长期护理保险待遇与重度残疾人护理补贴按照就高原则选择确定，不重复享受"

// The higher of the two is the benefit: a subsidy above the month's LTC fund total
// means LTC insurance pays nothing (ineligible); equal or lower, LTC insurance pays
// and the subsidy stops. Compared only once every other condition is met (the
// amounts exist only then). A subsidy of 0 is no subsidy.
fn disability_subsidy(ctx: &Ctx<'_>, out: &mut Out) {
    let Some(subsidy) = ctx.optional(&DISABILITY_SUBSIDY).filter(|s| !s.is_zero()) else { return };
    let s = Money::round(subsidy);
    let fund = out.fund_total();
    if s > fund {
        out.refuse(reason(
            ReasonCode::DisabilitySubsidyHigher,
            format!("长护险本月可支付{fund}元，低于您领取的重度残疾人护理补贴{s}元。两者就高选择、不重复享受：领取补贴，长护险本月不支付。"),
            format!("LTC insurance would pay {fund} yuan this month, less than your severe-disability care subsidy of {s} yuan. Only the higher is paid: with the subsidy, LTC insurance pays nothing this month."),
            ctx.cite("五(五)2"),
        ));
    } else {
        // The caller gains the difference, not the whole LTC amount.
        let gain = fund - s;
        out.note(note(
            "disability_subsidy_not_combined",
            format!("长护险待遇与重度残疾人护理补贴就高择一、不重复享受：享受长护险期间，每月{s}元的补贴停发；本月长护险基金支付{fund}元，比补贴多{gain}元。"),
            format!("LTC benefits and the disability care subsidy are not paid together: while LTC insurance pays, the subsidy of {s} yuan a month stops; this month the LTC fund pays {fund} yuan, {gain} yuan more than the subsidy."),
            ctx.cite("五(五)2"),
        ));
    }
}

// ---- 五(六) 待遇退出, 五(三) 不纳入支付范围 ----------------------------------------
// 五(六) "参保人员如出现下列情形之一的，不享受长期护理保险待遇：……3. 自理能力好转，重新评估
//  不符合待遇享受条件的。4. 失能等级评估结论有效期届满但未按规定申请重新评估的。"
// 五(三) "下列护理费用不纳入长期护理保险基金支付范围：应当从其他社会保险基金中支付的；应当由
//  第三人依法承担的；……"
// Nothing in a query tells these: a note on every estimate.

fn notes(ctx: &Ctx<'_>, out: &mut Vec<Note>) {
    rules::assumed_disability_months(ctx, &MIN_DISABILITY_MONTHS, treated_and_stable, out);
    out.push(note(
        "condition_reassessment",
        "重新评估自理能力好转、不再符合条件，或评估结论有效期届满未申请重新评估的，停止享受待遇；应由其他社会保险基金支付或第三人依法承担的护理费用，基金不支付。",
        "Benefits stop if a reassessment finds self-care improved, or the assessment lapses without a new one; care costs another social insurance fund or a liable third party must bear are not paid.",
        ctx.cite("五(六)3、4；五(三)"),
    ));
}

// ---- 三 资金筹集 -----------------------------------------------------------
// 三(二) "2022年度长期护理保险基金筹集标准为100元/人，其中，个人缴费30元/人、政府补助
//  30元/人，医保基金40元/人。今后筹资标准的调整由市医疗保障部门会同财政部门共同确定"

/// The 2022 contribution year (三(二) "2022年度").
const YEAR_2022: (Date, Option<Date>) = (Date::ymd(2022, 1, 1), Some(Date::ymd(2022, 12, 31)));

/// 三(二) 2022年度 个人缴费 元/人.
static CONTRIBUTION_INDIVIDUAL: Param = Param::new(
    "contribution.individual",
    "个人缴费",
    YuanPerPersonYear,
    &[Dated::of(&DOCUMENT, cite!("三(二)"), dec!(30), "个人缴费30元/人").during(YEAR_2022.0, YEAR_2022.1)],
);
/// 三(二) 2022年度 政府补助 元/人.
static CONTRIBUTION_GOVERNMENT: Param = Param::new(
    "contribution.government",
    "政府补助",
    YuanPerPersonYear,
    &[Dated::of(&DOCUMENT, cite!("三(二)"), dec!(30), "政府补助30元/人").during(YEAR_2022.0, YEAR_2022.1)],
);
/// 三(二) 2022年度 医保基金 元/人; 三(三)3 says from which fund, so both are cited.
static CONTRIBUTION_MEDICAL_FUND: Param = Param::new(
    "contribution.medical_fund",
    "医保基金划转",
    YuanPerPersonYear,
    &[Dated::of(&DOCUMENT, cite!("三(二)、三(三)3"), dec!(40), "医保基金40元/人").during(YEAR_2022.0, YEAR_2022.1)],
);
/// 三(三)1 "符合享受居民医保保费个人缴费政府补助条件的人员……个人缴费部分由政府全额补助"
static SUBSIDIZED_BY_GOVERNMENT: Param = Param::new(
    "contribution.individual_subsidized_share",
    "符合补助条件者个人缴费的政府补助比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("三(三)1"), dec!(1), "个人缴费部分由政府全额补助")],
);
/// 三(三)2 "新北区、天宁区、钟楼区由市区两级财政各按50%比例承担"
static CITY_SHARE_IN_CITY_DISTRICTS: Param = Param::new(
    "contribution.city_share_in_central_districts",
    "新北、天宁、钟楼区政府补助的市级分担比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("三(三)2"), dec!(0.5), "由市区两级财政各按50%比例承担")],
);

/// 三(三)2 "溧阳市、金坛区、武进区、经开区由各地区财政承担；新北区、天宁区、钟楼区由市区两级
/// 财政各按50%比例承担".
static DISTRICTS: [Choice; 7] = [
    Choice { id: "liyang", name: Text::new("溧阳市", "Liyang") },
    Choice { id: "jintan", name: Text::new("金坛区", "Jintan") },
    Choice { id: "wujin", name: Text::new("武进区", "Wujin") },
    Choice { id: "jingkai", name: Text::new("常州经开区", "Changzhou Economic Development Zone") },
    Choice { id: "xinbei", name: Text::new("新北区", "Xinbei") },
    Choice { id: "tianning", name: Text::new("天宁区", "Tianning") },
    Choice { id: "zhonglou", name: Text::new("钟楼区", "Zhonglou") },
];
/// 三(三)2: the districts whose share city and district finances split 50/50.
const SHARED_WITH_CITY: [&str; 3] = ["xinbei", "tianning", "zhonglou"];

static CONTRIBUTION: ContributionRules = ContributionRules {
    standard: &CONTRIBUTION_INDIVIDUAL,
    first_year_clause: "三(二)、一(三)",
    later_years: Text::new(
        "“今后筹资标准的调整由市医疗保障部门会同财政部门共同确定，并按规定报市人民政府批准后执行。”",
        "Later standards are set by the city's medical security bureau with the finance bureau, approved by the city government.",
    ),
    later_years_clause: "三(二)",
    insurance: &[Insurance::Employee, Insurance::Resident],
    insurance_not_covered: Text::new("", ""),
    inputs: &[&SUBSIDIZED, &DISTRICT],
    districts: &DISTRICTS,
    compute: contribution,
};

fn contribution(q: &ContributionQuery, at: &At, out: &mut ContributionLines) -> Result<(), Error> {
    let district = match q.district.as_deref() {
        None => None,
        Some(id) => Some(DISTRICTS.iter().find(|d| d.id == id).ok_or_else(|| {
            let known = crate::error::list(DISTRICTS.iter().map(|d| d.id));
            Error::invalid(
                "district",
                &format!("不是常州的辖市区；可选：{known}"),
                &format!("is not a Changzhou district; expected one of: {known}"),
            )
        })?),
    };
    if q.subsidized && q.insurance == Insurance::Employee {
        return Err(Error::invalid(
            "subsidized",
            "只适用于居民医保参保人员（个人缴费政府补助）",
            "applies to resident insurance only (the government subsidy of the personal contribution)",
        ));
    }
    let (individual, medical) = (at.param(&CONTRIBUTION_INDIVIDUAL), at.param(&CONTRIBUTION_MEDICAL_FUND));
    let (i, m) = (plain(individual.value), plain(medical.value));
    let subsidy = at.param(&SUBSIDIZED_BY_GOVERNMENT);
    let subsidized = if q.subsidized { individual.value * subsidy.value } else { Decimal::ZERO };
    // 三(三)1 "符合享受居民医保保费个人缴费政府补助条件的人员……个人缴费部分由政府全额补助"
    if q.subsidized {
        out.push(
            Payer::Government,
            Text::new("个人缴费部分由政府全额补助", "Personal share paid by the government"),
            subsidized,
            basis(format!("个人缴费{i}元/人，由政府全额补助"), format!("the personal {i} yuan, paid in full by the government")),
            subsidy.citation.clone(),
        );
    }
    if individual.value > subsidized {
        out.push(
            Payer::Individual,
            Text::new("个人缴费", "Personal contribution"),
            individual.value - subsidized,
            basis(format!("个人缴费{i}元/人"), format!("personal contribution {i} yuan per person")),
            individual.citation.clone(),
        );
    }
    government_lines(at, district, out);
    out.push(
        Payer::MedicalFund,
        Text::new("医保基金划转", "From the medical insurance fund"),
        medical.value,
        basis(format!("医保基金{m}元/人"), format!("medical insurance fund {m} yuan per person")),
        medical.citation.clone(),
    );
    if q.insurance == Insurance::Employee {
        out.note(note(
            "employee_personal_account",
            "职工医保参保人员的个人缴费由职工基本医疗保险个人账户代扣代缴；参加住院基本医疗保险的，可与职工医保、大额医疗补助资金同步收取。",
            "Employees' personal contribution is deducted from their medical insurance personal account; those in the inpatient-only scheme pay it with their medical insurance contribution.",
            at.cite("三(三)1"),
        ));
    }
    if q.subsidized && district.is_some() {
        out.note(note(
            "reading_subsidy_not_split",
            "三(三)2的市区分担只说“政府补助部分”；个人缴费的政府补助由哪级财政承担，文件未说，本计算器不拆分。",
            "3(3)2 splits only the government subsidy between city and district; the text does not say which level pays the subsidised personal share, so it is not split here.",
            at.cite("三(三)1、三(三)2"),
        ));
    }
    Ok(())
}

/// 三(二) the government subsidy; with a district, 三(三)2's split between city and district.
fn government_lines(at: &At, district: Option<&Choice>, out: &mut ContributionLines) {
    let government = at.param(&CONTRIBUTION_GOVERNMENT);
    let g = plain(government.value);
    match district {
        None => out.push(
            Payer::Government,
            Text::new("政府补助", "Government subsidy"),
            government.value,
            basis(format!("政府补助{g}元/人"), format!("government subsidy {g} yuan per person")),
            government.citation.clone(),
        ),
        Some(d) if !SHARED_WITH_CITY.contains(&d.id) => out.push(
            Payer::Government,
            Text::new("政府补助（辖市区财政）", "Government subsidy (district finances)"),
            government.value,
            basis(
                format!("政府补助{g}元/人，由{}财政承担", d.name.zh),
                format!("government subsidy {g} yuan per person, paid by {} finances", d.name.en),
            ),
            // 三(三)2, the clause that names the districts and the city's share.
            at.param(&CITY_SHARE_IN_CITY_DISTRICTS).citation,
        ),
        Some(d) => {
            let share = at.param(&CITY_SHARE_IN_CITY_DISTRICTS);
            let city_part = government.value * share.value;
            let (s, ds) = (rules::pct(share.value), rules::pct(Decimal::ONE - share.value));
            out.push(
                Payer::Government,
                Text::new("政府补助（市级财政）", "Government subsidy (city finances)"),
                city_part,
                basis(format!("政府补助{g}元/人 × 市级{s}%"), format!("government subsidy {g} yuan × city {s}%")),
                share.citation.clone(),
            );
            out.push(
                Payer::Government,
                Text::new("政府补助（区级财政）", "Government subsidy (district finances)"),
                government.value - city_part,
                basis(
                    format!("政府补助{g}元/人 × {}财政{ds}%", d.name.zh),
                    format!("government subsidy {g} yuan × {} finances {ds}%", d.name.en),
                ),
                share.citation.clone(),
            );
        }
    }
}
