// Mappings: header rows and columns given by the user (a foreign-language or unusual table), saved
// and loaded as a named template, and used to fill a template on export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { writeXlsx } from '../../../test/fixtures/excel/make-fixtures';
import { exportAnnex, importSpreadsheet, loadMapping, saveMapping, type ImportMapping } from './index';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-map-'));

function englishWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budget');
  ws.addRow(['Unit: million VND']);
  ws.addRow(['Item', 'Description', 'Central', 'Local', 'Remarks']);
  ws.addRow(['1', 'Roads', 100, 10, 'x']);
  ws.addRow(['1.1', 'Rural roads', 60, 6]);
  ws.addRow(['1.2', 'Bridges', 40, 4]);
  ws.addRow(['2', 'Schools', 50, 5]);
  return wb;
}

describe('legacy Vietnamese encodings', () => {
  it('warns when names look like TCVN3 read as Unicode, or use .VnTime', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['STT', 'Néi dung', 'Tæng céng']);
    ws.addRow(['1', 'Hç trî ®Çu t­ h¹ tÇng', 5]);
    ws.addRow(['2', 'Ng©n s¸ch nhµ n­íc', 6]);
    ws.getCell('B2').font = { name: 'Arial' };
    const r = await importSpreadsheet({ path: await writeXlsx(wb, path.join(tmp, 'tcvn3.xlsx')) }, { mapping: { headerRows: [1], columns: { A: 'code', B: 'name', C: 'total' } } });
    expect(r.report.warnings.map((w) => w.key)).toContain('excel.warn.legacy_text');
    ws.getCell('B2').font = { name: '.VnTime' };
    const r2 = await importSpreadsheet({ path: await writeXlsx(wb, path.join(tmp, 'vntime.xlsx')) }, { mapping: { headerRows: [1], columns: { A: 'code', B: 'name', C: 'total' } } });
    expect(r2.report.warnings).toContainEqual({ key: 'excel.warn.legacy_font', params: { font: '.VnTime' } });
  });
});

describe('mappings', () => {
  it('a table nobody could recognise imports with header rows and columns given by letter', async () => {
    const file = await writeXlsx(englishWorkbook(), path.join(tmp, 'en.xlsx'));
    await expect(importSpreadsheet({ path: file })).rejects.toMatchObject({ code: 'excel.error.no_table' });
    const mapping: ImportMapping = { name: 'English budget', sheet: 'Budget', headerRows: [2], columns: { A: 'code', B: 'name', C: 'central_recurrent', D: 'local_recurrent', Remarks: 'note' } };
    const saved = path.join(tmp, 'english.json');
    saveMapping(saved, mapping);
    const r = await importSpreadsheet({ path: file }, { mapping: loadMapping(saved) });
    expect(r.report.headerRows).toEqual([2]);
    expect(r.data.lines.map((l) => [l.code, l.parentId])).toEqual([['1', null], ['1.1', 1], ['1.2', 1], ['2', null]]);
    expect(r.data.lines[0].note).toBe('x');
    // Line 1's own figures are stated totals (it has children), equal to the sum.
    expect(r.report.statedCount).toBe(2);
    expect(r.report.totals.central_recurrent).toBe(150_000_000);
    expect(r.report.warnings.map((w) => w.key)).toContain('excel.warn.unit_missing');
  });

  it('keeps the template\'s TỔNG CỘNG row below the lines when that is where the template has it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws0 = wb.addWorksheet('PL');
    ws0.addRow(['Đơn vị tính: triệu đồng']);
    ws0.addRow(['STT', 'Nội dung', 'Tổng cộng', 'NSTW', 'NSĐP']);
    ws0.addRow(['1', 'Dự án mẫu', 3, 2, 1]);
    ws0.addRow(['', 'Cộng', 3, 2, 1]);
    ws0.getCell('B4').font = { bold: true };
    ws0.addRow([]);
    ws0.addRow(['Người lập biểu']);
    const template = await writeXlsx(wb, path.join(tmp, 'total-below.xlsx'));
    const plan = sampleCycle();
    const out = path.join(tmp, 'total-below-filled.xlsx');
    await exportAnnex({ meta: plan.meta, columns: plan.columns, calc: new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts) }, out, { template });
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet('PL')!;
    expect(ws.getCell('A3').value).toBe('1');
    expect(ws.getCell('B3').font?.bold).toBe(true); // a parent line
    expect(ws.getCell('B4').font?.bold).toBeFalsy();
    expect(ws.getCell(`B${3 + 18}`).value).toBe('TỔNG CỘNG');
    expect((ws.getCell(`C${3 + 18}`).value as { result: number }).result).toBe(350190);
    expect(ws.getCell(`A${3 + 18 + 2}`).value).toBe('Người lập biểu');
    const r = await importSpreadsheet({ path: out });
    expect(r.report.lineCount).toBe(18);
    expect(r.report.warnings.filter((w) => w.key !== 'excel.warn.unit_missing')).toEqual([]);
  });

  it('fills a template whose columns are given by a mapping', async () => {
    const template = await writeXlsx(englishWorkbook(), path.join(tmp, 'tpl.xlsx'));
    const plan = sampleCycle();
    const out = path.join(tmp, 'filled.xlsx');
    const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
    const mapping: ImportMapping = { headerRows: [2], columns: { A: 'code', B: 'name', C: 'central', D: 'local', E: 'note' } };
    await exportAnnex({ meta: plan.meta, columns: plan.columns, calc }, out, { template, mapping });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Budget')!;
    expect(ws.getCell('A2').value).toBe('Item'); // the template's header kept
    expect(ws.getCell('B3').value).toBe('TỔNG CỘNG');
    expect((ws.getCell('C3').value as { result: number }).result).toBe(319642);
    expect(ws.getCell('A4').value).toBe('1');
    // No unit line in the template: figures in the plan's unit (triệu).
    expect((ws.getCell('C4').value as { formula: string }).formula).toBe('SUM(C5,C6)');
    expect(ws.getCell('C5').value).toBe(99654 + 12033); // a leaf line: the computed figure
  });
});

