// What the allocation grid does with its cells, as the plan grid does with its own: type a share,
// paste a units × lines block copied from Excel (read as the plan's paste reads numbers, refused
// whole when a cell cannot be read), fill down (Ctrl+D), fill the selection (Ctrl+Enter), clear
// (Delete), copy. Each is ONE `units/setShares` command — one undo step — sent through one ordered
// queue (two quick edits must reach the engine in the order typed). The cells are shown at once
// (AllocationData.preview); the engine's patch then confirms them, or a refusal reloads the view.
import { planPaste, tileBlock, type PasteColumn } from '../../../../shared/clipboard/paste';
import { padRows, writeTsv } from '../../../../shared/clipboard/tsv';
import type { Translate } from '../../../../shared/i18n';
import type { Patch, PlanDeskBridge } from '../../../../shared/ipc';
import type { UnitRow } from '../../../../shared/commands/units';
import type { DisplayUnit, Dong } from '../../../../shared/model';
import { parseEntry } from '../../../../shared/formula';
import { formatAmount, type NumberLocale } from '../../../../shared/number';
import { BridgeFailure } from '../../bridge';
import type { Rect } from '../../grid/selection';
import type { AllocationData } from './alloc-data';
import { isDetailId } from './detail-rows';
import { unitValue, type AllocCol } from './alloc-model';
import { CommandQueue } from '../../grid/command-queue';

export interface ShareCell {
  unitId: number;
  lineId: number;
  column: string;
  value: Dong | null;
}

/** The table as shown: units in display order × the columns shown. */
export interface AllocTable {
  units: readonly UnitRow[];
  cols: readonly AllocCol[];
}

export interface AllocEditorHost {
  readonly bridge: PlanDeskBridge;
  readonly data: AllocationData;
  readonly t: Translate;
  tStored(key: string, params?: Readonly<Record<string, unknown>>): string;
  message(text: string, kind?: 'error' | 'info'): void;
  /** Apply the engine's patch to the window (store, plan grid, this view through its units delta). */
  applyPatch(p: Patch): Promise<void> | void;
  /** Re-read the view after a refusal (what was shown ahead is withdrawn). */
  reload(): Promise<void>;
  readOnly(): boolean;
  unit(): DisplayUnit;
  locale(): NumberLocale;
}

type Label = 'edit' | 'paste' | 'fill' | 'clear';

/** Cells named in a message before "… and N more". */
const NAMED = 3;

export class AllocEditor {
  private readonly queue = new CommandQueue();

