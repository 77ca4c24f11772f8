import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDocDate, isIsoDate, parseDocDate } from './doc-date';

describe('document dates', () => {
  it('read the Vietnamese order with any usual separator, and ISO', () => {
    expect(parseDocDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDocDate(' 1/3/2024 ')).toBe('2024-03-01');
    expect(parseDocDate('14-8-2023')).toBe('2023-08-14');
    expect(parseDocDate('14.08.2023')).toBe('2023-08-14');
    expect(parseDocDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDocDate('')).toBe('');
  });
  it('refuse what is not a real date', () => {
    for (const bad of ['29/02/2023', '31/04/2024', '00/01/2024', '12/13/2024', '2024/02/29', 'hôm qua', '1/1/24']) expect(parseDocDate(bad)).toBeNull();
    expect(isIsoDate('2023-02-29')).toBe(false);
  });
  it('show a stored date as it is typed back (round trip, property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDocDate(formatDocDate(iso))).toBe(iso);
      }),
    );
  });
});
