// File → New cycle from this plan: next year's plan with this one's lines, funding columns, rule
// settings and layouts, with or without the amounts, in a new file that then opens. When the year
// falls under another program (a 2024/2025 plan → 2026), it offers that program's template instead
// (features/templates): its structure, this plan's document details and settings, no figures.
import { useState } from 'react';
import { BridgeFailure } from '../../bridge';
import { nextYearTemplate } from '../templates/new-plan-form';
import type { AppContext } from '../types';
import { Dialog } from './Dialog';

export function NewCycleDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, bridge, store } = ctx;
  const [year, setYear] = useState(String((store.meta?.year ?? new Date().getFullYear()) + 1));
  const [docNumber, setDocNumber] = useState('');
  const [keepAmounts, setKeepAmounts] = useState(false);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [keepStructure, setKeepStructure] = useState(false);
  const browser = bridge.mode === 'browser';
  const yearNum = Number(year);
  const yearOk = Number.isInteger(yearNum) && yearNum >= 1900 && yearNum <= 2200;
  const valid = yearOk && (!browser || path.trim() !== '');
  // The program in force that year, when it is another than this plan's (null: the structure goes on).
  const offer = yearOk ? nextYearTemplate(store.meta?.year ?? yearNum, yearNum) : null;
  const fromTemplate = offer !== null && !keepStructure;

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    setBusy(true);
    try {
      // In Electron the main process asks where to save (the path here is ignored there).
      const doc = docNumber.trim() ? { docNumber: docNumber.trim() } : {};
      const r = fromTemplate
        ? await bridge.invoke('templates/nextYear', { template: { kind: 'builtin', id: offer.id }, path: browser ? path.trim() : '', year: yearNum, ...doc })
        : await bridge.invoke('history/newCycle', { path: browser ? path.trim() : '', year: yearNum, keepAmounts, ...doc });
      onClose();
      await ctx.reload();
      ctx.show(t('history.newCycle.done', { name: r.file.name }));
    } catch (err) {
      if (!(err instanceof BridgeFailure && err.error.code === 'error.canceled')) ctx.showFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog id="pd-new-cycle" title={t('history.newCycle.title')} onClose={onClose} closeLabel={t('common.close')}>
      <p className="pd-hist-hint">{t('history.newCycle.hint')}</p>
      <form className="pd-hist-form" onSubmit={(e) => void create(e)}>
        <label>
          {t('history.newCycle.year')}
          <input name="year" inputMode="numeric" size={6} value={year} onChange={(e) => setYear(e.target.value)} data-autofocus />
        </label>
        <label>
          {t('history.newCycle.docNumber')}
          <input name="docNumber" size={18} maxLength={100} value={docNumber} onChange={(e) => setDocNumber(e.target.value)} />
        </label>
        {offer && (
          <fieldset className="pd-hist-structure" style={{ flexBasis: '100%' }}>
            <legend>{t('templates.nextYear.structure')}</legend>
            <p className="pd-hist-hint">{t('templates.nextYear.hint', { year: yearNum })}</p>
            <label className="pd-hist-check">
              <input type="radio" name="structure" value="template" checked={!keepStructure} onChange={() => setKeepStructure(false)} />
              {t('templates.nextYear.program', { name: offer.name[ctx.lang] })}
            </label>
            {!keepStructure && offer.note && (
              <p className="pd-hist-hint" role="note">
                {offer.note[ctx.lang]}
              </p>
            )}
            <label className="pd-hist-check">
              <input type="radio" name="structure" value="keep" checked={keepStructure} onChange={() => setKeepStructure(true)} />
              {t('templates.nextYear.keep')}
            </label>
          </fieldset>
        )}
        <label className="pd-hist-check">
          <input name="keepAmounts" type="checkbox" disabled={fromTemplate} checked={keepAmounts && !fromTemplate} onChange={(e) => setKeepAmounts(e.target.checked)} />
          {t('history.newCycle.keepAmounts')}
        </label>
        {browser && (
          <label style={{ flexBasis: '100%' }}>
            {t('history.newCycle.path')}
            <input name="path" value={path} onChange={(e) => setPath(e.target.value)} />
          </label>
        )}
        <div className="pd-hist-actions" style={{ flexBasis: '100%' }}>
          <button type="submit" className="pd-hist-primary" disabled={!valid || busy}>
            {t('history.newCycle.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
