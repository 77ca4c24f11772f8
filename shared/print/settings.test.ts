import { contentBox, DEFAULT_PRINT_SETTINGS, readPrintSettings, sheetSize } from './settings';

describe('print settings', () => {
  it('defaults to A4 landscape with the Nghị định 30/2020 margins', () => {
    const s = readPrintSettings(undefined);
    expect(s).toEqual(DEFAULT_PRINT_SETTINGS);
    expect(s.margins).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
    expect(sheetSize(s)).toEqual({ width: 297, height: 210 });
    expect(contentBox(s)).toEqual({ width: 252, height: 170 });
  });

  it('keeps every valid stored field and replaces only the malformed ones', () => {
    const s = readPrintSettings({
      paper: 'A3',
      orientation: 'sideways',
      fontSize: 99,
      maxDepth: 0,
      margins: { top: 25, left: 'x' },
      hiddenColumns: ['agency', 'other'],
      unknownField: true,
    });
    expect(s.paper).toBe('A3');
    expect(s.orientation).toBe('landscape');
    expect(s.fontSize).toBe(DEFAULT_PRINT_SETTINGS.fontSize);
    expect(s.maxDepth).toBe(0);
    expect(s.margins).toEqual({ top: 25, bottom: 20, left: 30, right: 15 });
    expect(s.hiddenColumns).toEqual(['agency', 'other']);
    expect(s).not.toHaveProperty('unknownField');
    expect(sheetSize({ paper: 'A3', orientation: 'portrait' })).toEqual({ width: 297, height: 420 });
  });

  it('never returns the shared defaults object (callers may edit what they get)', () => {
    const a = readPrintSettings(null);
    a.margins.top = 1;
    a.hiddenColumns.push('x');
    expect(readPrintSettings(null).margins.top).toBe(20);
    expect(readPrintSettings(null).hiddenColumns).toEqual(['note']);
  });
});
