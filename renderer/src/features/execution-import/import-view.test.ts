// The disbursement import's report as the dialog shows it: the date's source and choices, what would
// be written per fund (carried-over funds apart), the plan compared (differences listed), every cell
// not placed by address with its reason — in Vietnamese and in English.
import { describe, expect, it } from 'vitest';
import type { ExecutionImportReport, ExecutionToWrite } from '../../../../shared/commands/execution';
import { t, type Lang } from '../../../../shared/i18n';
import { asOfArg, dateOptions, importView } from './import-view';

const M = 1_000_000;
const tr = (lang: Lang) => ((key: string, params?: Record<string, string | number>) => t(lang, key as never, params as never)) as Parameters<typeof dateOptions>[2];
const names: Record<string, string> = { local_recurrent: 'NSĐP / SN', central_recurrent: 'NSTW / SN', total: 'Tổng cộng' };
const env = (lang: Lang) => ({ t: tr(lang), columnName: (k: string) => names[k] ?? k, planYear: 2024, locale: 'vi-VN' as const });

const report: ExecutionImportReport = {
  sheet: 'Báo cáo',
  asOf: '2024-12-31',
  asOfFrom: 'file',
  fileAsOf: '2024-12-31',
  dateCreated: true,
  unit: 'trieu',
  unitFrom: 'file',
  columns: [
    { letter: 'A', header: 'STT', role: 'code', key: null, derived: false, plan: null, carried: false, fund: null },
    { letter: 'C', header: 'Kế hoạch vốn năm 2024 / Tổng số', role: 'plan', key: 'total', derived: true, plan: 'total', carried: false, fund: null },
    { letter: 'H', header: 'Vốn năm 2023 kéo dài / Kế hoạch', role: 'plan', key: 'central_recurrent', derived: false, plan: 'central_recurrent', carried: true, fund: 2023 },
  ],
  lines: 20,
  matched: 19,
  unmatched: [{ address: '28', code: '8', name: 'Dự án 8: Hỗ trợ khác' }],
  written: 40,
  unchanged: 0,
  planDifferences: [{ address: 'G20', line: '4.3', name: 'Tiểu dự án 3', column: 'local_recurrent', file: 800 * M, plan: 752 * M }],
  notPlaced: [{ address: 'E9', line: '1.1', column: 'central_investment', value: 1_500 * M, reason: 'ambiguous_capital' }],
  textNumbers: [{ address: 'J14', text: '512,5', value: 512_500_000 }],
  totalRows: [11],
  sections: [],
  carryover: [{ year: 2023, yearFrom: 'header', created: true, amounts: 4, figures: 4 }],
};
const toWrite: ExecutionToWrite[] = [
  { fund: 0, measure: 'disbursed', count: 32, sum: 121_437 * M },
  { fund: 2023, measure: 'plan', count: 4, sum: 4_510 * M },
  { fund: 2023, measure: 'disbursed', count: 4, sum: 3_395_500_000 },
];

