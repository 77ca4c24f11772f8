// The shares of the cells one allocation view shows, held as the engine's view sent them: per unit,
// the row's `values` object keyed by the view's column ids, plus the units' sum per column. Taking
// the parsed rows as they are costs nothing per share, where filling a UnitBook (two nested indexes
// and a string-keyed sum per share) took seconds for 3.300 units × 200 lines; a lookup is two map
// reads and a property read. Cells outside the view (another funding column's shares in a patch)
// are not kept: the view re-reads when it shows other cells. Implements the reads the grid needs.
import type { AllocationView } from '../../../../shared/commands/units';
import type { Dong, Share } from '../../../../shared/model';

/** What the allocation view reads: a unit's share of a cell and the units' sum there. */
export interface ShareReader {
  share(unitId: number, lineId: number, column: string): Dong | null;
  sum(lineId: number, column: string): Dong;
}

export class ShareTable implements ShareReader {
  /** lineId → column → the view's column id (only cells the view shows that take shares). */
  private readonly ids = new Map<number, Map<string, string>>();
  private readonly cellOf = new Map<string, { lineId: number; column: string }>();
  private readonly byUnit = new Map<number, Record<string, Dong>>();
  private readonly sums = new Map<string, Dong>();

  constructor(view?: AllocationView) {
    if (!view) return;
    // Only cells that take shares: a group column's figure is the sum of its parts, read through them.
    for (const c of view.columns) {
      if (!c.editable) continue;
      let m = this.ids.get(c.lineId);
      if (!m) this.ids.set(c.lineId, (m = new Map()));
      m.set(c.column, c.id);
      this.cellOf.set(c.id, { lineId: c.lineId, column: c.column });
    }
    for (const row of view.rows) {
      this.byUnit.set(row.unitId, row.values);
      for (const id in row.values) this.sums.set(id, (this.sums.get(id) ?? 0) + row.values[id]);
    }
  }

  private idOf(lineId: number, column: string): string | undefined {
    return this.ids.get(lineId)?.get(column);
  }

  /** Whether the view shows this cell. */
  has(lineId: number, column: string): boolean {
    return this.idOf(lineId, column) !== undefined;
  }

  share(unitId: number, lineId: number, column: string): Dong | null {
    const id = this.idOf(lineId, column);
    if (id === undefined) return null;
    return this.byUnit.get(unitId)?.[id] ?? null;
  }

  sum(lineId: number, column: string): Dong {
    const id = this.idOf(lineId, column);
    return id === undefined ? 0 : (this.sums.get(id) ?? 0);
  }

  /** Set or clear (null) a share of a cell the view shows (others are ignored). */
  setShare(unitId: number, lineId: number, column: string, value: Dong | null): void {
    const id = this.idOf(lineId, column);
    if (id === undefined) return;
    let values = this.byUnit.get(unitId);
    if (!values) {
      if (value === null) return;
      this.byUnit.set(unitId, (values = {}));
    }
    const old = values[id] ?? 0;
    if (value === null) delete values[id];
    else values[id] = value;
    this.sums.set(id, (this.sums.get(id) ?? 0) - old + (value ?? 0));
  }

  /** A unit's shares among the cells shown. */
  sharesOfUnit(unitId: number): Share[] {
    const values = this.byUnit.get(unitId);
    if (!values) return [];
    const out: Share[] = [];
    for (const id in values) {
      const c = this.cellOf.get(id);
      if (c) out.push({ unitId, lineId: c.lineId, column: c.column, value: values[id] });
    }
    return out;
  }

  /** Every share among the cells shown. */
  allShares(): Share[] {
    return [...this.byUnit.keys()].flatMap((u) => this.sharesOfUnit(u));
  }
}
