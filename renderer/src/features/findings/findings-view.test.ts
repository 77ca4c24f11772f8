// The panel's view of the findings on the sample plan: counts, program-level first, groups by rule
// in a fixed order with lines in display order, severity filters, targets and column names.
import { PlanCalc } from '../../../../shared/calc';
import { ColumnTree } from '../../../../shared/columns';
import type { Finding } from '../../../../shared/findings';
import { t } from '../../../../shared/i18n';
import { runAllRules } from '../../../../shared/rules';
import { sampleCycle } from '../../../../shared/samples/dak-nong-2024';
import { buildView, columnNamer, columnOrder, countBySeverity, sameView, targetOf } from './findings-view';

const TRIEU = 1_000_000;

function sampleWith(edit: (calc: PlanCalc, idOf: (code: string) => number) => void = () => {}) {
  const c = sampleCycle();
  const calc = new PlanCalc(new ColumnTree(c.columns), c.lines, c.amounts);
  const idOf = (code: string) => c.lines.find((l) => l.code === code)!.id;
  edit(calc, idOf);
  const findings = runAllRules({ calc, meta: c.meta, rules: c.rules });
  const order = [...calc.walk()].map((w) => w.id);
  const pos = new Map(order.map((id, i) => [id, i]));
  return { c, findings, idOf, position: (id: number) => pos.get(id), cols: columnOrder(c.columns) };
}

describe('buildView', () => {
  it('puts program-level findings first and groups the rest by rule, errors first', () => {
    const { findings, position, cols, idOf } = sampleWith((calc, idOf) => {
      calc.setAmount(idOf('4'), 'total', 70_000 * TRIEU); // a stated total that disagrees
      calc.setAmount(idOf('1.1'), 'total', 123_000 * TRIEU);
    });
    // Shuffled input: the view does not depend on the order findings arrive in (patches append).
    const v = buildView([...findings].reverse(), position, cols);
    expect(v.counts).toEqual({ error: 3, warning: 2, info: 1 });
    expect(v.program.map((f) => f.id)).toEqual(['counterpart_min:program']);
    expect(v.groups.map((g) => [g.rule, g.severity, g.items.length])).toEqual([
      ['sum_mismatch', 'error', 2],
      ['counterpart_min', 'warning', 2],
      ['not_allocated', 'info', 1],
    ]);
    // Lines in the grid's order: 1.1 comes before 4.
    expect(v.groups[0].items.map((f) => f.lineId)).toEqual([idOf('1.1'), idOf('4')]);
    expect(v.flat.map((f) => f.id)[0]).toBe('counterpart_min:program');
    expect(v.flat).toHaveLength(6);
  });

  it('filters by severity but keeps whole counts', () => {
    const { findings, position, cols } = sampleWith();
    const v = buildView(findings, position, cols, { error: false, warning: true, info: false });
    expect(v.counts).toEqual(countBySeverity(findings));
    expect(v.program).toEqual([]);
    expect(v.flat.map((f) => f.line)).toEqual(['4', '4.1']);
  });

  it('orders one line’s findings by column', () => {
    const { findings, position, cols, idOf } = sampleWith((calc, idOf) => {
      calc.setAmount(idOf('3'), 'local', 1 * TRIEU);
      calc.setAmount(idOf('3'), 'total', 1 * TRIEU);
      calc.setAmount(idOf('3'), 'central', 1 * TRIEU);
    });
    const g = buildView(findings, position, cols).groups.find((x) => x.rule === 'sum_mismatch')!;
    expect(g.items.map((f) => `${f.lineId}:${f.column}`)).toEqual(['total', 'central', 'local'].map((k) => `${idOf('3')}:${k}`));
  });
});

describe('sameView', () => {
  it('tells whether two views list the same finding objects in the same groups', () => {
    const { findings, position, cols } = sampleWith();
    const a = buildView(findings, position, cols);
    expect(sameView(a, buildView(findings, position, cols))).toBe(true);
    expect(sameView(a, buildView(findings.map((f) => ({ ...f })), position, cols))).toBe(false); // a finding replaced
    expect(sameView(a, buildView(findings.slice(1), position, cols))).toBe(false);
    expect(sameView(a, buildView(findings, position, cols, { error: true, warning: false, info: true }))).toBe(false);
  });
});

describe('targetOf', () => {
  const base: Finding = {
    id: '', rule: 'sum_mismatch', severity: 'error', line: '', lineId: 7, column: 'central', expected: 1, actual: 2, message: '', msg: { key: '', params: {} },
  };
  it('points at the cell of the finding, or at the TỔNG CỘNG row for program-level ones', () => {
    expect(targetOf(base, 'total')).toEqual({ kind: 'line', lineId: 7, column: 'central' });
    expect(targetOf({ ...base, lineId: null, column: 'local' }, 'total')).toEqual({ kind: 'total', column: 'local' });
  });
  it('sends line-level findings to the field they are about, or the line total', () => {
    expect(targetOf({ ...base, rule: 'not_allocated', column: null }, 'total')).toEqual({ kind: 'line', lineId: 7, column: 'total' });
    expect(targetOf({ ...base, rule: 'duplicate_code', column: null }, 'total')).toMatchObject({ column: 'code' });
    expect(targetOf({ ...base, id: 'required_field:7:name', rule: 'required_field', column: null }, 'total')).toMatchObject({ column: 'name' });
    expect(targetOf({ ...base, id: 'required_field:7:code', rule: 'required_field', column: null }, 'total')).toMatchObject({ column: 'code' });
  });
});

describe('columnNamer', () => {
  it('names columns as the headers do, with their group', () => {
    const name = columnNamer(sampleCycle().columns, 'vi', (k, ...p) => t('vi', k, ...p));
    expect(name('total')).toBe('Tổng cộng');
    expect(name('local')).toBe('NSĐP');
    expect(name('central_investment')).toBe('NSTW / ĐTPT');
    expect(name('code')).toBe('Mã');
    expect(columnNamer(sampleCycle().columns, 'en', (k, ...p) => t('en', k, ...p))('local_recurrent')).toBe('Local / Recurrent');
  });
});
