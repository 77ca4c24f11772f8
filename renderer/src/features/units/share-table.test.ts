import fc from 'fast-check';
import type { AllocationView } from '../../../../shared/commands/units';
import { UnitBook } from '../../../../shared/units/book';
import { ShareTable } from './share-table';

/** A view of `lines` lines × one column, with the engine's sparse values. */
function viewOf(book: UnitBook, units: number[], lines: number[]): AllocationView {
  return {
    columns: lines.map((l) => ({ id: String(l), lineId: l, column: 'c', code: '', label: '', groupLineId: null, groupLabel: null, figure: 0, sum: 0, editable: true })),
    rows: units.map((u) => {
      const values: Record<string, number> = {};
      for (const l of lines) {
        const v = book.share(u, l, 'c');
        if (v !== null) values[String(l)] = v;
      }
      return { unitId: u, depth: 0, name: '', kind: 'commune', code: '', values, total: 0 };
    }),
    total: 0,
    figure: 0,
  };
}

describe('the shares of the cells a view shows', () => {
  it('reads, sets, clears and sums exactly as the engine’s book does (property)', () => {
    const units = [1, 2, 3, 4];
    const lines = [10, 11, 12];
    const op = fc.record({ unit: fc.constantFrom(...units), line: fc.constantFrom(...lines, 99), column: fc.constantFrom('c', 'other'), value: fc.option(fc.integer({ min: -50, max: 1000 })) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), fc.array(op, { maxLength: 30 }), (before, after) => {
        const book = new UnitBook();
        for (const o of before) if (o.line !== 99 && o.column === 'c') book.setShare(o.unit, o.line, o.column, o.value);
        const table = new ShareTable(viewOf(book, units, lines));
        for (const o of after) {
          table.setShare(o.unit, o.line, o.column, o.value);
          // Cells outside the view (another column, another line) are not the view's.
          if (o.line !== 99 && o.column === 'c') book.setShare(o.unit, o.line, o.column, o.value);
        }
        for (const l of lines) {
          if (table.sum(l, 'c') !== book.sum(l, 'c')) return false;
          for (const u of units) if (table.share(u, l, 'c') !== book.share(u, l, 'c')) return false;
        }
        const key = (s: { unitId: number; lineId: number }) => s.unitId * 1000 + s.lineId;
        return JSON.stringify(table.allShares().sort((a, b) => key(a) - key(b))) === JSON.stringify(book.allShares().sort((a, b) => key(a) - key(b)));
      }),
    );
  });
});
