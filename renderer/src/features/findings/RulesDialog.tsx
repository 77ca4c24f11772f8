// The Rules dialog: the cycle's rule parameters (counterpart minimum and its tolerance, per-line
// checks and their depth, the tolerance of stated-vs-computed comparisons), with Vietnamese labels
// and the reason for each. Saving sends one 'rules/set' (one undo step); the engine re-checks the
// plan and the panel and flags follow.
import { useId, useState } from 'react';
import { UNIT_DONG } from '../../../../shared/model';
import { formatAmount } from '../../../../shared/number';
import type { AppContext } from '../types';
import { runPatch } from './actions';
import { FormDialog as Dialog } from '../../app/FormDialog';
import { defaultForm, fromForm, sameRules, toForm, type RuleForm, type RuleFormErrors } from './rule-form';

export function RulesDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { store, t } = ctx;
  const meta = store.meta!;
  const unit = meta.unit;
  const locale = meta.numberLocale;
  const [form, setForm] = useState<RuleForm>(() => toForm(store.rules!, unit, locale));
  const [errors, setErrors] = useState<RuleFormErrors>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const readOnly = !!store.file?.readOnly;
  const unitName = t(`unit.${unit}`);
  const set = (patch: Partial<RuleForm>) => setForm((f) => ({ ...f, ...patch }));

  const save = async () => {
    const r = fromForm(form, unit, locale);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    if (readOnly || sameRules(r.rules, store.rules!)) return onClose();
    setBusy(true);
    const patch = await runPatch(ctx, 'rules/set', { rules: r.rules });
    setBusy(false);
    if (patch) onClose();
  };

  const depthMax = Math.max(4, form.depth);
  const depthLabel = (d: number) => (d <= 1 ? t(d === 1 ? 'rulesDialog.depth.1' : 'rulesDialog.depth.0') : t('rulesDialog.depth.n', { level: d + 1 }));
  const field = (name: keyof RuleFormErrors) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': `${id}-${name}-help`,
  });
  const error = (name: keyof RuleFormErrors) =>
    errors[name] && (
      <div className="pd-field-error" role="alert">
        {t(errors[name]!)}
      </div>
    );

  return (
    <Dialog
      title={t('rulesDialog.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={() => void save()}
      className="pd-rules-dialog"
      footer={
        <>
          <button type="button" className="pd-btn pd-btn-link" onClick={() => setForm(defaultForm(unit, locale))} disabled={readOnly}>
            {t('rulesDialog.defaults')}
          </button>
          <span className="pd-dialog-spacer" />
          <button type="button" className="pd-btn" onClick={onClose}>
            {t('rulesDialog.cancel')}
          </button>
          <button type="submit" className="pd-btn pd-btn-primary" disabled={busy || readOnly} data-action="save">
            {t('rulesDialog.save')}
          </button>
        </>
      }
    >
      <p className="pd-dialog-intro">{t('rulesDialog.intro')}</p>

      <fieldset className="pd-fieldset">
        <legend>{t('rulesDialog.counterpart')}</legend>
        <div className="pd-field">
          <label htmlFor={`${id}-minPercent`}>{t('rulesDialog.minPercent')}</label>
          <input
            {...field('minPercent')}
            name="counterpartMinPercent"
            className="pd-input pd-input-num"
            type="text"
            inputMode="decimal"
            value={form.minPercent}
            onChange={(e) => set({ minPercent: e.target.value })}
          />
          {error('minPercent')}
          <p className="pd-help" id={`${id}-minPercent-help`}>{t('rulesDialog.minPercent.help')}</p>
        </div>
        <div className="pd-field">
          <label htmlFor={`${id}-basis`}>{t('rulesDialog.basis')}</label>
          <input
            id={`${id}-basis`}
            aria-describedby={`${id}-basis-help`}
            name="counterpartBasis"
            className="pd-input"
            type="text"
            maxLength={200}
            value={form.basis}
            onChange={(e) => set({ basis: e.target.value })}
          />
          <p className="pd-help" id={`${id}-basis-help`}>{t('rulesDialog.basis.help')}</p>
        </div>
        <div className="pd-field">
          <label htmlFor={`${id}-tolerancePercent`}>{t('rulesDialog.tolerancePercent')}</label>
          <input
            {...field('tolerancePercent')}
            name="counterpartTolerancePercent"
            className="pd-input pd-input-num"
            type="text"
            inputMode="decimal"
            value={form.tolerancePercent}
            onChange={(e) => set({ tolerancePercent: e.target.value })}
          />
          {error('tolerancePercent')}
          <p className="pd-help" id={`${id}-tolerancePercent-help`}>{t('rulesDialog.tolerancePercent.help')}</p>
        </div>
        <div className="pd-field pd-field-check">
          <label>
            <input type="checkbox" name="counterpartPerLine" checked={form.perLine} onChange={(e) => set({ perLine: e.target.checked })} />
            {t('rulesDialog.perLine')}
          </label>
          <p className="pd-help">{t('rulesDialog.perLine.help')}</p>
        </div>
        <div className="pd-field pd-field-inline">
          <label htmlFor={`${id}-depth`}>{t('rulesDialog.depth')}</label>
          <select
            id={`${id}-depth`}
            name="counterpartLineDepth"
            className="pd-input"
            value={form.depth}
            disabled={!form.perLine}
            onChange={(e) => set({ depth: Number(e.target.value) })}
          >
            {Array.from({ length: depthMax + 1 }, (_, d) => (
              <option key={d} value={d}>
                {depthLabel(d)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset className="pd-fieldset">
        <legend>{t('rulesDialog.sums')}</legend>
        <div className="pd-field" role="radiogroup" aria-labelledby={`${id}-tol-label`}>
          <div className="pd-label" id={`${id}-tol-label`}>{t('rulesDialog.tolerance')}</div>
          <label className="pd-radio">
            <input
              type="radio"
              name="toleranceMode"
              checked={form.toleranceMode === 'default'}
              onChange={() => set({ toleranceMode: 'default' })}
            />
            {t('rulesDialog.tolerance.default', { amount: formatAmount(UNIT_DONG[unit] / 2, unit, locale), unit: unitName })}
          </label>
          <label className="pd-radio">
            <input
              type="radio"
              name="toleranceMode"
              checked={form.toleranceMode === 'custom'}
              onChange={() => set({ toleranceMode: 'custom' })}
            />
            {t('rulesDialog.tolerance.custom', { unit: unitName })}
            <input
              {...field('toleranceAmount')}
              name="toleranceDong"
              className="pd-input pd-input-num"
              type="text"
              inputMode="decimal"
              value={form.toleranceAmount}
              disabled={form.toleranceMode !== 'custom'}
              onChange={(e) => set({ toleranceAmount: e.target.value })}
            />
          </label>
          {error('toleranceAmount')}
          <p className="pd-help" id={`${id}-toleranceAmount-help`}>{t('rulesDialog.tolerance.help')}</p>
        </div>
      </fieldset>
      <p className="pd-help pd-dialog-note">{t('rulesDialog.capitalNote')}</p>
    </Dialog>
  );
}
