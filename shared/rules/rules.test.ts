// Each rule at, just below and just above its threshold, on small hand-made plans; plus how findings
// name cells, which columns count as central/local, and messages in both languages.
import { describe, expect, it } from 'vitest';
import type { FundingColumn } from '../model';
import type { Finding, RuleId } from '../findings';
import { tStored } from '../i18n';
import { checkCounterpart, RuleContext, runAllRules } from './index';
import { amounts, line, ruleInput, TRIEU } from '../../test/support/rules-fixtures';

const of = (fs: Finding[], rule: RuleId) => fs.filter((f) => f.rule === rule);
const HALF_TRIEU = TRIEU / 2;

describe('sum_mismatch', () => {
  // Line 1 enters NSTW SN 100 triệu and states NSTW = 100 triệu + d.
  const run = (d: number, rules = {}, meta = {}) =>
    of(runAllRules(ruleInput([line(1, null)], amounts([1, 'central_recurrent', 100 * TRIEU], [1, 'central', 100 * TRIEU + d]), { rules, meta })), 'sum_mismatch');

  it('tolerates half a display unit by default, flags one đồng more (both directions)', () => {
    expect(run(HALF_TRIEU - 1)).toEqual([]);
    expect(run(HALF_TRIEU)).toEqual([]);
    expect(run(-HALF_TRIEU)).toEqual([]);
    expect(run(HALF_TRIEU + 1)).toHaveLength(1);
    expect(run(-HALF_TRIEU - 1)).toHaveLength(1);
  });

  it('uses toleranceDong when set, and the display unit when not', () => {
    expect(run(1, { toleranceDong: 0 })).toHaveLength(1);
    expect(run(0, { toleranceDong: 0 })).toEqual([]);
    expect(run(1000, { toleranceDong: 1000 })).toEqual([]);
    expect(run(1001, { toleranceDong: 1000 })).toHaveLength(1);
    expect(run(1, {}, { unit: 'dong' })).toHaveLength(1); // half a đồng: every đồng counts
    expect(run(500, {}, { unit: 'nghin' })).toEqual([]);
    expect(run(501, {}, { unit: 'nghin' })).toHaveLength(1);
  });

  it('reports the cell, the stated and computed figures and the difference', () => {
    const [f] = run(3 * TRIEU);
    expect(f).toMatchObject({
      id: 'sum_mismatch:1:central', rule: 'sum_mismatch', severity: 'error', line: '1', lineId: 1, column: 'central',
      expected: 100 * TRIEU, actual: 103 * TRIEU,
    });
    expect(f.message).toBe('Tổng không khớp: dòng 1, cột NSTW — số ghi 103 triệu đồng, tổng tính được 100 triệu đồng, chênh lệch +3 triệu đồng.');
  });

  it('checks a parent line at leaf and group columns against the sum of its children', () => {
    const lines = [line(1, null), line(2, 1), line(3, 1)];
    const stored = amounts(
      [2, 'local_recurrent', 10 * TRIEU], [3, 'local_recurrent', 5 * TRIEU],
      [1, 'local_recurrent', 15 * TRIEU], // matches
      [1, 'total', 16 * TRIEU], // one triệu too much
    );
    const fs = of(runAllRules(ruleInput(lines, stored)), 'sum_mismatch');
    expect(fs.map((f) => [f.column, f.expected, f.actual])).toEqual([['total', 15 * TRIEU, 16 * TRIEU]]);
  });

  it("never flags an unallocated parent's own leaf figures", () => {
    const lines = [line(1, null), line(2, 1)];
    const fs = runAllRules(ruleInput(lines, amounts([1, 'central_recurrent', 9 * TRIEU], [1, 'total', 9 * TRIEU])));
    expect(of(fs, 'sum_mismatch')).toEqual([]);
  });

  it('ignores figures in columns the cycle does not have', () => {
    const fs = runAllRules(ruleInput([line(1, null), line(2, 1)], amounts([2, 'central_recurrent', 1], [1, 'gone', 5 * TRIEU])));
    expect(fs).toEqual([]);
  });
});

