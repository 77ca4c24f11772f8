// PlanCalc's incremental totals must always equal the from-scratch reference (computeFromScratch),
// whatever the trees and whatever sequence of edits: checked on random plans with fast-check.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeFromScratch, PlanCalc } from './calc';
import { ColumnTree, defaultColumns } from './columns';
import type { Amount, FundingColumn, Line } from './model';

/**
 * A random forest: line i's parent is an earlier line, none, or (rarely) an id that is not in the
 * plan — a dangling parent, which the tree treats as top-level. No cycles.
 */
const arbLines = (max: number) =>
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 9 }), fc.nat()), { minLength: 1, maxLength: max }).map((specs) =>
    specs.map(([p, kind, pos], i): Line => ({
      id: i + 1,
      parentId: kind === 0 ? 1000 + p : kind < 3 || i === 0 ? null : (p % i) + 1,
      position: pos % 5,
      code: String(i + 1), name: `L${i + 1}`, agency: '', note: '',
      allowedCapital: null, isAdjustment: false,
    })),
  );

/** A random column tree (1–3 levels), keys c0, c1, …; parents come before children. */
const arbColumns: fc.Arbitrary<FundingColumn[]> = fc.oneof(
  fc.constant(defaultColumns()),
  fc.array(fc.nat(), { minLength: 1, maxLength: 7 }).map((ps) =>
    ps.map((p, i): FundingColumn => ({
      key: `c${i}`, parent: i === 0 ? null : `c${p % i}`, position: i,
      label: { vi: `C${i}`, en: `C${i}` }, source: null, capital: null,
    })),
  ),
);

/** Cell picks: indexes into lines and columns, taken modulo their lengths. */
const arbCell = fc.record({
  line: fc.nat(),
  col: fc.nat(),
  value: fc.option(fc.integer({ min: -1_000_000, max: 1_000_000 }), { nil: null, freq: 4 }),
});

function checkAgainstScratch(calc: PlanCalc, cols: ColumnTree, lines: Line[], stored: Map<string, Amount>): void {
  const ref = computeFromScratch(cols, lines, [...stored.values()]);
  for (const l of lines) {
    for (const c of cols.ordered) {
      expect(calc.value(l.id, c.key), `line ${l.id} × ${c.key}`).toBe(ref.values.get(`${l.id}:${c.key}`));
    }
  }
  for (const c of cols.ordered) expect(calc.total(c.key), `total ${c.key}`).toBe(ref.totals.get(c.key));
}

describe('PlanCalc incremental = computeFromScratch', () => {
  it('after random edits on random trees', () => {
    fc.assert(
      fc.property(arbLines(25), arbColumns, fc.array(arbCell, { maxLength: 30 }), fc.array(arbCell, { minLength: 1, maxLength: 40 }),
        (lines, columns, initial, edits) => {
          const cols = new ColumnTree(columns);
          const keys = cols.ordered.map((c) => c.key);
          const stored = new Map<string, Amount>();
          const put = (e: { line: number; col: number; value: number | null }) => {
            const lineId = lines[e.line % lines.length].id;
            const column = keys[e.col % keys.length];
            if (e.value === null) stored.delete(`${lineId}:${column}`);
            else stored.set(`${lineId}:${column}`, { lineId, column, value: e.value });
            return { lineId, column, value: e.value };
          };
          initial.forEach(put);
          const calc = new PlanCalc(cols, lines, [...stored.values()]);
          checkAgainstScratch(calc, cols, lines, stored);
          for (const e of edits) {
            const { lineId, column, value } = put(e);
            calc.setAmount(lineId, column, value);
            checkAgainstScratch(calc, cols, lines, stored);
          }
        }),
      { numRuns: 300 },
    );
  });

  it('setAmount reports every line whose computed values changed', () => {
    fc.assert(
      fc.property(arbLines(20), fc.array(arbCell, { maxLength: 20 }), fc.array(arbCell, { minLength: 1, maxLength: 20 }),
        (lines, initial, edits) => {
          const cols = new ColumnTree(defaultColumns());
          const keys = cols.ordered.map((c) => c.key);
          const amounts: Amount[] = initial.filter((e) => e.value !== null).map((e) => ({
            lineId: lines[e.line % lines.length].id, column: keys[e.col % keys.length], value: e.value!,
          }));
          const calc = new PlanCalc(cols, lines, amounts);
          for (const e of edits) {
            const before = new Map(lines.map((l) => [l.id, keys.map((k) => calc.value(l.id, k)).join(',') + calc.isUnallocatedParent(l.id)]));
            const changed = calc.setAmount(lines[e.line % lines.length].id, keys[e.col % keys.length], e.value);
            for (const l of lines) {
              const now = keys.map((k) => calc.value(l.id, k)).join(',') + calc.isUnallocatedParent(l.id);
              if (now !== before.get(l.id)) expect(changed.has(l.id), `line ${l.id} changed but not reported`).toBe(true);
            }
          }
        }),
      { numRuns: 200 },
    );
  });
});

