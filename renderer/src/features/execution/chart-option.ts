// A report chart (shared/print/execution-charts.ts) as an ECharts option, and ECharts itself with
// only the parts these charts use (bar, line, grid, title, legend, tooltip; the SVG renderer, which
// prints sharp and renders server-side too). The same option draws the chart in the window and on
// the printed page; numbers on the axes and in tooltips are written the Vietnamese way (1.234,5).
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChart } from '../../../../shared/print/execution-charts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);
export { echarts };

const PALETTE = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47'];

/** Numbers as the report writes them: "1.234,5" (vi-VN) or "1,234.5". */
export function chartNumber(v: number, locale: 'vi-VN' | 'en-US' = 'vi-VN', decimals = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).format(v);
}

export interface OptionSettings {
  locale?: 'vi-VN' | 'en-US';
  /** Print: no animation, no tooltip, the print font. */
  print?: boolean;
  fontFamily?: string;
}

export function chartOption(chart: ReportChart, s: OptionSettings = {}): echarts.EChartsCoreOption {
  const locale = s.locale ?? 'vi-VN';
  const horizontal = chart.kind === 'bar';
  const fmt = (v: number) => chartNumber(v, locale, chart.series[0]?.measure === 'rate' ? 1 : 2);
  const category = {
    type: 'category',
    data: chart.categories,
    inverse: horizontal, // first project at the top, as in the table
    axisLabel: { interval: 0, width: horizontal ? 150 : 90, overflow: 'truncate' },
  };
  const value = { type: 'value', name: chart.valTitle, nameLocation: 'middle', nameGap: horizontal ? 28 : 56, axisLabel: { formatter: fmt } };
  return {
    animation: !s.print,
    color: PALETTE,
    textStyle: s.fontFamily ? { fontFamily: s.fontFamily } : undefined,
    title: { text: chart.title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    tooltip: s.print ? undefined : { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '') },
    grid: { left: horizontal ? 160 : 70, right: 30, top: 40, bottom: 60, containLabel: false },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: chart.series.map((ser) => ({
      name: ser.name,
      type: ser.asLine || chart.kind === 'line' ? 'line' : 'bar',
      stack: chart.stacked && !ser.asLine ? 'total' : undefined,
      data: ser.values,
      connectNulls: false,
      symbolSize: 6,
      label: !ser.asLine && ser.measure === 'rate' ? { show: true, position: horizontal ? 'right' : 'top', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmt(p.value) : '') } : undefined,
      lineStyle: ser.asLine ? { type: 'dashed' } : undefined,
    })),
  };
}
