// The report's export commands on an open plan: the workbook is written where asked (".xlsx" added),
// nothing in the plan changes (no undo step), and an unknown date or a plan as target is refused.
import fs from 'node:fs';
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';

describe('execrep commands', () => {
  it('exports the report of a date as xlsx, changing nothing in the plan', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    try {
      const id = (await s.handle('execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: null, paceMinPercent: null })).id;
      const undoBefore = s.snapshot().undo;
      const r = await s.handle('execrep/exportXlsx', { dateId: id, path: path.join(dir, 'bao cao') });
      expect(r.name).toBe('bao cao.xlsx');
      expect(fs.readFileSync(r.path).subarray(0, 2).toString('latin1')).toBe('PK');
      expect(s.snapshot().undo).toEqual(undoBefore);
      await expect(s.handle('execrep/exportXlsx', { dateId: 99, path: path.join(dir, 'x.xlsx') })).rejects.toMatchObject({ code: 'execrep.error.noDate' });
      // A plan file, whatever its name, is never written over.
      const trap = path.join(dir, 'trap.xlsx');
      fs.copyFileSync(file, trap);
      const before = fs.readFileSync(trap);
      await expect(s.handle('execrep/exportXlsx', { dateId: id, path: trap })).rejects.toMatchObject({ code: expect.stringContaining('is_plan') });
      expect(fs.readFileSync(trap).equals(before)).toBe(true);
    } finally {
      s.close();
    }
  });

  it('gives the units\' plan and disbursement at a date for the chart by unit', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    try {
      const M = 1_000_000;
      const line = s.snapshot().rows.find((r) => r.code === '3.2')!.id;
      const d = (await s.handle('execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: null, paceMinPercent: null })).id;
      expect((await s.handle('execrep/units', { dateId: d })).units).toEqual([]); // not allocated
      const a = (await s.handle('units/add', { name: 'UBND huyện Tuy Đức', kind: 'district' })).unitId;
      const b = (await s.handle('units/add', { name: 'UBND huyện Đắk Glong', kind: 'district' })).unitId;
      await s.handle('units/setShares', { cells: [{ unitId: a, lineId: line, column: 'central_recurrent', value: 4_000 * M }, { unitId: b, lineId: line, column: 'central_recurrent', value: 3_024 * M }] });
      await s.handle('execution/setFigures', { cells: [{ dateId: d, lineId: line, column: 'central_recurrent', unitId: a, value: 1_000 * M }] });
      expect((await s.handle('execrep/units', { dateId: d })).units).toEqual([
        { label: 'UBND huyện Tuy Đức', plan: 4_000 * M, disbursed: 1_000 * M },
        { label: 'UBND huyện Đắk Glong', plan: 3_024 * M, disbursed: 0 },
      ]);
    } finally {
      s.close();
    }
  });
});
