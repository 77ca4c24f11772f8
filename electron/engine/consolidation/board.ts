// The consolidation board (issue 16): one row per unit — its status (đã nộp – khớp / lệch so với
// phân bổ / chưa nộp / tệp bị từ chối), the file and when it was merged, its figures beside its
// shares per leaf column, and the differences by line and column. Built from what the plan holds
// (the merged details) with this run's results laid over (files held or refused this time).
import type { Board, BoardUnit, Reason } from '../../../shared/commands/consolidation';
import type { Difference, UnitDetail } from '../../../shared/consolidation/model';
import type { Dong } from '../../../shared/model';
import type { SessionContext } from '../context';
import { holdsFigures } from '../commands/units';
import { unitDifferences, type UnitResult } from './collect';

export interface RunOverlay {
  units: ReadonlyMap<number, UnitResult>;
  refused: ReadonlyMap<number, { file: string; reason: Reason }>;
  /** Units merged in this run (their detail is now the plan's). */
  merged: ReadonlySet<number>;
}

function sumByColumn(cells: Iterable<ReadonlyMap<string, Dong> | Record<string, Dong>>): Record<string, Dong> {
  const out: Record<string, Dong> = {};
  for (const c of cells) for (const [k, v] of c instanceof Map ? c : Object.entries(c)) out[k] = (out[k] ?? 0) + v;
  return out;
}

export function buildBoard(ctx: SessionContext, run?: RunOverlay): Board {
  const order = [...ctx.calc.walk()].map((w) => w.id);
  const codeOf = (id: number) => ctx.calc.lines.get(id)?.code ?? '';
  // Which lines hold figures, decided once for the 3.300 units (not per unit and line).
  const holdsMemo = new Map<number, boolean>();
  const holding = (id: number) => {
    let h = holdsMemo.get(id);
    if (h === undefined) holdsMemo.set(id, (h = holdsFigures(ctx, id)));
    return h;
  };
  const units: BoardUnit[] = [];
  for (const { unit } of ctx.units.ordered()) {
    const shares = ctx.units.unitCells(unit.id);
    const stored: UnitDetail | undefined = ctx.unitDetails.get(unit.id);
    const fresh = run?.units.get(unit.id);
    const refused = run?.refused.get(unit.id);
    // Units that hold nothing and never sent anything are not on the board.
    if (!shares.size && !stored && !fresh && !refused) continue;
    const allocated: Record<string, Dong> = {};
    for (const [lineId, byCol] of shares) if (ctx.calc.lines.has(lineId) && holding(lineId)) for (const [k, v] of byCol) allocated[k] = (allocated[k] ?? 0) + v;
    const base = { unitId: unit.id, name: unit.name, allocated };
    const diffs = (d: Difference[]) => d.map((x) => ({ line: codeOf(x.lineId), lineId: x.lineId, column: x.column, expected: x.expected, actual: x.actual }));
    const live = (reported: UnitDetail['reported']) => Object.entries(reported).filter(([id]) => ctx.calc.lines.has(Number(id))).map(([, v]) => v);
    if (fresh && !run?.merged.has(unit.id)) {
      // Read this time and held (its figures differ): not merged, so no date received.
      units.push({ ...base, status: fresh.differences.length ? 'mismatch' : 'ok', file: fresh.file, received: null, reported: sumByColumn(live(fresh.detail.reported)), differences: diffs(fresh.differences), detailLines: fresh.detail.lines.length, reason: null });
    } else if (stored) {
      const d = unitDifferences(ctx, unit.id, stored.reported, order, holding);
      units.push({ ...base, status: d.length ? 'mismatch' : 'ok', file: stored.file, received: stored.received, reported: sumByColumn(live(stored.reported)), differences: diffs(d), detailLines: stored.lines.filter((l) => ctx.calc.lines.has(l.lineId)).length, reason: null });
    } else if (refused) {
      units.push({ ...base, status: 'refused', file: refused.file, received: null, reported: {}, differences: [], detailLines: 0, reason: refused.reason });
    } else {
      units.push({ ...base, status: 'missing', file: null, received: null, reported: {}, differences: [], detailLines: 0, reason: null });
    }
  }
  return { units, columns: ctx.columns.leaves.map((c) => c.key) };
}
