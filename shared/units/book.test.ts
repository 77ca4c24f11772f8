// UnitBook's kept per-unit totals (the consolidation board reads them instead of walking every
// share): after any sequence of share sets, clears, merges of one unit into another, unit removals
// and line deletions — as the engine's commands issue them — each unit's kept totals equal its
// shares summed from scratch, a column with no share left gone from them, and a unit whose shares
// changed has a new revision (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../model';
import { UnitBook } from './book';

const UNITS = [1, 2, 3, 4];
const LINES = [1, 2, 3, 4, 5];
const COLUMNS = ['central_invest', 'central_recurrent', 'local_recurrent'];

const unit = (id: number): Unit => ({ id, parentId: null, position: id, name: `Xã ${id}`, kind: 'commune', code: '' });

/** A unit's shares summed per column from scratch (only columns where it holds some). */
function fromScratch(book: UnitBook, unitId: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of book.sharesOfUnit(unitId)) out[s.column] = (out[s.column] ?? 0) + s.value;
  return out;
}

const value = fc.oneof(fc.constant(0), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((v) => v * 1000), fc.integer({ min: 1, max: 2 ** 40 }));
const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('set' as const), unitId: fc.constantFrom(...UNITS), lineId: fc.constantFrom(...LINES), column: fc.constantFrom(...COLUMNS), value }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('clear' as const), unitId: fc.constantFrom(...UNITS), lineId: fc.constantFrom(...LINES), column: fc.constantFrom(...COLUMNS) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('merge' as const), from: fc.constantFrom(...UNITS), into: fc.constantFrom(...UNITS) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('removeUnit' as const), unitId: fc.constantFrom(...UNITS) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteLine' as const), lineId: fc.constantFrom(...LINES) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(book: UnitBook, o: Op): void {
  switch (o.t) {
    case 'set':
      if (!book.units.has(o.unitId)) book.putUnit(unit(o.unitId));
      return book.setShare(o.unitId, o.lineId, o.column, o.value);
    case 'clear':
      return book.setShare(o.unitId, o.lineId, o.column, null);
    case 'merge':
      // As units/merge: into's share becomes the sum, from's goes, then from itself.
      if (o.from === o.into) return;
      for (const s of book.sharesOfUnit(o.from)) {
        book.setShare(o.into, s.lineId, s.column, (book.share(o.into, s.lineId, s.column) ?? 0) + s.value);
        book.setShare(o.from, s.lineId, s.column, null);
      }
      return book.removeUnit(o.from);
    case 'removeUnit':
      // As units/delete: the unit's shares cleared, then the unit.
      for (const s of book.sharesOfUnit(o.unitId)) book.setShare(o.unitId, s.lineId, s.column, null);
      return book.removeUnit(o.unitId);
    case 'deleteLine':
      // As a line's delete: every share of the line goes.
      for (const s of book.sharesOfLine(o.lineId)) book.setShare(s.unitId, s.lineId, s.column, null);
      return;
  }
}

describe('UnitBook per-unit totals', () => {
  it('sums a unit\'s shares per column as they are set, changed and cleared', () => {
    const book = new UnitBook([unit(1), unit(2)], [
      { unitId: 1, lineId: 1, column: 'central_recurrent', value: 100 },
      { unitId: 1, lineId: 2, column: 'central_recurrent', value: 50 },
      { unitId: 1, lineId: 2, column: 'local_recurrent', value: 0 },
      { unitId: 2, lineId: 1, column: 'central_recurrent', value: 7 },
    ]);
    expect(book.unitTotals(1)).toEqual({ central_recurrent: 150, local_recurrent: 0 });
    book.setShare(1, 1, 'central_recurrent', 30);
    expect(book.unitTotals(1)).toEqual({ central_recurrent: 80, local_recurrent: 0 });
    book.setShare(1, 2, 'local_recurrent', null);
    expect(book.unitTotals(1)).toEqual({ central_recurrent: 80 });
    book.setShare(1, 1, 'central_recurrent', null);
    book.setShare(1, 2, 'central_recurrent', null);
    expect(book.unitTotals(1)).toEqual({});
    expect(book.unitTotals(2)).toEqual({ central_recurrent: 7 });
    expect(book.unitTotals(99)).toEqual({});
  });

  it('equal a from-scratch sum after any sequence of share edits, merges, unit removals and line deletions', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const book = new UnitBook();
        for (const o of ops) {
          const before = UNITS.map((u) => [JSON.stringify(book.sharesOfUnit(u)), book.unitRevision(u)] as const);
          apply(book, o);
          // A unit whose shares changed has a new revision (what the board's cached comparisons key on).
          UNITS.forEach((u, i) => {
            if (JSON.stringify(book.sharesOfUnit(u)) !== before[i][0]) expect(book.unitRevision(u)).toBeGreaterThan(before[i][1]);
          });
        }
        for (const u of UNITS) expect(book.unitTotals(u)).toEqual(fromScratch(book, u));
        // A book built from the same shares at once keeps the same totals.
        const again = new UnitBook([...book.units.values()], book.allShares());
        for (const u of UNITS) expect(again.unitTotals(u)).toEqual(book.unitTotals(u));
      }),
      { numRuns: 1000 },
    );
  });
});
