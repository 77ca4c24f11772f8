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
});
