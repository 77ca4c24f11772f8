// The importer on department-style files: xlsx built here, .xls/.ods written by LibreOffice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDepartmentWorkbook, buildEnUsWorkbook, buildIndentWorkbook, buildTextSumWorkbook, writeXlsx } from '../../../test/fixtures/excel/make-fixtures';
import { t, tStored } from '../../../shared/i18n';
import { ImportError, importSpreadsheet, listSheets, type ImportResult } from './index';

const FIX = path.resolve(__dirname, '../../../test/fixtures/excel');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-import-'));
const M = 1_000_000;

const byCode = (r: ImportResult) => new Map(r.data.lines.map((l) => [`${l.code}|${l.name}`, l]));
const amount = (r: ImportResult, name: string, column: string) => {
  const line = r.data.lines.find((l) => l.name === name);
  return r.data.amounts.find((a) => a.lineId === line?.id && a.column === column)?.value;
};

/** What every copy of the department fixture must give (xlsx, xls, ods). */
function checkDepartment(r: ImportResult) {
  expect(r.report.sheet).toBe('Phụ lục I');
  expect(r.report.headerRows).toEqual([8, 9, 10]);
  expect(r.report.unit).toBe('trieu');
  expect(r.report.unmapped).toEqual([]);
  const keys = Object.fromEntries(r.report.mappedColumns.map((c) => [c.column, c.key]));
  expect(keys).toEqual({
    A: 'code', B: 'name', C: 'total', D: 'central', E: 'central_investment', F: 'central_recurrent',
    G: 'local', H: 'local_investment', I: 'local_recurrent', J: 'agency', K: 'note',
  });
  expect(r.data.lines.map((l) => l.code)).toEqual(['I', '1', '2', 'II', 'a', 'b', '-', '-', 'III']);
  const parentCode = r.data.lines.map((l) => (l.parentId === null ? null : r.data.lines[l.parentId - 1].code));
  expect(parentCode).toEqual([null, 'I', 'I', null, 'II', 'II', 'b', 'b', null]);
  expect(r.data.lines.map((l) => l.position)).toEqual([0, 0, 1, 1, 0, 1, 0, 1, 2]);
  // Entered amounts, exactly; the text "39.285" reads as 39285 (and is reported).
  expect(amount(r, 'Tiểu dự án 1: Hạ tầng các huyện nghèo', 'central_investment')).toBe(99654 * M);
  expect(amount(r, 'Tiểu dự án 2: Nhà ở cho hộ nghèo', 'central_recurrent')).toBe(39285 * M);
  expect(amount(r, 'Xã B', 'local_recurrent')).toBe(150 * M);
  // Formula totals are not stored; the typed-over 50.000 is a stated value.
  expect(amount(r, 'Tiểu dự án 1: Hạ tầng các huyện nghèo', 'total')).toBeUndefined();
  expect(amount(r, 'Dự án 2: Đa dạng hóa sinh kế', 'total')).toBe(50000 * M);
  expect(r.report.statedCount).toBe(1);
  expect(r.report.totals).toMatchObject({ central_investment: 99654 * M, central_recurrent: 63338 * M, local_investment: 9965 * M, local_recurrent: 6235 * M, total: 179192 * M });
  const w = r.report.warnings.map((x) => `${x.key}@${x.address ?? ''}`);
  expect(w).toContain('excel.warn.ambiguous_number@F15');
  expect(w).toContain('excel.warn.stated_mismatch@C16');
  expect(w.filter((x) => x.startsWith('excel.warn.total_row_mismatch'))).toEqual([]);
  expect(w.filter((x) => x.startsWith('excel.warn.formula_total_differs'))).toEqual([]);
  const skipped = r.report.skipped.map((s) => `${s.reason}@${s.address}`);
  expect(skipped).toEqual(expect.arrayContaining(['excel.skip.column_numbers@11', 'excel.skip.total_row@12', 'excel.skip.hidden_row@18', 'excel.skip.text_row@22']));
  expect(skipped.some((s) => s.startsWith('excel.skip.footer@25'))).toBe(true);
  // Meta read from the title lines.
  expect(r.data.meta).toMatchObject({ unit: 'trieu', docKind: 'Kế hoạch', docNumber: '122/KH-UBND', docDate: '2024-02-29', year: 2024 });
  // The plan's name, issuing body, annex number and signature block from the title and footer.
  expect(r.data.meta).toMatchObject({
    program: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững',
    issuer: 'Ủy ban nhân dân tỉnh Đắk Nông',
    annexNumber: 'I',
    signature: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', signer: 'Tôn Thị Ngọc Hạnh', recipients: '- Như trên;\n- Lưu: VT.' },
  });
  // Every warning has a Vietnamese text in the dictionary.
  for (const x of r.report.warnings) expect(tStored('vi', x.key, x.params)).not.toBe(x.key);
}

