// The import of an allocation annex in the window (issue 14): a File menu item and its report
// dialog (ImportAllocationDialog.tsx). A feature of its own beside the units area's, so the two
// grow without editing each other; the shares it writes reach the allocation view through the
// patch's units delta, as every units command's do.
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { ValueStore } from '../../grid/grid-status';
import type { Feature } from '../types';

const ImportAllocationDialog = lazy(() => import('./ImportAllocationDialog'));

/** Whether the dialog is open (the app's one small store). */
const openFlag = new ValueStore(false);

export const allocImportFeature: Feature = {
  id: 'allocImport',
  menus: (ctx) => ({
    file: [{ id: 'allocio.import', label: ctx.t('allocio.menu.import'), disabled: !!ctx.store.file?.readOnly, run: () => ctx.run('allocio.import') }],
  }),
  actions: () => ({ 'allocio.import': () => openFlag.set(true) }),
  Overlay: function AllocImportOverlay({ ctx }) {
    const shown = useSyncExternalStore(openFlag.subscribe, openFlag.get);
    if (!shown) return null;
    return (
      <Suspense fallback={null}>
        <ImportAllocationDialog ctx={ctx} onClose={() => openFlag.set(false)} />
      </Suspense>
    );
  },
};
