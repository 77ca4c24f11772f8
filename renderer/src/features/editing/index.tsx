// The editing area (issue 6, Excel-grade editing), plugged into the main window: the Edit menu's
// clipboard, fill and line commands (they act on the grid's selection), Find, Renumber, zoom in
// the View menu, the selection figures in the status bar. The grid itself (renderer/src/grid)
// does the selecting, the keyboard, the clipboard events and the right-click menu.
import { COMMAND_INFO, type GridCommand } from '../../grid/grid-commands';
import { stepZoom } from '../../grid/grid-status';
import type { MenuItem } from '../../app/MenuBar';
import type { AppContext, Feature } from '../types';
import { EditingOverlay } from './EditingOverlay';
import { SelectionStatus } from './SelectionStatus';
import { openEditingUi } from './ui-state';

const EDIT_GROUPS: GridCommand[][] = [
  ['cut', 'copy', 'paste', 'clear', 'fillDown', 'selectAll'],
  ['insertAbove', 'insertBelow', 'insertChild', 'deleteLines'],
  ['indent', 'outdent', 'moveUp', 'moveDown'],
];

function commandItem(ctx: AppContext, cmd: GridCommand): MenuItem {
  const info = COMMAND_INFO[cmd];
  return {
    id: `editing.${cmd}`,
    label: ctx.t(info.label),
    shortcut: info.shortcut,
    disabled: info.changes && !!ctx.store.file?.readOnly,
    run: () => ctx.run(`editing.${cmd}`),
  };
}

export const editingFeature: Feature = {
  id: 'editing',
  menus: (ctx) => ({
    edit: [
      ...EDIT_GROUPS.flatMap((g, i) => [...(i ? (['separator'] as const) : []), ...g.map((c) => commandItem(ctx, c))]),
      'separator',
      { id: 'editing.renumber', label: ctx.t('editing.menu.renumber'), disabled: !!ctx.store.file?.readOnly, run: () => ctx.run('editing.renumber') },
      { id: 'editing.find', label: ctx.t('editing.menu.find'), shortcut: 'Ctrl+F', run: () => ctx.run('editing.find') },
    ],
    view: [
      // Ctrl++ / Ctrl+- are Excel's insert and delete lines (the Edit menu); zoom is the wheel.
      { id: 'editing.zoomIn', label: ctx.t('editing.menu.zoomIn'), shortcut: ctx.t('editing.shortcut.ctrlWheel'), run: () => ctx.run('editing.zoomIn') },
      { id: 'editing.zoomOut', label: ctx.t('editing.menu.zoomOut'), shortcut: ctx.t('editing.shortcut.ctrlWheel'), run: () => ctx.run('editing.zoomOut') },
      { id: 'editing.zoomReset', label: ctx.t('editing.menu.zoomReset'), shortcut: 'Ctrl+0', run: () => ctx.run('editing.zoomReset') },
    ],
  }),
  actions: (ctx) => ({
    ...Object.fromEntries(EDIT_GROUPS.flat().map((c) => [`editing.${c}`, () => ctx.grid.current?.run(c)])),
    'editing.renumber': () => openEditingUi({ renumber: true }),
    'editing.find': () => openEditingUi({ find: true }),
    'editing.zoomIn': () => stepZoom(1),
    'editing.zoomOut': () => stepZoom(-1),
    'editing.zoomReset': () => stepZoom(0),
  }),
  Overlay: EditingOverlay,
  Status: SelectionStatus,
};
