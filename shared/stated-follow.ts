// Stated totals that agreed follow the edit (issue 12). A plan carries the totals of the published
// document as stated figures; when an edit moves a computed total whose stated figure agreed with
// it, the stated figure moves by the same amount (as a total in Excel simply follows), while a stated
// figure that already disagreed stays — that mismatch is the one worth seeing.
//
// "Agreed" means within the sum_mismatch rule's tolerance (sumToleranceDong): that is exactly "not
// flagged on screen", so what the officer saw as agreeing keeps agreeing. The stated figure moves
// by the computed figure's change (not to the computed figure): a published total rounded within the
// tolerance keeps its rounding, and an exact one stays exact.
//
// Used in two halves around an edit: `captureAgreeing` before (on the lines the edit can move),
// `followChanges` after. Only positions that are totals of the same kind before and after follow:
// a line that gains or loses children, or whose allocation flips ("not yet allocated"), keeps its
// figures — they are the plan's amounts, not a sum that went stale.
import type { PlanCalc } from './calc';
import type { Dong } from './model';
import { MAX_CELL_DONG } from './model';

type Mode = 'leaf' | 'allocated' | 'unallocated';

interface Captured {
  mode: Mode;
  cells: { column: string; stated: Dong; computed: Dong }[];
}

/** The agreeing stated totals of some lines, before an edit. */
export type AgreeingTotals = Map<number, Captured>;

export interface StatedChange {
  lineId: number;
  column: string;
  old: Dong;
  new: Dong;
}

function modeOf(calc: PlanCalc, id: number): Mode {
  if (!calc.isParent(id)) return 'leaf';
  return calc.isUnallocatedParent(id) ? 'unallocated' : 'allocated';
}

/** The positions whose stored figure is a sum of parts (an unallocated parent's own leaf figures are its amount). */
function isSumPosition(calc: PlanCalc, mode: Mode, column: string): boolean {
  return mode === 'allocated' || !calc.cols.isLeaf(column);
}

/** Record the stated totals of `lineIds` that agree with their computed value within `tolerance`. */
export function captureAgreeing(calc: PlanCalc, lineIds: Iterable<number>, tolerance: Dong): AgreeingTotals {
  const out: AgreeingTotals = new Map();
  for (const id of lineIds) {
    if (out.has(id) || !calc.lines.has(id)) continue;
    const mode = modeOf(calc, id);
    const cells: Captured['cells'] = [];
    calc.forEachStored(id, (column, stated) => {
      if (!isSumPosition(calc, mode, column)) return;
      const computed = calc.value(id, column);
      if (Math.abs(stated - computed) <= tolerance) cells.push({ column, stated, computed });
    });
    if (cells.length) out.set(id, { mode, cells });
  }
  return out;
}

/**
 * After the edit: the stated figures to move. A figure the edit wrote itself (its stored value is no
 * longer the captured one) is the officer's and is left as written.
 */
export function followChanges(calc: PlanCalc, before: AgreeingTotals): StatedChange[] {
  const out: StatedChange[] = [];
  for (const [id, cap] of before) {
    if (!calc.lines.has(id) || modeOf(calc, id) !== cap.mode) continue;
    for (const c of cap.cells) {
      if (calc.storedValue(id, c.column) !== c.stated) continue;
      const moved = calc.value(id, c.column) - c.computed;
      if (moved === 0) continue;
      const next = c.stated + moved;
      if (Math.abs(next) > MAX_CELL_DONG) continue; // out of range: stays, and is flagged
      out.push({ lineId: id, column: c.column, old: c.stated, new: next });
    }
  }
  return out;
}

/** The lines whose computed values an amount edit on `lineId` can move: the line and its ancestors. */
export function withAncestors(calc: PlanCalc, lineId: number | null, into: Set<number>): void {
  let id = lineId;
  while (id !== null && calc.lines.has(id) && !into.has(id)) {
    into.add(id);
    id = calc.parentOf(id);
  }
}
