//! 南通 Nantong — figures from 周英《推进长期护理保险制度试点的江苏探索》(c. 2021), an
//! overview article by the Jiangsu provincial authorities, paragraph 待遇支付差别化
//! ("以南通市为例"). Not the city's policy document, and one figure is approximate
//! ("约1100元"): every estimate is `article`. Nantong was in the first national
//! pilot batch of 2016 (the article's opening), so months from 2016-01; no end date.
//! Only home care is described.
//!
//! ```
//! let e = ltci::estimate_json(r#"{"city":"nantong","insurance":"employee","grade":"severe",
//!     "careMode":"home","month":"2021-04"}"#).unwrap();
//! assert_eq!(e.totals.fund.to_string(), "1550.00"); // 1100 + 15元 × 30天
//! assert_eq!(e.totals.self_pay.unwrap().to_string(), "85.00"); // 17次 × 5元
//! ```

use crate::model::ParamUnit::{Ratio, VisitsPerWeek, YuanPerDay, YuanPerMonth, YuanPerVisit, YuanPerYear};
use crate::model::{Grade, Insurance, Line, Note, Reason, Text};
use crate::money::{div_round, plain, Money};
use crate::month::Date;
use crate::rules::inputs::ASSESSED_MONTH;
use crate::rules::{self, basis, note, Carry, City, Ctx, Dated, Default, DocKind, Document, InForce, Input, Mode, Out, Param, Step, Unit};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

macro_rules! cite {
    ($clause:literal) => {
        concat!("周英《推进长期护理保险制度试点的江苏探索》 ", $clause)
    };
}

static DOCUMENT: Document = Document {
    number: "周英《推进长期护理保险制度试点的江苏探索》",
    title: "推进长期护理保险制度试点的江苏探索（概述文章，以南通市为例）",
    issued: None,
    effective_from: Date::ymd(2016, 1, 1),
    effective_to: None,
    kind: DocKind::Article,
    period_citation: cite!("“2016年，国家组织15个城市启动长期护理保险试点，我省南通、苏州两市被列入国家首批试点城市范围”"),
    period_quote: "2016年，国家组织15个城市启动长期护理保险试点",
    last_reviewed: Date::ymd(2026, 12, 2),
    continues: None,
    renumbered: &[],
    // 保障范围全员化 "将全体职工和城乡居民同步纳入长期护理保险覆盖范围，并做到缴费标准、
    //  待遇标准、经办服务的完全统一"
    insurance: &[Insurance::Employee, Insurance::Resident],
    // 待遇支付差别化 "重度和中度失能失智人员"
    grades: &[Grade::Moderate, Grade::Severe],
    modes: &[HOME],
};

pub(crate) static CITY: City = City {
    id: "nantong",
    name: Text::new("南通", "Nantong"),
    documents: &[&DOCUMENT],
    params: &[
        &PACKAGE_VISITS_PER_WEEK,
        &PACKAGE_MONTHLY_FUND,
        &PACKAGE_SELF_PAY_PER_VISIT,
        &DEVICE_YEARLY_LIMIT_SEVERE,
        &DEVICE_YEARLY_LIMIT_MODERATE,
        &DEVICE_FUND_SHARE,
        &CARE_SUBSIDY_DAILY_SEVERE,
        &CARE_SUBSIDY_DAILY_MODERATE,
    ],
    query_inputs: &[&ASSESSED_MONTH],
    care_days_help: Text::new("本月在家接受照护的天数。", "Days of care at home this month."),
    input_texts: &[],
    // The article says nothing of how to apply or when benefits start.
    next_steps: &[
        Step {
            text: Text::new(
                "文章没有写如何申请失能评估和待遇；请向南通市医保经办机构咨询。",
                "The article does not say how to apply for an assessment or for benefits; ask Nantong's medical insurance office.",
            ),
            clause: None,
            reading: false,
        },
        Step {
            text: Text::new(
                "从评估的当月起计算待遇，是本计算器的理解。",
                "Counting benefits from the month of the assessment is this calculator's reading.",
            ),
            clause: None,
            reading: true,
        },
    ],
    grade_names: &[],
    check,
    notes,
    // The article gives no contribution amounts for Nantong.
    contribution: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Reason>) {
    rules::grade_not_covered(
        ctx,
        out,
        Text::new(
            "居家照护三项待遇面向中度、重度失能失智人员。",
            "The three home-care benefits are for people with moderate or severe disability or dementia.",
        ),
        ctx.cite("待遇支付差别化"),
    );
    // The article says nothing on when benefits start after the assessment; the
    // contract's rule for every city but 常州 applies: from its month (a reading).
    rules::before_benefit_start(ctx, 0, out, ctx.cite("（文章未写评估后从何时起享受待遇）"));
}

