// The grid's own cell selection (AG Grid Community has none): one rectangle between an anchor —
// the active cell, where typing goes — and a head that Shift+click, Shift+arrows and dragging move.
// Positions are display coordinates: row = index among the rows shown, col = index among the
// selectable columns shown. Pure: the grid paints it and acts on it.

export interface CellPos {
  row: number;
  col: number;
}

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export const rectOf = (a: CellPos, b: CellPos): Rect => ({
  top: Math.min(a.row, b.row),
  bottom: Math.max(a.row, b.row),
  left: Math.min(a.col, b.col),
  right: Math.max(a.col, b.col),
});

export const inRect = (r: Rect | null, row: number, col: number): boolean =>
  !!r && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

export const rectSize = (r: Rect): { rows: number; cols: number } => ({ rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });

export class GridSelection {
  private anchorPos: CellPos | null = null;
  private headPos: CellPos | null = null;
  private listeners = new Set<() => void>();

  get anchor(): CellPos | null {
    return this.anchorPos;
  }

  get head(): CellPos | null {
    return this.headPos;
  }

  rect(): Rect | null {
    return this.anchorPos && this.headPos ? rectOf(this.anchorPos, this.headPos) : null;
  }

  isMulti(): boolean {
    const r = this.rect();
    return !!r && (r.top !== r.bottom || r.left !== r.right);
  }

  contains(row: number, col: number): boolean {
    return inRect(this.rect(), row, col);
  }

  /** Select one cell (it becomes the anchor), or the rectangle from `anchor` to `head`. */
  set(anchor: CellPos | null, head: CellPos | null = anchor): void {
    if (same(anchor, this.anchorPos) && same(head, this.headPos)) return;
    this.anchorPos = anchor && { ...anchor };
    this.headPos = head && { ...head };
    this.emit();
  }

  /** Move the head (the anchor stays): Shift+click, Shift+arrow, drag. */
  extendTo(head: CellPos): void {
    if (!this.anchorPos) return this.set(head);
    this.set(this.anchorPos, head);
  }

  /** Keep the selection inside a table of `rows` × `cols` (after lines were removed or hidden). */
  clamp(rows: number, cols: number): void {
    if (!this.anchorPos || !this.headPos) return;
    if (rows === 0 || cols === 0) return this.set(null);
    const fit = (p: CellPos): CellPos => ({ row: Math.min(p.row, rows - 1), col: Math.min(p.col, cols - 1) });
    this.set(fit(this.anchorPos), fit(this.headPos));
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

function same(a: CellPos | null, b: CellPos | null): boolean {
  return a === b || (!!a && !!b && a.row === b.row && a.col === b.col);
}

/** One step from `p` in `dir`, kept inside the table. */
export function step(p: CellPos, dir: Direction, rows: number, cols: number): CellPos {
  const d = DELTA[dir];
  return { row: clampTo(p.row + d.row, rows), col: clampTo(p.col + d.col, cols) };
}

const DELTA: Record<Direction, CellPos> = { up: { row: -1, col: 0 }, down: { row: 1, col: 0 }, left: { row: 0, col: -1 }, right: { row: 0, col: 1 } };
const clampTo = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));

/**
 * Ctrl+arrow, as in Excel: from a filled cell whose neighbour is filled, go to the last filled cell
 * before a blank; otherwise go to the next filled cell; with none, to the edge of the table.
 */
export function jumpToEdge(p: CellPos, dir: Direction, rows: number, cols: number, isBlank: (row: number, col: number) => boolean): CellPos {
  const d = DELTA[dir];
  const inside = (q: CellPos) => q.row >= 0 && q.row < rows && q.col >= 0 && q.col < cols;
  let next = { row: p.row + d.row, col: p.col + d.col };
  if (!inside(next)) return p;
  if (!isBlank(p.row, p.col) && !isBlank(next.row, next.col)) {
    // Run to the end of the filled block.
    for (;;) {
      const after = { row: next.row + d.row, col: next.col + d.col };
      if (!inside(after) || isBlank(after.row, after.col)) return next;
      next = after;
    }
  }
  // Skip blanks to the next filled cell, or stop at the edge.
  while (isBlank(next.row, next.col)) {
    const after = { row: next.row + d.row, col: next.col + d.col };
    if (!inside(after)) return next;
    next = after;
  }
  return next;
}

export interface SelectionStats {
  cells: number;
  /** Cells holding a number. */
  count: number;
  sum: number;
}

/** Count, sum of the numbers in a rectangle (`read` gives a cell's number, or null for text/blank). */
export function statsOf(r: Rect, read: (row: number, col: number) => number | null): SelectionStats {
  let count = 0;
  let sum = 0;
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const v = read(row, col);
      if (v !== null) {
        count++;
        sum += v;
      }
    }
  }
  return { cells: (r.bottom - r.top + 1) * (r.right - r.left + 1), count, sum };
}
