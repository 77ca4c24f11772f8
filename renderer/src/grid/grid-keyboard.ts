// The grid's keyboard beyond AG Grid's own (arrows, Enter, Tab, F2, Esc, typing to replace):
// Shift+arrows extend the selection, Ctrl+arrows jump to the edge of the data, Ctrl+Home/End,
// Ctrl+A, Shift/Ctrl+Space, Delete/Backspace clear, Ctrl+D fills down, Ctrl+Enter fills the
// selection, Tab/Shift+Tab in the code column and Alt+Shift+arrows indent, outdent and move lines.
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
  if (e.key === 'Escape' && selection.isMulti() && anchor) {
    selection.set(anchor);
    return true;
  }
  return false;
}
