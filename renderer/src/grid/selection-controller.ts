// Drives the selection from what the person does with the mouse and the grid's focus: click
// selects a cell, Shift+click extends, dragging draws a rectangle, a click on a column header or a
// row handle selects whole columns or lines, right-click inside the selection keeps it. Also moves
// the active cell for the keyboard (Ctrl+arrows…) and steps over totals when Enter is pressed after
// typing a number, as Excel users type down a column.
import type { CellFocusedEvent, CellMouseOverEvent, Column, ColumnHeaderClickedEvent, GridApi, ProvidedColumnGroup } from 'ag-grid-community';
import type { RowView } from '../../../shared/ipc';
import type { CellPos, GridSelection } from './selection';
import { isTextColumn, ROW_HANDLE, type TableView } from './table-view';

export class SelectionController {
  /** >0 while the grid's focus is being moved by this code (its focus events are ours). */
  private programmatic = 0;
  private dragging = false;
  /** After Enter ends an edit: the cell the grid moves to next is stepped past totals. */
  private stepOver: { dir: 'up' | 'down'; colId: string; from: number; until: number } | null = null;

  constructor(
    private readonly selection: GridSelection,
    private readonly host: { api(): GridApi<RowView> | null; view(): TableView | null },
  ) {}

  private colIndex(view: TableView, column: Column | string | null): number | undefined {
    const id = typeof column === 'string' ? column : column?.getColId();
    if (!id) return undefined;
    const i = view.colIds().indexOf(id);
    return i < 0 ? undefined : i;
  }

  onCellFocused(e: CellFocusedEvent<RowView>): void {
    const view = this.host.view();
    if (!view) return;
    if (e.rowPinned || e.rowIndex === null) {
      this.selection.set(null);
      return;
    }
    const colId = typeof e.column === 'string' ? e.column : e.column?.getColId();
    const mouse = e.sourceEvent instanceof MouseEvent ? e.sourceEvent : null;
    if (colId === ROW_HANDLE) return this.selectLinesFrom(e.rowIndex, !!mouse?.shiftKey);
    const col = this.colIndex(view, e.column);
    if (col === undefined) return;
    const pos = { row: e.rowIndex, col };
    if (this.programmatic > 0) return;
    if (this.stepOver && this.stepPastTotals(view, pos)) return;
    if (mouse) {
      if (mouse.button === 2 && this.selection.contains(pos.row, pos.col)) return;
      if (mouse.shiftKey && this.selection.anchor) {
        const anchor = this.selection.anchor;
        this.selection.extendTo(pos);
        // The active cell stays where the selection started (Excel).
        this.focusGrid(anchor, false);
        return;
      }
      this.dragging = mouse.button === 0;
    }
    // The grid putting focus back where it was (after an edit, a patch) keeps a wider selection.
    const a = this.selection.anchor;
    if (!mouse && a && a.row === pos.row && a.col === pos.col) return;
    this.selection.set(pos);
  }

  onCellMouseOver(e: CellMouseOverEvent<RowView>): void {
    const mouse = e.event as MouseEvent | null;
    if (!this.dragging || !mouse || (mouse.buttons & 1) === 0) {
      this.dragging = false;
      return;
    }
    const view = this.host.view();
    if (!view || e.rowIndex === null || e.node.rowPinned) return;
    const col = this.colIndex(view, e.column);
    if (col === undefined) {
      if (e.column.getColId() === ROW_HANDLE && this.selection.anchor) this.selectLinesTo(e.rowIndex);
      return;
    }
    this.selection.extendTo({ row: e.rowIndex, col });
  }

  onMouseUp(): void {
    this.dragging = false;
    this.stopScroll();
  }

  get isDragging(): boolean {
    return this.dragging;
  }

  private scrollTimer: ReturnType<typeof setInterval> | null = null;
  private scrollDir = 0;

  /** Dragging past the top or bottom of the rows (screen y `top`..`bottom`): scroll and keep extending. */
  onDragMove(e: MouseEvent, bounds: { top: number; bottom: number }): void {
    if (!this.dragging || (e.buttons & 1) === 0) return this.stopScroll();
    this.scrollDir = e.clientY > bounds.bottom ? 1 : e.clientY < bounds.top ? -1 : 0;
    if (this.scrollDir === 0) return this.stopScroll();
    this.scrollTimer ??= setInterval(() => {
      const view = this.host.view();
      const api = this.host.api();
      const head = this.selection.head;
      if (!view || !api || !head) return this.stopScroll();
      const row = Math.max(0, Math.min(view.rowCount() - 1, head.row + this.scrollDir));
      if (row === head.row) return;
      this.selection.extendTo({ row, col: head.col });
      api.ensureIndexVisible(row);
    }, 40);
  }

  private stopScroll(): void {
    if (this.scrollTimer) clearInterval(this.scrollTimer);
    this.scrollTimer = null;
  }

