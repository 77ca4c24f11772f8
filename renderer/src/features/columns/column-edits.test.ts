// The column dialog's buttons as columns/move arguments, and the text that asks before a delete.
import { defaultColumns } from '../../../../shared/columns';
import { t as translate } from '../../../../shared/i18n';
import { impactText, moveArgs } from './column-edits';

const cols = defaultColumns();

describe('moveArgs', () => {
  it('moves up and down among siblings, not past either end', () => {
    expect(moveArgs(cols, 'local', 'up')).toEqual({ key: 'local', parent: 'total', position: 0 });
    expect(moveArgs(cols, 'local', 'down')).toEqual({ key: 'local', parent: 'total', position: 2 });
    expect(moveArgs(cols, 'central', 'up')).toBeNull();
    expect(moveArgs(cols, 'other', 'down')).toBeNull();
  });
  it('indents under the column above (as its last sub-column) and outdents just after the group', () => {
    expect(moveArgs(cols, 'other', 'indent')).toEqual({ key: 'other', parent: 'local', position: 2 });
    expect(moveArgs(cols, 'central', 'indent')).toBeNull(); // nothing above it
    expect(moveArgs(cols, 'central_recurrent', 'outdent')).toEqual({ key: 'central_recurrent', parent: 'total', position: 1 });
    expect(moveArgs(cols, 'local', 'outdent')).toBeNull(); // under the root already
    expect(moveArgs(cols, 'total', 'down')).toBeNull(); // the root stays
  });
});

describe('impactText', () => {
  const t = ((key: never, params?: never) => translate('vi', key, params)) as unknown as Parameters<typeof impactText>[0];
  const credit = { key: 'c', parent: 'total', position: 0, label: { vi: 'Vốn tín dụng chính sách', en: 'Policy credit' }, source: null, capital: null };
  it('says how much money in how many cells, and that undo brings it back', () => {
    expect(impactText(t, 'vi', credit, { keys: ['c'], dong: 74_500_000_000, cells: 12, other: 0 }, 'vi-VN')).toBe(
      'Xóa cột "Vốn tín dụng chính sách" sẽ xóa 74.500.000.000 đồng ở 12 ô. Có thể hoàn tác (Ctrl+Z).',
    );
  });
  it('names an empty column, its sub-columns and the other areas\' figures', () => {
    expect(impactText(t, 'vi', credit, { keys: ['c', 'd', 'e'], dong: 0, cells: 0, other: 3 }, 'vi-VN')).toBe(
      'Cột "Vốn tín dụng chính sách" chưa có số liệu. Các cột con của nó (2) cũng bị xóa. Kèm theo 3 số liệu khác ghi theo cột này (phân bổ cho đơn vị, giải ngân). Có thể hoàn tác (Ctrl+Z).',
    );
  });
});
