// The report's export commands on an open plan: the workbook is written where asked (".xlsx" added),
// nothing in the plan changes (no undo step), and an unknown date or a plan as target is refused.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
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

  it('rolls sub-units into their parent by unit: the parent’s own figures plus its sub-units’, the sub-units indented beneath it, in the chart and the workbook', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    try {
      const M = 1_000_000;
      const line = s.snapshot().rows.find((r) => r.code === '2')!.id;
      const d = (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null })).id;
      // Province → district (→ commune), and a second district.
      const p = (await s.handle('units/add', { name: 'UBND tỉnh Đắk Nông', kind: 'province' })).unitId;
      const d1 = (await s.handle('units/add', { name: 'UBND huyện Tuy Đức', kind: 'district', parentId: p })).unitId;
      const c = (await s.handle('units/add', { name: 'UBND xã Quảng Tân', kind: 'commune', parentId: d1 })).unitId;
      const d2 = (await s.handle('units/add', { name: 'UBND huyện Đắk Glong', kind: 'district', parentId: p })).unitId;
      const share = (unitId: number, column: string, value: number) => ({ unitId, lineId: line, column, value });
      await s.handle('units/setShares', {
        cells: [share(p, 'central_recurrent', 10_000 * M), share(d1, 'central_recurrent', 20_000 * M), share(c, 'central_recurrent', 5_000 * M), share(d2, 'central_recurrent', 3_000 * M), share(d1, 'local_recurrent', 2_000 * M)],
      });
      const fig = (unitId: number, column: string, value: number) => ({ dateId: d, lineId: line, column, unitId, value });
      await s.handle('execution/setFigures', { cells: [fig(p, 'central_recurrent', 4_000 * M), fig(d1, 'central_recurrent', 15_000 * M), fig(c, 'central_recurrent', 1_000 * M), fig(d1, 'local_recurrent', 500 * M)] });
      const r = await s.handle('execution/byUnit', { dateId: d });
      expect(r.units.map((u) => [u.name, u.depth, u.hasChildren, u.plan.central, u.disbursed.central, u.rate.central, u.own.plan.central, u.own.disbursed.central])).toEqual([
        ['UBND tỉnh Đắk Nông', 0, true, 38_000 * M, 20_000 * M, 526, 10_000 * M, 4_000 * M],
        ['UBND huyện Tuy Đức', 1, true, 25_000 * M, 16_000 * M, 640, 20_000 * M, 15_000 * M],
        ['UBND xã Quảng Tân', 2, false, 5_000 * M, 1_000 * M, 200, 5_000 * M, 1_000 * M],
        ['UBND huyện Đắk Glong', 1, false, 3_000 * M, 0, 0, 3_000 * M, 0],
      ]);
      expect(r.units.map((u) => u.parentId)).toEqual([null, p, d1, p]);
      expect(r.units[0].plan.total).toBe(40_000 * M);
      expect(r.units[0].disbursed.local).toBe(500 * M);
      const nb = '\u00a0\u00a0\u00a0';
      const units = (await s.handle('execrep/units', { dateId: d })).units;
      expect(units).toEqual([
        { label: 'UBND tỉnh Đắk Nông', plan: 40_000 * M, disbursed: 20_500 * M },
        { label: `${nb}– UBND huyện Tuy Đức`, plan: 27_000 * M, disbursed: 16_500 * M },
        { label: `${nb}${nb}– UBND xã Quảng Tân`, plan: 5_000 * M, disbursed: 1_000 * M },
        { label: `${nb}– UBND huyện Đắk Glong`, plan: 3_000 * M, disbursed: 0 },
      ]);
      // The workbook's chart block by unit lists the same rows (amounts in triệu đồng).
      const out = (await s.handle('execrep/exportXlsx', { dateId: d, path: path.join(dir, 'bao-cao.xlsx') })).path;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const rows: [string, number, number][] = [];
      wb.worksheets[1].eachRow((row) => {
        const label = String(row.getCell(1).value ?? '');
        if (units.some((u) => u.label === label)) rows.push([label, Number(row.getCell(2).value), Number(row.getCell(3).value)]);
      });
      expect(rows).toEqual(units.map((u) => [u.label, u.plan / M, u.disbursed / M]));
    } finally {
      s.close();
    }
  });
});
