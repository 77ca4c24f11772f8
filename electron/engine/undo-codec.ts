// How an undo step's actions are stored in `undo_steps.actions`. Version 1 (every step written
// before issue 14's bulk imports, and every step still without a long run of shares) is the JSON
// array of DocActions. Version 2 is `{"v":2,"a":[...]}`, where each run of consecutive `share`
// actions is packed column-wise — one array per field instead of one object per share: an
// allocation import of 3.300 units × 60 lines is 198.000 shares, ~17 MB of objects as version 1,
// a third of that packed, and far less to stringify, write and parse. Decoding gives back the same
// actions in the same order, so undo and redo are exactly what they were.
import type { DocAction } from './actions';

type ShareAction = Extract<DocAction, { t: 'share' }>;

/** A packed run of shares: columns once, then per share its unit, line, column index, old and new. */
interface ShareRun {
  t: 'shares';
  cols: string[];
  u: number[];
  l: number[];
  c: number[];
  o: (number | null)[];
  n: (number | null)[];
}

/** Shorter runs stay as they are (a typed cell, a small paste): nothing to gain. */
const MIN_RUN = 16;

function pack(run: ShareAction[]): ShareRun {
  const cols: string[] = [];
  const colIndex = new Map<string, number>();
  const out: ShareRun = { t: 'shares', cols, u: [], l: [], c: [], o: [], n: [] };
  for (const a of run) {
    let ci = colIndex.get(a.column);
    if (ci === undefined) {
      ci = cols.length;
      cols.push(a.column);
      colIndex.set(a.column, ci);
    }
    out.u.push(a.unitId);
    out.l.push(a.lineId);
    out.c.push(ci);
    out.o.push(a.old);
    out.n.push(a.new);
  }
  return out;
}

/** The stored text of a step's actions (version 1 when no run is long enough to pack). */
export function encodeActions(actions: readonly DocAction[]): string {
  const items: (DocAction | ShareRun)[] = [];
  let packed = false;
  for (let i = 0; i < actions.length; ) {
    let j = i;
    while (j < actions.length && actions[j]!.t === 'share') j++;
    if (j - i >= MIN_RUN) {
      items.push(pack(actions.slice(i, j) as ShareAction[]));
      packed = true;
      i = j;
    } else if (j > i) {
      for (; i < j; i++) items.push(actions[i]!);
    } else items.push(actions[i++]!);
  }
  return packed ? JSON.stringify({ v: 2, a: items }) : JSON.stringify(actions);
}

/** The actions of a stored step, whichever version wrote it. */
export function decodeActions(text: string): DocAction[] {
  const parsed = JSON.parse(text) as unknown;
  if (Array.isArray(parsed)) return parsed as DocAction[]; // version 1
  const { v, a } = parsed as { v: number; a: (DocAction | ShareRun)[] };
  if (v !== 2 || !Array.isArray(a)) throw new Error(`undo step in an unknown format (version ${String(v)})`);
  const out: DocAction[] = [];
  for (const item of a) {
    if (item.t !== 'shares') {
      out.push(item as DocAction);
      continue;
    }
    const r = item as ShareRun;
    for (let k = 0; k < r.u.length; k++) {
      out.push({ t: 'share', unitId: r.u[k]!, lineId: r.l[k]!, column: r.cols[r.c[k]!]!, old: r.o[k]!, new: r.n[k]! });
    }
  }
  return out;
}
