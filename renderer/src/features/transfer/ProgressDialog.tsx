// While the host reads the spreadsheet: what it is doing, a progress bar, and Cancel (the plan is
// untouched whatever happens here).
import type { AppContext } from '../types';
import { cancelImport, type TransferStep } from './flow';
import { Frame } from './Frame';

export function ProgressDialog({ ctx, step }: { ctx: AppContext; step: Extract<TransferStep, { kind: 'progress' }> }) {
  const { t } = ctx;
  // Opening (listing sheets) and uploading have no measure of their own: an indeterminate bar.
  const measured = step.phase === 'read';
  const percent = Math.round(step.fraction * 100);
  const label =
    step.phase === 'read'
      ? typeof step.sheet === 'string'
        ? t('transfer.progress.readSheet', { sheet: step.sheet })
        : t('transfer.progress.read')
      : t('transfer.progress.open');
  const cancel = () => void cancelImport(ctx);
  return (
    <Frame
      id="pd-import-progress"
      title={t('transfer.title')}
      subtitle={step.name}
      closeLabel={t('transfer.cancel')}
      onClose={cancel}
      size="small"
      footer={
        <>
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn" data-action="cancel" onClick={cancel}>
            {t('transfer.cancel')}
          </button>
        </>
      }
    >
      <div className="pd-xfer-progress-label">
        <span>{label}</span>
        {measured && <span className="pd-xfer-percent">{percent}%</span>}
      </div>
      <div
        className={`pd-xfer-bar${measured ? '' : ' is-indeterminate'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={measured ? percent : undefined}
      >
        <div className="pd-xfer-bar-fill" style={measured ? { width: `${percent}%` } : undefined} />
      </div>
      <p className="pd-xfer-hint">{t('transfer.progress.hint')}</p>
    </Frame>
  );
}
