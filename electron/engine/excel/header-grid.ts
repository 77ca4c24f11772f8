// The header block of a table read as a grid of texts: each header row's cell texts, with a merged
// cell's text spread over the cells it covers, and each column's header path from the top row down
// ("Kế hoạch vốn" › "NSTW" › "ĐTPT"). The plan import, the allocation annex and the disbursement report
// read their headers this way; what a path means is each reader's own business.
import { LIMITS } from './limits';
import type { Cell, Range, Row } from './sheet';
import { clean } from './text';

/** A cell's text, trimmed (readers already give NFC text); '' for empty and error cells. */
export const cellText = (c: Cell | undefined): string => {
  if (!c || c.kind === 'e') return '';
  const s = c.text;
  if (s.length === 0) return s;
  return s.indexOf('\u00a0') >= 0 || s.indexOf('\u202f') >= 0 ? clean(s) : s.trim();
};

export interface HeaderGrid {
  /** Per header row: column index → text (merged cells spread). */
  grid: Map<number, Map<number, string>>;
  /** The columns holding a header text, in order. */
  cols: number[];
}

/** The header rows `block` (sorted row indexes) as a grid; `rowAt` gives a row by its index. */
export function headerGrid(block: readonly number[], rowAt: (index: number) => Row | undefined, merges: readonly Range[]): HeaderGrid {
  const grid = new Map<number, Map<number, string>>();
  for (const r of block) {
    const m = new Map<number, string>();
    rowAt(r)?.cells.forEach((c, col) => {
      const t = cellText(c);
      if (t) m.set(col, t);
    });
    grid.set(r, m);
  }
  const first = block[0];
  const last = block[block.length - 1];
  for (const m of merges) {
    // A merge wider than a sheet may be is a hostile file's, not a header.
    if (m.r2 < first || m.r1 > last || m.c2 - m.c1 > LIMITS.maxCols) continue;
    const text = cellText(rowAt(m.r1)?.cells[m.c1]);
    if (!text) continue;
    for (let r = Math.max(first, m.r1); r <= Math.min(last, m.r2); r++) {
      const g = grid.get(r);
      if (!g) continue;
      for (let c = m.c1; c <= Math.min(m.c2, LIMITS.maxCols - 1); c++) if (!g.has(c)) g.set(c, text);
    }
  }
  const colSet = new Set<number>();
  for (const g of grid.values()) for (const c of g.keys()) colSet.add(c);
  return { grid, cols: [...colSet].sort((a, b) => a - b) };
}

/** A column's header texts from the top row down, a text repeated by a merge counted once. */
export function headerPath({ grid }: HeaderGrid, block: readonly number[], col: number): string[] {
  const path: string[] = [];
  for (const r of block) {
    const t = grid.get(r)?.get(col);
    if (t && path[path.length - 1] !== t) path.push(t);
  }
  return path;
}
