// The findings area (issue 3, "Live totals that flag mismatches"), plugged into the main window:
// the findings panel beside the grid, the counts in the status bar, the Rules and capital-type
// dialogs, and their menu items and actions. The engine keeps the findings current (each Patch
// carries a FindingsDelta); this area shows them and lets the officer act on them.
import type { Feature } from '../types';
import { acceptAllComputed, stepFinding } from './actions';
import { FindingsOverlay } from './FindingsOverlay';
import { FindingsPanel } from './FindingsPanel';
import { FindingsStatus } from './FindingsStatus';
import { findingsUi } from './ui-state';

export const findingsFeature: Feature = {
  id: 'findings',
  menus: (ctx) => ({
    view: [
      {
        id: 'findings.panel',
        label: ctx.t('findings.menu.panel'),
        // A getter: the menu reads it when it opens, after the panel may have been toggled from
        // the status bar or its own close button without the window re-rendering.
        get checked() {
          return findingsUi.get().panelShown;
        },
        run: () => ctx.run('findings.panel'),
      },
      { id: 'findings.next', label: ctx.t('findings.menu.next'), shortcut: 'F8', run: () => ctx.run('findings.next') },
      { id: 'findings.prev', label: ctx.t('findings.menu.prev'), shortcut: 'Shift+F8', run: () => ctx.run('findings.prev') },
    ],
    tools: [
      { id: 'findings.rules', label: ctx.t('findings.menu.rules'), run: () => ctx.run('findings.rules') },
      {
        id: 'findings.acceptAll',
        label: ctx.t('findings.menu.acceptAll'),
        disabled: !!ctx.store.file?.readOnly,
        run: () => ctx.run('findings.acceptAll'),
      },
      {
        id: 'findings.acceptSelection',
        label: ctx.t('findings.menu.acceptSelection'),
        disabled: !!ctx.store.file?.readOnly,
        run: () => ctx.run('findings.acceptSelection'),
      },
      {
        id: 'findings.capital',
        label: ctx.t('findings.menu.capital'),
        disabled: !!ctx.store.file?.readOnly,
        run: () => ctx.run('findings.capital'),
      },
    ],
  }),
  actions: (ctx) => ({
    'findings.panel': () => findingsUi.set({ panelShown: !findingsUi.get().panelShown }),
    'findings.next': () => void stepFinding(ctx, 1),
    'findings.prev': () => void stepFinding(ctx, -1),
    'findings.rules': () => findingsUi.set({ dialog: { kind: 'rules' } }),
    'findings.acceptAll': () => void acceptAllComputed(ctx),
    'findings.acceptSelection': () => void acceptAllComputed(ctx, ctx.grid.current?.selectedCells() ?? []),
    'findings.capital': () => {
      const cell = findingsUi.get().lastCell;
      if (cell && ctx.store.rows.has(cell.lineId)) findingsUi.set({ dialog: { kind: 'capital', lineId: cell.lineId } });
      else ctx.show(ctx.t('findings.noLine'), 'info');
    },
  }),
  SidePanel: FindingsPanel,
  Overlay: FindingsOverlay,
  Status: FindingsStatus,
};
