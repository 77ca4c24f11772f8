// The mouse, keyboard and clipboard of the grids that hold figures only — the allocation grid and
// the disbursement grid — on their GridSelection: click selects a cell, Shift+click, a drag and
// Shift+arrows extend; a pinned row's cell selects nothing; Delete clears, Ctrl+D fills down,
// Ctrl+Enter fills the selection (while typing: with what is typed), Ctrl+A selects all, Esc
// keeps only the active cell; Ctrl+C/X/V with Excel. Enter or Tab on input that cannot be read
// keeps the editor open with a message, as the plan grid does. Each grid configures it with its
// editor (one engine command per action on a block), its table and its columns; the plan grid has
// its own, richer input (selection-controller.ts, grid-keyboard.ts) on the same wiring
// (use-figure-grid.ts).
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import type { Translate } from '../../../shared/i18n';
import { parseEntry } from '../../../shared/formula';
import type { DisplayUnit } from '../../../shared/model';
import type { NumberLocale } from '../../../shared/number';
import { pastedBlock } from './clipboard-block';
import { step, type CellPos, type Direction, type GridSelection, type Rect } from './selection';
import type { GridInput } from './use-figure-grid';

/** A grid's commands on a block of its table (`T`: what its selection's indices point at). */
export interface BlockEditor<T> {
  clear(table: T, rect: Rect): Promise<void>;
  fillDown(table: T, rect: Rect): Promise<void>;
  fillSelection(table: T, rect: Rect, text: string): Promise<void>;
  /** The block as TSV, figures as shown. */
  copy(table: T, rect: Rect): string;
  paste(table: T, rect: Rect, block: string[][], multi: boolean): Promise<void>;
}

type Api = Pick<
  GridApi,
  'getEditingCells' | 'getCellEditorInstances' | 'stopEditing' | 'ensureIndexVisible' | 'ensureColumnVisible' | 'setFocusedCell'
>;

export interface FigureInputHost<T> {
  api(): Api | null;
  editor: BlockEditor<T>;
  /** The table as the grid shows it now. */
  table(): T;
  /** How many rows are shown (pinned rows aside). */
  rowCount(): number;
  /** How typed numbers are read (the cycle's, read when a key comes). */
  unit(): DisplayUnit;
  locale(): NumberLocale;
  t: Translate;
  message(text: string, kind?: 'error' | 'info'): void;
  /**
   * Enter or Tab ends an edit with a readable entry in column `colId` of row `row` (optional): AG
   * Grid hands the edit over 20–30 ms later, so a grid may show it at once.
   */
  entered?(colId: string, row: number, value: number | null): void;
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const PINNED_ROWS = '.ag-floating-top, .ag-grid-pinned-top-rows, .ag-floating-bottom, .ag-grid-pinned-bottom-rows';

const isField = (t: EventTarget | null): t is HTMLInputElement => {
  const tag = (t as HTMLElement | null)?.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA';
};

export class FigureInput<T> implements GridInput {
  private dragging = false;
  private readonly colIndex: Map<string, number>;

  constructor(
    private readonly selection: GridSelection,
    private readonly host: FigureInputHost<T>,
    /** The selectable columns' ids in display order (a selection's column is an index into them). */
    private readonly colIds: readonly string[],
  ) {
    this.colIndex = new Map(colIds.map((id, i) => [id, i]));
  }

  /** The cell an event's target is in: its position, 'pinned' for a pinned row's cell, or null. */
  private posOf(target: EventTarget | null): CellPos | 'pinned' | null {
    const cell = (target as Element | null)?.closest?.('.ag-cell');
    const rowEl = cell?.closest('.ag-row[row-index]');
    if (!cell || !rowEl) return null;
    if (rowEl.closest(PINNED_ROWS)) return 'pinned';
    const col = this.colIndex.get(cell.getAttribute('col-id') ?? '');
    const row = Number(rowEl.getAttribute('row-index'));
    return col === undefined || !Number.isInteger(row) ? null : { row, col };
  }

  pointerDown(e: PointerEvent): void {
    const pos = this.posOf(e.target);
    if (pos === 'pinned') return this.selection.set(null);
    if (!pos || e.button === 2) return;
    if (e.shiftKey && this.selection.anchor) {
      e.preventDefault();
      this.selection.extendTo(pos);
      return;
    }
    this.selection.set(pos);
    this.dragging = e.button === 0;
  }

  mouseOver(e: MouseEvent): void {
    if (!this.dragging) return;
    if ((e.buttons & 1) === 0) {
      this.dragging = false;
      return;
    }
    const pos = this.posOf(e.target);
    if (pos && pos !== 'pinned') this.selection.extendTo(pos);
  }

  mouseUp(): void {
    this.dragging = false;
  }

