// "Replace the current table": the open plan's lines and figures give way to an imported plan's,
// as DocActions for ONE commit (one transaction, one undo step that brings every old line back with
// its figures). Old lines are deleted children first (foreign keys), new ones inserted parents first
// under fresh ids (ids are never reused). The cycle keeps its identity (program, document, rules,
// settings); the display unit follows the file's, since that is how its figures were written. A
// line of the file that is a line of the plan (match-lines.ts) keeps its settings (allowed capital
// types, adjustment line) unless the file is PlanDesk's own annex, which carries them: a department's
// spreadsheet has no column for them, and "accepts every capital type" would silence the rule.
// A matched line also takes its units' shares along where it still holds figures on their column
// (carry-shares.ts); the others are lost with the old lines and listed before the person confirms.
// The figures arrive on the plan's column keys: columns-match.ts matched the file's columns to the
// plan's and added (or skipped, as the person chose) the others, in the same step.
import type { LostShare } from '../../../shared/commands/transfer';
import type { FundingColumn, Line } from '../../../shared/model';
import type { DocAction } from '../actions';
import type { SessionContext } from '../context';
import type { ImportResult } from '../excel';
import { carryShares } from './carry-shares';
import { matchLines } from './match-lines';

/** Lines in depth-first order from the roots (parents before their children). */
function preorder(lines: readonly Line[]): Line[] {
  const kids = new Map<number | null, Line[]>();
  const ids = new Set(lines.map((l) => l.id));
  for (const l of lines) {
    const p = l.parentId !== null && ids.has(l.parentId) ? l.parentId : null;
    const list = kids.get(p);
    if (list) list.push(l);
    else kids.set(p, [l]);
  }
  for (const list of kids.values()) list.sort((x, y) => x.position - y.position);
  const out: Line[] = [];
  const stack = [...(kids.get(null) ?? [])].reverse();
  while (stack.length) {
    const l = stack.pop()!;
    out.push(l);
    const k = kids.get(l.id);
    if (k) for (let i = k.length - 1; i >= 0; i--) stack.push(k[i]);
  }
  return out;
}

export function replaceActions(
  ctx: SessionContext,
  imported: ImportResult['data'],
  opts: { fileHasSettings: boolean; added?: readonly FundingColumn[] },
): { actions: DocAction[]; firstLine: number | null; lostShares: LostShare[] } {
  const actions: DocAction[] = [];
  // Delete: reverse pre-order puts every child before its parent.
  const old = preorder([...ctx.calc.lines.values()]);
  const matched = matchLines(old, imported.lines);
  const kept = opts.fileHasSettings ? new Map<number, number>() : matched;
  // Units' shares follow the matched lines (even from PlanDesk's own annex, which has no shares).
  const shares = carryShares(ctx, imported, opts.added, matched);
  for (let i = old.length - 1; i >= 0; i--) {
    const l = old[i];
    actions.push({ t: 'delete', line: l, amounts: [...ctx.calc.storedOf(l.id)].map(([column, value]) => ({ lineId: l.id, column, value })) });
  }
  // Insert: fresh ids, parents first.
  const ids = new Map<number, number>();
  const byLine = new Map<number, { column: string; value: number }[]>();
  for (const a of imported.amounts) {
    const list = byLine.get(a.lineId);
    if (list) list.push({ column: a.column, value: a.value });
    else byLine.set(a.lineId, [{ column: a.column, value: a.value }]);
  }
  const incoming = preorder(imported.lines);
  for (const l of incoming) {
    const id = ctx.newLineId();
    ids.set(l.id, id);
    const parentId = l.parentId !== null ? (ids.get(l.parentId) ?? null) : null;
    const was = kept.has(l.id) ? ctx.calc.lines.get(kept.get(l.id)!) : undefined;
    const settings = was ? { allowedCapital: was.allowedCapital, isAdjustment: was.isAdjustment } : {};
    actions.push({
      t: 'insert',
      line: { ...l, ...settings, id, parentId },
      amounts: (byLine.get(l.id) ?? []).map((a) => ({ lineId: id, column: a.column, value: a.value })),
      ...(shares.kept.has(l.id) ? { shares: shares.kept.get(l.id)!.map((x) => ({ ...x, lineId: id })) } : {}),
    });
  }
  if (imported.meta.unit !== ctx.meta.unit) actions.push({ t: 'meta', key: 'unit', old: ctx.meta.unit, new: imported.meta.unit });
  return { actions, firstLine: incoming.length ? ids.get(incoming[0].id)! : null, lostShares: shares.lost };
}
