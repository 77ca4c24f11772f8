// The execution report of one as-of date, as the window, the CLI, print and export read it: per line
// and funding column the plan (kế hoạch vốn được giao), disbursed to date (lũy kế), the rate (one
// decimal, computed exactly from integer đồng), what remains, and what was disbursed in the period
// (the difference from the previous as-of date); carried-over funds apart per source year, and a
// combined total. Built from ExecutionCalc's sums, so a row costs O(columns) and a page of rows or
// the totals are cheap after one O(lines) build per date.
import type { Dong } from '../model';
import { cellSum, totalSum, type DateSums, type ExecutionCalc, type Layout } from './calc';
import { rateTenths, type CarryoverSource, type ReportDate } from './model';

/** Figures of one cell group: each a map column key → value. */
export interface ReportFigures {
  plan: Record<string, Dong>;
  disbursed: Record<string, Dong>;
  /** Plan − disbursed. */
  remaining: Record<string, Dong>;
  /** Disbursed minus disbursed at the previous as-of date (the whole figure at the first date). */
  period: Record<string, Dong>;
  /** The rate in tenths of a percent (778 = 77,8%), null where the plan is 0. */
  rate: Record<string, number | null>;
}

export interface ReportRowView extends ReportFigures {
  lineId: number;
  parentId: number | null;
  depth: number;
  code: string;
  name: string;
  hasChildren: boolean;
  /** The line takes figures (a leaf, or a parent whose children carry none). */
  holds: boolean;
  /** Đã phân bổ and ước thực hiện, where any was entered on the line or below (else absent). */
  allocated?: Record<string, Dong>;
  estimate?: Record<string, Dong>;
}

/** Carried-over funds of one source year: their totals, and the lines that carry them. */
export interface CarryoverView {
  year: number;
  deadline: string | null;
  totals: ReportFigures;
  rows: ReportRowView[];
}

export interface ReportView {
  date: ReportDate;
  previous: ReportDate | null;
  /** Column keys in display order (groups and leaves). */
  columns: string[];
  rowCount: number;
  rows: ReportRowView[];
  /** The program total of the year's own funds. */
  totals: ReportFigures;
  carryover: CarryoverView[];
  /** The year's funds and every carried-over year together. */
  combined: ReportFigures;
}

export interface ReportQuery {
  dateId: number;
  /** A page of rows in display order (default: all). */
  from?: number;
  count?: number;
  /** Only these lines (a patch's changed rows); overrides from/count. */
  lineIds?: readonly number[];
}

function figures(columns: string[], plan: (c: string) => Dong, disb: (c: string) => Dong, prev: (c: string) => Dong): ReportFigures {
  const out: ReportFigures = { plan: {}, disbursed: {}, remaining: {}, period: {}, rate: {} };
  for (const c of columns) {
    const p = plan(c);
    const d = disb(c);
    out.plan[c] = p;
    out.disbursed[c] = d;
    out.remaining[c] = p - d;
    out.period[c] = d - prev(c);
    out.rate[c] = rateTenths(d, p);
  }
  return out;
}

const ZERO = () => 0;

/** Combine figure groups cell by cell (the combined total). */
function addFigures(columns: string[], parts: ReportFigures[]): ReportFigures {
  const sum = (pick: (f: ReportFigures) => Record<string, Dong>) => (c: string) => parts.reduce((s, f) => s + pick(f)[c], 0);
  const plan = sum((f) => f.plan);
  const disb = sum((f) => f.disbursed);
  const period = sum((f) => f.period);
  return figures(columns, plan, disb, (c) => disb(c) - period(c));
}

export class ReportBuilder {
  constructor(private readonly ex: ExecutionCalc) {}

  private get lay(): Layout {
    return this.ex.layout;
  }

  columns(): string[] {
    return this.lay.calc.cols.ordered.map((c) => c.key);
  }

  private rowView(row: number, columns: string[], cur: DateSums, prev: DateSums | null): ReportRowView {
    const lay = this.lay;
    const { id, depth } = lay.order[row];
    const line = lay.calc.lines.get(id)!;
    const f = figures(
      columns,
      (c) => lay.calc.value(id, c),
      (c) => cellSum(lay, cur.disbursed, row, c),
      prev ? (c) => cellSum(lay, prev.disbursed, row, c) : ZERO,
    );
    const view: ReportRowView = {
      lineId: id, parentId: lay.calc.parentOf(id), depth, code: line.code, name: line.name,
      hasChildren: lay.calc.isParent(id), holds: this.ex.holds(id), ...f,
    };
    const extra = (a: Float64Array): Record<string, Dong> | undefined => {
      let any = false;
      const base = row * lay.width;
      for (let i = 0; i < lay.width && !any; i++) any = a[base + i] !== 0;
      if (!any) return undefined;
      return Object.fromEntries(columns.map((c) => [c, cellSum(lay, a, row, c)]));
    };
    const al = extra(cur.allocated);
    const es = extra(cur.estimate);
    if (al) view.allocated = al;
    if (es) view.estimate = es;
    return view;
  }

