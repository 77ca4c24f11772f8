// Consolidation (issue 16): what the units send back. A unit's detail lines — its activities,
// works, communes — each refine ONE plan line (a line that holds figures) for ONE unit, with its own
// code, name, sub-tree and figures per funding-column key. They never change the plan's figures or
// totals: they refine the unit's share, and what the board shows is where a unit's figures differ
// from its shares. A unit's whole detail set is replaced at once (sending again is idempotent).
import type { Dong } from '../model';

/** One detail line of a unit under a plan line. `parentSeq` null: directly under the plan line. */
export interface DetailLine {
  /** Order within the unit's set (0, 1, 2…), also the line's id within the set. */
  seq: number;
  parentSeq: number | null;
  /** The plan line it refines (a line that holds figures). */
  lineId: number;
  code: string;
  name: string;
  /** Figures per funding-column key, integer đồng; absent keys are empty. */
  values: Record<string, Dong>;
}

/** Everything merged from one unit's file: where it came from and its detail lines. */
export interface UnitDetail {
  unitId: number;
  /** The file's name as received (no folder: folders differ between machines). */
  file: string;
  /** When the file was merged (ISO 8601). */
  received: string;
  /**
   * The unit's figures per plan line (by id) and leaf column key as its file gave them — its detail's
   * sum where it has detail, else the line's own figure: what is compared with its shares.
   */
  reported: Record<number, Record<string, Dong>>;
  lines: DetailLine[];
}

export type UnitStatus = 'ok' | 'mismatch' | 'missing' | 'refused';
export type FileStatus = 'merged' | 'held' | 'refused';

/** One cell where a unit's figure is not its share: expected = the share, actual = the unit's figure. */
export interface Difference {
  lineId: number;
  column: string;
  expected: Dong;
  actual: Dong;
}

/** A unit's reported figures as maps (line id → column → đồng). */
export function reportedMap(d: Pick<UnitDetail, 'reported'>): Map<number, Map<string, Dong>> {
  return new Map(Object.entries(d.reported).map(([id, v]) => [Number(id), new Map(Object.entries(v))]));
}

/** The sum of a unit's top-level detail lines per plan line and column (what the detail says the unit spends). */
export function detailSums(d: UnitDetail): Map<number, Map<string, Dong>> {
  const out = new Map<number, Map<string, Dong>>();
  for (const l of d.lines) {
    if (l.parentSeq !== null) continue;
    let m = out.get(l.lineId);
    if (!m) out.set(l.lineId, (m = new Map()));
    for (const [k, v] of Object.entries(l.values)) m.set(k, (m.get(k) ?? 0) + v);
  }
  return out;
}

/**
 * The cells where `actual` (the unit's figures by line and column) differs from `expected` (its
 * shares), over the given leaf columns; a cell absent on one side counts as 0. Ordered by the
 * `order` of lines given (the plan's display order), then by column order.
 */
export function differences(
  expected: ReadonlyMap<number, ReadonlyMap<string, Dong>>,
  actual: ReadonlyMap<number, ReadonlyMap<string, Dong>>,
  columns: readonly string[],
  order: readonly number[],
): Difference[] {
  const lines = new Set<number>([...expected.keys(), ...actual.keys()]);
  const out: Difference[] = [];
  const rank = new Map(order.map((id, i) => [id, i]));
  const sorted = [...lines].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a - b);
  for (const lineId of sorted) {
    const e = expected.get(lineId);
    const a = actual.get(lineId);
    for (const column of columns) {
      const ev = e?.get(column) ?? 0;
      const av = a?.get(column) ?? 0;
      if (ev !== av) out.push({ lineId, column, expected: ev, actual: av });
    }
  }
  return out;
}

/** A unit's detail without the figures on `keys` (a funding column removed takes them along). */
export function withoutColumns(d: UnitDetail, keys: ReadonlySet<string>): UnitDetail {
  const keep = (v: Record<string, Dong>) => Object.fromEntries(Object.entries(v).filter(([k]) => !keys.has(k)));
  return {
    ...d,
    reported: Object.fromEntries(Object.entries(d.reported).map(([id, v]) => [id, keep(v)])),
    lines: d.lines.map((l) => ({ ...l, values: Object.fromEntries(Object.entries(l.values).filter(([k]) => !keys.has(k))) })),
  };
}

/** In-memory mirror of the cycle's merged unit details (the session keeps it beside the UnitBook). */
export class DetailBook {
  private readonly byUnit = new Map<number, UnitDetail>();

  constructor(details: readonly UnitDetail[] = []) {
    for (const d of details) this.byUnit.set(d.unitId, d);
  }

  get(unitId: number): UnitDetail | undefined {
    return this.byUnit.get(unitId);
  }

  set(unitId: number, d: UnitDetail | null): void {
    if (d) this.byUnit.set(unitId, d);
    else this.byUnit.delete(unitId);
  }

  all(): UnitDetail[] {
    return [...this.byUnit.values()];
  }

  get size(): number {
    return this.byUnit.size;
  }
}
