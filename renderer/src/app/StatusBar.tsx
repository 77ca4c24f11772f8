// The status bar: file name and save state, line count, unit. Other areas add their parts
// (findings counts, selection figures) through `children`.
import type { ReactNode } from 'react';
import type { FileInfo } from '../../../shared/ipc';
import type { DisplayUnit } from '../../../shared/model';
import { useLang } from '../i18n';

export function StatusBar(props: {
  file: FileInfo | null;
  lineCount: number;
  unit: DisplayUnit;
  /** Rows loaded so far while a big plan arrives in the background (null: all here). */
  loading?: { loaded: number; total: number } | null;
  /** An edit is shown but the engine has not confirmed it yet. */
  saving?: boolean;
  children?: ReactNode;
}) {
  const { t } = useLang();
  return (
    <footer className="pd-statusbar" role="status" aria-live="polite">
      <span className="pd-status-file" title={props.file?.path}>{props.file?.name}</span>
      <span className="pd-status-saved" data-state={props.file?.readOnly ? 'read-only' : props.saving ? 'saving' : 'saved'}>
        {props.file?.readOnly ? t('status.readOnly') : props.saving ? t('status.saving') : t('status.saved')}
      </span>
      <span>{t('status.lines', { count: props.lineCount.toLocaleString('vi-VN') })}</span>
      <span>{t('unit.label', { unit: t(`unit.${props.unit}`) })}</span>
      {props.loading && (
        <span className="pd-loading-rows">
          {t('status.loadingRows', { loaded: props.loading.loaded.toLocaleString('vi-VN'), total: props.loading.total.toLocaleString('vi-VN') })}
        </span>
      )}
      <span className="pd-status-extra">{props.children}</span>
    </footer>
  );
}
