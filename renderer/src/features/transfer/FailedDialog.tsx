// An import that could not go on (a broken, hostile or password-protected file, a refusal): the
// reason in plain Vietnamese, and the assurance that the open plan did not change.
import { tStored } from '../../../../shared/i18n';
import type { AppContext } from '../types';
import { cancelImport, type TransferStep } from './flow';
import { Frame } from './Frame';

export function FailedDialog({ ctx, step }: { ctx: AppContext; step: Extract<TransferStep, { kind: 'failed' }> }) {
  const { t } = ctx;
  const close = () => void cancelImport(ctx, { quiet: true });
  return (
    <Frame
      id="pd-import-failed"
      title={t('transfer.failed.title')}
      subtitle={step.name}
      closeLabel={t('common.close')}
      onClose={close}
      size="small"
      footer={
        <>
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn pd-btn-primary" data-action="close" onClick={close}>
            {t('common.close')}
          </button>
        </>
      }
    >
      <div className="pd-xfer-failure" role="alert">
        <span className="pd-xfer-failure-icon" aria-hidden="true">!</span>
        <div>
          <p className="pd-xfer-failure-text">{tStored(ctx.lang, step.error.code, step.error.params)}</p>
          <p className="pd-xfer-hint">{t('transfer.failed.unchanged')}</p>
        </div>
      </div>
    </Frame>
  );
}
