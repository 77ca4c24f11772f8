// The pure parts of the importer: header vocabulary, numbering styles and the line tree, exact
// figures and numbers stored as text.
import { describe, expect, it } from 'vitest';
import { decidePolicy, decimalToDong, readTextNumber, shapeOf } from './amounts';
import { classifyHeader, keyForPath } from './headers';
import { unitFromText, isColumnNumberRow } from './table';
import { buildTree, codeStyle } from './tree';

describe('headers', () => {
  it.each([
    [['Tổng cộng'], 'total'], [['Tổng số'], 'total'], [['Cộng'], 'total'], [['Tổng kinh phí'], 'total'],
    [['Ngân sách Trung ương'], 'central'], [['NSTW'], 'central'], [['NS Trung ương', 'Tổng số'], 'central'],
    [['NSTW', 'ĐTPT'], 'central_investment'], [['Ngân sách trung ương', 'Vốn đầu tư phát triển'], 'central_investment'],
    [['NSTW', 'Vốn sự nghiệp'], 'central_recurrent'], [['NSTW', 'Kinh phí thường xuyên'], 'central_recurrent'],
    [['Ngân sách địa phương'], 'local'], [['NSĐP'], 'local'], [['Vốn đối ứng'], 'local'], [['NSĐP', 'Đầu tư'], 'local_investment'],
    [['NSĐP', 'SN'], 'local_recurrent'], [['Vốn khác'], 'other'], [['Vốn huy động'], 'other'], [['Vốn lồng ghép'], 'other'],
    [['STT'], 'code'], [['TT'], 'code'], [['Nội dung'], 'name'], [['Tên dự án'], 'name'], [['Cơ quan chủ trì'], 'agency'],
    [['Đơn vị thực hiện'], 'agency'], [['Ghi chú'], 'note'], [['ngan sach trung uong'], 'central'], [['NGÂN SÁCH ĐỊA PHƯƠNG (NSĐP)'], 'local'],
    [['Kế hoạch vốn 2024', 'Tổng cộng'], 'total'], [['Tổng cộng', 'Trong đó', 'NSTW'], 'central'],
  ])('%j → %s', (path, key) => expect(keyForPath(path)).toBe(key));

  it('leaves unknown or uncertain headers unmapped', () => {
    expect(keyForPath(['Thực hiện 6 tháng'])).toBeNull();
    expect(keyForPath(['Tỷ lệ %'])).toBeNull();
    expect(keyForPath(['Kế hoạch năm 2024', 'Vốn ĐTPT'])).toBeNull(); // which budget?
    expect(classifyHeader('Chủ đầu tư').field).toBe('agency');
  });
});

describe('numbering and the line tree', () => {
  it('recognises the styles', () => {
    expect(['I', 'IV', '1', '1.2', '1.2.3', 'a', 'a)', '-', '+', '*', 'A', ''].map((c) => codeStyle(c, null))).toEqual(['roman', 'roman', 'num', 'dot1', 'dot2', 'lower', 'lower', 'dash', 'plus', 'star1', 'upper', null]);
    expect(codeStyle('C', 'B')).toBe('upper'); // C after B is a letter, not Roman 100
    expect(codeStyle('I', 'H')).toBe('upper');
  });

  const tree = (codes: string[]) => buildTree(codes.map((code) => ({ code, bold: false, indent: 0 }))).parent;
  it('builds parents from the codes', () => {
    expect(tree(["I", "1", "1.1", "1.2", "2", "a", "b", "-", "+", "-", "II", "1"])).toEqual([-1, 0, 1, 1, 0, 4, 4, 6, 7, 6, -1, 10]);
    expect(tree(['A', 'I', '1', 'II', 'B', 'I'])).toEqual([-1, 0, 1, 0, -1, 4]);
    expect(tree(['1', '1.1', '1.1.1', '1.2', '2', '2.1'])).toEqual([-1, 0, 1, 0, -1, 4]);
  });

  it('falls back on indentation, then bold, for lines without codes', () => {
    const t1 = buildTree([
      { code: '', bold: true, indent: 0 }, { code: '', bold: false, indent: 1 }, { code: '', bold: false, indent: 2 }, { code: '', bold: false, indent: 1 }, { code: '', bold: true, indent: 0 },
    ]).parent;
    expect(t1).toEqual([-1, 0, 1, 0, -1]);
    const t2 = buildTree([{ code: '', bold: true, indent: 0 }, { code: '', bold: false, indent: 0 }, { code: '', bold: false, indent: 0 }, { code: '', bold: true, indent: 0 }]).parent;
    expect(t2).toEqual([-1, 0, 0, -1]);
  });
});

