import { describe, expect, it } from 'vitest';
import { detailSums, differences, withoutColumns, type UnitDetail } from './model';

const m = (o: Record<number, Record<string, number>>) => new Map(Object.entries(o).map(([k, v]) => [Number(k), new Map(Object.entries(v))]));

describe('consolidation model', () => {
  it('differences: every cell where the unit differs from its share, a missing side as 0, in the plan order', () => {
    const shares = m({ 1: { a: 100, b: 50 }, 2: { a: 30 } });
    const reported = m({ 1: { a: 100, b: 40 }, 3: { a: 5 } });
    expect(differences(shares, reported, ['a', 'b'], [3, 2, 1])).toEqual([
      { lineId: 3, column: 'a', expected: 0, actual: 5 },
      { lineId: 2, column: 'a', expected: 30, actual: 0 },
      { lineId: 1, column: 'b', expected: 50, actual: 40 },
    ]);
    expect(differences(shares, shares, ['a', 'b'], [])).toEqual([]);
  });

  it('detail sums count top-level detail lines only; a removed column leaves the rest', () => {
    const d: UnitDetail = {
      unitId: 1, file: 'x.xlsx', received: '2024-03-01T00:00:00Z', reported: { 7: { a: 10, b: 2 } },
      lines: [
        { seq: 0, parentSeq: null, lineId: 7, code: '-', name: 'A', values: { a: 6, b: 2 } },
        { seq: 1, parentSeq: 0, lineId: 7, code: '+', name: 'A.1', values: { a: 6 } },
        { seq: 2, parentSeq: null, lineId: 7, code: '-', name: 'B', values: { a: 4 } },
      ],
    };
    expect(Object.fromEntries(detailSums(d).get(7)!)).toEqual({ a: 10, b: 2 });
    const w = withoutColumns(d, new Set(['b']));
    expect(w.reported).toEqual({ 7: { a: 10 } });
    expect(w.lines.map((l) => l.values)).toEqual([{ a: 6 }, { a: 6 }, { a: 4 }]);
  });
});
