import { describe, expect, it } from 'vitest';
import { loadColumnWidths, saveColumnWidths } from './column-widths';

function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('remembered column widths', () => {
  it('keeps what was set, column by column', () => {
    const s = memoryStorage();
    saveColumnWidths({ name: 420 }, s);
    saveColumnWidths({ agency: 180.4 }, s);
    expect(loadColumnWidths(s)).toEqual({ name: 420, agency: 180 });
  });
  it('drops what it cannot use, and never throws', () => {
    expect(loadColumnWidths(memoryStorage({ 'plandesk.columnWidths.v1': 'not json' }))).toEqual({});
    expect(loadColumnWidths(memoryStorage({ 'plandesk.columnWidths.v1': '[1,2]' }))).toEqual({});
    expect(loadColumnWidths(memoryStorage({ 'plandesk.columnWidths.v1': '{"name":"wide","code":5,"note":99999}' }))).toEqual({ code: 30, note: 2000 });
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => saveColumnWidths({ name: 300 }, full)).not.toThrow();
  });
});
