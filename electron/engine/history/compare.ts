// Comparing two plans line by line and column by column: which lines were added, removed, or
// changed (text fields, and every computed amount — a changed leaf shows up in its parents' totals
// too, as it does in the document). Lines pair up in two passes:
//  1. same lineage (revisions of one file, a cycle made from another): by line id, when the code or
//     the name still agrees (ids of two independently edited copies may collide);
//  2. the rest, top-down under paired parents: by code, else by name (for "-", "+" or blank codes).
// Rows come in B's display order, removed lines after the nearest line that precedes them in A.
// Units' shares (issue 14) are compared on the paired lines, units paired by their name key: a
// list by unit (B's tree order), line and column of every share that differs.
import type { CompareResult, CompareRow, CompareShareRow } from '../../../shared/commands/history';
import type { PlanCalc } from '../../../shared/calc';
import type { ColumnTree } from '../../../shared/columns';
import type { FundingColumn, Line, Share, Unit } from '../../../shared/model';
import { UnitBook } from '../../../shared/units/book';
import { unitNameKey } from '../../../shared/units/names';

export interface ComparePlan {
  calc: PlanCalc;
  columns: ColumnTree;
  lineage: string | null;
  /** The side's units and their shares (issue 14), when it has any. */
  units?: { units: readonly Unit[]; shares: readonly Share[] };
}

type Text = 'code' | 'name' | 'agency' | 'note';
const TEXT_FIELDS: readonly Text[] = ['code', 'name', 'agency', 'note'];
/** Codes that do not identify a line among its siblings. */
const GENERIC_CODE = /^[-+*•–—.]*$/;

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

interface Walked {
  id: number;
  depth: number;
}

function walk(calc: PlanCalc): Walked[] {
  return [...calc.walk()];
}

/** Pair lines of A and B; returns B id → A id. `bWalk`: B in display order, if already walked. */
export function pairLines(a: ComparePlan, b: ComparePlan, bWalk: readonly Walked[] = walk(b.calc)): { bToA: Map<number, number>; match: 'id' | 'code' } {
  const bToA = new Map<number, number>();
  const aTaken = new Set<number>();
  const sameLineage = a.lineage !== null && a.lineage === b.lineage;
  if (sameLineage) {
    for (const [id, lb] of b.calc.lines) {
      const la = a.calc.lines.get(id);
      if (!la) continue;
      // Exact text first: normalising 2 × 100.000 strings costs more than the rest of the pairing.
      if (la.code === lb.code || la.name === lb.name || norm(la.code) === norm(lb.code) || norm(la.name) === norm(lb.name)) {
        bToA.set(id, id);
        aTaken.add(id);
      }
    }
  }
  // Top-down, one sibling group at a time (a group's parent is paired before it is visited), in
  // rounds from the surest to the loosest, so a renumbered line finds its namesake before another
  // line takes it by its old number.
  const keyA = new Map<number, { code: string; name: string }>();
  const keyB = new Map<number, { code: string; name: string }>();
  const keyOf = (cache: typeof keyA, l: Line) => {
    let k = cache.get(l.id);
    if (!k) cache.set(l.id, (k = { code: norm(l.code), name: norm(l.name) }));
    return k;
  };
  // Each round's key of a line, or null when the round cannot pair it.
  const rounds: ((k: { code: string; name: string }) => string | null)[] = [
    (k) => `${k.code}\u0000${k.name}`,
    (k) => (k.name ? k.name : null),
    (k) => (GENERIC_CODE.test(k.code) ? null : k.code),
  ];
  const pairGroup = (pb: number | null) => {
    const kids = b.calc.children(pb);
    if (kids.length === 0) return;
    const pa = pb === null ? null : bToA.get(pb);
    if (pa === undefined) return; // An added parent: its children are added too.
    const bKids = kids.filter((x) => !bToA.has(x));
    if (bKids.length === 0) return;
    const aKids = a.calc.children(pa).filter((x) => !aTaken.has(x));
    for (const round of rounds) {
      const free = new Map<string, number[]>();
      for (const x of aKids) {
        if (aTaken.has(x)) continue;
        const key = round(keyOf(keyA, a.calc.lines.get(x)!));
        if (key === null) continue;
        const list = free.get(key);
        if (list) list.push(x);
        else free.set(key, [x]);
      }
      for (const y of bKids) {
        if (bToA.has(y)) continue;
        const key = round(keyOf(keyB, b.calc.lines.get(y)!));
        const list = key === null ? undefined : free.get(key);
        const x = list?.shift();
        if (x !== undefined) {
          bToA.set(y, x);
          aTaken.add(x);
        }
      }
    }
  };
  pairGroup(null);
  for (const w of bWalk) pairGroup(w.id);
  return { bToA, match: sameLineage ? 'id' : 'code' };
}

