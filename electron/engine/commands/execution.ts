// Handlers of the execution commands (shared/commands/execution.ts, issue 15): reporting dates,
// figures per as-of date, carried-over funds — each change one undo step of DocActions — and the
// report, its drill-down and the impact of deleting a date, read from ExecutionCalc's sums.
import type { ExecutionToWrite, FigureCell, FigureSkip, DrillPart } from '../../../shared/commands/execution';
import { CURRENT_FUND, type FigureKey, type Measure, type ReportDate, type ReportKind } from '../../../shared/execution/model';
import { ReportBuilder } from '../../../shared/execution/report';
import { reportByUnit } from '../../../shared/execution/by-unit';
import { cellSum, type Layout } from '../../../shared/execution/calc';
import { stepLabel } from '../../../shared/step-label';
import type { DocAction } from '../actions';
import { withBackupFirst, type Handler, type SessionContext } from '../context';
import { readReportWorkbook } from '../execution/workbook';
import { planExecutionImport } from '../execution/import';
import path from 'node:path';
import { PlanDeskError } from '../errors';

function requireDate(ctx: SessionContext, id: number): ReportDate {
  const d = ctx.execution.dates.get(id);
  if (!d) throw new PlanDeskError('execution.error.unknown_date');
  return d;
}

function refuseDuplicate(ctx: SessionContext, asOf: string, except?: number): void {
  const other = ctx.execution.dateByAsOf(asOf);
  if (other && other.id !== except) throw new PlanDeskError('execution.error.date_exists', { date: asOf });
}

/** Why a figure cell cannot be written, or null (shared by the grid's edits and the importer). */
export function figureSkip(ctx: SessionContext, c: { dateId: number; lineId: number; column: string; unitId?: number | null }): FigureSkip | null {
  if (!ctx.execution.dates.has(c.dateId)) return 'unknown_date';
  if (!ctx.calc.lines.has(c.lineId)) return 'unknown_line';
  if (!ctx.columns.has(c.column)) return 'unknown_column';
  if (!ctx.columns.isLeaf(c.column)) return 'total_column';
  if (c.unitId != null && !ctx.units.units.has(c.unitId)) return 'unknown_unit';
  if (!ctx.executionCalc.holds(c.lineId)) return 'not_holding';
  return null;
}

/** The actions writing figure cells (unchanged cells give none), and the cells skipped. */
export function figureActions(ctx: SessionContext, cells: readonly FigureCell[]): { actions: DocAction[]; skipped: { index: number; reason: FigureSkip }[] } {
  const actions: DocAction[] = [];
  const skipped: { index: number; reason: FigureSkip }[] = [];
  const seen = new Map<string, number>();
  cells.forEach((c, index) => {
    const reason = figureSkip(ctx, c);
    if (reason) {
      skipped.push({ index, reason });
      return;
    }
    const key: FigureKey = {
      dateId: c.dateId, lineId: c.lineId, column: c.column, unitId: c.unitId ?? null,
      measure: (c.measure ?? 'disbursed') as Measure, fund: c.fund ?? CURRENT_FUND,
    };
    const k = `${key.dateId}|${key.lineId}|${key.column}|${key.unitId ?? 0}|${key.measure}|${key.fund}`;
    // The same cell twice in one step: the last value wins, and the step stays invertible.
    const at = seen.get(k);
    if (at !== undefined) {
      const a = actions[at] as Extract<DocAction, { t: 'disbursement' }>;
      actions[at] = { ...a, new: c.value };
      return;
    }
    const old = ctx.execution.getFigure(key);
    if (old === c.value) return;
    seen.set(k, actions.length);
    actions.push({ t: 'disbursement', key, old, new: c.value });
  });
  return { actions: actions.filter((a) => a.t !== 'disbursement' || a.old !== a.new), skipped };
}

const dates: Handler<'execution/dates'> = async (_a, ctx) => ({
  dates: ctx.execution.sortedDates(),
  sources: [...ctx.execution.sources.values()].sort((a, b) => a.year - b.year),
});

const addDate: Handler<'execution/addDate'> = async (a, ctx) => {
  refuseDuplicate(ctx, a.asOf);
  const id = ctx.execution.nextDateId();
  const date: ReportDate = { id, asOf: a.asOf, kind: a.kind as ReportKind, due: a.due, paceMinPercent: a.paceMinPercent };
  return { ...ctx.commit(stepLabel('execution.undo.addDate', { date: a.asOf }), [{ t: 'report_date', id, old: null, new: date }], null), id };
};

