// Importing a disbursement report into the open plan (issue 15): the report's lines are matched to
// the plan's by code path, code and name (transfer/match-lines.ts); each cumulative-disbursement (and
// allocated, estimate) figure goes to its line and leaf column as of the report's date, in ONE undo
// step; the report's plan column is compared with the plan — differences are reported, the plan is
// never changed. Where the report splits by source only (NSTW, NSĐP) and the line takes one capital
// type (its allowed capital types, or the plan's figures on one type only) the figure goes to that
// type; where that is ambiguous the cell is reported, not guessed. Nothing is written when nothing
// could be read (a refusal, with its reason).
import type { ColumnTree } from '../../../shared/columns';
import { CURRENT_FUND, type Measure, type ReportDate, type ReportKind } from '../../../shared/execution/model';
import type { DisplayUnit, Dong, Line } from '../../../shared/model';
import type { DocAction } from '../actions';
import type { SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { decidePolicy, decimalToDong, readTextNumber } from '../excel/amounts';
import type { Cell, SheetData } from '../excel/sheet';
import { cellText } from '../excel/table';
import { address } from '../excel/text';
import { buildTree } from '../excel/tree';
import { matchLines } from '../transfer/match-lines';
import { readReportSheet, type ReportColumn, type ReportSheet } from './read-report';
import type { ExecutionImportReport } from '../../../shared/commands/execution';

export interface ExecutionImport {
  actions: DocAction[];
  report: ExecutionImportReport;
}

/** The kind a date most likely is: 30/6, 30/9, 31/12 of the plan's year, 31/1 of the next. */
export function kindOfDate(asOf: string, year: number): ReportKind {
  const [y, md] = [Number(asOf.slice(0, 4)), asOf.slice(5)];
  if (y === year && md === '06-30') return 'h1';
  if (y === year && md === '09-30') return 'm9';
  if (y === year && md === '12-31') return 'year';
  if (y === year + 1 && md === '01-31') return 'year_adjusted';
  return 'other';
}

/** Each column's nearest source and capital type (its own, else an ancestor's). */
function roles(tree: ColumnTree): Map<string, { source: string | null; capital: string | null }> {
  const out = new Map<string, { source: string | null; capital: string | null }>();
  for (const c of tree.ordered) {
    const chain = [c.key, ...tree.ancestors(c.key)].map((k) => tree.byKey.get(k)!);
    out.set(c.key, { source: chain.find((x) => x.source)?.source ?? null, capital: chain.find((x) => x.capital)?.capital ?? null });
  }
  return out;
}

/** The plan's column a report header key means ('total', 'central', 'central_investment', 'other'…), or null. */
export function planColumnFor(tree: ColumnTree, key: string): string | null {
  if (tree.has(key)) return key;
  const r = roles(tree);
  const roots = tree.children.get(null) ?? [];
  if (key === 'total') return roots.length === 1 ? roots[0].key : null;
  const [source, capital] = key.split('_') as [string, string | undefined];
  // The root-most column of that source (and capital type): its parent is not of the same kind.
  const fits = tree.ordered.filter((c) => {
    const x = r.get(c.key)!;
    if (x.source !== source || (capital !== undefined && x.capital !== capital)) return false;
    const p = c.parent ? r.get(c.parent)! : null;
    return !p || p.source !== source || (capital !== undefined && p.capital !== capital);
  });
  return fits.length === 1 ? fits[0].key : null;
}

/** The capital types a line may take: its own restriction, else its nearest ancestor's; null = any. */
function allowedOf(ctx: SessionContext, lineId: number): string[] | null {
  for (const id of [lineId, ...ctx.calc.ancestors(lineId)]) {
    const a = ctx.calc.lines.get(id)?.allowedCapital;
    if (a) return a;
  }
  return null;
}

export function planExecutionImport(ctx: SessionContext, sheet: SheetData, opts: { asOf?: string }): ExecutionImport {
  const rs: ReportSheet | null = readReportSheet(sheet);
  if (!rs) throw new PlanDeskError('execution.error.no_report', { sheet: sheet.name });
  const fileAsOf = rs.asOf?.date ?? null;
  const asOf = opts.asOf ?? fileAsOf;
  if (!asOf) throw new PlanDeskError('execution.error.no_as_of');
  const tree = ctx.columns;
  const r = roles(tree);
  const actions: DocAction[] = [];
  let date: ReportDate | undefined = ctx.execution.dateByAsOf(asOf);
  const dateCreated = !date;
  if (!date) {
    date = { id: ctx.execution.nextDateId(), asOf, kind: kindOfDate(asOf, ctx.meta.year), due: null, paceMinPercent: null };
    actions.push({ t: 'report_date', id: date.id, old: null, new: date });
  }
  // The file's lines as a tree (its numbering), matched to the plan's.
  const { parent } = buildTree(rs.rows.map((x) => ({ code: x.code, bold: x.bold, indent: x.indent })));
  const incoming: Line[] = rs.rows.map((x, i) => ({
    id: i + 1, parentId: parent[i] >= 0 ? parent[i] + 1 : null, position: i, code: x.code, name: x.name, agency: '', note: '', allowedCapital: null, isAdjustment: false,
  }));
  const hasKids = new Set(parent.filter((p) => p >= 0));
  const match = matchLines([...ctx.calc.lines.values()], incoming);
  const planKeys = new Map<number, string | null>(rs.columns.filter((c) => c.key).map((c) => [c.col, planColumnFor(tree, c.key!)]));
  // Numbers typed as text: read under the convention the table's own text numbers show.
  const texts: string[] = [];
  for (const row of rs.rows) for (const c of row.cells.values()) if (c.kind === 's') texts.push(cellText(c));
  const policy = decidePolicy(texts, ctx.meta.numberLocale);
  const textNumbers: ExecutionImportReport['textNumbers'] = [];
  const valueOf = (cell: Cell, unit: DisplayUnit, where: string, note: boolean): Dong | null | undefined => {
    if (cell.kind === 'n') return decimalToDong(cell.text, unit);
    if (cell.kind !== 's') return undefined;
    const t = cellText(cell);
    if (/^[-–—]$/.test(t)) return 0;
    const read = readTextNumber(t, unit, policy);
    if (!read.ok || read.value === null) return undefined;
    if (note) textNumbers.push({ address: where, text: t, value: read.value });
    return read.value;
  };
  // The unit: the file's line, else the one under which its plan column agrees with the plan most.
  let unit: DisplayUnit = rs.unit ?? ctx.meta.unit;
  let unitFrom: ExecutionImportReport['unitFrom'] = rs.unit ? 'file' : 'plan';
  if (!rs.unit) {
    let best = 0;
    for (const u of ['trieu', 'nghin', 'dong', 'ty'] as DisplayUnit[]) {
      let hits = 0;
      rs.rows.forEach((row, i) => {
        const lineId = match.get(i + 1);
        if (lineId === undefined) return;
        for (const c of rs.columns) {
          const key = planKeys.get(c.col);
          const cell = row.cells.get(c.col);
          if (c.role !== 'plan' || !key || !cell) continue;
          const v = valueOf(cell, u, '', false);
          if (v && v === ctx.calc.value(lineId, key)) hits++;
        }
      });
      if (hits > best) {
        best = hits;
        unit = u;
        unitFrom = 'plan_figures';
      }
    }
  }
  const report: ExecutionImportReport = {
    sheet: sheet.name, asOf, asOfFrom: opts.asOf ? 'given' : 'file', fileAsOf, dateCreated, unit, unitFrom,
    columns: rs.columns.map((c) => ({ letter: c.letter, header: c.path.join(' / '), role: c.role, key: c.key, derived: c.derived, plan: planKeys.get(c.col) ?? null })),
    lines: rs.rows.length, matched: match.size, unmatched: [], written: 0, unchanged: 0,
    planDifferences: [], notPlaced: [], textNumbers, totalRows: rs.totalRows.map((x) => x + 1),
  };
  const targets = new Map<string, Extract<DocAction, { t: 'disbursement' }>>();
  const figureColumns = rs.columns.filter((c): c is ReportColumn & { key: string } => !!c.key && !c.derived && (c.role === 'disbursed' || c.role === 'allocated' || c.role === 'estimate'));
  rs.rows.forEach((row, i) => {
    const lineId = match.get(i + 1);
    if (lineId === undefined) {
      if (row.cells.size) report.unmatched.push({ address: address(row.row, 0).replace(/^A/, ''), code: row.code, name: row.name });
      return;
    }
    const line = ctx.calc.lines.get(lineId)!;
    const lineRef = line.code || line.name;
    // The plan column of the file, compared with the plan (every plan cell, sums included).
    for (const c of rs.columns) {
      if (c.role !== 'plan') continue;
      const key = planKeys.get(c.col);
      const cell = row.cells.get(c.col);
      if (!key || !cell) continue;
      const v = valueOf(cell, unit, address(row.row, c.col), true);
      if (v === undefined || v === null) continue;
      const plan = ctx.calc.value(lineId, key);
      if (v !== plan) report.planDifferences.push({ address: address(row.row, c.col), line: lineRef, name: line.name, column: key, file: v, plan });
    }
    const holds = ctx.executionCalc.holds(lineId);
    for (const c of figureColumns) {
      const cell = row.cells.get(c.col);
      if (!cell) continue;
      const where = address(row.row, c.col);
      const v = valueOf(cell, unit, where, true);
      if (v === undefined || v === null) {
        report.notPlaced.push({ address: where, line: lineRef, column: planKeys.get(c.col) ?? null, value: 0, reason: 'unreadable' });
        continue;
      }
      if (!holds) {
        // A line whose sub-lines the file lists too is a total row of the file: nothing to place.
        if (!hasKids.has(i) && v !== 0) report.notPlaced.push({ address: where, line: lineRef, column: planKeys.get(c.col) ?? null, value: v, reason: 'not_holding' });
        continue;
      }
      const key = planKeys.get(c.col) ?? null;
      let leaf: string | null = null;
      if (key && tree.isLeaf(key)) leaf = key;
      else if (key) {
        const allowed = allowedOf(ctx, lineId);
        let cands = (tree.leafKeysUnder.get(key) ?? []).filter((k) => {
          const cap = r.get(k)!.capital;
          return cap === null || allowed === null || allowed.includes(cap);
        });
        if (cands.length > 1) {
          const withPlan = cands.filter((k) => ctx.calc.value(lineId, k) !== 0);
          if (withPlan.length === 1) cands = withPlan;
        }
        if (cands.length === 1) leaf = cands[0];
        else {
          if (v !== 0) report.notPlaced.push({ address: where, line: lineRef, column: key, value: v, reason: 'ambiguous_capital' });
          continue;
        }
      } else {
        if (v !== 0) report.notPlaced.push({ address: where, line: lineRef, column: null, value: v, reason: 'no_column' });
        continue;
      }
      const k = { dateId: date!.id, lineId, column: leaf, unitId: null, measure: c.role as Measure, fund: CURRENT_FUND };
      const id = `${lineId}|${leaf}|${c.role}`;
      const prev = targets.get(id);
      const old = ctx.execution.getFigure(k);
      // Two columns of the file landing on one cell (NSTW read as SN beside an explicit SN): they add up.
      const value = prev ? (prev.new ?? 0) + v : v;
      targets.set(id, { t: 'disbursement', key: k, old, new: value });
    }
  });
  for (const a of targets.values()) {
    if (a.old === a.new) report.unchanged++;
    else {
      actions.push(a);
      report.written++;
    }
  }
  return { actions: report.written || dateCreated ? actions : [], report };
}
