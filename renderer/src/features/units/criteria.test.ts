import fc from 'fast-check';
import { parseScore, previewAllocation, schemeScore } from './criteria';

const M = 1_000_000;

describe('allocation by criteria in the window', () => {
  it('scores a unit in several groups by its highest coefficient only', () => {
    expect(schemeScore(['zone2', 'zone3', 'village'])).toBe(50);
    expect(schemeScore(['zone1', 'other'])).toBe(30);
    expect(schemeScore(['village'])).toBe(1);
    expect(schemeScore([])).toBe(0);
  });

  it('reads scores the way they are typed', () => {
    expect(parseScore('1,5', 'vi-VN')).toBe(1.5);
    expect(parseScore('1.000', 'vi-VN')).toBe(1000);
    expect(parseScore('1.5', 'en-US')).toBe(1.5);
    expect(parseScore('1,000', 'en-US')).toBe(1000);
    expect(parseScore(' ', 'vi-VN')).toBeNull();
    expect(parseScore('abc', 'vi-VN')).toBe('bad');
    expect(parseScore('-3', 'vi-VN')).toBe('bad');
  });

  it('previews shares in whole triệu that add up exactly, the remainders to the largest, ties by order', () => {
    // 100 triệu over three equal scores: 33 each, one triệu left → the first in order.
    const p = previewAllocation(100 * M, [{ unitId: 5, score: 40 }, { unitId: 6, score: 40 }, { unitId: 7, score: 0 }, { unitId: 8, score: 40 }], M);
    if (p === 'no_scores') throw new Error('scores');
    expect(p.rows.map((r) => [r.unitId, r.value / M, r.extra])).toEqual([[5, 34, true], [6, 33, false], [8, 33, false]]);
    expect(p.total).toBe(100 * M);
    expect(p.extras).toBe(1);
    expect(p.leftover).toBeNull();
    expect(previewAllocation(5 * M, [{ unitId: 1, score: 0 }], M)).toBe('no_scores');
  });

  it('always adds up to the amount, each share within one rounding unit of its exact part (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 13 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom(1, 1000, M),
        (amount, raw, roundTo) => {
          const scores = raw.map((score, i) => ({ unitId: i + 1, score }));
          const p = previewAllocation(amount, scores, roundTo);
          if (p === 'no_scores') return raw.every((s) => s === 0);
          return p.total === amount && p.rows.every((r) => Math.abs(r.value - r.exact) < roundTo + 1e-6 * amount);
        },
      ),
    );
  });
});