const updateDate: Handler<'execution/updateDate'> = async (a, ctx) => {
  const old = requireDate(ctx, a.id);
  const next: ReportDate = {
    id: old.id,
    asOf: a.asOf ?? old.asOf,
    kind: (a.kind ?? old.kind) as ReportKind,
    due: a.due === undefined ? old.due : a.due,
    paceMinPercent: a.paceMinPercent === undefined ? old.paceMinPercent : a.paceMinPercent,
  };
  refuseDuplicate(ctx, next.asOf, old.id);
  if (JSON.stringify(next) === JSON.stringify(old)) return ctx.emptyPatch();
  return ctx.commit(stepLabel('execution.undo.updateDate', { date: next.asOf }), [{ t: 'report_date', id: old.id, old, new: next }], null);
};

const dateImpact: Handler<'execution/dateImpact'> = async (a, ctx) => {
  requireDate(ctx, a.id);
  return { figures: ctx.execution.countOfDate(a.id) };
};

const deleteDate: Handler<'execution/deleteDate'> = async (a, ctx) => {
  const old = requireDate(ctx, a.id);
  const figures = ctx.execution.figuresOfDate(a.id);
  // Figures first, then the date: undo puts the date back before its figures.
  const actions: DocAction[] = figures.map((f) => ({
    t: 'disbursement', key: { dateId: f.dateId, lineId: f.lineId, column: f.column, unitId: f.unitId, measure: f.measure, fund: f.fund }, old: f.value, new: null,
  }));
  actions.push({ t: 'report_date', id: old.id, old, new: null });
  return { ...ctx.commit(stepLabel('execution.undo.deleteDate', { date: old.asOf }), actions, null), figuresRemoved: figures.length };
};

const setFigures: Handler<'execution/setFigures'> = async (a, ctx) => {
  const { actions, skipped } = figureActions(ctx, a.cells);
  const viewDateId = a.viewDateId ?? a.cells[0].dateId;
  if (actions.length === 0) return { ...ctx.emptyPatch(), written: 0, notWritten: skipped, report: null };
  const first = actions[0] as Extract<DocAction, { t: 'disbursement' }>;
  const patch = ctx.commit(stepLabel('execution.undo.setFigures'), actions, { lineId: first.key.lineId, column: first.key.column });
  let report = null;
  if (ctx.execution.dates.has(viewDateId)) {
    const b = new ReportBuilder(ctx.executionCalc);
    // The rows whose figures moved at the date shown, and at the date after it (its period moved).
    const lineIds = patch.execution?.figures.find((f) => f.dateId === viewDateId)?.lineIds ?? [];
    report = { dateId: viewDateId, rows: b.rows({ dateId: viewDateId, lineIds }), totals: b.totals(viewDateId) };
  }
  return { ...patch, written: actions.length, notWritten: skipped, report };
};

const report: Handler<'execution/report'> = async (a, ctx) => {
  const date = a.dateId !== undefined ? requireDate(ctx, a.dateId) : ctx.execution.dateByAsOf(a.asOf!);
  if (!date) throw new PlanDeskError('execution.error.no_date', { date: a.asOf! });
  return new ReportBuilder(ctx.executionCalc).view({ dateId: date.id, from: a.from, count: a.count, lineIds: a.lineIds });
};

