// FigureInput, the allocation and disbursement grids' shared mouse, keyboard and clipboard: which
// editor command each key and clipboard event becomes, on which block, and what is refused.
import { t as translate } from '../../../shared/i18n';
import type { Rect } from './selection';
import { FigureInput, type BlockEditor, type FigureInputHost } from './figure-input';
import { GridSelection } from './selection';

const COLS = ['fig:a', 'fig:b', 'fig:c'];
const ROWS = 5;
const TABLE = { name: 'the table' };

type Call = [string, ...unknown[]];

/** A cell element of the grid as the DOM gives it to the handlers (row index, column id, pinned or not). */
function cellEl(row: number, colId: string, pinned = false) {
  const rowEl = {
    getAttribute: (a: string) => (a === 'row-index' ? String(row) : null),
    closest: (sel: string) => (pinned && sel.includes('pinned') ? {} : null),
  };
  const cell = {
    getAttribute: (a: string) => (a === 'col-id' ? colId : null),
    closest: (sel: string): unknown => (sel.startsWith('.ag-row') ? rowEl : sel === '.ag-cell' ? cell : null),
  };
  return cell;
}

/** The editor's input field open in a cell. */
function fieldIn(row: number, colId: string, value: string) {
  const cell = cellEl(row, colId);
  return { tagName: 'INPUT', value, closest: (sel: string) => (sel === '.ag-cell' ? cell : null) };
}

function setup(opts: { editing?: boolean; typed?: string } = {}) {
  const calls: Call[] = [];
  const messages: [string, string | undefined][] = [];
  const entered: [string, number, number | null][] = [];
  const editor: BlockEditor<typeof TABLE> = {
    clear: async (table, r) => void calls.push(['clear', table, r]),
    fillDown: async (table, r) => void calls.push(['fillDown', table, r]),
    fillSelection: async (table, r, text) => void calls.push(['fillSelection', table, r, text]),
    copy: (_table, r) => `copied ${r.top},${r.left}\n`,
    paste: async (table, r, block, multi) => void calls.push(['paste', table, r, block, multi]),
  };
  const api = {
    getEditingCells: () => (opts.editing ? [{}] : []),
    getCellEditorInstances: () => [{ getValue: () => opts.typed }],
    stopEditing: (cancel?: boolean) => void calls.push(['stopEditing', cancel]),
    ensureIndexVisible: (row: number) => void calls.push(['ensureIndexVisible', row]),
    ensureColumnVisible: (col: string) => void calls.push(['ensureColumnVisible', col]),
    setFocusedCell: (row: number, col: string) => void calls.push(['setFocusedCell', row, col]),
  };
  const host: FigureInputHost<typeof TABLE> = {
    api: () => api as never,
    editor,
    table: () => TABLE,
    rowCount: () => ROWS,
    unit: () => 'trieu',
    locale: () => 'vi-VN',
    t: (k, ...p) => translate('vi', k, ...p),
    message: (text, kind) => void messages.push([text, kind]),
    entered: (colId, row, value) => void entered.push([colId, row, value]),
  };
  const selection = new GridSelection();
  const input = new FigureInput(selection, host, COLS);
  return { calls, messages, entered, selection, input };
}

const key = (k: string, mods: Partial<KeyboardEvent> = {}, target: unknown = cellEl(0, 'fig:a')) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target, ...mods }) as KeyboardEvent;
const rect = (top: number, left: number, bottom = top, right = left): Rect => ({ top, bottom, left, right });

describe('FigureInput keys on a selection', () => {
  it('Delete clears, Ctrl+D fills down, Ctrl+Enter fills with the active cell, each on the selected block', () => {
    const { calls, selection, input } = setup();
    selection.set({ row: 1, col: 0 }, { row: 3, col: 1 });
    expect(input.key(key('Delete'))).toBe(true);
    expect(input.key(key('d', { ctrlKey: true }))).toBe(true);
    expect(input.key(key('Enter', { ctrlKey: true }))).toBe(true);
    expect(calls).toEqual([
      ['clear', TABLE, rect(1, 0, 3, 1)],
      ['fillDown', TABLE, rect(1, 0, 3, 1)],
      ['fillSelection', TABLE, rect(1, 0, 3, 1), 'copied 1,0'],
    ]);
  });

  it('does nothing without a selection, and leaves plain arrows and letters to the grid', () => {
    const { calls, selection, input } = setup();
    expect(input.key(key('Delete'))).toBe(false);
    selection.set({ row: 0, col: 0 });
    expect(input.key(key('ArrowDown'))).toBe(false);
    expect(input.key(key('5'))).toBe(false);
    expect(calls).toEqual([]);
  });

  it('Shift+arrows extend the selection within the table and bring its far corner into view', () => {
    const { calls, selection, input } = setup();
    selection.set({ row: 3, col: 1 });
    expect(input.key(key('ArrowDown', { shiftKey: true }))).toBe(true);
    expect(input.key(key('ArrowDown', { shiftKey: true }))).toBe(true);
    expect(input.key(key('ArrowRight', { shiftKey: true }))).toBe(true);
    expect(selection.rect()).toEqual(rect(3, 1, ROWS - 1, 2));
    expect(selection.anchor).toEqual({ row: 3, col: 1 });
    expect(calls.at(-1)).toEqual(['ensureColumnVisible', 'fig:c']);
  });

  it('Ctrl+A selects every row and column; Esc keeps only the active cell', () => {
    const { selection, input } = setup();
    selection.set({ row: 2, col: 1 });
    expect(input.key(key('a', { ctrlKey: true }))).toBe(true);
    expect(selection.rect()).toEqual(rect(0, 0, ROWS - 1, COLS.length - 1));
    expect(selection.anchor).toEqual({ row: 0, col: 0 });
    expect(input.key(key('Escape'))).toBe(true);
    expect(selection.isMulti()).toBe(false);
    expect(input.key(key('Escape'))).toBe(false);
  });
});

