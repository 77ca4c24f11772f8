// Simple formulas typed into amount cells: exact arithmetic into integer đồng, refusals by name.
import fc from 'fast-check';
import { parseEntry } from './formula';
import { formatAmount, parseAmount } from './number';

type Unit = Parameters<typeof parseEntry>[1];
const ok = (text: string, unit: Unit = 'trieu', locale: 'vi-VN' | 'en-US' = 'vi-VN') => {
  const r = parseEntry(text, unit, locale);
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r.value;
};
const err = (text: string, unit: Unit = 'trieu', locale: 'vi-VN' | 'en-US' = 'vi-VN') => {
  const r = parseEntry(text, unit, locale);
  return r.ok ? null : r.error;
};

describe('parseEntry: simple formulas', () => {
  it('adds, subtracts, multiplies and divides in the cycle’s unit and number format', () => {
    expect(ok('=100+200')).toBe(300_000_000);
    expect(ok('=1.234*2')).toBe(2_468_000_000);
    expect(ok('=1,234.5*2', 'trieu', 'en-US')).toBe(2_469_000_000);
    expect(ok('=(1,5 + 2,5) * 3 - 10/4')).toBe(9_500_000);
    expect(ok(' = 7.024 − 24 ')).toBe(7_000_000_000);
    expect(ok('=2×3÷4', 'dong')).toBe(2); // 1,5 đồng → 2 (half away from zero)
    expect(ok('=-(5-8)', 'dong')).toBe(3);
    expect(ok('=--5', 'dong')).toBe(5);
    expect(ok('=+5', 'dong')).toBe(5);
    expect(ok('=3-5', 'dong')).toBe(-2);
    expect(ok('=0*5', 'dong')).toBe(0);
    expect(Object.is(ok('=-0', 'dong'), 0)).toBe(true);
  });
  it('is exact: no float arithmetic on money', () => {
    // Floats give 0.1+0.2 = 0.30000000000000004 and 1.005*1000 = 1004.9999999999999.
    expect(ok('=0,1+0,2', 'dong')).toBe(0);
    expect(ok('=0,1+0,2', 'nghin')).toBe(300);
    expect(ok('=1,005*1000', 'dong')).toBe(1005);
    expect(ok('=999.999.999,999999+0,000001')).toBe(1_000_000_000_000_000);
    expect(ok('=10/3*3')).toBe(10_000_000);
  });
  it('rounds once, at the end, half away from zero to the whole đồng', () => {
    expect(ok('=10/3')).toBe(3_333_333);
    expect(ok('=20/3')).toBe(6_666_667);
    expect(ok('=-20/3')).toBe(-6_666_667);
    expect(ok('=1/2', 'dong')).toBe(1);
    expect(ok('=-1/2', 'dong')).toBe(-1);
    expect(ok('=1/3', 'dong')).toBe(0);
  });
  it('refuses anything that is not a simple formula, saying which kind of fault', () => {
    expect(err('=SUM(1;2)')).toBe('formula_unsupported');
    expect(err('=A1+1')).toBe('formula_unsupported');
    expect(err('=5%')).toBe('formula_unsupported');
    expect(err('=2^3')).toBe('formula_unsupported');
    expect(err('=alert(1)')).toBe('formula_unsupported');
    expect(err('=constructor')).toBe('formula_unsupported');
    expect(err('=1' + '+1'.repeat(150))).toBe('formula_unsupported');
    expect(err('=' + '('.repeat(40) + '1' + ')'.repeat(40))).toBe('formula_unsupported');
    expect(err('=')).toBe('formula_syntax');
    expect(err('=1+')).toBe('formula_syntax');
    expect(err('=(1+2')).toBe('formula_syntax');
    expect(err('=1+2)')).toBe('formula_syntax');
    expect(err('=()')).toBe('formula_syntax');
    expect(err('=1 2')).toBe(null); // spaces join digits, as in "1 234"
    expect(err('=5/0')).toBe('formula_div_zero');
    expect(err('=5/(2-2)')).toBe('formula_div_zero');
    expect(err('=1.23+1')).toBe('bad_grouping');
    expect(err('=1,2,3')).toBe('too_many_decimal_marks');
    expect(err('=999.999.999*2')).toBe('too_large');
  });
  it('leaves plain amounts to parseAmount', () => {
    expect(ok('1.234,5')).toBe(1_234_500_000);
    expect(err('abc')).toBe('not_a_number');
    expect(ok('')).toBe(null);
  });
});

describe('parseEntry: properties', () => {
  const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
  const units = fc.constantFrom<Unit>('dong', 'nghin', 'trieu', 'ty');
  const locales = fc.constantFrom<'vi-VN' | 'en-US'>('vi-VN', 'en-US');
  /** A figure as shown, written as an operand: "(0-1.234,5)" for a negative one. */
  const operand = (v: number, unit: Unit, locale: 'vi-VN' | 'en-US') => {
    const s = formatAmount(Math.abs(v), unit, locale);
    return v < 0 ? `(0-${s})` : s;
  };

  it('"=x" is x, and a sum of shown figures is the sum of their đồng', () => {
    fc.assert(
      fc.property(amount, amount, units, locales, (a, b, unit, locale) => {
        const x = formatAmount(a, unit, locale);
        const plain = parseAmount(x, unit, locale);
        expect(plain.ok).toBe(true);
        expect(ok(`=${x}`, unit, locale)).toBe(plain.ok ? plain.value : NaN);
        expect(ok(`=${operand(a, unit, locale)}+${operand(b, unit, locale)}`, unit, locale)).toBe(a + b);
      }),
    );
  });
  it('multiplying then dividing by the same number gives the figure back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, k) => {
        expect(ok(`=${a}*${k}/${k}`, 'dong')).toBe(a);
        expect(ok(`=(${a}+${k})-${k}`, 'dong')).toBe(a);
      }),
    );
  });
  it('division rounds half away from zero: |a/b − result| ≤ ½ đồng', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
        const r = ok(`=${a < 0 ? '-' : ''}${Math.abs(a)}/${b}`, 'dong')!;
        const diff2 = Math.abs(2 * (r * b - a)); // 2·|r − a/b|·b, in integers
        expect(diff2).toBeLessThanOrEqual(b);
        if (diff2 === b) expect(Math.abs(r)).toBeGreaterThan(Math.abs(a / b)); // a tie goes away from zero
      }),
    );
  });
  it('never throws and never runs what it reads', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), units, locales, (s, unit, locale) => {
        const r = parseEntry(`=${s}`, unit, locale);
        if (/[A-Za-z_$;%^[\]{}'"`]/.test(s)) expect(r.ok).toBe(false);
      }),
    );
  });
});
