// The cell Find (Ctrl+F) is showing, marked on the grid (class pd-find-hit) for as long as the find
// box is open: the box keeps the keyboard, so the grid's own focus ring is not enough to see it.
// One cell at a time; changing it repaints only the two rows concerned.
import type { CellClassParams, GridApi, IRowNode } from 'ag-grid-community';
import type { RowView } from '../../../shared/ipc';

export interface FoundCell {
  lineId: number;
  column: string;
}

export class FindMark {
  private cell: FoundCell | null = null;

  constructor(private readonly api: () => GridApi<RowView> | null) {}

  /** Class rules for one column's definition. */
  rules(colId: string): Record<string, (p: CellClassParams<RowView>) => boolean> {
    return {
      'pd-find-hit': (p) => !!this.cell && this.cell.column === colId && !p.node.rowPinned && p.data?.id === this.cell.lineId,
    };
  }

  set(cell: FoundCell | null): void {
    const before = this.cell;
    if (before?.lineId === cell?.lineId && before?.column === cell?.column) return;
    this.cell = cell;
    const api = this.api();
    if (!api) return;
    const nodes = [before?.lineId, cell?.lineId]
      .filter((id): id is number => id !== undefined)
      .map((id) => api.getRowNode(String(id)))
      .filter((n): n is IRowNode<RowView> => !!n);
    if (nodes.length) api.refreshCells({ rowNodes: nodes, force: true });
  }
}
