// The plan-details area, plugged into the main window: File → Plan details… and its dialog.
import { useSyncExternalStore } from 'react';
import { ValueStore } from '../../grid/grid-status';
import type { Feature } from '../types';
import { PlanDetailsDialog } from './PlanDetailsDialog';

/** Whether the dialog is open, outside React so the menu action can open it. */
const dialogOpen = new ValueStore(false);

export const planFeature: Feature = {
  id: 'plan',
  menus: (ctx) => ({
    file: [{ id: 'plan.details', label: ctx.t('menu.plan.details'), disabled: !ctx.store.meta, run: () => ctx.run('plan.details') }],
  }),
  actions: () => ({ 'plan.details': () => dialogOpen.set(true) }),
  Overlay: function PlanOverlay({ ctx }) {
    const open = useSyncExternalStore(dialogOpen.subscribe, dialogOpen.get);
    return open && ctx.store.meta ? <PlanDetailsDialog ctx={ctx} onClose={() => dialogOpen.set(false)} /> : null;
  },
};
