// Importing a disbursement report into the open plan (issue 15): the report's lines are matched to
// the plan's by code path, code and name (transfer/match-lines.ts); each cumulative-disbursement (and
// allocated, estimate) figure goes to its line and leaf column as of the report's date, in ONE undo
// step; the report's plan column is compared with the plan — differences are reported, the plan is
// never changed. Where the report splits by source only (NSTW, NSĐP) and the line takes one capital
// type (its allowed capital types, or the plan's figures on one type only) the figure goes to that
// type; where that is ambiguous the cell is reported, not guessed. Carried-over funds (a block of
// columns or a section of rows, read-report.ts) go to their source year's fund: the carried-over
// plan amounts are written (they are the fund's plan), their disbursement as that fund's figures,
// and a source year the plan lacks is declared in the same step (no deadline: the file does not
// give one); a header naming no year, or several, is reported cell by cell, not guessed. Nothing is
// written when nothing could be read (a refusal, with its reason).
import type { ColumnTree } from '../../../shared/columns';
import { CURRENT_FUND, type CarryoverSource, type Measure, type ReportDate, type ReportKind } from '../../../shared/execution/model';
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
import { readReportSheet, type CarriedFunds, type ReportColumn, type ReportSheet } from './read-report';
import type { CarryoverYearFrom, ExecutionImportReport } from '../../../shared/commands/execution';

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

/** Which year carried-over funds come from: the one year before the plan's the header names, else
 * "năm trước", else the plan's only carried-over year; null when none or several (not guessed). */