describe('counterpart_min', () => {
  // Central 100.000 triệu: minimum 10% = 10.000 triệu; 0,005 percentage points = 5 triệu of slack.
  const C = 100_000 * TRIEU;
  const MIN = 10_000 * TRIEU;
  const program = (local: number, rules = {}) =>
    of(runAllRules(ruleInput([line(1, null, { code: 'I' })], amounts([1, 'central_recurrent', C], [1, 'local_recurrent', local]), { rules: { counterpartPerLine: false, ...rules } })), 'counterpart_min');

  it('flags the program only when the shortfall exceeds the tolerance (here: 0,005 points of central)', () => {
    expect(program(MIN + 1)).toEqual([]);
    expect(program(MIN)).toEqual([]);
    expect(program(MIN - 5 * TRIEU)).toEqual([]);
    expect(program(MIN - 5 * TRIEU - 1)).toHaveLength(1);
  });

  it('uses toleranceDong when it is the larger slack', () => {
    const r = { counterpartTolerancePercent: 0 };
    expect(program(MIN - HALF_TRIEU, r)).toEqual([]);
    expect(program(MIN - HALF_TRIEU - 1, r)).toHaveLength(1);
    expect(program(MIN - 2 * TRIEU, { ...r, toleranceDong: 2 * TRIEU })).toEqual([]);
    expect(program(MIN - 2 * TRIEU - 1, { ...r, toleranceDong: 2 * TRIEU })).toHaveLength(1);
    expect(program(MIN - 1, { counterpartTolerancePercent: 0, toleranceDong: 0 })).toHaveLength(1);
  });

  it('follows counterpartMinPercent (including fractional and zero minimums)', () => {
    expect(program(MIN, { counterpartMinPercent: 12.5 })).toHaveLength(1);
    expect(program(12_500 * TRIEU, { counterpartMinPercent: 12.5 })).toEqual([]);
    expect(program(0, { counterpartMinPercent: 0 })).toEqual([]);
  });

  it('is an error at program level: line "", no line id, column local, expected = minimum', () => {
    const [f] = program(9_000 * TRIEU);
    expect(f).toMatchObject({
      id: 'counterpart_min:program', severity: 'error', line: '', lineId: null, column: 'local',
      expected: MIN, actual: 9_000 * TRIEU,
    });
    expect(f.message).toContain('9,00%');
    expect(f.message).toContain('còn thiếu 1.000 triệu đồng');
  });

  it('does nothing without central funds', () => {
    const fs = runAllRules(ruleInput([line(1, null)], amounts([1, 'local_recurrent', 5])));
    expect(of(fs, 'counterpart_min')).toEqual([]);
  });

  describe('per line', () => {
    // 1 project → 1.1 sub-project → 1.1.1 commune, all short on counterpart (5%); program is fine
    // thanks to line 2 (all local).
    const lines = [line(1, null), line(2, 1, { code: '1.1' }), line(3, 2, { code: '1.1.1' }), line(4, null, { code: '2' })];
    const stored = amounts([3, 'central_recurrent', 1000 * TRIEU], [3, 'local_recurrent', 50 * TRIEU], [4, 'local_recurrent', 500 * TRIEU]);
    const run = (rules = {}) => of(runAllRules(ruleInput(lines, stored, { rules })), 'counterpart_min');

    it('warns on projects and sub-projects (depth ≤ counterpartLineDepth), one finding per line', () => {
      const fs = run();
      expect(fs.map((f) => [f.lineId, f.severity])).toEqual([[1, 'warning'], [2, 'warning']]);
      expect(fs[0].id).toBe('counterpart_min:1');
      expect(run({ counterpartLineDepth: 0 }).map((f) => f.lineId)).toEqual([1]);
      expect(run({ counterpartLineDepth: 2 }).map((f) => f.lineId)).toEqual([1, 2, 3]);
    });

    it('is off when counterpartPerLine is false, and skips lines without central funds', () => {
      expect(run({ counterpartPerLine: false })).toEqual([]);
      expect(run().some((f) => f.lineId === 4)).toBe(false);
    });

    it('at, just below and just above the line threshold', () => {
      const at = (local: number) => of(runAllRules(ruleInput([line(1, null)], amounts(
        [1, 'central_recurrent', 1000 * TRIEU], [1, 'local_recurrent', local],
      ))), 'counterpart_min').filter((f) => f.lineId === 1);
      // 0,005 points of 1.000 triệu = 50.000 đồng < half a triệu: toleranceDong decides.
      expect(at(100 * TRIEU - HALF_TRIEU)).toEqual([]);
      expect(at(100 * TRIEU - HALF_TRIEU - 1)).toHaveLength(1);
      expect(at(100 * TRIEU + 1)).toEqual([]);
    });
  });

  it('finds central and local funds by FundingColumn.source, not by key', () => {
    const col = (key: string, parent: string | null, source: FundingColumn['source'], capital: FundingColumn['capital'] = null): FundingColumn =>
      ({ key, parent, position: 0, label: { vi: key.toUpperCase(), en: key }, source, capital });
    // No NSTW group: two central leaves straight under the total; local under a group "dp".
    const columns = [
      col('tong', null, null), col('tw_dt', 'tong', 'central', 'investment'), col('tw_sn', 'tong', 'central', 'recurrent'),
      col('dp', 'tong', 'local'), col('dp_sn', 'dp', 'local', 'recurrent'),
    ];
    const input = ruleInput([line(1, null)], amounts([1, 'tw_dt', 600 * TRIEU], [1, 'tw_sn', 400 * TRIEU], [1, 'dp_sn', 90 * TRIEU]),
      { columns, rules: { counterpartPerLine: false } });
    const ctx = new RuleContext(input);
    expect(ctx.sourceRoots).toEqual({ central: ['tw_dt', 'tw_sn'], local: ['dp'], other: [] });
    const [f] = runAllRules(input);
    expect(f).toMatchObject({ rule: 'counterpart_min', column: 'dp', expected: 100 * TRIEU, actual: 90 * TRIEU });
    expect(checkCounterpart(ctx, 1000 * TRIEU, 90 * TRIEU)).toMatchObject({ minimum: 100 * TRIEU, shortfall: 10 * TRIEU, flagged: true });
  });
});

