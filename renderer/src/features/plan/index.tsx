// The plan-details area, plugged into the main window: File → Plan details… and its dialog.
import { useSyncExternalStore } from 'react';
import type { Feature } from '../types';
import { PlanDetailsDialog } from './PlanDetailsDialog';

// Whether the dialog is open, outside React so the menu action can open it.
let open = false;
const listeners = new Set<() => void>();
const setOpen = (v: boolean) => {
  open = v;
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const planFeature: Feature = {
  id: 'plan',
  menus: (ctx) => ({
    file: [{ id: 'plan.details', label: ctx.t('menu.plan.details'), disabled: !ctx.store.meta, run: () => ctx.run('plan.details') }],
  }),
  actions: () => ({ 'plan.details': () => setOpen(true) }),
  Overlay: function PlanOverlay({ ctx }) {
    const isOpen = useSyncExternalStore(subscribe, () => open);
    return isOpen && ctx.store.meta ? <PlanDetailsDialog ctx={ctx} onClose={() => setOpen(false)} /> : null;
  },
};
