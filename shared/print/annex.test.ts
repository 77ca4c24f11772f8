import { PlanCalc } from '../calc';
import { ColumnTree, defaultColumns } from '../columns';
import type { RowView } from '../ipc';
import type { CycleData, FundingColumn } from '../model';
import { sampleCycle } from '../samples/dak-nong-2024';
import { annexLayout, buildAnnex, type Annex, type AnnexSource } from './annex';
import { DEFAULT_PRINT_SETTINGS, type PrintSettings } from './settings';

/** The rows and totals the engine's snapshot would give for a cycle. */
function sourceOf(cycle: CycleData): AnnexSource {
  const tree = new ColumnTree(cycle.columns);
  const calc = new PlanCalc(tree, cycle.lines, cycle.amounts);
  const rows: RowView[] = [];
  for (const { id, depth } of calc.walk()) {
    const l = calc.lines.get(id)!;
    const values: Record<string, number> = {};
    for (const c of tree.ordered) values[c.key] = calc.value(id, c.key);
    rows.push({
      id, parentId: l.parentId, depth, code: l.code, name: l.name, agency: l.agency, note: l.note,
      hasChildren: calc.isParent(id), unallocated: calc.isUnallocatedParent(id), allowedCapital: l.allowedCapital,
      isAdjustment: l.isAdjustment, values, stored: {},
    });
  }
  const totals = Object.fromEntries(tree.ordered.map((c) => [c.key, calc.total(c.key)]));
  return { meta: cycle.meta, columns: cycle.columns, rows, totals };
}

const settings = (patch: Partial<PrintSettings> = {}): PrintSettings => ({ ...DEFAULT_PRINT_SETTINGS, ...patch });

/** Place header cells the way an HTML table does; every slot must be filled exactly once. */
function headerGrid(annex: Annex): string[][] {
  const width = annex.columns.length;
  const grid: (string | undefined)[][] = annex.header.map(() => Array(width).fill(undefined));
  annex.header.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          expect(grid[r + dr]?.[c + dc], `slot ${r + dr},${c + dc} filled twice`).toBeUndefined();
          grid[r + dr][c + dc] = cell.label;
        }
      }
      c += cell.colSpan;
    }
  });
  for (const row of grid) for (const slot of row) expect(slot).toBeDefined();
  return grid as string[][];
}

