/** Money: a decimal string with exactly two places, e.g. "1050.00". */
export type Money = string;
/** A money input: a JSON number or a decimal string, at most 2 decimals. */
export type MoneyInput = number | string;
/** A calendar month, "YYYY-MM". */
export type MonthString = string;
export type CityId = "changzhou" | "jincheng" | "lianyungang" | "rizhao" | "nantong";
export type InsuranceId = "employee" | "resident";
export type GradeId = "none" | "mild" | "moderate" | "severe";

/** One question (docs/api.md). Its inputs (`QueryInputs`, the common ones and every care mode's) are
 * written from their declarations into pkg/ltci.d.ts by scripts/pkg.mjs (`ltci catalog --typescript`). */
export interface Query extends QueryInputs {
  city: CityId | string;
  insurance: InsuranceId;
  grade: GradeId;
  careMode: string;
}

export type ReasonCode =
  | "insurance_not_covered" | "grade_not_covered" | "disability_too_short" | "work_injury_allowance"
  | "benefits_locked" | "contribution_years_short" | "contribution_interrupted" | "waiting_period"
  | "not_in_force" | "before_benefit_start" | "disability_subsidy_higher";

export interface Line {
  id: string;
  kind: "service" | "allowance";
  label: string;
  labelEn: string;
  /** null when it depends on a charge the query did not give. */
  cost: Money | null;
  fund: Money;
  selfPay: Money | null;
  basis: string;
  basisEn: string;
  citation: string;
}

export interface Reason { code: ReasonCode; message: string; messageEn: string; citation: string }
/** A reading (`reading_…`), an unchecked condition (`condition_…`) or a warning. */
export interface Note { code: string; message: string; messageEn: string; citation: string }

/** "superseded": a document a later one replaced (catalog and parameters only). */
export type PolicyStatus = "in_force" | "expired" | "not_in_force" | "draft" | "article" | "superseded";

export interface Policy {
  document: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: PolicyStatus;
}

export interface Estimate {
  city: CityId;
  careMode: string;
  month: MonthString;
  careDays: number;
  eligible: boolean;
  reasons: Reason[];
  lines: Line[];
  totals: { cost: Money | null; fund: Money; selfPay: Money | null };
  policy: Policy;
  notes: Note[];
  /** A short code for these inputs under this rules version, e.g. "K7M2-9QXA". */
  reference: string;
}

export interface Text { zh: string; en: string }
export interface Choice { id: string; name: Text }

export interface InputInfo {
  key: string;
  label: Text;
  help: Text;
  type: "money" | "hours" | "integer" | "boolean" | "month" | "years" | "choice";
  unit: string | null;
  default: string | null;
  defaultRule: Text | null;
  required: boolean;
  min: string | null;
  max: string | null;
  maxRule: Text | null;
  /** The values of a `choice` input (ids are strings; send the id). */
  options?: Choice[];
  /** Shown only when another input of the same form has one of these values. */
  when?: { key: string; values: string[] };
}

export interface ModeInfo {
  id: string;
  name: Text;
  citation: string;
  help: Text;
  usesCareDays: boolean;
  inputs: InputInfo[];
}

export interface DocumentInfo {
  number: string;
  title: string;
  issued: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: PolicyStatus;
  /** "YYYY-MM-DD": the day its figures were last checked against the source (规则核对日期). */
  lastReviewed: string;
}

export interface ContributionInfo {
  document: string;
  statedFrom: number;
  statedTo: number;
  insurance: InsuranceId[];
  inputs: InputInfo[];
}

export interface CityInfo {
  id: CityId;
  name: Text;
  documents: DocumentInfo[];
  insurance: InsuranceId[];
  grades: GradeId[];
  queryInputs: string[];
  careDaysHelp: Text;
  /** Common inputs whose label or help differs in this city (its own words); null where the common one holds. */
  inputTexts: { key: string; label: Text | null; help: Text | null }[];
  /** What a person does next (下一步), from the sources; `reading`: this calculator's reading, not the source's words. */
  nextSteps: { text: Text; citation: string | null; reading: boolean }[];
  /** The document's own names for grades, where it has them (日照 半失能 / 完全失能). */
  gradeNames: { id: GradeId; name: Text }[];
  careModes: ModeInfo[];
  contribution: ContributionInfo | null;
}

export interface Catalog {
  version: string;
  rulesVersion: string;
  insuranceTypes: Choice[];
  grades: (Choice & { levels: Text })[];
  queryInputs: InputInfo[];
  cities: CityInfo[];
}

