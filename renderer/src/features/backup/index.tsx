// Backups and file safety in the main window: File → Restore from backup, the notices shown when a
// file opens (open elsewhere, not closed properly, read-only, network share) and the status-bar part.
import { RestoreDialog } from './RestoreDialog';
import { SafetyNotice } from './SafetyNotice';
import { SafetyStatusBar } from './SafetyStatusBar';
import { openDialog, useOpenDialog } from '../history/ui-state';
import type { Feature } from '../types';

export const backupFeature: Feature = {
  id: 'backup',
  menus: (ctx) => ({
    file: [{ id: 'backup.restore', label: ctx.t('menu.history.restore'), run: () => ctx.run('backup.restore') }],
  }),
  actions: () => ({
    'backup.restore': () => openDialog({ kind: 'restore' }),
  }),
  Overlay: function BackupOverlay({ ctx }) {
    const open = useOpenDialog();
    return (
      <>
        <SafetyNotice ctx={ctx} />
        {open?.kind === 'restore' && <RestoreDialog ctx={ctx} onClose={() => openDialog(null)} />}
      </>
    );
  },
  Status: SafetyStatusBar,
};
