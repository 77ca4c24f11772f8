import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_KEYS, columnKeyFor } from './columns';

describe('columnKeyFor', () => {
  it('makes an ASCII slug of a Vietnamese label (diacritics off, đ → d, lowercase, _ between words)', () => {
    expect(columnKeyFor('Vốn tín dụng chính sách', [])).toBe('von_tin_dung_chinh_sach');
    expect(columnKeyFor('NSĐP cấp tỉnh / cấp xã', [])).toBe('nsdp_cap_tinh_cap_xa');
    expect(columnKeyFor('  Đầu tư — (ĐTPT)  ', [])).toBe('dau_tu_dtpt');
  });

  it('is unique in the cycle with _2, _3…', () => {
    expect(columnKeyFor('Vốn lồng ghép', ['von_long_ghep'])).toBe('von_long_ghep_2');
    expect(columnKeyFor('Vốn lồng ghép', ['von_long_ghep', 'von_long_ghep_2'])).toBe('von_long_ghep_3');
  });

  it('never takes a standard key in use, a line field or "ignore", and never returns an empty key', () => {
    expect(columnKeyFor('Total', DEFAULT_COLUMN_KEYS)).toBe('total_2');
    expect(columnKeyFor('Ghi chú', [])).toBe('ghi_chu');
    expect(columnKeyFor('Note', [])).toBe('note_2');
    expect(columnKeyFor('—', [])).toBe('cot');
    expect(columnKeyFor('x'.repeat(300), []).length).toBeLessThanOrEqual(64);
  });
});
