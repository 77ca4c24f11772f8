// Numbers at the edges: parse what a person typed or pasted ("1.234,5", "(500)", " 1 234 ", "₫")
// into integer đồng, and format integer đồng in a display unit the Vietnamese (or en-US) way.
// Exact decimal arithmetic on strings/BigInt: money is never multiplied as a float.
import { MAX_CELL_DONG, UNIT_DONG, type DisplayUnit, type Dong } from './model';

export type NumberLocale = 'vi-VN' | 'en-US';

export type ParseError = 'not_a_number' | 'bad_grouping' | 'too_many_decimal_marks' | 'too_large';
export type ParseResult = { ok: true; value: Dong | null } | { ok: false; error: ParseError };

const SEPARATORS: Record<NumberLocale, { group: string; decimal: string }> = {
  'vi-VN': { group: '.', decimal: ',' },
  'en-US': { group: ',', decimal: '.' },
};

/** Digits after the decimal mark that still mean whole đồng in each unit. */
const UNIT_DECIMALS: Record<DisplayUnit, number> = { dong: 0, nghin: 3, trieu: 6, ty: 9 };

// Spaces of every kind (incl. U+00A0, U+202F), currency marks and "đồng" words are noise.
const NOISE = /[\s\u00a0\u202f\u2009]|₫|đồng|đ|vnđ|vnd/giu;

/**
 * Parse a typed or pasted amount, in `unit`, into integer đồng.
 * Blank → `{ok, value: null}` (clears the cell). Rounds half away from zero to the đồng, like Excel.
 */
export function parseAmount(text: string, unit: DisplayUnit, locale: NumberLocale = 'vi-VN'): ParseResult {
  let s = text.normalize('NFC').replace(NOISE, '');
  if (s === '' || s === '-') return { ok: true, value: null };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-−–]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  const { group, decimal } = SEPARATORS[locale];
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, error: 'not_a_number' };
  const parts = s.split(decimal);
  if (parts.length > 2) return { ok: false, error: 'too_many_decimal_marks' };
  const [intRaw, frac = ''] = parts;
  if (frac.includes(group)) return { ok: false, error: 'bad_grouping' };
  let intDigits = intRaw;
  if (intRaw.includes(group)) {
    const groups = intRaw.split(group);
    // "1.234.567" is grouped; "1.23" or "1..234" is not a number in this convention.
    if (groups[0].length < 1 || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) {
      return { ok: false, error: 'bad_grouping' };
    }
    intDigits = groups.join('');
  }
  if (intDigits === '' && frac === '') return { ok: false, error: 'not_a_number' };
  const dong = decimalToDong(intDigits || '0', frac, unit);
  if (dong === null) return { ok: false, error: 'too_large' };
  return { ok: true, value: negative && dong !== 0 ? -dong : dong };
}

/** intDigits.frac (in `unit`) → integer đồng, rounded half away from zero; null when too large. */
function decimalToDong(intDigits: string, frac: string, unit: DisplayUnit): number | null {
  const places = UNIT_DECIMALS[unit];
  const kept = (frac + '0'.repeat(places)).slice(0, places);
  const roundUp = frac.length > places && frac.charCodeAt(places) >= 53; // '5'
  let v = BigInt(intDigits) * BigInt(UNIT_DONG[unit]) + BigInt(kept || '0');
  if (roundUp) v += 1n;
  if (v > BigInt(MAX_CELL_DONG)) return null;
  return Number(v);
}

/**
 * Format integer đồng in `unit`: grouped, with as many decimals as the value needs (at most
 * `maxDecimals`, rounded half away from zero), e.g. 350_190_000_000 → "350.190" in triệu.
 */
export function formatAmount(
  dong: Dong | null | undefined,
  unit: DisplayUnit,
  locale: NumberLocale = 'vi-VN',
  maxDecimals: number = UNIT_DECIMALS[unit],
): string {
  // Formatters also meet what is not (yet) a number, e.g. an editor's raw text: show nothing.
  if (typeof dong !== 'number' || !Number.isFinite(dong)) return '';
  const { group, decimal } = SEPARATORS[locale];
  const factor = BigInt(UNIT_DONG[unit]);
  const places = UNIT_DECIMALS[unit];
  const negative = dong < 0;
  let abs = BigInt(Math.abs(Math.round(dong)));
  // Round to maxDecimals in the unit, half away from zero.
  const drop = places - Math.min(maxDecimals, places);
  if (drop > 0) {
    const step = 10n ** BigInt(drop);
    abs = ((abs + step / 2n) / step) * step;
  }
  const whole = abs / factor;
  let fracStr = places > 0 ? (abs % factor).toString().padStart(places, '0') : '';
  fracStr = fracStr.slice(0, Math.min(maxDecimals, places)).replace(/0+$/, '');
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = fracStr ? `${grouped}${decimal}${fracStr}` : grouped;
  return negative && abs !== 0n ? `-${body}` : body;
}

/** A difference, with its sign always shown ("+4.432", "-0,6", "0"): which way a figure is off. */
export function formatSignedAmount(dong: Dong, unit: DisplayUnit, locale: NumberLocale = 'vi-VN'): string {
  const body = formatAmount(dong, unit, locale);
  return dong > 0 && body !== '0' ? `+${body}` : body;
}

/** Format a ratio as a percentage: 0.09556 → "9,56%" (half away from zero, fixed decimals). */
export function formatPercent(ratio: number, locale: NumberLocale = 'vi-VN', decimals = 2): string {
  const [i, f] = roundHalfAway(ratio * 100, decimals).toFixed(decimals).split('.');
  const { group, decimal } = SEPARATORS[locale];
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${f ? decimal + f : ''}%`;
}

/** Excel's ROUND: half away from zero (for display ratios; money never goes through floats). */
export function roundHalfAway(x: number, decimals = 0): number {
  const m = 10 ** decimals;
  // Excel rounds the value as shown to 15 significant digits: 1.005 → 1.01, not 1.00.
  return (Math.sign(x) * Math.round(Number((Math.abs(x) * m).toPrecision(15)))) / m;
}