describe('PlanCalc with a dangling parent id', () => {
  // An imported or hand-edited file may name a parent that is not in the plan. reset() already treats
  // such a line as top-level; edits on it must too (they used to follow the missing parent and throw).
  const cols = new ColumnTree(defaultColumns());
  const line = (id: number, parentId: number | null): Line => ({
    id, parentId, position: 0, code: String(id), name: '', agency: '', note: '', allowedCapital: null, isAdjustment: false,
  });

  it('treats the line as top-level when its amount is edited', () => {
    const calc = new PlanCalc(cols, [line(1, null), line(2, 99)], []);
    expect(() => calc.setAmount(2, 'central_recurrent', 500)).not.toThrow();
    expect(calc.value(2, 'total')).toBe(500);
    expect(calc.total('total')).toBe(500);
    expect(calc.ancestors(2)).toEqual([]);
    expect(calc.parentOf(2)).toBeNull();
  });

  it('keeps a dangling child of a removed parent consistent with computeFromScratch', () => {
    const lines = [line(1, null), line(2, 1), line(3, 7), line(4, 3)];
    const calc = new PlanCalc(cols, lines, [{ lineId: 4, column: 'local_recurrent', value: 10 }]);
    calc.setAmount(4, 'local_recurrent', 30);
    const ref = computeFromScratch(cols, lines, [{ lineId: 4, column: 'local_recurrent', value: 30 }]);
    expect(calc.value(3, 'local')).toBe(ref.values.get('3:local'));
    expect(calc.total('total')).toBe(ref.totals.get('total'));
    expect(calc.ancestors(4)).toEqual([3]);
  });
});

describe('PlanCalc.setColumns (issue 13: the column tree changes under the same lines)', () => {
  it('= computeFromScratch on the new tree, figures of columns that went dropped, new figures laid over; edits stay incremental after', () => {
    fc.assert(
      fc.property(arbLines(20), arbColumns, arbColumns, fc.array(arbCell, { maxLength: 30 }), fc.array(arbCell, { maxLength: 10 }), fc.array(arbCell, { maxLength: 10 }),
        (lines, before, after, initial, laid, edits) => {
          const a = new ColumnTree(before);
          const b = new ColumnTree(after);
          const stored = new Map<string, Amount>();
          const keysA = a.ordered.map((c) => c.key);
          const keysB = b.ordered.map((c) => c.key);
          for (const e of initial) {
            const lineId = lines[e.line % lines.length].id;
            const column = keysA[e.col % keysA.length];
            if (e.value !== null) stored.set(`${lineId}:${column}`, { lineId, column, value: e.value });
          }
          const calc = new PlanCalc(a, lines, [...stored.values()]);
          for (const k of [...stored.keys()]) if (!b.has(stored.get(k)!.column)) stored.delete(k);
          const figures = laid.map((e) => ({ lineId: lines[e.line % lines.length].id, column: keysB[e.col % keysB.length], value: e.value }));
          for (const f of figures) {
            if (f.value === null) stored.delete(`${f.lineId}:${f.column}`);
            else stored.set(`${f.lineId}:${f.column}`, { lineId: f.lineId, column: f.column, value: f.value });
          }
          calc.setColumns(b, figures);
          checkAgainstScratch(calc, b, lines, stored);
          expect(calc.amountList().length).toBe(stored.size);
          for (const e of edits) {
            const lineId = lines[e.line % lines.length].id;
            const column = keysB[e.col % keysB.length];
            calc.setAmount(lineId, column, e.value);
            if (e.value === null) stored.delete(`${lineId}:${column}`);
            else stored.set(`${lineId}:${column}`, { lineId, column, value: e.value });
          }
          checkAgainstScratch(calc, b, lines, stored);
        }),
      { numRuns: 300 },
    );
  });
});