  /** The program totals of the year's own funds at a date. */
  totals(dateId: number): ReportFigures {
    const lay = this.lay;
    const cols = this.columns();
    const cur = this.ex.sums(dateId);
    const p = this.ex.state.previousDate(dateId);
    const prev = p ? this.ex.sums(p.id) : null;
    return figures(cols, (c) => lay.calc.total(c), (c) => totalSum(lay, cur.disbursed, c), prev ? (c) => totalSum(lay, prev.disbursed, c) : ZERO);
  }

  /** Rows of a date: a page, or the lines named. */
  rows(q: ReportQuery): ReportRowView[] {
    const lay = this.lay;
    const cols = this.columns();
    const cur = this.ex.sums(q.dateId);
    const p = this.ex.state.previousDate(q.dateId);
    const prev = p ? this.ex.sums(p.id) : null;
    let rows: number[];
    if (q.lineIds) rows = q.lineIds.map((id) => lay.rowOf.get(id)).filter((r): r is number => r !== undefined);
    else {
      const from = q.from ?? 0;
      const to = Math.min(lay.order.length, q.count === undefined ? lay.order.length : from + q.count);
      rows = [];
      for (let r = from; r < to; r++) rows.push(r);
    }
    return rows.map((r) => this.rowView(r, cols, cur, prev));
  }

  /** Carried-over funds at a date, per source year: totals and the lines with a carried amount or figure. */
  carryover(dateId: number): CarryoverView[] {
    const lay = this.lay;
    const cols = this.columns();
    const plans = this.ex.carriedPlan();
    const cur = this.ex.sums(dateId);
    const p = this.ex.state.previousDate(dateId);
    const prev = p ? this.ex.sums(p.id) : null;
    const out: CarryoverView[] = [];
    // Declared years, and any year with a figure at this date or the one before (an array of zeros
    // left by figures since cleared does not make a year appear).
    const nonZero = (a: Float64Array | undefined) => !!a && a.some((v) => v !== 0);
    const years = new Set<number>(this.ex.state.fundYears());
    for (const [y, a] of cur.carried) if (nonZero(a)) years.add(y);
    for (const [y, a] of prev?.carried ?? []) if (nonZero(a)) years.add(y);
    for (const year of [...years].sort((a, b) => a - b)) {
      const plan = plans.get(year);
      const disb = cur.carried.get(year);
      const prevDisb = prev?.carried.get(year);
      const at = (a: Float64Array | undefined, row: number) => (c: string) => (a ? cellSum(lay, a, row, c) : 0);
      const tot = (a: Float64Array | undefined) => (c: string) => (a ? totalSum(lay, a, c) : 0);
      const rows: ReportRowView[] = [];
      for (let r = 0; r < lay.order.length; r++) {
        const base = r * lay.width;
        let any = false;
        for (let i = 0; i < lay.width && !any; i++) any = (plan?.[base + i] ?? 0) !== 0 || (disb?.[base + i] ?? 0) !== 0;
        if (!any) continue;
        const { id, depth } = lay.order[r];
        const line = lay.calc.lines.get(id)!;
        rows.push({
          lineId: id, parentId: lay.calc.parentOf(id), depth, code: line.code, name: line.name,
          hasChildren: lay.calc.isParent(id), holds: this.ex.holds(id),
          ...figures(cols, at(plan, r), at(disb, r), at(prevDisb, r)),
        });
      }
      const src: CarryoverSource | undefined = this.ex.state.sources.get(year);
      out.push({ year, deadline: src?.deadline ?? null, totals: figures(cols, tot(plan), tot(disb), tot(prevDisb)), rows });
    }
    return out;
  }

  /** The whole report of one date (rows paged as asked). */
  view(q: ReportQuery): ReportView {
    const date = this.ex.state.dates.get(q.dateId)!;
    const totals = this.totals(q.dateId);
    const carryover = this.carryover(q.dateId);
    const columns = this.columns();
    return {
      date, previous: this.ex.state.previousDate(q.dateId), columns, rowCount: this.lay.order.length,
      rows: this.rows(q), totals, carryover, combined: addFigures(columns, [totals, ...carryover.map((c) => c.totals)]),
    };
  }
}
