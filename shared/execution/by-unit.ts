// The report by unit, where the plan is allocated to units (issue 14's shares): for each unit, its
// plan (the sum of its shares under each column), what it disbursed (the figures entered for that
// unit) and the rate, remaining and period like a line's; and what was disbursed on lines without a
// unit named. Units are listed in their tree order, a parent before its sub-units; a unit with
// sub-units shows its own figures plus theirs (units are a tree: province → departments, communes;
// a sub-unit's shares are never part of its parent's own, so the sum counts nothing twice), and its
// own figures alone beside them. The chart by unit (unitChartPoints) reads the same rows.
import type { ColumnTree } from '../columns';
import type { Dong, Unit } from '../model';
import { CURRENT_FUND, rateTenths } from './model';
import type { ReportFigures } from './report';
import type { ExecutionState } from './state';

/** A unit's row: plan, disbursed… are its own plus its sub-units' (rolled up); `own` its own alone. */
export interface UnitReportRow extends ReportFigures {
  unitId: number;
  name: string;
  depth: number;
  /** Its parent unit, or null for a unit at the top of the tree. */
  parentId: number | null;
  hasChildren: boolean;
  own: ReportFigures;
}

export interface UnitShares {
  ordered(): { unit: Unit; depth: number }[];
  unitCells(unitId: number): ReadonlyMap<number, ReadonlyMap<string, Dong>>;
}

/** Per unit (null: no unit named) and leaf column: the disbursed figures of a date. */
function disbursedByUnit(state: ExecutionState, dateId: number | null): Map<number | null, Map<string, Dong>> {
  const out = new Map<number | null, Map<string, Dong>>();
  if (dateId === null) return out;
  for (const { series, values } of state.seriesOf(dateId)) {
    if (series.measure !== 'disbursed' || series.fund !== CURRENT_FUND) continue;
    let m = out.get(series.unitId);
    if (!m) out.set(series.unitId, (m = new Map()));
    let sum = m.get(series.column) ?? 0;
    for (const v of values.values()) sum += v;
    m.set(series.column, sum);
  }
  return out;
}

function figures(tree: ColumnTree, plan: ReadonlyMap<string, Dong>, disb: ReadonlyMap<string, Dong> | undefined, prev: ReadonlyMap<string, Dong> | undefined): ReportFigures {
  const out: ReportFigures = { plan: {}, disbursed: {}, remaining: {}, period: {}, rate: {} };
  const under = (m: ReadonlyMap<string, Dong> | undefined, key: string) => (tree.leafKeysUnder.get(key) ?? [key]).reduce((s, k) => s + (m?.get(k) ?? 0), 0);
  for (const c of tree.ordered) {
    const p = under(plan, c.key);
    const d = under(disb, c.key);
    out.plan[c.key] = p;
    out.disbursed[c.key] = d;
    out.remaining[c.key] = p - d;
    out.period[c.key] = d - under(prev, c.key);
    out.rate[c.key] = rateTenths(d, p);
  }
  return out;
}

/** Add `from`'s leaf amounts into `into`. */
function addInto(into: Map<string, Dong>, from: ReadonlyMap<string, Dong> | undefined): void {
  for (const [k, v] of from ?? []) into.set(k, (into.get(k) ?? 0) + v);
}

export function reportByUnit(tree: ColumnTree, state: ExecutionState, units: UnitShares, dateId: number): { units: UnitReportRow[]; unassigned: ReportFigures } {
  const cur = disbursedByUnit(state, dateId);
  const prev = disbursedByUnit(state, state.previousDate(dateId)?.id ?? null);
  const ordered = units.ordered();
  const known = new Set(ordered.map((x) => x.unit.id));
  // Parent of each unit as the tree is shown (a parent that no longer exists: the unit is at the top).
  const parentOf = new Map(ordered.map(({ unit }) => [unit.id, unit.parentId !== null && known.has(unit.parentId) ? unit.parentId : null]));
  const own = new Map<number, { plan: Map<string, Dong>; cur: Map<string, Dong>; prev: Map<string, Dong> }>();
  for (const { unit } of ordered) {
    const plan = new Map<string, Dong>();
    for (const cols of units.unitCells(unit.id).values()) addInto(plan, cols);
    own.set(unit.id, { plan, cur: new Map(cur.get(unit.id) ?? []), prev: new Map(prev.get(unit.id) ?? []) });
  }
  // Roll up: the tree order lists a parent before its sub-units, so walking it backwards adds each
  // unit's whole (its own and its sub-units', already added) into its parent's.
  const whole = new Map([...own].map(([id, o]) => [id, { plan: new Map(o.plan), cur: new Map(o.cur), prev: new Map(o.prev) }]));
  const hasChildren = new Set<number>();
  for (let i = ordered.length - 1; i >= 0; i--) {
    const id = ordered[i].unit.id;
    const p = parentOf.get(id)!;
    if (p === null) continue;
    hasChildren.add(p);
    const w = whole.get(id)!;
    const into = whole.get(p)!;
    addInto(into.plan, w.plan);
    addInto(into.cur, w.cur);
    addInto(into.prev, w.prev);
  }
  const rows: UnitReportRow[] = ordered.map(({ unit, depth }) => {
    const o = own.get(unit.id)!;
    const w = whole.get(unit.id)!;
    return {
      unitId: unit.id, name: unit.name, depth, parentId: parentOf.get(unit.id)!, hasChildren: hasChildren.has(unit.id),
      ...figures(tree, w.plan, w.cur, w.prev), own: figures(tree, o.plan, o.cur, o.prev),
    };
  });
  return { units: rows, unassigned: figures(tree, new Map(), cur.get(null), prev.get(null)) };
}

/** One bar of the chart by unit (structurally the print's ChartPoint): the label indented by depth. */
export interface UnitChartPoint {
  label: string;
  plan: Dong;
  disbursed: Dong;
}

/** A sub-unit's label beneath its parent: indented (non-breaking spaces survive SVG and Excel) and marked. */
export function indentedUnitLabel(name: string, depth: number): string {
  return depth > 0 ? `${'\u00a0\u00a0\u00a0'.repeat(depth)}– ${name}` : name;
}

/**
 * The chart by unit at a date: each unit with a plan or a disbursement, its sub-units' included and
 * listed beneath it (window, print and the workbook's chart block read these). Amounts over every
 * leaf column: the unit's whole share of the plan against all it disbursed of the year's funds.
 */
export function unitChartPoints(tree: ColumnTree, state: ExecutionState, units: UnitShares, dateId: number): UnitChartPoint[] {
  const roots = (tree.children.get(null) ?? []).map((c) => c.key);
  const sum = (f: Record<string, Dong>) => roots.reduce((s, k) => s + (f[k] ?? 0), 0);
  return reportByUnit(tree, state, units, dateId).units
    .map((u) => ({ label: indentedUnitLabel(u.name, u.depth), plan: sum(u.plan), disbursed: sum(u.disbursed) }))
    .filter((p) => p.plan !== 0 || p.disbursed !== 0);
}
