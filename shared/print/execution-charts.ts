// The execution report's charts as data, drawn three ways from the same description: in the window
// and in print by ECharts (renderer/src/features/execution/chart-option.ts), and in the exported
// xlsx as native Excel charts (electron/engine/excel/execution-report.ts → chart-parts.ts). The four
// charts an officer looks at rather than reads: the disbursement rate by project (bars, the plan as
// a 100% reference line), plan vs disbursed by source and capital type (stacked: disbursed +
// remaining = plan), the rate over the as-of dates (line) and the rate by unit where the plan is
// allocated. Amounts go into charts in the display unit; rates in percent with one decimal, from
// the exact integer rule (rateTenths). Pure.
import type { DisplayUnit, Dong } from '../model';
import { UNIT_DONG } from '../model';
import { t, type Lang } from '../i18n';
import { rateTenths } from '../execution/model';

/** One bar, point or stack: a label with its plan and disbursed amounts (integer đồng). */
export interface ChartPoint {
  label: string;
  plan: Dong;
  disbursed: Dong;
}

export interface ChartSource {
  unit: DisplayUnit;
  /** The projects (the program's lines at the first level under the total). */
  projects: ChartPoint[];
  /** The leaf funding columns: source × capital type ("NSTW – ĐTPT"…). */
  sources: ChartPoint[];
  /** The whole plan at each as-of date, in date order (label "30/6/2024"). */
  dates: ChartPoint[];
  /** Units where the plan is allocated; empty otherwise. */
  units: ChartPoint[];
}

export type ChartId = 'rateByProject' | 'planVsDisbursed' | 'rateOverDates' | 'rateByUnit';

export interface ReportChartSeries {
  name: string;
  values: (number | null)[];
  /** Drawn as a line over the bars (the plan's 100% reference). */
  asLine?: boolean;
  /** What the values are: a rate in % or an amount in the display unit. */
  measure: 'rate' | 'amount';
}

export interface ReportChart {
  id: ChartId;
  kind: 'bar' | 'column' | 'line';
  stacked: boolean;
  title: string;
  categories: string[];
  series: ReportChartSeries[];
  valTitle: string;
}

/** A rate in percent with one decimal (the report's exact rule, rateTenths); null without a plan. */
export function ratePercent(disbursed: Dong, plan: Dong): number | null {
  const tenths = rateTenths(disbursed, plan);
  return tenths === null ? null : tenths / 10;
}

/** An amount in the display unit, for a chart's scale (charts need numbers, not exact text). */
export const inUnit = (dong: Dong, unit: DisplayUnit): number => dong / UNIT_DONG[unit];

/** The report's charts that have something to show, in the order they are printed. */
export function reportCharts(src: ChartSource, lang: Lang = 'vi'): ReportChart[] {
  const unitName = t(lang, `unit.${src.unit}`);
  const rate = t(lang, 'execrep.chart.rate');
  const charts: ReportChart[] = [];
  if (src.projects.length) {
    charts.push({
      id: 'rateByProject', kind: 'bar', stacked: false, title: t(lang, 'execrep.chart.rateByProject'), valTitle: rate,
      categories: src.projects.map((p) => p.label),
      series: [
        { name: rate, measure: 'rate', values: src.projects.map((p) => ratePercent(p.disbursed, p.plan)) },
        { name: t(lang, 'execrep.chart.planRef'), measure: 'rate', asLine: true, values: src.projects.map((p) => (p.plan ? 100 : null)) },
      ],
    });
  }
  if (src.sources.length) {
    charts.push({
      id: 'planVsDisbursed', kind: 'column', stacked: true, title: t(lang, 'execrep.chart.planVsDisbursed'), valTitle: unitName,
      categories: src.sources.map((p) => p.label),
      series: [
        { name: t(lang, 'execrep.col.disbursed'), measure: 'amount', values: src.sources.map((p) => inUnit(p.disbursed, src.unit)) },
        // Stacked over the disbursed part, the remaining part makes the bar as tall as the plan.
        { name: t(lang, 'execrep.col.remaining'), measure: 'amount', values: src.sources.map((p) => inUnit(Math.max(0, p.plan - p.disbursed), src.unit)) },
      ],
    });
  }
  if (src.dates.length) {
    charts.push({
      id: 'rateOverDates', kind: 'line', stacked: false, title: t(lang, 'execrep.chart.rateOverDates'), valTitle: rate,
      categories: src.dates.map((p) => p.label),
      series: [{ name: rate, measure: 'rate', values: src.dates.map((p) => ratePercent(p.disbursed, p.plan)) }],
    });
  }
  if (src.units.length) {
    charts.push({
      id: 'rateByUnit', kind: 'bar', stacked: false, title: t(lang, 'execrep.chart.rateByUnit'), valTitle: rate,
      categories: src.units.map((p) => p.label),
      series: [
        { name: rate, measure: 'rate', values: src.units.map((p) => ratePercent(p.disbursed, p.plan)) },
        { name: t(lang, 'execrep.chart.planRef'), measure: 'rate', asLine: true, values: src.units.map((p) => (p.plan ? 100 : null)) },
      ],
    });
  }
  return charts;
}
