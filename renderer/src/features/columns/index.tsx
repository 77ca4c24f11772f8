// The funding-column area (issue 13), plugged into the main window: File → Cột nguồn vốn… and its dialog.
import { useSyncExternalStore } from 'react';
import { ValueStore } from '../../grid/grid-status';
import type { Feature } from '../types';
import { ColumnsDialog } from './ColumnsDialog';

/** Whether the dialog is open, outside React so the menu action can open it. */
const dialogOpen = new ValueStore(false);

export const columnsFeature: Feature = {
  id: 'columns',
  menus: (ctx) => ({
    file: [{ id: 'columns.edit', label: ctx.t('columns.menu'), disabled: !ctx.store.meta, run: () => ctx.run('columns.edit') }],
  }),
  actions: () => ({ 'columns.edit': () => dialogOpen.set(true) }),
  Overlay: function ColumnsOverlay({ ctx }) {
    const open = useSyncExternalStore(dialogOpen.subscribe, dialogOpen.get);
    return open && ctx.store.meta ? <ColumnsDialog ctx={ctx} onClose={() => dialogOpen.set(false)} /> : null;
  },
};