describe('totals the file got wrong', () => {
  // Built here with Excel's cached results, and the same sheet whose formulas LibreOffice computed
  // itself and saved as .xlsx and .ods (its SUM skips text too: the same figures).
  it.each(['built here', 'text-sum.libreoffice.xlsx', 'text-sum.libreoffice.ods'])('names numbers typed as text that the file\'s SUM skipped, cell by cell, and keeps the file\'s totals as stated figures (%s)', async (source) => {
    const file = source === 'built here' ? await writeXlsx(buildTextSumWorkbook(), path.join(tmp, 'text-sum.xlsx')) : path.join(FIX, source);
    const r = await importSpreadsheet({ path: file });
    const w = r.report.warnings.map((x) => `${x.key}@${x.address ?? ''}`);
    // The cause, once per cell, with how many of the file's totals each one is missing from.
    const skipped = r.report.warnings.filter((x) => x.key === 'excel.warn.text_skipped_by_sum');
    expect(skipped.map((x) => [x.address, x.params.count, x.params.value])).toEqual([
      ['D6', 3, '1.500'],
      ['E9', 3, '250'],
      ['D10', 4, '2.000'],
    ]);
    expect(tStored('vi', skipped[0].key, skipped[0].params)).toContain('Ô này ghi số "1.500" dưới dạng chữ, nên công thức SUM của tệp đã bỏ qua nó: 3 ô tổng trong tệp thiếu 1.500');
    // Only the totals the text does not explain blame the formula (E5 misses row 7; C5 mixes both).
    expect(w.filter((x) => x.startsWith('excel.warn.formula_total_differs'))).toEqual(['excel.warn.formula_total_differs@C5', 'excel.warn.formula_total_differs@E5']);
    expect(w.filter((x) => x.startsWith('excel.warn.total_row_mismatch')).sort()).toEqual(['excel.warn.total_row_mismatch@C4', 'excel.warn.total_row_mismatch@E4']);
    // The file's own totals stay in the plan, as stated figures the grid flags.
    const stated = (name: string, column: string) => amount(r, name, column);
    expect(stated('Dự án 1', 'central_investment')).toBe(1000 * M);
    expect(stated('Dự án 2', 'total')).toBe(700 * M);
    expect(stated('Tiểu dự án 2.2', 'total')).toBe(0);
    expect(stated('Tiểu dự án 1.2', 'total')).toBeUndefined(); // agreed: PlanDesk computes it
    expect(r.report.statedCount).toBe(9);
    expect(r.report.totals.total).toBe(5750 * M);
  });
});

describe('department annex', () => {
  it('reads the xlsx: tree, amounts, stated values, report', async () => {
    const file = await writeXlsx(buildDepartmentWorkbook(), path.join(tmp, 'department.xlsx'));
    const r = await importSpreadsheet({ path: file });
    checkDepartment(r);
    expect(r.report.format).toBe('xlsx');
    expect(r.report.sheets).toEqual(['Hướng dẫn', 'Phụ lục I']);
    // Indentation is kept in the xlsx (bold/indent are known there).
    expect(byCode(r).get('-|Xã A')?.parentId).toBe(6);
  });

  it('reads the .xls written by LibreOffice the same way', async () => {
    const r = await importSpreadsheet({ path: path.join(FIX, 'department.xls') });
    expect(r.report.format).toBe('xls');
    checkDepartment(r);
  });

  it('reads the .ods written by LibreOffice the same way', async () => {
    const r = await importSpreadsheet({ bytes: fs.readFileSync(path.join(FIX, 'department.ods')), name: 'department.ods' });
    expect(r.report.format).toBe('ods');
    checkDepartment(r);
  });

  it('lists sheets, honours --sheet, refuses a sheet without a table', async () => {
    const file = await writeXlsx(buildDepartmentWorkbook(), path.join(tmp, 'department2.xlsx'));
    expect((await listSheets({ path: file })).map((s) => s.name)).toEqual(['Hướng dẫn', 'Phụ lục I']);
    expect((await importSpreadsheet({ path: file }, { sheet: 1 })).report.lineCount).toBe(9);
    expect((await importSpreadsheet({ path: file }, { sheet: 'phu luc i' })).report.lineCount).toBe(9);
    await expect(importSpreadsheet({ path: file }, { sheet: 'Hướng dẫn' })).rejects.toMatchObject({ code: 'excel.error.no_table_in_sheet' });
    await expect(importSpreadsheet({ path: file }, { sheet: 'Không có' })).rejects.toMatchObject({ code: 'excel.error.sheet_not_found' });
  });

  it('reports progress and stops when cancelled', async () => {
    const file = await writeXlsx(buildDepartmentWorkbook(), path.join(tmp, 'department3.xlsx'));
    const seen: number[] = [];
    await importSpreadsheet({ path: file }, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    const ac = new AbortController();
    ac.abort();
    const err = await importSpreadsheet({ path: file }, { signal: ac.signal }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.code).toBe('excel.error.cancelled');
  });
});

describe('two tables in one sheet', () => {
  it('imports the first table and stops at the next header', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['Đơn vị tính: triệu đồng']);
    ws.addRow(['STT', 'Nội dung', 'Tổng cộng', 'NSTW', 'NSĐP']);
    ws.addRow(['1', 'Dự án A', 3, 2, 1]);
    ws.addRow([]);
    ws.addRow(['STT', 'Nội dung', 'Tổng cộng', 'NSTW', 'NSĐP']);
    ws.addRow(['1', 'Dự án khác', 30, 20, 10]);
    const r = await importSpreadsheet({ path: await writeXlsx(wb, path.join(tmp, 'two-tables.xlsx')) });
    expect(r.data.lines.map((l) => l.name)).toEqual(['Dự án A']);
    expect(r.report.skipped.map((s) => `${s.reason}@${s.address}`)).toContain('excel.skip.next_table@5-6');
  });
});

