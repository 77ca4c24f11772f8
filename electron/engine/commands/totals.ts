// Handler of "use the computed figures for all" (shared/commands/totals.ts): every stated total
// that disagrees with its computed value beyond the sum_mismatch tolerance — in the cells given, or
// anywhere in the plan — is dropped, as the single "Dùng số tính" of a finding does, in one step.
// A mismatch the officer marked "keep both" (the 'findings' setting) is a decision, and stays.
import { stepLabel } from '../../../shared/step-label';
import { sumToleranceDong } from '../../../shared/rules/context';
import type { DocAction } from '../actions';
import type { Handler } from '../context';

/** The kept decisions ("keep both"), read forgivingly: finding id → the figures when decided. */
function keptOf(value: unknown): Map<string, { stated: unknown; computed: unknown }> {
  const kept = value && typeof value === 'object' ? (value as { kept?: unknown }).kept : undefined;
  if (!kept || typeof kept !== 'object') return new Map();
  return new Map(Object.entries(kept as Record<string, { stated: unknown; computed: unknown }>).filter(([, k]) => k && typeof k === 'object'));
}

const useComputed: Handler<'totals/useComputed'> = async (a, ctx) => {
  const { calc } = ctx;
  const tol = sumToleranceDong(ctx.rules, ctx.meta.unit);
  const kept = keptOf(ctx.setting('findings'));
  const actions: DocAction[] = [];
  const seen = new Set<string>();
  const consider = (lineId: number, column: string) => {
    const key = `${lineId}:${column}`;
    if (seen.has(key)) return;
    seen.add(key);
    const mismatch = calc.statedMismatch(lineId, column);
    if (!mismatch || Math.abs(mismatch.stated - mismatch.computed) <= tol) return;
    const k = kept.get(`sum_mismatch:${key}`);
    if (k && k.stated === mismatch.stated && k.computed === mismatch.computed) return;
    actions.push({ t: 'amount', lineId, column, old: mismatch.stated, new: null });
  };
  if (a.cells) {
    for (const c of a.cells) if (calc.lines.has(c.lineId) && ctx.columns.has(c.column)) consider(c.lineId, c.column);
  } else {
    for (const { id } of calc.walk()) for (const column of calc.storedOf(id).keys()) if (ctx.columns.has(column)) consider(id, column);
  }
  if (actions.length === 0) return { ...ctx.emptyPatch(), changed: 0 };
  const first = actions[0] as Extract<DocAction, { t: 'amount' }>;
  return { ...ctx.commit(stepLabel('findings.undo.acceptAll'), actions, { lineId: first.lineId, column: first.column }), changed: actions.length };
};

export const totalsHandlers = { 'totals/useComputed': useComputed };
