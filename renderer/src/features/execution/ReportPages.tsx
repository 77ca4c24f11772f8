// The printed execution report: the report table laid out by the plan annex's print view
// (PrintDocument: measured rows, repeated header, NĐ 30/2020 page numbers, the signature with the
// last rows), then the charts on pages of their own — two to a page, drawn by ECharts as SVG
// (server-side rendering: synchronous, so a page is complete the moment it is in the DOM). The same
// component is the window's print preview and the page Chromium prints to PDF (#/print-report).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReportChart } from '../../../../shared/print/execution-charts';
import { reportCharts } from '../../../../shared/print/execution-charts';
import { buildReportTable, executionAnnex, type ReportPrintData } from '../../../../shared/print/execution-report';
export type { ReportPrintData };
import { contentBox, sheetSize, type PrintSettings } from '../../../../shared/print/settings';
import { PrintDocument, type LaidOut } from '../../print/PrintDocument';
import { PRINT_FONT_FAMILY } from '../../print/fonts';
import { chartOption, echarts } from './chart-option';
import './report-print.css';

const PX_PER_MM = 96 / 25.4;
export const CHARTS_PER_PAGE = 2;

/** A chart as an SVG string, rendered at once (no animation, no DOM needed). */
export function chartSvg(chart: ReportChart, widthPx: number, heightPx: number): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: Math.round(widthPx), height: Math.round(heightPx) });
  try {
    c.setOption(chartOption(chart, { print: true, fontFamily: `'${PRINT_FONT_FAMILY}', 'Times New Roman', Tinos, serif` }));
    return c.renderToSVGString();
  } finally {
    c.dispose();
  }
}

export interface ReportLaidOut {
  /** Every page: the table's and the charts'. */
  pages: number;
  tablePages: number;
  shown: [number, number];
}

interface Props {
  data: ReportPrintData;
  zoom?: number;
  /** Show pages [from, to) only (chunked printing). */
  pages?: [number, number];
  onLaidOut?: (info: ReportLaidOut) => void;
}

export function ReportPages({ data, zoom = 1, pages, onLaidOut }: Props) {
  const { source, settings } = data;
  const annex = useMemo(() => executionAnnex(buildReportTable(source), source.meta, settings), [source, settings]);
  const charts = useMemo(() => reportCharts(data.charts), [data.charts]);
  const chartPages = Math.ceil(charts.length / CHARTS_PER_PAGE);
  const [tablePages, setTablePages] = useState<number | null>(null);
  const from = pages?.[0] ?? 0;
  const to = pages?.[1] ?? Number.MAX_SAFE_INTEGER;
  const onTable = (info: LaidOut) => setTablePages(info.pages);
  // Said once the pages asked for are in the DOM: the table's sheets (measured, fonts loaded) and
  // the chart sheets (SVG rendered synchronously) are committed together, before effects run.
  const laidOut = useRef(onLaidOut);
  laidOut.current = onLaidOut;
  useEffect(() => {
    if (tablePages === null) return;
    const total = tablePages + chartPages;
    laidOut.current?.({ pages: total, tablePages, shown: [Math.min(from, total), Math.min(to, total)] });
  }, [tablePages, chartPages, from, to]);
  const tableRange: [number, number] | undefined = pages ? [from, to] : undefined;
  return (
    <>
      {/* The report's tighter table (report-print.css) applies where the rows are measured too. */}
      <div className="pd-report-print">
        <PrintDocument annex={annex} settings={settings} zoom={zoom} pages={tableRange} onLaidOut={onTable} />
      </div>
      {tablePages !== null && (
        <div className="pd-print-doc pd-report-charts" style={{ zoom }}>
          {Array.from({ length: chartPages }, (_, k) => tablePages + k)
            .filter((p) => p >= from && p < to)
            .map((p) => (
              <ChartSheet key={p} page={p + 1} charts={charts.slice((p - tablePages) * CHARTS_PER_PAGE, (p - tablePages + 1) * CHARTS_PER_PAGE)} settings={settings} />
            ))}
        </div>
      )}
    </>
  );
}

function ChartSheet({ page, charts, settings }: { page: number; charts: ReportChart[]; settings: PrintSettings }) {
  const sheet = sheetSize(settings);
  const box = contentBox(settings);
  const m = settings.margins;
  const w = box.width * PX_PER_MM;
  const h = ((box.height - 6) / CHARTS_PER_PAGE) * PX_PER_MM;
  const svgs = useMemo(() => charts.map((c) => chartSvg(c, w, h)), [charts, w, h]);
  return (
    <section
      className="pd-sheet pd-chart-sheet"
      data-page={page}
      style={{ width: `${sheet.width}mm`, height: `${sheet.height}mm`, padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`, containIntrinsicSize: `${sheet.width}mm ${sheet.height}mm` }}
    >
      <div className="pd-page-no" style={{ top: `${Math.max(3, m.top / 2 - 2.5)}mm` }}>
        {page}
      </div>
      {svgs.map((svg, i) => (
        <div key={i} className="pd-report-chart" data-chart={charts[i].id} dangerouslySetInnerHTML={{ __html: svg }} />
      ))}
    </section>
  );
}
