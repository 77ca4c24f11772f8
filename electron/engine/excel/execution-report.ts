// The execution report as an .xlsx: the printed report's table (shared/print/execution-report.ts —
// title, "(Số liệu đến ngày …)", unit, the two-row header, the column-number row, TỔNG CỘNG, bold
// parents, carried-over sections, the combined total) as the FIRST sheet, with live formulas: a
// parent's figure is the SUM of its children's cells and the "Tổng số" column the sum of the
// sources' cells where they add up (else the figure itself), rate = ROUND(disbursed / plan × 100, 1),
// remaining = plan − disbursed — each with its cached result, so Excel shows the numbers before any
// recalculation. A second sheet, "Biểu đồ", holds the charts' data (the projects' cells link to the
// report sheet) and the report's charts as NATIVE Excel charts over those ranges (chart-parts.ts),
// the same charts the window and the printed report draw (shared/print/execution-charts.ts).
import path from 'node:path';
import type { CycleMeta } from '../../../shared/model';
import { t, type Lang } from '../../../shared/i18n';
import { placeHeader } from '../../../shared/print/annex';
import { reportCharts, type ChartPoint, type ChartSource, type ReportChart } from '../../../shared/print/execution-charts';
import type { ReportCell, ReportTable } from '../../../shared/print/execution-report';
import { checkWriteTarget } from '../safety/write-target';
import { writeAtomic } from '../store/atomic-write';
import { dongToDecimal } from './annex';
import { rangeRef, type ChartSpec } from './chart-parts';
import { ImportError } from './errors';
import { colLetter } from './text';
import { StyleRegistry, writeWorkbook, type SheetSpec, type StyleSpec, type WCell } from './xlsx-writer';

export interface ReportXlsxInput {
  table: ReportTable;
  meta: CycleMeta;
  charts: ChartSource;
  lang?: Lang;
}

/** Longest formula written; a longer SUM (a line with thousands of children) is written as its figure. */
const MAX_FORMULA = 8000;

