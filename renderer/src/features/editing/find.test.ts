// Find in codes, names and agencies, with or without Vietnamese diacritics.
import type { RowView } from '../../../../shared/ipc';
import { findAll, fold, nextIndex } from './find';

const row = (id: number, code: string, name: string, agency = ''): RowView => ({
  id, parentId: null, depth: 0, code, name, agency, note: '', hasChildren: false, unallocated: false,
  allowedCapital: null, isAdjustment: false, values: {}, stored: {},
});

const rows = [
  row(1, '1', 'Dự án 1: Hỗ trợ đầu tư', 'UBND huyện Đắk Glong'),
  row(2, '1.1', 'Tiểu dự án 1', 'Sở Y tế'),
  row(3, '4.1', 'Giáo dục nghề nghiệp', 'Sở Lao động'),
];

describe('find', () => {
  it('folds Vietnamese text the way people type it', () => {
    expect(fold('  Đắk   Glong ')).toBe('dak glong');
    expect(fold('Dự án')).toBe('du an');
  });
  it('finds in codes, names and agencies, in display order, with or without diacritics', () => {
    expect(findAll(rows, 'du an')).toEqual([{ lineId: 1, field: 'name' }, { lineId: 2, field: 'name' }]);
    expect(findAll(rows, 'dak')).toEqual([{ lineId: 1, field: 'agency' }]);
    expect(findAll(rows, '1.1')).toEqual([{ lineId: 2, field: 'code' }]);
    expect(findAll(rows, 'SỞ')).toEqual([{ lineId: 2, field: 'agency' }, { lineId: 3, field: 'agency' }]);
  });
  it('matches diacritics exactly when the query has them', () => {
    expect(findAll(rows, 'dự')).toEqual([{ lineId: 1, field: 'name' }, { lineId: 2, field: 'name' }]);
    expect(findAll(rows, 'dụ')).toEqual([{ lineId: 3, field: 'name' }]);
    expect(findAll(rows, 'dú')).toEqual([]);
    expect(findAll(rows, '   ')).toEqual([]);
  });
  it('steps through hits, wrapping around', () => {
    expect(nextIndex(3, 2, 1)).toBe(0);
    expect(nextIndex(3, 0, -1)).toBe(2);
    expect(nextIndex(3, -1, -1)).toBe(2);
    expect(nextIndex(0, -1, 1)).toBe(-1);
  });
});
