// Engine tests of the execution side (issue 15) on a real cycle file: reporting dates, figures,
// the report of a date (plan, disbursed, rate, period, totals), undo/redo, reopening, carried-over funds.
import fc from 'fast-check';
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
    // The patch names the rows that moved: at each date written, and at the date after 30/6 (its period).
    expect(r.execution!.figures.map((f) => [f.dateId, f.lineIds.length]).sort()).toEqual([[h1, 2], [y, 3]]);
    // The change log names each figure written, with its line, date, measure and column.
    const log = s.audit.query({}, 0, 10).rows.filter((x) => x.action === 'disbursement');
    expect(log.map((x) => [x.lineCode, x.field, x.new]).sort()).toEqual([
      ['3.2', `date:${h1}:disbursed:0:unit:0:central_recurrent`, 2_000 * M],
      ['3.2', `date:${y}:disbursed:0:unit:0:central_recurrent`, 5_000 * M],
      ['7', `date:${y}:disbursed:0:unit:0:central_recurrent`, 7_210 * M],
    ].sort());

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

  it('finds disbursement over plan, decreasing, below pace, overdue and unspent carry-over, pointing at cells', async () => {
    const s = PlanSession.open(sampleFile());
    s.services = { ...s.services, clock: () => new Date(2025, 2, 1, 10) }; // 1/3/2025
    const byRule = () => {
      const out: Record<string, string[]> = {};
      for (const f of s.findings()) if (f.asOf !== undefined || f.rule.startsWith('carryover') || f.rule.startsWith('report')) (out[f.rule] ??= []).push(`${f.line}|${f.column ?? ''}|${f.asOf ?? ''}|${f.expected ?? ''}|${f.actual ?? ''}`);
      for (const k of Object.keys(out)) out[k].sort();
      return out;
    };
    expect(byRule()).toEqual({});
    const h1 = (await s.handle('execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: '2024-07-10', paceMinPercent: 30 })).id;
    const y = (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: '2025-01-15', paceMinPercent: null })).id;
    // No figure yet, both due dates passed: two overdue reports (information).
    expect(byRule()).toEqual({ report_overdue: ['||2024-06-30||', '||2024-12-31||'] });
    const l32 = lineId(s, '3.2');
    const p = await s.handle('execution/setFigures', {
      cells: [
        { dateId: h1, lineId: l32, column: 'central_recurrent', value: 8_000 * M }, // plan 7.024
        { dateId: y, lineId: l32, column: 'central_recurrent', value: 6_000 * M }, // down from 8.000
      ],
    });
    // The patch carries the execution findings as a delta.
    expect(p.findings.upsert.map((f) => f.rule).filter((r) => r !== 'disbursement_below_pace').sort()).toEqual(['disbursement_decreasing', 'disbursement_over_plan']);
    expect(p.findings.remove.sort()).toEqual(['report_overdue:1', 'report_overdue:2']);
    const f = byRule();
    expect(f.disbursement_over_plan).toEqual([`3.2|central_recurrent|2024-06-30|${7_024 * M}|${8_000 * M}`]);
    expect(f.disbursement_decreasing).toEqual([`3.2|central_recurrent|2024-12-31|${8_000 * M}|${6_000 * M}`]);
    // Pace 30% at 30/6, on the Tổng cộng column: every project but 3 (8.000 of its plan) is at 0%, and the program
    // (8.000 of 350.190) is below it too; 31/12 has no pace, so no finding.
    expect(f.disbursement_below_pace.map((x) => x.split('|').slice(0, 3).join('|')).sort()).toEqual(
      ['1|total|2024-06-30', '2|total|2024-06-30', '4|total|2024-06-30', '5|total|2024-06-30', '6|total|2024-06-30', '7|total|2024-06-30', '|total|2024-06-30']);
    expect(f.report_overdue).toBeUndefined();
    const msg = s.findings().find((x) => x.rule === 'disbursement_over_plan')!.message;
    expect(msg).toContain('30/6/2024');
    // Carried-over funds past their deadline, not all spent.
    await s.handle('execution/setSource', { year: 2023, deadline: '2024-12-31' });
    await s.handle('execution/setCarryover', { cells: [{ year: 2023, lineId: l32, column: 'central_recurrent', value: 500 * M }] });
    await s.handle('execution/setFigures', { cells: [{ dateId: y, lineId: l32, column: 'central_recurrent', fund: 2023, value: 300 * M }] });
    expect(byRule().carryover_unspent).toEqual([`3.2|central_recurrent|2024-12-31|${500 * M}|${300 * M}`]);
    // Fixing the figures clears the findings, in the patch's delta too.
    const fix = await s.handle('execution/setFigures', {
      cells: [
        { dateId: h1, lineId: l32, column: 'central_recurrent', value: 5_000 * M },
        { dateId: y, lineId: l32, column: 'central_recurrent', value: 6_000 * M },
        { dateId: y, lineId: l32, column: 'central_recurrent', fund: 2023, value: 500 * M },
      ],
    });
    expect(fix.findings.remove).toContain(`disbursement_over_plan:${h1}:${l32}:central_recurrent`);
    const left = byRule();
    expect(left.disbursement_over_plan).toBeUndefined();
    expect(left.disbursement_decreasing).toBeUndefined();
    expect(left.carryover_unspent).toBeUndefined();
    s.close();
  });

  it('has no pace finding where no pace is set', async () => {
    const s = PlanSession.open(sampleFile());
    const y = (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null })).id;
    await s.handle('execution/setFigures', { cells: [{ dateId: y, lineId: lineId(s, '3.2'), column: 'central_recurrent', value: 1 }] });
    expect(s.findings().filter((f) => f.asOf !== undefined)).toEqual([]);
    await s.handle('execution/updateDate', { id: y, paceMinPercent: 50 });
    expect(s.findings().filter((f) => f.rule === 'disbursement_below_pace').length).toBeGreaterThan(0);
    s.close();
  });

  it('undo of setFigures restores every figure exactly, and redo re-applies them (random batches)', async () => {
    const s = PlanSession.open(sampleFile());
    const dates = [
      (await s.handle('execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: null, paceMinPercent: null })).id,
      (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null })).id,
    ];
    const holding = s.snapshot().rows.filter((r) => s.executionCalc.holds(r.id)).map((r) => r.id);
    const leaves = s.columns.leaves.map((c) => c.key);
    const state = () => JSON.stringify(s.execution.allFigures().map((f) => [f.dateId, f.lineId, f.column, f.unitId, f.measure, f.fund, f.value]).sort());
    const totals = async () => JSON.stringify((await Promise.all(dates.map((d) => s.handle('execution/report', { dateId: d })))).map((v) => [v.totals, v.carryover.map((c) => c.totals)]));
    const cell = fc.record({
      date: fc.nat({ max: 1 }), line: fc.nat(), col: fc.nat(),
      measure: fc.constantFrom('disbursed', 'allocated', 'estimate'), fund: fc.constantFrom(0, 0, 2023),
      value: fc.option(fc.integer({ min: -1e12, max: 1e15 }), { nil: null, freq: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 30 }), async (batch) => {
        const before = state();
        const beforeTotals = await totals();
        const cells = batch.map((c) => ({ dateId: dates[c.date], lineId: holding[c.line % holding.length], column: leaves[c.col % leaves.length], measure: c.measure, fund: c.fund, value: c.value }));
        const r = await s.handle('execution/setFigures', { cells });
        if (r.written === 0) return;
        const after = state();
        const afterTotals = await totals();
        s.undo();
        expect(state()).toBe(before);
        expect(await totals()).toBe(beforeTotals);
        s.redo();
        expect(state()).toBe(after);
        expect(await totals()).toBe(afterTotals);
      }),
      { numRuns: 40 },
    );
    // And the file holds what memory holds.
    const mem = state();
    s.close();
    const again = PlanSession.open(s.file.path);
    expect(JSON.stringify(again.execution.allFigures().map((f) => [f.dateId, f.lineId, f.column, f.unitId, f.measure, f.fund, f.value]).sort())).toBe(mem);
    again.close();
  });

  it('reports by unit where the plan is allocated: each unit’s shares against its figures; merged and deleted units take their figures along', async () => {
    const s = PlanSession.open(sampleFile());
    const y = (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null })).id;
    const l2 = lineId(s, '2');
    const a = (await s.handle('units/add', { name: 'UBND huyện Tuy Đức', kind: 'district', parentId: null, code: '' })).unitId;
    const b = (await s.handle('units/add', { name: 'UBND huyện Đắk Glong', kind: 'district', parentId: null, code: '' })).unitId;
    await s.handle('units/setShares', { cells: [{ unitId: a, lineId: l2, column: 'central_recurrent', value: 20_000 * M }, { unitId: b, lineId: l2, column: 'central_recurrent', value: 18_637 * M }] });
    await s.handle('execution/setFigures', {
      cells: [
        { dateId: y, lineId: l2, column: 'central_recurrent', unitId: a, value: 15_000 * M },
        { dateId: y, lineId: l2, column: 'central_recurrent', unitId: b, value: 9_000 * M },
        { dateId: y, lineId: l2, column: 'local_recurrent', value: 1_000 * M },
      ],
    });
    const r = await s.handle('execution/byUnit', { dateId: y });
    expect(r.units.map((u) => [u.name, u.plan.central, u.disbursed.central, u.rate.central])).toEqual([
      ['UBND huyện Tuy Đức', 20_000 * M, 15_000 * M, 750],
      ['UBND huyện Đắk Glong', 18_637 * M, 9_000 * M, 483],
    ]);
    expect(r.unassigned.disbursed.total).toBe(1_000 * M);
    // The line's own row adds its units' figures and the figure without a unit.
    const row = (await s.handle('execution/report', { dateId: y })).rows.find((x) => x.code === '2')!;
    expect(row.disbursed.total).toBe(25_000 * M);
    const drill = await s.handle('execution/drill', { dateId: y, lineId: l2, column: 'central' });
    expect(drill.parts.map((p) => [p.unitName, p.plan, p.disbursed])).toEqual([['UBND huyện Tuy Đức', 20_000 * M, 15_000 * M], ['UBND huyện Đắk Glong', 18_637 * M, 9_000 * M]]);
    // Units merge (2025): the figures go with the shares into the unit that stays; undo splits them again.
    await s.handle('units/merge', { from: b, into: a });
    const merged = await s.handle('execution/byUnit', { dateId: y });
    expect(merged.units.map((u) => [u.name, u.plan.central, u.disbursed.central])).toEqual([['UBND huyện Tuy Đức', 38_637 * M, 24_000 * M]]);
    s.undo();
    expect((await s.handle('execution/byUnit', { dateId: y })).units.map((u) => u.disbursed.central)).toEqual([15_000 * M, 9_000 * M]);
    // A unit deleted takes its figures in the same step; undo brings them back.
    await s.handle('units/delete', { unitIds: [a] });
    expect(s.execution.allFigures().some((f) => f.unitId === a)).toBe(false);
    expect((await s.handle('execution/report', { dateId: y })).rows.find((x) => x.code === '2')!.disbursed.total).toBe(10_000 * M);
    s.undo();
    expect(s.execution.getFigure({ dateId: y, lineId: l2, column: 'central_recurrent', unitId: a, measure: 'disbursed', fund: 0 })).toBe(15_000 * M);
    s.close();
  });
});
