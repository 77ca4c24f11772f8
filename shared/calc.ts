// Totals over both trees, kept up to date incrementally.
// Each line keeps one row of computed values per *leaf* column; a group column's value is the sum of
// its leaf columns, read on demand. An edit walks only the ancestors of its line (O(depth × leaf
// columns)), never the whole table — see docs/architecture.md, "Live totals".
//
// Semantics (see model.ts): a leaf line's row is its entered amounts. A parent line's row is the sum
// of its children — unless none of its children carries any amount ("not yet allocated"), in which
// case the parent's own stated leaf-column figures are its amount (the seed's Dự án 7).
import { ColumnTree } from './columns';
import type { Amount, Dong, Line } from './model';

export interface CellChange {
  lineId: number;
  column: string;
  value: Dong | null;
}

export class PlanCalc {
  readonly cols: ColumnTree;
  private readonly leafIndex = new Map<string, number>();
  /** Leaf indexes under each column. */
  private readonly leafIdxUnder = new Map<string, number[]>();
  readonly lines = new Map<number, Line>();
  private readonly kids = new Map<number | null, number[]>();
  /** Effective parent of each line: a parentId naming no line in the plan makes the line top-level. */
  private readonly parent = new Map<number, number | null>();
  /** Stored amounts: lineId → (column → value). */
  private readonly stored = new Map<number, Map<string, Dong>>();
  private readonly rows = new Map<number, Float64Array>();
  /** Whether a line contributes any amount to its parent. */
  private readonly has = new Map<number, boolean>();
  /** Number of children of a line with `has` true. */
  private readonly amountKids = new Map<number, number>();
  /** Number of stored values at leaf columns on a line. */
  private readonly ownLeafCount = new Map<number, number>();
  private grand: Float64Array;
  private readonly width: number;

  constructor(columns: ColumnTree, lines: readonly Line[], amounts: readonly Amount[]) {
    this.cols = columns;
    this.width = columns.leaves.length;
    columns.leaves.forEach((c, i) => this.leafIndex.set(c.key, i));
    for (const c of columns.ordered) {
      this.leafIdxUnder.set(c.key, (columns.leafKeysUnder.get(c.key) ?? []).map((k) => this.leafIndex.get(k)!));
    }
    this.grand = new Float64Array(this.width);
    this.reset(lines, amounts);
  }

  /** Rebuild everything (after structural edits: insert, delete, move lines). O(n). */
  reset(lines: readonly Line[], amounts: readonly Amount[]): void {
    this.lines.clear();
    this.kids.clear();
    this.parent.clear();
    this.stored.clear();
    for (const l of lines) this.lines.set(l.id, l);
    for (const l of lines) {
      const parent = l.parentId !== null && this.lines.has(l.parentId) ? l.parentId : null;
      this.parent.set(l.id, parent);
      const list = this.kids.get(parent) ?? [];
      list.push(l.id);
      this.kids.set(parent, list);
    }
    for (const list of this.kids.values()) list.sort((a, b) => this.lines.get(a)!.position - this.lines.get(b)!.position);
    for (const a of amounts) this.storeRaw(a.lineId, a.column, a.value);
    this.recomputeAll();
  }

  /** Replace one line's own fields (code, name…) without touching amounts or structure. */
  updateLine(line: Line): void {
    this.lines.set(line.id, line);
  }

  /**
   * Store a figure without updating totals: for batches of structural edits, which end in reset().
   * Reads between this and reset() see stale totals.
   */
  storeOnly(lineId: number, column: string, value: Dong | null): void {
    this.storeRaw(lineId, column, value);
  }

  private storeRaw(lineId: number, column: string, value: Dong | null): void {
    let m = this.stored.get(lineId);
    if (value === null) {
      m?.delete(column);
      return;
    }
    if (!m) this.stored.set(lineId, (m = new Map()));
    m.set(column, value);
  }

