// The findings counts in the status bar (errors, warnings, information), live as the user types;
// a click shows or hides the findings panel.
import { useMemo } from 'react';
import type { AppContext } from '../types';
import { countBySeverity, SEVERITIES } from './findings-view';
import { SeverityIcon } from './SeverityIcon';
import { findingsUi, useFindingsUi } from './ui-state';

export function FindingsStatus({ ctx }: { ctx: AppContext }) {
  const { store, t } = ctx;
  const ui = useFindingsUi();
  const counts = useMemo(() => countBySeverity(store.findings.values()), [store.version, store]); // eslint-disable-line react-hooks/exhaustive-deps
  const none = counts.error + counts.warning + counts.info === 0;
  return (
    <button
      type="button"
      className="pd-findings-status"
      title={t('findings.status.title')}
      aria-pressed={ui.panelShown}
      data-testid="findings-status"
      onClick={() => findingsUi.set({ panelShown: !ui.panelShown })}
    >
      {none ? (
        <span className="pd-findings-status-part">
          <span className="pd-findings-ok" aria-hidden="true">✓</span>
          {t('findings.status.none')}
        </span>
      ) : (
        SEVERITIES.map((s) => (
          <span key={s} className={`pd-findings-status-part pd-findings-status-${s}${counts[s] === 0 ? ' is-zero' : ''}`} data-count={s}>
            <SeverityIcon severity={s} />
            {t(`findings.count.${s}`, { count: counts[s].toLocaleString('vi-VN') })}
          </span>
        ))
      )}
    </button>
  );
}
