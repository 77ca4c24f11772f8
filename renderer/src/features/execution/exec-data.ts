// The execution view's data in the window: the cycle's reporting dates, the report of the date shown
// (every row: plan, disbursed, rate, remaining, in the period — the engine's, from execution/report)
// and every date's totals (the chart over time). An edit's answer carries the rows it changed and the
// new totals, applied in place; any other change of the execution side (undo, redo, an import, a
// date added elsewhere) re-reads. A tiny external store the view subscribes to.
import type { ReportFigures, ReportRowView, ReportView } from '../../../../shared/execution/report';
import type { ReportDate } from '../../../../shared/execution/model';
import type { PlanDeskBridge } from '../../../../shared/ipc';
import type { ChartPoint } from '../../../../shared/print/execution-charts';

export type ExecChange = { kind: 'rows'; lineIds: number[] } | { kind: 'all' };

export class ExecutionData {
  dates: ReportDate[] = [];
  dateId: number | null = null;
  view: ReportView | null = null;
  rows: ReportRowView[] = [];
  /** Totals of every date, in date order (the rate over the as-of dates). */
  dateTotals: { asOf: string; totals: ReportFigures }[] = [];
  /** The units' plan and disbursement at the date shown, where the plan is allocated (the chart by unit). */
  units: ChartPoint[] = [];
  private readonly index = new Map<number, number>();
  private readonly listeners = new Set<(c: ExecChange) => void>();
  version = 0;

  subscribe = (l: (c: ExecChange) => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private emit(c: ExecChange): void {
    this.version++;
    for (const l of this.listeners) l(c);
  }

  get date(): ReportDate | null {
    return this.dates.find((d) => d.id === this.dateId) ?? null;
  }

  /** Read the dates and the report of `dateId` (default: the one shown, else the latest date). */
  async load(bridge: PlanDeskBridge, dateId?: number | null): Promise<void> {
    const { dates } = await bridge.invoke('execution/dates', {});
    const want = dateId ?? this.dateId;
    const id = dates.some((d) => d.id === want) ? want : (dates.at(-1)?.id ?? null);
    let view: ReportView | null = null;
    const totals: { asOf: string; totals: ReportFigures }[] = [];
    let units: ChartPoint[] = [];
    if (id !== null) {
      units = (await bridge.invoke('execrep/units', { dateId: id })).units;
      view = await bridge.invoke('execution/report', { dateId: id });
      for (const d of dates) {
        const r = d.id === id ? view : await bridge.invoke('execution/report', { dateId: d.id, count: 0 });
        totals.push({ asOf: d.asOf, totals: r.totals });
      }
    }
    this.dates = dates;
    this.dateId = id;
    this.view = view;
    this.rows = view?.rows ?? [];
    this.dateTotals = totals;
    this.units = units;
    this.index.clear();
    this.rows.forEach((r, i) => this.index.set(r.lineId, i));
    this.emit({ kind: 'all' });
  }

  /** An edit's answer: its changed rows and the date's new totals. */
  applyRows(dateId: number, rows: readonly ReportRowView[], totals: ReportFigures): void {
    if (dateId !== this.dateId || !this.view) return;
    const changed: number[] = [];
    for (const r of rows) {
      const i = this.index.get(r.lineId);
      if (i === undefined) continue;
      this.rows[i] = r;
      changed.push(r.lineId);
    }
    this.view = { ...this.view, totals, rows: this.rows };
    const asOf = this.date?.asOf;
    this.dateTotals = this.dateTotals.map((d) => (d.asOf === asOf ? { asOf: d.asOf, totals } : d));
    this.emit({ kind: 'rows', lineIds: changed });
  }

  rowOf(lineId: number): ReportRowView | undefined {
    const i = this.index.get(lineId);
    return i === undefined ? undefined : this.rows[i];
  }

  /** The figure entered on a line (its own, not a sum) — what a copy or a fill takes. */
  ownFigure(lineId: number, column: string): number | null {
    const r = this.rowOf(lineId);
    if (!r || !r.holds) return null;
    return r.disbursed[column] ?? null;
  }
}

export const executionData = new ExecutionData();
