// An allocation annex read against the open plan: which column is which line and funding column
// (match-columns.ts), which row is which unit (the cycle's units by name key: "Đăk Glong" is "Đắk
// Glong"; new ones created), every figure in integer đồng (numbers stored as text read as the plan
// import reads them), and the report that is shown BEFORE anything is written: matched, guessed and
// skipped cells by address, and the problems (a column that matches no line, a line named twice, text
// where a figure should be, a negative share). Then the DocActions of ONE commit. Pure.
import type { PlanCalc } from '../../../shared/calc';
import type { ColumnTree } from '../../../shared/columns';
import type { DisplayUnit, Dong, Unit, UnitKind } from '../../../shared/model';
import type { UnitBook } from '../../../shared/units/book';
import { guessUnitKind } from '../../../shared/units/names';
import type { DocAction } from '../actions';
import { decidePolicy, decimalToDong, readTextNumber } from '../excel/amounts';
import { cellText } from '../excel/table';
import { address } from '../excel/text';
import type { AllocationProblem, AllocationReport, ReportUnit } from '../../../shared/commands/alloc-io';
import type { AllocationSheet } from './annex-read';
import { matchColumns } from './match-columns';

export interface PlannedShare {
  /** An existing unit's id, or the index into `newUnits` (negative: -1 - index). */
  unit: number;
  lineId: number;
  column: string;
  value: Dong | null;
}

export interface AllocationPlan {
  report: AllocationReport;
  newUnits: { name: string; kind: UnitKind }[];
  shares: PlannedShare[];
}

export interface PlanInput {
  calc: PlanCalc;
  columns: ColumnTree;
  units: UnitBook;
  /** The plan's display unit: the annex's when it names none. */
  planUnit: DisplayUnit;
  /** Same key = same unit (shared/units: diacritics, spacing, case, prefixes). */
  nameKey: (name: string) => string;
}

