// The mapping dialog's targets and mapping, and the report's layout of warnings and totals.
import { defaultColumns } from '../../../../shared/columns';
import type { ImportReport } from '../../../../shared/import-report';
import { t as translate, type PlainMessageKey } from '../../../../shared/i18n';
import { compareAddress, splitWarnings, totalRows } from './report-view';
import { amountTargetColumns, buildMapping, choicesFrom, columnLabel, headerRows, targetLabel } from './targets';

const t = (k: PlainMessageKey) => translate('vi', k);

describe('mapping targets', () => {
  it('name funding columns with their place in the tree', () => {
    expect(['total', 'central', 'central_investment', 'local_recurrent', 'other'].map((k) => columnLabel(k, 'vi'))).toEqual([
      'Tổng cộng', 'NSTW — Tổng số', 'NSTW — ĐTPT', 'NSĐP — SN', 'Vốn khác',
    ]);
    expect(columnLabel('central', 'en')).toBe('Central — Total');
    // A tree where NSTW has no split: NSTW is a plain column.
    const flat = defaultColumns().filter((c) => c.parent === null || c.parent === 'total');
    expect(columnLabel('central', 'vi', flat)).toBe('NSTW');
    expect(targetLabel('name', 'vi')).toBe('Nội dung');
    expect(targetLabel('ignore', 'vi')).toBe('Bỏ qua');
  });

  it('turn the dialog choices into the importer mapping and back', () => {
    expect(headerRows('8', '10')).toEqual([8, 9, 10]);
    expect(headerRows('3', '')).toEqual([3]);
    expect(headerRows('10', '8')).toBeNull();
    expect(headerRows('1', '9')).toBeNull(); // at most 6 header rows
    expect(headerRows('', '')).toBeNull();
    const m = buildMapping({ sheet: 'Biểu 01', headerFrom: '2', headerTo: '3', columns: { A: 'code', B: '', C: 'central_recurrent' }, byHeader: { 'Ghi chú khác': 'ignore' } });
    expect(m).toEqual({ sheet: 'Biểu 01', headerRows: [2, 3], columns: { 'Ghi chú khác': 'ignore', A: 'code', C: 'central_recurrent' } });
    expect(buildMapping(choicesFrom(m, 'Biểu 01', null))).toEqual(m);
    expect(choicesFrom(null, 'S', [8, 9, 10])).toMatchObject({ headerFrom: '8', headerTo: '10', columns: {} });
  });
});

describe('the report view', () => {
  const report = {
    warnings: [
      { key: 'excel.warn.stated_mismatch', params: {}, address: 'C16' },
      { key: 'excel.warn.unreadable_cell', params: { text: 'n/a' }, address: 'C6' },
      { key: 'excel.warn.unreadable_cell', params: { text: 'x' }, address: 'AA5' },
      { key: 'excel.warn.formula_no_value', params: {}, address: 'B5' },
      { key: 'excel.warn.text_numbers', params: { count: 3 } },
    ],
  } as unknown as ImportReport;

  it('lists unreadable cells by Excel address, apart from other warnings', () => {
    const { cells, others } = splitWarnings(report);
    expect(cells.map((w) => w.address)).toEqual(['B5', 'AA5', 'C6']);
    expect(others.map((w) => w.key)).toEqual(['excel.warn.stated_mismatch', 'excel.warn.text_numbers']);
    expect(['A10', 'B9', 'AA9', 'A9'].sort(compareAddress)).toEqual(['A9', 'B9', 'AA9', 'A10']);
  });

  it('sets the file totals beside the open plan per column, in tree order', () => {
    const cols = defaultColumns();
    const rows = totalRows(cols, { total: 10, central: 7 }, { total: 12, central: 9, local: 3 }, new Set(['total', 'central', 'local']));
    expect(rows.slice(0, 3)).toEqual([
      { key: 'total', depth: 0, inFile: 10, current: 12 },
      { key: 'central', depth: 1, inFile: 7, current: 9 },
      { key: 'central_investment', depth: 2, inFile: 0, current: null },
    ]);
  });
});

describe('the mapping dialog\'s funding-column targets', () => {
  it("the open plan's own columns (a custom one too) in its order, then the standard ones it lacks", () => {
    const credit = { key: 'von_tin_dung_chinh_sach', parent: 'total', position: 3, label: { vi: 'Vốn tín dụng chính sách', en: 'Policy credit' }, source: 'other' as const, capital: null };
    const plan = [...defaultColumns().filter((c) => c.key !== 'other'), credit];
    expect(amountTargetColumns(plan).map((c) => c.key)).toEqual([...plan.map((c) => c.key), 'other']);
    expect(amountTargetColumns(defaultColumns()).map((c) => c.key)).toEqual(defaultColumns().map((c) => c.key));
  });
});
