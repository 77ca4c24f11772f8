// The names `split` gives the units' files: ASCII (diacritics removed, đ → d), words joined by "-",
// never empty, never a name Windows keeps for a device, unique where two names fold alike.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/model';
import { unitFileNames, unitFileStem } from './split';

const unit = (id: number, name: string): Unit => ({ id, parentId: null, position: id, name, kind: 'other', code: '' });

describe('unit file names', () => {
  it('writes the unit in ASCII, words joined by "-"', () => {
    expect(unitFileStem('UBND huyện Krông Nô')).toBe('UBND-huyen-Krong-No');
    expect(unitFileStem('UBND huyện Đắk Glong')).toBe('UBND-huyen-Dak-Glong');
    expect(unitFileStem('Sở Lao động - Thương binh và Xã hội')).toBe('So-Lao-dong-Thuong-binh-va-Xa-hoi');
    expect(unitFileStem('  Xã Quảng Sơn / (cũ)  ')).toBe('Xa-Quang-Son-cu');
    expect(unitFileStem('Phường Nghĩa Đức')).toBe('Phuong-Nghia-Duc');
  });

  it('never empty, never a device name, never too long', () => {
    expect(unitFileStem('…')).toBe('don-vi');
    expect(unitFileStem('CON')).toBe('don-vi-CON');
    expect(unitFileStem('Ủy ban '.repeat(40)).length).toBeLessThanOrEqual(80);
    expect(unitFileStem('Ủy ban '.repeat(40))).not.toMatch(/-$/);
  });

  it('two units whose names fold alike get two files', () => {
    const names = unitFileNames([unit(1, 'Xã Đắk Ha'), unit(2, 'Xã Đăk Ha'), unit(3, 'xã đak ha'), unit(4, 'Xã Quảng Sơn')], 'xlsx');
    expect([...names.values()]).toEqual(['Xa-Dak-Ha.xlsx', 'Xa-Dak-Ha-2.xlsx', 'xa-dak-ha-3.xlsx', 'Xa-Quang-Son.xlsx']);
  });
});
