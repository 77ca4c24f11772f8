// Unit name keys on the seed's own spellings, the kinds guessed from names, and the "cơ quan chủ
// trì" texts split into unit names (a collective kept whole and flagged).
import { describe, expect, it } from 'vitest';
import { sampleCycle } from '../samples/dak-nong-2024';
import { guessUnitKind, splitAgencies, unitNameKey } from './names';

describe('unitNameKey', () => {
  it('makes the seed\'s two spellings of Đắk Glong one unit', () => {
    expect(unitNameKey('UBND huyện Đăk Glong')).toBe(unitNameKey('UBND huyện Đắk Glong'));
  });

  it('folds case, spacing, punctuation, Ủy/Uỷ and UBND written out', () => {
    const k = unitNameKey('UBND huyện Đắk Glong');
    for (const v of ['ubnd  HUYỆN   đắk glong', 'Ủy ban nhân dân huyện Đắk Glong', 'Uỷ ban nhân dân huyện Đăk Glong.', ' UBND huyện Đắk-Glong ', 'U.B.N.D huyện Đắk Glong'.replace(/\./g, '')]) {
      expect(unitNameKey(v)).toBe(k);
    }
    expect(unitNameKey('TP. Gia Nghĩa')).toBe(unitNameKey('UBND thành phố Gia Nghĩa'));
    expect(unitNameKey('Sở Y tế')).toBe(unitNameKey('SỞ Y TẾ'));
  });

  it('keeps the level apart: a district and a commune of the same name are two units', () => {
    expect(unitNameKey('UBND huyện Krông Nô')).not.toBe(unitNameKey('UBND xã Krông Nô'));
    expect(unitNameKey('Sở Y tế')).not.toBe(unitNameKey('Sở Xây dựng'));
  });
});

describe('guessUnitKind', () => {
  it('reads the level from the name', () => {
    expect(guessUnitKind('UBND huyện Tuy Đức')).toBe('district');
    expect(guessUnitKind('UBND thành phố Gia Nghĩa')).toBe('district');
    expect(guessUnitKind('UBND xã Quảng Sơn')).toBe('commune');
    expect(guessUnitKind('Phường Nghĩa Đức')).toBe('commune');
    expect(guessUnitKind('Sở Lao động - Thương binh và Xã hội')).toBe('department');
    expect(guessUnitKind('UBND tỉnh Đắk Nông')).toBe('province');
    expect(guessUnitKind('Hợp tác xã Hòa Bình')).toBe('other');
  });
});

describe('splitAgencies', () => {
  it('splits the seed\'s agencies on commas and keeps "UBND các huyện, thành phố" whole, as a collective', () => {
    expect(splitAgencies('UBND huyện Tuy Đức, UBND huyện Đắk Glong')).toEqual([
      { name: 'UBND huyện Tuy Đức', collective: false },
      { name: 'UBND huyện Đắk Glong', collective: false },
    ]);
    expect(splitAgencies('UBND các huyện, thành phố')).toEqual([{ name: 'UBND các huyện, thành phố', collective: true }]);
    expect(splitAgencies('Sở Y tế; UBND các huyện, thị xã, thành phố, Sở Xây dựng')).toEqual([
      { name: 'Sở Y tế', collective: false },
      { name: 'UBND các huyện, thị xã, thành phố', collective: true },
      { name: 'Sở Xây dựng', collective: false },
    ]);
    expect(splitAgencies('')).toEqual([]);
  });

  it('finds every agency of the seed as a unit name or a collective', () => {
    const names = new Set(sampleCycle().lines.flatMap((l) => splitAgencies(l.agency).map((p) => p.name)));
    expect([...names].sort()).toEqual([
      'Sở Lao động - Thương binh và Xã hội', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Thông tin và Truyền thông', 'Sở Xây dựng', 'Sở Y tế',
      'UBND các huyện, thành phố', 'UBND huyện Tuy Đức', 'UBND huyện Đắk Glong',
    ].sort());
  });
});