/** The columns of both plans: B's in order, then any only A has. */
function unionColumns(a: ColumnTree, b: ColumnTree): FundingColumn[] {
  const out = [...b.ordered];
  for (const c of a.ordered) if (!b.has(c.key)) out.push(c);
  return out;
}

export interface CompareOptions {
  /** Most rows to return (the counts always cover everything). */
  limit?: number;
}

export function comparePlans(
  a: ComparePlan,
  b: ComparePlan,
  opts: CompareOptions = {},
): Omit<CompareResult, 'sides' | 'a' | 'b' | 'unit'> & { allRows: () => CompareRow[]; allShares: () => CompareShareRow[] } {
  const bWalk = walk(b.calc);
  const { bToA, match } = pairLines(a, b, bWalk);
  const aToB = new Map<number, number>();
  for (const [bid, aid] of bToA) aToB.set(aid, bid);
  const columns = unionColumns(a.columns, b.columns);
  const keys = columns.map((c) => c.key);
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };

  // Group columns are sums of leaf columns: equal leaves mean equal groups, so a paired line is
  // checked on its leaves first and its groups read only when a leaf differs.
  const leafKeys = keys.filter((k) => a.columns.isLeaf(k) && b.columns.isLeaf(k) && a.columns.has(k) && b.columns.has(k));
  const sameLeaves = a.columns.leaves.length === leafKeys.length && b.columns.leaves.length === leafKeys.length;
  const leavesEqual = (ida: number, idb: number) => {
    for (const k of leafKeys) if (a.calc.value(ida, k) !== b.calc.value(idb, k)) return false;
    return true;
  };
  const cellsOf = (ida: number | null, idb: number | null): CompareRow['cells'] | null => {
    if (sameLeaves && ida !== null && idb !== null && leavesEqual(ida, idb)) return null;
    let cells: CompareRow['cells'] | null = null;
    for (const k of keys) {
      const va = ida === null ? null : a.calc.value(ida, k);
      const vb = idb === null ? null : b.calc.value(idb, k);
      if (va === vb) continue;
      if (va === null && vb === 0) continue;
      if (vb === null && va === 0) continue;
      (cells ??= {})[k] = { old: va, new: vb };
    }
    return cells;
  };

  const anyRemoved = bToA.size < a.calc.lines.size;
  const bIndex = new Map<number, number>();
  if (anyRemoved) bWalk.forEach((w, i) => bIndex.set(w.id, i));
  // Removed lines, bucketed after the B position of the nearest preceding paired A line (-1: first).
  const removedAfter = new Map<number, Walked[]>();
  let anchor = -1;
  // A's order matters only for lines B does not have.
  for (const w of anyRemoved ? walk(a.calc) : []) {
    const bid = aToB.get(w.id);
    if (bid !== undefined) {
      anchor = bIndex.get(bid) ?? anchor;
      continue;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push(w);
    removedAfter.set(anchor, list);
  }

  const rows: CompareRow[] = [];
  const removedRow = (w: Walked): CompareRow => {
    const l = a.calc.lines.get(w.id)!;
    counts.removed++;
    return { status: 'removed', aId: w.id, bId: null, code: l.code, name: l.name, depth: w.depth, fields: [], cells: cellsOf(w.id, null) ?? {} };
  };
  for (const w of removedAfter.get(-1) ?? []) rows.push(removedRow(w));
  for (let i = 0; i < bWalk.length; i++) {
    const w = bWalk[i];
    const lb = b.calc.lines.get(w.id)!;
    const aid = bToA.get(w.id);
    if (aid === undefined) {
      counts.added++;
      rows.push({ status: 'added', aId: null, bId: w.id, code: lb.code, name: lb.name, depth: w.depth, fields: [], cells: cellsOf(null, w.id) ?? {} });
    } else {
      const la = a.calc.lines.get(aid)!;
      let fields: CompareRow['fields'] | null = null;
      for (const f of TEXT_FIELDS) if (la[f] !== lb[f]) (fields ??= []).push({ field: f, old: la[f], new: lb[f] });
      const cells = cellsOf(aid, w.id);
      if (fields || cells) {
        counts.changed++;
        rows.push({ status: 'changed', aId: aid, bId: w.id, code: lb.code, name: lb.name, depth: w.depth, fields: fields ?? [], cells: cells ?? {} });
      } else {
        counts.unchanged++;
      }
    }
    if (anyRemoved) for (const r of removedAfter.get(i) ?? []) rows.push(removedRow(r));
  }

  const totals: CompareResult['totals'] = {};
  for (const k of keys) totals[k] = { old: a.calc.total(k), new: b.calc.total(k) };
  const limit = opts.limit ?? rows.length;
  const shares = a.units || b.units ? compareShares(a, b, bToA, bWalk, keys) : undefined;
  // The shares are held to the same limit as the rows (3.300 units × 200 lines can all differ).
  const shareLimit = opts.limit ?? shares?.length ?? 0;
  return {
    match, columns, counts, totals, rows: rows.slice(0, limit), totalRows: rows.length,
    ...(shares ? { shares: shares.length > shareLimit ? shares.slice(0, shareLimit) : shares, totalShares: shares.length } : {}),
    allRows: () => rows, allShares: () => shares ?? [],
  };
}

