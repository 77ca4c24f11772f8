// The grid's keyboard beyond AG Grid's own (arrows, Enter, Tab, F2, Esc, typing to replace):
// Shift+arrows extend the selection, Ctrl+arrows jump to the edge of the data, Ctrl+Home/End,
// Ctrl+A, Shift/Ctrl+Space, Delete/Backspace clear, Ctrl+D fills down, Ctrl+Enter fills the
// selection, Tab/Shift+Tab in the code column and Alt+Shift+arrows indent, outdent and move lines,
// Ctrl++ (Ctrl+Shift+=, keypad +) inserts lines and Ctrl+- deletes them, as Excel does with rows.
// Enter, Tab and their Shift forms step over computed totals to the next cell one can type in.
// Ctrl+C/X/V are left to the browser, whose copy/cut/paste events the grid handles.
import type { GridApi } from 'ag-grid-community';
import type { RowView } from '../../../shared/ipc';
import type { GridEditor } from './grid-editor';
import { jumpToEdge, step, type CellPos, type Direction, type GridSelection } from './selection';
import type { SelectionController } from './selection-controller';
import type { TableView } from './table-view';

export interface KeyHost {
  api(): GridApi<RowView> | null;
  view(): TableView | null;
  selection: GridSelection;
  controller: SelectionController;
  editor: GridEditor;
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** Handle a keydown inside the grid (capture phase); true when the grid acted on it. */
export function handleGridKey(e: KeyboardEvent, host: KeyHost): boolean {
  const api = host.api();
  const view = host.view();
  if (!api || !view) return false;
  const ctrl = e.ctrlKey || e.metaKey;
  const target = e.target as HTMLElement | null;
  // The grid may have moved its focus (arrows, Enter) since it last told us: catch up first.
  host.controller.sync();
  const inCell = !!target?.closest('.ag-cell');
  const inBody = inCell || !!target?.closest('.ag-row');

  if (api.getEditingCells().length > 0) {
    const focused = api.getFocusedCell();
    if (e.key === 'Enter' && ctrl && host.selection.isMulti()) {
      // Ctrl+Enter while typing: the typed value goes into every selected cell.
      const value = api.getCellEditorInstances()[0]?.getValue?.();
      api.stopEditing(true);
      void host.editor.fillSelection(value == null ? '' : String(value));
      return true;
    }
    if (e.key === 'Enter' && !ctrl && !e.altKey && focused) {
      host.controller.stepOverTotals(e.shiftKey ? 'up' : 'down', focused.column.getColId(), focused.rowIndex);
    }
    if (e.key === 'Tab' && !ctrl && !e.altKey && focused && !focused.rowPinned) {
      // Tab saves what was typed and goes on to the next cell one can type in (not editing it).
      const to = nextTypeable(view, focused.rowIndex, view.colIds().indexOf(focused.column.getColId()), e.shiftKey ? -1 : 1);
      if (to === null) return false;
      api.stopEditing(false);
      host.controller.focusAt(to);
      return true;
    }
    return false;
  }
  if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return false;

  const { selection, controller, editor } = host;
  const rows = view.rowCount();
  const cols = view.colIds().length;
  const anchor = selection.anchor;
  const head = selection.head;
  const dir = ARROWS[e.key];

  if (dir && inBody && anchor && head) {
    if (e.altKey && e.shiftKey && !ctrl) {
      if (dir === 'right') void editor.indent();
      else if (dir === 'left') void editor.outdent();
      else void editor.move(dir);
      return true;
    }
    if (e.altKey) return false;
    const blank = (r: number, c: number) => view.isBlank(view.row(r), view.colIds()[c]);
    if (e.shiftKey) {
      controller.extendTo(ctrl ? jumpToEdge(head, dir, rows, cols, blank) : step(head, dir, rows, cols));
      return true;
    }
    if (ctrl) {
      controller.focusAt(jumpToEdge(anchor, dir, rows, cols, blank));
      return true;
    }
    return false;
  }
  if (ctrl && (e.key === 'Home' || e.key === 'End') && inBody && anchor) {
    const to: CellPos = e.key === 'Home' ? { row: 0, col: 0 } : { row: rows - 1, col: cols - 1 };
    if (e.shiftKey) controller.extendTo(to);
    else controller.focusAt(to);
    return true;
  }
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (ctrl && !e.shiftKey && !e.altKey && key === 'a') {
    controller.selectAll();
    return true;
  }
  if (key === ' ' && (e.shiftKey || ctrl) && !e.altKey && anchor) {
    if (e.shiftKey && !ctrl) controller.selectRows();
    else if (ctrl && !e.shiftKey) controller.selectColumns();
    else controller.selectAll();
    return true;
  }
  if ((e.key === 'Delete' || e.key === 'Backspace') && !ctrl && !e.altKey && !e.shiftKey && anchor) {
    void editor.clear();
    return true;
  }
  if (ctrl && !e.shiftKey && !e.altKey && key === 'd' && anchor) {
    void editor.fillDown();
    return true;
  }
  if (ctrl && e.key === 'Enter' && anchor) {
    void editor.fillSelection();
    return true;
  }
  if (e.key === 'Tab' && !ctrl && !e.altKey && inCell && anchor && view.colIds()[anchor.col] === 'code') {
    void (e.shiftKey ? editor.outdent() : editor.indent());
    return true;
  }
  if (e.key === 'Tab' && !ctrl && !e.altKey && inCell && anchor) {
    const to = nextTypeable(view, anchor.row, anchor.col, e.shiftKey ? -1 : 1);
    if (to === null) return false;
    controller.focusAt(to);
    return true;
  }
  if (e.key === 'Enter' && !ctrl && !e.altKey && inCell && anchor) {
    // Down (Shift: up) the column to the next line whose cell here is not a computed total.
    const col = view.colIds()[anchor.col];
    const d = e.shiftKey ? -1 : 1;
    let row = anchor.row + d;
    while (row >= 0 && row < rows && view.isTotal(view.row(row)!, col)) row += d;
    if (row >= 0 && row < rows) controller.focusAt({ row, col: anchor.col });
    return true;
  }
  // Ctrl++ inserts as many lines as are selected, above them (Excel's Insert rows); Ctrl+- deletes
  // the selected lines, after the same question as Edit → Delete lines (one undo step).
  if (ctrl && !e.altKey && e.key === '+' && anchor) {
    void editor.insertLines('above');
    return true;
  }
  if (ctrl && !e.altKey && !e.shiftKey && e.key === '-' && anchor) {
    void editor.deleteLines();
    return true;
  }
  if (e.key === 'Escape' && selection.isMulti() && anchor) {
    selection.set(anchor);
    return true;
  }
  return false;
}

/**
 * The next cell along row `row` from column `col` (dir 1: right, -1: left) that one can type in:
 * text columns and amounts that are not computed totals. Null when there is none on this line.
 */
function nextTypeable(view: TableView, row: number, col: number, dir: 1 | -1): CellPos | null {
  const line = view.row(row);
  const cols = view.colIds();
  if (!line || col < 0) return null;
  for (let j = col + dir; j >= 0 && j < cols.length; j += dir) if (!view.isTotal(line, cols[j])) return { row, col: j };
  return null;
}