export function planAllocation(sheet: AllocationSheet, input: PlanInput): AllocationPlan {
  const { calc, columns, units } = input;
  const unit = sheet.unit ?? input.planUnit;
  const matches = matchColumns(calc, columns, sheet.columns, sheet.titleFunding);
  const headerRow = sheet.headerRows[sheet.headerRows.length - 1];
  const problems: AllocationProblem[] = [];
  for (const m of matches) if (m.problem) problems.push({ address: address(headerRow, m.col), kind: m.problem, text: m.header });
  const usable = matches.filter((m) => m.problem === null && m.lineId !== null && m.column !== null);

  // The cycle's units by name key; the file's rows matched to them, new ones numbered apart.
  const byKey = new Map<string, Unit>();
  for (const u of units.units.values()) if (!byKey.has(input.nameKey(u.name))) byKey.set(input.nameKey(u.name), u);
  const newByKey = new Map<string, number>();
  const newUnits: { name: string; kind: UnitKind }[] = [];
  const reportUnits: ReportUnit[] = [];
  const seenRows = new Map<number, string>();
  const groupRows: { address: string; text: string }[] = [];
  const totalRows: { address: string; text: string }[] = [];
  type RowUnit = { row: (typeof sheet.rows)[number]; unit: number };
  const unitRows: RowUnit[] = [];
  for (const r of sheet.rows) {
    const text = [r.code, r.name].filter(Boolean).join(' ');
    const at = address(r.row, sheet.nameCol);
    if (r.kind === 'group') {
      groupRows.push({ address: at, text });
      continue;
    }
    if (r.kind === 'total') {
      totalRows.push({ address: at, text });
      continue;
    }
    const key = input.nameKey(r.name);
    const existing = byKey.get(key);
    let id: number;
    if (existing) id = existing.id;
    else {
      let idx = newByKey.get(key);
      if (idx === undefined) {
        idx = newUnits.length;
        newUnits.push({ name: r.name, kind: guessUnitKind(r.name) });
        newByKey.set(key, idx);
      }
      id = -1 - idx;
    }
    if (seenRows.has(id)) {
      problems.push({ address: at, kind: 'unit_twice', text: `${r.name} (${seenRows.get(id)})` });
      continue;
    }
    seenRows.set(id, at);
    reportUnits.push({ address: at, name: r.name, unitId: existing?.id ?? null, spelledAs: existing && existing.name !== r.name ? existing.name : null });
    unitRows.push({ row: r, unit: id });
  }

  // Numbers stored as text: one convention for the table, decided by its own text numbers.
  const texts: string[] = [];
  for (const { row } of unitRows) for (const m of usable) {
    const c = row.cells[m.col];
    if (c && c.kind === 's' && cellText(c)) texts.push(cellText(c));
  }
  const policy = decidePolicy(texts, 'vi-VN');

  const shares: PlannedShare[] = [];
  const textNumbers: AllocationReport['textNumbers'] = [];
  const totals: Record<string, Dong> = {};
  let figures = 0;
  let changes = 0;
  let cleared = 0;
  for (const { row, unit: u } of unitRows) {
    for (const m of usable) {
      const c = row.cells[m.col];
      const raw = cellText(c);
      let value: Dong | null = null;
      if (c && raw !== '' && c.kind !== 'b') {
        if (c.kind === 'e') {
          problems.push({ address: address(row.row, m.col), kind: 'text', text: raw });
          continue;
        }
        if (c.noValue) {
          problems.push({ address: address(row.row, m.col), kind: 'no_value', text: raw });
          continue;
        }
        if (c.kind === 'n') {
          let tooLarge = false;
          value = decimalToDong(c.text, unit, undefined, (why) => (tooLarge ||= why === 'too_large'));
          if (value === null) {
            problems.push({ address: address(row.row, m.col), kind: tooLarge ? 'too_large' : 'text', text: raw });
            continue;
          }
        } else {
          const r = readTextNumber(raw, unit, policy);
          if (!r.ok) {
            problems.push({ address: address(row.row, m.col), kind: r.tooLarge ? 'too_large' : 'text', text: raw });
            continue;
          }
          value = r.value;
          if (value !== null) textNumbers.push({ address: address(row.row, m.col), text: raw, value });
        }
        if (value !== null && value < 0) {
          problems.push({ address: address(row.row, m.col), kind: 'negative', text: raw });
          continue;
        }
        if (value === 0) value = null;
      }
      if (value !== null) {
        figures++;
        totals[m.column!] = (totals[m.column!] ?? 0) + value;
      }
      const now = u >= 0 ? units.share(u, m.lineId!, m.column!) : null;
      if (now === value) continue;
      if (value === null) cleared++;
      changes++;
      shares.push({ unit: u, lineId: m.lineId!, column: m.column!, value });
    }
  }

  const lineLabel = (id: number | null) => {
    const l = id === null ? undefined : calc.lines.get(id);
    return l ? [l.code, l.name].filter(Boolean).join(' ') : null;
  };
  return {
    report: {
      sheet: sheet.sheet,
      unit,
      unitAssumed: sheet.unit === null,
      unitFile: null,
      title: sheet.title,
      titleFunding: sheet.titleFunding,
      columns: matches.map((m) => ({ letter: m.letter, header: m.header, line: lineLabel(m.lineId), lineHow: m.lineHow, column: m.column, columnHow: m.columnHow, problem: m.problem })),
      units: reportUnits,
      newUnits: newUnits.length,
      groupRows,
      totalRows,
      totalColumns: sheet.totalColumns.map((c) => `${c.letter}: ${c.path.join(' / ')}`),
      figures,
      changes,
      cleared,
      textNumbers,
      problems,
      totals,
    },
    newUnits,
    shares,
  };
}

/**
 * The plan as DocActions for one commit: the new units first (appended at the top level, after the
 * cycle's own), then every share that changes, each carrying its old value for undo.
 */
export function allocationActions(plan: AllocationPlan, units: UnitBook): { actions: DocAction[]; unitIds: number[] } {
  let nextId = 1;
  let nextPos = 0;
  for (const u of units.units.values()) {
    nextId = Math.max(nextId, u.id + 1);
    if (u.parentId === null) nextPos = Math.max(nextPos, u.position + 1);
  }
  const actions: DocAction[] = [];
  const unitIds = plan.newUnits.map((n) => {
    const u: Unit = { id: nextId++, parentId: null, position: nextPos++, name: n.name, kind: n.kind, code: '' };
    actions.push({ t: 'unit', old: null, new: u });
    return u.id;
  });
  for (const s of plan.shares) {
    const unitId = s.unit >= 0 ? s.unit : unitIds[-1 - s.unit];
    const old = s.unit >= 0 ? units.share(unitId, s.lineId, s.column) : null;
    if (old === s.value) continue;
    actions.push({ t: 'share', unitId, lineId: s.lineId, column: s.column, old, new: s.value });
  }
  return { actions, unitIds };
}
