// The capital-type dialog of one line: which capital types it may take (any, or only ĐTPT / SN) and
// whether it is an adjustment line that may hold negative amounts — the line's parameters of the
// capital-eligibility and negative-amount rules. Saving sends one 'line/setCapital' (one undo step).
import { useState } from 'react';
import type { CapitalType } from '../../../../shared/model';
import type { AppContext } from '../types';
import { runPatch } from './actions';
import { FormDialog as Dialog } from '../../app/FormDialog';

const TYPES: readonly CapitalType[] = ['investment', 'recurrent'];

export function CapitalDialog({ ctx, lineId, onClose }: { ctx: AppContext; lineId: number; onClose: () => void }) {
  const { store, t } = ctx;
  const row = store.rows.get(lineId);
  const [restricted, setRestricted] = useState(row?.allowedCapital != null);
  const [types, setTypes] = useState<ReadonlySet<CapitalType>>(new Set(row?.allowedCapital ?? TYPES));
  const [adjustment, setAdjustment] = useState(row?.isAdjustment ?? false);
  const [busy, setBusy] = useState(false);
  if (!row) return null;
  const readOnly = !!store.file?.readOnly;

  // The nearest line above that restricts capital types: its restriction applies here too.
  let inherited: { code: string; allowed: CapitalType[] } | null = null;
  for (let p = row.parentId; p !== null && !inherited; ) {
    const up = store.rows.get(p);
    if (!up) break;
    if (up.allowedCapital !== null && up.allowedCapital.length < TYPES.length) inherited = { code: up.code || up.name, allowed: up.allowedCapital };
    p = up.parentId;
  }
  const names = (list: readonly CapitalType[]) =>
    list.length ? list.map((c) => t(`rules.capital.${c}`)).join(ctx.lang === 'vi' ? ' và ' : ' and ') : t('rules.capital.none');

  const save = async () => {
    const allowedCapital = restricted ? TYPES.filter((c) => types.has(c)) : null;
    const same =
      JSON.stringify(allowedCapital) === JSON.stringify(row.allowedCapital ? TYPES.filter((c) => row.allowedCapital!.includes(c)) : null) &&
      adjustment === row.isAdjustment;
    if (readOnly || same) return onClose();
    setBusy(true);
    const patch = await runPatch(ctx, 'line/setCapital', { lineId, allowedCapital, isAdjustment: adjustment });
    setBusy(false);
    if (patch) onClose();
  };

  const toggle = (c: CapitalType) => {
    const next = new Set(types);
    if (next.has(c)) next.delete(c);
    else next.add(c);
    setTypes(next);
  };

  return (
    <Dialog
      title={t('capitalDialog.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={() => void save()}
      className="pd-capital-dialog"
      footer={
        <>
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
      <p className="pd-dialog-line">
        <strong>{t('capitalDialog.line', { line: row.code || '—' })}</strong> {row.name}
      </p>
      <fieldset className="pd-fieldset">
        <legend>{t('capitalDialog.legend.capital')}</legend>
        <label className="pd-radio">
          <input type="radio" name="capitalMode" checked={!restricted} onChange={() => setRestricted(false)} />
          {t('capitalDialog.any')}
        </label>
        <label className="pd-radio">
          <input type="radio" name="capitalMode" checked={restricted} onChange={() => setRestricted(true)} />
          {t('capitalDialog.only')}
        </label>
        <div className="pd-indent">
          {TYPES.map((c) => (
            <label key={c} className="pd-check">
              <input type="checkbox" name={`capital-${c}`} checked={types.has(c)} disabled={!restricted} onChange={() => toggle(c)} />
              {t(`capitalDialog.${c}`)}
            </label>
          ))}
          {restricted && types.size === 0 && <div className="pd-field-warning">{t('capitalDialog.noneTicked')}</div>}
        </div>
        {inherited && <p className="pd-help pd-help-note">{t('capitalDialog.inherited', { line: inherited.code, allowed: names(inherited.allowed) })}</p>}
        <p className="pd-help">{t('capitalDialog.help')}</p>
      </fieldset>
      <fieldset className="pd-fieldset">
        <legend>{t('capitalDialog.legend.adjustment')}</legend>
        <label className="pd-check">
          <input type="checkbox" name="isAdjustment" checked={adjustment} onChange={(e) => setAdjustment(e.target.checked)} />
          {t('capitalDialog.adjustment')}
        </label>
        <p className="pd-help">{t('capitalDialog.adjustment.help')}</p>
      </fieldset>
    </Dialog>
  );
}