  private recomputeAll(): void {
    this.rows.clear();
    this.has.clear();
    this.amountKids.clear();
    this.ownLeafCount.clear();
    this.grand = new Float64Array(this.width);
    // Iterative post-order: plans can be deep enough to overflow a recursive walk.
    const order: number[] = [];
    const stack = [...(this.kids.get(null) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      order.push(id);
      for (const k of this.kids.get(id) ?? []) stack.push(k);
    }
    for (let i = order.length - 1; i >= 0; i--) this.computeOwn(order[i]);
    for (const r of this.kids.get(null) ?? []) addInto(this.grand, this.rows.get(r)!);
  }

  /** Compute a line's row from its children's rows (already computed) or its stored figures. */
  private computeOwn(id: number): void {
    let count = 0;
    const own = this.stored.get(id);
    if (own) for (const k of own.keys()) if (this.leafIndex.has(k)) count++;
    this.ownLeafCount.set(id, count);
    const children = this.kids.get(id) ?? [];
    let amountKids = 0;
    for (const k of children) if (this.has.get(k)) amountKids++;
    this.amountKids.set(id, amountKids);
    let row: Float64Array;
    if (children.length > 0 && amountKids > 0) {
      row = new Float64Array(this.width);
      for (const k of children) addInto(row, this.rows.get(k)!);
    } else {
      row = this.ownRow(id);
    }
    this.rows.set(id, row);
    this.has.set(id, amountKids > 0 || count > 0);
  }

  private ownRow(id: number): Float64Array {
    const row = new Float64Array(this.width);
    const own = this.stored.get(id);
    if (own) for (const [k, v] of own) {
      const i = this.leafIndex.get(k);
      if (i !== undefined) row[i] = v;
    }
    return row;
  }

  // ---- reads ---------------------------------------------------------------------------------

  children(lineId: number | null): readonly number[] {
    return this.kids.get(lineId) ?? [];
  }

  isParent(lineId: number): boolean {
    return (this.kids.get(lineId) ?? []).length > 0;
  }

  /** A parent line with no amount below it: its own figures stand ("not yet allocated"). */
  isUnallocatedParent(lineId: number): boolean {
    return this.isParent(lineId) && (this.amountKids.get(lineId) ?? 0) === 0;
  }

  /** True where the cell is a total (computed) rather than an entry. */
  isTotalPosition(lineId: number, column: string): boolean {
    return this.isParent(lineId) || !this.cols.isLeaf(column);
  }

  /** The computed amount of a cell. */
  value(lineId: number, column: string): Dong {
    const row = this.rows.get(lineId);
    if (!row) return 0;
    return sumAt(row, this.leafIdxUnder.get(column) ?? []);
  }

  /** The program total (Σ top-level lines) of a column. */
  total(column: string): Dong {
    return sumAt(this.grand, this.leafIdxUnder.get(column) ?? []);
  }

  /** The stored figure of a cell: the entry at a leaf×leaf position, a stated total elsewhere. */
  storedValue(lineId: number, column: string): Dong | undefined {
    return this.stored.get(lineId)?.get(column);
  }

  /** All stored figures of a line. */
  storedOf(lineId: number): ReadonlyMap<string, Dong> {
    return this.stored.get(lineId) ?? EMPTY;
  }

  /** A stated total that differs from the computed value (an unallocated parent's own figures are its value). */
  statedMismatch(lineId: number, column: string): { stated: Dong; computed: Dong } | null {
    const stated = this.storedValue(lineId, column);
    if (stated === undefined || !this.isTotalPosition(lineId, column)) return null;
    const computed = this.value(lineId, column);
    return stated === computed ? null : { stated, computed };
  }

  /** Every stored figure (for rebuilding after structural edits, and for export). */
  amountList(): Amount[] {
    const out: Amount[] = [];
    for (const [lineId, m] of this.stored) for (const [column, value] of m) out.push({ lineId, column, value });
    return out;
  }

  /** Whether a line or any line below it carries an amount. */
  hasAmount(lineId: number): boolean {
    return this.has.get(lineId) ?? false;
  }

  /** The line's parent as the tree uses it (null for top-level lines, and for a dangling parentId). */
  parentOf(lineId: number): number | null {
    return this.parent.get(lineId) ?? null;
  }

  ancestors(lineId: number): number[] {
    const out: number[] = [];
    let p = this.parentOf(lineId);
    while (p !== null) {
      out.push(p);
      p = this.parentOf(p);
    }
    return out;
  }

  /** Lines in display order (depth-first), with their depth. */
  *walk(): Generator<{ id: number; depth: number }> {
    const stack: { id: number; depth: number }[] = [];
    const roots = this.kids.get(null) ?? [];
    for (let i = roots.length - 1; i >= 0; i--) stack.push({ id: roots[i], depth: 0 });
    while (stack.length) {
      const cur = stack.pop()!;
      yield cur;
      const ks = this.kids.get(cur.id) ?? [];
      for (let i = ks.length - 1; i >= 0; i--) stack.push({ id: ks[i], depth: cur.depth + 1 });
    }
  }

  // ---- incremental edits ---------------------------------------------------------------------

  /**
   * Store one figure and update totals along the line's ancestors only.
   * Returns the ids of the lines whose computed values (or allocation state) changed.
   */
  setAmount(lineId: number, column: string, value: Dong | null, changed: Set<number> = new Set()): Set<number> {
    if (!this.lines.has(lineId)) throw new Error(`unknown line ${lineId}`);
    const before = this.storedValue(lineId, column);
    this.storeRaw(lineId, column, value);
    changed.add(lineId);
    const li = this.leafIndex.get(column);
    if (li === undefined) return changed; // a stated group total: no computed value moves
    if ((before === undefined) !== (value === null)) {
      this.ownLeafCount.set(lineId, (this.ownLeafCount.get(lineId) ?? 0) + (value === null ? -1 : 1));
    }
    // The line's own row moves only when its own figures are its amount.
    const ownStands = !this.isParent(lineId) || (this.amountKids.get(lineId) ?? 0) === 0;
    const delta = new Float64Array(this.width);
    if (ownStands) {
      const row = this.rows.get(lineId)!;
      delta[li] = (value ?? 0) - row[li];
      row[li] = value ?? 0;
    }
    const oldHas = this.has.get(lineId) ?? false;
    const nowHas = (this.amountKids.get(lineId) ?? 0) > 0 || (this.ownLeafCount.get(lineId) ?? 0) > 0;
    this.has.set(lineId, nowHas);
    this.propagate(lineId, delta, oldHas !== nowHas, changed);
    return changed;
  }

  private propagate(childId: number, delta: Float64Array, hasChanged: boolean, changed: Set<number>): void {
    let child = childId;
    // Follow the tree's parents, not Line.parentId: a dangling parentId must not be walked into.
    let p = this.parentOf(child);
    let d: Float64Array | null = isZero(delta) ? null : delta;
    while (p !== null) {
      if (!d && !hasChanged) return;
      const wasAlloc = (this.amountKids.get(p) ?? 0) > 0;
      if (hasChanged) this.amountKids.set(p, (this.amountKids.get(p) ?? 0) + (this.has.get(child) ? 1 : -1));
      const nowAlloc = (this.amountKids.get(p) ?? 0) > 0;
      const row = this.rows.get(p)!;
      if (wasAlloc && nowAlloc) {
        if (d) addInto(row, d);
      } else if (wasAlloc !== nowAlloc) {
        // Allocation flips: children without amounts have zero rows, so the new row is either the
        // one child that now carries amounts, or the parent's own stated figures.
        const next = nowAlloc ? Float64Array.from(this.rows.get(child)!) : this.ownRow(p);
        const diff = new Float64Array(this.width);
        for (let i = 0; i < this.width; i++) diff[i] = next[i] - row[i];
        row.set(next);
        d = isZero(diff) ? null : diff;
      } else {
        d = null; // an unallocated parent keeps its own figures
      }
      const oldHas = this.has.get(p) ?? false;
      const nowHas = nowAlloc || (this.ownLeafCount.get(p) ?? 0) > 0;
      this.has.set(p, nowHas);
      hasChanged = oldHas !== nowHas;
      changed.add(p);
      child = p;
      p = this.parentOf(p);
    }
    if (d) addInto(this.grand, d);
  }
}

const EMPTY: ReadonlyMap<string, Dong> = new Map();

function addInto(target: Float64Array, src: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] += src[i];
}

