// How much of the findings a step that changes the funding-column tree can move, so the session
// does not run all the rules again when it need not (a full run is most of the cost of a column
// change on a big plan). A whole column subtree added under a group, or removed from a group that
// keeps other sub-columns (a leaf or a group such as NSĐP, with its figures; siblings renumbered
// around it), changes no other column's kind, capital type, label or place among the rest: only
// the lines whose figures the step wrote or removed (and their ancestors, and the lines whose
// units' shares went) move — and, when a central or local source total comes or goes, the lines
// the counterpart rule reads (FindingsIndex.columnsChanged widens to them). Nothing moves at all
// for empty columns ("add a column" and its undo). Anything else (renames, roles, nesting, a leaf
// gaining sub-columns or a group losing its last one, other records) runs the rules again.
import type { ColumnTree } from '../../shared/columns';
import type { FundingColumn } from '../../shared/model';
import type { DocAction } from './actions';

const sameBut = (a: FundingColumn, b: FundingColumn) =>
  a.key === b.key && a.parent === b.parent && a.label.vi === b.label.vi && a.label.en === b.label.en &&
  a.source === b.source && a.capital === b.capital && JSON.stringify(a.totalLabel ?? null) === JSON.stringify(b.totalLabel ?? null);

/** The sub-columns of `parent` present both before and after keep their relative order. */
function sameOrder(before: ColumnTree, after: ColumnTree, parent: string | null): boolean {
  const was = (before.children.get(parent) ?? []).filter((c) => after.has(c.key));
  const now = (after.children.get(parent) ?? []).filter((c) => before.has(c.key));
  return was.length === now.length && was.every((c, i) => c.key === now[i].key);
}

/** Actions of other areas removed with a column that no plan rule reads (execution figures, merged detail). */
const NEUTRAL = new Set<DocAction['t']>(['disbursement', 'carryover', 'unit_detail']);

/**
 * What a column step does to the findings: 'keep' — no line's findings move (empty columns added
 * or removed); 'lines' — only those of the lines whose figures or shares the step wrote or removed
 * (and their ancestors) move, so the index re-checks just them; 'all' — run every rule again.
 * Either of the first two still lets the index see a changed set of source totals (counterpart).
 */
export function columnStepFindings(actions: readonly DocAction[], before: ColumnTree, after: ColumnTree): 'keep' | 'lines' | 'all' {
  let figures = false;
  for (const a of actions) {
    if (a.t === 'amount' || a.t === 'share') {
      // A figure (removed with its column, or a stated total following) or a unit's share: its line moves.
      figures = true;
      continue;
    }
    if (NEUTRAL.has(a.t)) continue;
    if (a.t !== 'column') return 'all';
    if (a.old && a.new) {
      // Only its place among the same siblings moved, and the columns that stay keep their order
      // (renumbered around a column added or removed; a reorder moves findings within a line).
      if (!sameBut(a.old, a.new) || !sameOrder(before, after, a.new.parent)) return 'all';
    } else if (a.new) {
      // Added under a group that was one already, or under a column added in this step.
      const parent = a.new.parent;
      if (parent === null || !after.has(parent) || (before.has(parent) && before.isLeaf(parent))) return 'all';
    } else if (a.old) {
      // Removed from a group that keeps other sub-columns, or with its parent in this step.
      const parent = a.old.parent;
      if (parent === null || (after.has(parent) && after.isLeaf(parent))) return 'all';
    }
  }
  return figures ? 'lines' : 'keep';
}
