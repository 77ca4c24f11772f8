// Drives the selection from what the person does: click selects a cell, Shift+click extends,
// dragging draws a rectangle (scrolling past the edge), a click on a column header or a row
// handle selects whole columns or lines, right-click inside the selection keeps it. Also moves the
// active cell for the keyboard (Ctrl+arrows…) and steps over totals when Enter ends an edit, as
// Excel users type down a column.
//
// AG Grid delivers its events (cellFocused…) a tick late, so a key pressed right after a click
// could overtake them. Hence mouse presses and drags are read from the DOM as they happen
// (pointerdown/mouseover on the grid), and before every keyboard or clipboard action the
// selection is reconciled with AG Grid's focused cell, which is always current (`sync`).
import type { CellFocusedEvent, Column, ColumnHeaderClickedEvent, GridApi, ProvidedColumnGroup } from 'ag-grid-community';
import type { RowView } from '../../../shared/ipc';
import type { CellPos, GridSelection } from './selection';
import { isTextColumn, ROW_HANDLE, type TableView } from './table-view';

export class SelectionController {
  /** The grid focus this controller has accounted for (`row:colId`, pinned rows `p:…`). */
  private lastSeen: string | null = null;
  private dragging = false;
  /** The active cell to return the focus to once a Shift+click has been handled by the grid. */
  private refocus: CellPos | null = null;
  /** After Enter ends an edit: the cell the grid moves to next is stepped past totals. */
  private stepOver: { dir: 'up' | 'down'; colId: string; from: number; until: number } | null = null;
  private scrollTimer: ReturnType<typeof setInterval> | null = null;
  private scrollDir = 0;

  constructor(
    private readonly selection: GridSelection,
    private readonly host: { api(): GridApi<RowView> | null; view(): TableView | null },
  ) {}

  private colIndex(view: TableView, colId: string | undefined): number | undefined {
    if (!colId) return undefined;
    const i = view.colIds().indexOf(colId);
    return i < 0 ? undefined : i;
  }

  // ---- the grid's focus ----------------------------------------------------------------------

  /** AG Grid's (late) report that its focus moved. */
  onCellFocused(e: CellFocusedEvent<RowView>): void {
    if (e.rowIndex === null) return;
    const colId = typeof e.column === 'string' ? e.column : e.column?.getColId();
    const fromMouse = typeof MouseEvent !== 'undefined' && e.sourceEvent instanceof MouseEvent;
    this.reconcile(e.rowIndex, colId, !!e.rowPinned, fromMouse);
  }

  /** Bring the selection up to date with the grid's focus now (before a key or a paste acts). */
  sync(): void {
    const f = this.host.api()?.getFocusedCell();
    if (f) this.reconcile(f.rowIndex, f.column.getColId(), !!f.rowPinned, false);
  }

  private reconcile(row: number, colId: string | undefined, pinned: boolean, fromMouse: boolean): void {
    const seen = `${pinned ? 'p:' : ''}${row}:${colId}`;
    if (seen === this.lastSeen) return;
    this.lastSeen = seen;
    // A press of the mouse was handled as it happened (onPointerDown).
    if (fromMouse) return;
    if (pinned) return this.selection.set(null);
    const view = this.host.view();
    const col = view ? this.colIndex(view, colId) : undefined;
    if (!view || col === undefined) return;
    const pos = { row, col };
    if (this.stepOver && this.stepPastTotals(view, pos)) return;
    // The grid putting the focus back on the active cell (after an edit, a patch) keeps the selection.
    const a = this.selection.anchor;
    if (a && a.row === pos.row && a.col === pos.col) return;
    this.selection.set(pos);
  }

  // ---- the mouse (DOM events, as they happen) ------------------------------------------------

