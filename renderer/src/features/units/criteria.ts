// Allocation by criteria in the window (issue 14): the coefficients of a reported 2026–2030 scheme
// (extremely difficult village 1; zone III, safe-zone, border or island commune 50; zone II 40;
// zone I 30; others 25 — a unit in several groups takes only its highest), scores typed the
// Vietnamese way ("1,5"), the rounding units offered, and the preview of an allocation: each unit's
// exact share, its whole rounding units, which units got one more from the remainders (largest
// remainder, ties by order) — the same function the engine applies, so the preview is what is
// written. Pure.
import type { NumberLocale } from '../../../../shared/number';
import { largestRemainder } from '../../../../shared/units/largest-remainder';

export const SCHEME_GROUPS = [
  { id: 'village', coefficient: 1 },
  { id: 'zone3', coefficient: 50 },
  { id: 'zone2', coefficient: 40 },
  { id: 'zone1', coefficient: 30 },
  { id: 'other', coefficient: 25 },
] as const;
export type SchemeGroup = (typeof SCHEME_GROUPS)[number]['id'];

/** A unit's score from the groups it is in: only the highest coefficient counts (0: in none). */
export function schemeScore(groups: Iterable<SchemeGroup>): number {
  let best = 0;
  for (const g of groups) best = Math.max(best, SCHEME_GROUPS.find((s) => s.id === g)!.coefficient);
  return best;
}

/** Rounding units offered, in đồng (triệu đồng by default, as annexes are written). */
export const ROUNDINGS = [1, 1_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000] as const;
export const DEFAULT_ROUNDING = 1_000_000;

/** A typed score: "1,5" (vi-VN) or "1.5" (en-US), "1.000" a thousand in vi-VN; blank = not taking part. */
export function parseScore(text: string, locale: NumberLocale): number | null | 'bad' {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  const plain = locale === 'vi-VN' ? s.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.') : s.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^\d+(\.\d+)?$/.test(plain)) return 'bad';
  const v = Number(plain);
  return Number.isFinite(v) && v <= 1e9 ? v : 'bad';
}

export interface PreviewRow {
  unitId: number;
  score: number;
  value: number;
  exact: number;
  floorUnits: number;
  extra: boolean;
  rank: number;
}

export interface CriteriaPreview {
  rows: PreviewRow[];
  /** How many rounding units went to the largest remainders. */
  extras: number;
  /** Below one rounding unit: the đồng left over and the unit that took it. */
  leftover: { value: number; unitId: number } | null;
  total: number;
}

/** The allocation the engine will write for these scores (units with a score, in the order given). */
export function previewAllocation(amount: number, scores: readonly { unitId: number; score: number }[], roundTo: number): CriteriaPreview | 'no_scores' {
  const taking = scores.filter((s) => s.score > 0);
  if (!taking.length) return 'no_scores';
  const r = largestRemainder(amount, taking.map((s) => s.score), roundTo);
  const rows = taking.map((s, i) => ({ unitId: s.unitId, score: s.score, ...r.shares[i] }));
  return {
    rows,
    extras: rows.filter((x) => x.extra).length,
    leftover: r.leftover ? { value: r.leftover.value, unitId: taking[r.leftover.index].unitId } : null,
    total: rows.reduce((a, x) => a + x.value, 0),
  };
}
