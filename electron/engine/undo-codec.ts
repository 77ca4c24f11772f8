// How an undo step's actions are stored in `undo_steps.actions`. Version 1 (every step written
// before issue 14's bulk imports, and every step still without a long run of shares or amounts) is
// the JSON array of DocActions. Version 2 is `{"v":2,"a":[...]}`, where each run of consecutive
// `share` actions is packed column-wise — one array per field instead of one object per share: an
// allocation import of 3.300 units × 60 lines is 198.000 shares, ~17 MB of objects as version 1,
// a third of that packed, and far less to stringify, write and parse. Version 3 (issue 13) packs
// runs of `amount` actions the same way (a deleted funding column's 96.557 figures); a step with
// no long run of amounts is still written as version 2, so files stay readable by the app before.
// Decoding gives back the same actions in the same order, so undo and redo are exactly what they were.
import type { DocAction } from './actions';

type ShareAction = Extract<DocAction, { t: 'share' }>;
type AmountAction = Extract<DocAction, { t: 'amount' }>;

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

/** A packed run of amounts (version 3): columns once, then per amount its line, column index, old and new. */
interface AmountRun {
  t: 'amounts';
  cols: string[];
  l: number[];
  c: number[];
  o: (number | null)[];
  n: (number | null)[];
}

/** Shorter runs stay as they are (a typed cell, a small paste): nothing to gain. */
const MIN_RUN = 16;

/** Columns once, each action's column as an index into them. */
function columnIndexer(cols: string[]): (column: string) => number {
  const colIndex = new Map<string, number>();
  return (column) => {
    let ci = colIndex.get(column);
    if (ci === undefined) {
      ci = cols.length;
      cols.push(column);
      colIndex.set(column, ci);
    }
    return ci;
  };
}

function packShares(run: ShareAction[]): ShareRun {
  const out: ShareRun = { t: 'shares', cols: [], u: [], l: [], c: [], o: [], n: [] };
  const index = columnIndexer(out.cols);
  for (const a of run) {
    out.u.push(a.unitId);
    out.l.push(a.lineId);
    out.c.push(index(a.column));
    out.o.push(a.old);
    out.n.push(a.new);
  }
  return out;
}

function packAmounts(run: AmountAction[]): AmountRun {
  const out: AmountRun = { t: 'amounts', cols: [], l: [], c: [], o: [], n: [] };
  const index = columnIndexer(out.cols);
  for (const a of run) {
    out.l.push(a.lineId);
    out.c.push(index(a.column));
    out.o.push(a.old);
    out.n.push(a.new);
  }
  return out;
}

/** The stored text of a step's actions (version 1 when no run is long enough to pack). */
export function encodeActions(actions: readonly DocAction[]): string {
  const items: (DocAction | ShareRun | AmountRun)[] = [];
  let version = 1;
  for (let i = 0; i < actions.length; ) {
    const t = actions[i]!.t;
    let j = i;
    if (t === 'share' || t === 'amount') while (j < actions.length && actions[j]!.t === t) j++;
    if (j - i >= MIN_RUN) {
      if (t === 'share') {
        items.push(packShares(actions.slice(i, j) as ShareAction[]));
        version = Math.max(version, 2);
      } else {
        items.push(packAmounts(actions.slice(i, j) as AmountAction[]));
        version = 3;
      }
      i = j;
    } else if (j > i) {
      for (; i < j; i++) items.push(actions[i]!);
    } else items.push(actions[i++]!);
  }
  return version > 1 ? JSON.stringify({ v: version, a: items }) : JSON.stringify(actions);
}

/** The actions of a stored step, whichever version wrote it. */
export function decodeActions(text: string): DocAction[] {
  const parsed = JSON.parse(text) as unknown;
  if (Array.isArray(parsed)) return parsed as DocAction[]; // version 1
  const { v, a } = parsed as { v: number; a: (DocAction | ShareRun | AmountRun)[] };
  if ((v !== 2 && v !== 3) || !Array.isArray(a)) throw new Error(`undo step in an unknown format (version ${String(v)})`);
  const out: DocAction[] = [];
  for (const item of a) {
    if (item.t === 'shares') {
      const r = item as ShareRun;
      for (let k = 0; k < r.u.length; k++) {
        out.push({ t: 'share', unitId: r.u[k]!, lineId: r.l[k]!, column: r.cols[r.c[k]!]!, old: r.o[k]!, new: r.n[k]! });
      }
    } else if (item.t === 'amounts' && v === 3) {
      const r = item as AmountRun;
      for (let k = 0; k < r.l.length; k++) {
        out.push({ t: 'amount', lineId: r.l[k]!, column: r.cols[r.c[k]!]!, old: r.o[k]!, new: r.n[k]! });
      }
    } else out.push(item as DocAction);
  }
  return out;
}
