// Whether a step that changes the funding-column tree can leave every finding as it is, so the
// session keeps them instead of running all the rules again (a full run is most of the cost of a
// column change on a big plan). True only for what moves no sum, no role the rules read and no
// label a message names: empty leaf columns added under a group that already has sub-columns, or
// removed from one that keeps others, and siblings renumbered around them — "add a column" and
// its undo. Anything else (figures, renames, roles, nesting) runs the rules again.
import type { ColumnTree } from '../../shared/columns';
import type { FundingColumn } from '../../shared/model';
import type { DocAction } from './actions';

/** A column whose source makes it a central or local total the counterpart rule reads (and flags on). */
function isSourceRoot(tree: ColumnTree, c: FundingColumn): boolean {
  if (c.source !== 'central' && c.source !== 'local') return false;
  return !tree.ancestors(c.key).some((a) => tree.byKey.get(a)!.source === c.source);
}

const sameBut = (a: FundingColumn, b: FundingColumn) =>
  a.key === b.key && a.parent === b.parent && a.label.vi === b.label.vi && a.label.en === b.label.en &&
  a.source === b.source && a.capital === b.capital && JSON.stringify(a.totalLabel ?? null) === JSON.stringify(b.totalLabel ?? null);

export function columnStepKeepsFindings(actions: readonly DocAction[], before: ColumnTree, after: ColumnTree): boolean {
  for (const a of actions) {
    if (a.t !== 'column') return false;
    if (a.old && a.new) {
      if (!sameBut(a.old, a.new)) return false; // only its place among the same siblings moved
    } else if (a.new) {
      const parent = a.new.parent;
      if (parent === null || !after.isLeaf(a.new.key) || before.isLeaf(parent) || !before.has(parent)) return false;
      if (isSourceRoot(after, a.new)) return false;
    } else if (a.old) {
      const parent = a.old.parent;
      if (parent === null || !before.isLeaf(a.old.key) || !after.has(parent) || after.isLeaf(parent)) return false;
      if (isSourceRoot(before, a.old)) return false;
    }
  }
  return true;
}