describe('FigureInput while a cell is being typed', () => {
  it('Ctrl+Enter on a block puts what is typed into every selected cell', () => {
    const { calls, selection, input } = setup({ editing: true, typed: '12,5' });
    selection.set({ row: 0, col: 0 }, { row: 1, col: 2 });
    expect(input.key(key('Enter', { ctrlKey: true }, fieldIn(0, 'fig:a', '12,5')))).toBe(true);
    expect(calls).toEqual([
      ['stopEditing', true],
      ['fillSelection', TABLE, rect(0, 0, 1, 2), '12,5'],
    ]);
  });

  it('Enter on unreadable input is kept (the editor stays open) with a message; readable input goes on, shown early', () => {
    const { calls, messages, entered, selection, input } = setup({ editing: true });
    selection.set({ row: 2, col: 1 });
    expect(input.key(key('Enter', {}, fieldIn(2, 'fig:b', 'abc')))).toBe(true);
    expect(messages).toEqual([[translate('vi', 'input.not_a_number', { text: 'abc' }), 'error']]);
    expect(entered).toEqual([]);
    expect(input.key(key('Tab', {}, fieldIn(2, 'fig:b', '=1+2')))).toBe(false);
    expect(entered).toEqual([['fig:b', 2, 3_000_000]]);
    // The editor's own keys (Delete in the field) are not the selection's.
    expect(input.key(key('Delete', {}, fieldIn(2, 'fig:b', '1')))).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('FigureInput mouse and clipboard', () => {
  it('a click selects its cell, Shift+click and a drag extend, a pinned row selects nothing', () => {
    const { selection, input } = setup();
    const press = (target: unknown, mods: Partial<PointerEvent> = {}) =>
      input.pointerDown({ target, button: 0, shiftKey: false, preventDefault: () => {}, ...mods } as PointerEvent);
    press(cellEl(1, 'fig:a'));
    expect(selection.rect()).toEqual(rect(1, 0));
    input.mouseOver({ target: cellEl(2, 'fig:b'), buttons: 1 } as unknown as MouseEvent);
    expect(selection.rect()).toEqual(rect(1, 0, 2, 1));
    input.mouseUp();
    input.mouseOver({ target: cellEl(4, 'fig:c'), buttons: 1 } as unknown as MouseEvent);
    expect(selection.rect()).toEqual(rect(1, 0, 2, 1));
    press(cellEl(3, 'fig:c'), { shiftKey: true });
    expect(selection.rect()).toEqual(rect(1, 0, 3, 2));
    press(cellEl(0, 'fig:a', true));
    expect(selection.rect()).toBeNull();
  });

  it('copy writes the block as TSV, cut also clears it, paste hands the parsed block over; nothing selected: a message', () => {
    const { calls, messages, selection, input } = setup();
    const data = new Map<string, string>();
    const clip = (text = '', html = '') =>
      ({
        clipboardData: { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => (k === 'text/plain' ? text : html) },
        preventDefault: () => {},
      }) as unknown as ClipboardEvent;
    input.paste(clip('1\t2'));
    expect(messages).toEqual([[translate('vi', 'editing.paste.noTarget'), 'error']]);
    selection.set({ row: 1, col: 1 });
    input.copy(clip(), false);
    expect(data.get('text/plain')).toBe('copied 1,1\n');
    input.copy(clip(), true);
    input.paste(clip('1\t2\n3\t4'));
    expect(calls).toEqual([
      ['clear', TABLE, rect(1, 1)],
      ['paste', TABLE, rect(1, 1), [['1', '2'], ['3', '4']], false],
    ]);
  });
});
