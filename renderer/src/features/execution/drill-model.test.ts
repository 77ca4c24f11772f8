// The drill-down panel's model: the rows behind a report figure, per line and unit, with the
// in-period figure against the date before, and a sum that is the figure clicked.
import { describe, expect, it } from 'vitest';
import type { DrillPart } from '../../../../shared/commands/execution';
import { drillModel, drillTargetOf, gridCellOf } from './drill-model';

const part = (lineId: number, code: string, plan: number, disbursed: number, unit: [number, string] | null = null): DrillPart => ({
  lineId, code, name: `Dòng ${code}`, unitId: unit?.[0] ?? null, unitName: unit?.[1] ?? null, plan, disbursed,
});

describe('drill-down model', () => {
  it('lists the lines behind a plan figure and sums to it', () => {
    const m = drillModel({ lineId: 3, column: 'total', measure: 'plan' }, [part(4, '3.1', 5_000_000_000, 0), part(5, '3.2', 7_726_000_000, 5_000_000_000)], null);
    expect(m.rows.map((r) => r.code)).toEqual(['3.1', '3.2']);
    expect(m.figure).toBe(12_726_000_000);
    expect(m.sum).toEqual({ plan: 12_726_000_000, disbursed: 5_000_000_000, remaining: 7_726_000_000, period: 5_000_000_000, rate: 393 });
    // Each row carries its own rate and remaining.
    expect(m.rows[1]).toMatchObject({ remaining: 2_726_000_000, rate: 647, period: 5_000_000_000 });
    expect(m.rows[0].rate).toBe(0);
  });

  it('splits an allocated line by unit, and the rate asked is the sums’ rate, not a sum of rates', () => {
    const current = [
      part(7, '1.1', 600, 300, [1, 'Huyện A']),
      part(7, '1.1', 400, 400, [2, 'Huyện B']),
      part(8, '1.2', 1000, 0),
    ];
    const m = drillModel({ lineId: null, column: 'central', measure: 'rate' }, current, null);
    expect(m.rows.map((r) => [r.code, r.unitName])).toEqual([['1.1', 'Huyện A'], ['1.1', 'Huyện B'], ['1.2', null]]);
    expect(m.rows.map((r) => r.rate)).toEqual([500, 1000, 0]);
    expect(m.figure).toBe(350); // 700 / 2000
  });

  it('takes the in-period figure against the date before, keeping a part cleared since', () => {
    const previous = [part(7, '1.1', 600, 100, [1, 'Huyện A']), part(7, '1.1', 400, 250, [2, 'Huyện B']), part(9, '1.3', 0, 40)];
    const current = [part(7, '1.1', 600, 300, [1, 'Huyện A']), part(7, '1.1', 400, 0, null), part(8, '1.2', 1000, 50)];
    const m = drillModel({ lineId: null, column: 'total', measure: 'period' }, current, previous);
    // Huyện B's 250 was cleared: it stays (plan 0, period −250) beside its line; 1.3's too.
    expect(m.rows.map((r) => [r.code, r.unitName, r.plan, r.disbursed, r.period])).toEqual([
      ['1.1', 'Huyện A', 600, 300, 200],
      ['1.1', null, 400, 0, 0],
      ['1.1', 'Huyện B', 0, 0, -250],
      ['1.2', null, 1000, 50, 50],
      ['1.3', null, 0, 0, -40],
    ]);
    // 350 now − 390 before.
    expect(m.figure).toBe(-40);
    expect(m.sum.plan).toBe(2000);
    expect(m.sum.disbursed).toBe(350);
  });

  it('at the first date the period is the whole figure; remaining is plan minus disbursed', () => {
    const m = drillModel({ lineId: 5, column: 'total', measure: 'remaining' }, [part(5, '3.2', 7726, 5000)], null);
    expect(m.figure).toBe(2726);
    expect(m.sum.period).toBe(5000);
  });

  it('nothing behind a figure: no rows, zero sums, no rate', () => {
    const m = drillModel({ lineId: 1, column: 'total', measure: 'rate' }, [], null);
    expect(m.rows).toEqual([]);
    expect(m.figure).toBeNull();
    expect(m.sum.plan).toBe(0);
  });
});

describe('drill-down target of a grid cell', () => {
  it('reads the summary and figure columns, on a line or on TỔNG CỘNG', () => {
    expect(drillTargetOf('sum:plan', '12', 'total')).toEqual({ lineId: 12, column: 'total', measure: 'plan' });
    expect(drillTargetOf('sum:period', 'total', 'total')).toEqual({ lineId: null, column: 'total', measure: 'period' });
    expect(drillTargetOf('fig:central_recurrent', '5', 'total')).toEqual({ lineId: 5, column: 'central_recurrent', measure: 'disbursed' });
    expect(drillTargetOf('code', '5', 'total')).toBeNull();
    expect(drillTargetOf('name', 'total', 'total')).toBeNull();
    expect(drillTargetOf('sum:other', '5', 'total')).toBeNull();
    expect(drillTargetOf('sum:plan', 'x', 'total')).toBeNull();
  });

  it('a panel line selects the funding column’s figure cell, or the summary cell for the root column', () => {
    const leaves = (k: string) => (k === 'central' ? ['central_invest', 'central_recurrent'] : [k]);
    expect(gridCellOf({ lineId: 3, column: 'total', measure: 'rate' }, 'total', leaves)).toBe('sum:rate');
    expect(gridCellOf({ lineId: 3, column: 'central_recurrent', measure: 'disbursed' }, 'total', leaves)).toBe('fig:central_recurrent');
    expect(gridCellOf({ lineId: null, column: 'central', measure: 'plan' }, 'total', leaves)).toBe('fig:central_invest');
  });
});
