import { describe, expect, it } from 'vitest';
import { menuForKey, mnemonic, nextItem } from './menu-keys';

describe('menu keys', () => {
  it('take a menu’s first letter, without diacritics, as its Alt key', () => {
    expect(['Tệp', 'Sửa', 'Xem', 'Công cụ'].map(mnemonic)).toEqual(['t', 's', 'x', 'c']);
    expect(mnemonic('Đọc')).toBe('d');
    expect(menuForKey(['File', 'Edit', 'View', 'Tools'], 'V')).toBe(2);
    expect(menuForKey(['File', 'Edit'], 'q')).toBe(-1);
    expect(menuForKey(['File', 'Edit'], 'Enter')).toBe(-1);
  });
  it('move among the items that can run, wrapping around', () => {
    const enabled = [true, false, true, true];
    expect(nextItem(enabled, -1, 'ArrowDown')).toBe(0);
    expect(nextItem(enabled, 0, 'ArrowDown')).toBe(2);
    expect(nextItem(enabled, 3, 'ArrowDown')).toBe(0);
    expect(nextItem(enabled, 2, 'ArrowUp')).toBe(0);
    expect(nextItem(enabled, 0, 'ArrowUp')).toBe(3);
    expect(nextItem(enabled, 2, 'Home')).toBe(0);
    expect(nextItem(enabled, 0, 'End')).toBe(3);
    expect(nextItem([false, false], -1, 'ArrowDown')).toBeNull();
    expect(nextItem(enabled, 0, 'a')).toBeNull();
  });
});
