import { placeHeader } from './annex';
import { buildAllocationAnnex, type AllocationAnnexSource } from './allocation-annex';
import { DEFAULT_PRINT_SETTINGS } from './settings';
import { sampleCycle } from '../samples/dak-nong-2024';

const TRIEU = 1_000_000;

function source(): AllocationAnnexSource {
  const meta = sampleCycle().meta;
  return {
    meta,
    columnLabel: 'kinh phí sự nghiệp NSTW',
    groups: [
      { head: { code: '1', name: 'Dự án 1' }, lines: [{ id: 11, code: '1.1', name: 'Tiểu dự án 1' }, { id: 12, code: '1.2', name: 'Tiểu dự án 2' }] },
      { head: null, lines: [{ id: 2, code: '2', name: 'Dự án 2' }] },
    ],
    units: [
      { id: 1, parentId: null, name: 'Khối huyện', shares: new Map() },
      { id: 2, parentId: 1, name: 'UBND huyện Tuy Đức', shares: new Map([[11, 1500 * TRIEU], [2, 200 * TRIEU]]) },
      { id: 3, parentId: 1, name: 'UBND huyện Đắk Glong', shares: new Map([[12, 300 * TRIEU]]) },
      { id: 4, parentId: null, name: 'Sở Nông nghiệp', shares: new Map([[2, 50 * TRIEU]]) },
    ],
  };
}

describe('allocation annex', () => {
  it('has units as rows under TỔNG CỘNG, parents with their sub-units’ sum, and a two-level header of lines', () => {
    const a = buildAllocationAnnex(source(), DEFAULT_PRINT_SETTINGS);
    expect(a.annexLabel).toBe('Phụ lục I');
    expect(a.title).toBe('PHÂN BỔ KINH PHÍ SỰ NGHIỆP NSTW THỰC HIỆN ' + sampleCycle().meta.program.toLocaleUpperCase('vi') + ' NĂM 2024');
    expect(a.rows.map((r) => r.cells)).toEqual([
      ['', 'TỔNG CỘNG', '2.050', '1.500', '300', '250'],
      ['1', 'Khối huyện', '2.000', '1.500', '300', '200'],
      ['1.1', 'UBND huyện Tuy Đức', '1.700', '1.500', '', '200'],
      ['1.2', 'UBND huyện Đắk Glong', '300', '', '300', ''],
      ['2', 'Sở Nông nghiệp', '50', '', '', '50'],
    ]);
    expect(a.rows.map((r) => r.bold)).toEqual([true, true, false, false, false]);
    // Every header slot filled once: STT, Đơn vị, Tổng số and "2. Dự án 2" span both rows.
    const placed = placeHeader(a.header, a.columns.length);
    const slots = new Set(placed.flatMap((c) => Array.from({ length: c.rowSpan * c.colSpan }, (_, i) => `${c.row + Math.floor(i / c.colSpan)}:${c.col + (i % c.colSpan)}`)));
    expect(slots.size).toBe(2 * a.columns.length);
    expect(placed.map((c) => [c.label, c.row, c.col, c.colSpan, c.rowSpan])).toEqual([
      ['STT', 0, 0, 1, 2],
      ['Đơn vị', 0, 1, 1, 2],
      ['Tổng số', 0, 2, 1, 2],
      ['1. Dự án 1', 0, 3, 2, 1],
      ['2. Dự án 2', 0, 5, 1, 2],
      ['1.1. Tiểu dự án 1', 1, 3, 1, 1],
      ['1.2. Tiểu dự án 2', 1, 4, 1, 1],
    ]);
    expect(a.numbers).toEqual(['(1)', '(2)', '(3)=(4)+…+(6)', '(4)', '(5)', '(6)']);
    expect(a.kinds).toEqual(['code', 'name', 'amount', 'amount', 'amount', 'amount']);
    expect(a.signature?.authority.length).toBeGreaterThan(0);
  });

  it('takes its own number and title, and leaves the signature out when the settings do', () => {
    const a = buildAllocationAnnex(source(), { ...DEFAULT_PRINT_SETTINGS, signature: false, title: 'plan title' }, { annexNumber: 'III', title: 'Phân bổ vốn năm 2025' });
    expect(a.annexLabel).toBe('Phụ lục III');
    expect(a.title).toBe('PHÂN BỔ VỐN NĂM 2025');
    expect(a.signature).toBeNull();
  });

  it('heads columns with the short names allocation annexes use: "Dự án 3" over "Tiểu dự án 1"', () => {
    const src = source();
    src.groups = [{ head: { code: '3', name: 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng' }, lines: [{ id: 11, code: '3.1', name: 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp' }] }];
    const a = buildAllocationAnnex(src, DEFAULT_PRINT_SETTINGS);
    expect(a.header.map((r) => r.map((c) => c.label))).toEqual([['STT', 'Đơn vị', 'Tổng số', 'Dự án 3'], ['Tiểu dự án 1']]);
  });
});