  /** A press on the grid (capture phase: before AG Grid acts on it). */
  onPointerDown(e: MouseEvent): void {
    const target = e.target as Element | null;
    const cellEl = target?.closest?.('.ag-cell');
    const rowEl = cellEl?.closest('.ag-row[row-index]');
    const view = this.host.view();
    if (!cellEl || !rowEl || !view) return;
    const colId = cellEl.getAttribute('col-id') ?? undefined;
    if (rowEl.closest('.ag-grid-pinned-bottom-rows, .ag-grid-pinned-top-rows')) {
      this.lastSeen = `p:${rowEl.getAttribute('row-index')}:${colId}`;
      return this.selection.set(null);
    }
    const row = Number(rowEl.getAttribute('row-index'));
    if (!Number.isInteger(row)) return;
    if (colId === ROW_HANDLE) {
      // Grabbing the handle of a selected line drags the whole selection; otherwise it selects the line.
      const r = this.selection.rect();
      const inLines = !!r && row >= r.top && row <= r.bottom && r.left === 0 && r.right === view.colIds().length - 1;
      const grabbing = !!target?.closest('.ag-drag-handle');
      if ((grabbing || e.button === 2) && inLines) return;
      this.selectLinesFrom(row, e.shiftKey);
      // A grab starts a row drag (the grid's): the pointer then moves lines, not the selection.
      this.dragging = !grabbing && e.button === 0;
      return;
    }
    const col = this.colIndex(view, colId);
    if (col === undefined) return;
    const pos = { row, col };
    // AG Grid focuses the pressed cell: that move is accounted for here.
    this.lastSeen = `${row}:${colId}`;
    if (e.button === 2) {
      if (!this.selection.contains(row, col)) this.selection.set(pos);
      return;
    }
    if (e.button !== 0) return;
    const anchor = this.selection.anchor;
    if (e.shiftKey && anchor) {
      // The active cell stays where the selection started (Excel): the grid's focus goes back
      // there once the grid has handled the press (see afterPress). Not on a timer alone: Chromium
      // runs queued keystrokes before timers, so a key typed at once would edit the clicked cell.
      this.selection.extendTo(pos);
      this.refocus = anchor;
      setTimeout(() => this.afterPress(), 0);
      return;
    }
    this.selection.set(pos);
    this.dragging = true;
  }

  /** The pointer entered a cell while the button is held: draw the rectangle to it. */
  onMouseOver(e: MouseEvent): void {
    if (!this.dragging) return;
    if ((e.buttons & 1) === 0) {
      this.dragging = false;
      return;
    }
    const cellEl = (e.target as Element | null)?.closest?.('.ag-cell');
    const rowEl = cellEl?.closest('.ag-grid-scrolling-rows .ag-row[row-index]');
    const view = this.host.view();
    if (!cellEl || !rowEl || !view) return;
    const row = Number(rowEl.getAttribute('row-index'));
    const colId = cellEl.getAttribute('col-id') ?? undefined;
    if (colId === ROW_HANDLE) return this.selectLinesTo(row);
    const col = this.colIndex(view, colId);
    const head = this.selection.head;
    if (col === undefined || !head) return;
    // Dragging along the row handles keeps whole lines.
    this.selection.extendTo({ row, col: this.selectingLines() ? head.col : col });
  }

  onMouseUp(): void {
    this.dragging = false;
    this.stopScroll();
    this.afterPress();
  }

  /**
   * The press's events have been through the grid (called from window-level listeners, which run
   * after the grid's own): give the focus back to the active cell a Shift+click kept.
   */
  afterPress(): void {
    const to = this.refocus;
    this.refocus = null;
    if (to) this.focusGrid(to, false);
  }

  get isDragging(): boolean {
    return this.dragging;
  }

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
    const idx = leaves.map((c) => this.colIndex(view, c.getColId())).filter((i): i is number => i !== undefined);
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

  private selectingLines(): boolean {
    const view = this.host.view();
    const r = this.selection.rect();
    return !!view && !!r && r.left === 0 && r.right === view.colIds().length - 1;
  }

  /** A click on a row handle: the whole line (Shift: the lines from the active one). */
  private selectLinesFrom(row: number, shift: boolean): void {
    const view = this.host.view();
    if (!view) return;
    const last = view.colIds().length - 1;
    const anchorRow = shift && this.selection.anchor ? this.selection.anchor.row : row;
    this.selection.set({ row: anchorRow, col: 0 }, { row, col: last });
    this.refocus = { row: anchorRow, col: 0 };
    setTimeout(() => this.afterPress(), 0);
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
    this.lastSeen = `${f.rowIndex}:${f.column.getColId()}`;
    api.setFocusedCell(f.rowIndex, f.column);
  }

  /** Move the grid's focus, accounting for the move (it is not a new selection). */
  private focusGrid(pos: CellPos, scroll: boolean): void {
    const api = this.host.api();
    const view = this.host.view();
    if (!api || !view) return;
    const colId = view.colIds()[pos.col];
    if (!colId) return;
    if (scroll) {
      api.ensureIndexVisible(pos.row);
      api.ensureColumnVisible(colId);
    }
    this.lastSeen = `${pos.row}:${colId}`;
    api.setFocusedCell(pos.row, colId);
  }
}