export function carriedYear(f: CarriedFunds, planYear: number, planFundYears: readonly number[]): { year: number | null; from: CarryoverYearFrom } {
  const before = f.years.filter((y) => y < planYear);
  if (before.length === 1) return { year: before[0], from: 'header' };
  if (f.years.length) return { year: null, from: 'header' };
  if (f.previousYear) return { year: planYear - 1, from: 'previous_year' };
  if (planFundYears.length === 1) return { year: planFundYears[0], from: 'plan' };
  return { year: null, from: 'header' };
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
  // The file's lines as a tree (its numbering), matched to the plan's — section by section, since a
  // carried-over section repeats the program's codes.
  const lineOf = new Map<number, number>();
  const hasKids = new Set<number>();
  const planLines = [...ctx.calc.lines.values()];
  rs.sections.forEach((_s, sec) => {
    const idx = rs.rows.map((x, i) => (x.section === sec ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return;
    const { parent } = buildTree(idx.map((i) => ({ code: rs.rows[i].code, bold: rs.rows[i].bold, indent: rs.rows[i].indent })));
    const incoming: Line[] = idx.map((i, k) => ({
      id: k + 1, parentId: parent[k] >= 0 ? parent[k] + 1 : null, position: k, code: rs.rows[i].code, name: rs.rows[i].name, agency: '', note: '', allowedCapital: null, isAdjustment: false,
    }));
    for (const p of parent) if (p >= 0) hasKids.add(idx[p]);
    for (const [k, lineId] of matchLines(planLines, incoming)) lineOf.set(idx[k - 1], lineId);
  });
  const planKeys = new Map<number, string | null>(rs.columns.filter((c) => c.key).map((c) => [c.col, planColumnFor(tree, c.key!)]));
  // Carried-over funds: a cell's are its column's (a block beside the year's) or its section's.
  const fundOf = (row: { section: number }, c: ReportColumn): CarriedFunds | null => c.carried ?? rs.sections[row.section]?.carried ?? null;
  const years = new Map<CarriedFunds, { year: number | null; from: CarryoverYearFrom }>();
  const yearOf = (f: CarriedFunds) => {
    let y = years.get(f);
    if (!y) years.set(f, (y = carriedYear(f, ctx.meta.year, ctx.execution.fundYears())));
    return y;
  };
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
        const lineId = lineOf.get(i);
        if (lineId === undefined) return;
        for (const c of rs.columns) {
          const key = planKeys.get(c.col);
          const cell = row.cells.get(c.col);
          if (c.role !== 'plan' || !key || !cell || fundOf(row, c)) continue;
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
    columns: rs.columns.map((c) => ({
      letter: c.letter, header: c.path.join(' / '), role: c.role, key: c.key, derived: c.derived, plan: planKeys.get(c.col) ?? null,
      carried: c.carried !== null, fund: c.carried ? yearOf(c.carried).year : null,
    })),
    lines: rs.rows.length, matched: lineOf.size, unmatched: [], written: 0, unchanged: 0,
    planDifferences: [], notPlaced: [], textNumbers, totalRows: rs.totalRows.map((x) => x + 1),
    sections: rs.sections.filter((x) => x.row >= 0).map((x) => ({ row: x.row + 1, title: x.title, carried: x.carried !== null, fund: x.carried ? yearOf(x.carried).year : null })),
    carryover: [],
  };
  /** The leaf column a report column's key means on a line: settled by the capital types the line
   * may take, then by which of them already carries money (`carries`); null when still ambiguous. */
  const leafFor = (lineId: number, key: string, carries: (leaf: string) => boolean): string | null => {
    if (tree.isLeaf(key)) return key;
    const allowed = allowedOf(ctx, lineId);
    let cands = (tree.leafKeysUnder.get(key) ?? []).filter((k) => {
      const cap = r.get(k)!.capital;
      return cap === null || allowed === null || allowed.includes(cap);
    });
    if (cands.length > 1) {
      const with_ = cands.filter(carries);
      if (with_.length === 1) cands = with_;
    }
    return cands.length === 1 ? cands[0] : null;
  };
  const targets = new Map<string, Extract<DocAction, { t: 'disbursement' }>>();
  const carried = new Map<string, Extract<DocAction, { t: 'carryover' }>>();
  const carriedValue = (year: number, lineId: number, leaf: string) => carried.get(`${year}|${lineId}|${leaf}`)?.new ?? ctx.execution.getCarryover(year, lineId, leaf);
  const isFigure = (c: ReportColumn) => c.role === 'disbursed' || c.role === 'allocated' || c.role === 'estimate';
  const readable = rs.columns.filter((c): c is ReportColumn & { key: string } => !!c.key && !c.derived && (isFigure(c) || c.role === 'plan'));
  // The carried-over plan first: it settles which capital type the same line's carried figures go to.
  for (const pass of ['plan', 'figures'] as const) {
    rs.rows.forEach((row, i) => {
      const lineId = lineOf.get(i);
      if (lineId === undefined) {
        if (pass === 'plan' && row.cells.size) report.unmatched.push({ address: address(row.row, 0).replace(/^A/, ''), code: row.code, name: row.name });
        return;
      }
      const line = ctx.calc.lines.get(lineId)!;
      const lineRef = line.code || line.name;
      if (pass === 'plan') {
        // The plan column of the file, compared with the plan (every plan cell, sums included).
        for (const c of rs.columns) {
          if (c.role !== 'plan' || fundOf(row, c)) continue;
          const key = planKeys.get(c.col);
          const cell = row.cells.get(c.col);
          if (!key || !cell) continue;
          const v = valueOf(cell, unit, address(row.row, c.col), true);
          if (v === undefined || v === null) continue;
          const plan = ctx.calc.value(lineId, key);
          if (v !== plan) report.planDifferences.push({ address: address(row.row, c.col), line: lineRef, name: line.name, column: key, file: v, plan });
        }
      }
      const holds = ctx.executionCalc.holds(lineId);
      for (const c of readable) {
        const fund = fundOf(row, c);
        // The year's plan is only compared (above); a carried-over plan is its fund's plan, written.
        if (c.role === 'plan' ? pass !== 'plan' || !fund : pass !== 'figures') continue;
        const cell = row.cells.get(c.col);
        if (!cell) continue;
        const where = address(row.row, c.col);
        const key = planKeys.get(c.col) ?? null;
        const v = valueOf(cell, unit, where, true);
        if (v === undefined || v === null) {
          report.notPlaced.push({ address: where, line: lineRef, column: key, value: 0, reason: 'unreadable' });
          continue;
        }
        if (!holds) {
          // A line whose sub-lines the file lists too is a total row of the file: nothing to place.
          if (!hasKids.has(i) && v !== 0) report.notPlaced.push({ address: where, line: lineRef, column: key, value: v, reason: 'not_holding' });
          continue;
        }
        const year = fund ? yearOf(fund).year : CURRENT_FUND;
        if (year === null) {
          if (v !== 0) report.notPlaced.push({ address: where, line: lineRef, column: key, value: v, reason: 'carryover_year' });
          continue;
        }
        if (!key) {
          if (v !== 0) report.notPlaced.push({ address: where, line: lineRef, column: null, value: v, reason: 'no_column' });
          continue;
        }
        const leaf = leafFor(lineId, key, fund ? (k) => (carriedValue(year, lineId, k) ?? 0) !== 0 : (k) => ctx.calc.value(lineId, k) !== 0);
        if (leaf === null) {
          if (v !== 0) report.notPlaced.push({ address: where, line: lineRef, column: key, value: v, reason: 'ambiguous_capital' });
          continue;
        }
        if (c.role === 'plan') {
          const id = `${year}|${lineId}|${leaf}`;
          const prev = carried.get(id);
          carried.set(id, { t: 'carryover', year, lineId, column: leaf, old: ctx.execution.getCarryover(year, lineId, leaf), new: (prev?.new ?? 0) + v });
          continue;
        }
        const k = { dateId: date!.id, lineId, column: leaf, unitId: null, measure: c.role as Measure, fund: year };
        const id = `${lineId}|${leaf}|${c.role}|${year}`;
        const prev = targets.get(id);
        // Two columns of the file landing on one cell (NSTW read as SN beside an explicit SN): they add up.
        const value = prev ? (prev.new ?? 0) + v : v;
        targets.set(id, { t: 'disbursement', key: k, old: ctx.execution.getFigure(k), new: value });
      }
    });
  }
  // A source year the plan lacks is declared in the same step, before its amounts and figures.
  const perYear = new Map<number, ExecutionImportReport['carryover'][number]>();
  const yearEntry = (year: number) => {
    let e = perYear.get(year);
    if (!e) {
      const from = [...years.values()].find((y) => y.year === year)?.from ?? 'header';
      perYear.set(year, (e = { year, yearFrom: from, created: false, amounts: 0, figures: 0 }));
    }
    return e;
  };
  const body: DocAction[] = [];
  for (const a of carried.values()) {
    // A zero where the plan has no amount is no amount.
    if (a.old === a.new || (a.old === null && a.new === 0)) report.unchanged++;
    else {
      body.push(a);
      report.written++;
      yearEntry(a.year).amounts++;
    }
  }
  for (const a of targets.values()) {
    if (a.old === a.new) report.unchanged++;
    else {
      body.push(a);
      report.written++;
      if (a.key.fund !== CURRENT_FUND) yearEntry(a.key.fund).figures++;
    }
  }
  for (const e of [...perYear.values()].sort((a, b) => a.year - b.year)) {
    if (!ctx.execution.sources.has(e.year)) {
      const src: CarryoverSource = { year: e.year, deadline: null };
      actions.push({ t: 'carryover_source', year: e.year, old: null, new: src });
      e.created = true;
    }
    report.carryover.push(e);
  }
  actions.push(...body);
  return { actions: report.written || dateCreated ? actions : [], report };
}
