import fc from 'fast-check';
import type { AllocationView } from '../../../../shared/commands/units';
import { UnitBook } from '../../../../shared/units/book';
import { packShares } from '../../../../shared/units/packed-shares';
import { ShareTable } from './share-table';

/** A view of `lines` lines × one column, packed as the engine packs it. */
function viewOf(book: UnitBook, units: number[], lines: number[]): AllocationView {
  return {
    columns: lines.map((l) => ({ id: String(l), lineId: l, column: 'c', code: '', label: '', groupLineId: null, groupLabel: null, figure: 0, sum: 0, editable: true })),
    unitIds: units,
    shares: lines.map((l) => {
      const at: number[] = [];
      const values: number[] = [];
      units.forEach((u, pos) => {
        const v = book.share(u, l, 'c');
        if (v !== null) {
          at.push(pos);
          values.push(v);
        }
      });
      return packShares(at, values, units.length);
    }),
    total: 0,
    figure: 0,
  };
}

describe('the shares of the cells a view shows', () => {
  it('reads, sets, clears and sums exactly as the engine’s book does (property)', () => {
    const units = [1, 2, 3, 4];
    const lines = [10, 11, 12];
    const op = fc.record({ unit: fc.constantFrom(...units, 5, 6), line: fc.constantFrom(...lines, 99), column: fc.constantFrom('c', 'other'), value: fc.option(fc.oneof(fc.integer({ min: -50, max: 1000 }), fc.integer({ min: -5, max: 500 }).map((x) => x * 1_000_000))) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), fc.array(op, { maxLength: 30 }), (before, after) => {
        const book = new UnitBook();
        for (const o of before) if (units.includes(o.unit) && o.line !== 99 && o.column === 'c') book.setShare(o.unit, o.line, o.column, o.value);
        const table = new ShareTable(viewOf(book, units, lines));
        for (const o of after) {
          table.setShare(o.unit, o.line, o.column, o.value);
          // Cells outside the view (another column, another line) are not the view's.
          if (o.line !== 99 && o.column === 'c') book.setShare(o.unit, o.line, o.column, o.value);
        }
        for (const l of lines) {
          if (table.sum(l, 'c') !== book.sum(l, 'c')) return false;
          for (const u of [...units, 5, 6]) if (table.share(u, l, 'c') !== book.share(u, l, 'c')) return false;
        }
        const key = (s: { unitId: number; lineId: number }) => s.unitId * 1000 + s.lineId;
        return JSON.stringify(table.allShares().sort((a, b) => key(a) - key(b))) === JSON.stringify(book.allShares().sort((a, b) => key(a) - key(b)));
      }),
    );
  });

  it('takes units added after the view was read, past its first room', () => {
    const book = new UnitBook();
    book.setShare(1, 10, 'c', 7_000_000);
    const table = new ShareTable(viewOf(book, [1], [10]));
    for (let u = 2; u <= 100; u++) table.setShare(u, 10, 'c', u * 1_000_000);
    expect(table.share(1, 10, 'c')).toBe(7_000_000);
    expect(table.share(100, 10, 'c')).toBe(100_000_000);
    expect(table.sum(10, 'c')).toBe(7_000_000 + ((2 + 100) * 99 * 1_000_000) / 2);
    expect(table.sharesOfUnit(57)).toEqual([{ unitId: 57, lineId: 10, column: 'c', value: 57_000_000 }]);
  });
});
