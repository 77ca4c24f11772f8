// What goes with a funding column when it is deleted: every record kept on its key. The plan's own
// figures come first (amounts on the lines); the areas that keep figures per column key (units'
// shares, disbursement figures) add theirs below, one import and one line each. The actions come
// before the column's own delete in the same undo step, so the foreign keys hold and undo puts the
// column back before its figures.
import type { DocAction } from '../actions';
import type { SessionContext } from '../context';
import { executionColumnRemovals } from '../execution/store';
import { shareColumnRemovals } from './units';
import { detailColumnRemovals } from '../consolidation/removals';

/**
 * The plan's stored figures (entries and stated totals) on `keys`, as amount deletes — column by
 * column, so the writer removes them 100 lines at a time (its batches are runs of one column).
 */
function planAmountRemovals(ctx: SessionContext, keys: readonly string[]): DocAction[] {
  const out: DocAction[] = [];
  for (const column of keys) ctx.calc.forEachInColumn(column, (lineId, old) => out.push({ t: 'amount', lineId, column, old, new: null }));
  return out;
}

/** Every action removing what is kept on the columns `keys` (a column and its sub-columns). */
export function columnRemovalActions(ctx: SessionContext, keys: string[]): DocAction[] {
  return [
    ...planAmountRemovals(ctx, keys),
    ...executionColumnRemovals(ctx.execution, keys),
    ...shareColumnRemovals(ctx, keys),
    ...detailColumnRemovals(ctx, keys),
  ];
}
