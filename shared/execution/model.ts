// The execution (disbursement) side of a cycle, issue 15: reporting dates, the figures reported per
// date, and funds carried over from earlier years. Pure types, keys and small helpers; the engine
// stores them (migration 4), the report builder and the rules read them.
import type { Dong } from '../model';

/** 6 tháng, 9 tháng, năm, năm – hết thời gian chỉnh lý (31/1 of next year), any other date. */
export type ReportKind = 'h1' | 'm9' | 'year' | 'year_adjusted' | 'other';
export const REPORT_KINDS: readonly ReportKind[] = ['h1', 'm9', 'year', 'year_adjusted', 'other'];

/** A reporting (as-of) date of the cycle. */
export interface ReportDate {
  id: number;
  /** ISO yyyy-mm-dd: figures are "as of" the end of this day. */
  asOf: string;
  kind: ReportKind;
  /** When the report is due (ISO date), or null. */
  due: string | null;
  /** The disbursement rate (percent) expected by this date; null = no pace check (no hidden default). */
  paceMinPercent: number | null;
}

/**
 * What a figure measures: `disbursed` — lũy kế giải ngân từ đầu năm (cumulative since the start of
 * the year); `allocated` — đã phân bổ cho chủ đầu tư; `estimate` — ước thực hiện cả năm.
 */
export type Measure = 'disbursed' | 'allocated' | 'estimate';
export const MEASURES: readonly Measure[] = ['disbursed', 'allocated', 'estimate'];

/** The current year's funds. Any other `fund` is the source year of carried-over funds. */
export const CURRENT_FUND = 0;

/** Where one figure sits: as-of date × line × leaf column × unit (or none) × measure × fund. */
export interface FigureKey {
  dateId: number;
  lineId: number;
  column: string;
  /** A unit of the cycle (issue 14), or null for the line as a whole. */
  unitId: number | null;
  measure: Measure;
  /** CURRENT_FUND (0), or the year the carried-over funds come from (e.g. 2023). */
  fund: number;
}

export interface Figure extends FigureKey {
  value: Dong;
}

/** A year whose funds were carried over into this cycle (vốn kéo dài / chuyển nguồn), with its deadline. */
export interface CarryoverSource {
  year: number;
  /** The last day the carried-over funds may be spent (ISO date), or null. */
  deadline: string | null;
}

/** A carried-over plan amount: source year × line × leaf column. */
export interface CarryoverAmount {
  year: number;
  lineId: number;
  column: string;
  value: Dong;
}

/** The whole execution side of a cycle, as stored. */
export interface ExecutionData {
  dates: ReportDate[];
  figures: Figure[];
  sources: CarryoverSource[];
  carryover: CarryoverAmount[];
}

export const emptyExecution = (): ExecutionData => ({ dates: [], figures: [], sources: [], carryover: [] });

/** The key of a figure inside one line's map (the date and line are the outer keys). */
export function figureSubKey(column: string, unitId: number | null, measure: Measure, fund: number): string {
  return `${column}|${unitId ?? 0}|${measure}|${fund}`;
}

/** Is `s` a real calendar date written yyyy-mm-dd? */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/**
 * The disbursement rate rounded to one decimal, half away from zero, in tenths of a percent
 * (77,8% → 778), computed exactly from integer đồng; null when the plan is 0 (no rate).
 */
export function rateTenths(disbursed: Dong, plan: Dong): number | null {
  if (plan === 0) return null;
  const neg = disbursed < 0 !== plan < 0;
  const d = Math.abs(disbursed);
  const p = Math.abs(plan);
  // round(d*1000/p) = floor((2*d*1000 + p) / (2*p)); exact in doubles while the numerator stays
  // below 2^53 (a quotient of exact integers under 2^53 never rounds across an integer).
  const num = 2 * d * 1000 + p;
  let q: number;
  if (num <= Number.MAX_SAFE_INTEGER) q = Math.floor(num / (2 * p));
  else q = Number((2n * BigInt(d) * 1000n + BigInt(p)) / (2n * BigInt(p)));
  return neg && q !== 0 ? -q : q;
}

/** A rate in tenths shown the cycle's way: "77,8" (vi-VN) or "77.8" (en-US); '' when there is none. */
export function formatRate(tenths: number | null, locale: 'vi-VN' | 'en-US' = 'vi-VN'): string {
  if (tenths === null) return '';
  const neg = tenths < 0;
  const a = Math.abs(tenths);
  const s = `${neg ? '-' : ''}${Math.floor(a / 10).toLocaleString(locale === 'vi-VN' ? 'vi-VN' : 'en-US')}${locale === 'vi-VN' ? ',' : '.'}${a % 10}`;
  return s;
}

/** What a step changed on the execution side (Patch.execution): the window refreshes what it shows. */
export interface ExecutionDelta {
  /** The dates and sources as they are now, when any changed. */
  dates?: ReportDate[];
  sources?: CarryoverSource[];
  /**
   * Dates whose report rows moved, with those lines (a figure's line and its ancestors): the date of
   * the figure, and the date after it, whose "in the period" is the difference from it.
   */
  figures: { dateId: number; lineIds: number[] }[];
  /** Carried-over amounts changed. */
  carryover: boolean;
}