function sumAt(row: Float64Array, idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) s += row[i];
  return s;
}

function isZero(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

/**
 * From-scratch reference computation (no incremental state): the value of every line × column.
 * Used by property tests to check PlanCalc, and simple enough to read as the specification.
 */
export function computeFromScratch(
  columns: ColumnTree,
  lines: readonly Line[],
  amounts: readonly Amount[],
): { values: Map<string, Dong>; totals: Map<string, Dong> } {
  const stored = new Map<string, Dong>();
  for (const a of amounts) stored.set(`${a.lineId}:${a.column}`, a.value);
  const kids = new Map<number | null, Line[]>();
  const ids = new Set(lines.map((l) => l.id));
  for (const l of lines) {
    const p = l.parentId !== null && ids.has(l.parentId) ? l.parentId : null;
    kids.set(p, [...(kids.get(p) ?? []), l]);
  }
  const leafKeys = columns.leaves.map((c) => c.key);
  const hasAmount = (l: Line): boolean =>
    leafKeys.some((k) => stored.has(`${l.id}:${k}`)) || (kids.get(l.id) ?? []).some(hasAmount);
  const leafValue = (l: Line, k: string): Dong => {
    const children = kids.get(l.id) ?? [];
    if (children.some(hasAmount)) return children.reduce((s, c) => s + leafValue(c, k), 0);
    return stored.get(`${l.id}:${k}`) ?? 0;
  };
  const values = new Map<string, Dong>();
  const totals = new Map<string, Dong>();
  for (const c of columns.ordered) {
    const under = columns.leafKeysUnder.get(c.key) ?? [];
    let t = 0;
    for (const l of lines) {
      const v = under.reduce((s, k) => s + leafValue(l, k), 0);
      values.set(`${l.id}:${c.key}`, v);
      if (!(l.parentId !== null && ids.has(l.parentId))) t += v;
    }
    totals.set(c.key, t);
  }
  return { values, totals };
}
