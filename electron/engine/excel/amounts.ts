// Cell value → integer đồng, exactly. Numeric cells keep their decimal text from the file, so
// "99654.123456" triệu becomes 99_654_123_456 đồng through BigInt, never float multiplication.
// Numbers stored as text are read with the file's convention (vi-VN "39.285" = 39285, en-US
// "1,234.5" = 1234.5); a text that reads either way is decided by the table's other numbers.
import { parseAmount, type NumberLocale } from '../../../shared/number';
import { MAX_CELL_DONG, UNIT_DONG, type DisplayUnit, type Dong } from '../../../shared/model';

/**
 * Decimal text of a number ("1.5E-3", "-12.25", "99654") → đồng in `unit`; null when unreadable or
 * above `max` (one cell's limit by default; totals may be read up to 2^53).
 */
export function decimalToDong(text: string, unit: DisplayUnit, max: number = MAX_CELL_DONG): Dong | null {
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
  let exp = Number(m[4] ?? 0) - (m[3]?.length ?? 0) + Math.round(Math.log10(UNIT_DONG[unit]));
  if (Math.abs(exp) > 400) return null;
  digits = digits.replace(/^0+(?=\d)/, '');
  let v: bigint;
  if (exp >= 0) {
    if (digits.length + exp > 22) return null;
    v = BigInt(digits) * 10n ** BigInt(exp);
  } else {
    const cut = -exp;
    if (cut >= digits.length + 1) {
      // Below half a đồng (or exactly .5 → rounds to 1, away from zero).
      v = 0n; // below a tenth of a đồng
    } else {
      const head = digits.slice(0, digits.length - cut) || '0';
      const next = digits.charCodeAt(digits.length - cut);
      v = BigInt(head) + (next >= 53 ? 1n : 0n);
    }
  }
  if (v > BigInt(max)) return null;
  const n = Number(v);
  return neg && n !== 0 ? -n : n;
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

export type TextRead = { ok: true; value: Dong | null; ambiguous: boolean } | { ok: false };

/** Read a number stored as text under the table's policy. */
export function readTextNumber(text: string, unit: DisplayUnit, policy: TextNumberPolicy): TextRead {
  const shape = shapeOf(text);
  let locale = policy.locale;
  // With no unambiguous text number in the table, "39.285" and "39,285" both read as thousands:
  // plans are written in whole units, so a 3-digit group is a thousands group.
  if (shape === 'ambiguous' && policy.basis === 'integers') locale = /\d\.\d/.test(text) ? 'vi-VN' : 'en-US';
  const r = parseAmount(text, unit, locale);
  if (!r.ok) return { ok: false };
  return { ok: true, value: r.value, ambiguous: shape === 'ambiguous' };
}