describe('capital_eligibility', () => {
  const run = (lines = [line(1, null, { allowedCapital: ['recurrent'] })], v = 1, column = 'central_investment') =>
    of(runAllRules(ruleInput(lines, amounts([lines[lines.length - 1].id, column, v]))), 'capital_eligibility');

  it('flags any amount above 0 in a column of a capital type the line may not take', () => {
    expect(run(undefined, 0)).toEqual([]);
    expect(run(undefined, -1)).toEqual([]); // negative_amount's business
    expect(run(undefined, 1)).toHaveLength(1);
    expect(run(undefined, 1, 'local_investment')).toHaveLength(1);
    expect(run(undefined, 1, 'central_recurrent')).toEqual([]);
    expect(run([line(1, null, { allowedCapital: null })], 5)).toEqual([]);
    expect(run([line(1, null, { allowedCapital: [] })], 5, 'local_recurrent')).toHaveLength(1);
  });

  it('names the cell, the allowed types, expected 0 and the amount found', () => {
    const [f] = run(undefined, 2 * TRIEU);
    expect(f).toMatchObject({ id: 'capital_eligibility:1:central_investment', severity: 'error', column: 'central_investment', expected: 0, actual: 2 * TRIEU });
    expect(f.message).toBe('Loại vốn không phù hợp: dòng 1, cột NSTW / ĐTPT — dòng này không được nhận vốn đầu tư phát triển (ĐTPT) (chỉ nhận vốn sự nghiệp (SN)): số hợp lệ là 0 triệu đồng, số hiện có 2 triệu đồng, chênh lệch +2 triệu đồng.');
  });

  it("inherits a parent's restriction (money on a child is money on the parent)", () => {
    const lines = [line(1, null, { code: '2', allowedCapital: ['recurrent'] }), line(2, 1, { code: '2.1', allowedCapital: null }), line(3, 2, { code: 'a', allowedCapital: ['investment', 'recurrent'] })];
    const fs = run(lines, 7 * TRIEU);
    expect(fs.map((f) => f.lineId)).toEqual([3]);
    expect(fs[0].msg.key).toBe('rules.capital_eligibility.inherited');
    expect(fs[0].message).toContain('dòng cấp trên 2 không được nhận');
  });

  it('checks stated figures on parents, and a capital type set on a group column', () => {
    const parent = [line(1, null, { allowedCapital: ['recurrent'] }), line(2, 1)];
    expect(of(runAllRules(ruleInput(parent, amounts([1, 'central_investment', 3]))), 'capital_eligibility')).toHaveLength(1);
    const col = (key: string, parent: string | null, capital: FundingColumn['capital']): FundingColumn =>
      ({ key, parent, position: 0, label: { vi: key, en: key }, source: null, capital });
    const columns = [col('t', null, null), col('dtpt', 't', 'investment'), col('dtpt_a', 'dtpt', null), col('sn', 't', 'recurrent')];
    const fs = runAllRules(ruleInput([line(1, null, { allowedCapital: ['recurrent'] })], amounts([1, 'dtpt_a', 1], [1, 'sn', 1]), { columns }));
    expect(of(fs, 'capital_eligibility').map((f) => f.column)).toEqual(['dtpt_a']);
  });
});

