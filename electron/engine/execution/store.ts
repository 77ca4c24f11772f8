// The execution tables of a cycle file (migration 4): read them whole, and apply the execution
// DocActions to them (inside the session's transaction). The in-memory side is shared/execution/state.ts.
import type { Dong } from '../../../shared/model';
import type { CarryoverSource, ExecutionData, Figure, FigureKey, Measure, ReportDate, ReportKind } from '../../../shared/execution/model';
import type { DB } from '../store/db';
import type { ExecutionState } from '../../../shared/execution/state';

/** The DocActions of the execution side: each records old and new, so its inverse swaps them. */
export type ExecutionAction =
  | { t: 'report_date'; id: number; old: ReportDate | null; new: ReportDate | null }
  | { t: 'disbursement'; key: FigureKey; old: Dong | null; new: Dong | null }
  | { t: 'carryover_source'; year: number; old: CarryoverSource | null; new: CarryoverSource | null }
  | { t: 'carryover'; year: number; lineId: number; column: string; old: Dong | null; new: Dong | null };

export const EXECUTION_ACTION_TYPES: ReadonlySet<string> = new Set(['report_date', 'disbursement', 'carryover_source', 'carryover']);

export function isExecutionAction(a: { t: string }): a is ExecutionAction {
  return EXECUTION_ACTION_TYPES.has(a.t);
}

/** Read every execution table of a file. */
export function readExecution(db: DB): ExecutionData {
  const dates = (db.prepare('SELECT id, as_of, kind, due, pace_min_percent FROM report_dates ORDER BY as_of, id').raw().all() as [number, string, string, string | null, number | null][])
    .map(([id, asOf, kind, due, pace]): ReportDate => ({ id, asOf, kind: kind as ReportKind, due, paceMinPercent: pace }));
  const figures = (db.prepare('SELECT date_id, line_id, column_key, unit_id, measure, fund, value FROM disbursements').raw().all() as [number, number, string, number, string, number, number][])
    .map(([dateId, lineId, column, unit, measure, fund, value]): Figure => ({ dateId, lineId, column, unitId: unit === 0 ? null : unit, measure: measure as Measure, fund, value }));
  const sources = (db.prepare('SELECT source_year, deadline FROM carryover_sources').raw().all() as [number, string | null][])
    .map(([year, deadline]) => ({ year, deadline }));
  const carryover = (db.prepare('SELECT source_year, line_id, column_key, value FROM carryover_amounts').raw().all() as [number, number, string, number][])
    .map(([year, lineId, column, value]) => ({ year, lineId, column, value }));
  return { dates, figures, sources, carryover };
}

/** Prepared statements writing the execution actions to one database. */
export class ExecutionWriter {
  private readonly s;

  constructor(db: DB) {
    this.s = {
      upsertDate: db.prepare('INSERT OR REPLACE INTO report_dates (id, as_of, kind, due, pace_min_percent) VALUES (?, ?, ?, ?, ?)'),
      deleteDate: db.prepare('DELETE FROM report_dates WHERE id = ?'),
      upsertFigure: db.prepare(
        `INSERT INTO disbursements (date_id, line_id, column_key, unit_id, measure, fund, value) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (date_id, line_id, column_key, unit_id, measure, fund) DO UPDATE SET value = excluded.value`,
      ),
      deleteFigure: db.prepare('DELETE FROM disbursements WHERE date_id = ? AND line_id = ? AND column_key = ? AND unit_id = ? AND measure = ? AND fund = ?'),
      upsertSource: db.prepare('INSERT OR REPLACE INTO carryover_sources (source_year, deadline) VALUES (?, ?)'),
      deleteSource: db.prepare('DELETE FROM carryover_sources WHERE source_year = ?'),
      upsertCarry: db.prepare(
        `INSERT INTO carryover_amounts (source_year, line_id, column_key, value) VALUES (?, ?, ?, ?)
         ON CONFLICT (source_year, line_id, column_key) DO UPDATE SET value = excluded.value`,
      ),
      deleteCarry: db.prepare('DELETE FROM carryover_amounts WHERE source_year = ? AND line_id = ? AND column_key = ?'),
    };
  }

  write(a: ExecutionAction): void {
    const s = this.s;
    switch (a.t) {
      case 'report_date':
        if (a.new === null) s.deleteDate.run(a.id);
        else s.upsertDate.run(a.id, a.new.asOf, a.new.kind, a.new.due, a.new.paceMinPercent);
        return;
      case 'disbursement': {
        const k = a.key;
        if (a.new === null) s.deleteFigure.run(k.dateId, k.lineId, k.column, k.unitId ?? 0, k.measure, k.fund);
        else s.upsertFigure.run(k.dateId, k.lineId, k.column, k.unitId ?? 0, k.measure, k.fund, a.new);
        return;
      }
      case 'carryover_source':
        if (a.new === null) s.deleteSource.run(a.year);
        else s.upsertSource.run(a.year, a.new.deadline);
        return;
      case 'carryover':
        if (a.new === null) s.deleteCarry.run(a.year, a.lineId, a.column);
        else s.upsertCarry.run(a.year, a.lineId, a.column, a.new);
        return;
    }
  }
}

/** Disbursement figures and carried-over amounts on the columns `keys`, as deletes (a column removed, issue 13). */
export function executionColumnRemovals(state: ExecutionState, keys: readonly string[]): ExecutionAction[] {
  const set = new Set(keys);
  const out: ExecutionAction[] = state.figuresOfColumns(set).map((f) => ({
    t: 'disbursement', key: { dateId: f.dateId, lineId: f.lineId, column: f.column, unitId: f.unitId, measure: f.measure, fund: f.fund }, old: f.value, new: null,
  }));
  for (const c of state.carryoverList((c) => set.has(c.column))) out.push({ t: 'carryover', year: c.year, lineId: c.lineId, column: c.column, old: c.value, new: null });
  return out;
}

/** A unit's figures, as deletes (the unit deleted, issue 14: its figures go in the same step). */
export function executionUnitRemovals(state: ExecutionState, unitIds: Iterable<number>): ExecutionAction[] {
  const ids = new Set(unitIds);
  return state.allFigures().filter((f) => f.unitId !== null && ids.has(f.unitId)).map((f) => ({
    t: 'disbursement', key: { dateId: f.dateId, lineId: f.lineId, column: f.column, unitId: f.unitId, measure: f.measure, fund: f.fund }, old: f.value, new: null,
  }));
}

/** A unit merged into another: its figures added to the other's, cell by cell, then removed. */
export function executionUnitMerge(state: ExecutionState, from: number, into: number): ExecutionAction[] {
  const out: ExecutionAction[] = [];
  for (const f of state.allFigures()) {
    if (f.unitId !== from) continue;
    const target = { dateId: f.dateId, lineId: f.lineId, column: f.column, unitId: into, measure: f.measure, fund: f.fund };
    const had = state.getFigure(target);
    out.push({ t: 'disbursement', key: target, old: had, new: (had ?? 0) + f.value });
    out.push({ t: 'disbursement', key: { ...target, unitId: from }, old: f.value, new: null });
  }
  return out;
}