describe('PlanCalc.setColumns when no computed value can move (an empty column added or removed)', () => {
  it('lays the rows out again and still equals computeFromScratch, before and after edits', () => {
    fc.assert(
      fc.property(arbLines(20), arbColumns, fc.array(arbCell, { maxLength: 30 }), fc.nat(), fc.boolean(), fc.array(arbCell, { maxLength: 10 }),
        (lines, columns, initial, pick, remove, edits) => {
          const a = new ColumnTree(columns);
          const groups = a.ordered.filter((c) => !a.isLeaf(c.key));
          if (groups.length === 0) return;
          const g = groups[pick % groups.length];
          const kids = a.children.get(g.key)!;
          const stored = new Map<string, Amount>();
          const keysA = a.ordered.map((c) => c.key);
          const gone = remove && kids.length > 1 && a.isLeaf(kids[0].key) ? kids[0].key : null;
          for (const e of initial) {
            const lineId = lines[e.line % lines.length].id;
            const column = keysA[e.col % keysA.length];
            if (e.value !== null && column !== gone) stored.set(`${lineId}:${column}`, { lineId, column, value: e.value });
          }
          const calc = new PlanCalc(a, lines, [...stored.values()]);
          const after = gone
            ? columns.filter((c) => c.key !== gone)
            : [...columns, { key: 'new', parent: g.key, position: 99, label: { vi: 'Mới', en: 'New' }, source: null, capital: null }];
          const b = new ColumnTree(after);
          calc.setColumns(b);
          checkAgainstScratch(calc, b, lines, stored);
          const keysB = b.ordered.map((c) => c.key);
          for (const e of edits) {
            const lineId = lines[e.line % lines.length].id;
            const column = keysB[e.col % keysB.length];
            calc.setAmount(lineId, column, e.value);
            if (e.value === null) stored.delete(`${lineId}:${column}`);
            else stored.set(`${lineId}:${column}`, { lineId, column, value: e.value });
          }
          checkAgainstScratch(calc, b, lines, stored);
        }),
      { numRuns: 300 },
    );
  });
});

describe('PlanCalc.forEachStored and forEachInColumn (reads without a map per line)', () => {
  it('give the same figures as storedOf and storedValue, in column order, for lines still in the plan', () => {
    fc.assert(
      fc.property(arbLines(20), arbColumns, fc.array(arbCell, { maxLength: 40 }), (lines, columns, cells) => {
        const cols = new ColumnTree(columns);
        const keys = cols.ordered.map((c) => c.key);
        const calc = new PlanCalc(cols, lines, []);
        for (const e of cells) calc.storeOnly(lines[e.line % lines.length].id, keys[e.col % keys.length], e.value);
        for (const l of lines) {
          const seen: [string, number][] = [];
          calc.forEachStored(l.id, (k, v) => seen.push([k, v]));
          expect(seen).toEqual([...calc.storedOf(l.id)]);
          expect(seen.map(([k]) => keys.indexOf(k))).toEqual(seen.map(([k]) => keys.indexOf(k)).sort((a, b) => a - b));
        }
        for (const k of keys) {
          const got = new Map<number, number>();
          calc.forEachInColumn(k, (id, v) => got.set(id, v));
          const want = new Map(lines.flatMap((l) => (calc.storedValue(l.id, k) === undefined ? [] : [[l.id, calc.storedValue(l.id, k)!] as const])));
          expect(got).toEqual(want);
        }
        // A line removed from the map (a structural step before its reset) is not listed.
        calc.lines.delete(lines[0].id);
        for (const k of keys) calc.forEachInColumn(k, (id) => expect(id).not.toBe(lines[0].id));
      }),
      { numRuns: 200 },
    );
  });
});