describe('negative_amount', () => {
  const run = (v: number, over = {}, column = 'central_recurrent') =>
    of(runAllRules(ruleInput([line(1, null, over)], amounts([1, column, v]))), 'negative_amount');

  it('flags a stored amount below 0 unless the line is an adjustment', () => {
    expect(run(1)).toEqual([]);
    expect(run(0)).toEqual([]);
    expect(run(-1)).toHaveLength(1);
    expect(run(-1, { isAdjustment: true })).toEqual([]);
    expect(run(-TRIEU, {}, 'total')).toHaveLength(1); // a stated total too
  });

  it('reports expected 0 and the amount', () => {
    expect(run(-3 * TRIEU)[0]).toMatchObject({ id: 'negative_amount:1:central_recurrent', severity: 'error', expected: 0, actual: -3 * TRIEU });
    expect(run(-3 * TRIEU)[0].message).toContain('số -3 triệu đồng nhỏ hơn mức tối thiểu 0 triệu đồng (chênh lệch -3 triệu đồng)');
  });
});

describe('not_allocated', () => {
  const lines = [line(1, null), line(2, 1), line(3, 1)];
  const run = (...xs: [number, string, number][]) => of(runAllRules(ruleInput(lines, amounts(...xs))), 'not_allocated');

  it('informs about a parent with own figures and no amount below it', () => {
    const fs = run([1, 'central_recurrent', 9 * TRIEU], [1, 'local_recurrent', TRIEU]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ id: 'not_allocated:1', severity: 'info', column: null, expected: null, actual: 10 * TRIEU });
    expect(fs[0].message).toBe('Chưa phân bổ: dòng 1 — 10 triệu đồng chưa phân bổ cho các dòng con.');
  });

  it('uses a stated total when the parent has only that', () => {
    expect(run([1, 'total', 4 * TRIEU])[0].actual).toBe(4 * TRIEU);
  });

  it('is silent once a child carries an amount (even 0), or when the parent has nothing', () => {
    expect(run([1, 'central_recurrent', 9], [2, 'central_recurrent', 0])).toEqual([]);
    expect(run()).toEqual([]);
    expect(run([1, 'central_recurrent', 0])).toEqual([]);
  });
});

