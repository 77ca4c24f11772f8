// The window's copy of the units and their shares for the allocation view: loaded from the engine
// (units/list, units/view) and then kept current from every Patch's `units` delta — the view's own
// edits, undo and redo from the Edit menu, merges and criteria from the dialogs alike — so the view
// never re-reads 3.300 units after an edit. An edit is shown here before the engine answers (as the
// plan grid shows its totals ahead); the engine's patch then sets the same figures, or a refusal
// reloads. Which lines take shares is the engine's word (its view's `editable`).
import type { CommandArgs, PlanDeskBridge } from '../../../../shared/ipc';
import type { AllocationView, UnitRow } from '../../../../shared/commands/units';
import type { Dong } from '../../../../shared/model';
import { UnitBook, type UnitsDelta } from '../../../../shared/units/book';
import type { AllocMode } from './alloc-model';
import { ShareTable } from './share-table';

export type ViewChange =
  | { kind: 'loaded' }
  /** Shares changed on these units (null: on units not known here: refresh all). */
  | { kind: 'shares'; unitIds: number[]; columns: string[] }
  /** Units added, removed, renamed or moved: the rows are rebuilt. */
  | { kind: 'units' };

export const modeArgs = (mode: AllocMode): CommandArgs<'units/view'> => (mode.kind === 'column' ? { column: mode.column } : { lineId: mode.lineId });

export class AllocationData {
  /** The units (their tree); their shares of the cells shown are in `shares`. */
  book = new UnitBook();
  shares = new ShareTable();
  /** Units in tree order with their depth (rebuilt when units change). */
  rows: UnitRow[] = [];
  /** Units that have sub-units (shown bold). */
  parents = new Set<number>();
  /** The engine's columns of the view loaded, by `${lineId}|${column}`: which cells take shares. */
  columns = new Map<string, AllocationView['columns'][number]>();
  mode: AllocMode | null = null;
  loadId = 0;
  private listeners = new Set<(c: ViewChange) => void>();

  async load(bridge: PlanDeskBridge, mode: AllocMode): Promise<void> {
    const id = ++this.loadId;
    const [list, view] = await Promise.all([bridge.invoke('units/list', {}), bridge.invoke('units/view', modeArgs(mode))]);
    if (id !== this.loadId) return;
    this.fill(list.units, view, mode);
  }

  /** Take a list and a view as the engine gave them. */
  fill(units: readonly UnitRow[], view: AllocationView, mode: AllocMode): void {
    this.book = new UnitBook(units);
    this.shares = new ShareTable(view);
    this.columns = new Map(view.columns.map((c) => [`${c.lineId}|${c.column}`, c]));
    this.mode = mode;
    this.order();
    this.emit({ kind: 'loaded' });
  }

  /** Whether the engine takes shares on this line and column. */
  editable(lineId: number, column: string): boolean {
    return this.columns.get(`${lineId}|${column}`)?.editable ?? false;
  }

  /** A share shown ahead of the engine's answer. */
  preview(cells: readonly { unitId: number; lineId: number; column: string; value: Dong | null }[]): void {
    for (const c of cells) this.shares.setShare(c.unitId, c.lineId, c.column, c.value);
    this.emit({ kind: 'shares', unitIds: [...new Set(cells.map((c) => c.unitId))], columns: [...new Set(cells.map((c) => `${c.lineId}|${c.column}`))] });
  }

  /** A patch's units delta (every command's, whoever sent it). */
  apply(d: UnitsDelta | undefined): void {
    if (!d) return;
    const unitsChanged = d.upsert.length > 0 || d.removed.length > 0;
    for (const u of d.upsert) this.book.putUnit(u);
    for (const id of d.removed) {
      // A removed unit's shares go with it (the delta names them too; a stale one must not stay in the sums).
      for (const s of this.shares.sharesOfUnit(id)) this.shares.setShare(id, s.lineId, s.column, null);
      this.book.removeUnit(id);
    }
    for (const s of d.shares) this.shares.setShare(s.unitId, s.lineId, s.column, s.value);
    if (unitsChanged) {
      this.order();
      this.emit({ kind: 'units' });
    } else if (d.shares.length) {
      this.emit({ kind: 'shares', unitIds: [...new Set(d.shares.map((s) => s.unitId))], columns: [...new Set(d.shares.map((s) => `${s.lineId}|${s.column}`))] });
    }
  }

  private order(): void {
    this.rows = this.book.ordered().map(({ unit, depth }) => ({ ...unit, depth }));
    this.parents = new Set(this.rows.map((u) => u.parentId).filter((p): p is number => p !== null));
  }

  subscribe(l: (c: ViewChange) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(c: ViewChange): void {
    for (const l of this.listeners) l(c);
  }
}

/** The window's one copy (a window holds one plan). */
export const allocationData = new AllocationData();
