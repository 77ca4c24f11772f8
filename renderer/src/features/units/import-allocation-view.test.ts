// The import-allocation report as the dialog shows it: every skipped cell by address with its reason
// in the window's language, how each column was matched, and nothing to import when no column reads.
import { describe, expect, it } from 'vitest';
import type { AllocationReport } from '../../../../shared/commands/alloc-io';
import { t, type Lang } from '../../../../shared/i18n';
import { reportView } from './import-allocation-view';

const M = 1_000_000;
const tr = (lang: Lang) => ((key: string, params?: Record<string, string | number>) => t(lang, key as never, params as never)) as Parameters<typeof reportView>[1];

const report: AllocationReport = {
  sheet: 'Phân bổ NSĐP',
  unit: 'trieu',
  unitAssumed: false,
  unitFile: null,
  title: ['DỰ KIẾN PHÂN BỔ VỐN ĐỐI ỨNG NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2024'],
  titleFunding: { source: 'local' },
  columns: [
    { letter: 'C', header: 'Tiểu dự án 1 - Dự án 1 / Vốn đầu tư', line: '1.1 Tiểu dự án 1: …', lineHow: 'designator', column: 'local_investment', columnHow: 'header', problem: null },
    { letter: 'H', header: 'Dự án 9', line: null, lineHow: null, column: null, columnHow: null, problem: 'no_line' },
  ],
  units: [
    { address: 'B6', name: 'UBND xã Quảng Sơn', unitId: null, spelledAs: null },
    { address: 'B7', name: 'UBND huyện Đăk Glong', unitId: 3, spelledAs: 'UBND huyện Đắk Glong' },
  ],
  newUnits: 1,
  groupRows: [{ address: 'B5', text: 'I Khối Sở, ban, ngành' }],
  totalRows: [{ address: 'B9', text: 'Cộng' }],
  totalColumns: ['I: Cộng'],
  figures: 4,
  changes: 4,
  cleared: 0,
  textNumbers: [{ address: 'D6', text: '1.234,5', value: 1_234_500_000 }],
  problems: [
    { address: 'H5', kind: 'no_line', text: 'Dự án 9' },
    { address: 'C7', kind: 'text', text: 'chưa giao' },
    { address: 'F7', kind: 'negative', text: '-5' },
  ],
  totals: { local_investment: 180 * M },
};

describe('import-allocation report view', () => {
  it('names every skipped cell by address and why, in Vietnamese and in English', () => {
    const vi = reportView(report, tr('vi'), (k) => k);
    expect(vi.sections.find((s) => s.id === 'problems')!.items).toEqual([
      'H5: Cột không khớp với dòng nào của kế hoạch ("Dự án 9")',
      'C7: Chữ ở chỗ cần số ("chưa giao")',
      'F7: Phần phân bổ âm ("-5")',
    ]);
    const en = reportView(report, tr('en'), (k) => k);
    expect(en.sections.find((s) => s.id === 'problems')!.items[1]).toBe('C7: Text where a figure should be ("chưa giao")');
    expect(vi.sections.find((s) => s.id === 'spelling')!.items).toEqual(['B7: "UBND huyện Đăk Glong" = "UBND huyện Đắk Glong"']);
    expect(vi.sections.find((s) => s.id === 'newUnits')!.items).toEqual(['B6: UBND xã Quảng Sơn']);
    expect(vi.sections.find((s) => s.id === 'textNumbers')!.items).toEqual(['D6: "1.234,5" = 1.234,5']);
    expect(vi.sections.find((s) => s.id === 'rows')!.items).toEqual(['B5: I Khối Sở, ban, ngành', 'B9: Cộng']);
  });

  it('says how each column was matched, and that a skipped column is skipped', () => {
    const v = reportView(report, tr('vi'), (k) => (k === 'local_investment' ? 'NSĐP ĐTPT' : k));
    expect(v.columns[0]).toEqual({ letter: 'C', header: 'Tiểu dự án 1 - Dự án 1 / Vốn đầu tư', line: '1.1 Tiểu dự án 1: …', funding: 'NSĐP ĐTPT', how: 'theo dự án/tiểu dự án, theo tiêu đề', problem: null });
    expect(v.columns[1].problem).toBe('Cột không khớp với dòng nào của kế hoạch');
    expect(v.summary).toBe('2 đơn vị (1 đơn vị mới), 4 số liệu, 4 ô phân bổ thay đổi (0 ô bị xóa vì tệp để trống); đơn vị tính: triệu đồng.');
    expect(v.nothingUsable).toBe(false);
    expect(reportView({ ...report, columns: [report.columns[1]] }, tr('vi'), (k) => k).nothingUsable).toBe(true);
  });
});
