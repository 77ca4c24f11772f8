// Where a pasted block lands: numbers in either convention, text fields, totals skipped, bad cells
// refusing the whole paste, rows past the end becoming new lines, and tiling over a selection.
import { planPaste, tileBlock, type PasteColumn, type PasteRow } from './paste';

const M = 1_000_000;
const rows: PasteRow[] = [
  { id: 10, hasChildren: false },
  { id: 11, hasChildren: true },
  { id: 12, hasChildren: false },
];
const cols: PasteColumn[] = [
  { kind: 'text', key: 'name' },
  { kind: 'amount', key: 'central', isLeaf: false },
  { kind: 'amount', key: 'central_investment', isLeaf: true },
  { kind: 'amount', key: 'central_recurrent', isLeaf: true },
];

describe('planPaste', () => {
  it('reads vi-VN numbers ("1.234.567", "(500)", " 1 234 ") into entries, text into fields, and skips totals', () => {
    const plan = planPaste(
      [
        ['Xã A', '9', '1.234.567', '(500)'],
        ['Dự án', '1', '2', ' 1 234 '],
        ['', '', '', '1,5'],
      ],
      rows,
      cols,
      { unit: 'trieu', locale: 'vi-VN' },
    );
    expect(plan.issues).toEqual([]);
    expect(plan.amounts).toEqual([
      { lineId: 10, column: 'central_investment', value: 1_234_567 * M },
      { lineId: 10, column: 'central_recurrent', value: -500 * M },
      { lineId: 12, column: 'central_investment', value: null },
      { lineId: 12, column: 'central_recurrent', value: 1_500_000 },
    ]);
    expect(plan.fields).toEqual([
      { lineId: 10, fields: { name: 'Xã A' } },
      { lineId: 11, fields: { name: 'Dự án' } },
      { lineId: 12, fields: { name: '' } },
    ]);
    // NSTW total on every row, and the parent row's amounts; a blank on a total is no loss.
    expect(plan.totals).toEqual([{ row: 0, col: 1 }, { row: 1, col: 1 }, { row: 1, col: 2 }, { row: 1, col: 3 }]);
    expect(plan.cells).toBe(7);
  });

  it('reads en-US numbers when the plan says so', () => {
    const plan = planPaste([['1,234,567.5', '(1,000)']], rows, cols.slice(2), { unit: 'dong', locale: 'en-US' });
    expect(plan.amounts.map((a) => a.value)).toEqual([1_234_568, -1000]);
  });

  it('refuses the whole block when a cell is not a number, naming it', () => {
    const plan = planPaste([['1', '2'], ['NSTW', '3']], [rows[0], rows[2]], cols.slice(2), { unit: 'trieu', locale: 'vi-VN' });
    expect(plan.issues).toEqual([{ row: 1, col: 0, text: 'NSTW', error: 'not_a_number' }]);
    expect(plan.amounts).toEqual([]);
    expect(plan.cells).toBe(0);
  });

  it('counts what falls outside the table, or turns extra rows into new lines when asked', () => {
    const block = [['a', '', '1', '2', 'x'], ['b', '', '3', '4', 'y'], ['c', '7', '5', '', 'z']];
    const fit = planPaste(block, [rows[0]], cols, { unit: 'trieu', locale: 'vi-VN' });
    expect([fit.rowsOutside, fit.colsOutside, fit.newLines.length]).toEqual([2, 1, 0]);
    const add = planPaste(block, [rows[0]], cols, { unit: 'trieu', locale: 'vi-VN', addLines: true });
    expect(add.rowsOutside).toBe(0);
    expect(add.newLines).toEqual([
      { fields: { name: 'b' }, amounts: [{ column: 'central_investment', value: 3 * M }, { column: 'central_recurrent', value: 4 * M }] },
      { fields: { name: 'c' }, amounts: [{ column: 'central_investment', value: 5 * M }] },
    ]);
    expect(add.totals).toEqual([{ row: 2, col: 1 }]);
  });

  it('pastes a short (ragged) row as blanks to the block width, as Excel does', () => {
    const plan = planPaste([['1', '2'], ['3']], [rows[0], rows[2]], cols.slice(2), { unit: 'trieu', locale: 'vi-VN' });
    expect(plan.amounts.at(-1)).toEqual({ lineId: 12, column: 'central_recurrent', value: null });
  });

  it('refuses text longer than a field takes', () => {
    const plan = planPaste([['x'.repeat(2001)]], rows, cols, { unit: 'trieu', locale: 'vi-VN' });
    expect(plan.issues.map((i) => i.error)).toEqual(['too_long']);
  });
});

describe('tileBlock', () => {
  it('fills a selection with one cell, or repeats a block whose size divides it', () => {
    expect(tileBlock([['5']], { rows: 2, cols: 3 })).toEqual([['5', '5', '5'], ['5', '5', '5']]);
    expect(tileBlock([['1', '2']], { rows: 2, cols: 4 })).toEqual([['1', '2', '1', '2'], ['1', '2', '1', '2']]);
    expect(tileBlock([['1', '2']], { rows: 2, cols: 3 })).toEqual([['1', '2']]);
    expect(tileBlock([['1'], ['2']], { rows: 1, cols: 1 })).toEqual([['1'], ['2']]);
  });
});
