// The shares of the cells one allocation view shows, held as the engine's view packs them: per
// column one Float64Array in the units' order (NaN where a unit holds none), plus the units' sum per
// column. Decoding 660.000 packed shares is one pass over number arrays — no object, key string or
// map entry per share (a UnitBook took seconds to fill for 3.300 units × 200 lines, keyed objects
// hundreds of milliseconds); a lookup is two map reads and an array read. A unit the view did not
// have (added since) takes the next position. Cells outside the view (another funding column's
// shares in a patch) are not kept: the view re-reads when it shows other cells.
import type { AllocationView } from '../../../../shared/commands/units';
import type { Dong, Share } from '../../../../shared/model';

/** What the allocation view reads: a unit's share of a cell and the units' sum there. */
export interface ShareReader {
  share(unitId: number, lineId: number, column: string): Dong | null;
  sum(lineId: number, column: string): Dong;
}

export class ShareTable implements ShareReader {
  /** lineId → column → the cell's slot (only cells the view shows that take shares). */
  private readonly slots = new Map<number, Map<string, number>>();
  private readonly cellOf: { lineId: number; column: string }[] = [];
  /** Per slot, the shares by unit position (NaN: none). */
  private values: Float64Array[] = [];
  private readonly sums: number[] = [];
  private readonly position = new Map<number, number>();
  private readonly unitAt: number[] = [];
  private capacity = 0;

  constructor(view?: AllocationView) {
    if (!view) return;
    view.unitIds.forEach((u, i) => {
      this.position.set(u, i);
      this.unitAt.push(u);
    });
    this.capacity = Math.max(16, view.unitIds.length);
    // Only cells that take shares: a group column's figure is the sum of its parts, read through them.
    // Unpacked here in one loop per column (as unpackShares does, without a call per share): an
    // opening decodes once, cold, and 660.000 calls through a closure took 80–130 ms there against
    // ~55 ms for the loop (Node 22, a loaded 2-core machine).
    view.columns.forEach((c, i) => {
      if (!c.editable) return;
      const slot = this.addSlot(c.lineId, c.column);
      const col = this.values[slot];
      const { scale, at, values } = view.shares[i];
      let sum = 0;
      let pos = 0;
      for (let k = 0; k < values.length; k++) {
        pos = at ? pos + at[k] : k;
        const v = values[k] * scale;
        col[pos] = v;
        sum += v;
      }
      this.sums[slot] = sum;
    });
  }

  private addSlot(lineId: number, column: string): number {
    let m = this.slots.get(lineId);
    if (!m) this.slots.set(lineId, (m = new Map()));
    const slot = this.cellOf.length;
    m.set(column, slot);
    this.cellOf.push({ lineId, column });
    this.values.push(new Float64Array(this.capacity).fill(NaN));
    this.sums.push(0);
    return slot;
  }

  private slotOf(lineId: number, column: string): number | undefined {
    return this.slots.get(lineId)?.get(column);
  }

  /** A unit's position, given the next one if the view did not have it (the arrays grow by doubling). */
  private positionOf(unitId: number): number {
    let pos = this.position.get(unitId);
    if (pos !== undefined) return pos;
    pos = this.unitAt.length;
    this.position.set(unitId, pos);
    this.unitAt.push(unitId);
    if (pos >= this.capacity) {
      this.capacity *= 2;
      this.values = this.values.map((old) => {
        const grown = new Float64Array(this.capacity).fill(NaN);
        grown.set(old);
        return grown;
      });
    }
    return pos;
  }

  /** Whether the view shows this cell. */
  has(lineId: number, column: string): boolean {
    return this.slotOf(lineId, column) !== undefined;
  }

  share(unitId: number, lineId: number, column: string): Dong | null {
    const slot = this.slotOf(lineId, column);
    const pos = this.position.get(unitId);
    if (slot === undefined || pos === undefined) return null;
    const v = this.values[slot][pos];
    return Number.isNaN(v) ? null : v;
  }

  sum(lineId: number, column: string): Dong {
    const slot = this.slotOf(lineId, column);
    return slot === undefined ? 0 : this.sums[slot];
  }

  /** Set or clear (null) a share of a cell the view shows (others are ignored). */
  setShare(unitId: number, lineId: number, column: string, value: Dong | null): void {
    const slot = this.slotOf(lineId, column);
    if (slot === undefined) return;
    if (value === null && !this.position.has(unitId)) return;
    const pos = this.positionOf(unitId);
    const col = this.values[slot];
    const old = Number.isNaN(col[pos]) ? 0 : col[pos];
    col[pos] = value ?? NaN;
    this.sums[slot] += (value ?? 0) - old;
  }

  /** A unit's shares among the cells shown. */
  sharesOfUnit(unitId: number): Share[] {
    const pos = this.position.get(unitId);
    if (pos === undefined) return [];
    const out: Share[] = [];
    this.values.forEach((col, slot) => {
      if (!Number.isNaN(col[pos])) out.push({ unitId, lineId: this.cellOf[slot].lineId, column: this.cellOf[slot].column, value: col[pos] });
    });
    return out;
  }

  /** Every share among the cells shown. */
  allShares(): Share[] {
    return this.unitAt.flatMap((u) => this.sharesOfUnit(u));
  }
}
