// Commands of issue 12 on stated totals: "use the computed figures for all" — drop every stated
// total that disagrees with its computed value (beyond the rules' tolerance) in a set of cells or in
// the whole plan, as one undo step. Totals that agree are left alone (they follow edits anyway), and
// so are mismatches the officer marked "keep both".
import { z } from 'zod';
import type { Patch } from '../protocol';

const cell = z.object({ lineId: z.number().int().positive(), column: z.string().min(1).max(64) }).strict();

export const totalsArgs = {
  /** The cells to consider (a selection, the findings of one rule); absent: the whole plan. */
  'totals/useComputed': z.object({ cells: z.array(cell).max(2_000_000).optional() }).strict(),
} as const;

export interface TotalsResults {
  /** `changed`: how many stated totals were dropped (0: nothing disagreed, no undo step). */
  'totals/useComputed': Patch & { changed: number };
}
