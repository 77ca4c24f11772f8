// The import report's choice for each funding column of the file that the open plan has not
// (issue 13): add it to the plan, put its figures into one of the plan's columns, or skip it — no
// default, so figures are never dropped unless someone chose to. Replace and fill stay disabled
// until every column with figures has a choice (choicesComplete).
import type { ColumnChoice, UnmatchedColumn } from '../../../../shared/commands/transfer';
import type { DisplayUnit, FundingColumn } from '../../../../shared/model';
import { formatAmount } from '../../../../shared/number';
import type { AppContext } from '../types';
import { columnLabel } from './targets';

export type Choices = Record<string, ColumnChoice>;

/** Whether every column with figures has a choice. */
export function choicesComplete(unmatched: readonly UnmatchedColumn[], choices: Choices): boolean {
  return unmatched.every((u) => u.cells === 0 || choices[u.key] !== undefined);
}

const encode = (c: ColumnChoice | undefined) => (!c ? '' : c.action === 'map' ? `map:${c.to}` : c.action);
const decode = (v: string): ColumnChoice | undefined =>
  v === 'add' || v === 'skip' ? { action: v } : v.startsWith('map:') ? { action: 'map', to: v.slice(4) } : undefined;

export function ColumnChoices(props: {
  ctx: AppContext;
  unmatched: readonly UnmatchedColumn[];
  planColumns: readonly FundingColumn[];
  unit: DisplayUnit;
  choices: Choices;
  onChange: (next: Choices) => void;
  disabled: boolean;
}) {
  const { ctx, unmatched, planColumns, unit, choices, onChange, disabled } = props;
  const { t, lang } = ctx;
  const locale = ctx.store.meta?.numberLocale ?? 'vi-VN';
  const money = (u: UnmatchedColumn) => (u.cells === 0 ? t('transfer.report.noFigures') : `${formatAmount(u.dong, unit, locale)} ${t(`unit.${unit}`)}`);
  const missing = unmatched.filter((u) => u.cells > 0 && !choices[u.key]).length;
  return (
    <section className="pd-xfer-section" data-section="new-columns">
      <h3>{t('transfer.report.newColumns')}</h3>
      <p className="pd-xfer-warn" data-note="new-columns">
        {t('transfer.report.newColumnsIntro', { count: unmatched.length })}
      </p>
      <table className="pd-xfer-table">
        <thead>
          <tr>
            <th>{t('transfer.report.colHeader')}</th>
            <th className="pd-num">{t('transfer.report.colInFile')}</th>
            <th>{t('transfer.report.colChoice')}</th>
          </tr>
        </thead>
        <tbody>
          {unmatched.map((u) => (
            <tr key={u.key} data-column={u.key}>
              <th scope="row">{u.label}</th>
              <td className="pd-num">{money(u)}</td>
              <td>
                <select
                  className="pd-input"
                  name={`column-${u.key}`}
                  aria-label={u.label}
                  value={encode(choices[u.key])}
                  disabled={disabled}
                  onChange={(e) => {
                    const next = { ...choices };
                    const c = decode(e.target.value);
                    if (c) next[u.key] = c;
                    else delete next[u.key];
                    onChange(next);
                  }}
                >
                  <option value="">{t('transfer.report.choice.pick')}</option>
                  <option value="add">{t('transfer.report.choice.add')}</option>
                  {planColumns.map((c) => (
                    <option key={c.key} value={`map:${c.key}`}>
                      {t('transfer.report.choice.map', { column: columnLabel(c.key, lang, planColumns) })}
                    </option>
                  ))}
                  <option value="skip">{t('transfer.report.choice.skip', { amount: money(u) })}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing > 0 && (
        <p className="pd-xfer-hint" data-note="choices-missing">
          {t('transfer.report.newColumnsMissing', { count: missing })}
        </p>
      )}
    </section>
  );
}
