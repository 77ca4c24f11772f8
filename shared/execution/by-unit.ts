// The report by unit, where the plan is allocated to units (issue 14's shares): for each unit, its
// plan (the sum of its shares under each column), what it disbursed (the figures entered for that
// unit) and the rate, remaining and period like a line's; and what was disbursed on lines without a
// unit named. Units are listed in their tree order; a unit's figures are its own (no roll-up of
// sub-units, which share nothing of their parent's).
import type { ColumnTree } from '../columns';
import type { Dong, Unit } from '../model';
import { CURRENT_FUND, rateTenths } from './model';
import type { ReportFigures } from './report';
import type { ExecutionState } from './state';

export interface UnitReportRow extends ReportFigures {
  unitId: number;
  name: string;
  depth: number;
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

export function reportByUnit(tree: ColumnTree, state: ExecutionState, units: UnitShares, dateId: number): { units: UnitReportRow[]; unassigned: ReportFigures } {
  const cur = disbursedByUnit(state, dateId);
  const prev = disbursedByUnit(state, state.previousDate(dateId)?.id ?? null);
  const rows: UnitReportRow[] = [];
  for (const { unit, depth } of units.ordered()) {
    const plan = new Map<string, Dong>();
    for (const cols of units.unitCells(unit.id).values()) for (const [k, v] of cols) plan.set(k, (plan.get(k) ?? 0) + v);
    rows.push({ unitId: unit.id, name: unit.name, depth, ...figures(tree, plan, cur.get(unit.id), prev.get(unit.id)) });
  }
  return { units: rows, unassigned: figures(tree, new Map(), cur.get(null), prev.get(null)) };
}
