// Expand/collapse of the line tree (AG Grid Community has no tree data): a row is visible when
// none of its ancestors is collapsed. Checked per row by the grid's external filter.
import type { RowView } from '../../../shared/ipc';

export class TreeVisibility {
  readonly collapsed = new Set<number>();

  constructor(private readonly rowById: (id: number) => RowView | undefined) {}

  isVisible(row: RowView): boolean {
    if (this.collapsed.size === 0) return true;
    let p = row.parentId;
    while (p !== null) {
      if (this.collapsed.has(p)) return false;
      p = this.rowById(p)?.parentId ?? null;
    }
    return true;
  }

  toggle(id: number): void {
    if (this.collapsed.has(id)) this.collapsed.delete(id);
    else this.collapsed.add(id);
  }

  /** Make a row visible by expanding its ancestors (e.g. when a finding points at it). */
  reveal(id: number): boolean {
    let changed = false;
    let p = this.rowById(id)?.parentId ?? null;
    while (p !== null) {
      if (this.collapsed.delete(p)) changed = true;
      p = this.rowById(p)?.parentId ?? null;
    }
    return changed;
  }

  collapseAll(rows: Iterable<RowView>): void {
    for (const r of rows) if (r.hasChildren) this.collapsed.add(r.id);
  }

  expandAll(): void {
    this.collapsed.clear();
  }
}
