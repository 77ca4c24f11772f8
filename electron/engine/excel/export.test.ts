// The exported annex read back by independent readers: SheetJS (formulas, cached values, merges,
// print titles, margins) and ExcelJS (fonts, borders, number formats, page setup, footer, notes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import type { CycleData } from '../../../shared/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { buildDepartmentWorkbook, writeXlsx } from '../../../test/fixtures/excel/make-fixtures';
import { exportAnnex, importSpreadsheet, writeAnnexFixture } from './index';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-export-'));

async function exportPlan(plan: CycleData, file: string, opts = {}) {
  const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
  await exportAnnex({ meta: plan.meta, columns: plan.columns, calc, rules: plan.rules }, file, opts);
  return file;
}

describe('default annex layout', () => {
  const file = path.join(tmp, 'sample.xlsx');
  let plan: CycleData;
  beforeAll(async () => {
    plan = sampleCycle();
    // One stated total that differs (typed over): it must stay a plain number with a note.
    plan.amounts.push({ lineId: 1, column: 'total', value: 160_000_000_000 });
    await exportPlan(plan, file);
  });

  it('SheetJS sees the title lines, the merged two-level header and the column numbers', () => {
    const wb = XLSX.read(fs.readFileSync(file), { cellFormula: true });
    expect(wb.SheetNames[0]).toBe('Phụ lục');
    const ws = wb.Sheets['Phụ lục'];
    const v = (a: string) => ws[a]?.v;
    expect(v('A1')).toBe('Phụ lục');
    expect(v('A2')).toBe('KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024');
    expect(v('A3')).toBe('(Kèm theo Kế hoạch số 122/KH-UBND ngày 29/02/2024 của Ủy ban nhân dân tỉnh Đắk Nông)');
    expect(v('J4')).toBe('Đơn vị tính: triệu đồng');
    expect([v('A5'), v('B5'), v('C5'), v('D5'), v('G5'), v('J5'), v('K5'), v('L5')]).toEqual(['STT', 'Nội dung', 'Tổng cộng', 'NSTW', 'NSĐP', 'Vốn khác', 'Cơ quan chủ trì', 'Ghi chú']);
    expect([v('D6'), v('E6'), v('F6'), v('G6'), v('H6'), v('I6')]).toEqual(['Tổng', 'ĐTPT', 'SN', 'Tổng', 'ĐTPT', 'SN']);
    expect([v('C7'), v('D7'), v('E7')]).toEqual(['(3)=(4)+(7)+(10)', '(4)=(5)+(6)', '(5)']);
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    expect(merges).toEqual(expect.arrayContaining(['A1:L1', 'A2:L2', 'A5:A6', 'B5:B6', 'C5:C6', 'D5:F5', 'G5:I5', 'J5:J6', 'K5:K6', 'L5:L6']));
    const titles = wb.Workbook?.Names?.find((n) => n.Name === '_xlnm.Print_Titles');
    expect(titles?.Ref).toBe("'Phụ lục'!$5:$7");
    expect(ws['!margins']?.left).toBeCloseTo(20 / 25.4, 2);
  });

  it('totals are formulas with correct cached values; entries and kept figures are numbers', () => {
    const wb = XLSX.read(fs.readFileSync(file), { cellFormula: true });
    const ws = wb.Sheets['Phụ lục'];
    // Row 8: TỔNG CỘNG; row 9: Dự án 1; row 10: 1.1.
    expect(ws.B8.v).toBe('TỔNG CỘNG');
    expect(ws.C8).toMatchObject({ f: 'D8+G8+J8', v: 350190 });
    expect(ws.E8.f).toMatch(/^SUM\(/);
    expect(ws.E8.v).toBe(149374);
    expect(ws.D8.v).toBe(319642);
    expect(ws.G8.v).toBe(30548);
    expect(ws.E9).toMatchObject({ f: 'SUM(E10:E11)', v: 99654 + 26197 });
    expect(ws.E10.f).toBeUndefined();
    expect(ws.E10.v).toBe(99654);
    expect(ws.C10).toMatchObject({ f: 'D10+G10+J10', v: 122854 });
    // The typed-over total of Dự án 1: a plain number (the user's figure).
    expect(ws.C9.f).toBeUndefined();
    expect(ws.C9.v).toBe(160000);
    // Dự án 7: not allocated to 7.1/7.2 — its own figures are plain numbers.
    const r7 = Object.keys(ws).find((k) => /^A\d+$/.test(k) && ws[k].v === '7')!.slice(1);
    expect(ws[`F${r7}`].f).toBeUndefined();
    expect(ws[`F${r7}`].v).toBe(9020);
    expect(ws[`C${r7}`]).toMatchObject({ f: `D${r7}+G${r7}+J${r7}`, v: 9924 });
  });

  it('ExcelJS sees Times New Roman, bold totals and parents, borders, formats, A4 landscape fit to width, footer, notes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Phụ lục')!;
    expect(ws.getCell('E10').font?.name).toBe('Times New Roman');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A3').font?.italic).toBe(true);
    expect(ws.getCell('B8').font?.bold).toBe(true);
    expect(ws.getCell('B9').font?.bold).toBe(true); // Dự án 1 (a parent)
    expect(ws.getCell('B10').font?.bold).toBeFalsy();
    expect(ws.getCell('B10').alignment?.indent).toBe(1);
    expect(ws.getCell('E10').border?.top?.style).toBe('thin');
    expect(ws.getCell('E10').numFmt).toBe('#,##0');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter?.oddFooter).toContain('&P');
    expect(String(ws.getCell('C9').note ?? '')).toMatch(/Số ghi trong kế hoạch: 160\.000/);
    expect(ws.getColumn(2).width).toBe(50);
    // The hidden metadata sheet stays hidden.
    expect(wb.getWorksheet('_PlanDesk')?.state).toBe('veryHidden');
    // The signature block.
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Tôn Thị Ngọc Hạnh', 'Đắk Nông, ngày 29 tháng 02 năm 2024']));
  });

  it('keeps decimals of a unit that is not whole (#,##0.###) and reads them back exactly', async () => {
    const p = sampleCycle();
    p.amounts.find((a) => a.lineId === 2 && a.column === 'central_investment')!.value = 99_654_250_000;
    const f = await exportPlan(p, path.join(tmp, 'decimals.xlsx'));
    const ws = XLSX.read(fs.readFileSync(f), { cellNF: true }).Sheets['Phụ lục'];
    expect(ws.E10.v).toBe(99654.25);
    expect(ws.E10.z).toBe('#,##0.###');
    const back = await importSpreadsheet({ path: f });
    expect(back.data.amounts.find((a) => a.lineId === 2 && a.column === 'central_investment')?.value).toBe(99_654_250_000);
  });

  it('a 20.000-line annex is written and read back quickly', async () => {
    const f = path.join(tmp, 'big.xlsx');
    const t0 = performance.now();
    const plan = await writeAnnexFixture(f, 20_000);
    const t1 = performance.now();
    const r = await importSpreadsheet({ path: f });
    const t2 = performance.now();
    expect(r.report.lineCount).toBe(20_000);
    expect(r.data.amounts.length).toBe(plan.amounts.length);
    expect(r.report.warnings).toEqual([]);
    expect(t1 - t0).toBeLessThan(5000);
    expect(t2 - t1).toBeLessThan(5000);
  }, 30_000);
});

