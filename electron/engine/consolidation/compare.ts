// A unit's figures compared with its shares (issue 16): the cells where what the unit reported per
// plan line and leaf column is not its share. Asked once per file when collecting and once per unit
// that reported whenever the board is built — 3.300 units × 200 lines — so what every unit's
// comparison shares (which lines hold figures, the display order, the leaf columns) is prepared
// once per board, and a unit's comparison walks its shares by number without making an object per
// figure: on a heap holding the plan's 660.000 shares, garbage made per figure (entry pairs, keys
// as strings) cost more in collections than the comparing itself (~190 MB per board, 0,3 s).
import type { Difference, UnitDetail } from '../../../shared/consolidation/model';
import type { Dong } from '../../../shared/model';
import type { SessionContext } from '../context';
import { holdsFigures } from '../commands/units';

type Ctx = Pick<SessionContext, 'units' | 'calc' | 'columns'>;
type Reported = UnitDetail['reported'];

/** What every unit's comparison against the same plan shares: prepared once per board or collection. */
export interface CompareBasis {
  /** Whether a line holds figures (memoised: decided once per line, not per unit and line). */
  holding: (lineId: number) => boolean;
  /** Leaf column key → its place in display order. */
  leafRank: ReadonlyMap<string, number>;
  /** Line id → its place in display order; made on the first unit with two differences or more. */
  lineRank: () => ReadonlyMap<number, number>;
}

export function compareBasis(ctx: Pick<SessionContext, 'calc' | 'columns'>): CompareBasis {
  const memo = new Map<number, boolean>();
  let rank: Map<number, number> | null = null;
  return {
    holding: (id) => {
      let h = memo.get(id);
      if (h === undefined) memo.set(id, (h = holdsFigures(ctx, id)));
      return h;
    },
    leafRank: new Map(ctx.columns.leaves.map((c, i) => [c.key, i])),
    lineRank: () => (rank ??= new Map([...ctx.calc.walk()].map((w, i) => [w.id, i]))),
  };
}

/** What is read of a unit's figures on every board, worked out once per set of figures. */
interface ReportedSummary {
  /** The plan lines it gives figures for. */
  lineIds: Float64Array;
  /** Its figures summed per column over all those lines. */
  totals: Record<string, Dong>;
}

// A unit's figures are never changed in place (a unit_detail action replaces the whole set), so the
// summary of one figures object holds as long as the object does.
const summaries = new WeakMap<Reported, ReportedSummary>();

function summary(reported: Reported): ReportedSummary {
  let s = summaries.get(reported);
  if (s) return s;
  const ids: number[] = [];
  const totals: Record<string, Dong> = {};
  for (const id in reported) {
    ids.push(Number(id));
    const rep = reported[id];
    for (const k in rep) totals[k] = (totals[k] ?? 0) + rep[k];
  }
  summaries.set(reported, (s = { lineIds: Float64Array.from(ids), totals }));
  return s;
}

/** A unit's figures summed per column over the plan's lines (a deleted line's left out). */
export function reportedTotals(ctx: Pick<SessionContext, 'calc'>, reported: Reported): Record<string, Dong> {
  const s = summary(reported);
  const lines = ctx.calc.lines;
  let gone = false;
  for (let i = 0; i < s.lineIds.length && !gone; i++) gone = !lines.has(s.lineIds[i]);
  if (!gone) return { ...s.totals };
  const out: Record<string, Dong> = {};
  for (const id in reported) {
    if (!lines.has(Number(id))) continue;
    const rep = reported[id];
    for (const k in rep) out[k] = (out[k] ?? 0) + rep[k];
  }
  return out;
}

/**
 * The differences of a unit's reported figures from its shares, read straight from the book's maps,
 * in display order of lines, then of columns. Same result as model.ts's `differences` over the leaf
 * columns and the lines that hold figures: a cell is compared where either side holds a figure; a
 * figure reported on a plan line that holds none differs from 0; lines no longer in the plan are
 * left out. The unit's shares are walked once; its figures are walked apart only when it reports
 * on a line it holds no share of.
 */
export function unitDifferences(ctx: Ctx, unitId: number, reported: Reported, basis: CompareBasis = compareBasis(ctx)): Difference[] {
  const { holding, leafRank } = basis;
  const lines = ctx.calc.lines;
  const out: Difference[] = [];
  const againstZero = (lineId: number, rep: Record<string, Dong>) => {
    for (const k in rep) if (rep[k] !== 0 && leafRank.has(k)) out.push({ lineId, column: k, expected: 0, actual: rep[k] });
  };
  const cells = ctx.units.unitCells(unitId);
  // Map.forEach with callbacks made once per unit: no iterator result or entry pair per figure,
  // even before the code is optimised (the board's first build after opening the file).
  let lineId = 0;
  let rep: Record<string, Dong> | undefined;
  let reportedSeen = 0;
  const share = (ev: Dong, k: string) => {
    if (!leafRank.has(k)) return;
    const av = rep?.[k] ?? 0;
    if (ev !== av) out.push({ lineId, column: k, expected: ev, actual: av });
  };
  cells.forEach((cols, id) => {
    lineId = id;
    rep = reported[id];
    if (rep !== undefined) reportedSeen++;
    if (!lines.has(id)) return;
    if (!holding(id)) {
      if (rep !== undefined) againstZero(id, rep);
      return;
    }
    cols.forEach(share);
    if (rep !== undefined) for (const k in rep) if (rep[k] !== 0 && !cols.has(k) && leafRank.has(k)) out.push({ lineId, column: k, expected: 0, actual: rep[k] });
  });
  if (reportedSeen < summary(reported).lineIds.length) {
    // Figures on lines the unit holds no share of: each differs from 0.
    for (const id in reported) {
      const n = Number(id);
      if (!cells.has(n) && lines.has(n)) againstZero(n, reported[id]);
    }
  }
  if (out.length > 1) {
    const rank = basis.lineRank();
    out.sort((a, b) => (rank.get(a.lineId) ?? Infinity) - (rank.get(b.lineId) ?? Infinity) || a.lineId - b.lineId || leafRank.get(a.column)! - leafRank.get(b.column)!);
  }
  return out;
}
