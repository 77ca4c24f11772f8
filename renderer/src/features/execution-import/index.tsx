// The import of a disbursement report in the window (issue 15): a File menu item, the action the
// Giải ngân tab's toolbar runs, and its report dialog (ImportExecutionDialog.tsx). A feature of its
// own beside the execution area's, so the two grow without editing each other; the figures it
// writes reach the execution view through the patch's execution delta (the view reads again).
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { ValueStore } from '../../grid/grid-status';
import type { Feature } from '../types';

const ImportExecutionDialog = lazy(() => import('./ImportExecutionDialog'));

/** Whether the dialog is open (the app's one small store). */
const openFlag = new ValueStore(false);

/** The action id the menu item and the Giải ngân tab's button run. */
export const EXECUTION_IMPORT_ACTION = 'execution.import';

export const executionImportFeature: Feature = {
  id: 'executionImport',
  menus: (ctx) => ({
    file: [{ id: EXECUTION_IMPORT_ACTION, label: ctx.t('execimport.menu'), disabled: !!ctx.store.file?.readOnly, run: () => ctx.run(EXECUTION_IMPORT_ACTION) }],
  }),
  actions: () => ({ [EXECUTION_IMPORT_ACTION]: () => openFlag.set(true) }),
  Overlay: function ExecutionImportOverlay({ ctx }) {
    const shown = useSyncExternalStore(openFlag.subscribe, openFlag.get);
    if (!shown) return null;
    return (
      <Suspense fallback={null}>
        <ImportExecutionDialog ctx={ctx} onClose={() => openFlag.set(false)} />
      </Suspense>
    );
  },
};
