// The Rules dialog's form: figures shown and read in the cycle's number convention, refusals named
// per field, and the stored parameters round-tripping unchanged.
import { DEFAULT_RULES, type RuleParams } from '../../../../shared/model';
import { formatPercentInput, fromForm, parsePercent, sameRules, toForm } from './rule-form';

describe('parsePercent', () => {
  it('reads Vietnamese and English decimals, with or without %', () => {
    expect(parsePercent('10', 'vi-VN')).toBe(10);
    expect(parsePercent(' 12,5 % ', 'vi-VN')).toBe(12.5);
    expect(parsePercent('0,005', 'vi-VN')).toBe(0.005);
    expect(parsePercent('12.5', 'en-US')).toBe(12.5);
  });
  it('refuses the other convention’s mark, words, and values outside 0–100', () => {
    expect(parsePercent('12.5', 'vi-VN')).toBeNull(); // "12.5" in Vietnamese is not twelve and a half
    expect(parsePercent('12,5', 'en-US')).toBeNull();
    expect(parsePercent('mười', 'vi-VN')).toBeNull();
    expect(parsePercent('', 'vi-VN')).toBeNull();
    expect(parsePercent('100,5', 'vi-VN')).toBeNull();
    expect(parsePercent('-1', 'vi-VN')).toBeNull();
  });
  it('formats without float noise', () => {
    expect(formatPercentInput(0.1 + 0.2, 'vi-VN')).toBe('0,3');
    expect(formatPercentInput(10, 'vi-VN')).toBe('10');
    expect(formatPercentInput(0.005, 'en-US')).toBe('0.005');
  });
});

describe('toForm / fromForm', () => {
  it('round-trips stored parameters', () => {
    const r: RuleParams = { counterpartMinPercent: 12.5, counterpartBasis: 'QĐ 02/2022/QĐ-TTg', toleranceDong: 1_500_000, counterpartPerLine: false, counterpartTolerancePercent: 0.01, counterpartLineDepth: 2 };
    const form = toForm(r, 'trieu', 'vi-VN');
    expect(form).toMatchObject({ minPercent: '12,5', toleranceAmount: '1,5', toleranceMode: 'custom', depth: 2 });
    expect(fromForm(form, 'trieu', 'vi-VN')).toEqual({ ok: true, rules: r });
  });
  it('fills the optional parameters with their defaults, and keeps the default tolerance as null', () => {
    const res = fromForm(toForm(DEFAULT_RULES, 'trieu', 'vi-VN'), 'trieu', 'vi-VN');
    expect(res).toEqual({ ok: true, rules: { ...DEFAULT_RULES, counterpartTolerancePercent: 0.005, counterpartLineDepth: 1 } });
    expect(res.ok && sameRules(res.rules, DEFAULT_RULES)).toBe(true);
  });
  it('names every field that is wrong', () => {
    const form = { ...toForm(DEFAULT_RULES, 'trieu', 'vi-VN'), minPercent: 'x', toleranceMode: 'custom' as const, toleranceAmount: '-1' };
    expect(fromForm(form, 'trieu', 'vi-VN')).toEqual({
      ok: false,
      errors: { minPercent: 'rulesDialog.bad.percent', toleranceAmount: 'rulesDialog.bad.amount' },
    });
  });
  it('a blank level is "not set yet" (2026 on), with its legal basis; both round-trip', () => {
    const r: RuleParams = { ...DEFAULT_RULES, counterpartMinPercent: null, counterpartBasis: 'NĐ 358/2025/NĐ-CP', counterpartTolerancePercent: 0.005, counterpartLineDepth: 1 };
    const form = toForm(r, 'trieu', 'vi-VN');
    expect(form).toMatchObject({ minPercent: '', basis: 'NĐ 358/2025/NĐ-CP' });
    expect(fromForm(form, 'trieu', 'vi-VN')).toEqual({ ok: true, rules: r });
    const set = fromForm({ ...form, minPercent: '8', basis: ' NQ 12/2026/NQ-HĐND ' }, 'trieu', 'vi-VN');
    expect(set.ok && set.rules).toMatchObject({ counterpartMinPercent: 8, counterpartBasis: 'NQ 12/2026/NQ-HĐND' });
    expect(sameRules(r, { ...r, counterpartBasis: 'QĐ 02/2022/QĐ-TTg' })).toBe(false);
  });
  it('tells a change from none', () => {
    expect(sameRules(DEFAULT_RULES, { ...DEFAULT_RULES, counterpartMinPercent: 9 })).toBe(false);
    expect(sameRules(DEFAULT_RULES, { ...DEFAULT_RULES, counterpartLineDepth: 1 })).toBe(true);
  });
});
