import { PlanCalc } from '../../../../shared/calc';
import { ColumnTree } from '../../../../shared/columns';
import type { RowView } from '../../../../shared/ipc';
import type { CycleData } from '../../../../shared/model';
import { sampleCycle } from '../../../../shared/samples/dak-nong-2024';
import { UnitBook } from '../../../../shared/units/book';
import { allocationBands, summaryTotal, summaryValue, unitTotal, unitValue } from './alloc-model';

const M = 1_000_000;

/** The rows the engine's snapshot gives for a cycle. */
function rowsOf(cycle: CycleData): RowView[] {
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
  return rows;
}

const cycle = sampleCycle();
const rows = rowsOf(cycle);
const byId = new Map(rows.map((r) => [r.id, r]));
const byCode = (code: string) => rows.find((r) => r.code === code)!;

describe('the allocation view model', () => {
  it('shows the lines that hold figures, a project over its sub-projects, for one funding column', () => {
    const bands = allocationBands({ kind: 'column', column: 'central_recurrent' }, rows, (id) => byId.get(id), cycle.columns, 'vi');
    expect(bands.map((b) => [b.head?.label.slice(0, 8) ?? null, b.cols.map((c) => c.label)])).toEqual([
      ['1. Dự án', ['1.1', '1.2']],
      [null, ['2']],
      ['3. Dự án', ['3.1', '3.2']],
      ['4. Dự án', ['4.1', '4.2', '4.3']],
      [null, ['5']],
      ['6. Dự án', ['6.1', '6.2']],
      // Dự án 7 states its figure without splitting it: it holds figures itself, beside its sub-projects.
      [null, ['7']],
      ['7. Dự án', ['7.1', '7.2']],
    ]);
    expect(bands.flatMap((b) => b.cols).every((c) => c.editable)).toBe(true);
    // A group column (NSTW) is the sum of its parts, not typed into.
    const group = allocationBands({ kind: 'column', column: 'central' }, rows, (id) => byId.get(id), cycle.columns, 'vi');
    expect(group.flatMap((b) => b.cols).some((c) => c.editable)).toBe(false);
  });

  it('shows one line’s funding columns as the plan grid’s header: Tổng cộng, then each source over its parts', () => {
    const line = byCode('3.2');
    const bands = allocationBands({ kind: 'line', lineId: line.id }, rows, (id) => byId.get(id), cycle.columns, 'vi');
    expect(bands.map((b) => [b.head?.label ?? null, b.cols.map((c) => c.column)])).toEqual([
      [null, ['total']],
      ['NSTW', ['central', 'central_investment', 'central_recurrent']],
      ['NSĐP', ['local', 'local_investment', 'local_recurrent']],
      [null, ['other']],
    ]);
    expect(bands.flatMap((b) => b.cols).filter((c) => c.editable).map((c) => c.column)).toEqual(['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent', 'other']);
    // A parent whose children carry figures is allocated through them: nothing typed on it.
    const parent = allocationBands({ kind: 'line', lineId: byCode('3').id }, rows, (id) => byId.get(id), cycle.columns, 'vi');
    expect(parent.flatMap((b) => b.cols).some((c) => c.editable)).toBe(false);
  });

  it('adds the units’ shares on both axes and leaves the rest as not allocated', () => {
    const l11 = byCode('1.1');
    const l2 = byCode('2');
    const book = new UnitBook(
      [
        { id: 1, parentId: null, position: 0, name: 'UBND huyện Tuy Đức', kind: 'district', code: '' },
        { id: 2, parentId: null, position: 1, name: 'UBND huyện Đắk Glong', kind: 'district', code: '' },
      ],
      [
        { unitId: 1, lineId: l11.id, column: 'central_recurrent', value: 100 * M },
        { unitId: 2, lineId: l11.id, column: 'central_recurrent', value: 250 * M },
        { unitId: 1, lineId: l2.id, column: 'central_recurrent', value: 30 * M },
        { unitId: 1, lineId: l2.id, column: 'central_investment', value: 7 * M },
      ],
    );
    const cols = allocationBands({ kind: 'column', column: 'central_recurrent' }, rows, (id) => byId.get(id), cycle.columns, 'vi').flatMap((b) => b.cols);
    const c11 = cols.find((c) => c.lineId === l11.id)!;
    expect(unitValue(book, 1, c11)).toBe(100 * M);
    expect(unitValue(book, 2, cols.find((c) => c.lineId === l2.id)!)).toBeNull();
    expect(summaryValue('sum', book, c11, l11)).toBe(350 * M);
    expect(summaryValue('figure', book, c11, l11)).toBe(l11.values.central_recurrent);
    expect(summaryValue('rest', book, c11, l11)).toBe(l11.values.central_recurrent - 350 * M);
    expect(unitTotal(book, 1, cols)).toBe(130 * M);
    expect(unitTotal(new UnitBook(), 1, cols)).toBeNull();
    expect(summaryTotal('sum', book, cols, (id) => byId.get(id))).toBe(380 * M);
    // NSTW (a group) adds ĐTPT and SN.
    const nstw = allocationBands({ kind: 'column', column: 'central' }, rows, (id) => byId.get(id), cycle.columns, 'vi').flatMap((b) => b.cols);
    expect(unitValue(book, 1, nstw.find((c) => c.lineId === l2.id)!)).toBe(37 * M);
  });
});

describe('funding column names', () => {
  it('names a part with its source, the others alone', async () => {
    const { fundingColumnName } = await import('./alloc-model');
    expect(fundingColumnName(cycle.columns, 'central_recurrent', 'vi')).toBe('NSTW / SN');
    expect(fundingColumnName(cycle.columns, 'central', 'vi')).toBe('NSTW');
    expect(fundingColumnName(cycle.columns, 'total', 'en')).toBe('Total');
  });

  it('a renamed standard column is named by its new label, not the standard abbreviation', async () => {
    const { fundingColumnName } = await import('./alloc-model');
    const renamed = cycle.columns.map((c) =>
      c.key === 'other' ? { ...c, label: { vi: 'Vốn huy động hợp pháp khác', en: 'Other lawfully mobilised funds' } }
        : c.key === 'central' ? { ...c, label: { vi: 'Ngân sách cấp trên', en: 'Higher-level budget' } } : c);
    expect(fundingColumnName(renamed, 'other', 'vi')).toBe('Vốn huy động hợp pháp khác');
    expect(fundingColumnName(renamed, 'central_recurrent', 'vi')).toBe('Ngân sách cấp trên / SN');
    expect(fundingColumnName(renamed, 'central_recurrent', 'en')).toBe('Higher-level budget / Recurrent');
    // The line view's header too.
    const bands = allocationBands({ kind: 'line', lineId: byCode('3.2').id }, rows, (id) => byId.get(id), renamed, 'vi');
    expect(bands.map((b) => b.head?.label ?? b.cols[0].label)).toContain('Ngân sách cấp trên');
    expect(bands.flatMap((b) => b.cols.map((c) => c.label))).toContain('Vốn huy động hợp pháp khác');
  });
});
