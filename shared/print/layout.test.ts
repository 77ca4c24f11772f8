import type { AnnexColumn } from './annex';
import { layoutColumns, PT_MM } from './layout';

const cols = (amounts: number): AnnexColumn[] => [
  { key: 'code', kind: 'code', minEm: 3, flex: false },
  { key: 'name', kind: 'name', minEm: 14, flex: true },
  ...Array.from({ length: amounts }, (_, i): AnnexColumn => ({ key: `a${i}`, kind: 'amount', minEm: 5, flex: false })),
];

describe('layoutColumns', () => {
  it('keeps the font and gives the description column the width left over', () => {
    const l = layoutColumns(cols(4), 252, 11, true);
    expect(l.fontPt).toBe(11);
    expect(l.overflow).toBe(false);
    expect(l.widthsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(252, 6);
    expect(l.widthsMm[2]).toBeCloseTo(5 * 11 * PT_MM, 6);
  });

  it('shrinks the font to fit a wide table when asked, and says it overflows when not', () => {
    const fit = layoutColumns(cols(20), 252, 11, true);
    expect(fit.fontPt).toBeLessThan(11);
    expect(fit.overflow).toBe(false);
    expect(fit.widthsMm.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(252 + 1e-6);
    const raw = layoutColumns(cols(20), 252, 11, false);
    expect(raw.fontPt).toBe(11);
    expect(raw.overflow).toBe(true);
  });
});
