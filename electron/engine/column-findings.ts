// How much of the findings a step that changes the funding-column tree can move, so the session
// does not run all the rules again when it need not (a full run is most of the cost of a column
// change on a big plan). Nothing moves when no sum, no role the rules read and no label a message
// names changes: empty leaf columns added under a group that already has sub-columns, or removed
// from one that keeps others, with siblings renumbered around them ("add a column" and its undo).
// Figures in the step (a leaf column deleted with them, the stated totals that follow) move only
// their lines and those lines' ancestors. Anything else
// (renames, roles, nesting, a leaf gaining sub-columns, other areas' records) runs the rules again.
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

/**
 * What a column step does to the findings: 'keep' — none moves (empty leaf columns added or
 * removed); 'lines' — only those of the lines whose figures the step wrote or removed (and their
 * ancestors) move, so the index re-checks just them; 'all' — run every rule again.
 */
export function columnStepFindings(actions: readonly DocAction[], before: ColumnTree, after: ColumnTree): 'keep' | 'lines' | 'all' {
  let figures = false;
  for (const a of actions) {
    if (a.t === 'amount') {
      // A figure (removed with its column, or a stated total following): its line and ancestors move.
      figures = true;
      continue;
    }
    if (a.t !== 'column') return 'all';
    if (a.old && a.new) {
      if (!sameBut(a.old, a.new)) return 'all'; // only its place among the same siblings moved
    } else if (a.new) {
      const parent = a.new.parent;
      if (parent === null || !after.isLeaf(a.new.key) || before.isLeaf(parent) || !before.has(parent)) return 'all';
      if (isSourceRoot(after, a.new)) return 'all';
    } else if (a.old) {
      const parent = a.old.parent;
      if (parent === null || !before.isLeaf(a.old.key) || !after.has(parent) || after.isLeaf(parent)) return 'all';
      if (isSourceRoot(before, a.old)) return 'all';
    }
  }
  return figures ? 'lines' : 'keep';
}
