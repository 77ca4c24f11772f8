// The tooltip of a flagged cell (issue 12): each finding on the cell by its severity and rule name,
// its figures — expected, actual and the signed difference, in the cycle's unit — and the rule's
// basis. A cell with findings explains them; the "computed from its parts" hint is for cells without.
import type { Finding } from '../../../shared/findings';
import { t, tStored, type Lang, type PlainMessageKey } from '../../../shared/i18n';
import type { DisplayUnit } from '../../../shared/model';
import { formatAmount, formatSignedAmount, type NumberLocale } from '../../../shared/number';
import { detailOf } from '../features/findings/findings-view';

/** What "expected" and "actual" mean for each rule's figures. */
const FIGURE_LABELS: Partial<Record<Finding['rule'], [PlainMessageKey, PlainMessageKey]>> = {
  sum_mismatch: ['findings.fig.computed', 'findings.fig.stated'],
  counterpart_min: ['findings.fig.minimum', 'findings.fig.local'],
  capital_eligibility: ['findings.fig.valid', 'findings.fig.found'],
  negative_amount: ['findings.fig.minimum', 'findings.fig.found'],
};

export function findingTip(findings: readonly Finding[], lang: Lang, unit: DisplayUnit, locale: NumberLocale): string | null {
  if (findings.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const parts = [...findings].sort((a, b) => order[a.severity] - order[b.severity]).map((f) => {
    const lines = [`${t(lang, `rules.severity.${f.severity}`)} — ${t(lang, `rules.name.${f.rule}`)}`];
    const labels = FIGURE_LABELS[f.rule];
    if (labels && f.expected !== null && f.actual !== null) {
      lines.push(
        `${t(lang, labels[0])}: ${formatAmount(f.expected, unit, locale)} · ${t(lang, labels[1])}: ${formatAmount(f.actual, unit, locale)} · ` +
          `${t(lang, 'findings.fig.diff')}: ${formatSignedAmount(f.actual - f.expected, unit, locale)} (${t(lang, `unit.${unit}`)})`,
      );
    } else {
      lines.push(detailOf(tStored(lang, f.msg.key, f.msg.params)));
    }
    // A rule whose level has a legal basis in the cycle's parameters cites it first (issue 13).
    const basis = typeof f.msg.params.basis === 'string' && f.msg.params.basis ? `${f.msg.params.basis} — ` : '';
    lines.push(`${t(lang, 'findings.tip.basis')}: ${basis}${t(lang, `rules.basis.${f.rule}`)}`);
    return lines.join('\n');
  });
  return parts.join('\n\n');
}