const drill: Handler<'execution/drill'> = async (a, ctx) => {
  requireDate(ctx, a.dateId);
  if (!ctx.columns.has(a.column)) throw new PlanDeskError('error.unknown_column', { column: a.column });
  if (a.lineId !== null) ctx.requireLine(a.lineId);
  const fund = a.fund ?? CURRENT_FUND;
  const ex = ctx.executionCalc;
  const lay = ex.layout;
  const leaves = new Set(ctx.columns.leafKeysUnder.get(a.column) ?? [a.column]);
  const carried = fund === CURRENT_FUND ? null : ex.carriedPlan().get(fund);
  // The lines under the cell (or every line), the holding ones and any other carrying a figure.
  const start = a.lineId === null ? 0 : lay.rowOf.get(a.lineId)!;
  const end = a.lineId === null ? lay.order.length : subtreeEnd(lay.order, start);
  const parts: DrillPart[] = [];
  for (let r = start; r < end; r++) {
    const id = lay.order[r].id;
    const holds = ex.holds(id);
    const own = ctx.execution.lineFigures(a.dateId, id);
    if (!holds && own.length === 0) continue;
    const line = ctx.calc.lines.get(id)!;
    const byUnit = new Map<number | null, number>();
    for (const f of own) {
      if (f.measure !== 'disbursed' || f.fund !== fund || !leaves.has(f.column)) continue;
      byUnit.set(f.unitId, (byUnit.get(f.unitId) ?? 0) + f.value);
    }
    const plan = holds ? (carried ? cellSum(lay, carried, r, a.column) - childrenSum(lay, carried, r, a.column) : ctx.calc.value(id, a.column)) : 0;
    if (byUnit.size === 0) {
      if (plan !== 0) parts.push({ lineId: id, code: line.code, name: line.name, unitId: null, unitName: null, plan, disbursed: 0 });
      continue;
    }
    let planLeft = plan;
    for (const [unitId, disbursed] of byUnit) {
      const unitPlan = unitId === null ? 0 : [...leaves].reduce((s, k) => s + (ctx.units.share(unitId, id, k) ?? 0), 0);
      planLeft -= unitPlan;
      parts.push({ lineId: id, code: line.code, name: line.name, unitId, unitName: unitId === null ? null : (ctx.units.units.get(unitId)?.name ?? null), plan: unitPlan, disbursed });
    }
    const whole = parts.find((p) => p.lineId === id && p.unitId === null);
    if (whole) whole.plan += planLeft;
    else if (planLeft !== 0) parts.push({ lineId: id, code: line.code, name: line.name, unitId: null, unitName: null, plan: planLeft, disbursed: 0 });
  }
  return { parts, plan: parts.reduce((s, p) => s + p.plan, 0), disbursed: parts.reduce((s, p) => s + p.disbursed, 0) };
};

/** The row after the last descendant of `row` (pre-order). */
function subtreeEnd(order: { depth: number }[], row: number): number {
  let r = row + 1;
  while (r < order.length && order[r].depth > order[row].depth) r++;
  return r;
}

/** What a row's children add up to in a rolled-up array (its own part is the row minus this). */
function childrenSum(lay: Layout, a: Float64Array, row: number, column: string): number {
  let s = 0;
  for (let r = row + 1; r < lay.order.length && lay.order[r].depth > lay.order[row].depth; r++) {
    if (lay.parentRow[r] === row) s += cellSum(lay, a, r, column);
  }
  return s;
}

const setSource: Handler<'execution/setSource'> = async (a, ctx) => {
  if (a.year >= ctx.meta.year) throw new PlanDeskError('execution.error.source_is_year', { year: ctx.meta.year });
  const old = ctx.execution.sources.get(a.year) ?? null;
  const next = { year: a.year, deadline: a.deadline };
  if (old && old.deadline === next.deadline) return ctx.emptyPatch();
  return ctx.commit(stepLabel('execution.undo.setSource', { year: a.year }), [{ t: 'carryover_source', year: a.year, old, new: next }], null);
};

const deleteSource: Handler<'execution/deleteSource'> = async (a, ctx) => {
  const old = ctx.execution.sources.get(a.year) ?? null;
  const amounts = ctx.execution.carryoverList((c) => c.year === a.year);
  const figures = ctx.execution.figuresOfFund(a.year);
  if (!old && amounts.length === 0 && figures.length === 0) throw new PlanDeskError('execution.error.unknown_source', { year: a.year });
  const actions: DocAction[] = [
    ...figures.map((f): DocAction => ({ t: 'disbursement', key: { dateId: f.dateId, lineId: f.lineId, column: f.column, unitId: f.unitId, measure: f.measure, fund: f.fund }, old: f.value, new: null })),
    ...amounts.map((c): DocAction => ({ t: 'carryover', year: c.year, lineId: c.lineId, column: c.column, old: c.value, new: null })),
  ];
  if (old) actions.push({ t: 'carryover_source', year: a.year, old, new: null });
  return { ...ctx.commit(stepLabel('execution.undo.deleteSource', { year: a.year }), actions, null), amountsRemoved: figures.length + amounts.length };
};

