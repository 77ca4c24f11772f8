// The cycle's units, their shares and criteria scores in memory (issue 14), indexed the three ways
// the engine asks: by line and column (the units' sum compared with the line's figure), by unit
// (a unit's totals, merge, delete) and by column (column removal). Each unit's totals per column
// are kept with every share set or cleared, so a board of 3.300 units reads them without walking
// 660.000 shares. Pure; the session mirrors every DocAction into it, so it always equals the file.
import type { Dong, Share, Unit, UnitScore } from '../model';

/** One share cell as a patch carries it: `value` null = the share was cleared. */
export interface ShareCell {
  unitId: number;
  lineId: number;
  column: string;
  value: Dong | null;
}

/** What a command changed among units and shares (Patch.units). */
export interface UnitsDelta {
  /** Units added or changed (as they are now). */
  upsert: Unit[];
  /** Ids of units removed. */
  removed: number[];
  /** Share cells changed, in the order applied (a cell may appear once, with its final value). */
  shares: ShareCell[];
  /** Whether criteria scores changed (the allocation dialog re-reads them). */
  scores: boolean;
}

const NO_SHARES: ReadonlyMap<number, Dong> = new Map();
const NO_CELLS: ReadonlyMap<number, ReadonlyMap<string, Dong>> = new Map();

export class UnitBook {
  readonly units = new Map<number, Unit>();
  /** lineId → column → unitId → value. */
  private readonly byLine = new Map<number, Map<string, Map<number, Dong>>>();
  /** unitId → lineId → column → value. */
  private readonly byUnit = new Map<number, Map<number, Map<string, Dong>>>();
  /** lineId:column → units' sum (kept with every set). */
  private readonly sums = new Map<string, Dong>();
  /**
   * unitId → column → the unit's shares on that column summed over its lines, and how many shares
   * (kept with every set; the count says when the column has none left, as a sum of 0 cannot).
   */
  private readonly totals = new Map<number, Map<string, { sum: Dong; count: number }>>();
  /** unitId → the book's change counter when one of the unit's shares last changed (never reused). */
  private readonly revisions = new Map<number, number>();
  private changes = 0;
  /** scheme → unitId → score. */
  private readonly scoreMap = new Map<string, Map<number, number>>();
  private shareCount = 0;

  constructor(units: readonly Unit[] = [], shares: readonly Share[] = [], scores: readonly UnitScore[] = []) {
    for (const u of units) this.units.set(u.id, { ...u });
    for (const s of shares) this.setShare(s.unitId, s.lineId, s.column, s.value);
    for (const s of scores) this.setScore(s.scheme, s.unitId, s.score);
  }

  get size(): number {
    return this.shareCount;
  }

  putUnit(u: Unit): void {
    this.units.set(u.id, { ...u });
  }

  removeUnit(id: number): void {
    this.units.delete(id);
  }