describe('template mode on random plans', () => {
  it('the department template filled with any plan imports back to the same lines, entries and totals', async () => {
    const fc = (await import('fast-check')).default;
    const { planSeed, randomPlan } = await import('../../../test/fixtures/excel/random-plan');
    const { buildDepartmentWorkbook } = await import('../../../test/fixtures/excel/make-fixtures');
    const template = await writeXlsx(buildDepartmentWorkbook(), path.join(tmp, 'dept-template.xlsx'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(planSeed, async (seed) => {
        const plan = randomPlan({ ...seed, unit: 'trieu' }); // the template says "triệu đồng"
        // This template has no "Vốn khác" column: a plan for it has none either (figures there could
        // not be shown, and would decide whether a parent is allocated).
        plan.amounts = plan.amounts.filter((a) => a.column !== 'other');
        const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
        const out = path.join(tmp, `tpl-${n++}.xlsx`);
        await exportAnnex({ meta: plan.meta, columns: plan.columns, calc }, out, { template });
        const r = await importSpreadsheet({ path: out });
        expect(r.data.lines.map((l) => [l.code, l.parentId, l.name, l.agency])).toEqual(plan.lines.map((l) => [l.code, l.parentId, l.name, l.agency]));
        // Entries (leaf line × leaf column) come back exactly; totals are the same sums.
        const entries = (amounts: typeof plan.amounts, isLeafLine: (id: number) => boolean) =>
          amounts.filter((a) => isLeafLine(a.lineId) && calc.cols.isLeaf(a.column)).map((a) => `${a.lineId}:${a.column}=${a.value}`).sort();
        const leaf = (id: number) => !calc.isParent(id);
        expect(entries(r.data.amounts, leaf)).toEqual(entries(plan.amounts, leaf));
        for (const key of ['total', 'central', 'local', 'central_recurrent', 'local_investment']) expect(r.report.totals[key]).toBe(calc.total(key));
        fs.rmSync(out);
      }),
      { numRuns: Number(process.env.PLANDESK_FC_RUNS_TEMPLATE ?? 15) },
    );
  }, 120_000);
});
