// The import of an allocation annex in the window (issue 14): a File menu item and its report
// dialog (ImportAllocationDialog.tsx). A feature of its own beside the units area's, so the two
// grow without editing each other; the shares it writes reach the allocation view through the
// patch's units delta, as every units command's do.
import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { Feature } from '../types';

const ImportAllocationDialog = lazy(() => import('./ImportAllocationDialog'));

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

export const allocImportFeature: Feature = {
  id: 'allocImport',
  menus: (ctx) => ({
    file: [{ id: 'allocio.import', label: ctx.t('allocio.menu.import'), disabled: !!ctx.store.file?.readOnly, run: () => ctx.run('allocio.import') }],
  }),
  actions: () => ({ 'allocio.import': () => setOpen(true) }),
  Overlay: function AllocImportOverlay({ ctx }) {
    const shown = useSyncExternalStore(subscribe, () => open);
    if (!shown) return null;
    return (
      <Suspense fallback={null}>
        <ImportAllocationDialog ctx={ctx} onClose={() => setOpen(false)} />
      </Suspense>
    );
  },
};
