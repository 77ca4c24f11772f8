// The report's charts drawn by ECharts (server-side SVG here, the same option the window and the
// printed page use): each chart shows its title, its categories and Vietnamese numbers.
import { describe, expect, it } from 'vitest';
import { reportCharts, type ChartSource } from '../../../../shared/print/execution-charts';
import { chartNumber, chartOption, echarts } from './chart-option';

const src: ChartSource = {
  unit: 'trieu',
  projects: [
    { label: 'Dự án 1', plan: 1_000_000_000, disbursed: 778_000_000 },
    { label: 'Dự án 2', plan: 3_000_000_000, disbursed: 1_000_000_000 },
    { label: 'Dự án 3', plan: 0, disbursed: 0 },
  ],
  sources: [
    { label: 'NSTW – ĐTPT', plan: 2_500_000_000, disbursed: 1_234_500_000 },
    { label: 'NSĐP – SN', plan: 1_500_000_000, disbursed: 543_500_000 },
  ],
  dates: [
    { label: '30/6/2024', plan: 4_000_000_000, disbursed: 1_000_000_000 },
    { label: '31/12/2024', plan: 4_000_000_000, disbursed: 1_778_000_000 },
  ],
  units: [],
};

function svgOf(i: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 });
  chart.setOption(chartOption(reportCharts(src)[i], { print: true }));
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('report charts', () => {
  it('describes the charts that have data, with exact rates', () => {
    const charts = reportCharts(src);
    expect(charts.map((c) => c.id)).toEqual(['rateByProject', 'planVsDisbursed', 'rateOverDates']); // no units: no unit chart
    expect(charts[0].series[0].values).toEqual([77.8, 33.3, null]);
    expect(charts[0].series[1]).toMatchObject({ asLine: true, values: [100, 100, null] });
    expect(charts[1].series.map((s) => s.values)).toEqual([[1234.5, 543.5], [1265.5, 956.5]]); // disbursed + remaining = plan
    expect(charts[2].series[0].values).toEqual([25, 44.5]);
    expect(reportCharts({ ...src, units: [{ label: 'UBND huyện Tuy Đức', plan: 3, disbursed: 2 }] }).at(-1)!.series[0].values).toEqual([66.7]);
  });

  it('writes numbers the Vietnamese way', () => {
    expect(chartNumber(1234.5)).toBe('1.234,5');
    expect(chartNumber(77.8)).toBe('77,8');
    expect(chartNumber(1234.5, 'en-US')).toBe('1,234.5');
  });

  it('ECharts draws each chart as SVG with its title, categories and rates', () => {
    const bars = svgOf(0);
    expect(bars).toContain('Tỷ lệ giải ngân theo dự án');
    expect(bars).toContain('Dự án 2');
    expect(bars).toContain('77,8'); // bar label, vi-VN
    const stacked = svgOf(1);
    expect(stacked).toContain('NSTW – ĐTPT');
    expect(stacked).toContain('Còn lại');
    const line = svgOf(2);
    expect(line).toContain('31/12/2024');
    expect(line).toContain('Tỷ lệ giải ngân qua các kỳ báo cáo');
  });
});