describe('disbursement import report view', () => {
  it('shows the figures to be written by fund, the carried-over year apart, and the date added in the same step', () => {
    const v = importView(report, toWrite, env('vi'));
    expect(v.funds).toEqual([
      { fund: 'Vốn kế hoạch năm 2024', measure: 'Lũy kế giải ngân', count: 32, sum: '121.437' },
      { fund: 'Vốn năm 2023 chuyển sang', measure: 'Kế hoạch vốn chuyển sang', count: 4, sum: '4.510' },
      { fund: 'Vốn năm 2023 chuyển sang', measure: 'Lũy kế giải ngân', count: 4, sum: '3.395,5' },
    ]);
    expect(v.nothing).toBeNull();
    expect(v.written).toBe(40);
    expect(v.notes).toContain('Kế hoạch chưa có kỳ báo cáo ngày 31/12/2024: sẽ thêm kỳ này trong cùng bước hoàn tác.');
    expect(v.notes).toContain('Kế hoạch chưa có nguồn vốn năm 2023 chuyển sang: sẽ thêm trong cùng bước hoàn tác (chưa có hạn giải ngân — nhập hạn sau).');
    expect(v.columns[2]).toEqual({ letter: 'H', header: 'Vốn năm 2023 kéo dài / Kế hoạch', role: 'kế hoạch vốn chuyển sang (ghi vào kế hoạch) — vốn năm 2023 chuyển sang', plan: 'NSTW / SN' });
    expect(v.columns[1].role).toBe('kế hoạch (chỉ để đối chiếu, không ghi vào kế hoạch) (tổng của các cột con — chỉ đối chiếu)');
  });

  it('lists plan differences (the plan unchanged) and every cell not placed by address and reason, in Vietnamese and English', () => {
    const vi = importView(report, toWrite, env('vi'));
    const section = (v: typeof vi, id: string) => v.sections.find((s) => s.id === id)!;
    expect(section(vi, 'planDifferences').title).toMatch(/kế hoạch giữ nguyên/);
    expect(section(vi, 'planDifferences').items).toEqual(['G20: 4.3 Tiểu dự án 3 — NSĐP / SN: 800 ≠ 752']);
    expect(section(vi, 'notPlaced').items).toEqual([
      'E9: 1.1 — central_investment: 1.500 — báo cáo chỉ chia theo nguồn vốn, dòng nhận cả vốn ĐTPT và SN: không tự chia — hãy nhập tay',
    ]);
    expect(section(vi, 'unmatched').items).toEqual(['28: 8 Dự án 8: Hỗ trợ khác']);
    expect(section(vi, 'textNumbers').items).toEqual(['J14: "512,5" = 512,5']);
    expect(vi.sections.map((s) => s.id)).not.toContain('sections');
    const en = importView(report, toWrite, env('en'));
    expect(section(en, 'notPlaced').items[0]).toMatch(/^E9: 1\.1 — central_investment: 1\.500 — the report splits by source only/);
    expect(en.funds[1]).toEqual({ fund: 'Funds carried over from 2023', measure: 'Carried-over plan', count: 4, sum: '4.510' });
    expect(en.summary).toBe('Read the disbursement report (sheet "Báo cáo") as of 31/12/2024: 20 lines, 19 matched to the plan; unit million VND.');
  });

  it('says when nothing would change, and a date chosen over the heading’s', () => {
    const v = importView({ ...report, asOf: '2024-07-15', asOfFrom: 'given', dateCreated: false, written: 0, unchanged: 48, carryover: [] }, [], env('vi'));
    expect(v.nothing).toBe('Không có số liệu nào thay đổi (48 ô như cũ).');
    expect(v.notes.slice(0, 3)).toEqual([
      'Ngày số liệu 15/7/2024: theo ngày đã chọn.',
      'Lưu ý: tiêu đề báo cáo ghi ngày 31/12/2024.',
      'Ghi vào kỳ báo cáo có sẵn ngày 15/7/2024.',
    ]);
  });

  it('offers the heading’s date, each existing reporting date and another date; the heading’s sends no date', () => {
    const dates = [{ id: 1, asOf: '2024-06-30', kind: 'h1' as const, due: null, paceMinPercent: null }];
    expect(dateOptions('2024-12-31', dates, tr('vi'))).toEqual([
      { value: 'file', label: 'Theo tiêu đề báo cáo: 31/12/2024' },
      { value: '2024-06-30', label: 'Kỳ báo cáo có sẵn: 30/6/2024 (6 tháng)' },
      { value: 'new', label: 'Ngày khác…' },
    ]);
    expect(dateOptions(null, [], tr('en')).map((o) => o.value)).toEqual(['new']);
    expect(asOfArg({ kind: 'file' })).toBeUndefined();
    expect(asOfArg({ kind: 'date', asOf: '2024-06-30' })).toBe('2024-06-30');
  });
});
