// "Fill the existing lines from the file": the open plan keeps its lines, their order, names and
// settings; every line of the file that is a line of the plan (match-lines.ts: code path, code,
// then name) gives that line its figures, column by column for the columns the file has. A blank
// cell of the file empties the plan's cell (the file is the newer word on that line). Lines of the
// file that match none are not added: they are named in the result, so the officer sees what the
// file had that the plan has not. As DocActions for ONE commit: one transaction, one undo step.
import type { Dong, Line } from '../../../shared/model';
import type { DocAction } from '../actions';
import type { SessionContext } from '../context';
import type { ImportResult } from '../excel';
import { matchLines } from './match-lines';

/** How many unmatched lines the result names (the count covers them all). */
const LISTED = 20;

export interface FillPlan {
  actions: DocAction[];
  filled: number;
  unmatched: number;
  unmatchedLines: string[];
  firstLine: number | null;
}

/** `added`: columns this import adds to the plan (in the same step): the file fills them too. */
export function fillActions(ctx: SessionContext, imported: ImportResult['data'], fileColumns: readonly string[], added: ReadonlySet<string> = new Set()): FillPlan {
  const existing = [...ctx.calc.lines.values()];
  const matched = matchLines(existing, imported.lines);
  const byLine = new Map<number, Map<string, Dong>>();
  for (const a of imported.amounts) {
    const m = byLine.get(a.lineId) ?? new Map<string, Dong>();
    m.set(a.column, a.value);
    byLine.set(a.lineId, m);
  }
  const columns = fileColumns.filter((k) => ctx.columns.has(k) || added.has(k));
  const actions: DocAction[] = [];
  const unmatched: Line[] = [];
  let firstLine: number | null = null;
  for (const l of imported.lines) {
    const target = matched.get(l.id);
    if (target === undefined) {
      if (byLine.has(l.id)) unmatched.push(l);
      continue;
    }
    const figures = byLine.get(l.id);
    const stored = ctx.calc.storedOf(target);
    for (const column of columns) {
      const now = stored.get(column) ?? null;
      const next = figures?.get(column) ?? null;
      if (now === next) continue;
      actions.push({ t: 'amount', lineId: target, column, old: now, new: next });
      firstLine ??= target;
    }
  }
  const label = (l: Line) => [l.code, l.name].filter(Boolean).join(' ').slice(0, 120);
  return {
    actions,
    filled: matched.size,
    unmatched: unmatched.length,
    unmatchedLines: unmatched.slice(0, LISTED).map(label),
    firstLine,
  };
}
