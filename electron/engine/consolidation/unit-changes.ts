// What a unit's merged detail does when the unit itself changes (units/delete, units/merge): the
// detail belongs to its unit, so it goes in the same undo step as the unit's own change — deleted
// with the unit (undo brings both back), or carried onto the unit it is merged into. Shares add up
// on a merge, so the details add up too: the unit merged into keeps its own lines and takes the
// other's after them, and what each reported per line and column is summed — the board then
// compares the sum with the summed shares, and nothing either unit sent is lost.
import type { UnitDetail } from '../../../shared/consolidation/model';
import type { DocAction } from '../actions';
import type { SessionContext } from '../context';

/** The details of the units `ids`, removed (a unit deleted takes its detail in its step). */
export function detailUnitRemovals(ctx: Pick<SessionContext, 'unitDetails'>, ids: Iterable<number>): DocAction[] {
  const out: DocAction[] = [];
  for (const id of ids) {
    const d = ctx.unitDetails.get(id);
    if (d) out.push({ t: 'unit_detail', unitId: id, old: d, new: null });
  }
  return out;
}

/** `from`'s detail carried onto `into` (combined with `into`'s own), `from`'s removed. */
export function detailUnitMerge(ctx: Pick<SessionContext, 'unitDetails'>, from: number, into: number): DocAction[] {
  const a = ctx.unitDetails.get(from);
  if (!a) return [];
  const b = ctx.unitDetails.get(into) ?? null;
  return [
    { t: 'unit_detail', unitId: into, old: b, new: combineDetails(b, a, into) },
    { t: 'unit_detail', unitId: from, old: a, new: null },
  ];
}

/** `b`'s detail (may be none) with `a`'s lines after its own and the reported figures summed, as unit `unitId`'s. */
export function combineDetails(b: UnitDetail | null, a: UnitDetail, unitId: number): UnitDetail {
  if (!b) return { ...a, unitId };
  // a's seqs (and its lines' parent seqs) shift past b's, so the sub-trees stay as each unit sent them.
  const shift = b.lines.reduce((m, l) => Math.max(m, l.seq + 1), 0);
  const reported: UnitDetail['reported'] = {};
  for (const d of [b, a]) {
    for (const [line, values] of Object.entries(d.reported)) {
      const into = (reported[Number(line)] ??= {});
      for (const [k, v] of Object.entries(values)) into[k] = (into[k] ?? 0) + v;
    }
  }
  return {
    unitId,
    file: b.file === a.file ? b.file : `${b.file} + ${a.file}`,
    received: a.received > b.received ? a.received : b.received,
    reported,
    lines: [...b.lines, ...a.lines.map((l) => ({ ...l, seq: l.seq + shift, parentSeq: l.parentSeq === null ? null : l.parentSeq + shift }))],
  };
}
