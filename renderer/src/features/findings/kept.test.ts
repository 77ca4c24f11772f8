// "Keep both" decisions: they apply only while both figures are what the officer saw, stale ones are
// dropped on the next write, and an unreadable setting never breaks the panel.
import type { Finding } from '../../../../shared/findings';
import { isKept, readKept, withKept } from './kept';

const mismatch = (id: string, stated: number, computed: number): Finding => ({
  id, rule: 'sum_mismatch', severity: 'error', line: '1', lineId: 1, column: 'total', expected: computed, actual: stated,
  message: '', msg: { key: 'rules.sum_mismatch', params: {} },
});

describe('kept decisions', () => {
  it('apply while the stated and computed figures are unchanged', () => {
    const f = mismatch('sum_mismatch:1:total', 123, 100);
    const { kept } = withKept({}, f, true, () => f);
    expect(isKept(f, kept)).toBe(true);
    expect(isKept(mismatch(f.id, 124, 100), kept)).toBe(false); // the stated figure moved
    expect(isKept(mismatch(f.id, 123, 101), kept)).toBe(false); // the parts moved
  });

  it('can be taken back, and stale ones are dropped when writing', () => {
    const a = mismatch('a', 5, 1);
    const b = mismatch('b', 7, 2);
    let kept = withKept({}, a, true, () => undefined).kept;
    kept = withKept(kept, b, true, (id) => (id === 'a' ? a : undefined)).kept;
    expect(Object.keys(kept).sort()).toEqual(['a', 'b']);
    // "a" is gone from the plan (accepted or fixed): the next write forgets it.
    kept = withKept(kept, b, false, () => undefined).kept;
    expect(kept).toEqual({});
  });

  it('only concern stated totals', () => {
    const other: Finding = { ...mismatch('x', 1, 2), rule: 'negative_amount' };
    expect(withKept({}, other, true, () => other).kept).toEqual({});
  });

  it('read an unreadable setting as no decisions', () => {
    expect(readKept(null)).toEqual({});
    expect(readKept({ kept: { a: { stated: 'x' } } })).toEqual({});
    expect(readKept({ kept: { a: { stated: 1, computed: 2 } } })).toEqual({ a: { stated: 1, computed: 2 } });
  });
});