  /** Units in tree order (parents before children, siblings by position), with their depth. */
  ordered(): { unit: Unit; depth: number }[] {
    const kids = new Map<number | null, Unit[]>();
    for (const u of this.units.values()) {
      const p = u.parentId !== null && this.units.has(u.parentId) ? u.parentId : null;
      let list = kids.get(p);
      if (!list) kids.set(p, (list = []));
      list.push(u);
    }
    for (const list of kids.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
    const out: { unit: Unit; depth: number }[] = [];
    const seen = new Set<number>();
    const walk = (p: number | null, depth: number) => {
      for (const u of kids.get(p) ?? []) {
        if (seen.has(u.id)) continue; // a parent loop in a damaged file
        seen.add(u.id);
        out.push({ unit: u, depth });
        walk(u.id, depth + 1);
      }
    };
    walk(null, 0);
    return out;
  }

  /** Children of a unit (or the top level), by position. */
  children(parentId: number | null): Unit[] {
    return [...this.units.values()].filter((u) => u.parentId === parentId).sort((a, b) => a.position - b.position || a.id - b.id);
  }

  share(unitId: number, lineId: number, column: string): Dong | null {
    return this.byUnit.get(unitId)?.get(lineId)?.get(column) ?? null;
  }

  /** Set or clear (null) one share, keeping every index and sum. */
  setShare(unitId: number, lineId: number, column: string, value: Dong | null): void {
    const old = this.share(unitId, lineId, column);
    const key = `${lineId}:${column}`;
    const sum = (this.sums.get(key) ?? 0) - (old ?? 0) + (value ?? 0);
    if (value === null) {
      if (old === null) return;
      this.shareCount--;
      const cells = this.byLine.get(lineId)!;
      const units = cells.get(column)!;
      units.delete(unitId);
      if (!units.size) {
        cells.delete(column);
        this.sums.delete(key);
        if (!cells.size) this.byLine.delete(lineId);
      } else this.sums.set(key, sum);
      const lines = this.byUnit.get(unitId)!;
      const cols = lines.get(lineId)!;
      cols.delete(column);
      if (!cols.size) lines.delete(lineId);
      if (!lines.size) this.byUnit.delete(unitId);
      this.addToTotal(unitId, column, -old, -1);
      return;
    }
    if (old === null) this.shareCount++;
    let cells = this.byLine.get(lineId);
    if (!cells) this.byLine.set(lineId, (cells = new Map()));
    let units = cells.get(column);
    if (!units) cells.set(column, (units = new Map()));
    units.set(unitId, value);
    let lines = this.byUnit.get(unitId);
    if (!lines) this.byUnit.set(unitId, (lines = new Map()));
    let cols = lines.get(lineId);
    if (!cols) lines.set(lineId, (cols = new Map()));
    cols.set(column, value);
    this.sums.set(key, sum);
    this.addToTotal(unitId, column, value - (old ?? 0), old === null ? 1 : 0);
  }

  private addToTotal(unitId: number, column: string, delta: Dong, count: number): void {
    this.revisions.set(unitId, ++this.changes);
    let cols = this.totals.get(unitId);
    if (!cols) this.totals.set(unitId, (cols = new Map()));
    const t = cols.get(column);
    if (!t) {
      cols.set(column, { sum: delta, count });
      return;
    }
    t.sum += delta;
    t.count += count;
    if (t.count > 0) return;
    cols.delete(column);
    if (!cols.size) this.totals.delete(unitId);
  }

  /**
   * Changes whenever one of the unit's shares is set or cleared, and only then (0: none ever held):
   * what a view derived from a unit's shares keeps to know it still holds.
   */
  unitRevision(unitId: number): number {
    return this.revisions.get(unitId) ?? 0;
  }

  /**
   * A unit's shares summed per column over every line it holds one on (only columns where it holds
   * some): kept as shares are set, never walked. Lines that no longer hold figures are counted too;
   * a caller leaving them out subtracts their cells (`cell`).
   */
  unitTotals(unitId: number): Record<string, Dong> {
    const out: Record<string, Dong> = {};
    for (const [column, t] of this.totals.get(unitId) ?? []) out[column] = t.sum;
    return out;
  }

  /** The units' sum on one line and column (0 when none). */
  sum(lineId: number, column: string): Dong {
    return this.sums.get(`${lineId}:${column}`) ?? 0;
  }

  /** The units holding a share on one line and column, with their values. */
  cell(lineId: number, column: string): ReadonlyMap<number, Dong> {
    return this.byLine.get(lineId)?.get(column) ?? NO_SHARES;
  }

  /** Columns of a line that carry shares. */
  columnsOf(lineId: number): string[] {
    return [...(this.byLine.get(lineId)?.keys() ?? [])];
  }

  /** Lines that carry any share. */
  linesWithShares(): number[] {
    return [...this.byLine.keys()];
  }

  hasShares(lineId: number): boolean {
    return this.byLine.has(lineId);
  }

  sharesOfLine(lineId: number): Share[] {
    const out: Share[] = [];
    for (const [column, units] of this.byLine.get(lineId) ?? []) for (const [unitId, value] of units) out.push({ unitId, lineId, column, value });
    return out;
  }

  /** A unit's shares as the book keeps them (lineId → column → value): for views that read many. */
  unitCells(unitId: number): ReadonlyMap<number, ReadonlyMap<string, Dong>> {
    return this.byUnit.get(unitId) ?? NO_CELLS;
  }

  sharesOfUnit(unitId: number): Share[] {
    const out: Share[] = [];
    for (const [lineId, cols] of this.byUnit.get(unitId) ?? []) for (const [column, value] of cols) out.push({ unitId, lineId, column, value });
    return out;
  }

  sharesOfColumns(columns: Iterable<string>): Share[] {
    const want = new Set(columns);
    const out: Share[] = [];
    for (const [lineId, cells] of this.byLine) {
      for (const [column, units] of cells) if (want.has(column)) for (const [unitId, value] of units) out.push({ unitId, lineId, column, value });
    }
    return out;
  }

  allShares(): Share[] {
    const out: Share[] = [];
    for (const [unitId, lines] of this.byUnit) for (const [lineId, cols] of lines) for (const [column, value] of cols) out.push({ unitId, lineId, column, value });
    return out;
  }

  score(scheme: string, unitId: number): number | null {
    return this.scoreMap.get(scheme)?.get(unitId) ?? null;
  }

  setScore(scheme: string, unitId: number, score: number | null): void {
    let m = this.scoreMap.get(scheme);
    if (score === null) {
      m?.delete(unitId);
      if (m && !m.size) this.scoreMap.delete(scheme);
      return;
    }
    if (!m) this.scoreMap.set(scheme, (m = new Map()));
    m.set(unitId, score);
  }

  schemes(): string[] {
    return [...this.scoreMap.keys()].sort();
  }

  scoresOf(scheme: string): ReadonlyMap<number, number> {
    return this.scoreMap.get(scheme) ?? new Map();
  }

  scoresOfUnit(unitId: number): UnitScore[] {
    const out: UnitScore[] = [];
    for (const [scheme, m] of this.scoreMap) {
      const s = m.get(unitId);
      if (s !== undefined) out.push({ scheme, unitId, score: s });
    }
    return out;
  }

  allScores(): UnitScore[] {
    const out: UnitScore[] = [];
    for (const [scheme, m] of this.scoreMap) for (const [unitId, score] of m) out.push({ scheme, unitId, score });
    return out;
  }
}
