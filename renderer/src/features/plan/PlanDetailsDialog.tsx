// File → Plan details: the document the plan belongs to (title, year, number, date, issuing body),
// how its figures are shown (unit, number format) and the signature block of its annexes. Saving
// sends the changed fields in one 'meta/set' (one undo step); the grid, the findings' tolerance and
// the printed annex follow.
import { useId, useState } from 'react';
import { FormDialog } from '../../app/FormDialog';
import type { DisplayUnit } from '../../../../shared/model';
import { tMessage } from '../../../../shared/i18n';
import type { AppContext } from '../types';
import { changedMeta, fromPlanForm, toPlanForm, type PlanForm, type PlanFormErrors } from './plan-form';

const UNITS: DisplayUnit[] = ['dong', 'nghin', 'trieu', 'ty'];

export function PlanDetailsDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { store, t, bridge } = ctx;
  const meta = store.meta!;
  const [form, setForm] = useState<PlanForm>(() => toPlanForm(meta));
  const [errors, setErrors] = useState<PlanFormErrors>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const readOnly = !!store.file?.readOnly;
  const set = (patch: Partial<PlanForm>) => setForm((f) => ({ ...f, ...patch }));

  const save = async () => {
    const r = fromPlanForm(form);
    if (!r.ok) {
      setErrors(r.errors);
      // The first field in error gets the keyboard, as a person would look for it.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.pd-plan-dialog [aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    const changed = changedMeta(meta, r.meta);
    if (readOnly || Object.keys(changed).length === 0) return onClose();
    setBusy(true);
    try {
      await ctx.grid.current?.applyPatch(await bridge.invoke('meta/set', { meta: changed }));
      onClose();
      ctx.show(t('plan.saved'));
    } catch (err) {
      ctx.showFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof PlanForm & string, label: string, opts: { wide?: boolean; inputMode?: 'numeric'; placeholder?: string; lines?: number } = {}) => {
    // What the one-line and the several-line field share.
    const field = {
      id: `${id}-${name}`,
      name,
      className: 'pd-input',
      placeholder: opts.placeholder,
      value: form[name] as string,
      readOnly,
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
      onChange: (e: { target: { value: string } }) => set({ [name]: e.target.value } as Partial<PlanForm>),
    };
    return (
      <div className={`pd-field${opts.wide ? ' pd-field-wide' : ''}`}>
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {opts.lines ? (
          <textarea
            {...field}
            rows={opts.lines}
            // Enter makes a new line here; the form is saved with the button (or Ctrl+Enter).
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey) e.stopPropagation();
            }}
          />
        ) : (
          <input {...field} type="text" inputMode={opts.inputMode} />
        )}
        {errors[name] && (
          <div className="pd-field-error" role="alert" id={`${id}-${name}-error`}>
            {tMessage(ctx.lang, errors[name]!)}
          </div>
        )}
      </div>
    );
  };

  return (
    <FormDialog
      title={t('plan.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={() => void save()}
      className="pd-plan-dialog"
      footer={
        <>
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn" onClick={onClose}>
            {t('plan.cancel')}
          </button>
          <button type="submit" className="pd-btn pd-btn-primary" disabled={busy || readOnly} data-action="save">
            {t('plan.save')}
          </button>
        </>
      }
    >
      <p className="pd-dialog-intro">{t('plan.intro')}</p>
      <fieldset className="pd-fieldset">
        <legend>{t('plan.section.document')}</legend>
        {text('program', t('plan.field.program'), { wide: true })}
        {text('year', t('plan.field.year'), { inputMode: 'numeric' })}
        {text('docKind', t('plan.field.docKind'))}
        {text('docNumber', t('plan.field.docNumber'), { placeholder: '122/KH-UBND' })}
        {text('docDate', t('plan.field.docDate'), { placeholder: '29/02/2024' })}
        {text('issuer', t('plan.field.issuer'), { wide: true })}
        {text('place', t('plan.field.place'))}
        {text('annexNumber', t('plan.field.annexNumber'), { placeholder: 'I' })}
      </fieldset>
      <fieldset className="pd-fieldset">
        <legend>{t('plan.section.numbers')}</legend>
        <div className="pd-field">
          <label htmlFor={`${id}-unit`}>{t('plan.field.unit')}</label>
          <select id={`${id}-unit`} name="unit" className="pd-input" value={form.unit} disabled={readOnly} onChange={(e) => set({ unit: e.target.value as DisplayUnit })}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`unit.${u}`)}
              </option>
            ))}
          </select>
          <p className="pd-help">{t('plan.unit.hint')}</p>
        </div>
        <div className="pd-field">
          <label htmlFor={`${id}-numberLocale`}>{t('plan.field.numberLocale')}</label>
          <select
            id={`${id}-numberLocale`}
            name="numberLocale"
            className="pd-input"
            value={form.numberLocale}
            disabled={readOnly}
            onChange={(e) => set({ numberLocale: e.target.value as PlanForm['numberLocale'] })}
          >
            <option value="vi-VN">{t('plan.locale.vi')}</option>
            <option value="en-US">{t('plan.locale.en')}</option>
          </select>
        </div>
      </fieldset>
      <fieldset className="pd-fieldset">
        <legend>{t('plan.section.signature')}</legend>
        {text('onBehalf', t('plan.field.onBehalf'))}
        {text('authority', t('plan.field.authority'))}
        {text('title', t('plan.field.signTitle'))}
        {text('signer', t('plan.field.signer'))}
        {text('preparedBy', t('plan.field.preparedBy'))}
        {text('recipients', t('plan.field.recipients'), { wide: true, lines: 4, placeholder: t('plan.field.recipientsPlaceholder') })}
      </fieldset>
    </FormDialog>
  );
}