/** The shares that differ between A and B, by unit (B's order, then A's only), line (B's order, then A's removed) and column. */
export function compareShares(a: ComparePlan, b: ComparePlan, bToA: ReadonlyMap<number, number>, bWalk: readonly Walked[], keys: readonly string[]): CompareShareRow[] {
  const aToB = new Map<number, number>();
  for (const [bid, aid] of bToA) aToB.set(aid, bid);
  // Units by name key; the order is B's tree, then the units only A has, in A's tree.
  const unitOrder = new Map<string, { rank: number; name: string }>();
  for (const side of [b, a]) {
    for (const { unit } of new UnitBook(side.units?.units ?? []).ordered()) {
      const k = unitNameKey(unit.name);
      if (!unitOrder.has(k)) unitOrder.set(k, { rank: unitOrder.size, name: unit.name });
    }
  }
  const keyOfUnit = (side: ComparePlan) => {
    const m = new Map<number, string>();
    for (const u of side.units?.units ?? []) m.set(u.id, unitNameKey(u.name));
    return m;
  };
  const ua = keyOfUnit(a);
  const ub = keyOfUnit(b);
  // A line as both sides name it: B's id, or A's for a line B has not.
  const lineRank = new Map<string, number>();
  bWalk.forEach((w, i) => lineRank.set(`b${w.id}`, i));
  let next = bWalk.length;
  for (const w of a.calc.walk()) if (!aToB.has(w.id)) lineRank.set(`a${w.id}`, next++);
  const colRank = new Map(keys.map((k, i) => [k, i]));
  const cells = new Map<string, { unit: string; line: string; column: string; old: number | null; new: number | null }>();
  const put = (unit: string | undefined, line: string, column: string, which: 'old' | 'new', value: number) => {
    if (unit === undefined) return;
    const id = `${unit}\u0000${line}\u0000${column}`;
    const c = cells.get(id);
    if (c) c[which] = value;
    else cells.set(id, { unit, line, column, old: null, new: null, [which]: value });
  };
  for (const s of a.units?.shares ?? []) {
    const bid = aToB.get(s.lineId);
    put(ua.get(s.unitId), bid !== undefined ? `b${bid}` : `a${s.lineId}`, s.column, 'old', s.value);
  }
  for (const s of b.units?.shares ?? []) put(ub.get(s.unitId), `b${s.lineId}`, s.column, 'new', s.value);
  const out: (CompareShareRow & { rank: [number, number, number] })[] = [];
  for (const c of cells.values()) {
    if (c.old === c.new) continue;
    const side = c.line[0] === 'b' ? b : a;
    const line = side.calc.lines.get(Number(c.line.slice(1)));
    const u = unitOrder.get(c.unit);
    out.push({
      unit: u?.name ?? c.unit, code: line?.code ?? '', name: line?.name ?? '', column: c.column, old: c.old, new: c.new,
      rank: [u?.rank ?? 0, lineRank.get(c.line) ?? 0, colRank.get(c.column) ?? keys.length],
    });
  }
  out.sort((x, y) => x.rank[0] - y.rank[0] || x.rank[1] - y.rank[1] || x.rank[2] - y.rank[2]);
  return out.map(({ rank: _r, ...row }) => row);
}
