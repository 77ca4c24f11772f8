// Cell value → integer đồng, exactly. Numeric cells keep their decimal text from the file, so
// "99654.123456" triệu becomes 99_654_123_456 đồng through BigInt, never float multiplication.
// Numbers stored as text are read with the file's convention (vi-VN "39.285" = 39285, en-US
// "1,234.5" = 1234.5); a text that reads either way is decided by the table's other numbers.
import { parseAmount, type NumberLocale } from '../../../shared/number';
import { MAX_CELL_DONG, UNIT_DONG, type DisplayUnit, type Dong } from '../../../shared/model';

/** Why a number did not become đồng exactly: rounded to the đồng (perhaps to 0), or beyond `max`. */
export type Inexact = 'rounded' | 'too_large';

/**
 * Decimal text of a number ("1.5E-3", "-12.25", "99654") → đồng in `unit`, rounded half away from
 * zero; null when unreadable or above `max` (one cell's limit by default; totals may be read up to
 * 2^53). `onInexact` hears why a value was not exact: 'rounded' (a fraction of a đồng — 1e-300 is
 * stored as 0, not silently) or 'too_large'. Digits past Excel's 15 significant ones are binary
 * noise ("122854.00000000001"), not part of the figure, and do not count as rounding.
 */
export function decimalToDong(text: string, unit: DisplayUnit, max: number = MAX_CELL_DONG, onInexact?: (why: Inexact) => void): Dong | null {
  // Fast path (most cells): plain digits with at most as many decimals as the unit has đồng places;
  // integer arithmetic below 2^53 is exact.
  const fast = /^(-?)(\d{1,12})(?:\.(\d{1,9}))?$/.exec(text);
  if (fast) {
    const places = PLACES[unit];
    const frac = fast[3] ?? '';
    if (frac.length <= places) {
      const v = Number(fast[2]) * UNIT_DONG[unit] + (frac ? Number(frac.padEnd(places, '0')) : 0);
      if (v <= max) return fast[1] && v !== 0 ? -v : v;
    }
  }
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const neg = m[1] === '-';
  let digits = (m[2] || '0') + (m[3] ?? '');
  // Value = digits × 10^(exp - fractionLength); in đồng multiply by the unit factor too.
  const exp = Number(m[4] ?? 0) - (m[3]?.length ?? 0) + Math.round(Math.log10(UNIT_DONG[unit]));
  digits = digits.replace(/^0+(?=\d)/, '');
  const zero = /^0+$/.test(digits);
  if (!zero && (exp > 400 || (exp >= 0 && digits.length + exp > 22))) {
    onInexact?.('too_large');
    return null;
  }
  let v: bigint;
  if (exp >= 0 || zero) {
    v = zero ? 0n : BigInt(digits) * 10n ** BigInt(exp);
  } else {
    if (!exactAt15(digits, exp)) onInexact?.('rounded');
    const cut = -exp;
    if (cut >= digits.length + 1) {
      v = 0n; // below a tenth of a đồng
    } else {
      const head = digits.slice(0, digits.length - cut) || '0';
      const next = digits.charCodeAt(digits.length - cut);
      v = BigInt(head) + (next >= 53 ? 1n : 0n);
    }
  }
  if (v > BigInt(max)) {
    onInexact?.('too_large');
    return null;
  }
  const n = Number(v);
  return neg && n !== 0 ? -n : n;
}

/**
 * Whether digits × 10^exp (exp < 0, digits without leading zeros, not all zero) is a whole number
 * of đồng once cut to Excel's 15 significant digits.
 */
function exactAt15(digits: string, exp: number): boolean {
  let d = digits;
  let e = exp;
  if (d.length > 15) {
    const head = BigInt(d.slice(0, 15)) + (d.charCodeAt(15) >= 53 ? 1n : 0n);
    e += d.length - 15;
    d = head.toString();
    if (e >= 0) return true;
  }
  const cut = -e;
  return cut < d.length && /^0*$/.test(d.slice(d.length - cut));
}

const PLACES: Record<DisplayUnit, number> = { dong: 0, nghin: 3, trieu: 6, ty: 9 };

export type TextNumberShape = 'vi' | 'en' | 'ambiguous' | 'plain' | 'none';

/** What a text number says about the convention that wrote it. */
export function shapeOf(raw: string): TextNumberShape {
  const s = raw.replace(/[\s\u00a0\u202f₫đ]|đồng|vnđ|vnd/giu, '').replace(/^[(\-−+]|\)$/g, '');
  if (/^\d+$/.test(s)) return 'plain';
  if (/^\d{1,3}[.,]\d{3}$/.test(s)) return 'ambiguous';
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^\d+,\d+$/.test(s)) return 'vi';
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) || /^\d+\.\d+$/.test(s)) return 'en';
  return 'none';
}

export interface TextNumberPolicy {
  /** The convention decided for this table. */
  locale: NumberLocale;
  /** How it was decided: by unambiguous text numbers, or "a 3-digit group is thousands" (integers). */
  basis: 'votes' | 'integers';
}

/** Decide the convention from all text numbers of the table's amount columns. */
export function decidePolicy(texts: readonly string[], defaultLocale: NumberLocale = 'vi-VN'): TextNumberPolicy {
  let vi = 0;
  let en = 0;
  for (const t of texts) {
    const s = shapeOf(t);
    if (s === 'vi') vi++;
    else if (s === 'en') en++;
  }
  if (vi === 0 && en === 0) return { locale: defaultLocale, basis: 'integers' };
  return { locale: vi >= en ? 'vi-VN' : 'en-US', basis: 'votes' };
}

export type TextRead = { ok: true; value: Dong | null; ambiguous: boolean; rounded: boolean } | { ok: false; tooLarge: boolean };

/** Read a number stored as text under the table's policy. */
export function readTextNumber(text: string, unit: DisplayUnit, policy: TextNumberPolicy): TextRead {
  const shape = shapeOf(text);
  let locale = policy.locale;
  // With no unambiguous text number in the table, "39.285" and "39,285" both read as thousands:
  // plans are written in whole units, so a 3-digit group is a thousands group.
  if (shape === 'ambiguous' && policy.basis === 'integers') locale = /\d\.\d/.test(text) ? 'vi-VN' : 'en-US';
  const r = parseAmount(text, unit, locale);
  if (!r.ok) return { ok: false, tooLarge: r.error === 'too_large' };
  // parseAmount rounds to the đồng: say so when a non-zero decimal past the unit's places was dropped.
  const mark = locale === 'vi-VN' ? ',' : '.';
  const frac = text.includes(mark) ? (text.slice(text.lastIndexOf(mark) + 1).match(/^\d*/)?.[0] ?? '') : '';
  return { ok: true, value: r.value, ambiguous: shape === 'ambiguous', rounded: /[1-9]/.test(frac.slice(PLACES[unit])) };
}
