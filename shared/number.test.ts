// Parsing and formatting of amounts, the Vietnamese way and the en-US way.
import fc from 'fast-check';
import { formatAmount, formatPercent, formatSignedAmount, parseAmount, roundHalfAway } from './number';

const ok = (text: string, unit: Parameters<typeof parseAmount>[1] = 'trieu', locale: 'vi-VN' | 'en-US' = 'vi-VN') => {
  const r = parseAmount(text, unit, locale);
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r.value;
};
const err = (text: string, unit: Parameters<typeof parseAmount>[1] = 'trieu', locale: 'vi-VN' | 'en-US' = 'vi-VN') => {
  const r = parseAmount(text, unit, locale);
  return r.ok ? null : r.error;
};

describe('parseAmount (vi-VN)', () => {
  it('reads grouped thousands and decimal commas into integer đồng', () => {
    expect(ok('350.190')).toBe(350_190_000_000);
    expect(ok('1.234,5')).toBe(1_234_500_000);
    expect(ok('1.416,2')).toBe(1_416_200_000);
    expect(ok('7024')).toBe(7_024_000_000);
    expect(ok('0,000001')).toBe(1);
    expect(ok('39.285', 'dong')).toBe(39_285);
  });
  it('takes spaces, NBSP, currency marks and parentheses', () => {
    expect(ok(' 1 234 ', 'dong')).toBe(1234);
    expect(ok('1\u00a0234\u202f567', 'dong')).toBe(1_234_567);
    expect(ok('1.000 đ', 'dong')).toBe(1000);
    expect(ok('1.000₫', 'dong')).toBe(1000);
    expect(ok('(500)', 'dong')).toBe(-500);
    expect(ok('-1.234,5')).toBe(-1_234_500_000);
    expect(ok('−12', 'dong')).toBe(-12);
  });
  it('treats blank as clearing the cell', () => {
    expect(ok('')).toBeNull();
    expect(ok('   ')).toBeNull();
  });
  it('rounds half away from zero to the đồng', () => {
    expect(ok('0,0000005')).toBe(1);
    expect(ok('0,0000004')).toBe(0);
    expect(ok('-0,0000005')).toBe(-1);
  });
  it('refuses what is not a number, with a reason', () => {
    expect(err('abc')).toBe('not_a_number');
    expect(err('1,2,3')).toBe('too_many_decimal_marks');
    expect(err('1.23')).toBe('bad_grouping');
    expect(err('12.34.567')).toBe('bad_grouping');
    expect(err('1,2.345')).toBe('bad_grouping');
    expect(err('12a')).toBe('not_a_number');
    expect(err('1e5')).toBe('not_a_number');
    expect(err(',')).toBe('not_a_number');
    expect(err('99999999999999')).toBe('too_large');
  });
});

describe('parseAmount (en-US)', () => {
  it('reads commas as thousands and points as decimals', () => {
    expect(ok('1,234.5', 'trieu', 'en-US')).toBe(1_234_500_000);
    expect(ok('39,285', 'dong', 'en-US')).toBe(39_285);
    expect(err('39.285,5', 'dong', 'en-US')).toBe('bad_grouping');
  });
});

describe('formatAmount', () => {
  it('formats integer đồng in the display unit', () => {
    expect(formatAmount(350_190_000_000, 'trieu')).toBe('350.190');
    expect(formatAmount(1_416_200_000, 'trieu')).toBe('1.416,2');
    expect(formatAmount(-1_234_500_000, 'trieu')).toBe('-1.234,5');
    expect(formatAmount(1_234_500_000, 'trieu', 'en-US')).toBe('1,234.5');
    expect(formatAmount(1, 'trieu')).toBe('0,000001');
    expect(formatAmount(1_234_567, 'dong')).toBe('1.234.567');
    expect(formatAmount(350_190_000_000, 'ty')).toBe('350,19');
    expect(formatAmount(0, 'trieu')).toBe('0');
  });
  it('rounds to fewer decimals when asked', () => {
    expect(formatAmount(1_416_250_000, 'trieu', 'vi-VN', 1)).toBe('1.416,3');
    expect(formatAmount(-1_416_250_000, 'trieu', 'vi-VN', 1)).toBe('-1.416,3');
  });
  it('shows nothing for blanks and for values that are not numbers', () => {
    expect(formatAmount(null, 'trieu')).toBe('');
    expect(formatAmount(undefined, 'trieu')).toBe('');
    expect(formatAmount('abc' as unknown as number, 'trieu')).toBe('');
    expect(formatAmount(Number.NaN, 'trieu')).toBe('');
  });
  it('round-trips with parseAmount for any amount and unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        fc.constantFrom('dong', 'nghin', 'trieu', 'ty' as const),
        fc.constantFrom('vi-VN', 'en-US' as const),
        (v, unit, locale) => {
          const r = parseAmount(formatAmount(v, unit, locale), unit, locale);
          expect(r).toEqual({ ok: true, value: v === 0 ? 0 : v });
        },
      ),
    );
  });
});

describe('formatPercent and rounding', () => {
  it('formats ratios the Vietnamese way', () => {
    expect(formatPercent(30_548 / 319_642)).toBe('9,56%');
    expect(formatPercent(3_371 / 47_905, 'vi-VN', 1)).toBe('7,0%');
    expect(formatPercent(0.1)).toBe('10,00%');
  });
  it('rounds half away from zero like Excel', () => {
    expect(roundHalfAway(2.5)).toBe(3);
    expect(roundHalfAway(-2.5)).toBe(-3);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
  });
});

describe('formatSignedAmount', () => {
  it('always shows which way a difference goes', () => {
    expect(formatSignedAmount(4_432_000_000, 'trieu')).toBe('+4.432');
    expect(formatSignedAmount(-600_000, 'trieu')).toBe('-0,6');
    expect(formatSignedAmount(0, 'trieu')).toBe('0');
    expect(formatSignedAmount(1_500_000, 'trieu', 'en-US')).toBe('+1.5');
  });
});
