// The rules on the built-in sample (Kế hoạch 122/KH-UBND, Đắk Nông 2024): what a careful reader of
// that plan should be told, and nothing more.
import { describe, expect, it } from 'vitest';
import { PlanCalc } from '../calc';
import { ColumnTree } from '../columns';
import { sampleCycle } from '../samples/dak-nong-2024';
import { FindingsIndex, runAllRules } from './index';

function sample() {
  const c = sampleCycle();
  const calc = new PlanCalc(new ColumnTree(c.columns), c.lines, c.amounts);
  const idOf = (code: string) => c.lines.find((l) => l.code === code)!.id;
  return { c, calc, idOf, input: { calc, meta: c.meta, rules: c.rules } };
}

describe('rules on the sample plan (122/KH-UBND)', () => {
  const { input, idOf } = sample();
  const findings = runAllRules(input);

  it('flags the program counterpart: 30.548 vs minimum 31.964,2 triệu, short by 1.416,2 triệu', () => {
    const f = findings.find((x) => x.id === 'counterpart_min:program')!;
    expect(f).toMatchObject({ rule: 'counterpart_min', severity: 'error', line: '', lineId: null, column: 'local' });
    expect(f.actual).toBe(30_548_000_000);
    expect(f.expected).toBe(31_964_200_000);
    expect(f.expected! - f.actual!).toBe(1_416_200_000);
    expect(f.message).toBe(
      'Vốn đối ứng tối thiểu: TỔNG CỘNG, cột NSĐP — vốn địa phương 30.548 triệu đồng bằng 9,56% vốn Trung ương ' +
      '(319.642 triệu đồng); mức tối thiểu 10% là 31.964,2 triệu đồng, còn thiếu 1.416,2 triệu đồng.',
    );
  });

  it('warns that line 4.1 is at 7,04%', () => {
    const f = findings.find((x) => x.rule === 'counterpart_min' && x.line === '4.1')!;
    expect(f).toMatchObject({ severity: 'warning', lineId: idOf('4.1'), column: 'local', expected: 4_790_500_000, actual: 3_371_000_000 });
    expect(f.message).toMatch(/7,0\d%/);
  });

  it('does not flag lines that reach 10% only after rounding (1.1 at 9,998%, 2 at 9,996%, Dự án 1 at 9,999%)', () => {
    const flagged = findings.filter((x) => x.rule === 'counterpart_min' && x.lineId !== null).map((x) => x.line);
    expect(flagged).toEqual(['4', '4.1']); // Dự án 4 as a whole is at 7,67%
  });

  it('tells that Dự án 7 is not allocated to 7.1 and 7.2 (info)', () => {
    const f = findings.find((x) => x.rule === 'not_allocated')!;
    expect(f).toMatchObject({ severity: 'info', line: '7', lineId: idOf('7'), actual: 9_924_000_000 });
    expect(f.message).toContain('chưa phân bổ cho các dòng con');
  });

  it('finds no sum mismatch, no capital, sign or field problem', () => {
    expect(findings.map((f) => f.rule).sort()).toEqual(['counterpart_min', 'counterpart_min', 'counterpart_min', 'not_allocated']);
  });

  it('in English too', () => {
    const en = runAllRules({ ...input, lang: 'en' });
    expect(en.find((f) => f.id === 'counterpart_min:program')!.message).toContain('short by 1.416,2 million VND');
  });
});

describe('live findings on the sample', () => {
  it('follow edits: fixing the counterpart, then breaking a stated total', () => {
    const { calc, input, idOf } = sample();
    const index = new FindingsIndex(input);
    expect(index.counts()).toEqual({ error: 1, warning: 2, info: 1, total: 4 });

    // Raise 4.1's local recurrent by 1.500 triệu: 4.1 and Dự án 4 and the program now reach 10%,
    // but 4.1's stated totals (Tổng cộng, NSĐP) no longer add up.
    const id41 = idOf('4.1');
    const delta = index.update(calc.setAmount(id41, 'local_recurrent', (2831 + 1500) * 1_000_000));
    expect(delta.remove.sort()).toEqual([`counterpart_min:${idOf('4')}`, `counterpart_min:${id41}`, 'counterpart_min:program'].sort());
    expect(delta.upsert.map((f) => f.id).sort()).toEqual([`sum_mismatch:${id41}:local`, `sum_mismatch:${id41}:total`]);
    expect(index.counts()).toEqual({ error: 2, warning: 0, info: 1, total: 3 });
    expect(index.all()).toEqual(runAllRules(input));

    // Allocate Dự án 7 to 7.1: the info goes, and Dự án 7's own figures become stated totals.
    const d7 = index.update(calc.setAmount(idOf('7.1'), 'central_recurrent', 9020 * 1_000_000));
    expect(d7.remove).toContain(`not_allocated:${idOf('7')}`);
    expect(index.all()).toEqual(runAllRules(input));
  });
});
