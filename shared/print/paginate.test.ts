import fc from 'fast-check';
import { paginate, type PaginateInput } from './paginate';

const base = { pageHeight: 100, headerHeight: 10, titleHeight: 20, signatureHeight: 0 };

function rowsOf(pages: ReturnType<typeof paginate>): number[] {
  return pages.flatMap((p) => Array.from({ length: p.end - p.start }, (_, i) => p.start + i));
}

describe('paginate', () => {
  it('fills pages with whole rows, the title taking room on the first page only', () => {
    const pages = paginate({ ...base, rowHeights: Array(20).fill(10) });
    // Page 1: 100 - 10 - 20 = 70 → 7 rows; then 90 → 9 rows; then the last 4.
    expect(pages.map((p) => p.end - p.start)).toEqual([7, 9, 4]);
    expect(pages.map((p) => p.title)).toEqual([true, false, false]);
  });

  it('puts the signature on the last page when it fits there', () => {
    const pages = paginate({ ...base, rowHeights: Array(10).fill(10), signatureHeight: 30 });
    expect(pages.map((p) => [p.end - p.start, p.signature])).toEqual([[7, false], [3, true]]);
  });

  it('carries the last rows over with a signature that does not fit, never leaving it alone', () => {
    // 16 rows: 7 + 9, the second page full; the signature takes the last two rows to page 3.
    const pages = paginate({ ...base, rowHeights: Array(16).fill(10), signatureHeight: 30 });
    expect(pages.map((p) => [p.start, p.end, p.signature])).toEqual([[0, 7, false], [7, 14, false], [14, 16, true]]);
  });

  it('gives a row taller than a page a page of its own instead of looping', () => {
    const pages = paginate({ ...base, rowHeights: [10, 500, 10] });
    expect(pages.map((p) => [p.start, p.end])).toEqual([[0, 1], [1, 2], [2, 3]]);
  });

  it('keeps every row exactly once, in order, within the page height (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 3 }),
        (heights, signature, keep) => {
          const input: PaginateInput = { ...base, rowHeights: heights, signatureHeight: signature, keepWithSignature: keep };
          const pages = paginate(input);
          expect(rowsOf(pages)).toEqual(heights.map((_, i) => i));
          expect(pages.filter((p) => p.signature).length).toBe(signature > 0 ? 1 : 0);
          if (signature > 0) expect(pages[pages.length - 1].signature).toBe(true);
          for (const p of pages) {
            // Only a signature may stand alone, and only after a first page it could not join.
            if (p.end === p.start) expect(p.signature && pages.length === 2 && pages[0].title).toBe(true);
            else expect(p.end).toBeGreaterThan(p.start);
            const used = base.headerHeight + (p.title ? base.titleHeight : 0) + (p.signature ? signature : 0) +
              heights.slice(p.start, p.end).reduce((a, b) => a + b, 0);
            // Only a single row may overflow (it cannot be split); a signature's page always fits.
            if (p.end - p.start > 1 || p.signature) expect(used).toBeLessThanOrEqual(base.pageHeight);
          }
        },
      ),
    );
  });
});