describe('stopping early', () => {
  it('a cancelled import of a big annex stops promptly (the inflater is not left waiting)', async () => {
    const { writeAnnexFixture } = await import('../../../test/support/annex-fixture');
    const file = path.join(tmp, 'big-cancel.xlsx');
    await writeAnnexFixture(file, 40_000);
    const ac = new AbortController();
    const t0 = performance.now();
    const err = await importSpreadsheet({ path: file }, { signal: ac.signal, onProgress: (f) => f > 0.05 && ac.abort() }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.code).toBe('excel.error.cancelled');
    expect(performance.now() - t0).toBeLessThan(5000);
  }, 30_000);
});

describe('numbers stored as text, unmapped columns, mappings', () => {
  it('reads an en-US file by its own convention and lists what it could not read', async () => {
    const file = await writeXlsx(buildEnUsWorkbook(), path.join(tmp, 'enus.xlsx'));
    const r = await importSpreadsheet({ path: file });
    expect(r.report.numberLocale).toBe('en-US');
    expect(r.report.unit).toBe('nghin');
    // NSTW/NSĐP without sub-columns: they are leaves of the imported tree.
    expect(r.data.columns.map((c) => c.key)).toEqual(['total', 'central', 'local', 'other']);
    expect(amount(r, 'Dự án A', 'central')).toBe(1_234_500);
    expect(amount(r, 'Dự án B', 'central')).toBe(10_000_000);
    expect(amount(r, 'Dự án A', 'total')).toBe(1_500_500); // stated (a typed number at a total column)
    expect(r.report.unmapped).toEqual(['I: Thực hiện 6 tháng']);
    const w = r.report.warnings.map((x) => `${x.key}@${x.address ?? ''}`);
    expect(w).toContain('excel.warn.unreadable_cell@C6');
    expect(w).toContain('excel.warn.unmapped_column@I');
    expect(w).toContain('excel.warn.total_row_mismatch@C7'); // 14,000.5 vs 14,750.5: line 3's total was unreadable
    expect(w).toContain('excel.warn.ambiguous_number@C5');
  });

  it('takes a mapping for columns it cannot map and ignores what the mapping says to ignore', async () => {
    const file = await writeXlsx(buildEnUsWorkbook(), path.join(tmp, 'enus2.xlsx'));
    const r = await importSpreadsheet({ path: file }, { mapping: { columns: { I: 'ignore', 'vốn huy động khác': 'ignore' } } });
    expect(r.report.unmapped).toEqual([]);
    expect(r.report.mappedColumns.find((c) => c.column === 'F')).toBeUndefined();
    await expect(importSpreadsheet({ path: file }, { mapping: { columns: { I: 'nonsense' } } })).rejects.toMatchObject({ code: 'excel.error.bad_mapping' });
  });

  it('builds the tree from indentation and bold when there are no codes', async () => {
    const file = await writeXlsx(buildIndentWorkbook(), path.join(tmp, 'indent.xlsx'));
    const r = await importSpreadsheet({ path: file });
    const parentName = (name: string) => {
      const l = r.data.lines.find((x) => x.name === name)!;
      return l.parentId === null ? null : r.data.lines[l.parentId - 1].name;
    };
    expect(parentName('Chương trình A')).toBeNull();
    expect(parentName('Dự án A1')).toBe('Chương trình A');
    expect(parentName('Dự án A2')).toBe('Chương trình A');
    expect(parentName('Hoạt động A2.1')).toBe('Dự án A2');
    expect(parentName('Hoạt động A2.2')).toBe('Dự án A2');
    expect(parentName('Chương trình B')).toBeNull();
    expect(parentName('Dự án B1')).toBe('Chương trình B');
    expect(r.report.unit).toBe('dong');
    // A2 has children with figures: its own typed figures are stated totals, equal here.
    expect(r.report.warnings.filter((w) => w.key === 'excel.warn.stated_mismatch')).toEqual([]);
  });
});