describe('buildAnnex on the sample plan (Kế hoạch 122/KH-UBND)', () => {
  const src = sourceOf(sampleCycle());

  it('writes the annex lines from the cycle metadata', () => {
    const a = buildAnnex(src, settings());
    expect(a.annexLabel).toBe('Phụ lục I');
    expect(a.title).toBe('KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024');
    expect(a.attached).toBe('(Kèm theo Kế hoạch số 122/KH-UBND ngày 29/02/2024 của Ủy ban nhân dân tỉnh Đắk Nông)');
    expect(a.unitLabel).toBe('Đơn vị tính: triệu đồng');
    expect(a.signature).toEqual({
      recipients: ['Nơi nhận:', '- Bộ Lao động - Thương binh và Xã hội;', '- Thường trực Tỉnh ủy;', '- Thường trực HĐND tỉnh;',
        '- Các Sở, Ban, ngành tỉnh;', '- UBND các huyện, thành phố;', '- Lưu: VT, KT, KGVX (Q).'],
      preparedTitle: 'NGƯỜI LẬP BIỂU', preparedName: '',
      placeDate: 'Đắk Nông, ngày 29 tháng 02 năm 2024',
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], signer: 'Tôn Thị Ngọc Hạnh',
    });
    // The annex number is a plan detail; a plan without one (older files) is "Phụ lục I".
    const meta = { ...src.meta, annexNumber: 'II' };
    expect(buildAnnex({ ...src, meta }, settings({ title: 'Phân bổ vốn năm 2024', signature: false }))).toMatchObject({
      annexLabel: 'Phụ lục II', title: 'PHÂN BỔ VỐN NĂM 2024', signature: null,
    });
  });

  it('reads plans written before the annex number and the full authority lines existed', () => {
    const { annexNumber: _n, ...old } = src.meta;
    const meta = { ...old, signature: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', signer: 'A', preparedBy: '' }, docDate: '' };
    const a = buildAnnex({ ...src, meta }, settings());
    expect(a.annexLabel).toBe('Phụ lục I');
    expect(a.signature).toMatchObject({ recipients: [], authority: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], placeDate: 'Đắk Nông, ngày … tháng … năm 2024' });
  });

  it('leaves dotted blanks for a document not yet numbered or dated', () => {
    const meta = { ...src.meta, docNumber: '', docDate: '', issuer: '' };
    expect(buildAnnex({ ...src, meta }, settings()).attached).toBe('(Kèm theo Kế hoạch số …… ngày …/…/2024 của ……)');
  });

  it('builds the merged two-level header and the column-number row from the column tree', () => {
    const a = buildAnnex(src, settings());
    const grid = headerGrid(a);
    expect(grid[0]).toEqual([
      'STT', 'Nội dung', 'Cơ quan chủ trì', 'Tổng cộng',
      'Ngân sách Trung ương (NSTW)', 'Ngân sách Trung ương (NSTW)', 'Ngân sách Trung ương (NSTW)',
      'Ngân sách địa phương (NSĐP)', 'Ngân sách địa phương (NSĐP)', 'Ngân sách địa phương (NSĐP)', 'Vốn huy động khác',
    ]);
    expect(grid[1].slice(4, 10)).toEqual(['Tổng', 'Vốn đầu tư phát triển (ĐTPT)', 'Vốn sự nghiệp (SN)', 'Tổng', 'Vốn đầu tư phát triển (ĐTPT)', 'Vốn sự nghiệp (SN)']);
    expect(a.numbers).toEqual(['(1)', '(2)', '(3)', '(4)=(5)+(8)+(11)', '(5)=(6)+(7)', '(6)', '(7)', '(8)=(9)+(10)', '(9)', '(10)', '(11)']);
  });

  it('prints TỔNG CỘNG first and every line with its figures in the Vietnamese format', () => {
    const a = buildAnnex(src, settings());
    expect(a.rows[0]).toMatchObject({ lineId: null, bold: true });
    expect(a.rows[0].cells.slice(1, 8)).toEqual(['TỔNG CỘNG', '', '350.190', '319.642', '149.374', '170.268', '30.548']);
    expect(a.rows).toHaveLength(1 + 18);
    const l41 = a.rows.find((r) => r.cells[0] === '4.1')!;
    expect(l41.bold).toBe(false);
    expect(l41.cells.slice(3)).toEqual(['51.276', '47.905', '19.579', '28.326', '3.371', '540', '2.831', '']);
    expect(a.rows.find((r) => r.cells[0] === '4')!.bold).toBe(true);
    expect(a.rows.find((r) => r.cells[0] === '2')!.bold).toBe(true); // a project without sub-projects
  });

  it('collapses lines to a level and leaves out hidden columns (sums written only when whole)', () => {
    const projects = buildAnnex(src, settings({ maxDepth: 0 }));
    expect(projects.rows.map((r) => r.cells[0])).toEqual(['', '1', '2', '3', '4', '5', '6', '7']);
    const withSubs = buildAnnex(src, settings({ maxDepth: 1 }));
    expect(withSubs.rows).toHaveLength(19);

    const a = buildAnnex(src, settings({ hiddenColumns: ['agency', 'note', 'central_investment', 'local', 'other'] }));
    const grid = headerGrid(a);
    expect(grid[0]).toEqual(['STT', 'Nội dung', 'Tổng cộng', 'Ngân sách Trung ương (NSTW)', 'Ngân sách Trung ương (NSTW)']);
    expect(grid[1]).toEqual(['STT', 'Nội dung', 'Tổng cộng', 'Tổng', 'Vốn sự nghiệp (SN)']);
    expect(a.numbers).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)']);
    expect(a.rows[0].cells).toEqual(['', 'TỔNG CỘNG', '350.190', '319.642', '170.268']);

    const flat = buildAnnex(src, settings({ hiddenColumns: ['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent'] }));
    expect(flat.header).toHaveLength(1);
    expect(flat.header[0].map((c) => c.label).slice(3)).toEqual(['Tổng cộng', 'Ngân sách Trung ương (NSTW)', 'Ngân sách địa phương (NSĐP)', 'Vốn huy động khác', 'Ghi chú']);
  });

  it('follows any column tree: three levels give three header rows', () => {
    const columns: FundingColumn[] = [
      ...defaultColumns().filter((c) => c.key !== 'central_investment'),
      { key: 'central_investment', parent: 'central', position: 0, label: { vi: 'Đầu tư', en: 'Investment' }, source: 'central', capital: 'investment' },
      { key: 'ci_a', parent: 'central_investment', position: 0, label: { vi: 'Trong nước', en: 'Domestic' }, source: 'central', capital: 'investment' },
      { key: 'ci_b', parent: 'central_investment', position: 1, label: { vi: 'Nước ngoài', en: 'Foreign' }, source: 'central', capital: 'investment' },
    ];
    const a = buildAnnex({ ...src, columns }, settings());
    expect(a.header).toHaveLength(3);
    const grid = headerGrid(a);
    expect(grid[2].slice(4, 8)).toEqual(['Tổng', 'Tổng số', 'Trong nước', 'Nước ngoài']);
    expect(a.numbers.slice(3, 9)).toEqual(['(4)=(5)+(10)+(13)', '(5)=(6)+(9)', '(6)=(7)+(8)', '(7)', '(8)', '(9)']);
  });

  it('sizes amount columns for their widest figure and lets the description take the rest', () => {
    const a = buildAnnex(src, settings());
    expect(a.columns.filter((c) => c.flex).map((c) => c.key)).toEqual(['name']);
    const total = a.columns.find((c) => c.key === 'total')!;
    expect(total.minEm).toBeGreaterThan(3.5); // "350.190" in bold
  });
});

