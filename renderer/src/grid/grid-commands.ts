// The editing commands of the grid, named once: their labels and shortcuts (for the Edit menu and
// the right-click menu) and what each does to the selection.
import type { PlainMessageKey, Translate } from '../../../shared/i18n';
import type { GridEditor } from './grid-editor';
import { gridRequests } from './grid-status';
import type { ContextItem } from './GridContextMenu';
import type { SelectionController } from './selection-controller';

export const GRID_COMMANDS = [
  'cut', 'copy', 'paste', 'clear', 'fillDown', 'fillSelection', 'selectAll',
  'insertAbove', 'insertBelow', 'insertChild', 'deleteLines', 'indent', 'outdent', 'moveUp', 'moveDown', 'renumber',
] as const;
export type GridCommand = (typeof GRID_COMMANDS)[number];

export const COMMAND_INFO: Record<GridCommand, { label: PlainMessageKey; shortcut?: string; changes: boolean }> = {
  cut: { label: 'editing.menu.cut', shortcut: 'Ctrl+X', changes: true },
  copy: { label: 'editing.menu.copy', shortcut: 'Ctrl+C', changes: false },
  paste: { label: 'editing.menu.paste', shortcut: 'Ctrl+V', changes: true },
  clear: { label: 'editing.menu.clear', shortcut: 'Delete', changes: true },
  fillDown: { label: 'editing.menu.fillDown', shortcut: 'Ctrl+D', changes: true },
  fillSelection: { label: 'editing.menu.fillSelection', shortcut: 'Ctrl+Enter', changes: true },
  selectAll: { label: 'editing.menu.selectAll', shortcut: 'Ctrl+A', changes: false },
  insertAbove: { label: 'editing.menu.insertAbove', shortcut: 'Ctrl++', changes: true },
  insertBelow: { label: 'editing.menu.insertBelow', changes: true },
  insertChild: { label: 'editing.menu.insertChild', changes: true },
  deleteLines: { label: 'editing.menu.deleteLine', shortcut: 'Ctrl+−', changes: true },
  indent: { label: 'editing.menu.indent', shortcut: 'Alt+Shift+→', changes: true },
  outdent: { label: 'editing.menu.outdent', shortcut: 'Alt+Shift+←', changes: true },
  moveUp: { label: 'editing.menu.moveUp', shortcut: 'Alt+Shift+↑', changes: true },
  moveDown: { label: 'editing.menu.moveDown', shortcut: 'Alt+Shift+↓', changes: true },
  renumber: { label: 'editing.menu.renumber', changes: true },
};

export function runGridCommand(cmd: GridCommand, editor: GridEditor, controller: SelectionController): void {
  switch (cmd) {
    case 'cut':
    case 'copy':
      return void editor.copyFromMenu(cmd === 'cut');
    case 'paste':
      return void editor.pasteFromMenu();
    case 'clear':
      return void editor.clear();
    case 'fillDown':
      return void editor.fillDown();
    case 'fillSelection':
      return void editor.fillSelection();
    case 'selectAll':
      return controller.selectAll();
    case 'insertAbove':
      return void editor.insertLines('above');
    case 'insertBelow':
      return void editor.insertLines('below');
    case 'insertChild':
      return void editor.insertLines('child');
    case 'deleteLines':
      return void editor.deleteLines();
    case 'indent':
      return void editor.indent();
    case 'outdent':
      return void editor.outdent();
    case 'moveUp':
      return void editor.move('up');
    case 'moveDown':
      return void editor.move('down');
    case 'renumber':
      return gridRequests.set({ kind: 'renumber' });
  }
}

const CONTEXT: (GridCommand | 'separator')[] = [
  'cut', 'copy', 'paste', 'clear', 'fillDown', 'separator',
  'insertAbove', 'insertBelow', 'insertChild', 'deleteLines', 'separator',
  'indent', 'outdent', 'moveUp', 'moveDown', 'separator', 'renumber',
];

export const isGridCommand = (id: string): id is GridCommand => (GRID_COMMANDS as readonly string[]).includes(id);

/**
 * The right-click menu of the column headers: the funding-column dialog (File → Cột nguồn vốn…),
 * where the columns are. Its ids are the window's actions (run through BudgetGrid's onAction).
 */
export function headerMenuItems(t: Translate): ContextItem[] {
  return [{ id: 'columns.edit', label: t('columns.menu') }];
}

/** The right-click menu: changes are greyed out in a read-only plan. */
export function contextMenuItems(t: Translate, readOnly: boolean): (ContextItem | 'separator')[] {
  return CONTEXT.map((id) =>
    id === 'separator' ? id : { id, label: t(COMMAND_INFO[id].label), shortcut: COMMAND_INFO[id].shortcut, disabled: readOnly && COMMAND_INFO[id].changes },
  );
}
