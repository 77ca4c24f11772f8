// What one amount cell shows and means: an entry (leaf line × leaf column), or a total (computed),
// possibly with a stated figure that disagrees. Pure: used by the grid, tooltips and tests.
import type { RowView } from '../../../shared/ipc';

export interface CellMeaning {
  isTotal: boolean;
  /** The number shown (null = blank entry). */
  shown: number | null;
  /** A stated figure that differs from the computed one. */
  mismatch: { stated: number; computed: number } | null;
}

export function cellMeaning(row: RowView, column: string, leafColumns: ReadonlySet<string>): CellMeaning {
  const isTotal = row.hasChildren || !leafColumns.has(column);
  const stored = row.stored[column];
  if (!isTotal) return { isTotal, shown: stored ?? null, mismatch: null };
  const computed = row.values[column] ?? 0;
  const mismatch = stored !== undefined && stored !== computed ? { stated: stored, computed } : null;
  return { isTotal, shown: computed, mismatch };
}