// ---- 待遇支付差别化: 居家照护 "享受三项待遇" ----------------------------------

const HOME: Mode = Mode {
    id: "home",
    name: Text::new("居家照护", "Home care"),
    clause: "待遇支付差别化",
    help: Text::new(
        "在家照护，享受三项待遇：套餐上门服务、辅具租售、照护服务补助。",
        "Care at home with three benefits: a package of home visits, assistive devices, and a care subsidy.",
    ),
    inputs: &[&HOME_VISITS, &DEVICE_COST, &DEVICE_SPENT_THIS_YEAR],
    uses_care_days: true,
    compute: home,
    notes: rules::no_notes,
};

/// docs/plan.md: how the person uses it each month, carried as their pattern.
static HOME_VISITS: Input = Input {
    key: "homeVisits",
    label: Text::new("本月套餐服务次数", "Package visits this month"),
    help: Text::new(
        "套餐上门服务的次数，每次个人自付5元；默认每周4次。",
        "Visits of the service package, 5 yuan each to you; default four a week.",
    ),
    unit: Unit::Visits,
    default: Default::FromCareDays(
        visits_four_a_week,
        Text::new("每周4次：护理天数 × 4 ÷ 7，四舍五入", "four a week: care days × 4 ÷ 7, rounded half up"),
    ),
    carry: Carry::Pattern,
    ..Input::BASE
};

/// docs/plan.md: a purchase or rental this month only; 0 in later months.
static DEVICE_COST: Input = Input {
    key: "deviceCost",
    label: Text::new("本月辅具租售费用", "Assistive devices this month"),
    help: Text::new("本月租用或购买居家辅具的费用（元）。", "What assistive devices rented or bought this month cost (yuan)."),
    unit: Unit::YuanPerMonth,
    default: Default::Fixed(Decimal::ZERO),
    carry: Carry::FirstMonthOnly,
    ..Input::BASE
};

static DEVICE_SPENT_THIS_YEAR: Input = Input {
    key: "deviceSpentThisYear",
    label: Text::new("今年已计入限额的辅具费用", "Device costs already counted this year"),
    help: Text::new("本年度此前已计入年度限额的辅具费用（元）。", "Device costs already counted against this year's limit (yuan)."),
    unit: Unit::YuanPerYear,
    default: Default::Fixed(Decimal::ZERO),
    ..Input::BASE
};

// 一是 "选择一款套餐居家服务，每周服务4次，月费用约1100元由基金支付，个人自付5元∕次"

/// 一是 套餐居家服务 "每周服务4次".
static PACKAGE_VISITS_PER_WEEK: Param = Param::new(
    "package.visits_per_week",
    "套餐居家服务每周次数",
    VisitsPerWeek,
    &[Dated::of(&DOCUMENT, cite!("待遇支付差别化 一是"), dec!(4), "每周服务4次")],
);
/// 一是 "月费用约1100元由基金支付" (approximate in the source).
static PACKAGE_MONTHLY_FUND: Param = Param::new(
    "package.monthly_fund",
    "套餐居家服务基金月支付（约数）",
    YuanPerMonth,
    &[Dated::of(&DOCUMENT, cite!("待遇支付差别化 一是"), dec!(1100), "月费用约1100元由基金支付")],
);
/// 一是 "个人自付5元∕次".
static PACKAGE_SELF_PAY_PER_VISIT: Param = Param::new(
    "package.self_pay_per_visit",
    "套餐居家服务个人每次自付",
    YuanPerVisit,
    &[Dated::of(&DOCUMENT, cite!("待遇支付差别化 一是"), dec!(5), "个人自付5元∕次")],
);

const DAYS_PER_WEEK: u32 = 7;

/// Default visits: the package's visits a week over the care days, rounded half up.
fn visits_four_a_week(ctx: &Ctx<'_>) -> Decimal {
    package_visits(ctx, ctx.care_days)
}

