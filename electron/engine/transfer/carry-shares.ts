// Which units' shares follow the plan's lines when "Replace the table" puts an imported table in
// their place (issue 14). The import deletes every line, and with it every share; a line of the file
// that is a line of the plan (match-lines.ts) takes the old line's shares along onto its new id —
// but only where it still holds figures on that column (a leaf, or a parent whose children carry
// none, with a figure there) and the column is still a leaf: a share anywhere else would be a
// share of nothing. What cannot follow is listed, with its money, so the person sees it before
// confirming. Pure apart from the SessionContext it reads.
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import type { LostShare } from '../../../shared/commands/transfer';
import type { CycleData, FundingColumn, Share } from '../../../shared/model';
import type { SessionContext } from '../context';
import { matchLines } from './match-lines';

export interface ShareCarry {
  /** Imported line id → the shares it takes over (lineId still the imported id; the caller renumbers). */
  kept: Map<number, Share[]>;
  /** Shares that do not follow, in the plan's line order, then unit order. */
  lost: LostShare[];
}

/**
 * The old plan's shares sorted into those that follow a matched line and those lost.
 * `data` is the imported plan with its figures on the plan's column keys; `added` the columns the
 * import adds (they carry no shares, but may turn a leaf of the plan into a parent).
 */
export function carryShares(ctx: SessionContext, data: CycleData, added: readonly FundingColumn[] = [], matched?: Map<number, number>): ShareCarry {
  const kept = new Map<number, Share[]>();
  const lost: LostShare[] = [];
  const book = ctx.units;
  if (book.size === 0) return { kept, lost };
  const oldLines = [...ctx.calc.lines.values()];
  const byNew = matched ?? matchLines(oldLines, data.lines);
  const newOf = new Map<number, number>();
  for (const [n, o] of byNew) newOf.set(o, n);
  const tree = added.length ? new ColumnTree([...ctx.columns.ordered, ...added]) : ctx.columns;
  const calc = new PlanCalc(tree, data.lines, data.amounts.filter((a) => tree.has(a.column)));
  const order = new Map(orderOf(ctx));
  const shares = book.allShares().sort((a, b) => (order.get(a.lineId) ?? 0) - (order.get(b.lineId) ?? 0) || a.column.localeCompare(b.column) || a.unitId - b.unitId);
  for (const s of shares) {
    const line = ctx.calc.lines.get(s.lineId);
    const to = newOf.get(s.lineId);
    let reason: LostShare['reason'] | null = null;
    if (to === undefined) reason = 'line_gone';
    else if (!tree.has(s.column) || !tree.isLeaf(s.column)) reason = 'column_gone';
    else if ((calc.isParent(to) && !calc.isUnallocatedParent(to)) || !calc.storedOf(to).get(s.column)) reason = 'no_figures';
    if (reason === null) {
      const list = kept.get(to!);
      if (list) list.push({ ...s, lineId: to! });
      else kept.set(to!, [{ ...s, lineId: to! }]);
      continue;
    }
    lost.push({
      unit: book.units.get(s.unitId)?.name ?? String(s.unitId),
      code: line?.code ?? '',
      line: line?.name ?? '',
      column: s.column,
      columnLabel: ctx.columns.byKey.get(s.column)?.label.vi ?? s.column,
      value: s.value,
      reason,
    });
  }
  return { kept, lost };
}

/** The plan's line ids in display order (for a report that reads like the grid). */
function orderOf(ctx: SessionContext): [number, number][] {
  const kids = new Map<number | null, { id: number; position: number }[]>();
  for (const l of ctx.calc.lines.values()) {
    const p = l.parentId !== null && ctx.calc.lines.has(l.parentId) ? l.parentId : null;
    const list = kids.get(p);
    if (list) list.push(l);
    else kids.set(p, [l]);
  }
  for (const list of kids.values()) list.sort((a, b) => a.position - b.position);
  const out: [number, number][] = [];
  const stack = [...(kids.get(null) ?? [])].reverse();
  const seen = new Set<number>();
  while (stack.length) {
    const l = stack.pop()!;
    if (seen.has(l.id)) continue;
    seen.add(l.id);
    out.push([l.id, out.length]);
    const k = kids.get(l.id);
    if (k) for (let i = k.length - 1; i >= 0; i--) stack.push(k[i]);
  }
  return out;
}
