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
  /** The column tree (replaced by setColumns when the cycle's tree changes). */
  cols!: ColumnTree;
  private leafIndex = new Map<string, number>();
  /** Index of every column (leaf or group) in the stored-figures table. */
  private colIndex = new Map<string, number>();
  private colKeys!: string[];
  /** Leaf indexes under each column. */
  private leafIdxUnder = new Map<string, number[]>();
  readonly lines = new Map<number, Line>();
  private readonly kids = new Map<number | null, number[]>();
  /** Effective parent of each line: a parentId naming no line in the plan makes the line top-level. */
  private readonly parent = new Map<number, number | null>();
  // Per-line state lives in flat typed arrays indexed by a slot per line: 100.000 lines would
  // otherwise mean 100.000 small arrays and maps, and garbage collection dominating a file open.
  private readonly slots = new Map<number, number>();
  private capacity = 0;
  private used = 0;
  /** Stored figures: slot × every column; `storedSet` marks which are present. */
  private storedVal = new Float64Array(0);
  private storedSet = new Uint8Array(0);
  /** Computed values per leaf column: slot × leaf column. */
  private rowVal = new Float64Array(0);
  /** Whether a line contributes any amount to its parent. */
  private hasAmt = new Uint8Array(0);
  /** Number of children of a line that carry amounts. */
  private amountKids = new Int32Array(0);
  /** Number of stored figures at leaf columns on a line. */
  private ownLeafCount = new Int32Array(0);
  private grand!: Float64Array;
  private width!: number;
  private ncols!: number;

  constructor(columns: ColumnTree, lines: readonly Line[], amounts: readonly Amount[]) {
    this.useColumns(columns);
    this.reset(lines, amounts);
  }

  /** The column indexes of a tree (the stored and computed arrays are laid out by them). */
  private useColumns(columns: ColumnTree): void {
    this.cols = columns;
    this.width = columns.leaves.length;
    this.leafIndex = new Map(columns.leaves.map((c, i) => [c.key, i]));
    this.colKeys = columns.ordered.map((c) => c.key);
    this.colIndex = new Map(this.colKeys.map((k, i) => [k, i]));
    this.ncols = this.colKeys.length;
    this.leafIdxUnder = new Map(columns.ordered.map((c) => [c.key, (columns.leafKeysUnder.get(c.key) ?? []).map((k) => this.leafIndex.get(k)!)]));
    this.leafColCache = null;
    this.grand = new Float64Array(this.width);
  }

  /**
   * Take a new column tree (issue 13: a column added, moved, renamed or deleted) on the same lines:
   * each stored figure moves to its column's place in the new layout (figures on keys the tree no
   * longer has are dropped), then `figures` are stored (a step's own writes) and every total is
   * recomputed. O(lines × columns) over the typed arrays, no object per figure: 100.000 lines take
   * a small part of a line rebuild (reset).
   */
  setColumns(columns: ColumnTree, figures: Iterable<CellChange> = []): void {
    const oldTree = this.cols;
    const oldKeys = this.colKeys;
    const oldN = this.ncols;
    const oldVal = this.storedVal;
    const oldSet = this.storedSet;
    const oldLeaves = oldTree.leaves.map((c) => c.key);
    const oldWidth = this.width;
    const oldRows = this.rowVal;
    const oldGrand = this.grand;
    const laid = [...figures];
    this.useColumns(columns);
    const to = oldKeys.map((k) => this.colIndex.get(k) ?? -1);
    const n = this.ncols;
    this.storedVal = new Float64Array(this.capacity * n);
    this.storedSet = new Uint8Array(this.capacity * n);
    let dropped = false;
    for (let s = 0; s < this.used; s++) {
      for (let c = 0; c < oldN; c++) {
        const i = s * oldN + c;
        if (!oldSet[i]) continue;
        const j = to[c];
        if (j < 0) {
          dropped = true;
          continue;
        }
        this.storedSet[s * n + j] = 1;
        this.storedVal[s * n + j] = oldVal[i];
      }
    }
    // No figure laid or dropped, and every column that stays keeps its kind (leaf or group): no
    // computed value moves — the leaf rows are only laid out again (a new leaf column reads 0).
    const sameKinds = oldKeys.every((k) => !columns.has(k) || oldTree.isLeaf(k) === columns.isLeaf(k));
    if (laid.length === 0 && !dropped && sameKinds) {
      const leafTo = oldLeaves.map((k) => this.leafIndex.get(k) ?? -1);
      this.rowVal = new Float64Array(this.capacity * this.width);
      for (let s = 0; s < this.used; s++) {
        for (let li = 0; li < oldWidth; li++) if (leafTo[li] >= 0) this.rowVal[s * this.width + leafTo[li]] = oldRows[s * oldWidth + li];
      }
      for (let li = 0; li < oldWidth; li++) if (leafTo[li] >= 0) this.grand[leafTo[li]] = oldGrand[li];
      return;
    }
    this.rowVal = new Float64Array(this.capacity * this.width);
    for (const f of laid) this.storeRaw(f.lineId, f.column, f.value);
    this.recomputeAll();
  }

  /** Rebuild everything (after structural edits: insert, delete, move lines). O(n). */
  reset(lines: readonly Line[], amounts: readonly Amount[]): void {
    this.lines.clear();
    this.kids.clear();
    this.parent.clear();
    this.slots.clear();
    this.used = 0;
    this.allocate(Math.max(16, lines.length));
    for (const l of lines) {
      this.lines.set(l.id, l);
      this.slots.set(l.id, this.used++);
    }
    for (const l of lines) {
      const parent = l.parentId !== null && this.lines.has(l.parentId) ? l.parentId : null;
      this.parent.set(l.id, parent);
      const list = this.kids.get(parent);
      if (list) list.push(l.id);
      else this.kids.set(parent, [l.id]);
    }
    for (const list of this.kids.values()) {
      if (list.length > 1) list.sort((a, b) => this.lines.get(a)!.position - this.lines.get(b)!.position);
    }
    for (const a of amounts) this.storeRaw(a.lineId, a.column, a.value);
    this.recomputeAll();
  }

  /** Fresh arrays for `n` slots (state is rebuilt by the caller). */
  private allocate(n: number): void {
    this.capacity = n;
    this.storedVal = new Float64Array(n * this.ncols);
    this.storedSet = new Uint8Array(n * this.ncols);
    this.rowVal = new Float64Array(n * this.width);
    this.hasAmt = new Uint8Array(n);
    this.amountKids = new Int32Array(n);
    this.ownLeafCount = new Int32Array(n);
  }

  /** The slot of a line, giving one to a line added since the last reset (arrays grow by doubling). */
  private slotOf(lineId: number): number {
    let s = this.slots.get(lineId);
    if (s !== undefined) return s;
    if (this.used >= this.capacity) {
      const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T, per: number): T => {
        const b = new (a.constructor as new (n: number) => T)(this.capacity * 2 * per);
        b.set(a);
        return b;
      };
      this.storedVal = grow(this.storedVal, this.ncols);
      this.storedSet = grow(this.storedSet, this.ncols);
      this.rowVal = grow(this.rowVal, this.width);
      this.hasAmt = grow(this.hasAmt, 1);
      this.amountKids = grow(this.amountKids, 1);
      this.ownLeafCount = grow(this.ownLeafCount, 1);
      this.capacity *= 2;
    }
    s = this.used++;
    this.slots.set(lineId, s);
    return s;
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
    const c = this.colIndex.get(column);
    if (c === undefined) return; // a figure in a column this tree does not have
    const i = this.slotOf(lineId) * this.ncols + c;
    if (value === null) {
      this.storedSet[i] = 0;
      this.storedVal[i] = 0;
    } else {
      this.storedSet[i] = 1;
      this.storedVal[i] = value;
    }
  }

  private recomputeAll(): void {
    this.grand = new Float64Array(this.width);
    // Iterative post-order: plans can be deep enough to overflow a recursive walk.
    const order: number[] = [];
    const stack = [...(this.kids.get(null) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      order.push(id);
      const ks = this.kids.get(id);
      if (ks) for (const k of ks) stack.push(k);
    }
    this.leafCol(0); // the leaf columns' indexes, once for the whole pass
    for (let i = order.length - 1; i >= 0; i--) this.computeOwn(order[i]);
    for (const r of this.kids.get(null) ?? []) this.addRow(this.grand, 0, this.slots.get(r)!);
  }

  /**
   * Compute a line's row from its children's rows (already computed) or its stored figures. One
   * pass over the children: a child without amounts has a zero row, so only those with amounts
   * are added (a column's delete recomputes 100.000 lines).
   */
  private computeOwn(id: number): void {
    const s = this.slots.get(id)!;
    const leafCols = this.leafColCache!;
    const width = this.width;
    const stored = s * this.ncols;
    let count = 0;
    for (let li = 0; li < width; li++) if (this.storedSet[stored + leafCols[li]]) count++;
    this.ownLeafCount[s] = count;
    const children = this.kids.get(id);
    let amountKids = 0;
    const base = s * width;
    this.rowVal.fill(0, base, base + width);
    if (children) {
      for (const k of children) {
        const cs = this.slots.get(k)!;
        if (!this.hasAmt[cs]) continue;
        amountKids++;
        this.addRow(this.rowVal, base, cs);
      }
    }
    this.amountKids[s] = amountKids;
    if (amountKids === 0) this.writeOwnRow(s, this.rowVal, base);
    this.hasAmt[s] = amountKids > 0 || count > 0 ? 1 : 0;
  }

  private leafColCache: number[] | null = null;
  /** Index in the stored-figures table of the li-th leaf column. */
  private leafCol(li: number): number {
    if (!this.leafColCache) this.leafColCache = this.cols.leaves.map((c) => this.colIndex.get(c.key)!);
    return this.leafColCache[li];
  }

  /** target[base…] += computed row of slot `s`. */
  private addRow(target: Float64Array, base: number, s: number): void {
    const src = s * this.width;
    for (let i = 0; i < this.width; i++) target[base + i] += this.rowVal[src + i];
  }

  /** The line's own stated leaf-column figures, written at target[base…]. */
  private writeOwnRow(s: number, target: Float64Array, base: number): void {
    for (let li = 0; li < this.width; li++) {
      const i = s * this.ncols + this.leafCol(li);
      target[base + li] = this.storedSet[i] ? this.storedVal[i] : 0;
    }
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
    const s = this.slots.get(lineId);
    return this.isParent(lineId) && s !== undefined && this.amountKids[s] === 0;
  }

  /** True where the cell is a total (computed) rather than an entry. */
  isTotalPosition(lineId: number, column: string): boolean {
    return this.isParent(lineId) || !this.cols.isLeaf(column);
  }

  /** The computed amount of a cell. */
  value(lineId: number, column: string): Dong {
    const s = this.slots.get(lineId);
    if (s === undefined || !this.lines.has(lineId)) return 0;
    let sum = 0;
    const base = s * this.width;
    for (const i of this.leafIdxUnder.get(column) ?? []) sum += this.rowVal[base + i];
    return sum;
  }

  /** The program total (Σ top-level lines) of a column. */
  total(column: string): Dong {
    let sum = 0;
    for (const i of this.leafIdxUnder.get(column) ?? []) sum += this.grand[i];
    return sum;
  }

  /** The stored figure of a cell: the entry at a leaf×leaf position, a stated total elsewhere. */
  storedValue(lineId: number, column: string): Dong | undefined {
    const s = this.slots.get(lineId);
    const c = this.colIndex.get(column);
    if (s === undefined || c === undefined) return undefined;
    const i = s * this.ncols + c;
    return this.storedSet[i] ? this.storedVal[i] : undefined;
  }

  /** All stored figures of a line. */
  storedOf(lineId: number): ReadonlyMap<string, Dong> {
    const s = this.slots.get(lineId);
    const out = new Map<string, Dong>();
    if (s === undefined) return out;
    for (let c = 0; c < this.ncols; c++) {
      const i = s * this.ncols + c;
      if (this.storedSet[i]) out.set(this.colKeys[c], this.storedVal[i]);
    }
    return out;
  }

  /** Each stored figure of a line, in column order: storedOf without a map (edits over 100.000 lines read many). */
  forEachStored(lineId: number, fn: (column: string, value: Dong) => void): void {
    const s = this.slots.get(lineId);
    if (s === undefined) return;
    const base = s * this.ncols;
    for (let c = 0; c < this.ncols; c++) if (this.storedSet[base + c]) fn(this.colKeys[c], this.storedVal[base + c]);
  }

  /** Each stored figure of one column, line by line: the figures a column's delete removes, read straight from the table. */
  forEachInColumn(column: string, fn: (lineId: number, value: Dong) => void): void {
    const c = this.colIndex.get(column);
    if (c === undefined) return;
    for (const [lineId, s] of this.slots) {
      const i = s * this.ncols + c;
      if (this.storedSet[i] && this.lines.has(lineId)) fn(lineId, this.storedVal[i]);
    }
  }

  /** A stated total that differs from the computed value (an unallocated parent's own figures are its value). */
  statedMismatch(lineId: number, column: string): { stated: Dong; computed: Dong } | null {
    const stated = this.storedValue(lineId, column);
    if (stated === undefined || !this.isTotalPosition(lineId, column)) return null;
    const computed = this.value(lineId, column);
    return stated === computed ? null : { stated, computed };
  }

  /** Every stored figure of the plan's lines (for rebuilding after structural edits, and for export). */
  amountList(): Amount[] {
    const out: Amount[] = [];
    for (const lineId of this.lines.keys()) {
      const s = this.slots.get(lineId);
      if (s === undefined) continue;
      for (let c = 0; c < this.ncols; c++) {
        const i = s * this.ncols + c;
        if (this.storedSet[i]) out.push({ lineId, column: this.colKeys[c], value: this.storedVal[i] });
      }
    }
    return out;
  }

  /** Whether a line or any line below it carries an amount. */
  hasAmount(lineId: number): boolean {
    const s = this.slots.get(lineId);
    return s !== undefined && this.hasAmt[s] === 1;
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
    const s = this.slots.get(lineId)!;
    if ((before === undefined) !== (value === null)) this.ownLeafCount[s] += value === null ? -1 : 1;
    // The line's own row moves only when its own figures are its amount.
    const ownStands = !this.isParent(lineId) || this.amountKids[s] === 0;
    const delta = new Float64Array(this.width);
    if (ownStands) {
      const at = s * this.width + li;
      delta[li] = (value ?? 0) - this.rowVal[at];
      this.rowVal[at] = value ?? 0;
    }
    const oldHas = this.hasAmt[s] === 1;
    const nowHas = this.amountKids[s] > 0 || this.ownLeafCount[s] > 0;
    this.hasAmt[s] = nowHas ? 1 : 0;
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
      const ps = this.slots.get(p)!;
      const cs = this.slots.get(child)!;
      const wasAlloc = this.amountKids[ps] > 0;
      if (hasChanged) this.amountKids[ps] += this.hasAmt[cs] ? 1 : -1;
      const nowAlloc = this.amountKids[ps] > 0;
      const base = ps * this.width;
      if (wasAlloc && nowAlloc) {
        if (d) for (let i = 0; i < this.width; i++) this.rowVal[base + i] += d[i];
      } else if (wasAlloc !== nowAlloc) {
        // Allocation flips: children without amounts have zero rows, so the new row is either the
        // one child that now carries amounts, or the parent's own stated figures.
        const next = new Float64Array(this.width);
        if (nowAlloc) this.addRow(next, 0, cs);
        else this.writeOwnRow(ps, next, 0);
        const diff = new Float64Array(this.width);
        for (let i = 0; i < this.width; i++) {
          diff[i] = next[i] - this.rowVal[base + i];
          this.rowVal[base + i] = next[i];
        }
        d = isZero(diff) ? null : diff;
      } else {
        d = null; // an unallocated parent keeps its own figures
      }
      const oldHas = this.hasAmt[ps] === 1;
      const nowHas = nowAlloc || this.ownLeafCount[ps] > 0;
      this.hasAmt[ps] = nowHas ? 1 : 0;
      hasChanged = oldHas !== nowHas;
      changed.add(p);
      child = p;
      p = this.parentOf(p);
    }
    if (d) for (let i = 0; i < this.width; i++) this.grand[i] += d[i];
  }
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
