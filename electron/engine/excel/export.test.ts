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
import type { RowView } from '../../../shared/ipc';
import { buildAnnex as buildPrintedAnnex, type AnnexSource } from '../../../shared/print/annex';
import { DEFAULT_PRINT_SETTINGS } from '../../../shared/print/settings';
import { buildDepartmentWorkbook, writeXlsx } from '../../../test/fixtures/excel/make-fixtures';
import { exportAnnex, importSpreadsheet } from './index';
import { writeAnnexFixture } from '../../../test/support/annex-fixture';

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

  it('SheetJS sees the title lines, the merged two-level header and the column numbers, as printed', () => {
    const wb = XLSX.read(fs.readFileSync(file), { cellFormula: true });
    expect(wb.SheetNames[0]).toBe('Phụ lục');
    const ws = wb.Sheets['Phụ lục'];
    const v = (a: string) => ws[a]?.v;
    expect(v('A1')).toBe('Phụ lục I');
    expect(v('A2')).toBe('KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024');
    expect(v('A3')).toBe('(Kèm theo Kế hoạch số 122/KH-UBND ngày 29/02/2024 của Ủy ban nhân dân tỉnh Đắk Nông)');
    expect(v('J4')).toBe('Đơn vị tính: triệu đồng');
    // "Cơ quan chủ trì" right after "Nội dung"; the full column names, not NSTW / ĐTPT.
    expect([v('A5'), v('B5'), v('C5'), v('D5'), v('E5'), v('H5'), v('K5'), v('L5')]).toEqual([
      'STT', 'Nội dung', 'Cơ quan chủ trì', 'Tổng cộng', 'Ngân sách Trung ương (NSTW)', 'Ngân sách địa phương (NSĐP)', 'Vốn huy động khác', 'Ghi chú',
    ]);
    expect([v('E6'), v('F6'), v('G6'), v('H6'), v('I6'), v('J6')]).toEqual([
      'Tổng', 'Vốn đầu tư phát triển (ĐTPT)', 'Vốn sự nghiệp (SN)', 'Tổng', 'Vốn đầu tư phát triển (ĐTPT)', 'Vốn sự nghiệp (SN)',
    ]);
    expect([v('A7'), v('C7'), v('D7'), v('E7'), v('F7'), v('L7')]).toEqual(['(1)', '(3)', '(4)=(5)+(8)+(11)', '(5)=(6)+(7)', '(6)', '(12)']);
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    expect(merges).toEqual(expect.arrayContaining(['A1:L1', 'A2:L2', 'A5:A6', 'B5:B6', 'C5:C6', 'D5:D6', 'E5:G5', 'H5:J5', 'K5:K6', 'L5:L6']));
    const titles = wb.Workbook?.Names?.find((n) => n.Name === '_xlnm.Print_Titles');
    expect(titles?.Ref).toBe("'Phụ lục'!$5:$7");
    expect(ws['!margins']?.left).toBeCloseTo(30 / 25.4, 2);
  });

  it('totals are formulas with correct cached values; entries and kept figures are numbers', () => {
    const wb = XLSX.read(fs.readFileSync(file), { cellFormula: true });
    const ws = wb.Sheets['Phụ lục'];
    // Row 8: TỔNG CỘNG; row 9: Dự án 1; row 10: 1.1.
    expect(ws.B8.v).toBe('TỔNG CỘNG');
    expect(ws.D8).toMatchObject({ f: 'E8+H8+K8', v: 350190 });
    expect(ws.F8.f).toMatch(/^SUM\(/);
    expect(ws.F8.v).toBe(149374);
    expect(ws.E8.v).toBe(319642);
    expect(ws.H8.v).toBe(30548);
    expect(ws.F9).toMatchObject({ f: 'SUM(F10:F11)', v: 99654 + 26197 });
    expect(ws.F10.f).toBeUndefined();
    expect(ws.F10.v).toBe(99654);
    expect(ws.D10).toMatchObject({ f: 'E10+H10+K10', v: 122854 });
    // The typed-over total of Dự án 1: a plain number (the user's figure).
    expect(ws.D9.f).toBeUndefined();
    expect(ws.D9.v).toBe(160000);
    // Dự án 7: not allocated to 7.1/7.2 — its own figures are plain numbers.
    const r7 = Object.keys(ws).find((k) => /^A\d+$/.test(k) && ws[k].v === '7')!.slice(1);
    expect(ws[`G${r7}`].f).toBeUndefined();
    expect(ws[`G${r7}`].v).toBe(9020);
    expect(ws[`D${r7}`]).toMatchObject({ f: `E${r7}+H${r7}+K${r7}`, v: 9924 });
  });

  it('ExcelJS sees Times New Roman, bold totals and parents, borders, formats, A4 landscape fit to width, page numbers, notes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Phụ lục')!;
    expect(ws.getCell('F10').font?.name).toBe('Times New Roman');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A3').font?.italic).toBe(true);
    expect(ws.getCell('B8').font?.bold).toBe(true);
    expect(ws.getCell('B9').font?.bold).toBe(true); // Dự án 1 (a parent)
    expect(ws.getCell('B10').font?.bold).toBeFalsy();
    expect(ws.getCell('B10').alignment?.indent).toBe(1);
    expect(ws.getCell('F10').border?.top?.style).toBe('thin');
    expect(ws.getCell('F10').numFmt).toBe('#,##0');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // Nghị định 30/2020: the page number centred at the top, none on the first page, no "Trang".
    expect(ws.headerFooter?.oddHeader).toMatch(/^&C.*&P$/);
    expect(ws.headerFooter?.differentFirst).toBe(true);
    expect(ws.headerFooter?.firstHeader ?? '').toBe('');
    expect(JSON.stringify(ws.headerFooter)).not.toContain('Trang');
    expect(String(ws.getCell('D9').note ?? '')).toMatch(/Số ghi trong kế hoạch: 160\.000/);
    expect(ws.getColumn(2).width).toBe(50);
    // The hidden metadata sheet stays hidden, after the annex.
    expect(wb.worksheets[0].name).toBe('Phụ lục');
    expect(wb.getWorksheet('_PlanDesk')?.state).toBe('veryHidden');
    // The signature block: place and date, the full authority lines, "Nơi nhận:", "NGƯỜI LẬP BIỂU".
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining([
      'Đắk Nông, ngày 29 tháng 02 năm 2024', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Tôn Thị Ngọc Hạnh',
      'Nơi nhận:', '- Thường trực Tỉnh ủy;', 'NGƯỜI LẬP BIỂU',
    ]));
  });

  it('keeps decimals of a unit that is not whole (#,##0.###) and reads them back exactly', async () => {
    const p = sampleCycle();
    p.amounts.find((a) => a.lineId === 2 && a.column === 'central_investment')!.value = 99_654_250_000;
    const f = await exportPlan(p, path.join(tmp, 'decimals.xlsx'));
    const ws = XLSX.read(fs.readFileSync(f), { cellNF: true }).Sheets['Phụ lục'];
    expect(ws.F10.v).toBe(99654.25);
    expect(ws.F10.z).toBe('#,##0.###');
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

/** What the print view gets for a plan: its rows in display order with computed figures. */
function printSource(plan: CycleData): AnnexSource {
  const tree = new ColumnTree(plan.columns);
  const calc = new PlanCalc(tree, plan.lines, plan.amounts);
  const rows: RowView[] = [...calc.walk()].map(({ id, depth }) => {
    const l = calc.lines.get(id)!;
    return {
      id, parentId: l.parentId, depth, code: l.code, name: l.name, agency: l.agency, note: l.note,
      hasChildren: calc.isParent(id), unallocated: calc.isUnallocatedParent(id), allowedCapital: l.allowedCapital,
      isAdjustment: l.isAdjustment, values: Object.fromEntries(tree.ordered.map((c) => [c.key, calc.value(id, c.key)])), stored: {},
    };
  });
  return { meta: plan.meta, columns: plan.columns, rows, totals: Object.fromEntries(tree.ordered.map((c) => [c.key, calc.total(c.key)])) };
}

describe('the exported annex is the printed annex', () => {
  const plan = sampleCycle();
  plan.meta = { ...plan.meta, annexNumber: 'III' };
  const longAgency = 'Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã, phường và các đơn vị liên quan';
  plan.lines.find((l) => l.code === '4.1')!.agency = longAgency;
  const file = path.join(tmp, 'as-printed.xlsx');
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    await exportPlan(plan, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    ws = wb.worksheets[0];
  });
  const text = (r: number, c: number) => {
    const v = ws.getCell(r, c).value;
    return v === null || v === undefined ? '' : String(v);
  };

  it('has the print view\'s columns, order, header texts, numbering, title and signature', () => {
    // The print view with every column shown (the export carries every column).
    const printed = buildPrintedAnnex(printSource(plan), { ...DEFAULT_PRINT_SETTINGS, hiddenColumns: [] });
    const width = printed.columns.length;
    expect(ws.name).toBe('Phụ lục');
    expect([text(1, 1), text(2, 1), text(3, 1)]).toEqual([printed.annexLabel, printed.title, printed.attached]);
    expect(printed.annexLabel).toBe('Phụ lục III');
    // Header: the print view's merged cells, slot by slot (a merged slot reads its first cell's text).
    const grid: string[][] = printed.header.map(() => Array<string>(width).fill(''));
    printed.header.forEach((cells, r) => {
      let c = 0;
      for (const cell of cells) {
        while (grid[r][c]) c++;
        for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr][c + dc] = cell.label;
        c += cell.colSpan;
      }
    });
    const headerTop = 5;
    grid.forEach((row, r) => expect(row.map((_, c) => text(headerTop + r, c + 1))).toEqual(row));
    expect(grid[0].slice(0, 4)).toEqual(['STT', 'Nội dung', 'Cơ quan chủ trì', 'Tổng cộng']);
    const numbersRow = headerTop + grid.length;
    expect(Array.from({ length: width }, (_, c) => text(numbersRow, c + 1))).toEqual(printed.numbers);
    expect(printed.numbers[3]).toBe('(4)=(5)+(8)+(11)');
    // The body: the same line texts in the same columns.
    const l41 = printed.rows.find((r) => r.cells[0] === '4.1')!;
    const r41 = Array.from({ length: ws.rowCount }, (_, i) => i + 1).find((r) => text(r, 1) === '4.1')!;
    expect([text(r41, 1), text(r41, 2), text(r41, 3)]).toEqual(l41.cells.slice(0, 3));
    // The signature block: every line the print view shows, in its order.
    const sig = printed.signature!;
    const expected = [...sig.recipients, sig.preparedTitle, sig.placeDate, ...sig.authority, sig.signer];
    expect(expected).toEqual(expect.arrayContaining(['Nơi nhận:', 'NGƯỜI LẬP BIỂU', 'Đắk Nông, ngày 29 tháng 02 năm 2024', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Tôn Thị Ngọc Hạnh']));
    const after: string[] = [];
    for (let r = r41; r <= ws.rowCount; r++) for (let c = 1; c <= width; c++) if (text(r, c)) after.push(text(r, c));
    for (const line of expected) expect(after).toContain(line);
    const at = (s: string) => after.indexOf(s);
    expect(at(sig.placeDate)).toBeLessThan(at('TM. ỦY BAN NHÂN DÂN'));
    expect(at('TM. ỦY BAN NHÂN DÂN')).toBeLessThan(at('KT. CHỦ TỊCH'));
    expect(at('KT. CHỦ TỊCH')).toBeLessThan(at('PHÓ CHỦ TỊCH'));
    expect(at('PHÓ CHỦ TỊCH')).toBeLessThan(at('Tôn Thị Ngọc Hạnh'));
  });

  it('gives rows with long texts the height of their wrapped lines', () => {
    const rowOf = (code: string) => Array.from({ length: ws.rowCount }, (_, i) => i + 1).find((r) => text(r, 1) === code)!;
    const agencyWidth = ws.getColumn(3).width!;
    // A width unit is one digit (0,5 em); Vietnamese text averages more than 0,4 em a character, so
    // a line holds at most 1,25 characters per unit: the long agency needs at least this many lines.
    const minLines = Math.ceil(longAgency.length / (agencyWidth * 1.25));
    expect(minLines).toBeGreaterThanOrEqual(3);
    expect(ws.getRow(rowOf('4.1')).height).toBeGreaterThanOrEqual(minLines * 15);
    // A row whose texts fit one line (TỔNG CỘNG) keeps the default height.
    expect(text(8, 2)).toBe('TỔNG CỘNG');
    expect(ws.getRow(8).height ?? 15.75).toBeLessThan(20);
    // The second header row is tall enough for "Vốn đầu tư phát triển (ĐTPT)" wrapped in its column.
    expect(text(6, 6)).toBe('Vốn đầu tư phát triển (ĐTPT)');
    expect(ws.getRow(6).height ?? 0).toBeGreaterThanOrEqual(30);
  });
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

  it("fills a 2027 template's custom columns from the plan's column of the same name, whatever its key", async () => {
    // The plan: the three-row 2027 annex, its policy-credit column keyed otherwise (as a column added by hand may be).
    const fix = path.resolve(__dirname, '../../../test/fixtures/excel');
    const src = (await importSpreadsheet({ path: path.join(fix, 'annex-2027-three-rows.libreoffice.xlsx') })).data;
    const rekey = (k: string) => (k === 'von_tin_dung_chinh_sach' ? 'tin_dung' : k);
    const plan = { ...src, columns: src.columns.map((c) => ({ ...c, key: rekey(c.key) })), amounts: src.amounts.map((a) => ({ ...a, column: rekey(a.column) })) };
    const out = path.join(tmp, 'filled-2027.xlsx');
    await exportPlan(plan, out, { template: path.join(fix, 'annex-2027-two-rows.libreoffice.xlsx') });
    const r = await importSpreadsheet({ path: out });
    expect(r.report.totals.von_tin_dung_chinh_sach).toBe(23_000 * 1_000_000);
    expect(r.report.totals.central_investment).toBe(73_600 * 1_000_000);
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
