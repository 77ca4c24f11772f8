// What PlanDesk says when a file opens, once per open: the plan is open elsewhere (who, where,
// since when — kept read-only, or taken over on purpose), the previous session ended without
// closing it (and the check's result), the file is read-only, or it lives on a network share.
import { useEffect, useRef, useState } from 'react';
import type { SafetyStatus } from '../../../../shared/commands/history';
import { Dialog } from '../history/Dialog';
import { formatTime } from '../history/format';
import { openDialog } from '../history/ui-state';
import type { AppContext } from '../types';

export function SafetyNotice({ ctx }: { ctx: AppContext }) {
  const { t, lang, bridge, store } = ctx;
  const [status, setStatus] = useState<SafetyStatus | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const shown = useRef(new Set<number>());

  useEffect(() => {
    if (!store.file) return;
    let live = true;
    bridge.invoke('safety/status', {}).then(
      (s) => {
        if (!live || shown.current.has(s.openId)) return;
        shown.current.add(s.openId);
        setDismissed(false);
        setStatus(s);
        if (!s.lockedBy && !s.recovered) {
          if (s.readOnlyReason === 'file') {
            ctx.show(t(s.writeProblem === 'medium' ? 'safety.readOnlyMedium' : s.writeProblem === 'full' ? 'safety.readOnlyFull' : 'safety.readOnlyFile'));
          }
          else if (s.networkShare) ctx.show(t('safety.network'));
        }
      },
      () => {},
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, store.file]);

  if (!status || dismissed) return null;
  const close = () => setDismissed(true);

  if (status.lockedBy) {
    const o = status.lockedBy;
    const takeOver = async () => {
      try {
        await bridge.invoke('safety/takeOver', {});
        close();
        await ctx.reload();
      } catch (e) {
        ctx.showFailure(e);
      }
    };
    return (
      <Dialog id="pd-locked" title={t('safety.locked.title')} onClose={close} closeLabel={t('common.close')}>
        <p>{t('safety.locked.body', { user: o.user, host: o.host, since: formatTime(o.since, lang) })}</p>
        {o.sameHost && <p className="pd-hist-hint">{t('safety.locked.sameHost')}</p>}
        <p className="pd-hist-warn">{t('safety.locked.takeOverWarn')}</p>
        <div className="pd-hist-actions">
          <button type="button" className="pd-hist-primary" data-answer="readOnly" onClick={close} data-autofocus>
            {t('safety.locked.readOnly')}
          </button>
          <button type="button" data-answer="takeOver" onClick={() => void takeOver()}>
            {t('safety.locked.takeOver')}
          </button>
        </div>
      </Dialog>
    );
  }

  if (status.recovered) {
    const r = status.recovered;
    return (
      <Dialog id="pd-recovered" title={t('safety.recovered.title')} onClose={close} closeLabel={t('common.close')}>
        <p>
          {r.check === 'ok'
            ? t('safety.recovered.ok', { user: r.owner.user, host: r.owner.host, since: formatTime(r.owner.since, lang) })
            : t('safety.recovered.failed')}
        </p>
        {r.problems.length > 0 && <pre className="pd-hist-hint">{r.problems.slice(0, 5).join('\n')}</pre>}
        <div className="pd-hist-actions">
          {r.check === 'failed' && (
            <button
              type="button"
              onClick={() => {
                close();
                openDialog({ kind: 'restore' });
              }}
            >
              {t('menu.history.restore')}
            </button>
          )}
          <button type="button" className="pd-hist-primary" onClick={close} data-autofocus>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    );
  }
  return null;
}
