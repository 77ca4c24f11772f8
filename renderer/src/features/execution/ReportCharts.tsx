// The report's charts beside the grid, live: ECharts (SVG renderer) draws the same chart
// descriptions the printed report and the exported workbook use (shared/print/execution-charts.ts),
// redrawn as figures change; a chart resizes with its panel.
import { useEffect, useRef } from 'react';
import type { ReportChart } from '../../../../shared/print/execution-charts';
import { chartOption, echarts } from './chart-option';

export function ReportChartView({ chart, locale }: { chart: ReportChart; locale: 'vi-VN' | 'en-US' }) {
  const el = useRef<HTMLDivElement>(null);
  const inst = useRef<ReturnType<typeof echarts.init> | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'svg' });
    inst.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      inst.current = null;
    };
  }, []);
  useEffect(() => {
    inst.current?.setOption(chartOption(chart, { locale }), { notMerge: true });
  }, [chart, locale]);
  return <div ref={el} className="pd-exec-chart" data-chart={chart.id} role="img" aria-label={chart.title} />;
}
