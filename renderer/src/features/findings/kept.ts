// "Keep both": the officer's decision to keep a stated total next to a computed one that differs
// (e.g. the document's figure is authoritative until the parts are corrected). Stored per cycle in
// the 'findings' setting (undoable like any change) as the stated and computed figures at the time
// of the decision: once either figure moves, the decision no longer applies and the finding asks
// again. The finding itself stays (counted, flagged): keeping both is a review mark, not a waiver.
import { z } from 'zod';
import type { Finding } from '../../../../shared/findings';

const MAX_KEPT = 10_000;

const keptSchema = z.object({
  kept: z.record(z.string().max(200), z.object({ stated: z.number().int(), computed: z.number().int() }).strict()),
});

export type KeptMap = Readonly<Record<string, { stated: number; computed: number }>>;

/** Read the stored setting; anything unreadable counts as no decisions (never blocks the panel). */
export function readKept(value: unknown): KeptMap {
  const r = keptSchema.safeParse(value);
  return r.success ? r.data.kept : {};
}

export function canKeep(f: Finding): boolean {
  return f.rule === 'sum_mismatch' && f.expected !== null && f.actual !== null;
}

export function isKept(f: Finding, kept: KeptMap): boolean {
  const k = kept[f.id];
  return !!k && canKeep(f) && k.stated === f.actual && k.computed === f.expected;
}

/**
 * The setting value after keeping (or un-keeping) one finding. Decisions that no longer match a
 * current finding are dropped, so the setting never grows past the plan's live mismatches.
 */
export function withKept(kept: KeptMap, f: Finding, keep: boolean, current: (id: string) => Finding | undefined): { kept: KeptMap } {
  const next: Record<string, { stated: number; computed: number }> = {};
  for (const [id, k] of Object.entries(kept)) {
    const live = current(id);
    if (id !== f.id && live && isKept(live, kept)) next[id] = k;
  }
  if (keep && canKeep(f)) next[f.id] = { stated: f.actual!, computed: f.expected! };
  const ids = Object.keys(next);
  if (ids.length > MAX_KEPT) for (const id of ids.slice(0, ids.length - MAX_KEPT)) delete next[id];
  return { kept: next };
}
