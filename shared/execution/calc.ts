// The report's figures over the line tree, per as-of date: for every line, the sum of the figures of
// its subtree per leaf column (disbursed, allocated, estimate; carried-over funds per source year),
// kept in flat typed arrays like PlanCalc's. Built once per date on first use (O(lines + figures)),
// then moved by each figure edit along the line's ancestors only (O(depth × 1)), so a disbursement
// edit's rate and totals are ready in well under a frame. Group columns are sums of leaves, read on
// demand; the plan comes from PlanCalc. Figures are summed wherever they sit (a figure left on a
// line that has since gained children still counts: nothing is silently dropped).
import type { PlanCalc } from '../calc';
import type { Dong } from '../model';
import { CURRENT_FUND, type FigureKey, type Measure } from './model';
import type { ExecutionState } from './state';

/** Rows, columns and parents of one version of the line tree and column tree. */
export interface Layout {
  calc: PlanCalc;
  order: { id: number; depth: number }[];
  rowOf: Map<number, number>;
  /** The same, as an array by line id (-1: no row): the sums' inner loop reads it 800.000 times. */
  rowById: Int32Array;
  /** Parent row of each row, -1 at the top. */
  parentRow: Int32Array;
  leafKeys: string[];
  leafOf: Map<string, number>;
  /** Leaf indexes under each column key (leaf: itself). */
  leavesUnder: Map<string, number[]>;
  width: number;
  /** Rows of the top-level lines (the program total is their sum). */
  topRows: number[];
}

/** One date's sums: rows × leaves. */
export interface DateSums {
  disbursed: Float64Array;
  allocated: Float64Array;
  estimate: Float64Array;
  /** Disbursed from carried-over funds, per source year. */
  carried: Map<number, Float64Array>;
  /** Whether the date has any figure at all (report_overdue). */
  count: number;
}

export function buildLayout(calc: PlanCalc): Layout {
  // Pre-order by hand (as PlanCalc.walk, without a generator), noting each row's parent row on the way.
  const order: { id: number; depth: number }[] = [];
  const parents: number[] = [];
  const stack: number[] = [];
  const depths: number[] = [];
  const ups: number[] = [];
  const roots = calc.children(null);
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push(roots[i]);
    depths.push(0);
    ups.push(-1);
  }
  while (stack.length) {
    const id = stack.pop()!;
    const depth = depths.pop()!;
    const row = order.length;
    order.push({ id, depth });
    parents.push(ups.pop()!);
    const ks = calc.children(id);
    for (let i = ks.length - 1; i >= 0; i--) {
      stack.push(ks[i]);
      depths.push(depth + 1);
      ups.push(row);
    }
  }
  const rowOf = new Map<number, number>();
  let maxId = 0;
  for (const o of order) if (o.id > maxId) maxId = o.id;
  const rowById = new Int32Array(maxId + 1).fill(-1);
  order.forEach((o, i) => {
    rowOf.set(o.id, i);
    rowById[o.id] = i;
  });
  const parentRow = Int32Array.from(parents);
  const leafKeys = calc.cols.leaves.map((c) => c.key);
  const leafOf = new Map(leafKeys.map((k, i) => [k, i]));
  const leavesUnder = new Map<string, number[]>();
  for (const c of calc.cols.ordered) leavesUnder.set(c.key, (calc.cols.leafKeysUnder.get(c.key) ?? []).map((k) => leafOf.get(k)!));
  const topRows: number[] = [];
  for (let i = 0; i < order.length; i++) if (parentRow[i] === -1) topRows.push(i);
  return { calc, order, rowOf, rowById, parentRow, leafKeys, leafOf, leavesUnder, width: leafKeys.length, topRows };
}

export class ExecutionCalc {
  private lay: Layout | null = null;
  private readonly dates = new Map<number, DateSums>();
  private readonly carryPlan = new Map<number, Float64Array>();
  private carryBuilt = false;

  constructor(
    private readonly calcOf: () => PlanCalc,
    readonly state: ExecutionState,
  ) {}

  /** The line or column tree changed: rebuild on next use. */
  invalidate(): void {
    this.lay = null;
    this.dates.clear();
    this.carryPlan.clear();
    this.carryBuilt = false;
  }

  get layout(): Layout {
    const calc = this.calcOf();
    if (!this.lay || this.lay.calc !== calc || this.lay.leafKeys.length !== calc.cols.leaves.length) {
      this.invalidate();
      this.lay = buildLayout(calc);
    }
    return this.lay;
  }

  /** Does a line hold figures? A leaf, or a parent none of whose children carries an amount — and no line above it does. */
  holds(lineId: number): boolean {
    const calc = this.calcOf();
    if (!calc.lines.has(lineId)) return false;
    const own = (id: number) => !calc.isParent(id) || !calc.children(id).some((k) => calc.hasAmount(k));
    if (!own(lineId)) return false;
    for (const a of calc.ancestors(lineId)) if (own(a)) return false;
    return true;
  }

