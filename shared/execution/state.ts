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
  type Measure,
  type ReportDate,
} from './model';

/** The fixed part of a figure's key within a date: column × unit × measure × fund (a "series"). */
export interface Series {
  column: string;
  unitId: number | null;
  measure: Measure;
  fund: number;
}

export class ExecutionState {
  readonly dates = new Map<number, ReportDate>();
  /**
   * date id → series key (column|unit|measure|fund) → line id → value. One map of numbers per series
   * rather than an object per figure: 100.000 lines × 4 dates are ~800.000 figures, and that many
   * small objects would keep the garbage collector busy for seconds.
   */
  private readonly byDate = new Map<number, Map<string, Map<number, Dong>>>();
  private readonly seriesMeta = new Map<string, Series>();
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

  private seriesKey(k: Series): string {
    const key = figureSubKey(k.column, k.unitId, k.measure, k.fund);
    if (!this.seriesMeta.has(key)) this.seriesMeta.set(key, { column: k.column, unitId: k.unitId, measure: k.measure, fund: k.fund });
    return key;
  }

  getFigure(k: FigureKey): Dong | null {
    return this.byDate.get(k.dateId)?.get(figureSubKey(k.column, k.unitId, k.measure, k.fund))?.get(k.lineId) ?? null;
  }

  setFigure(k: FigureKey, value: Dong | null): void {
    this.version++;
    const key = this.seriesKey(k);
    let bySeries = this.byDate.get(k.dateId);
    if (value === null) {
      const m = bySeries?.get(key);
      if (!m) return;
      m.delete(k.lineId);
      if (m.size === 0) bySeries!.delete(key);
      if (bySeries!.size === 0) this.byDate.delete(k.dateId);
      return;
    }
    if (!bySeries) this.byDate.set(k.dateId, (bySeries = new Map()));
    let m = bySeries.get(key);
    if (!m) bySeries.set(key, (m = new Map()));
    m.set(k.lineId, value);
  }

  /** The series of a date with their values by line (the report builder's input). */
  *seriesOf(dateId: number): Generator<{ series: Series; values: ReadonlyMap<number, Dong> }> {
    for (const [key, values] of this.byDate.get(dateId) ?? []) yield { series: this.seriesMeta.get(key)!, values };
  }

  /** Whether a line has any figure at a date. */
  hasLineFigures(dateId: number, lineId: number): boolean {
    for (const m of this.byDate.get(dateId)?.values() ?? []) if (m.has(lineId)) return true;
    return false;
  }

  /** The figures of one line at one date. */
  lineFigures(dateId: number, lineId: number): Figure[] {
    const out: Figure[] = [];
    for (const { series, values } of this.seriesOf(dateId)) {
      const v = values.get(lineId);
      if (v !== undefined) out.push({ dateId, lineId, ...series, value: v });
    }
    return out;
  }

  /** Every line that has a figure at any date. */
  linesWithFigures(): Set<number> {
    const ids = new Set<number>();
    for (const bySeries of this.byDate.values()) for (const m of bySeries.values()) for (const id of m.keys()) ids.add(id);
    return ids;
  }

  /** How many figures a date has. */
  countOfDate(dateId: number): number {
    let n = 0;
    for (const m of this.byDate.get(dateId)?.values() ?? []) n += m.size;
    return n;
  }

  private collect(dateFilter: (dateId: number) => boolean, seriesFilter: (s: Series) => boolean): Figure[] {
    const out: Figure[] = [];
    for (const [dateId, bySeries] of this.byDate) {
      if (!dateFilter(dateId)) continue;
      for (const [key, m] of bySeries) {
        const series = this.seriesMeta.get(key)!;
        if (!seriesFilter(series)) continue;
        for (const [lineId, value] of m) out.push({ dateId, lineId, ...series, value });
      }
    }
    return out;
  }

  /** Every figure of one date (for deleting a date with its figures). */
  figuresOfDate(dateId: number): Figure[] {
    return this.collect((d) => d === dateId, () => true);
  }

  /** Every figure in a column (for removing a column with its dependents). */
  figuresOfColumns(columns: ReadonlySet<string>): Figure[] {
    return this.collect(() => true, (s) => columns.has(s.column));
  }

  /** Every figure of carried-over funds from one year. */
  figuresOfFund(fund: number): Figure[] {
    return this.collect(() => true, (s) => s.fund === fund);
  }

  allFigures(): Figure[] {
    return this.collect(() => true, () => true);
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
