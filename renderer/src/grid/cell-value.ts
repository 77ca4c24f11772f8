// What one amount cell shows and means: an entry (leaf line × leaf column), or a total (computed),
// possibly with a stated figure — shown in the tooltip whenever it differs, flagged only when it
// differs by more than the cycle's tolerance (exactly when the sum_mismatch rule reports it).
// Pure: used by the grid, tooltips and tests.
import type { RowView } from '../../../shared/ipc';

export interface CellMeaning {
  isTotal: boolean;
  /** The number shown (null = blank entry). */
  shown: number | null;
  /** A stated figure that differs from the computed one (by any amount). */
  stated: { stated: number; computed: number } | null;
  /** The stated figure differs by more than the tolerance: the cell is flagged. */
  mismatch: boolean;
}

export function cellMeaning(row: RowView, column: string, leafColumns: ReadonlySet<string>, toleranceDong = 0): CellMeaning {
  const isTotal = row.hasChildren || !leafColumns.has(column);
  const stored = row.stored[column];
  if (!isTotal) return { isTotal, shown: stored ?? null, stated: null, mismatch: false };
  const computed = row.values[column] ?? 0;
  const stated = stored !== undefined && stored !== computed ? { stated: stored, computed } : null;
  return { isTotal, shown: computed, stated, mismatch: stated !== null && Math.abs(stored! - computed) > toleranceDong };
}
