// File → New plan: choose the program template (the one in force for the year is chosen until the
// person picks another), the year, then the file (Electron: main's save dialog; browser mode: a
// path typed here). The 2026–2035 template's note — its component list is to be checked against
// the province's decision — is shown with it. The new plan opens in this window.
import { useId, useState } from 'react';
import { FormDialog } from '../../app/FormDialog';
import { BridgeFailure } from '../../bridge';
import { builtinTemplates, TEMPLATE_2021_2025, TEMPLATE_2026_2035, TEMPLATE_BLANK, type PlanTemplate } from '../../../../shared/templates';
import type { AppContext } from '../types';
import {
  chosenTemplate, initialForm, parseYear, requestOf, withChoice, withYear, yearMismatch, type NewPlanForm, type ProgramColumns, type TemplateChoice,
} from './new-plan-form';

export function NewPlanDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, lang, bridge } = ctx;
  const browser = bridge.mode === 'browser';
  const [form, setForm] = useState<NewPlanForm>(() => initialForm(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const id = useId();
  const year = parseYear(form.year);
  const list = builtinTemplates(year ?? new Date().getFullYear());
  const chosen = chosenTemplate(form);
  const mismatch = yearMismatch(form);
  const request = requestOf(form, browser);

  const create = async () => {
    if (!request) return;
    setBusy(true);
    try {
      const r = await bridge.invoke('templates/newPlan', request);
      onClose();
      await ctx.reload();
      ctx.show(t('templates.new.done', { name: r.file.name }));
    } catch (err) {
      if (!(err instanceof BridgeFailure && err.error.code === 'error.canceled')) ctx.showFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const yearsOf = (tpl: PlanTemplate) => (tpl.years ? t('templates.new.years', { from: tpl.years.from, to: tpl.years.to }) : t('templates.new.anyYear'));

  const option = (value: TemplateChoice, label: string, detail: string) => (
    <label key={value} className="pd-template-option" data-template={value}>
      <input type="radio" name="template" value={value} checked={form.choice === value} onChange={() => setForm((f) => withChoice(f, value))} />
      <span>
        <span className="pd-template-name">{label}</span>
        <span className="pd-help"> — {detail}</span>
      </span>
    </label>
  );

  return (
    <FormDialog
      title={t('templates.new.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={() => void create()}
      className="pd-new-plan-dialog"
      footer={
        <>
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn" onClick={onClose}>
            {t('plan.cancel')}
          </button>
          <button type="submit" className="pd-btn pd-btn-primary" disabled={busy || !request} data-action="create">
            {t('templates.new.create')}
          </button>
        </>
      }
    >
      <p className="pd-dialog-intro">{t('templates.new.hint')}</p>
      <div className="pd-field">
        <label htmlFor={`${id}-year`}>{t('templates.new.year')}</label>
        <input
          id={`${id}-year`}
          name="year"
          className="pd-input"
          inputMode="numeric"
          size={6}
          value={form.year}
          aria-invalid={year === null ? true : undefined}
          onChange={(e) => setForm((f) => withYear(f, e.target.value))}
        />
      </div>
      <fieldset className="pd-fieldset" role="radiogroup" aria-label={t('templates.new.template')}>
        <legend>{t('templates.new.template')}</legend>
        {list.map((tpl) =>
          option(tpl.id as TemplateChoice, tpl.name[lang], tpl.id === TEMPLATE_BLANK ? yearsOf(tpl) : `${yearsOf(tpl)}, ${t('templates.new.lines', { count: tpl.lines.length })}`),
        )}
        {option('file', t('templates.new.fromFile'), t('templates.new.anyYear'))}
      </fieldset>
      {form.choice === TEMPLATE_BLANK && (
        <div className="pd-field">
          <label htmlFor={`${id}-columns`}>{t('templates.new.columns')}</label>
          <select
            id={`${id}-columns`}
            name="columnsFrom"
            className="pd-input"
            value={form.columnsFrom}
            onChange={(e) => setForm((f) => ({ ...f, columnsFrom: e.target.value as ProgramColumns }))}
          >
            {[TEMPLATE_2026_2035, TEMPLATE_2021_2025].map((k) => (
              <option key={k} value={k}>
                {list.find((x) => x.id === k)?.name[lang]}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen?.note && (
        <p className="pd-template-note" role="note" data-note={chosen.id}>
          {chosen.note[lang]}
        </p>
      )}
      {mismatch && (
        <p className="pd-field-error" role="alert">
          {t('templates.new.outOfYears', mismatch)}
        </p>
      )}
      {browser && form.choice === 'file' && (
        <div className="pd-field pd-field-wide">
          <label htmlFor={`${id}-templatePath`}>{t('templates.new.filePath')}</label>
          <input id={`${id}-templatePath`} name="templatePath" className="pd-input" value={form.templatePath} onChange={(e) => setForm((f) => ({ ...f, templatePath: e.target.value }))} />
        </div>
      )}
      {browser && (
        <div className="pd-field pd-field-wide">
          <label htmlFor={`${id}-path`}>{t('templates.new.path')}</label>
          <input id={`${id}-path`} name="path" className="pd-input" value={form.path} onChange={(e) => setForm((f) => ({ ...f, path: e.target.value }))} />
        </div>
      )}
    </FormDialog>
  );
}
