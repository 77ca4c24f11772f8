// What a unit's merged detail loses with a funding column (column-dependents.ts): each unit whose
// detail holds figures on a removed key gets its set replaced by the set without them, in the same
// undo step as the column's own delete (undo puts the figures back with the column).
import { withoutColumns } from '../../../shared/consolidation/model';
import type { DocAction } from '../actions';
import type { SessionContext } from '../context';

export function detailColumnRemovals(ctx: Pick<SessionContext, 'unitDetails'>, keys: readonly string[]): DocAction[] {
  const gone = new Set(keys);
  const out: DocAction[] = [];
  for (const d of ctx.unitDetails.all()) {
    const on = (v: Record<string, number>) => Object.keys(v).some((k) => gone.has(k));
    if (!d.lines.some((l) => on(l.values)) && !Object.values(d.reported).some(on)) continue;
    out.push({ t: 'unit_detail', unitId: d.unitId, old: d, new: withoutColumns(d, gone) });
  }
  return out;
}
