// File → Restore from backup: this plan's automatic backups by date (and, after a damaged file
// failed to open, that file's backups), with Restore (asked twice), Back up now, and how many to keep.
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, HistoryResults } from '../../../../shared/commands/history';
import { Dialog } from '../history/Dialog';
import { formatSize, formatTime } from '../history/format';
import type { AppContext } from '../types';

type Listing = HistoryResults['backup/list'];

export function RestoreDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, lang, bridge, store } = ctx;
  const [listing, setListing] = useState<Listing | null>(null);
  const [enabled, setEnabled] = useState(true);
  const [interval, setInterval_] = useState(60);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [keep, setKeep] = useState('');
  const [busy, setBusy] = useState(false);
  const readOnly = !!store.file?.readOnly;

  const refresh = useCallback(async () => {
    try {
      const [l, s, setting] = await Promise.all([
        bridge.invoke('backup/list', {}),
        bridge.invoke('safety/status', {}),
        bridge.invoke('settings/get', { key: 'backup' }),
      ]);
      setListing(l);
      setKeep(String(l.keep));
      setEnabled(s.backups.enabled);
      const v = setting.value as { intervalMinutes?: number } | null;
      setInterval_(v?.intervalMinutes ?? 60);
    } catch (e) {
      ctx.showFailure(e);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const restore = async (b: BackupInfo, damaged: boolean) => {
    if (confirming !== b.id) return setConfirming(b.id);
    setConfirming(null);
    setBusy(true);
    try {
      await bridge.invoke('backup/restore', { id: b.id, damaged });
      onClose();
      await ctx.reload();
      ctx.show(t('backup.restored', { at: formatTime(b.at, lang) }));
    } catch (e) {
      ctx.showFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const backupNow = async () => {
    setBusy(true);
    try {
      const r = await bridge.invoke('backup/now', {});
      if (r.backup) ctx.show(t('backup.made', { at: formatTime(r.backup.at, lang) }));
      await refresh();
    } catch (e) {
      ctx.showFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const saveKeep = async (e: React.FormEvent) => {
    e.preventDefault();
    const n = Number(keep);
    if (!Number.isInteger(n) || n < 1 || n > 1000) return;
    try {
      const cur = (await bridge.invoke('settings/get', { key: 'backup' })).value as Record<string, unknown> | null;
      store.apply(await bridge.invoke('settings/set', { key: 'backup', value: { ...(cur ?? {}), keep: n } }));
      await refresh();
    } catch (err) {
      ctx.showFailure(err);
    }
  };

  const table = (list: BackupInfo[], damaged: boolean) => (
    <table className="pd-hist-table" data-testid={damaged ? 'damaged-backups' : 'backups'}>
      <thead>
        <tr>
          <th>{t('backup.col.at')}</th>
          <th>{t('backup.col.reason')}</th>
          <th>{t('backup.col.size')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {list.map((b) => (
          <tr key={b.id} data-backup={b.id}>
            <td>{formatTime(b.at, lang)}</td>
            <td>{t(`backup.reason.${b.reason}`)}</td>
            <td className="pd-num">{formatSize(b.size)}</td>
            <td>
              {(damaged || !readOnly) && (
                <button
                  type="button"
                  data-action="restore"
                  disabled={busy}
                  className={confirming === b.id ? 'pd-hist-danger' : undefined}
                  title={t('backup.confirm', { at: formatTime(b.at, lang) })}
                  onClick={() => void restore(b, damaged)}
                >
                  {confirming === b.id ? `${t('backup.restore')}?` : t('backup.restore')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <Dialog id="pd-restore" title={t('backup.title')} onClose={onClose} closeLabel={t('common.close')}>
      {listing?.damaged && listing.damaged.backups.length > 0 && (
        <>
          <p className="pd-hist-warn">{t('backup.damagedSection', { name: listing.damaged.name })}</p>
          {table(listing.damaged.backups, true)}
        </>
      )}
      {!enabled ? (
        <p className="pd-hist-hint">{t('backup.disabled')}</p>
      ) : (
        <p className="pd-hist-hint">{t('backup.hint', { interval, keep: listing?.keep ?? 20 })}</p>
      )}
      {listing && (listing.backups.length === 0 ? <p className="pd-hist-hint">{t('backup.empty')}</p> : table(listing.backups, false))}
      {enabled && !readOnly && (
        <form className="pd-hist-form" onSubmit={(e) => void saveKeep(e)}>
          <label>
            {t('backup.keep')}
            <input name="keep" inputMode="numeric" size={5} value={keep} onChange={(e) => setKeep(e.target.value)} />
          </label>
          <button type="submit">{t('backup.saveSettings')}</button>
          <span style={{ flex: 1 }} />
          <button type="button" onClick={() => void backupNow()} disabled={busy}>
            {t('backup.now')}
          </button>
        </form>
      )}
    </Dialog>
  );
}
