// Paints the selection on the grid's cells: a tint on every selected cell and a border around the
// rectangle. New cells get their classes from cellClassRules (AG Grid creates cells as it
// scrolls); a change of selection re-classes the cells on screen directly, which costs a few
// hundred class toggles instead of a redraw of the rows.
import type { CellClassParams, CellClassRules } from 'ag-grid-community';
import type { RowView } from '../../../shared/ipc';
import { inRect, type GridSelection, type Rect } from './selection';

const CLASSES = ['pd-sel', 'pd-sel-top', 'pd-sel-bottom', 'pd-sel-left', 'pd-sel-right'] as const;
type SelClass = (typeof CLASSES)[number];

function classFor(cls: SelClass, r: Rect | null, multi: boolean, row: number, col: number): boolean {
  // One selected cell shows only AG Grid's focus outline, as in Excel.
  if (!multi || !inRect(r, row, col)) return false;
  switch (cls) {
    case 'pd-sel':
      return true;
    case 'pd-sel-top':
      return row === r!.top;
    case 'pd-sel-bottom':
      return row === r!.bottom;
    case 'pd-sel-left':
      return col === r!.left;
    case 'pd-sel-right':
      return col === r!.right;
  }
}

export class SelectionPainter {
  constructor(
    private readonly selection: GridSelection,
    /** Index of a column among the selectable ones shown (undefined: not selectable). */
    private readonly colIndex: (colId: string) => number | undefined,
  ) {}

  /** Class rules for one column's definition. */
  rules(colId: string): CellClassRules<RowView> {
    const rule = (cls: SelClass) => (p: CellClassParams<RowView>) => {
      if (p.node.rowPinned || p.node.rowIndex === null) return false;
      const col = this.colIndex(colId);
      return col !== undefined && classFor(cls, this.selection.rect(), this.selection.isMulti(), p.node.rowIndex, col);
    };
    return Object.fromEntries(CLASSES.map((c) => [c, rule(c)]));
  }

  /** Re-class the body cells on screen. */
  paint(root: HTMLElement | null): void {
    if (!root) return;
    const r = this.selection.rect();
    const multi = this.selection.isMulti();
    for (const rowEl of root.querySelectorAll<HTMLElement>('.ag-grid-scrolling-rows .ag-row[row-index]')) {
      const row = Number(rowEl.getAttribute('row-index'));
      for (const cell of rowEl.querySelectorAll<HTMLElement>('.ag-cell[col-id]')) {
        const col = this.colIndex(cell.getAttribute('col-id')!);
        for (const cls of CLASSES) cell.classList.toggle(cls, col !== undefined && classFor(cls, r, multi, row, col));
      }
    }
  }
}