  constructor(private readonly host: AllocEditorHost) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.queue.run(fn);
  }

  /** Resolves once every command sent so far has been answered. */
  idle(): Promise<unknown> {
    return this.queue.idle();
  }

  /** One typed cell (text as typed: a number or a simple formula in the plan's unit). */
  typeCell(unit: UnitRow, col: AllocCol, text: string): Promise<void> {
    const { t } = this.host;
    if (this.refuseReadOnly()) return Promise.resolve();
    if (!col.editable) {
      this.host.message(t('alloc.edit.notHere'), 'error');
      return Promise.resolve();
    }
    const parsed = parseEntry(text, this.host.unit(), this.host.locale());
    if (!parsed.ok) {
      this.host.message(t(`input.${parsed.error}`, { text: text.trim() }), 'error');
      return Promise.resolve();
    }
    return this.write([{ unitId: unit.id, lineId: col.lineId, column: col.column, value: parsed.value }], 'edit');
  }

  /** Paste a block (clipboard TSV, or an HTML table's cells) with its top left at the selection's. */
  paste(table: AllocTable, rect: Rect, block0: string[][], multi: boolean): Promise<void> {
    const { t } = this.host;
    if (this.refuseReadOnly()) return Promise.resolve();
    let block = padRows(block0);
    if (block.length === 0 || block[0].length === 0) {
      this.host.message(t('editing.paste.empty'), 'error');
      return Promise.resolve();
    }
    if (multi) block = tileBlock(block, { rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 });
    const rows = table.units.slice(rect.top, rect.top + block.length).map((u) => ({ id: u.id, hasChildren: false }));
    const cols = table.cols.slice(rect.left);
    const pasteCols: PasteColumn[] = cols.map((c) => ({ kind: 'amount', key: c.id, isLeaf: c.editable }));
    const plan = planPaste(block, rows, pasteCols, { unit: this.host.unit(), locale: this.host.locale() });
    if (plan.issues.length) {
      const named = plan.issues.slice(0, NAMED).map((i) => `${this.cellLabel(table.units[rect.top + i.row], cols[i.col])} “${i.text}”`);
      const more = plan.issues.length > NAMED ? t('editing.more', { count: plan.issues.length - NAMED }) : '';
      this.host.message(t('editing.paste.refused', { count: plan.issues.length, cells: named.join('; ') + more, locale: this.host.locale() }), 'error');
      return Promise.resolve();
    }
    const byId = new Map(cols.map((c) => [c.id, c]));
    const cells = plan.amounts.map((a) => {
      const c = byId.get(a.column)!;
      return { unitId: a.lineId, lineId: c.lineId, column: c.column, value: a.value };
    });
    const notes: string[] = [];
    if (plan.totals.length) notes.push(t('alloc.paste.skipped', { count: plan.totals.length }));
    if (plan.rowsOutside) notes.push(t('alloc.paste.rowsOutside', { count: plan.rowsOutside }));
    if (plan.colsOutside) notes.push(t('editing.paste.colsOutside', { count: plan.colsOutside }));
    if (!cells.length) {
      this.host.message(notes.join(' ') || t('editing.paste.empty'), 'error');
      return Promise.resolve();
    }
    return this.write(cells, 'paste', notes);
  }

  /** Delete: clear the selected shares. */
  clear(table: AllocTable, rect: Rect): Promise<void> {
    if (this.refuseReadOnly()) return Promise.resolve();
    const cells: ShareCell[] = [];
    this.each(table, rect, (u, c) => {
      if (c.editable && this.host.data.shares.share(u.id, c.lineId, c.column) !== null) cells.push({ unitId: u.id, lineId: c.lineId, column: c.column, value: null });
    });
    return cells.length ? this.write(cells, 'clear') : Promise.resolve();
  }

  /** Ctrl+D: the top row of the selection copied down over the rest (one row: the row above it). */
  fillDown(table: AllocTable, rect: Rect): Promise<void> {
    if (this.refuseReadOnly()) return Promise.resolve();
    const source = rect.top === rect.bottom ? rect.top - 1 : rect.top;
    const from = table.units[source];
    if (source < 0 || !from) {
      this.host.message(this.host.t('editing.fill.needRows'), 'error');
      return Promise.resolve();
    }
    const first = rect.top === rect.bottom ? rect.top : rect.top + 1;
    const cells: ShareCell[] = [];
    this.each(table, { ...rect, top: first }, (u, c) => {
      if (c.editable) cells.push({ unitId: u.id, lineId: c.lineId, column: c.column, value: this.host.data.shares.share(from.id, c.lineId, c.column) });
    });
    return cells.length ? this.write(cells, 'fill') : Promise.resolve();
  }

  /** Ctrl+Enter: one value in every selected cell (typed, or the active cell's). */
  fillSelection(table: AllocTable, rect: Rect, text: string): Promise<void> {
    if (this.refuseReadOnly()) return Promise.resolve();
    const parsed = parseEntry(text, this.host.unit(), this.host.locale());
    if (!parsed.ok) {
      this.host.message(this.host.t(`input.${parsed.error}`, { text: text.trim() }), 'error');
      return Promise.resolve();
    }
    const cells: ShareCell[] = [];
    this.each(table, rect, (u, c) => {
      if (c.editable) cells.push({ unitId: u.id, lineId: c.lineId, column: c.column, value: parsed.value });
    });
    return cells.length ? this.write(cells, 'fill') : Promise.resolve();
  }

  /** The selection as Excel reads it: TSV of the figures as shown. */
  copy(table: AllocTable, rect: Rect): string {
    const rows: string[][] = [];
    for (let i = rect.top; i <= rect.bottom; i++) {
      const u = table.units[i];
      const row: string[] = [];
      for (let j = rect.left; j <= rect.right; j++) {
        const c = table.cols[j];
        row.push(u && c ? formatAmount(unitValue(this.host.data.shares, u.id, c), this.host.unit(), this.host.locale()) : '');
      }
      rows.push(row);
    }
    return writeTsv(rows);
  }

  /** Write cells: shown at once, then one command in the queue; the engine's answer confirms or withdraws. */
  write(cells: ShareCell[], label: Label, notes: string[] = []): Promise<void> {
    // A unit's merged detail rows (issue 16) are read-only: a block over them writes only the units' rows.
    cells = cells.filter((c) => !isDetailId(c.unitId));
    if (!cells.length) return Promise.resolve();
    this.host.data.preview(cells);
    return this.serial(async () => {
      try {
        const p = await this.host.bridge.invoke('units/setShares', { cells, label });
        await this.host.applyPatch(p);
        const parts: string[] = [];
        if (label === 'paste') parts.push(this.host.t('editing.paste.done', { cells: p.written }));
        if (p.refused.length) {
          // Not written (a parent line, a negative share…): the view shows the engine's figures again.
          parts.push(this.host.t('alloc.edit.refused', { count: p.refused.length, reason: this.host.tStored(`alloc.refused.${p.refused[0].reason}`) }));
          await this.host.reload();
        }
        parts.push(...notes);
        if (parts.length) this.host.message(parts.join(' '), p.refused.length ? 'error' : 'info');
      } catch (err) {
        const e = err instanceof BridgeFailure ? err.error : { code: 'error.internal', params: { detail: String(err) } };
        this.host.message(this.host.tStored(e.code, e.params), 'error');
        await this.host.reload();
      }
    });
  }

  private each(table: AllocTable, rect: Rect, fn: (u: UnitRow, c: AllocCol) => void): void {
    for (let i = rect.top; i <= rect.bottom; i++) {
      const u = table.units[i];
      if (!u) continue;
      for (let j = rect.left; j <= rect.right; j++) {
        const c = table.cols[j];
        if (c) fn(u, c);
      }
    }
  }

  private cellLabel(u: UnitRow | undefined, c: AllocCol | undefined): string {
    return this.host.t('alloc.cell', { unit: u?.name ?? '…', line: c?.label ?? '…' });
  }

  private refuseReadOnly(): boolean {
    if (!this.host.readOnly()) return false;
    this.host.message(this.host.t('error.read_only'), 'error');
    return true;
  }
}
