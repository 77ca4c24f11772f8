// One finding in the panel: where it is (line code, column, line name), what is wrong (the message,
// and for totals and counterpart funds the figures side by side in the display unit), and what the
// officer can do about it — go to the cell; on a stated total, use the computed figure or keep both;
// on counterpart or capital findings, open the settings that decide them.
import { memo } from 'react';
import type { Finding } from '../../../../shared/findings';
import { t as translate, tStored, type Lang, type Translate } from '../../../../shared/i18n';
import type { DisplayUnit } from '../../../../shared/model';
import { formatAmount, formatSignedAmount, type NumberLocale } from '../../../../shared/number';
import { detailOf } from './findings-view';
import { canKeep } from './kept';
import { SeverityIcon } from './SeverityIcon';

export interface EntryProps {
  f: Finding;
  lang: Lang;
  unit: DisplayUnit;
  locale: NumberLocale;
  /** "1.1 · Tổng cộng" */
  where: string;
  lineName: string;
  selected: boolean;
  kept: boolean;
  readOnly: boolean;
  onGo: (f: Finding) => void;
  onAccept: (f: Finding) => void;
  onKeep: (f: Finding, keep: boolean) => void;
  onRules: () => void;
  onCapital: (lineId: number) => void;
}

export const FindingEntry = memo(function FindingEntry(p: EntryProps) {
  const { f, lang } = p;
  const t: Translate = (key, ...args) => translate(lang, key, ...args);
  const money = (d: number) => formatAmount(d, p.unit, p.locale);
  const signed = (d: number) => formatSignedAmount(d, p.unit, p.locale);
  // Rendered from the message key, so the panel follows the UI language, not the file's.
  const message = tStored(lang, f.msg.key, f.msg.params);
  const figures = figuresOf(f, t, money, signed);
  const isMismatch = canKeep(f) && f.lineId !== null && f.column !== null;

  return (
    <li
      className={`pd-finding pd-finding-sev-${f.severity}${p.selected ? ' is-selected' : ''}${p.kept ? ' is-kept' : ''}`}
      data-finding-id={f.id}
      data-rule={f.rule}
    >
      <button
        type="button"
        className="pd-finding-go"
        title={`${t('findings.panel.goto', { cell: p.where })}\n${message}`}
        aria-current={p.selected ? 'true' : undefined}
        onClick={() => p.onGo(f)}
      >
        <SeverityIcon severity={f.severity} label={t(`rules.severity.${f.severity}`)} />
        <span className="pd-finding-text">
          <span className="pd-finding-where">
            <strong>{p.where}</strong>
            {p.lineName && <span className="pd-finding-linename">{p.lineName}</span>}
          </span>
          {!figures && <span className="pd-finding-detail">{detailOf(message)}</span>}
        </span>
      </button>
      {figures && (
        <div className="pd-finding-body">
          <table className="pd-finding-figures">
            <thead>
              <tr>{figures.cols.map(([label]) => <th key={label} scope="col">{label}</th>)}</tr>
            </thead>
            <tbody>
              <tr>{figures.cols.map(([label, value]) => <td key={label}>{value}</td>)}</tr>
            </tbody>
          </table>
          {figures.note && <div className="pd-finding-note">{figures.note}</div>}
        </div>
      )}
      {p.kept && <div className="pd-finding-kept">✓ {t('findings.action.kept')}</div>}
      <div className="pd-finding-actions">
        {isMismatch && !p.readOnly && (
          <>
            <button
              type="button"
              className="pd-btn pd-btn-primary pd-btn-small"
              data-action="accept"
              title={t('findings.action.accept.title', { stated: money(f.actual!), computed: money(f.expected!) })}
              onClick={() => p.onAccept(f)}
            >
              {t('findings.action.accept')}
            </button>
            {p.kept ? (
              <button type="button" className="pd-btn pd-btn-small" data-action="unkeep" onClick={() => p.onKeep(f, false)}>
                {t('findings.action.unkeep')}
              </button>
            ) : (
              <button
                type="button"
                className="pd-btn pd-btn-small"
                data-action="keep"
                title={t('findings.action.keep.title')}
                onClick={() => p.onKeep(f, true)}
              >
                {t('findings.action.keep')}
              </button>
            )}
          </>
        )}
        {f.rule === 'counterpart_min' && (
          <button type="button" className="pd-btn pd-btn-link pd-btn-small" data-action="rules" onClick={p.onRules}>
            {t('findings.action.rules')}
          </button>
        )}
        {(f.rule === 'capital_eligibility' || f.rule === 'negative_amount') && f.lineId !== null && !p.readOnly && (
          <button type="button" className="pd-btn pd-btn-link pd-btn-small" data-action="capital" onClick={() => p.onCapital(f.lineId!)}>
            {t('findings.action.capital')}
          </button>
        )}
      </div>
    </li>
  );
});

type Figures = { cols: [string, string][]; note?: string } | null;

function figuresOf(
  f: Finding,
  t: Translate,
  money: (d: number) => string,
  signed: (d: number) => string,
): Figures {
  if (f.expected === null || f.actual === null) return null;
  if (f.rule === 'sum_mismatch') {
    return {
      cols: [
        [t('findings.fig.stated'), money(f.actual)],
        [t('findings.fig.computed'), money(f.expected)],
        [t('findings.fig.diff'), signed(f.actual - f.expected)],
      ],
    };
  }
  if (f.rule === 'counterpart_min') {
    const p = f.msg.params;
    return {
      cols: [
        [t('findings.fig.local'), money(f.actual)],
        [t('findings.fig.minimum'), money(f.expected)],
        [t('findings.fig.short'), money(f.expected - f.actual)],
      ],
      note: t('findings.fig.ratio', { ratio: String(p.ratio ?? ''), percent: String(p.percent ?? ''), central: String(p.central ?? '') }),
    };
  }
  return null;
}
