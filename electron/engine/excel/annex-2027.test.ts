// 2027 annexes nobody here wrote the reader for: made by LibreOffice from
// test/fixtures/excel/make-2027-annexes.py (merged headers in two and three rows, every figure typed
// as vi-VN text), with funding columns the 2021-2025 tree has not — "Vốn tín dụng chính sách",
// "Vốn huy động hợp pháp khác", "Vốn lồng ghép", NSĐP split "Cấp tỉnh / Cấp xã". The plan takes the
// file's column tree and no figure is lost: each column's sum in the plan is the file's TỔNG CỘNG.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { annexLayout } from '../../../shared/print/annex';
import { exportAnnex, importSpreadsheet, type ImportResult } from './index';
import { openWorkbook } from './open';
import { locateTable } from './table';

const FIX = path.resolve(__dirname, '../../../test/fixtures/excel');
const M = 1_000_000;
const tree = (r: ImportResult) => r.data.columns.map((c) => `${c.parent ?? '-'}>${c.key}`);
const roles = (r: ImportResult, key: string) => {
  const c = r.data.columns.find((x) => x.key === key)!;
  return [c.label.vi, c.source, c.capital];
};

/** Nothing lost, nothing doubted: no unmapped column, every file total agrees with the plan's sums. */
function expectEveryFigure(r: ImportResult, fileTotals: Record<string, number>) {
  expect(r.report.unmapped).toEqual([]);
  const doubts = r.report.warnings.filter((w) => /unmapped|duplicate|mismatch|differs|unknown_key|unreadable/.test(w.key));
  expect(doubts).toEqual([]);
  const calc = new PlanCalc(new ColumnTree(r.data.columns), r.data.lines, r.data.amounts);
  for (const [key, v] of Object.entries(fileTotals)) {
    expect(r.report.totals[key], key).toBe(v);
    expect(calc.total(key), key).toBe(v);
  }
  // The plan's grand total is the sum of every entry the file has at a leaf line × leaf column.
  const t = new ColumnTree(r.data.columns);
  const parents = new Set(r.data.lines.map((l) => l.parentId));
  const entries = r.data.amounts.filter((a) => !parents.has(a.lineId) && t.isLeaf(a.column)).reduce((s, a) => s + a.value, 0);
  expect(entries).toBe(fileTotals.total);
}

describe('2027 annexes with the new program\'s funding columns', () => {
  it('two header rows: policy credit (74.500 triệu) and "huy động hợp pháp khác" become columns of their own', async () => {
    const r = await importSpreadsheet({ path: path.join(FIX, 'annex-2027-two-rows.libreoffice.xlsx') });
    expect(tree(r)).toEqual([
      '->total', 'total>central', 'central>central_investment', 'central>central_recurrent',
      'total>local', 'local>local_investment', 'local>local_recurrent',
      'total>von_tin_dung_chinh_sach', 'total>von_huy_dong_hop_phap_khac',
    ]);
    expect(roles(r, 'von_tin_dung_chinh_sach')).toEqual(['Vốn tín dụng chính sách', null, null]);
    expect(roles(r, 'von_huy_dong_hop_phap_khac')).toEqual(['Vốn huy động hợp pháp khác', 'other', null]);
    expect(r.report.addedColumns?.map((c) => `${c.column}=${c.key}`)).toEqual(['J=von_tin_dung_chinh_sach', 'K=von_huy_dong_hop_phap_khac']);
    expectEveryFigure(r, {
      total: 194_197.5 * M, central: 100_497 * M, central_investment: 66_200 * M, central_recurrent: 34_297 * M,
      local: 10_050 * M, local_investment: 6_620 * M, local_recurrent: 3_430 * M,
      von_tin_dung_chinh_sach: 74_500 * M, von_huy_dong_hop_phap_khac: 9_150.5 * M,
    });
    expect(r.data.lines.map((l) => l.code)).toEqual(['I', '1', '2', 'II', '1', '2', 'III']);
  });

  for (const file of ['annex-2027-three-rows.libreoffice.xlsx', 'annex-2027-three-rows.libreoffice.ods']) {
    it(`three header rows under a caption (${path.extname(file)}): NSĐP by level, lồng ghép, tín dụng, and "Vốn huy động khác" as the standard column`, async () => {
      const r = await importSpreadsheet({ path: path.join(FIX, file) });
      expect(r.report.headerRows).toEqual([5, 6, 7]);
      expect(tree(r)).toEqual([
        '->total', 'total>central', 'central>central_investment', 'central>central_recurrent',
        'total>local', 'local>cap_tinh', 'local>cap_xa',
        'total>von_long_ghep', 'total>von_tin_dung_chinh_sach', 'total>other',
      ]);
      expect(roles(r, 'cap_tinh')).toEqual(['Cấp tỉnh', 'local', null]);
      expect(roles(r, 'von_long_ghep')).toEqual(['Vốn lồng ghép', 'other', null]);
      expectEveryFigure(r, {
        total: 166_372 * M, central: 103_359.5 * M, central_investment: 73_600 * M, central_recurrent: 29_759.5 * M,
        local: 11_712.5 * M, cap_tinh: 7_360 * M, cap_xa: 4_352.5 * M,
        von_long_ghep: 21_500 * M, von_tin_dung_chinh_sach: 23_000 * M, other: 6_800 * M,
      });
    });
  }
});

