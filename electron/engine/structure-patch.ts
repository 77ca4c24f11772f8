// After a structural change (lines inserted, deleted, moved, indented), which rows the window must
// repaint: the lines the actions named, every ancestor of them (their totals, "has children" and
// allocation state follow), and the whole subtree of a line that changed place (its depth may
// have). Every other line's row is unchanged, so the window gets the new display order and these
// rows instead of re-reading the whole plan (100.000 lines: seconds).
import type { PlanCalc } from '../../shared/calc';
import type { DocAction } from './actions';

/**
 * Lines named by the actions (the line itself, and its old and new parents), and the sibling
 * groups they left or joined (by parent; null: the top level).
 */
function linesNamed(actions: readonly DocAction[]): { named: Set<number>; placed: Set<number>; deleted: Set<number>; groups: Set<number | null> } {
  const named = new Set<number>();
  const placed = new Set<number>();
  const deleted = new Set<number>();
  const groups = new Set<number | null>();
  const add = (id: number | null) => {
    if (id !== null) named.add(id);
  };
  const group = (parent: number | null) => {
    groups.add(parent);
    add(parent);
  };
  for (const a of actions) {
    switch (a.t) {
      case 'insert':
        add(a.line.id);
        group(a.line.parentId);
        placed.add(a.line.id);
        deleted.delete(a.line.id);
        break;
      case 'delete':
        add(a.line.id);
        group(a.line.parentId);
        deleted.add(a.line.id);
        break;
      case 'place':
        add(a.lineId);
        group(a.old.parentId);
        group(a.new.parentId);
        placed.add(a.lineId);
        break;
      case 'amount':
      case 'fields':
      case 'capital':
        add(a.lineId);
        break;
      case 'meta':
        break;
    }
  }
  return { named, placed, deleted, groups };
}

/**
 * The rows to repaint after the calc has been rebuilt on the new tree, the lines now gone, and the
 * sibling groups (by parent, null: top level) whose members' duplicate-code findings may change.
 */
export function structuralRepaint(actions: readonly DocAction[], calc: PlanCalc): { repaint: number[]; removed: number[]; groups: (number | null)[] } {
  const { named, placed, deleted, groups } = linesNamed(actions);
  const out = new Set<number>();
  const withAncestors = (id: number) => {
    for (let x: number | null = id; x !== null; x = calc.parentOf(x)) out.add(x);
  };
  for (const id of named) if (calc.lines.has(id)) withAncestors(id);
  for (const id of placed) {
    if (!calc.lines.has(id)) continue;
    const stack = [...calc.children(id)];
    while (stack.length) {
      const x = stack.pop()!;
      out.add(x);
      stack.push(...calc.children(x));
    }
  }
  return {
    repaint: [...out],
    removed: [...deleted].filter((id) => !calc.lines.has(id)),
    groups: [...groups].filter((g) => g === null || calc.lines.has(g)),
  };
}