describe('template mode', () => {
  it("fills the department's own workbook: its title rows, header and footer kept, lines in its columns", async () => {
    const template = await writeXlsx(buildDepartmentWorkbook(), path.join(tmp, 'template.xlsx'));
    const out = path.join(tmp, 'filled.xlsx');
    await exportPlan(sampleCycle(), out, { template });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Phụ lục I')!;
    expect(ws.getCell('A5').value).toBe('KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024');
    expect(ws.getCell('B12').value).toBe('TỔNG CỘNG');
    expect(ws.getCell('A13').value).toBe('1');
    // The footer moved below the 18 lines.
    const texts: string[] = [];
    ws.eachRow((row, n) => row.eachCell((c) => texts.push(`${n}:${String(c.value)}`)));
    expect(texts.find((x) => x.endsWith(':Nơi nhận:'))).toBe(`${12 + 18 + 2}:Nơi nhận:`);
    // And it imports back to the same figures.
    const r = await importSpreadsheet({ path: out });
    expect(r.report.lineCount).toBe(18);
    expect(r.report.totals.total).toBe(350_190_000_000);
    expect(r.report.warnings.filter((w) => w.key !== 'excel.warn.stated_mismatch')).toEqual([]);
  });

  it('says how to get an .xlsx when the template is an Excel 97-2003 file, writing nothing', async () => {
    // The same department workbook saved as .xls (BIFF8), as many offices still keep their templates.
    const xlsx = await writeXlsx(buildDepartmentWorkbook(), path.join(tmp, 'template-for-xls.xlsx'));
    const xls = path.join(tmp, 'template.xls');
    fs.writeFileSync(xls, XLSX.write(XLSX.read(fs.readFileSync(xlsx)), { bookType: 'biff8', type: 'buffer' }));
    const out = path.join(tmp, 'from-xls.xlsx');
    const err = await exportPlan(sampleCycle(), out, { template: xls }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'excel.error.templateFormat', params: { file: 'template.xls', format: 'Excel 97-2003 (.xls)' } });
    expect(fs.existsSync(out)).toBe(false);
  });
});