describe('figures', () => {
  it('writes đồng as exact decimals of the unit, even near 2^53', async () => {
    const { dongToDecimal } = await import('./annex');
    expect(dongToDecimal(99_654_123_456, 'trieu')).toBe('99654.123456');
    expect(dongToDecimal(-1_500, 'nghin')).toBe('-1.5');
    expect(dongToDecimal(8_999_999_999_999_999, 'ty')).toBe('8999999.999999999');
    expect(dongToDecimal(9_007_199_254_740_991, 'trieu')).toBe('9007199254.740991');
    for (const v of [1, 999_999, 1_000_000, 123_456_789_012_345]) expect(decimalToDong(dongToDecimal(v, 'trieu'), 'trieu', Number.MAX_SAFE_INTEGER)).toBe(v);
  });

  it('converts decimal text to đồng exactly, in every unit', () => {
    expect(decimalToDong('99654', 'trieu')).toBe(99_654_000_000);
    expect(decimalToDong('99654.123456', 'trieu')).toBe(99_654_123_456);
    expect(decimalToDong('0.1', 'trieu')).toBe(100_000);
    expect(decimalToDong('1.5E-3', 'trieu')).toBe(1500);
    expect(decimalToDong('1.2345678E3', 'nghin')).toBe(1_234_568); // rounded half away from zero
    expect(decimalToDong('-2.5', 'dong')).toBe(-3);
    expect(decimalToDong('0.30000000000000004', 'dong')).toBe(0);
    expect(decimalToDong('122854.00000000001', 'trieu')).toBe(122_854_000_000);
    expect(decimalToDong('1e300', 'ty')).toBeNull();
    expect(decimalToDong('abc', 'ty')).toBeNull();
  });

  it('reads numbers stored as text by the table convention, reporting the ambiguous ones', () => {
    expect(['39.285', '1.234.567', '12,5', '1,234.5', '1,234,567', '12.5', '500', 'n/a'].map(shapeOf)).toEqual(['ambiguous', 'vi', 'vi', 'en', 'en', 'en', 'plain', 'none']);
    const vi = decidePolicy(['39.285', '1.234,5']);
    expect(vi).toEqual({ locale: 'vi-VN', basis: 'votes' });
    expect(readTextNumber('39.285', 'trieu', vi)).toEqual({ ok: true, value: 39_285_000_000, ambiguous: true, rounded: false });
    const en = decidePolicy(['39.285', '1,234.5', '7.5']);
    expect(readTextNumber('39.285', 'trieu', en)).toEqual({ ok: true, value: 39_285_000, ambiguous: true, rounded: false });
    const none = decidePolicy(['39.285', '12']);
    expect(none.basis).toBe('integers');
    expect(readTextNumber('39,285', 'trieu', none)).toMatchObject({ value: 39_285_000_000 });
    expect(readTextNumber('(1.500)', 'trieu', vi)).toMatchObject({ value: -1_500_000_000 });
    expect(readTextNumber('x', 'trieu', vi)).toEqual({ ok: false, tooLarge: false });
  });

  it('says which figures are not whole đồng (rounded, perhaps to 0) or out of range', () => {
    const why = (text: string, unit: Parameters<typeof decimalToDong>[1], max?: number) => {
      const heard: string[] = [];
      const value = decimalToDong(text, unit, max, (w) => heard.push(w));
      return { value, heard: heard.join() };
    };
    // Exact, or differing only past Excel's 15 significant digits (binary noise): nothing to say.
    for (const [t, u] of [['99654', 'trieu'], ['99654.123456', 'trieu'], ['1.5E-3', 'trieu'], ['122854.00000000001', 'trieu'], ['0.99999999999999999', 'dong'], ['0', 'dong'], ['0.000', 'ty'], ['-0.0', 'dong'], ['1E+3', 'dong']] as const) {
      expect(why(t, u).heard, t).toBe('');
    }
    expect(why('1e-300', 'trieu')).toEqual({ value: 0, heard: 'rounded' }); // was 0 without a word
    expect(why('1e-500', 'dong')).toEqual({ value: 0, heard: 'rounded' });
    expect(why('0.30000000000000004', 'dong')).toEqual({ value: 0, heard: 'rounded' });
    expect(why('-2.5', 'dong')).toEqual({ value: -3, heard: 'rounded' });
    expect(why('1.2345678E3', 'nghin')).toEqual({ value: 1_234_568, heard: 'rounded' });
    expect(why('99654.1234567', 'trieu')).toEqual({ value: 99_654_123_457, heard: 'rounded' });
    expect(why('1e300', 'ty')).toEqual({ value: null, heard: 'too_large' });
    expect(why('1000000001', 'trieu')).toEqual({ value: null, heard: 'too_large' }); // over 10^15 đồng
    expect(why('1e20', 'dong', Number.MAX_SAFE_INTEGER)).toEqual({ value: null, heard: 'too_large' });
    expect(why('abc', 'ty')).toEqual({ value: null, heard: '' });
    // Numbers stored as text: a dropped non-zero decimal is said, zeros are not.
    const vi = decidePolicy(['1.234,5']);
    expect(readTextNumber('1,2345678', 'trieu', vi)).toMatchObject({ ok: true, value: 1_234_568, rounded: true });
    expect(readTextNumber('1,2345600', 'trieu', vi)).toMatchObject({ ok: true, value: 1_234_560, rounded: false });
    expect(readTextNumber('12,5', 'dong', vi)).toMatchObject({ ok: true, value: 13, rounded: true });
    expect(readTextNumber('9.999.999.999.999', 'trieu', vi)).toEqual({ ok: false, tooLarge: true });
  });

  it('reads the unit line and the column-number row', () => {
    expect(unitFromText('Đơn vị tính: triệu đồng')).toBe('trieu');
    expect(unitFromText('ĐVT: Tr.đồng')).toBe('trieu');
    expect(unitFromText('Đơn vị: 1.000 đồng')).toBe('nghin');
    expect(unitFromText('Đơn vị tính: tỷ đồng')).toBe('ty');
    expect(unitFromText('Đơn vị tính: đồng')).toBe('dong');
    expect(unitFromText('Kế hoạch năm 2024')).toBeNull();
    const row = (texts: (string | number)[]) => ({ index: 0, hidden: false, cells: texts.map((v) => ({ kind: typeof v === 'number' ? ('n' as const) : ('s' as const), text: String(v), formula: false, noValue: false, style: 0 })) });
    expect(isColumnNumberRow(row(['(1)', '(2)', '(3)=(4)+(7)', '(4)']))).toBe(true);
    expect(isColumnNumberRow(row(['A', 'B', 1, 2, 3]))).toBe(true);
    expect(isColumnNumberRow(row(['1', 'Dự án 1', 500, 300]))).toBe(false);
  });
});
