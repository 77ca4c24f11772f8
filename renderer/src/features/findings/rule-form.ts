// The Rules dialog's form: RuleParams shown as text in the cycle's number convention (percentages
// "12,5", amounts in the display unit) and read back with clear refusals. Pure: unit-tested.
import type { PlainMessageKey } from '../../../../shared/i18n';
import { RULE_DEFAULTS } from '../../../../shared/rules';
import { DEFAULT_RULES, type DisplayUnit, type RuleParams } from '../../../../shared/model';
import { formatAmount, parseAmount, type NumberLocale } from '../../../../shared/number';

export interface RuleForm {
  /** Blank: no level set yet (2026 on, the competent authority's): the rule waits. */
  minPercent: string;
  /** The legal basis of the level, as cited. */
  basis: string;
  tolerancePercent: string;
  perLine: boolean;
  depth: number;
  toleranceMode: 'default' | 'custom';
  /** In the display unit. */
  toleranceAmount: string;
}

export type RuleFormErrors = Partial<Record<'minPercent' | 'tolerancePercent' | 'toleranceAmount', PlainMessageKey>>;

const DECIMAL: Record<NumberLocale, string> = { 'vi-VN': ',', 'en-US': '.' };

/** A percentage as typed: digits with at most one decimal mark of the convention; "%" allowed. */
export function parsePercent(text: string, locale: NumberLocale): number | null {
  const s = text.replace(/[\s\u00a0%]/g, '');
  const dec = DECIMAL[locale];
  const m = /^(\d{1,3})(?:([.,])(\d{1,6}))?$/.exec(s);
  if (!m || (m[2] !== undefined && m[2] !== dec)) return null;
  const n = Number(`${m[1]}${m[3] ? `.${m[3]}` : ''}`);
  return n >= 0 && n <= 100 ? n : null;
}

export function formatPercentInput(n: number | null, locale: NumberLocale): string {
  if (n === null) return '';
  // Up to 6 decimals, no float noise (0.1 + 0.2) and no exponent.
  const s = String(Number(n.toFixed(6)));
  return locale === 'vi-VN' ? s.replace('.', ',') : s;
}

export function toForm(r: RuleParams, unit: DisplayUnit, locale: NumberLocale): RuleForm {
  return {
    minPercent: formatPercentInput(r.counterpartMinPercent, locale),
    basis: r.counterpartBasis ?? '',
    tolerancePercent: formatPercentInput(r.counterpartTolerancePercent ?? RULE_DEFAULTS.counterpartTolerancePercent, locale),
    perLine: r.counterpartPerLine,
    depth: r.counterpartLineDepth ?? RULE_DEFAULTS.counterpartLineDepth,
    toleranceMode: r.toleranceDong === null ? 'default' : 'custom',
    toleranceAmount: r.toleranceDong === null ? '' : formatAmount(r.toleranceDong, unit, locale),
  };
}

export function defaultForm(unit: DisplayUnit, locale: NumberLocale): RuleForm {
  return toForm(DEFAULT_RULES, unit, locale);
}

/** Read the form; errors are dictionary keys per field. */
export function fromForm(
  form: RuleForm,
  unit: DisplayUnit,
  locale: NumberLocale,
): { ok: true; rules: RuleParams } | { ok: false; errors: RuleFormErrors } {
  const errors: RuleFormErrors = {};
  const unset = form.minPercent.trim() === '';
  const minPercent = unset ? null : parsePercent(form.minPercent, locale);
  if (!unset && minPercent === null) errors.minPercent = 'rulesDialog.bad.percent';
  const tolerancePercent = parsePercent(form.tolerancePercent, locale);
  if (tolerancePercent === null) errors.tolerancePercent = 'rulesDialog.bad.percent';
  let toleranceDong: number | null = null;
  if (form.toleranceMode === 'custom') {
    const p = parseAmount(form.toleranceAmount, unit, locale);
    if (!p.ok || p.value === null || p.value < 0) errors.toleranceAmount = 'rulesDialog.bad.amount';
    else toleranceDong = p.value;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    rules: {
      counterpartMinPercent: minPercent,
      ...(form.basis.trim() ? { counterpartBasis: form.basis.trim().slice(0, 200) } : {}),
      toleranceDong,
      counterpartPerLine: form.perLine,
      counterpartTolerancePercent: tolerancePercent!,
      counterpartLineDepth: Math.max(0, Math.min(20, Math.trunc(form.depth))),
    },
  };
}

/** Whether saving the form would change anything (optional fields compare by their defaults). */
export function sameRules(a: RuleParams, b: RuleParams): boolean {
  return (
    a.counterpartMinPercent === b.counterpartMinPercent &&
    (a.counterpartBasis ?? '') === (b.counterpartBasis ?? '') &&
    a.toleranceDong === b.toleranceDong &&
    a.counterpartPerLine === b.counterpartPerLine &&
    (a.counterpartTolerancePercent ?? RULE_DEFAULTS.counterpartTolerancePercent) ===
      (b.counterpartTolerancePercent ?? RULE_DEFAULTS.counterpartTolerancePercent) &&
    (a.counterpartLineDepth ?? RULE_DEFAULTS.counterpartLineDepth) === (b.counterpartLineDepth ?? RULE_DEFAULTS.counterpartLineDepth)
  );
}
