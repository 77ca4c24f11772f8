// The status bar's part for file safety: read-only because someone else is editing, network share,
// and when the last backup was made (or that it failed). Refreshed on every load and each minute.
import { useEffect, useState } from 'react';
import type { SafetyStatus } from '../../../../shared/commands/history';
import { formatTime } from '../history/format';
import { tStored } from '../../../../shared/i18n';
import type { AppContext } from '../types';

export function SafetyStatusBar({ ctx }: { ctx: AppContext }) {
  const { t, lang, bridge, store } = ctx;
  const [s, setS] = useState<SafetyStatus | null>(null);
  useEffect(() => {
    let live = true;
    const fetch = () => bridge.invoke('safety/status', {}).then((x) => live && setS(x), () => {});
    void fetch();
    const timer = window.setInterval(fetch, 60_000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [bridge, store.file, store.undo]);
  if (!s) return null;
  return (
    <span className="pd-safety" data-testid="safety-status">
      {s.lockedBy && (
        <span className="pd-safety-badge pd-warn" title={t('safety.locked.body', { user: s.lockedBy.user, host: s.lockedBy.host, since: formatTime(s.lockedBy.since, lang) })}>
          {t('safety.status.locked', { user: s.lockedBy.user })}
        </span>
      )}
      {s.networkShare && <span className="pd-safety-badge" title={t('safety.network')}>{t('safety.status.network')} </span>}
      {s.backups.enabled &&
        (s.backups.lastError ? (
          <span className="pd-safety-badge pd-err" title={tStored(lang, s.backups.lastError)}>
            {t('backup.status.error')}
          </span>
        ) : (
          <span>{s.backups.latest ? t('backup.status', { at: formatTime(s.backups.latest, lang) }) : t('backup.status.none')}</span>
        ))}
    </span>
  );
}
