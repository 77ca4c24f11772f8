// Finding an allocation annex's table in a sheet: the units column by the words offices use for it,
// never "Đơn vị tính", and never a plan table (which has a content column).
import { describe, expect, it } from 'vitest';
import type { Cell, Row, SheetData } from '../excel/sheet';
import { looksLikeAllocation, readAllocationSheet } from './annex-read';

const s = (text: string): Cell => ({ kind: 's', text, formula: false, noValue: false, style: 0 });
const n = (v: number): Cell => ({ kind: 'n', text: String(v), formula: false, noValue: false, style: 0 });
const sheet = (rows: Cell[][]): SheetData => ({
  name: 'S',
  rows: rows.map((cells, index): Row => ({ index, hidden: false, cells })),
  merges: [],
  hiddenCols: new Set(),
  styles: [],
  droppedCols: 0,
});

describe('the allocation table in a sheet', () => {
  it.each(['Tên đơn vị', 'Đơn vị', 'Địa phương', 'Huyện, thị xã, thành phố', 'Xã, phường, thị trấn', 'Tên xã', 'Sở, ban, ngành'])('takes "%s" as the units column', (header) => {
    const t = readAllocationSheet(sheet([[s('Đơn vị tính: triệu đồng')], [s('TT'), s(header), s('Dự án 2'), s('Dự án 5')], [n(1), s('Xã A'), n(5), n(6)]]));
    expect(t?.nameCol).toBe(1);
    expect(t?.columns.map((c) => c.letter)).toEqual(['C', 'D']);
    expect(t?.unit).toBe('trieu');
    expect(t?.rows.map((r) => [r.kind, r.name])).toEqual([['unit', 'Xã A']]);
  });

  it('a plan table (a content column) is not an allocation annex', () => {
    const plan = sheet([[s('STT'), s('Nội dung'), s('Đơn vị thực hiện'), s('Tổng cộng')], [s('1'), s('Dự án 1'), s('Sở Y tế'), n(5)]]);
    expect(looksLikeAllocation(plan)).toBe(false);
    expect(readAllocationSheet(plan)).toBeNull();
  });
});