export interface ContributionQuery {
  city: CityId | string;
  year: number;
  insurance: InsuranceId;
  category?: "employed" | "flexible" | "retired";
  monthlyBase?: MoneyInput;
  monthlyPension?: MoneyInput;
  age?: number;
  subsidized?: boolean;
  district?: string;
}

export interface ContributionLine {
  payer: "individual" | "employer" | "government" | "medicalFund";
  label: string;
  labelEn: string;
  amount: Money;
  basis: string;
  basisEn: string;
  citation: string;
}

export interface Contribution {
  city: CityId;
  year: number;
  insurance: InsuranceId;
  lines: ContributionLine[];
  totals: { individual: Money; employer: Money; government: Money; medicalFund: Money; total: Money };
  policy: { document: string; title: string; statedFrom: number; statedTo: number; status: "stated" | "carried_forward" };
  notes: Note[];
}

/** Which parameters: one city's or every city's; every value, or those in force in one month. */
export interface ParametersQuery {
  city?: CityId | string;
  month?: MonthString;
}

/** What a parameter's value measures; `ratio` and `rate_of_base` are decimals (70% is "0.7"). */
export type ParamUnit =
  | "yuan" | "yuan_per_day" | "yuan_per_hour" | "yuan_per_month" | "yuan_per_visit" | "yuan_per_year"
  | "yuan_per_person_year" | "ratio" | "rate_of_base" | "days" | "hours" | "months" | "years" | "age"
  | "visits_per_week" | "visits_per_month" | "date";

/** One value of a parameter, the period it holds for and its source (docs/parameters.md). */
export interface ParameterValue {
  /** "YYYY-MM-DD" */
  from: string;
  /** null: open-ended. */
  to: string | null;
  /** A decimal string ("1500", "0.7"), or a "YYYY-MM-DD" day for unit `date`. */
  value: string;
  document: string;
  /** Document and clause, as on estimate lines. */
  citation: string;
  /** The few words of the source that state it. */
  quote: string;
  /** Only when a month was asked: `expired` is the last value, after its period, still applied. */
  status?: PolicyStatus;
}

/** A figure of a city's rules (docs/parameters.md), e.g. id "home_visit.monthly_quota"; the documents' periods first (ids "scheme.…"). */
export interface Parameter {
  city: CityId;
  id: string;
  /** The Chinese label. */
  label: string;
  /** The id in words: "Home visit: monthly quota". */
  labelEn: string;
  unit: ParamUnit;
  values: ParameterValue[];
}

/** A Query and how many months from its month (docs/plan.md). */
export interface PlanQuery extends Query {
  /** 1–36; default 12. */
  months?: number;
}

/** One month of a plan: that month's estimate in short. */
export interface PlanMonth {
  month: MonthString;
  eligible: boolean;
  reasons: ReasonCode[];
  totals: { cost: Money | null; fund: Money; selfPay: Money | null };
  status: PolicyStatus;
  reference: string;
}

export type ChangeCode = "becomes_eligible" | "becomes_ineligible" | "reasons_changed" | "status_changed" | "amount_changed";

/** A month whose answer differs from the month before. */
export interface PlanChange { month: MonthString; code: ChangeCode; message: string; messageEn: string; citation: string }

/** What would clear a reason of the first month; `from` when the rules alone tell. */
export interface WhatWouldChange {
  code: ReasonCode;
  possible: boolean;
  from: MonthString | null;
  message: string;
  messageEn: string;
  citation: string;
}

/** How a later month's value of an input is found: the city's default for that month, or the first month's value carried. */
export type AssumptionRule = "default" | "carried";

/** An input of the later months that the person did not give (docs/plan.md), in words. */
export interface Assumption {
  /** The input's key, e.g. "careDays", "familyCareDays". */
  input: string;
  rule: AssumptionRule;
  /** The months it covers: the second month of the plan to the last. */
  from: MonthString;
  to: MonthString;
  message: string;
  messageEn: string;
}

export interface Plan {
  city: CityId;
  careMode: string;
  from: MonthString;
  to: MonthString;
  months: PlanMonth[];
  /** Sums over the months; null where any month's is null. */
  totals: { cost: Money | null; fund: Money; selfPay: Money | null };
  eligibleMonths: number;
  eligibleFrom: MonthString | null;
  changes: PlanChange[];
  whatWouldChange: WhatWouldChange[];
  /** Every input whose later-month value the person did not give; empty when nothing is assumed. */
  assumptions: Assumption[];
}

/** Thrown by every export on bad input. */
export interface LtciError extends Error {
  code: "invalid_json" | "unknown_field" | "missing_field" | "unknown_city" | "unknown_care_mode" | "invalid_value"
    | "insurance_not_covered" | "not_in_force" | "not_in_sources";
  field: string | null;
  messageEn: string;
}
