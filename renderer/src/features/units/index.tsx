// The units area in the window (issue 14): the allocation view (a tab beside the plan grid, and the
// View menu), the units dialog (list, add, rename, kind, code, delete, merge, take from the lead
// agencies), allocation by criteria and the printed allocation annex. The engine keeps units and
// shares (commands units/*); every patch's units delta keeps the window's copy current.
import { lazy, Suspense, useEffect } from 'react';
import { mainView } from '../../app/main-view';
import type { Feature } from '../types';
import { allocationData } from './alloc-data';
import { AllocationView } from './AllocationView';
import { unitsUi, useUnitsUi } from './ui-state';

const UnitsDialog = lazy(() => import('./UnitsDialog'));
const CriteriaDialog = lazy(() => import('./CriteriaDialog'));
const AllocationPrintPreview = lazy(() => import('./AllocationPrintPreview'));

export const unitsFeature: Feature = {
  id: 'units',
  menus: (ctx) => ({
    file: [{ id: 'units.print', label: ctx.t('alloc.menu.print'), run: () => ctx.run('units.print') }],
    view: [
      { id: 'units.planView', label: ctx.t('alloc.menu.planView'), checked: mainView.get() === null, run: () => ctx.run('units.planView') },
      { id: 'units.view', label: ctx.t('alloc.menu.view'), checked: mainView.get() === 'units', run: () => ctx.run('units.view') },
    ],
    tools: [
      { id: 'units.units', label: ctx.t('alloc.menu.units'), run: () => ctx.run('units.units') },
      { id: 'units.criteria', label: ctx.t('alloc.menu.criteria'), disabled: !!ctx.store.file?.readOnly, run: () => ctx.run('units.criteria') },
    ],
  }),
  actions: () => ({
    'units.planView': () => mainView.set(null),
    'units.view': () => mainView.set('units'),
    'units.units': () => unitsUi.set({ dialog: 'units' }),
    'units.criteria': () => unitsUi.set({ dialog: 'criteria' }),
    'units.print': () => unitsUi.set({ dialog: 'print' }),
  }),
  MainView: { label: (ctx) => ctx.t('alloc.tab'), View: AllocationView },
  Overlay: function UnitsOverlay({ ctx }) {
    const ui = useUnitsUi();
    // Every patch (the view's edits, the dialogs', undo and redo) carries what changed among units.
    useEffect(() => ctx.store.onPatch((p) => allocationData.apply(p.units)), [ctx.store]);
    const close = () => unitsUi.set({ dialog: null });
    if (!ui.dialog) return null;
    return (
      <Suspense fallback={null}>
        {ui.dialog === 'units' && <UnitsDialog ctx={ctx} onClose={close} />}
        {ui.dialog === 'criteria' && <CriteriaDialog ctx={ctx} onClose={close} />}
        {ui.dialog === 'print' && <AllocationPrintPreview ctx={ctx} onClose={close} />}
      </Suspense>
    );
  },
};