  /** A click on a column header (or a column group's): select those whole columns. */
  onHeaderClicked(e: ColumnHeaderClickedEvent<RowView>, shift: boolean): void {
    const view = this.host.view();
    if (!view) return;
    const rows = view.rowCount();
    if (rows === 0) return;
    const leaves = 'getLeafColumns' in e.column ? (e.column as ProvidedColumnGroup).getLeafColumns() : [e.column as Column];
    const idx = leaves.map((c) => this.colIndex(view, c)).filter((i): i is number => i !== undefined);
    if (!idx.length) return;
    let left = Math.min(...idx);
    let right = Math.max(...idx);
    const anchor = this.selection.anchor;
    if (shift && anchor) {
      left = Math.min(left, anchor.col);
      right = Math.max(right, anchor.col);
    } else {
      // The active cell: the column's first cell on screen (no jump to the top of the plan).
      const api = this.host.api();
      this.focusGrid({ row: Math.max(0, api?.getFirstDisplayedRowIndex() ?? 0), col: left }, false);
    }
    this.selection.set({ row: 0, col: left }, { row: rows - 1, col: right });
  }

  /** A click on a row handle: the whole line (Shift: the lines from the active one). */
  private selectLinesFrom(row: number, shift: boolean): void {
    const view = this.host.view();
    if (!view) return;
    const last = view.colIds().length - 1;
    const anchorRow = shift && this.selection.anchor ? this.selection.anchor.row : row;
    this.focusGrid({ row: anchorRow, col: 0 }, false);
    this.selection.set({ row: anchorRow, col: 0 }, { row, col: last });
    this.dragging = true;
  }

  private selectLinesTo(row: number): void {
    const view = this.host.view();
    const a = this.selection.anchor;
    if (!view || !a) return;
    this.selection.set({ row: a.row, col: 0 }, { row, col: view.colIds().length - 1 });
  }

  // ---- keyboard ------------------------------------------------------------------------------

  /** Move the active cell; the selection becomes that cell. */
  focusAt(pos: CellPos): void {
    this.selection.set(pos);
    this.focusGrid(pos, true);
  }

  /** Move the selection's far corner; the active cell stays. */
  extendTo(pos: CellPos): void {
    this.selection.extendTo(pos);
    const api = this.host.api();
    const view = this.host.view();
    if (!api || !view) return;
    api.ensureIndexVisible(pos.row);
    api.ensureColumnVisible(view.colIds()[pos.col]);
  }

  selectAll(): void {
    const view = this.host.view();
    if (!view || view.rowCount() === 0) return;
    const a = this.selection.anchor ?? { row: 0, col: 0 };
    this.selection.set(a, a);
    this.selection.set({ row: 0, col: 0 }, { row: view.rowCount() - 1, col: view.colIds().length - 1 });
  }

  /** Shift+Space: whole lines of the selected rows. */
  selectRows(): void {
    const view = this.host.view();
    const r = this.selection.rect();
    if (!view || !r) return;
    this.selection.set({ row: r.top, col: 0 }, { row: r.bottom, col: view.colIds().length - 1 });
  }

  /** Ctrl+Space: whole columns of the selected cells. */
  selectColumns(): void {
    const view = this.host.view();
    const r = this.selection.rect();
    if (!view || !r) return;
    this.selection.set({ row: 0, col: r.left }, { row: view.rowCount() - 1, col: r.right });
  }

  /** Enter pressed to end an edit of row `from`: the next cell down (or up) skips totals in amount columns. */
  stepOverTotals(dir: 'up' | 'down', colId: string, from: number): void {
    if (isTextColumn(colId)) return;
    // Only the focus move this Enter causes is meant (the grid makes it as the edit ends).
    this.stepOver = { dir, colId, from, until: Date.now() + 1000 };
  }

  private stepPastTotals(view: TableView, pos: CellPos): boolean {
    const { dir, colId, from, until } = this.stepOver!;
    this.stepOver = null;
    if (Date.now() > until || view.colIds()[pos.col] !== colId || pos.row !== from + (dir === 'down' ? 1 : -1)) return false;
    const n = view.rowCount();
    let row = pos.row;
    const d = dir === 'down' ? 1 : -1;
    while (row >= 0 && row < n) {
      const r = view.row(row);
      if (r && !view.isTotal(r, colId)) break;
      row += d;
    }
    if (row < 0 || row >= n || row === pos.row) return false;
    this.focusAt({ row, col: pos.col });
    return true;
  }

  /** Give the keyboard back to the grid's active cell (after a menu or a dialog), selection kept. */
  restoreFocus(): void {
    const api = this.host.api();
    const f = api?.getFocusedCell();
    if (!api || !f || f.rowPinned) return;
    this.programmatic++;
    try {
      api.setFocusedCell(f.rowIndex, f.column);
    } finally {
      this.programmatic--;
    }
  }

  /** Move AG Grid's focus without the move counting as a new selection. */
  private focusGrid(pos: CellPos, scroll: boolean): void {
    const api = this.host.api();
    const view = this.host.view();
    if (!api || !view) return;
    const colId = view.colIds()[pos.col];
    if (!colId) return;
    this.programmatic++;
    try {
      if (scroll) {
        api.ensureIndexVisible(pos.row);
        api.ensureColumnVisible(colId);
      }
      api.setFocusedCell(pos.row, colId);
    } finally {
      this.programmatic--;
    }
  }
}
