// The execution side of an open cycle in memory: reporting dates, figures and carried-over funds,
// indexed for the report builder (date → line → figures) and kept in step with the file by the
// session's DocActions (electron/engine/session.ts mirrors each one here).
import type { Dong } from '../model';
import {
  figureSubKey,
  type CarryoverAmount,
  type CarryoverSource,
  type ExecutionData,
  type Figure,
  type FigureKey,
  type ReportDate,
} from './model';

export class ExecutionState {
  readonly dates = new Map<number, ReportDate>();
  /** date id → line id → sub-key (column|unit|measure|fund) → figure. */
  readonly figures = new Map<number, Map<number, Map<string, Figure>>>();
  readonly sources = new Map<number, CarryoverSource>();
  /** source year → line id → column → carried-over plan amount. */
  readonly carryover = new Map<number, Map<number, Map<string, Dong>>>();
  /** Bumped on every change: caches (built reports) compare it. */
  version = 0;

  constructor(data?: ExecutionData) {
    if (!data) return;
    for (const d of data.dates) this.dates.set(d.id, { ...d });
    for (const f of data.figures) this.setFigure(f, f.value);
    for (const s of data.sources) this.sources.set(s.year, { ...s });
    for (const c of data.carryover) this.setCarryover(c.year, c.lineId, c.column, c.value);
  }

  /** Dates sorted by as-of date (the order periods are measured in). */
  sortedDates(): ReportDate[] {
    return [...this.dates.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.id - b.id));
  }

  /** The as-of date before `dateId` (by date), or null for the first. */
  previousDate(dateId: number): ReportDate | null {
    const all = this.sortedDates();
    const i = all.findIndex((d) => d.id === dateId);
    return i > 0 ? all[i - 1] : null;
  }

  dateByAsOf(asOf: string): ReportDate | undefined {
    for (const d of this.dates.values()) if (d.asOf === asOf) return d;
    return undefined;
  }

  nextDateId(): number {
    let m = 0;
    for (const id of this.dates.keys()) m = Math.max(m, id);
    return m + 1;
  }

  getFigure(k: FigureKey): Dong | null {
    return this.figures.get(k.dateId)?.get(k.lineId)?.get(figureSubKey(k.column, k.unitId, k.measure, k.fund))?.value ?? null;
  }

  setFigure(k: FigureKey, value: Dong | null): void {
    this.version++;
    const sub = figureSubKey(k.column, k.unitId, k.measure, k.fund);
    let byLine = this.figures.get(k.dateId);
    if (value === null) {
      const m = byLine?.get(k.lineId);
      if (!m) return;
      m.delete(sub);
      if (m.size === 0) byLine!.delete(k.lineId);
      return;
    }
    if (!byLine) this.figures.set(k.dateId, (byLine = new Map()));
    let m = byLine.get(k.lineId);
    if (!m) byLine.set(k.lineId, (m = new Map()));
    m.set(sub, { dateId: k.dateId, lineId: k.lineId, column: k.column, unitId: k.unitId, measure: k.measure, fund: k.fund, value });
  }

  /** Every figure of one date (for deleting a date with its figures). */
  figuresOfDate(dateId: number): Figure[] {
    const out: Figure[] = [];
    for (const m of this.figures.get(dateId)?.values() ?? []) for (const f of m.values()) out.push(f);
    return out;
  }

  /** Every figure in a column (for removing a column with its dependents). */
  figuresOfColumns(columns: ReadonlySet<string>): Figure[] {
    const out: Figure[] = [];
    for (const byLine of this.figures.values()) for (const m of byLine.values()) for (const f of m.values()) if (columns.has(f.column)) out.push(f);
    return out;
  }

  allFigures(): Figure[] {
    const out: Figure[] = [];
    for (const byLine of this.figures.values()) for (const m of byLine.values()) for (const f of m.values()) out.push(f);
    return out;
  }

  setDate(id: number, d: ReportDate | null): void {
    this.version++;
    if (d === null) this.dates.delete(id);
    else this.dates.set(id, { ...d });
  }

  setSource(year: number, s: CarryoverSource | null): void {
    this.version++;
    if (s === null) this.sources.delete(year);
    else this.sources.set(year, { ...s });
  }

  getCarryover(year: number, lineId: number, column: string): Dong | null {
    return this.carryover.get(year)?.get(lineId)?.get(column) ?? null;
  }

  setCarryover(year: number, lineId: number, column: string, value: Dong | null): void {
    this.version++;
    let byLine = this.carryover.get(year);
    if (value === null) {
      const m = byLine?.get(lineId);
      if (!m) return;
      m.delete(column);
      if (m.size === 0) byLine!.delete(lineId);
      return;
    }
    if (!byLine) this.carryover.set(year, (byLine = new Map()));
    let m = byLine.get(lineId);
    if (!m) byLine.set(lineId, (m = new Map()));
    m.set(column, value);
  }

  carryoverList(filter?: (a: CarryoverAmount) => boolean): CarryoverAmount[] {
    const out: CarryoverAmount[] = [];
    for (const [year, byLine] of this.carryover) {
      for (const [lineId, m] of byLine) for (const [column, value] of m) {
        const a = { year, lineId, column, value };
        if (!filter || filter(a)) out.push(a);
      }
    }
    return out;
  }

  /** The years funds come from: declared sources and any year that has amounts or figures. */
  fundYears(): number[] {
    const ys = new Set<number>(this.sources.keys());
    for (const y of this.carryover.keys()) ys.add(y);
    return [...ys].sort((a, b) => a - b);
  }

  data(): ExecutionData {
    return { dates: this.sortedDates(), figures: this.allFigures(), sources: [...this.sources.values()], carryover: this.carryoverList() };
  }
}
