// The drill-down of one report figure (issue 15: "figures drill down to the lines and units behind
// them"): which figure was asked — a line's or the program total's plan, disbursed, rate, remaining
// or in-period figure for a funding column — and the panel's rows, built from the engine's
// execution/drill at the date shown and at the date before it (the in-period figure is the
// difference of the two): each line, and each unit where the plan is allocated, with its figures,
// and their sum, which is the figure asked. Pure, so the panel's arithmetic is tested without a window.
import type { DrillPart } from '../../../../shared/commands/execution';
import { rateTenths } from '../../../../shared/execution/model';

export type DrillMeasure = 'plan' | 'disbursed' | 'rate' | 'remaining' | 'period';
export const DRILL_MEASURES: readonly DrillMeasure[] = ['plan', 'disbursed', 'rate', 'remaining', 'period'];

/** The figure asked: lineId null is the program total (TỔNG CỘNG). */
export interface DrillTarget {
  lineId: number | null;
  column: string;
  measure: DrillMeasure;
}

export interface DrillFigures {
  plan: number;
  disbursed: number;
  remaining: number;
  period: number;
  /** Tenths of a percent (778 = 77,8%), null where the plan is 0. */
  rate: number | null;
}

export interface DrillRow extends DrillFigures {
  /** Stable key: line and unit. */
  key: string;
  lineId: number;
  code: string;
  name: string;
  /** The unit behind this part; null: the line itself (not allocated, or what no unit holds). */
  unitId: number | null;
  unitName: string | null;
}

export interface DrillModel {
  target: DrillTarget;
  rows: DrillRow[];
  /** The rows added up (the rate from the sums): the figure clicked. */
  sum: DrillFigures;
  /** The asked measure's value in `sum`. */
  figure: number | null;
}

function figures(plan: number, disbursed: number, previous: number): DrillFigures {
  return { plan, disbursed, remaining: plan - disbursed, period: disbursed - previous, rate: rateTenths(disbursed, plan) };
}

const keyOf = (p: { lineId: number; unitId: number | null }) => `${p.lineId}:${p.unitId ?? 0}`;

/**
 * The panel of `target` from the parts at the date shown (`current`) and at the date before it
 * (`previous`, null at the first date: the period is then the whole figure). A part disbursed at the
 * previous date and gone since (a figure cleared) stays, with its negative in-period figure, so the
 * in-period column still adds up; the plan is the current date's only (it does not change by date).
 */
export function drillModel(target: DrillTarget, current: readonly DrillPart[], previous: readonly DrillPart[] | null): DrillModel {
  const before = new Map<string, DrillPart>();
  for (const p of previous ?? []) before.set(keyOf(p), p);
  // Grouped by line, lines in the engine's (the grid's) order; a line's parts in the order given.
  const byLine = new Map<number, DrillRow[]>();
  const add = (p: DrillPart, plan: number, disbursed: number, prev: number) => {
    const list = byLine.get(p.lineId) ?? [];
    byLine.set(p.lineId, list);
    list.push({ key: keyOf(p), lineId: p.lineId, code: p.code, name: p.name, unitId: p.unitId, unitName: p.unitName, ...figures(plan, disbursed, prev) });
  };
  const seen = new Set<string>();
  for (const p of current) {
    const k = keyOf(p);
    seen.add(k);
    add(p, p.plan, p.disbursed, before.get(k)?.disbursed ?? 0);
  }
  for (const p of previous ?? []) {
    if (!seen.has(keyOf(p)) && p.disbursed !== 0) add(p, 0, 0, p.disbursed);
  }
  const rows = [...byLine.values()].flat();
  let plan = 0;
  let disbursed = 0;
  let period = 0;
  for (const r of rows) {
    plan += r.plan;
    disbursed += r.disbursed;
    period += r.period;
  }
  const sum = figures(plan, disbursed, disbursed - period);
  return { target, rows, sum, figure: sum[target.measure] };
}

/**
 * The figure a grid cell shows, from its AG Grid ids (`col-id`, `row-id`): a summary column
 * (`sum:<measure>`, the root funding column's figures) or a funding column's disbursed figure
 * (`fig:<key>`), on a line or on TỔNG CỘNG (row id `total`). Null for the code and name columns.
 */
export function drillTargetOf(colId: string, rowId: string, rootKey: string): DrillTarget | null {
  const lineId = rowId === 'total' ? null : Number(rowId);
  if (lineId !== null && !(Number.isInteger(lineId) && lineId > 0)) return null;
  if (colId.startsWith('sum:')) {
    const measure = colId.slice(4) as DrillMeasure;
    return DRILL_MEASURES.includes(measure) ? { lineId, column: rootKey, measure } : null;
  }
  if (colId.startsWith('fig:') && colId.length > 4) return { lineId, column: colId.slice(4), measure: 'disbursed' };
  return null;
}

/**
 * The grid cell a line of the panel selects: the funding column's disbursed figure where the grid
 * has it (a leaf; a group: its first leaf), else the summary column of the measure asked.
 */
export function gridCellOf(target: DrillTarget, rootKey: string, leavesUnder: (key: string) => readonly string[]): string {
  if (target.column === rootKey) return `sum:${target.measure}`;
  const leaf = leavesUnder(target.column)[0];
  return `fig:${leaf ?? target.column}`;
}
