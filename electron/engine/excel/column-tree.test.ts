// The funding-column tree read from header paths: standard columns where the header means one,
// new columns (slug keys, roles from the text) for the rest, nesting from the merged cells above.
import { describe, expect, it } from 'vitest';
import { defaultColumns } from '../../../shared/columns';
import { columns2026 } from '../../../shared/templates';
import { fileColumnTree, isFundingHeader, type AmountHeader } from './column-tree';

const headers = (...paths: string[][]): AmountHeader[] => paths.map((path, col) => ({ col, path }));
const shape = (h: AmountHeader[]) => {
  const r = fileColumnTree(h);
  return { tree: r.columns.map((c) => `${c.parent ?? '-'}>${c.key}`), keys: h.map((x) => r.keyOf.get(x.col)), added: r.added, columns: r.columns };
};

describe('fileColumnTree', () => {
  it('a table in the standard layout keeps the standard tree, as before', () => {
    const r = shape(headers(['Tổng cộng'], ['NSTW', 'Tổng số'], ['NSTW', 'ĐTPT'], ['NSTW', 'SN'], ['NSĐP', 'Tổng số'], ['NSĐP', 'ĐTPT'], ['NSĐP', 'SN'], ['Vốn khác']));
    expect(r.columns).toEqual(defaultColumns());
    expect(r.keys).toEqual(['total', 'central', 'central_investment', 'central_recurrent', 'local', 'local_investment', 'local_recurrent', 'other']);
    expect(r.added).toEqual([]);
  });

  it('NSĐP split by level and by capital type, three header rows deep', () => {
    const r = shape(headers(
      ['Tổng số'],
      ['NSĐP', 'Tổng'],
      ['NSĐP', 'Cấp tỉnh', 'ĐTPT'], ['NSĐP', 'Cấp tỉnh', 'SN'],
      ['NSĐP', 'Cấp xã', 'ĐTPT'], ['NSĐP', 'Cấp xã', 'SN'],
    ));
    expect(r.tree).toEqual(['->total', 'total>local', 'local>cap_tinh', 'cap_tinh>cap_tinh_dtpt', 'cap_tinh>cap_tinh_sn', 'local>cap_xa', 'cap_xa>cap_xa_dtpt', 'cap_xa>cap_xa_sn']);
    expect(r.keys).toEqual(['total', 'local', 'cap_tinh_dtpt', 'cap_tinh_sn', 'cap_xa_dtpt', 'cap_xa_sn']);
    const c = r.columns.find((x) => x.key === 'cap_xa_sn')!;
    expect([c.label.vi, c.source, c.capital]).toEqual(['SN', 'local', 'recurrent']);
  });

  it('"Vốn khác" is the standard column; a more specific other fund is a column of its own, never folded into it', () => {
    const r = shape(headers(['Tổng cộng'], ['Vốn huy động hợp pháp khác'], ['Vốn khác']));
    expect(r.keys).toEqual(['total', 'von_huy_dong_hop_phap_khac', 'other']);
    expect(r.tree).toEqual(['->total', 'total>von_huy_dong_hop_phap_khac', 'total>other']);
  });

  it("a 2027 annex's header row reads to the 2026–2035 template's own keys (a template plan and a file plan compare column for column)", () => {
    const tpl = columns2026();
    const r = shape(headers(
      ['Tổng cộng'], ['NSTW', 'Tổng số'], ['NSTW', 'ĐTPT'], ['NSTW', 'SN'], ['NSĐP', 'Tổng số'], ['NSĐP', 'ĐTPT'], ['NSĐP', 'SN'],
      ['Vốn tín dụng chính sách'], ['Vốn huy động hợp pháp khác'],
    ));
    expect(r.keys).toEqual(tpl.map((c) => c.key));
  });

  it('a second column saying what an earlier one says takes its key (the table reports the duplicate), never a new column', () => {
    const r = shape(headers(['Tổng cộng'], ['NSTW'], ['Tổng cộng'], ['Vốn lồng ghép'], ['Vốn lồng ghép'], ['NSTW']));
    expect(r.keys).toEqual(['total', 'central', 'total', 'von_long_ghep', 'von_long_ghep', 'central']);
    expect(r.tree).toEqual(['->total', 'total>central', 'total>von_long_ghep']);
  });

  it('standard leaves of a flat header get their groups; a caption over the table is no column', () => {
    const r = shape(headers(['Trong đó', 'NSTW ĐTPT'], ['Trong đó', 'NSTW SN'], ['Trong đó', 'Vốn tín dụng chính sách']));
    expect(r.tree).toEqual(['->total', 'total>central', 'central>central_investment', 'central>central_recurrent', 'total>von_tin_dung_chinh_sach']);
    expect(r.keys).toEqual(['central_investment', 'central_recurrent', 'von_tin_dung_chinh_sach']);
  });

  it('a new group with its own "Tổng" sub-header: that column is the group\'s figure', () => {
    const r = shape(headers(['Tổng cộng'], ['Vốn tín dụng chính sách', 'Tổng'], ['Vốn tín dụng chính sách', 'Cho vay hộ nghèo'], ['Vốn tín dụng chính sách', 'Cho vay hộ cận nghèo']));
    expect(r.keys).toEqual(['total', 'von_tin_dung_chinh_sach', 'cho_vay_ho_ngheo', 'cho_vay_ho_can_ngheo']);
    expect(r.columns.find((c) => c.key === 'von_tin_dung_chinh_sach')!.totalLabel).toEqual({ vi: 'Tổng', en: 'Total' });
  });

  it('a long header becomes a label within the length a column takes', () => {
    const long = 'Vốn huy động từ doanh nghiệp, hợp tác xã và cộng đồng dân cư '.repeat(6).trim();
    const c = fileColumnTree(headers(['Tổng cộng'], [long])).columns.find((x) => x.key !== 'total')!;
    expect(c.label.vi.length).toBeLessThanOrEqual(200);
    expect(c.label.vi.endsWith('…')).toBe(true);
    expect(c.key.length).toBeLessThanOrEqual(64);
  });

  it('keys a mapping gave are kept', () => {
    const r = fileColumnTree([{ col: 0, path: ['Tổng'] }, { col: 1, path: ['Nguồn A'], fixed: 'nguon_a' }]);
    expect(r.keyOf.get(1)).toBe('nguon_a');
    expect(r.columns.find((c) => c.key === 'nguon_a')?.parent).toBe('total');
  });
});

describe('isFundingHeader', () => {
  it('money headers are funding columns; descriptive figures and unknown texts are not', () => {
    expect(isFundingHeader(['Vốn tín dụng chính sách'])).toBe(true);
    expect(isFundingHeader(['Nguồn vốn', 'Vốn lồng ghép'])).toBe(true);
    expect(isFundingHeader(['Tổng mức đầu tư'])).toBe(false);
    expect(isFundingHeader(['Thực hiện 6 tháng'])).toBe(false);
    expect(isFundingHeader(['Tỷ lệ vốn đối ứng (%)'])).toBe(false);
  });
});