fn package_visits(ctx: &Ctx<'_>, days: u32) -> Decimal {
    let per_week = ctx.param(&PACKAGE_VISITS_PER_WEEK).value;
    div_round(per_week * Decimal::from(days), DAYS_PER_WEEK, 0).unwrap_or(Decimal::ZERO)
}

// 二是 "居家辅具租售服务，重度和中度失能失智人员分别为8000元∕年和6000元∕年，在限额内
//  基金和个人按8∶2比例支付"

const DEVICE_QUOTE: &str = "重度和中度失能失智人员分别为8000元∕年和6000元∕年";

/// 二是 辅具租售 重度 年限额.
static DEVICE_YEARLY_LIMIT_SEVERE: Param = Param::new(
    "devices.yearly_limit.severe",
    "居家辅具租售年限额（重度）",
    YuanPerYear,
    &[Dated::of(&DOCUMENT, cite!("待遇支付差别化 二是"), dec!(8000), DEVICE_QUOTE)],
);
/// 二是 辅具租售 中度 年限额.
static DEVICE_YEARLY_LIMIT_MODERATE: Param = Param::new(
    "devices.yearly_limit.moderate",
    "居家辅具租售年限额（中度）",
    YuanPerYear,
    &[Dated::of(&DOCUMENT, cite!("待遇支付差别化 二是"), dec!(6000), DEVICE_QUOTE)],
);
/// 二是 "在限额内基金和个人按8∶2比例支付".
static DEVICE_FUND_SHARE: Param = Param::new(
    "devices.fund_share",
    "居家辅具租售限额内基金支付比例",
    Ratio,
    &[Dated::of(&DOCUMENT, cite!("待遇支付差别化 二是"), dec!(0.8), "在限额内基金和个人按8∶2比例支付")],
);

// 三是 "居家照护服务补助，按重度失能失智人员15元∕人天、中度失能失智8元∕人天发放照护补助"

/// 三是 照护服务补助 重度 元/人天.
static CARE_SUBSIDY_DAILY_SEVERE: Param = Param::new(
    "care_subsidy.per_day.severe",
    "居家照护服务补助（重度）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("待遇支付差别化 三是"), dec!(15), "重度失能失智人员15元∕人天")],
);
/// 三是 照护服务补助 中度 元/人天.
static CARE_SUBSIDY_DAILY_MODERATE: Param = Param::new(
    "care_subsidy.per_day.moderate",
    "居家照护服务补助（中度）",
    YuanPerDay,
    &[Dated::of(&DOCUMENT, cite!("待遇支付差别化 三是"), dec!(8), "中度失能失智8元∕人天")],
);

fn home(ctx: &Ctx<'_>, out: &mut Out) {
    let severe = ctx.grade() == Grade::Severe;
    package(ctx, out);
    devices(ctx, out, &ctx.param(if severe { &DEVICE_YEARLY_LIMIT_SEVERE } else { &DEVICE_YEARLY_LIMIT_MODERATE }));
    let rate = ctx.param(if severe { &CARE_SUBSIDY_DAILY_SEVERE } else { &CARE_SUBSIDY_DAILY_MODERATE });
    out.line(rules::daily_allowance_line(
        "care_subsidy",
        Text::new("居家照护服务补助", "Home-care subsidy"),
        rate.value,
        ctx.care_days,
        rate.citation.clone(),
    ));
}

