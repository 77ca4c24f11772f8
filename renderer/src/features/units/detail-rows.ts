// A unit's merged detail in the allocation view (issue 16): a unit whose file was merged can be
// expanded (▸ in its cell) to read-only sub-rows under it, one per detail line, each with its
// figures under the plan line it refines. The detail refines the unit's share: its rows are never
// typed into, never written by the editor and never counted in the view's sums (those read shares).
// Sub-rows are built only for expanded units, so 3.300 units × 200 lines stay as fast as before;
// which units are expanded is kept here across patches and reloads (by unit id).
import type { DetailRow } from '../../../../shared/commands/consolidation';
import type { UnitRow } from '../../../../shared/commands/units';
import type { Dong } from '../../../../shared/model';
import type { AllocCol } from './alloc-model';

/** A row of the grid: a unit, or a detail line under its unit (`detail` set). */
export type DisplayRow = UnitRow & { detail?: { unitId: number; row: DetailRow } };

/** Ids of detail rows: far below the pinned summary rows' (-1…-3), never a unit's. */
const DETAIL_BASE = -1_000_000;
export const isDetailId = (id: number): boolean => id <= DETAIL_BASE;

/** A detail row's figure in a column: its value on the column's parts when it refines the column's line; null elsewhere. */
export function detailValue(row: DetailRow, col: AllocCol): Dong | null {
  if (row.lineId !== col.lineId) return null;
  let sum: number | null = null;
  for (const p of col.parts) {
    const v = row.values[p];
    if (v !== undefined) sum = (sum ?? 0) + v;
  }
  return sum;
}

/** A detail row's total over the columns shown (the view of one funding column). */
export function detailTotal(row: DetailRow, cols: readonly AllocCol[]): Dong | null {
  let sum: number | null = null;
  for (const c of cols) {
    const v = detailValue(row, c);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

export class DetailRows {
  /** Units with merged detail (how many lines), as the engine's board says. */
  private counts = new Map<number, number>();
  /** Units expanded by the officer: kept across patches, reloads and modes. */
  readonly expanded = new Set<number>();
  /** Fetched detail rows of expanded units. */
  private rows = new Map<number, DetailRow[]>();

  /** Which units have merged detail (unit id → detail lines); an expanded unit without any is closed. Whether that changed anything. */
  setCounts(counts: ReadonlyMap<number, number>): boolean {
    const next = new Map([...counts].filter(([, n]) => n > 0));
    const same = next.size === this.counts.size && [...next].every(([id, n]) => this.counts.get(id) === n);
    this.counts = next;
    for (const id of [...this.expanded]) if (!this.counts.has(id)) this.collapse(id);
    return !same;
  }

  hasDetail(unitId: number): boolean {
    return this.counts.has(unitId);
  }

  isExpanded(unitId: number): boolean {
    return this.expanded.has(unitId);
  }

  /** Open a unit with the rows fetched for it (a unit without detail stays closed). */
  expand(unitId: number, rows: readonly DetailRow[]): void {
    if (!this.counts.has(unitId)) return;
    this.expanded.add(unitId);
    this.rows.set(unitId, [...rows]);
  }

  collapse(unitId: number): void {
    this.expanded.delete(unitId);
    this.rows.delete(unitId);
  }

  /** The grid's rows: the units in order, each expanded unit followed by its detail lines (depth under it). */
  display(units: readonly UnitRow[]): DisplayRow[] {
    if (!this.expanded.size) return units as DisplayRow[];
    const out: DisplayRow[] = [];
    let next = DETAIL_BASE;
    for (const u of units) {
      out.push(u);
      const rows = this.expanded.has(u.id) ? this.rows.get(u.id) : undefined;
      if (!rows) continue;
      // A detail line's depth under its unit: one more per detail parent.
      const depthOf = new Map<number, number>();
      for (const r of rows) {
        const depth = (r.parentSeq === null ? 0 : (depthOf.get(r.parentSeq) ?? 0) + 1);
        depthOf.set(r.seq, depth);
        out.push({
          id: next--,
          parentId: u.id,
          position: r.seq,
          name: r.name,
          code: r.code,
          kind: u.kind,
          depth: u.depth + 1 + depth,
          detail: { unitId: u.id, row: r },
        } as DisplayRow);
      }
    }
    return out;
  }
}