  /** The keyboard moved AG Grid's focus (arrows, Enter, Tab): the selection follows, unless a drag or Shift made it. */
  onCellFocused<R>(e: CellFocusedEvent<R>): void {
    if (e.rowIndex === null || e.rowPinned) return;
    const id = typeof e.column === 'string' ? e.column : e.column?.getColId();
    const col = this.colIndex.get(id ?? '');
    if (col === undefined) return;
    const a = this.selection.anchor;
    if (a && a.row === e.rowIndex && a.col === col) return;
    if (typeof MouseEvent !== 'undefined' && e.sourceEvent instanceof MouseEvent) return;
    this.selection.set({ row: e.rowIndex, col });
  }

  /** Make `pos` the active cell (or, `extend`, the selection's far corner) and bring it into view. */
  focusAt(pos: CellPos, extend: boolean): void {
    const api = this.host.api();
    const colId = this.colIds[pos.col];
    if (!api || colId === undefined) return;
    if (extend) this.selection.extendTo(pos);
    else this.selection.set(pos);
    api.ensureIndexVisible(pos.row);
    api.ensureColumnVisible(colId);
    if (!extend) api.setFocusedCell(pos.row, colId);
  }

  key(e: KeyboardEvent): boolean {
    const api = this.host.api();
    const r = this.selection.rect();
    if (!api || !r) return false;
    const ctrl = e.ctrlKey || e.metaKey;
    const { editor } = this.host;
    const selection = this.selection;
    if (api.getEditingCells().length > 0) {
      if (e.key === 'Enter' && ctrl && selection.isMulti()) {
        // Ctrl+Enter while typing: the typed value goes into every selected cell.
        const value = api.getCellEditorInstances()[0]?.getValue?.();
        api.stopEditing(true);
        void editor.fillSelection(this.host.table(), r, value == null ? '' : String(value));
        return true;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !ctrl && isField(e.target)) return this.checkEntry(e.target);
      return false;
    }
    if (isField(e.target)) return false;
    const dir = ARROWS[e.key];
    if (dir && e.shiftKey && !ctrl && !e.altKey && selection.head) {
      const to = step(selection.head, dir, this.host.rowCount(), this.colIds.length);
      this.focusAt(to, true);
      return true;
    }
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if ((e.key === 'Delete' || e.key === 'Backspace') && !ctrl && !e.altKey) {
      void editor.clear(this.host.table(), r);
      return true;
    }
    if (ctrl && !e.shiftKey && !e.altKey && key === 'd') {
      void editor.fillDown(this.host.table(), r);
      return true;
    }
    if (ctrl && e.key === 'Enter' && selection.anchor) {
      // The active cell's figure into the whole selection.
      const a = selection.anchor;
      const table = this.host.table();
      void editor.fillSelection(table, r, editor.copy(table, { top: a.row, bottom: a.row, left: a.col, right: a.col }).trim());
      return true;
    }
    if (ctrl && !e.shiftKey && !e.altKey && key === 'a') {
      selection.set({ row: 0, col: 0 }, { row: Math.max(0, this.host.rowCount() - 1), col: Math.max(0, this.colIds.length - 1) });
      return true;
    }
    if (e.key === 'Escape' && selection.isMulti() && selection.anchor) {
      selection.set(selection.anchor);
      return true;
    }
    return false;
  }

  /**
   * Enter or Tab on an open editor: input that cannot be read keeps the editor open on its cell
   * with a message, to be corrected (Esc keeps the old value); readable input goes on to AG Grid
   * (false), after the grid's early display of it.
   */
  private checkEntry(field: HTMLInputElement): boolean {
    const text = field.value;
    const parsed = parseEntry(text, this.host.unit(), this.host.locale());
    if (!parsed.ok) {
      this.host.message(this.host.t(`input.${parsed.error}`, { text: text.trim() }), 'error');
      return true;
    }
    const cell = field.closest('.ag-cell');
    const colId = cell?.getAttribute('col-id');
    const row = Number(cell?.closest('.ag-row')?.getAttribute('row-index'));
    if (colId && Number.isInteger(row)) this.host.entered?.(colId, row, parsed.value);
    return false;
  }

  copy(e: ClipboardEvent, cut: boolean): void {
    const r = this.selection.rect();
    if (!r) return;
    if (e.clipboardData) {
      e.clipboardData.setData('text/plain', this.host.editor.copy(this.host.table(), r));
      e.preventDefault();
    }
    if (cut) void this.host.editor.clear(this.host.table(), r);
  }

  paste(e: ClipboardEvent): void {
    const r = this.selection.rect();
    if (!e.clipboardData) return;
    e.preventDefault();
    if (!r) return this.host.message(this.host.t('editing.paste.noTarget'), 'error');
    const block = pastedBlock(e.clipboardData.getData('text/plain'), e.clipboardData.getData('text/html'));
    void this.host.editor.paste(this.host.table(), r, block, this.selection.isMulti());
  }
}
