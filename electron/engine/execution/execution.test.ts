// Engine tests of the execution side (issue 15) on a real cycle file: reporting dates, figures,
// the report of a date (plan, disbursed, rate, period, totals), undo/redo, reopening, carried-over funds.
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';

const M = 1_000_000;

function sampleFile(): string {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}

function lineId(s: PlanSession, code: string): number {
  const row = s.snapshot().rows.find((r) => r.code === code);
  if (!row) throw new Error(`no line ${code}`);
  return row.id;
}

describe('execution reports on the sample plan', () => {
  it('adds dates, takes figures, reports rate and period, undoes and survives reopening', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    const h1 = (await s.handle('execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: '2024-07-10', paceMinPercent: 30 })).id;
    const y = (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null })).id;
    const l32 = lineId(s, '3.2');
    const l7 = lineId(s, '7');
    // 3.2 has 7.024 triệu NSTW SN; Dự án 7 (unallocated parent) holds its own figures.
    const r = await s.handle('execution/setFigures', {
      cells: [
        { dateId: h1, lineId: l32, column: 'central_recurrent', value: 2_000 * M },
        { dateId: y, lineId: l32, column: 'central_recurrent', value: 5_000 * M },
        { dateId: y, lineId: l7, column: 'central_recurrent', value: 7_210 * M },
        { dateId: y, lineId: lineId(s, '7.1'), column: 'central_recurrent', value: 1 },
        { dateId: y, lineId: l32, column: 'central', value: 1 },
      ],
    });
    expect(r.written).toBe(3);
    expect(r.notWritten).toEqual([{ index: 3, reason: 'not_holding' }, { index: 4, reason: 'total_column' }]);
    expect(r.report!.rows.map((x) => x.code).sort()).toEqual(['3', '3.2']);

    const rep = await s.handle('execution/report', { asOf: '2024-12-31' });
    const row32 = rep.rows.find((x) => x.code === '3.2')!;
    expect(row32.plan.central_recurrent).toBe(7_024 * M);
    expect(row32.disbursed.central_recurrent).toBe(5_000 * M);
    expect(row32.period.central_recurrent).toBe(3_000 * M);
    expect(row32.remaining.central_recurrent).toBe(2_024 * M);
    expect(row32.rate.central_recurrent).toBe(712); // 5000/7024 = 71,18…%
    expect(rep.rows.find((x) => x.code === '3')!.disbursed.total).toBe(5_000 * M);
    expect(rep.totals.disbursed.total).toBe(12_210 * M);
    expect(rep.totals.period.total).toBe(10_210 * M);
    expect(rep.previous?.asOf).toBe('2024-06-30');

    s.undo();
    expect((await s.handle('execution/report', { dateId: y })).totals.disbursed.total).toBe(0);
    s.redo();
    s.close();
    const again = PlanSession.open(file);
    expect((await again.handle('execution/report', { dateId: y })).totals.disbursed.total).toBe(12_210 * M);
    // Deleting a date says how many figures go, and undo brings them back.
    expect((await again.handle('execution/dateImpact', { id: y })).figures).toBe(2);
    const del = await again.handle('execution/deleteDate', { id: y });
    expect(del.figuresRemoved).toBe(2);
    expect((await again.handle('execution/dates', {})).dates.map((d) => d.asOf)).toEqual(['2024-06-30']);
    again.undo();
    expect((await again.handle('execution/report', { dateId: y })).totals.disbursed.total).toBe(12_210 * M);
    again.close();
  });

  it('reports carried-over funds apart and in the combined total', async () => {
    const s = PlanSession.open(sampleFile());
    const y = (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null })).id;
    const l2 = lineId(s, '2');
    await s.handle('execution/setCarryover', { cells: [{ year: 2023, lineId: l2, column: 'central_recurrent', value: 500 * M }] });
    await s.handle('execution/setFigures', {
      cells: [
        { dateId: y, lineId: l2, column: 'central_recurrent', value: 1_000 * M },
        { dateId: y, lineId: l2, column: 'central_recurrent', fund: 2023, value: 400 * M },
      ],
    });
    const rep = await s.handle('execution/report', { dateId: y });
    expect(rep.carryover).toHaveLength(1);
    expect(rep.carryover[0].year).toBe(2023);
    expect(rep.carryover[0].totals.plan.total).toBe(500 * M);
    expect(rep.carryover[0].totals.disbursed.total).toBe(400 * M);
    expect(rep.carryover[0].rows.map((r) => r.code)).toEqual(['2']);
    expect(rep.totals.disbursed.total).toBe(1_000 * M);
    expect(rep.combined.disbursed.total).toBe(1_400 * M);
    expect(rep.combined.plan.total).toBe(350_190 * M + 500 * M);
    const drill = await s.handle('execution/drill', { dateId: y, lineId: null, column: 'total', fund: 2023 });
    expect(drill.parts.map((p) => [p.code, p.plan, p.disbursed])).toEqual([['2', 500 * M, 400 * M]]);
    s.close();
  });

  it("removes a column's figures and carried-over amounts with the column, in the same undo step", async () => {
    const s = PlanSession.open(sampleFile());
    const y = (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null })).id;
    const l2 = lineId(s, '2');
    await s.handle('execution/setCarryover', { cells: [{ year: 2023, lineId: l2, column: 'other', value: 5 * M }] });
    await s.handle('execution/setFigures', { cells: [{ dateId: y, lineId: l2, column: 'other', value: 3 * M }, { dateId: y, lineId: l2, column: 'local_recurrent', value: 2 * M }] });
    await s.handle('columns/delete', { key: 'other' });
    expect(s.execution.allFigures().map((f) => f.column)).toEqual(['local_recurrent']);
    expect(s.execution.carryoverList()).toEqual([]);
    expect((await s.handle('execution/report', { dateId: y })).totals.disbursed.total).toBe(2 * M);
    s.undo();
    expect(s.execution.getFigure({ dateId: y, lineId: l2, column: 'other', unitId: null, measure: 'disbursed', fund: 0 })).toBe(3 * M);
    expect(s.execution.getCarryover(2023, l2, 'other')).toBe(5 * M);
    expect((await s.handle('execution/report', { dateId: y })).totals.disbursed.total).toBe(5 * M);
    s.close();
  });
});
