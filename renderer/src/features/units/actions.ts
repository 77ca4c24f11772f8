// What the units area does outside its components: apply a command's patch to the window (through
// the plan grid, so its flags and totals refresh; the allocation view follows the patch's units
// delta), and pick the funding column the allocation view starts on.
import { ColumnTree } from '../../../../shared/columns';
import type { Patch } from '../../../../shared/ipc';
import type { PlanStore } from '../../state/plan-store';
import type { AppContext } from '../types';
import type { AllocMode } from './alloc-model';

export async function applyPatch(ctx: AppContext, p: Patch): Promise<void> {
  if (ctx.grid.current) await ctx.grid.current.applyPatch(p);
  else ctx.store.apply(p);
}

/** The first leaf funding column in which the plan holds figures (else the first leaf column). */
export function defaultMode(store: PlanStore): AllocMode | null {
  const tree = new ColumnTree(store.columns);
  const first = tree.leaves.find((c) => (store.totals[c.key] ?? 0) !== 0) ?? tree.leaves[0];
  return first ? { kind: 'column', column: first.key } : null;
}