describe("annexLayout on a cycle's own column tree (issue 13)", () => {
  const c = (key: string, parent: string | null, position: number, vi: string, totalLabel?: string): FundingColumn => ({
    key, parent, position, label: { vi, en: vi }, source: null, capital: null, ...(totalLabel ? { totalLabel: { vi: totalLabel, en: 'Total' } } : {}),
  });
  // Three levels under Tổng cộng: NSĐP by level, the province's level by capital type; policy credit beside.
  const cols = [
    c('total', null, 0, 'Tổng cộng'), c('central', 'total', 0, 'NSTW'), c('local', 'total', 1, 'NSĐP', 'Tổng số'),
    c('cap_tinh', 'local', 0, 'Cấp tỉnh', 'Cộng'), c('cap_tinh_dtpt', 'cap_tinh', 0, 'ĐTPT'), c('cap_tinh_sn', 'cap_tinh', 1, 'SN'),
    c('cap_xa', 'local', 1, 'Cấp xã'), c('tin_dung', 'total', 2, 'Vốn tín dụng chính sách'),
  ];

  it('merges the header over every level and computes the column numbers from the tree', () => {
    const l = annexLayout(sampleCycle().meta, cols);
    expect(l.header.map((r) => r.map((x) => `${x.label}:${x.colSpan}x${x.rowSpan}`))).toEqual([
      ['STT:1x3', 'Nội dung:1x3', 'Cơ quan chủ trì:1x3', 'Tổng cộng:1x3', 'NSTW:1x3', 'NSĐP:5x1', 'Vốn tín dụng chính sách:1x3', 'Ghi chú:1x3'],
      ['Tổng số:1x2', 'Cấp tỉnh:3x1', 'Cấp xã:1x2'],
      ['Cộng:1x1', 'ĐTPT:1x1', 'SN:1x1'],
    ]);
    expect(l.keys).toEqual(['code', 'name', 'agency', 'total', 'central', 'local', 'cap_tinh', 'cap_tinh_dtpt', 'cap_tinh_sn', 'cap_xa', 'tin_dung', 'note']);
    expect(l.numbers).toEqual(['(1)', '(2)', '(3)', '(4)=(5)+(6)+(11)', '(5)', '(6)=(7)+(10)', '(7)=(8)+(9)', '(8)', '(9)', '(10)', '(11)', '(12)']);
  });
});
