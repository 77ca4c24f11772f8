// Matching a file's lines to the plan's: code path first (codes repeat across sections), then code,
// then name folded (diacritics, case, spacing), never a line twice, never on an ambiguous key.
import type { Line } from '../../../shared/model';
import { matchLines } from './match-lines';

const line = (id: number, parentId: number | null, code: string, name: string): Line => ({
  id, parentId, position: id, code, name, agency: '', note: '', allowedCapital: null, isAdjustment: false,
});

describe('matchLines', () => {
  it('tells apart codes that repeat under different sections by their path', () => {
    const plan = [line(1, null, 'I', 'Dự án 1'), line(2, 1, '1', 'Hạ tầng'), line(3, null, 'II', 'Dự án 2'), line(4, 3, '1', 'Sinh kế')];
    const file = [line(10, null, 'II', 'Dự án 2'), line(11, 10, '1', 'Sinh kế (sửa tên)'), line(12, null, 'I', 'Dự án 1'), line(13, 12, '1', 'Hạ tầng')];
    expect([...matchLines(plan, file)].sort((a, b) => a[0] - b[0])).toEqual([[10, 3], [11, 4], [12, 1], [13, 2]]);
  });

  it('falls back to the name, folded, and leaves ambiguous names alone', () => {
    const plan = [line(1, null, '1', 'Huyện Đắk Glong'), line(2, null, '2', 'Xã A'), line(3, null, '3', 'Xã A')];
    const file = [line(7, null, 'a', '  huyện  Đăk glong '), line(8, null, 'b', 'Xã A')];
    expect([...matchLines(plan, file)]).toEqual([[7, 1]]);
  });

  it('never gives one plan line to two file lines', () => {
    const plan = [line(1, null, '1', 'Dự án 1')];
    const file = [line(5, null, '1', 'Khác'), line(6, null, '2', 'Dự án 1')];
    expect([...matchLines(plan, file)]).toEqual([[5, 1]]);
  });

  it('survives lines whose parents point at each other (a damaged input)', () => {
    const plan = [line(1, null, '1', 'Dự án 1')];
    const file = [line(5, 6, '1', 'Dự án 1'), line(6, 5, '2', 'Khác')];
    expect(() => matchLines(plan, file)).not.toThrow();
    expect(matchLines(plan, file).get(5)).toBe(1);
  });
});
