// A workbook with several sheets: which one holds the budget table? "Automatic" (the first visible
// sheet with a table) is chosen at first; hidden sheets are listed, marked, and can be chosen too.
import { useState } from 'react';
import type { AppContext } from '../types';
import { cancelImport, readAgain, type TransferStep } from './flow';
import { Frame } from './Frame';

const AUTO = '\u0000auto';

export function SheetDialog({ ctx, step }: { ctx: AppContext; step: Extract<TransferStep, { kind: 'sheet' }> }) {
  const { t } = ctx;
  const [choice, setChoice] = useState<string>(AUTO);
  const visible = step.sheets.filter((s) => !s.hidden).length;
  const read = () => void readAgain(ctx, step.job, choice === AUTO ? null : choice, null);
  const cancel = () => void cancelImport(ctx);
  return (
    <Frame
      id="pd-import-sheet"
      title={t('transfer.sheet.title')}
      subtitle={step.name}
      closeLabel={t('transfer.cancel')}
      onClose={cancel}
      size="small"
      autoFocus="input:checked"
      footer={
        <>
          <span className="pd-xfer-foot-note">{t('transfer.nothingWritten')}</span>
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn pd-btn-primary" data-action="read" onClick={read}>
            {t('transfer.sheet.read')}
          </button>
          <button type="button" className="pd-btn" data-action="cancel" onClick={cancel}>
            {t('transfer.cancel')}
          </button>
        </>
      }
    >
      <p className="pd-dialog-intro">{t('transfer.sheet.hint', { file: step.name, count: visible })}</p>
      <div
        className="pd-xfer-sheets"
        role="radiogroup"
        aria-label={t('transfer.sheet.title')}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            read();
          }
        }}
      >
        <label className="pd-xfer-sheet is-auto">
          <input type="radio" name="sheet" value="" checked={choice === AUTO} onChange={() => setChoice(AUTO)} />
          <span>{t('transfer.sheet.auto')}</span>
        </label>
        {step.sheets.map((s, i) => (
          <label key={s.name} className={`pd-xfer-sheet${s.hidden ? ' is-hidden' : ''}`} onDoubleClick={() => void readAgain(ctx, step.job, s.name, null)}>
            <input type="radio" name="sheet" value={s.name} checked={choice === s.name} onChange={() => setChoice(s.name)} />
            <span className="pd-xfer-sheet-no">{i + 1}</span>
            <span className="pd-xfer-sheet-name">{s.name}</span>
            {s.hidden && <span className="pd-xfer-tag">{t('transfer.sheet.hidden')}</span>}
          </label>
        ))}
      </div>
    </Frame>
  );
}