export function buildReportWorkbook(input: ReportXlsxInput): { sheets: SheetSpec[]; styles: StyleRegistry } {
  const { table, meta } = input;
  const lang = input.lang ?? 'vi';
  const unit = meta.unit;
  const styles = new StyleRegistry('Times New Roman', 12);
  const S = (s: StyleSpec) => styles.id(s);
  const st = {
    title: S({ bold: true, size: 14, h: 'center', v: 'center', wrap: true }),
    asOf: S({ italic: true, size: 13, h: 'center' }),
    unit: S({ italic: true, h: 'right' }),
    header: S({ bold: true, h: 'center', v: 'center', wrap: true, border: true }),
    colnum: S({ italic: true, size: 10, h: 'center', v: 'center', border: true }),
    code: [S({ h: 'center', v: 'center', border: true }), S({ bold: true, h: 'center', v: 'center', border: true })],
    amount: [S({ v: 'center', border: true, numFmt: '#,##0.###' }), S({ bold: true, v: 'center', border: true, numFmt: '#,##0.###' })],
    rate: [S({ v: 'center', border: true, numFmt: '0.0' }), S({ bold: true, v: 'center', border: true, numFmt: '0.0' })],
    plain: S({}),
    bold: S({ bold: true }),
    num: S({ numFmt: '#,##0.###' }),
    pct: S({ numFmt: '0.0' }),
  };
  const nameStyle = new Map<string, number>();
  const nameOf = (depth: number, bold: boolean) => {
    const k = `${depth}${bold}`;
    let id = nameStyle.get(k);
    if (id === undefined) nameStyle.set(k, (id = S({ bold, v: 'center', wrap: true, border: true, ...(depth > 0 ? { indent: Math.min(depth, 15) } : {}) })));
    return id;
  };

  const nCols = table.cols.length;
  const last = colLetter(nCols - 1);
  const merges: string[] = [];
  const out: (WCell | undefined)[][] = [];
  const full = (v: string, s: number) => {
    out.push([{ t: 's', v, s }]);
    merges.push(`A${out.length}:${last}${out.length}`);
  };
  full(table.title, st.title);
  full(table.asOfLine, st.asOf);
  {
    const r: (WCell | undefined)[] = [];
    r[Math.max(0, nCols - 3)] = { t: 's', v: table.unitLabel, s: st.unit };
    out.push(r);
    merges.push(`${colLetter(Math.max(0, nCols - 3))}${out.length}:${last}${out.length}`);
  }
  const h0 = out.length;
  const header: (WCell | undefined)[][] = table.header.map(() => []);
  for (const cell of placeHeader(table.header, nCols)) {
    const r2 = cell.row + cell.rowSpan - 1;
    const c2 = cell.col + cell.colSpan - 1;
    header[cell.row][cell.col] = { t: 's', v: cell.label, s: st.header };
    for (let rr = cell.row; rr <= r2; rr++) for (let cc = cell.col; cc <= c2; cc++) if (rr !== cell.row || cc !== cell.col) header[rr][cc] = { t: 'blank', s: st.header };
    if (r2 > cell.row || c2 > cell.col) merges.push(`${colLetter(cell.col)}${h0 + cell.row + 1}:${colLetter(c2)}${h0 + r2 + 1}`);
  }
  out.push(...header);
  out.push(table.numbers.map((v): WCell => ({ t: 's', v, s: st.colnum })));
  const first = out.length; // 0-based sheet row of the first body row

  // ---- which cells a figure is the sum of -------------------------------------------------------
  // Children by depth, inside a block (the year's lines, or one carried-over section): the total
  // row's parts are its block's depth-0 lines; a line's are the following lines one level deeper.
  const rows = table.rows;
  const parts: number[][] = rows.map(() => []);
  const totals: number[] = [];
  let blockTotal = -1;
  const stack: number[] = [];
  rows.forEach((r, i) => {
    if (r.role !== 'line') {
      stack.length = 0;
      blockTotal = r.role === 'total' || r.role === 'sectionTotal' ? i : -1;
      if (blockTotal >= 0) totals.push(i);
      if (r.role === 'combined') parts[i] = totals.slice();
      return;
    }
    while (stack.length && rows[stack[stack.length - 1]].depth >= r.depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : blockTotal;
    // A formula is written only where the parts add up exactly, so a part too many cannot mislead.
    if (parent >= 0) parts[parent].push(i);
    stack.push(i);
  });
  const colIndex = (kind: string, key: string) => table.cols.findIndex((c) => c.kind === kind && 'key' in c && c.key === key);
  const valueKeys = table.valueCols.map((c) => c.key);
  const rowNo = (i: number) => first + i + 1;
  const amountOf = (c: ReportCell) => (c.t === 'amount' ? c.v : 0);

  const body: (WCell | undefined)[][] = rows.map((r, i) => {
    const bold = r.bold || r.lineId === null ? 1 : 0;
    const cells: (WCell | undefined)[] = [];
    table.cols.forEach((col, c) => {
      const cell = r.cells[c];
      if (col.kind === 'code') cells.push({ t: 's', v: cell.t === 'text' ? cell.v : '', s: st.code[bold] });
      else if (col.kind === 'name') cells.push({ t: 's', v: cell.t === 'text' ? cell.v : '', s: nameOf(Math.max(0, r.depth), bold === 1) });
      else if (r.heading) cells.push({ t: 'blank', s: st.amount[0] });
      else if (col.kind === 'rate') {
        const p = `${colLetter(colIndex('plan', col.key))}${rowNo(i)}`;
        const d = `${colLetter(colIndex('disbursed', col.key))}${rowNo(i)}`;
        const v = cell.t === 'rate' ? cell.v : null;
        cells.push({ t: 'f', f: `IF(${p}=0,"",ROUND(${d}/${p}*100,1))`, v: v === null ? '' : String(v / 10), str: v === null, s: st.rate[bold] });
      } else if (col.kind === 'remaining') {
        const p = `${colLetter(colIndex('plan', col.key))}${rowNo(i)}`;
        const d = `${colLetter(colIndex('disbursed', col.key))}${rowNo(i)}`;
        cells.push({ t: 'f', f: `${p}-${d}`, v: dongToDecimal(amountOf(cell), unit), s: st.amount[bold] });
      } else {
        const value = amountOf(cell);
        const v = dongToDecimal(value, unit);
        const L = colLetter(c);
        // The total column: the sum of the sources in the same row, where they add up.
        const group = col.kind === 'plan' || col.kind === 'disbursed' ? col.key === valueKeys[0] && valueKeys.length > 1 : false;
        const kids = parts[i];
        let f: string | null = null;
        if (kids.length && kids.reduce((s, k) => s + amountOf(rows[k].cells[c]), 0) === value) {
          f = `SUM(${kids.map((k) => `${L}${rowNo(k)}`).join(',')})`;
        } else if (group) {
          const srcCols = valueKeys.slice(1).map((k) => colIndex(col.kind, k));
          if (srcCols.reduce((s, sc) => s + amountOf(r.cells[sc]), 0) === value) f = srcCols.map((sc) => `${colLetter(sc)}${rowNo(i)}`).join('+');
        }
        cells.push(f && f.length <= MAX_FORMULA ? { t: 'f', f, v, s: st.amount[bold] } : value ? { t: 'n', v, s: st.amount[bold] } : { t: 'blank', s: st.amount[bold] });
      }
    });
    return cells;
  });

  const widths = table.cols.map((c) => (c.kind === 'code' ? 7 : c.kind === 'name' ? 45 : c.kind === 'rate' ? 10 : 15));
  const reportName = t(lang, 'execrep.sheet');
  const report: SheetSpec = {
    name: reportName,
    widths,
    freeze: { rows: first, cols: 2 },
    page: { landscape: true, margins: { left: 30, right: 15, top: 20, bottom: 20 }, header: '&C&P', headerNotOnFirst: true, printTitles: [h0 + 1, first] },
    merges,
    notes: [],
    rows: async (emit) => {
      for (const r of out) await emit(r);
      for (const r of body) await emit(r);
    },
  };

  // ---- the charts' sheet: data blocks, each with its chart beside it -----------------------------
  const charts = reportCharts(input.charts, lang);
  const chartName = t(lang, 'execrep.chart.sheet');
  const data: (WCell | undefined)[][] = [];
  const specs: ChartSpec[] = [];
  const txt = (v: string, s = st.plain): WCell => ({ t: 's', v, s });
  // Project rows of the report sheet (depth 0 lines of the year's block), to link their figures.
  const firstHeading = rows.findIndex((r) => r.role === 'heading');
  const projectRows = rows.map((r, i) => ({ r, i })).filter(({ r, i }) => r.role === 'line' && r.depth === 0 && (firstHeading < 0 || i < firstHeading));
  const planTotal = colIndex('plan', valueKeys[0]);
  const disbTotal = colIndex('disbursed', valueKeys[0]);
  const q = (ref: string) => `'${reportName.replace(/'/g, "''")}'!${ref}`;
  const block = (chart: ReportChart, points: ChartPoint[], link: ((k: number) => { plan: string; disbursed: string }) | null) => {
    const top = data.length;
    const head = [t(lang, 'print.col.name'), t(lang, 'execrep.col.plan', { year: meta.year }), t(lang, 'execrep.col.disbursed'), t(lang, 'execrep.col.rate'), t(lang, 'execrep.chart.planRef'), t(lang, 'execrep.col.remaining')];
    data.push([txt(chart.title, st.bold)]);
    data.push(head.map((h) => txt(h, st.bold)));
    points.forEach((p, k) => {
      const r = data.length + 1;
      const l = link?.(k);
      const plan = dongToDecimal(p.plan, unit);
      const disb = dongToDecimal(p.disbursed, unit);
      const rate = chart.series[0].measure === 'rate' ? chart.series[0].values[k] : null;
      data.push([
        txt(p.label),
        l ? { t: 'f', f: l.plan, v: plan, s: st.num } : { t: 'n', v: plan, s: st.num },
        l ? { t: 'f', f: l.disbursed, v: disb, s: st.num } : { t: 'n', v: disb, s: st.num },
        { t: 'f', f: `IF(B${r}=0,"",ROUND(C${r}/B${r}*100,1))`, v: rate === null || rate === undefined ? '' : String(rate), str: rate === null || rate === undefined, s: st.pct },
        p.plan ? { t: 'n', v: '100', s: st.pct } : undefined,
        { t: 'f', f: `MAX(0,B${r}-C${r})`, v: dongToDecimal(Math.max(0, p.plan - p.disbursed), unit), s: st.num },
      ]);
    });
    const r0 = top + 2;
    const r1 = top + 1 + points.length;
    const cats = rangeRef(chartName, 0, r0, 0, r1);
    const colOfSeries = (k: number) => (chart.id === 'planVsDisbursed' ? [2, 5][k] : [3, 4][k]);
    specs.push({
      kind: chart.kind, stacked: chart.stacked, title: chart.title, catRef: cats, categories: chart.categories, valTitle: chart.valTitle,
      valFormat: chart.series[0].measure === 'rate' ? '0.0' : '#,##0',
      series: chart.series.map((s, k) => ({ name: s.name, nameRef: rangeRef(chartName, colOfSeries(k), top + 1), valRef: rangeRef(chartName, colOfSeries(k), r0, colOfSeries(k), r1), values: s.values, asLine: s.asLine })),
      anchor: { col: 7, row: top, cols: 9, rows: Math.max(18, points.length + 3) },
    });
    // Leave room for the chart before the next block.
    const end = top + Math.max(19, points.length + 4);
    while (data.length < end) data.push([]);
  };
  for (const chart of charts) {
    if (chart.id === 'rateByProject') {
      block(chart, input.charts.projects, (k) => {
        const row = projectRows[k] ? rowNo(projectRows[k].i) : null;
        return row === null ? { plan: '0', disbursed: '0' } : { plan: q(`${colLetter(planTotal)}${row}`), disbursed: q(`${colLetter(disbTotal)}${row}`) };
      });
    } else if (chart.id === 'planVsDisbursed') block(chart, input.charts.sources, null);
    else if (chart.id === 'rateOverDates') block(chart, input.charts.dates, null);
    else block(chart, input.charts.units, null);
  }
  const chartSheet: SheetSpec = {
    name: chartName,
    widths: [34, 16, 16, 12, 12, 16],
    merges: [],
    notes: [],
    charts: specs,
    rows: async (emit) => {
      for (const r of data) await emit(r);
    },
  };
  return { sheets: specs.length ? [report, chartSheet] : [report], styles };
}

/** Write the report workbook to `out` (the write-target check first; temp file + rename). */
export async function exportReportXlsx(input: ReportXlsxInput, out: string): Promise<void> {
  checkWriteTarget(out, 'document');
  try {
    await writeAtomic(out, async (tmp) => {
      const { sheets, styles } = buildReportWorkbook(input);
      await writeWorkbook(tmp, sheets, styles);
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('excel.error.write_failed', { file: path.basename(out) }, { cause: e });
  }
}