describe('required_field and duplicate_code', () => {
  const run = (lines: ReturnType<typeof line>[]) => runAllRules(ruleInput(lines, []));

  it('warns about a blank (or blank-looking) code or name', () => {
    const fs = run([line(1, null, { code: ' ', name: 'Dự án' }), line(2, null, { code: '2', name: '' }), line(3, null, { code: 'x', name: 'y' })]);
    expect(fs.map((f) => [f.id, f.severity])).toEqual([['required_field:1:code', 'warning'], ['required_field:2:name', 'warning']]);
    expect(fs[0].message).toBe('Thiếu thông tin bắt buộc: dòng “Dự án” chưa có mã.');
  });

  it('names a line with neither code nor name by its place', () => {
    const fs = run([line(1, null, { code: '4.1' }), line(2, 1, { code: '', name: '' }), line(3, 1, { code: '', name: '' })]);
    expect(fs.filter((f) => f.lineId === 3).map((f) => f.msg.params.line)).toEqual(['4.1 › #2', '4.1 › #2']);
  });

  it('warns on every sibling sharing a code; not across parents, not for bullets', () => {
    const fs = run([
      line(1, null, { code: '1' }), line(2, null, { code: ' 1 ' }), line(3, null, { code: '3' }),
      line(4, 3, { code: '1' }), line(5, 3, { code: '-' }), line(6, 3, { code: '-' }), line(7, 3, { code: '+' }), line(8, 3, { code: '+' }),
    ]);
    expect(of(fs, 'duplicate_code').map((f) => f.lineId)).toEqual([1, 2]);
    expect(of(fs, 'duplicate_code')[0].message).toBe('Trùng mã: dòng 1 “Dòng 1” — mã "1" được dùng cho 2 dòng cùng cấp; mỗi dòng cần một mã riêng.');
  });

  it('compares codes in NFC (a composed and a decomposed "Đ.1" are the same code)', () => {
    const fs = run([line(1, null, { code: 'Ế.1' }), line(2, null, { code: 'Ế.1'.normalize('NFD') })]);
    expect(of(fs, 'duplicate_code')).toHaveLength(2);
  });
});

describe('messages', () => {
  const input = (lang?: 'vi' | 'en') => ruleInput(
    [line(1, null, { allowedCapital: ['recurrent'], name: '' })],
    amounts([1, 'central_investment', 1_416_200_000], [1, 'total', 5], [1, 'local_recurrent', -1]),
    { lang },
  );

  it('are Vietnamese by default and English on request, with the same findings', () => {
    const vi = runAllRules(input());
    const en = runAllRules(input('en'));
    expect(vi.map((f) => f.id)).toEqual(en.map((f) => f.id));
    expect(vi.find((f) => f.rule === 'capital_eligibility')!.message).toContain('1.416,2 triệu đồng');
    expect(en.find((f) => f.rule === 'capital_eligibility')!.message).toContain('1.416,2 million VND');
  });

  it('can be re-rendered in either language from msg.key and msg.params', () => {
    for (const f of runAllRules(input())) {
      expect(tStored('vi', f.msg.key, f.msg.params)).toBe(f.message);
      expect(tStored('en', f.msg.key, f.msg.params)).not.toMatch(/\{\w+\}/);
    }
  });

  it('format amounts in the cycle number convention and unit', () => {
    const fs = runAllRules(ruleInput([line(1, null)], amounts([1, 'central_recurrent', 1_234_567_000], [1, 'central', 0]),
      { meta: { unit: 'nghin', numberLocale: 'en-US' }, lang: 'en' }));
    expect(of(fs, 'sum_mismatch')[0].message).toContain('computed 1,234,567 thousand VND');
    expect(of(fs, 'counterpart_min')[0].message).toContain('the minimum of 10% is 123,456.7 thousand VND');
  });
});
