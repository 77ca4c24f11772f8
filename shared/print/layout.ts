// Column widths on the page: amounts and codes get what their widest figure needs, the description
// column takes the rest. "Fit to page width" shrinks the font (never grows it) until every column
// fits inside the margins; without it the chosen size stands and the result says it overflows.
import type { AnnexColumn } from './annex';

/** One typographic point in millimetres. */
export const PT_MM = 25.4 / 72;
/** The smallest font "fit to page width" will go down to. */
export const MIN_FIT_PT = 5;

export interface ColumnLayout {
  /** Body font size actually used, in points. */
  fontPt: number;
  /** Width of each column, in millimetres, in column order. */
  widthsMm: number[];
  /** True when the table is wider than the printable width (only without fit). */
  overflow: boolean;
}

export function layoutColumns(columns: readonly AnnexColumn[], contentWidthMm: number, fontPt: number, fitWidth: boolean): ColumnLayout {
  const needEm = columns.reduce((s, c) => s + c.minEm, 0);
  let pt = fontPt;
  if (fitWidth && needEm * pt * PT_MM > contentWidthMm) {
    // Round down to a tenth of a point so the result is stable and still fits.
    pt = Math.max(MIN_FIT_PT, Math.floor((contentWidthMm / (needEm * PT_MM)) * 10) / 10);
  }
  const em = pt * PT_MM;
  const fixedMm = columns.filter((c) => !c.flex).reduce((s, c) => s + c.minEm * em, 0);
  const flexEm = columns.filter((c) => c.flex).reduce((s, c) => s + c.minEm, 0);
  const spare = contentWidthMm - fixedMm;
  const widthsMm = columns.map((c) => {
    if (!c.flex) return c.minEm * em;
    return Math.max(c.minEm * em, flexEm > 0 ? (spare * c.minEm) / flexEm : 0);
  });
  const total = widthsMm.reduce((a, b) => a + b, 0);
  return { fontPt: pt, widthsMm, overflow: total > contentWidthMm + 0.01 };
}
