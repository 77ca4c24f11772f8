// History of a plan in the main window: Tools → Change log, Plan revisions, Compare; File → New
// cycle from this plan. The dialogs live here; the backup feature (File → Restore from backup)
// shares the dialog state and frame.
import type { Feature } from '../types';
import { AuditDialog } from './AuditDialog';
import { CompareDialog } from './CompareDialog';
import { NewCycleDialog } from './NewCycleDialog';
import { RevisionsDialog } from './RevisionsDialog';
import { openDialog, useOpenDialog } from './ui-state';

export const historyFeature: Feature = {
  id: 'history',
  menus: (ctx) => ({
    file: [{ id: 'history.newCycle', label: ctx.t('menu.history.newCycle'), run: () => ctx.run('history.newCycle') }],
    tools: [
      { id: 'history.audit', label: ctx.t('menu.history.audit'), run: () => ctx.run('history.audit') },
      { id: 'history.revisions', label: ctx.t('menu.history.revisions'), run: () => ctx.run('history.revisions') },
      { id: 'history.compare', label: ctx.t('menu.history.compare'), run: () => ctx.run('history.compare') },
    ],
  }),
  actions: () => ({
    'history.audit': () => openDialog({ kind: 'audit' }),
    'history.revisions': () => openDialog({ kind: 'revisions' }),
    'history.compare': () => openDialog({ kind: 'compare' }),
    'history.newCycle': () => openDialog({ kind: 'newCycle' }),
  }),
  Overlay: function HistoryOverlay({ ctx }) {
    const open = useOpenDialog();
    const close = () => openDialog(null);
    switch (open?.kind) {
      case 'audit':
        return <AuditDialog ctx={ctx} onClose={close} />;
      case 'revisions':
        return <RevisionsDialog ctx={ctx} onClose={close} />;
      case 'compare':
        return <CompareDialog key={JSON.stringify(open.preset ?? null)} ctx={ctx} onClose={close} preset={open.preset} />;
      case 'newCycle':
        return <NewCycleDialog ctx={ctx} onClose={close} />;
      default:
        return null;
    }
  },
};