fn package(ctx: &Ctx<'_>, out: &mut Out) {
    let visits = ctx.number(&HOME_VISITS);
    let (n, d) = (ctx.care_days, ctx.days_in_month());
    let (monthly, per_visit) = (ctx.param(&PACKAGE_MONTHLY_FUND), ctx.param(&PACKAGE_SELF_PAY_PER_VISIT));
    let citation = monthly.citation;
    // Reading: prorated for a part month, nothing in a month without a visit.
    let fund = match div_round(monthly.value * Decimal::from(n), d, 2) {
        Some(prorated) if !visits.is_zero() => Money::round(prorated),
        _ => Money::ZERO,
    };
    let self_pay = Money::round(per_visit.value * visits);
    let (m, v, p) = (plain(monthly.value), plain(visits), plain(per_visit.value));
    let fund_words = if visits.is_zero() {
        basis(String::from("本月无上门服务，基金不支付"), String::from("no visit this month, so the fund pays nothing"))
    } else if n == d {
        basis(format!("基金支付约{m}元/月"), format!("the fund pays about {m} yuan a month"))
    } else {
        basis(format!("基金约{m}元/月 × {n}/{d}日 = {fund}元"), format!("the fund's about {m} yuan a month × {n}/{d} days = {fund} yuan"))
    };
    let [fz, fe] = fund_words;
    out.line(Line::service(
        "home_package",
        Text::new("套餐居家服务", "Home service package"),
        fund + self_pay,
        fund,
        basis(
            format!("{fz}；个人自付{p}元/次 × {v}次 = {self_pay}元"),
            format!("{fe}; you pay {p} yuan/visit × {v} visits = {self_pay} yuan"),
        ),
        citation.clone(),
    ));
    // The price is that of the four-a-week package; with fewer visits (but some:
    // none pays nothing, above) the fund is still shown at that price.
    if !visits.is_zero() && visits < package_visits(ctx, n) {
        let w = plain(ctx.param(&PACKAGE_VISITS_PER_WEEK).value);
        out.note(note(
            "reading_package_visits",
            format!("文章给出的是每周服务{w}次的套餐费用；本月次数少于此，本计算器仍按套餐费用计算基金支付，次数较少的套餐可能按较低标准结算。"),
            format!("The article prices a package of {w} visits a week; with fewer visits this month the fund is still shown at that price, though a smaller package may be settled lower."),
            citation.clone(),
        ));
    }
    if n != d || visits.is_zero() {
        out.note(note(
            "reading_package_prorated",
            format!("文章只写“月费用约{m}元由基金支付”；不足整月的，本计算器按护理天数占当月天数的比例折算，当月没有上门服务的不支付。"),
            format!("The article only says the fund pays about {m} yuan a month; for a part month this calculator prorates by care days, and pays nothing in a month without visits."),
            citation.clone(),
        ));
    }
}

fn devices(ctx: &Ctx<'_>, out: &mut Out, limit: &InForce) {
    let cost = ctx.number(&DEVICE_COST);
    if cost.is_zero() {
        return;
    }
    let (citation, limit, share) = (limit.citation.clone(), limit.value, ctx.param(&DEVICE_FUND_SHARE).value);
    let spent = ctx.number(&DEVICE_SPENT_THIS_YEAR);
    let left = (limit - spent).max(Decimal::ZERO);
    let within = cost.min(left);
    let fund = Money::round(within * share);
    let (c, l, s, w, r) = (plain(cost), plain(limit), plain(spent), plain(within), rules::pct(share));
    out.line(Line::service(
        "devices",
        Text::new("居家辅具租售", "Assistive devices"),
        Money::round(cost),
        fund,
        basis(
            format!("辅具费用{c}元；年限额{l}元已用{s}元，限额内{w}元 × 基金{r}% = {fund}元，其余个人支付"),
            format!("devices {c} yuan; of the {l} yuan yearly limit {s} is used, {w} yuan within it × fund {r}% = {fund} yuan; you pay the rest"),
        ),
        citation.clone(),
    ));
}

fn notes(ctx: &Ctx<'_>, out: &mut Vec<Note>) {
    let m = plain(ctx.param(&PACKAGE_MONTHLY_FUND).value);
    out.push(note(
        "approximate_source",
        format!("南通的数字来自江苏省的概述文章（“以南通市为例”），不是南通市的政策文件；套餐基金支付“约{m}元”是约数。"),
        format!("Nantong's figures come from a Jiangsu overview article, not the city's own policy document; the package's {m} yuan is approximate (约)."),
        ctx.cite("待遇支付差别化"),
    ));
    // The article dates only the start (2016) and was written "5年来" into the pilots:
    // its figures are those of about 2021, applied here to every month from 2016.
    out.push(note(
        "reading_article_date",
        "文章只写南通2016年被列入国家首批试点，以2016年1月为第一个月是本计算器的理解；文章写于试点约5年后（“5年来”），报的是当时的标准，不一定是2016年的，本计算器对2016年起的每个月都按这些数字计算。",
        "The article says only that Nantong joined the first national pilot in 2016: taking January 2016 as the first month is this calculator's reading. It was written about five years into the pilot (“5年来”): its figures are of that time, not necessarily 2016's, yet are used for every month from 2016.",
        ctx.cite("“5年来”"),
    ));
}
