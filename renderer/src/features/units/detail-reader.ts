// Keeps the allocation view's merged detail (DetailRows) current from the engine: which units have
// detail (the consolidation board's counts) and the rows of the units expanded. Read once per file
// load and again only after a patch that says unit details changed (Patch.details): the board of
// 3.300 units costs the engine more than a second, and a plan edit, a share typed, a unit added or
// another funding column shown changes no detail (nor does a switch of the view's mode).
import type { PlanDeskBridge } from '../../../../shared/ipc';
import type { Patch } from '../../../../shared/protocol';
import type { DetailRows } from './detail-rows';

export class DetailReader {
  /** The latest read (an older one that answers late is dropped). */
  private seq = 0;
  /** The file load the details were read for. */
  private readFor: number | null = null;

  constructor(
    private readonly bridge: Pick<PlanDeskBridge, 'invoke'>,
    private readonly details: DetailRows,
    /** The rows to show changed (counts or an expanded unit's rows). */
    private readonly changed: () => void,
    private readonly failed: (err: unknown) => void,
  ) {}

  /** The view shows this load of the file: read unless already read for it. */
  ensure(loadId: number): Promise<void> {
    if (this.readFor === loadId) return Promise.resolve();
    this.readFor = loadId;
    return this.read();
  }

  /** A patch was applied: read again when it changed some unit's merged detail. */
  onPatch(p: Patch): Promise<void> {
    return p.details?.length ? this.read() : Promise.resolve();
  }

  private async read(): Promise<void> {
    const id = ++this.seq;
    try {
      const board = await this.bridge.invoke('consolidation/board', {});
      if (id !== this.seq) return;
      let changed = this.details.setCounts(new Map(board.units.map((u) => [u.unitId, u.detailLines])));
      const open = [...this.details.expanded];
      const read = await Promise.all(open.map((unitId) => this.bridge.invoke('consolidation/detail', { unitId })));
      if (id !== this.seq) return;
      read.forEach((d) => this.details.expand(d.unitId, d.rows));
      changed ||= read.length > 0;
      if (changed) this.changed();
    } catch (err) {
      this.failed(err);
    }
  }
}
