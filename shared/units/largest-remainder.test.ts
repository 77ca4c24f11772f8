// Largest remainder: the shares add up exactly to the amount, each within one rounding unit of its
// exact proportion, extras go to the largest remainders with ties by order — for any amount,
// scores and rounding unit (fast-check), and on the commune coefficients.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder } from './largest-remainder';

const M = 1_000_000;

describe('largestRemainder', () => {
  it('shares 100 triệu among three equal scores as 34 + 33 + 33, the tie to the first', () => {
    const r = largestRemainder(100 * M, [1, 1, 1], M);
    expect(r.shares.map((s) => s.value / M)).toEqual([34, 33, 33]);
    expect(r.shares.map((s) => s.extra)).toEqual([true, false, false]);
    expect(r.shares.map((s) => s.rank)).toEqual([0, 1, 2]);
    expect(r.leftover).toBeNull();
  });

  it('on the commune coefficients (50, 40, 30, 25, 1) gives the amount exactly, in whole triệu', () => {
    const scores = [50, 40, 30, 25, 1];
    const r = largestRemainder(1_000 * M, scores, M);
    expect(r.shares.reduce((a, s) => a + s.value, 0)).toBe(1_000 * M);
    for (const s of r.shares) expect(s.value % M).toBe(0);
    // Exact parts 342,47 273,97 205,48 171,23 6,85: floors add to 997, the 3 left go to ,97 ,85 ,48.
    expect(r.shares.map((s) => s.value / M)).toEqual([342, 274, 206, 171, 7]);
    expect(r.shares.map((s) => s.extra)).toEqual([false, true, true, false, true]);
  });

  it('puts a part below one rounding unit on the next unit in line, still exact', () => {
    const r = largestRemainder(100 * M + 400_000, [1, 1, 1], M);
    expect(r.shares.reduce((a, s) => a + s.value, 0)).toBe(100 * M + 400_000);
    expect(r.leftover).toEqual({ value: 400_000, index: 1 });
    expect(r.shares[1].value).toBe(33 * M + 400_000);
  });

  it('never gives the leftover to a unit scored zero', () => {
    const r = largestRemainder(10 * M + 5, [0, 3, 0], M);
    expect(r.shares.map((s) => s.value)).toEqual([0, 10 * M + 5, 0]);
  });

  it('refuses scores that add up to zero', () => {
    expect(() => largestRemainder(M, [0, 0], M)).toThrow(RangeError);
  });

  // Counterexamples fast-check found (CI, 2026-12-06): the part below one rounding unit was handed
  // out after the floors of the whole units, so a unit with neither an extra nor the leftover could
  // end up a little more than one rounding unit below its exact part.
  it.each([
    [925781249789474, [3, 4, 1, 95], M],
    [206883450084756, [32, 763.2238045, 25, 17, 32, 47], 1000],
  ])('keeps every share within one rounding unit of its exact part (%d among %j by %d)', (amount, scores, roundTo) => {
    const r = largestRemainder(amount, scores, roundTo);
    const scaled = scores.map((s) => BigInt(Math.round(s * 1e6)));
    const total = scaled.reduce((a, b) => a + b, 0n);
    expect(r.shares.reduce((a, s) => a + BigInt(s.value), 0n)).toBe(BigInt(amount));
    r.shares.forEach((s, i) => {
      const diff = BigInt(s.value) * total - BigInt(amount) * scaled[i];
      expect((diff < 0n ? -diff : diff) < BigInt(roundTo) * total).toBe(true);
    });
  });

  it('for any amount, scores and rounding unit: sums exactly, each share < 1 unit from its exact part, ties by order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e15 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1000, noNaN: true })), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(1, 1000, M, 1e9),
        (amount, scores, roundTo) => {
          const scaled = scores.map((s) => Math.round(s * 1e6));
          fc.pre(scaled.some((w) => w > 0));
          const r = largestRemainder(amount, scores, roundTo);
          const sum = r.shares.reduce((a, s) => a + BigInt(s.value), 0n);
          expect(sum).toBe(BigInt(amount));
          const total = scaled.reduce((a, b) => a + BigInt(b), 0n);
          r.shares.forEach((s, i) => {
            // |value − amount·w/W| < roundTo, checked exactly: |value·W − amount·w| < roundTo·W
            const diff = BigInt(s.value) * total - BigInt(amount) * BigInt(scaled[i]);
            expect((diff < 0n ? -diff : diff) < BigInt(roundTo) * total).toBe(true);
            if (r.leftover?.index !== i) expect(s.value % roundTo).toBe(0);
          });
          // Extras go down the remainder order: an extra never ranks after a unit without one.
          const ranksWithExtra = r.shares.filter((s) => s.extra).map((s) => s.rank);
          const ranksWithout = r.shares.filter((s) => !s.extra).map((s) => s.rank);
          if (ranksWithExtra.length && ranksWithout.length) expect(Math.max(...ranksWithExtra)).toBeLessThan(Math.min(...ranksWithout));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
