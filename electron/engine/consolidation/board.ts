// The consolidation board (issue 16): one row per unit — its status (đã nộp – khớp / lệch so với
// phân bổ / chưa nộp / tệp bị từ chối), the file and when it was merged, its figures beside its
// shares per leaf column, and the differences by line and column. Built from what the plan holds
// (the merged details) with this run's results laid over (files held or refused this time).
// 3.300 units × 200 lines in well under a second: a unit's allocation is the totals the UnitBook
// keeps, and a merged unit's comparison with its shares (compare.ts) is kept per open plan and
// worked out again only when its shares (the book's revision of the unit), its figures (a new
// detail set) or the plan's shape (lines, their order, which hold figures, the leaf columns) changed.
import type { Board, BoardUnit, Reason } from '../../../shared/commands/consolidation';
import type { Difference, UnitDetail } from '../../../shared/consolidation/model';
import type { Dong } from '../../../shared/model';
import type { UnitBook } from '../../../shared/units/book';
import type { SessionContext } from '../context';
import type { UnitResult } from './collect';
import { compareBasis, reportedTotals, unitDifferences, type CompareBasis } from './compare';

export interface RunOverlay {
  units: ReadonlyMap<number, UnitResult>;
  refused: ReadonlyMap<number, { file: string; reason: Reason }>;
  /** Units merged in this run (their detail is now the plan's). */
  merged: ReadonlySet<number>;
}

/** A merged unit's comparison, with what it was worked out from. */
interface Kept {
  reported: UnitDetail['reported'];
  revision: number;
  differences: Difference[];
  totals: Record<string, Dong>;
}

/** Per open plan (its UnitBook): the plan's shape the kept comparisons hold for, and each unit's. */
const keptByBook = new WeakMap<UnitBook, { shape: string; units: Map<number, Kept> }>();

/**
 * What a comparison reads of the plan besides the unit's shares and figures: the leaf columns, the
 * lines in display order (a line gone, moved, added) and which lines holding shares hold figures.
 */
function planShape(ctx: SessionContext, basis: CompareBasis): string {
  const held = ctx.units.linesWithShares().filter((id) => ctx.calc.lines.has(id) && basis.holding(id)).sort((x, y) => x - y);
  return `${ctx.columns.leaves.map((c) => c.key).join(',')}|${[...basis.lineRank().keys()].join(',')}|${held.join(',')}`;
}

function countIn<T>(list: readonly T[], ok: (x: T) => boolean): number {
  let n = 0;
  for (const x of list) if (ok(x)) n++;
  return n;
}

export function buildBoard(ctx: SessionContext, run?: RunOverlay): Board {
  const codeOf = (id: number) => ctx.calc.lines.get(id)?.code ?? '';
  const diffs = (d: Difference[]) => d.map((x) => ({ line: codeOf(x.lineId), lineId: x.lineId, column: x.column, expected: x.expected, actual: x.actual }));
  // Which lines hold figures and their order, decided once for the 3.300 units.
  const basis = compareBasis(ctx);
  const { holding } = basis;
  // A unit's allocation is its totals the book keeps. Shares left on lines that do not count (no
  // longer holding figures: children added under them) are rare: the units holding one are summed
  // from their shares instead.
  const book = ctx.units;
  const offLines = new Set<number>();
  for (const id of book.linesWithShares()) if (!ctx.calc.lines.has(id) || !holding(id)) offLines.add(id);
  const summed = new Set<number>();
  for (const id of offLines) for (const column of book.columnsOf(id)) for (const unitId of book.cell(id, column).keys()) summed.add(unitId);
  const allocatedOf = (unitId: number): Record<string, Dong> => {
    if (!summed.has(unitId)) return book.unitTotals(unitId);
    const out: Record<string, Dong> = {};
    for (const [lineId, byCol] of book.unitCells(unitId)) if (!offLines.has(lineId)) for (const [k, v] of byCol) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  // The comparisons kept from the last board hold while the plan's shape is the same.
  const shape = planShape(ctx, basis);
  let kept = keptByBook.get(book);
  if (!kept || kept.shape !== shape) kept = { shape, units: new Map() };
  const keep = new Map<number, Kept>();
  const units: BoardUnit[] = [];
  for (const { unit } of book.ordered()) {
    const stored: UnitDetail | undefined = ctx.unitDetails.get(unit.id);
    const fresh = run?.units.get(unit.id);
    const refused = run?.refused.get(unit.id);
    // Units that hold nothing and never sent anything are not on the board.
    if (!stored && !fresh && !refused && !book.unitCells(unit.id).size) continue;
    const base = { unitId: unit.id, name: unit.name, allocated: allocatedOf(unit.id) };
    if (fresh && !run?.merged.has(unit.id)) {
      // Read this time and held (its figures differ): not merged, so no date received.
      units.push({ ...base, status: fresh.differences.length ? 'mismatch' : 'ok', file: fresh.file, received: null, reported: reportedTotals(ctx, fresh.detail.reported), differences: diffs(fresh.differences), detailLines: fresh.detail.lines.length, reason: null });
    } else if (stored) {
      const revision = book.unitRevision(unit.id);
      let k = kept.units.get(unit.id);
      if (!k || k.reported !== stored.reported || k.revision !== revision) {
        k = { reported: stored.reported, revision, differences: unitDifferences(ctx, unit.id, stored.reported, basis), totals: reportedTotals(ctx, stored.reported) };
      }
      keep.set(unit.id, k);
      const d = k.differences;
      units.push({ ...base, status: d.length ? 'mismatch' : 'ok', file: stored.file, received: stored.received, reported: { ...k.totals }, differences: diffs(d), detailLines: countIn(stored.lines, (l) => ctx.calc.lines.has(l.lineId)), reason: null });
    } else if (refused) {
      units.push({ ...base, status: 'refused', file: refused.file, received: null, reported: {}, differences: [], detailLines: 0, reason: refused.reason });
    } else {
      units.push({ ...base, status: 'missing', file: null, received: null, reported: {}, differences: [], detailLines: 0, reason: null });
    }
  }
  keptByBook.set(book, { shape, units: keep });
  return { units, columns: ctx.columns.leaves.map((c) => c.key) };
}
