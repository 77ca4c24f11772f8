// The counterpart rule's level as a parameter with its legal basis (issue 13): 10% for 2021–2025
// cycles (QĐ 02/2022/QĐ-TTg); null from 2026 (NĐ 358/2025/NĐ-CP: set by the competent authority) —
// the rule is then inactive and ONE info finding asks for the level. And the rules follow the
// columns' roles, whatever the columns are called or keyed.
import { describe, expect, it } from 'vitest';
import type { FundingColumn } from '../model';
import { tStored } from '../i18n';
import { runAllRules } from './index';
import { amounts, line, ruleInput, TRIEU } from '../../test/support/rules-fixtures';

const C = 100_000 * TRIEU;

describe('counterpart level', () => {
  const run = (local: number, rules = {}, columns?: FundingColumn[]) =>
    runAllRules(ruleInput([line(1, null, { code: 'I' }), line(2, 1)], amounts([2, 'central_recurrent', C], [2, 'local_recurrent', local]), { rules, columns }));

  it('no level set: no counterpart finding, one info finding citing the basis and asking for the level', () => {
    const fs = run(0, { counterpartMinPercent: null, counterpartBasis: 'NĐ 358/2025/NĐ-CP' });
    expect(fs.filter((f) => f.rule === 'counterpart_min')).toEqual([]);
    const unset = fs.filter((f) => f.rule === 'counterpart_level_unset');
    expect(unset).toHaveLength(1);
    expect(unset[0]).toMatchObject({ severity: 'info', lineId: null, column: 'local', id: 'counterpart_level_unset' });
    expect(unset[0].message).toContain('NĐ 358/2025/NĐ-CP');
    expect(unset[0].message).toContain('cấp có thẩm quyền');
    expect(tStored('en', unset[0].msg.key, unset[0].msg.params)).toContain('competent authority');
  });

  it('once set, the rule checks that level and the finding is gone; the basis travels with the finding', () => {
    const fs = run(5_000 * TRIEU, { counterpartMinPercent: 8, counterpartBasis: 'NQ 12/2026/NQ-HĐND' });
    expect(fs.filter((f) => f.rule === 'counterpart_level_unset')).toEqual([]);
    const [f] = fs.filter((x) => x.rule === 'counterpart_min' && x.lineId === null);
    expect(f.expected).toBe(8_000 * TRIEU);
    expect(f.msg.params.basis).toBe('NQ 12/2026/NQ-HĐND');
  });

  it('a plan without a local column has no counterpart to ask for', () => {
    const col = (key: string, parent: string | null, source: FundingColumn['source']): FundingColumn =>
      ({ key, parent, position: 0, label: { vi: key, en: key }, source, capital: null });
    const columns = [col('total', null, null), col('central_recurrent', 'total', 'central')];
    expect(run(0, { counterpartMinPercent: null }, columns).filter((f) => f.rule === 'counterpart_level_unset')).toEqual([]);
  });
});

describe('rules on a custom column tree', () => {
  // Tổng = Trung ương (ĐTPT, SN) + Tỉnh (ĐTPT, SN) + Vốn tín dụng chính sách — none of the standard keys.
  const col = (key: string, parent: string | null, position: number, vi: string, source: FundingColumn['source'], capital: FundingColumn['capital']): FundingColumn =>
    ({ key, parent, position, label: { vi, en: vi }, source, capital });
  const columns = [
    col('tong', null, 0, 'Tổng số', null, null),
    col('tw', 'tong', 0, 'Trung ương', 'central', null),
    col('tw_dt', 'tw', 0, 'Đầu tư', null, 'investment'),
    col('tw_sn', 'tw', 1, 'Sự nghiệp', null, 'recurrent'),
    col('tinh', 'tong', 1, 'Tỉnh', 'local', null),
    col('tinh_dt', 'tinh', 0, 'Đầu tư', null, 'investment'),
    col('tinh_sn', 'tinh', 1, 'Sự nghiệp', null, 'recurrent'),
    col('von_tin_dung_chinh_sach', 'tong', 2, 'Vốn tín dụng chính sách', 'other', null),
  ];

  it('counterpart on the columns of role central / local; policy credit counts as neither', () => {
    const fs = runAllRules(ruleInput([line(1, null, { code: 'I' })], amounts([1, 'tw_sn', C], [1, 'tinh_sn', 9_000 * TRIEU], [1, 'von_tin_dung_chinh_sach', 50_000 * TRIEU]), { rules: { counterpartPerLine: false }, columns }));
    const [f] = fs.filter((x) => x.rule === 'counterpart_min');
    expect(f).toMatchObject({ column: 'tinh', expected: 10_000 * TRIEU, actual: 9_000 * TRIEU });
    expect(f.message).toContain('cột Tỉnh'); // the column's own label, no standard abbreviation
  });

  it('capital eligibility on the columns of role ĐTPT, named by their own labels', () => {
    const fs = runAllRules(ruleInput([line(1, null, { allowedCapital: ['recurrent'] })], amounts([1, 'tinh_dt', 3 * TRIEU], [1, 'tinh_sn', 1]), { columns }));
    const cap = fs.filter((x) => x.rule === 'capital_eligibility');
    expect(cap.map((x) => x.column)).toEqual(['tinh_dt']);
    expect(cap[0].message).toContain('cột Tỉnh / Đầu tư');
  });

  it('a standard column renamed is named by its new label, not the standard abbreviation', () => {
    const std = ruleInput([line(1, null)], amounts([1, 'central_recurrent', 1], [1, 'central', 5 * TRIEU]));
    const renamed = std.calc.cols.columns.map((c) => (c.key === 'central' ? { ...c, label: { vi: 'NSTW (vốn năm 2027)', en: 'Central 2027' } } : c));
    const [f] = runAllRules(ruleInput([line(1, null)], amounts([1, 'central_recurrent', 1], [1, 'central', 5 * TRIEU]), { columns: renamed })).filter((x) => x.rule === 'sum_mismatch');
    expect(f.message).toContain('cột NSTW (vốn năm 2027)');
    const [g] = runAllRules(std).filter((x) => x.rule === 'sum_mismatch');
    expect(g.message).toContain('cột NSTW —');
  });
});
