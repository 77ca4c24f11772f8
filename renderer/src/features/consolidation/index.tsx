// Consolidation in the window (issue 16): File → "Tổng hợp từ đơn vị…" opens the board
// (ConsolidationDialog.tsx): pick the units' files, see each unit's status, its differences and its
// detail, export the board to xlsx, print the consolidated annex by unit (the allocation annex's
// preview with the merged units' figures, AllocationPrintPreview consolidated). A feature of its own; what it merges reaches the plan through
// the engine's patch like every command's.
import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { Feature } from '../types';

const ConsolidationDialog = lazy(() => import('./ConsolidationDialog'));
const AllocationPrintPreview = lazy(() => import('../units/AllocationPrintPreview'));

/** What is shown: nothing, the board, or the consolidated annex's preview (back to the board on close). */
let open: false | 'board' | 'print' = false;
const listeners = new Set<() => void>();
const setOpen = (v: typeof open) => {
  open = v;
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const consolidationFeature: Feature = {
  id: 'consolidation',
  menus: (ctx) => ({
    file: [{ id: 'consolidation.open', label: ctx.t('consolidation.menu.open'), disabled: !ctx.store.file, run: () => ctx.run('consolidation.open') }],
  }),
  actions: () => ({ 'consolidation.open': () => setOpen('board') }),
  Overlay: function ConsolidationOverlay({ ctx }) {
    const shown = useSyncExternalStore(subscribe, () => open);
    if (!shown) return null;
    return (
      <Suspense fallback={null}>
        {shown === 'print' ? (
          <AllocationPrintPreview ctx={ctx} consolidated onClose={() => setOpen('board')} />
        ) : (
          <ConsolidationDialog ctx={ctx} onClose={() => setOpen(false)} onPrint={() => setOpen('print')} />
        )}
      </Suspense>
    );
  },
};