  sums(dateId: number): DateSums {
    const lay = this.layout;
    let s = this.dates.get(dateId);
    if (s) return s;
    const n = lay.order.length * lay.width;
    s = { disbursed: new Float64Array(n), allocated: new Float64Array(n), estimate: new Float64Array(n), carried: new Map(), count: 0 };
    const w = lay.width;
    for (const { series, values } of this.state.seriesOf(dateId)) {
      s.count += values.size;
      const li = lay.leafOf.get(series.column);
      const arr = li === undefined ? null : this.arrayOf(s, series.measure, series.fund, n);
      if (!arr) continue;
      const byId = lay.rowById;
      for (const [lineId, v] of values) {
        const row = lineId < byId.length ? byId[lineId] : -1;
        if (row >= 0) arr[row * w + li!] += v;
      }
    }
    rollUp(lay, s.disbursed);
    rollUp(lay, s.allocated);
    rollUp(lay, s.estimate);
    for (const a of s.carried.values()) rollUp(lay, a);
    this.dates.set(dateId, s);
    return s;
  }

  private arrayOf(s: DateSums, measure: Measure, fund: number, n: number): Float64Array | null {
    if (fund === CURRENT_FUND) return s[measure];
    if (measure !== 'disbursed') return null; // allocated/estimate of carried-over funds are not reported
    let a = s.carried.get(fund);
    if (!a) s.carried.set(fund, (a = new Float64Array(n)));
    return a;
  }

  /** Carried-over plan sums per source year (rows × leaves). */
  carriedPlan(): Map<number, Float64Array> {
    const lay = this.layout;
    if (this.carryBuilt) return this.carryPlan;
    const n = lay.order.length * lay.width;
    for (const [year, byLine] of this.state.carryover) {
      const a = new Float64Array(n);
      for (const [lineId, m] of byLine) {
        const row = lay.rowOf.get(lineId);
        if (row === undefined) continue;
        for (const [column, v] of m) {
          const li = lay.leafOf.get(column);
          if (li !== undefined) a[row * lay.width + li] += v;
        }
      }
      rollUp(lay, a);
      this.carryPlan.set(year, a);
    }
    this.carryBuilt = true;
    return this.carryPlan;
  }

  /** A figure moved by `delta` (call after the state changed): the built sums follow along the ancestors. */
  figureChanged(k: FigureKey, delta: Dong): Set<number> | null {
    const s = this.dates.get(k.dateId);
    if (!this.lay || !s) return null;
    const lay = this.lay;
    const row = lay.rowOf.get(k.lineId);
    const li = lay.leafOf.get(k.column);
    if (row === undefined || li === undefined) return null;
    const arr = this.arrayOf(s, k.measure, k.fund, lay.order.length * lay.width);
    if (!arr) return null;
    const changed = new Set<number>();
    for (let r = row; r !== -1; r = lay.parentRow[r]) {
      arr[r * lay.width + li] += delta;
      changed.add(lay.order[r].id);
    }
    return changed;
  }

  /** A carried-over plan amount moved by `delta`. */
  carryoverChanged(year: number, lineId: number, column: string, delta: Dong): void {
    if (!this.lay || !this.carryBuilt) return;
    const lay = this.lay;
    const row = lay.rowOf.get(lineId);
    const li = lay.leafOf.get(column);
    if (row === undefined || li === undefined) return;
    let a = this.carryPlan.get(year);
    if (!a) this.carryPlan.set(year, (a = new Float64Array(lay.order.length * lay.width)));
    for (let r = row; r !== -1; r = lay.parentRow[r]) a[r * lay.width + li] += delta;
  }

  /** A date was removed or its figures replaced wholesale: drop its sums. */
  dropDate(dateId: number): void {
    this.dates.delete(dateId);
  }

  /** The figure-count of a date moved (added or removed figures): keep `count` right without a rebuild. */
  countChanged(dateId: number, by: number): void {
    const s = this.dates.get(dateId);
    if (s) s.count += by;
  }
}

/** Add each row into its parent's, children first (rows are in pre-order, so reverse order works). */
function rollUp(lay: Layout, a: Float64Array): void {
  const w = lay.width;
  for (let r = lay.order.length - 1; r >= 0; r--) {
    const p = lay.parentRow[r];
    if (p < 0) continue;
    const rb = r * w;
    const pb = p * w;
    for (let i = 0; i < w; i++) {
      const v = a[rb + i];
      if (v !== 0) a[pb + i] += v;
    }
  }
}

/** Sum of a row's leaves under a column. */
export function cellSum(lay: Layout, a: Float64Array, row: number, column: string): Dong {
  let sum = 0;
  const base = row * lay.width;
  for (const i of lay.leavesUnder.get(column) ?? []) sum += a[base + i];
  return sum;
}

/** Sum of the top rows' leaves under a column (the program total). */
export function totalSum(lay: Layout, a: Float64Array, column: string): Dong {
  let sum = 0;
  const idx = lay.leavesUnder.get(column) ?? [];
  for (const r of lay.topRows) {
    const base = r * lay.width;
    for (const i of idx) sum += a[base + i];
  }
  return sum;
}