describe('the exported annex carries the cycle\'s own header tree', () => {
  it('merged header cells and the column-number row follow the tree; its visible header alone gives the tree back', async () => {
    const r = await importSpreadsheet({ path: path.join(FIX, 'annex-2027-three-rows.libreoffice.xlsx') });
    const layout = annexLayout(r.data.meta, r.data.columns);
    expect(layout.header.map((row) => row.map((c) => `${c.label}:${c.colSpan}x${c.rowSpan}`))).toEqual([
      ['STT:1x2', 'Nội dung:1x2', 'Cơ quan chủ trì:1x2', 'Tổng cộng:1x2', 'Ngân sách Trung ương (NSTW):3x1', 'Ngân sách địa phương (NSĐP):3x1', 'Vốn lồng ghép:1x2', 'Vốn tín dụng chính sách:1x2', 'Vốn huy động khác:1x2', 'Ghi chú:1x2'],
      ['Tổng:1x1', 'Vốn đầu tư phát triển (ĐTPT):1x1', 'Vốn sự nghiệp (SN):1x1', 'Tổng:1x1', 'Cấp tỉnh:1x1', 'Cấp xã:1x1'],
    ]);
    expect(layout.numbers).toEqual(['(1)', '(2)', '(3)', '(4)=(5)+(8)+(11)+(12)+(13)', '(5)=(6)+(7)', '(6)', '(7)', '(8)=(9)+(10)', '(9)', '(10)', '(11)', '(12)', '(13)', '(14)']);

    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-2027-')), 'annex.xlsx');
    const calc = new PlanCalc(new ColumnTree(r.data.columns), r.data.lines, r.data.amounts);
    await exportAnnex({ meta: r.data.meta, columns: r.data.columns, calc, rules: r.data.rules }, out);
    // Read as a foreign file would be (no hidden sheet): the header's merged cells give the tree.
    const wb = await openWorkbook(fs.readFileSync(out), {});
    const seen = locateTable(await wb.load(0, {}))!;
    expect(seen.fundingColumns.map((c) => `${c.parent ?? '-'}>${c.key}`)).toEqual(r.data.columns.map((c) => `${c.parent ?? '-'}>${c.key}`));
    // And with it, the plan comes back exactly.
    const back = await importSpreadsheet({ path: out });
    expect(back.data.columns).toEqual(r.data.columns);
    expect(back.report.totals).toEqual(r.report.totals);
  });
});

describe('a column that repeats another', () => {
  it('two "Tổng cộng" columns: the second is a duplicate to ask about, not a new column', async () => {
    const XLSX = await import('xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['STT', 'Nội dung', 'Tổng cộng', 'NSTW', 'Tổng cộng'], ['1', 'Xã Quảng Tín', 1200, 1200, 1100]]), 'Bảng');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-dup-')), 'dup.xlsx');
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const r = await importSpreadsheet({ path: file });
    expect(r.report.warnings.map((w) => `${w.key}@${w.address}`)).toContain('excel.warn.duplicate_column@E');
    // Standard columns only: the standard tree, NSTW a leaf (no column made of the repeat).
    expect(r.data.columns.map((c) => c.key)).toEqual(['total', 'central', 'local', 'local_investment', 'local_recurrent', 'other']);
    expect(r.report.addedColumns).toEqual([]);
  });
});
