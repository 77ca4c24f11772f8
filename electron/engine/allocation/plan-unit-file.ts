// A unit's file read back (the .xlsx `split` wrote, filled and returned): a plan annex whose figures
// are that unit's shares, its hidden sheet naming the unit (unit-sheet.ts). The plan importer reads
// the table; here its lines are matched to the plan's (transfer/match-lines.ts: code path, code,
// name) and its entered figures become the named unit's shares — the unit's shares the file no
// longer holds are cleared (the file is the unit's whole allocation). Same report and DocActions as
// an allocation annex (plan-import.ts). Pure.
import type { AllocationProblem, AllocationReport } from '../../../shared/commands/alloc-io';
import type { Dong, Unit } from '../../../shared/model';
import { guessUnitKind } from '../../../shared/units/names';
import type { ImportResult } from '../excel/import';
import { matchLines } from '../transfer/match-lines';
import { holdsFigures } from './match-columns';
import type { AllocationPlan, PlanInput, PlannedShare } from './plan-import';
import type { UnitFileMark } from './unit-sheet';

export function planUnitFile(mark: UnitFileMark, imported: ImportResult, input: PlanInput): AllocationPlan {
  const { calc, columns, units } = input;
  const data = imported.data;
  const matched = matchLines([...calc.lines.values()], data.lines);
  const fileParents = new Set(data.lines.map((l) => l.parentId).filter((p): p is number => p !== null));
  const fileLines = new Map(data.lines.map((l) => [l.id, l]));
  const label = (id: number) => {
    const l = fileLines.get(id);
    return l ? [l.code, l.name].filter(Boolean).join(' ').slice(0, 200) : String(id);
  };

  const key = input.nameKey(mark.unit);
  const existing: Unit | undefined = [...units.units.values()].find((u) => input.nameKey(u.name) === key);
  const unit = existing ? existing.id : -1;
  const problems: AllocationProblem[] = [];
  const shares: PlannedShare[] = [];
  const totals: Record<string, Dong> = {};
  const seen = new Set<string>();
  let figures = 0;
  let changes = 0;
  let cleared = 0;
  for (const a of data.amounts) {
    // Figures at a line with sub-lines in the file, or in a group column, are the file's totals.
    if (fileParents.has(a.lineId) || !columns.isLeaf(a.column)) continue;
    const target = matched.get(a.lineId);
    if (target === undefined) {
      problems.push({ address: label(a.lineId), kind: 'no_line', text: label(a.lineId) });
      continue;
    }
    if (!holdsFigures(calc, target)) {
      problems.push({ address: label(a.lineId), kind: calc.isParent(target) ? 'line_is_parent' : 'line_under_parent', text: label(a.lineId) });
      continue;
    }
    if (a.value < 0) {
      problems.push({ address: label(a.lineId), kind: 'negative', text: String(a.value) });
      continue;
    }
    const value = a.value === 0 ? null : a.value;
    seen.add(`${target}:${a.column}`);
    if (value !== null) {
      figures++;
      totals[a.column] = (totals[a.column] ?? 0) + value;
    }
    const now = unit >= 0 ? units.share(unit, target, a.column) : null;
    if (now === value) continue;
    changes++;
    shares.push({ unit, lineId: target, column: a.column, value });
  }
  if (unit >= 0) {
    for (const s of units.sharesOfUnit(unit)) {
      if (seen.has(`${s.lineId}:${s.column}`)) continue;
      shares.push({ unit, lineId: s.lineId, column: s.column, value: null });
      changes++;
      cleared++;
    }
  }
  const report: AllocationReport = {
    sheet: imported.report.sheet,
    unit: imported.report.unit,
    unitAssumed: false,
    unitFile: mark.unit,
    title: [],
    titleFunding: {},
    columns: imported.report.mappedColumns
      .filter((c) => columns.isLeaf(c.key))
      .map((c) => ({ letter: c.column, header: c.key, line: null, lineHow: null, column: c.key, columnHow: 'header' as const, problem: null })),
    units: [{ address: '', name: mark.unit, unitId: existing?.id ?? null, spelledAs: existing && existing.name !== mark.unit ? existing.name : null }],
    newUnits: existing ? 0 : 1,
    groupRows: [],
    totalRows: [],
    totalColumns: [],
    figures,
    changes,
    cleared,
    textNumbers: [],
    problems,
    totals,
  };
  return { report, newUnits: existing ? [] : [{ name: mark.unit, kind: guessUnitKind(mark.unit) }], shares };
}
