// The execution report must equal a from-scratch model in integer đồng, whatever the trees and the
// figures: disbursed per line and column (Σ of the subtree's figures under the column's leaves),
// remaining, the period's difference from the previous as-of date, and the rate rounded once to
// one decimal (half away from zero) — computed here with BigInt fractions, never floats — also
// after random figure edits applied incrementally (ExecutionCalc.figureChanged).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PlanCalc } from '../calc';
import { ColumnTree, defaultColumns } from '../columns';
import type { Amount, Line } from '../model';
import { ExecutionCalc } from './calc';
import { rateTenths, type Figure, type Measure } from './model';
import { ReportBuilder } from './report';
import { ExecutionState } from './state';

const arbLines = (max: number) =>
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 9 })), { minLength: 1, maxLength: max }).map((specs) =>
    specs.map(([p, kind], i): Line => ({
      id: i + 1, parentId: kind < 3 || i === 0 ? null : (p % i) + 1, position: i,
      code: String(i + 1), name: `L${i + 1}`, agency: '', note: '', allowedCapital: null, isAdjustment: false,
    })),
  );

// Up to 10^15 đồng a cell: sums and the rate's numerator go far past 2^53 only through BigInt.
const arbMoney = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1e15 }));
const arbFig = fc.record({ date: fc.nat({ max: 2 }), line: fc.nat(), col: fc.nat(), value: fc.option(arbMoney, { nil: null, freq: 5 }), measure: fc.constantFrom<Measure>('disbursed', 'disbursed', 'allocated') });

/** Exact rate in tenths of a percent: round half away from zero of d*1000/p, with BigInt. */
function exactTenths(d: number, p: number): number | null {
  if (p === 0) return null;
  const num = BigInt(d) * 1000n;
  const den = BigInt(p);
  const neg = (num < 0n) !== (den < 0n);
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  const q = (2n * a + b) / (2n * b);
  return Number(neg && q !== 0n ? -q : q);
}

describe('execution report = from-scratch model', () => {
  it('rateTenths is exact for any integer đồng', () => {
    fc.assert(fc.property(arbMoney, arbMoney, (d, p) => {
      expect(rateTenths(d, p)).toBe(exactTenths(d, p));
    }), { numRuns: 2000 });
    expect(rateTenths(33_060, 42_499)).toBe(778);
    expect(rateTenths(1, 2000)).toBe(1); // 0,05% rounds half away from zero to 0,1%
    expect(rateTenths(-1, 2000)).toBe(-1);
    expect(rateTenths(999_999_999_999_999, 1_000_000_000_000_000)).toBe(1000);
  });

  it('disbursed, remaining, period and rate per line and column, also after incremental edits', () => {
    fc.assert(
      fc.property(arbLines(20), fc.array(arbFig, { maxLength: 40 }), fc.array(arbFig, { minLength: 1, maxLength: 20 }), fc.array(fc.tuple(fc.nat(), fc.nat(), arbMoney), { maxLength: 20 }),
        (lines, initial, edits, plan) => {
          const cols = new ColumnTree(defaultColumns());
          const leaves = cols.leaves.map((c) => c.key);
          const amounts = new Map<string, Amount>();
          for (const [li, ci, v] of plan) {
            const lineId = lines[li % lines.length].id;
            const column = leaves[ci % leaves.length];
            amounts.set(`${lineId}:${column}`, { lineId, column, value: Math.abs(v) });
          }
          const calc = new PlanCalc(cols, lines, [...amounts.values()]);
          const state = new ExecutionState({
            dates: [{ id: 1, asOf: '2024-06-30', kind: 'h1', due: null, paceMinPercent: null }, { id: 2, asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null }, { id: 3, asOf: '2025-01-31', kind: 'year_adjusted', due: null, paceMinPercent: null }],
            figures: [], sources: [], carryover: [],
          });
          const toFigure = (e: (typeof initial)[number]): Figure => ({ dateId: e.date + 1, lineId: lines[e.line % lines.length].id, column: leaves[e.col % leaves.length], unitId: null, measure: e.measure, fund: 0, value: e.value ?? 0 });
          // The reference: a plain list of figures, kept apart from the state under test.
          const ref = new Map<string, Figure>();
          const keep = (f: Figure, v: number | null) => {
            const k = `${f.dateId}|${f.lineId}|${f.column}|${f.measure}`;
            if (v === null) ref.delete(k);
            else ref.set(k, { ...f, value: v });
          };
          for (const e of initial) {
            state.setFigure(toFigure(e), e.value);
            keep(toFigure(e), e.value);
          }
          const ex = new ExecutionCalc(() => calc, state);
          const b = new ReportBuilder(ex);
          const check = () => {
            // From scratch: the subtree of each line, the figures of each date.
            const under = (id: number): number[] => [id, ...calc.children(id).flatMap(under)];
            const disb = (dateId: number, id: number, col: string) => {
              const ls = new Set(cols.leafKeysUnder.get(col) ?? [col]);
              let s = 0;
              const inTree = new Set(under(id));
              for (const f of ref.values()) if (f.dateId === dateId && inTree.has(f.lineId) && f.measure === 'disbursed' && ls.has(f.column)) s += f.value;
              return s;
            };
            for (const dateId of [1, 2, 3]) {
              const rows = b.rows({ dateId });
              for (const r of rows) {
                for (const c of cols.ordered) {
                  const d = disb(dateId, r.lineId, c.key);
                  const p = calc.value(r.lineId, c.key);
                  const prev = dateId === 1 ? 0 : disb(dateId - 1, r.lineId, c.key);
                  expect(r.disbursed[c.key], `date ${dateId} line ${r.lineId} ${c.key}`).toBe(d);
                  expect(r.plan[c.key]).toBe(p);
                  expect(r.remaining[c.key]).toBe(p - d);
                  expect(r.period[c.key]).toBe(d - prev);
                  expect(r.rate[c.key]).toBe(exactTenths(d, p));
                }
              }
              const tot = b.totals(dateId);
              for (const c of cols.ordered) {
                const d = calc.children(null).reduce((s, id) => s + disb(dateId, id, c.key), 0);
                expect(tot.disbursed[c.key]).toBe(d);
                expect(tot.rate[c.key]).toBe(exactTenths(d, calc.total(c.key)));
              }
            }
          };
          check();
          for (const e of edits) {
            const f = toFigure(e);
            const old = state.getFigure(f);
            state.setFigure(f, e.value);
            keep(f, e.value);
            ex.figureChanged(f, (e.value ?? 0) - (old ?? 0));
          }
          check();
        }),
      { numRuns: 150 },
    );
  });
});