const setCarryover: Handler<'execution/setCarryover'> = async (a, ctx) => {
  const actions: DocAction[] = [];
  const skipped: { index: number; reason: FigureSkip }[] = [];
  const declared = new Set<number>();
  a.cells.forEach((c, index) => {
    const reason = !ctx.calc.lines.has(c.lineId) ? 'unknown_line' : !ctx.columns.has(c.column) ? 'unknown_column' : !ctx.columns.isLeaf(c.column) ? 'total_column' : !ctx.executionCalc.holds(c.lineId) ? 'not_holding' : null;
    if (reason) {
      skipped.push({ index, reason });
      return;
    }
    if (c.year >= ctx.meta.year) throw new PlanDeskError('execution.error.source_is_year', { year: ctx.meta.year });
    // A year used for the first time is declared in the same step (without a deadline).
    if (!ctx.execution.sources.has(c.year) && !declared.has(c.year)) {
      declared.add(c.year);
      actions.push({ t: 'carryover_source', year: c.year, old: null, new: { year: c.year, deadline: null } });
    }
    const old = ctx.execution.getCarryover(c.year, c.lineId, c.column);
    if (old !== c.value) actions.push({ t: 'carryover', year: c.year, lineId: c.lineId, column: c.column, old, new: c.value });
  });
  if (actions.length === 0) return { ...ctx.emptyPatch(), written: 0, notWritten: skipped };
  return { ...ctx.commit(stepLabel('execution.undo.setCarryover'), actions, null), written: actions.length, notWritten: skipped };
};

const importReport = withBackupFirst<'execution/import'>(async (a, ctx) => {
  if (ctx.info.readOnly) throw new PlanDeskError('error.read_only');
  const sheet = await readReportWorkbook({ path: a.path }, a.sheet);
  const { actions, report } = planExecutionImport(ctx, sheet, { asOf: a.asOf });
  if (actions.length === 0) return { ...ctx.emptyPatch(), report };
  const first = actions.find((x): x is Extract<DocAction, { t: 'disbursement' }> => x.t === 'disbursement');
  const patch = ctx.commit(stepLabel('execution.undo.import', { date: report.asOf, file: path.basename(a.path) }), actions, first ? { lineId: first.key.lineId, column: first.key.column } : null);
  return { ...patch, report };
});

// What the import would write, nothing written: the same plan of actions, dropped (the window's report before "Nhập").
const readReport: Handler<'execution/read'> = async (a, ctx) => {
  const sheet = await readReportWorkbook({ path: a.path }, a.sheet);
  const { actions, report } = planExecutionImport(ctx, sheet, { asOf: a.asOf });
  return { report, path: a.path, toWrite: toWrite(actions) };
};

/** The actions' new figures summed per fund and measure (the carried-over plan amounts as measure 'plan'), in fund order. */
function toWrite(actions: readonly DocAction[]): ExecutionToWrite[] {
  const out = new Map<string, ExecutionToWrite>();
  const add = (fund: number, measure: ExecutionToWrite['measure'], value: number | null) => {
    const k = `${fund}|${measure}`;
    const x = out.get(k) ?? { fund, measure, count: 0, sum: 0 };
    x.count++;
    x.sum += value ?? 0;
    out.set(k, x);
  };
  for (const x of actions) {
    if (x.t === 'disbursement') add(x.key.fund, x.key.measure, x.new);
    else if (x.t === 'carryover') add(x.year, 'plan', x.new);
  }
  const order = ['plan', 'allocated', 'disbursed', 'estimate'];
  return [...out.values()].sort((p, q) => p.fund - q.fund || order.indexOf(p.measure) - order.indexOf(q.measure));
}

const byUnit: Handler<'execution/byUnit'> = async (a, ctx) => {
  requireDate(ctx, a.dateId);
  return reportByUnit(ctx.columns, ctx.execution, ctx.units, a.dateId);
};

export const executionHandlers = {
  'execution/byUnit': byUnit,
  'execution/import': importReport,
  'execution/read': readReport,
  'execution/dates': dates,
  'execution/addDate': addDate,
  'execution/updateDate': updateDate,
  'execution/dateImpact': dateImpact,
  'execution/deleteDate': deleteDate,
  'execution/setFigures': setFigures,
  'execution/report': report,
  'execution/drill': drill,
  'execution/setSource': setSource,
  'execution/deleteSource': deleteSource,
  'execution/setCarryover': setCarryover,
};
