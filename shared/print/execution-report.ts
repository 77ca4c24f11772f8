// The execution (disbursement) report as a table, laid out once for print and for the xlsx export,
// as annexLayout is for the plan: the title "TÌNH HÌNH THỰC HIỆN, GIẢI NGÂN …", "(Số liệu đến ngày
// 30/6/2024)", the unit, a two-row header — STT | Nội dung | Kế hoạch vốn năm … được giao | Lũy kế
// giải ngân đến … | Tỷ lệ giải ngân (%) (each over the report's funding columns: Tổng số, NSTW,
// NSĐP, …) | Còn lại | Giải ngân trong kỳ —, the column-number row with its relations
// ("(11)=(7)/(3)"), TỔNG CỘNG first, bold parents, carried-over funds in sections of their own, the
// combined total, and the plan's signature block. `executionAnnex` gives it the plan annex's shape
// (Annex), so the same print view measures, paginates and prints it.
// The report's funding columns are the column tree's first two levels (the total and its sources):
// a page holds three groups of them, not of every capital type. Rates are the exact integer rule
// (rateTenths), shown with one decimal the Vietnamese way. Pure.
import { ColumnTree, shortLabel } from '../columns';
import type { CycleMeta, Dong, FundingColumn } from '../model';
import { formatAmount } from '../number';
import { t, type Lang } from '../i18n';
import { formatRate, rateTenths } from '../execution/model';
import type { ReportFigures, ReportRowView, ReportView } from '../execution/report';
import type { ChartPoint, ChartSource } from './execution-charts';
import { signatureOf, type Annex, type AnnexColumn, type AnnexRow, type HeaderCell, type SignatureModel } from './annex';
import { DEFAULT_PRINT_SETTINGS, type PrintSettings } from './settings';
import { textWidthEm } from './text-width';

/** One line of the report (or a total): its figures by funding column key, in integer đồng. */
export interface ReportRowInput {
  /** The line's id; null for a total row. */
  lineId: number | null;
  code: string;
  name: string;
  depth: number;
  bold: boolean;
  plan: Readonly<Record<string, Dong>>;
  disbursed: Readonly<Record<string, Dong>>;
  /** Disbursed in the period (since the previous as-of date). */
  period: Readonly<Record<string, Dong>>;
}

/** Carried-over funds of one source year, reported apart. */
export interface ReportSectionInput {
  year: number;
  total: ReportRowInput;
  lines: ReportRowInput[];
}

export interface ReportSource {
  meta: CycleMeta;
  columns: readonly FundingColumn[];
  /** ISO date. */
  asOf: string;
  total: ReportRowInput;
  lines: ReportRowInput[];
  carryover: ReportSectionInput[];
  /** Current year and carried-over funds together (only when there are carried-over funds). */
  combined: ReportRowInput | null;
}

/** What a report column shows. */
export type ReportCol =
  | { kind: 'code' }
  | { kind: 'name' }
  | { kind: 'plan' | 'disbursed' | 'rate'; key: string }
  | { kind: 'remaining' | 'period'; key: string };

/** A cell's value: text, an amount in đồng, or a rate in tenths of a percent (null: none). */
export type ReportCell = { t: 'text'; v: string } | { t: 'amount'; v: Dong } | { t: 'rate'; v: number | null };

export interface ReportRow {
  lineId: number | null;
  depth: number;
  bold: boolean;
  /** A section's heading row (carried-over funds): its name only. */
  heading: boolean;
  /** What the row is: the year's total, a carried-over section's total, the combined total, a line. */
  role: 'total' | 'sectionTotal' | 'combined' | 'line' | 'heading';
  cells: ReportCell[];
}

export interface ReportTable {
  title: string;
  asOfLine: string;
  unitLabel: string;
  cols: ReportCol[];
  /** The report's funding columns, in order. */
  valueCols: FundingColumn[];
  header: HeaderCell[][];
  /** Each column's own (lowest) header label, for its width. */
  colLabels: string[];
  numbers: string[];
  rows: ReportRow[];
  signature: SignatureModel;
}

/** "30/6/2024" from "2024-06-30": as the documents write dates. */
export function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : iso;
}

/** The report's funding columns: the tree's first two levels (a single root and its children). */
export function reportColumns(columns: readonly FundingColumn[]): FundingColumn[] {
  const tree = new ColumnTree(columns);
  const roots = tree.children.get(null) ?? [];
  if (roots.length === 1) return [roots[0], ...(tree.children.get(roots[0].key) ?? [])];
  return roots;
}

export function reportTitle(meta: CycleMeta, lang: Lang = 'vi'): string {
  const program = meta.program.trim();
  const raw = program ? t(lang, 'execrep.title', { program, year: meta.year }) : t(lang, 'execrep.titleNoProgram', { year: meta.year });
  return raw.toLocaleUpperCase('vi');
}

export function buildReportTable(src: ReportSource, lang: Lang = 'vi'): ReportTable {
  const { meta } = src;
  const valueCols = reportColumns(src.columns);
  const totalKey = valueCols[0]?.key ?? 'total';
  const cols: ReportCol[] = [{ kind: 'code' }, { kind: 'name' }];
  for (const kind of ['plan', 'disbursed', 'rate'] as const) for (const c of valueCols) cols.push({ kind, key: c.key });
  cols.push({ kind: 'remaining', key: totalKey }, { kind: 'period', key: totalKey });

  // ---- header: two rows, the three groups over the funding columns ------------------------------
  const date = viDate(src.asOf);
  const groupLabel = { plan: t(lang, 'execrep.col.plan', { year: meta.year }), disbursed: t(lang, 'execrep.col.disbursedTo', { date }), rate: t(lang, 'execrep.col.rate') };
  const header: HeaderCell[][] = [[], []];
  header[0].push({ label: t(lang, 'print.col.code'), colSpan: 1, rowSpan: 2 }, { label: t(lang, 'print.col.name'), colSpan: 1, rowSpan: 2 });
  for (const g of ['plan', 'disbursed', 'rate'] as const) {
    header[0].push({ label: groupLabel[g], colSpan: valueCols.length, rowSpan: 1 });
    valueCols.forEach((c, i) => header[1].push({ label: i === 0 ? t(lang, 'print.col.ownTotal') : shortLabel(c, lang), colSpan: 1, rowSpan: 1 }));
  }
  header[0].push({ label: t(lang, 'execrep.col.remainingLong'), colSpan: 1, rowSpan: 2 }, { label: t(lang, 'execrep.col.period'), colSpan: 1, rowSpan: 2 });
  const colLabels = [header[0][0].label, header[0][1].label, ...header[1].map((h) => h.label), ...header[0].slice(-2).map((h) => h.label)];

  // ---- the column-number row with its relations ---------------------------------------------------
  const n = valueCols.length;
  const numbers = cols.map((c, i) => {
    const no = `(${i + 1})`;
    if (c.kind === 'rate') return `${no}=(${i + 1 - n})/(${i + 1 - 2 * n})`;
    if (c.kind === 'remaining') return `${no}=(3)-(${3 + n})`;
    return no;
  });

  // ---- rows -------------------------------------------------------------------------------------
  const rowOf = (r: ReportRowInput, role: ReportRow['role'], name?: string): ReportRow => ({
    lineId: r.lineId,
    depth: r.depth,
    bold: r.bold,
    heading: false,
    role,
    cells: cols.map((c): ReportCell => {
      switch (c.kind) {
        case 'code':
          return { t: 'text', v: r.code };
        case 'name':
          return { t: 'text', v: name ?? r.name };
        case 'plan':
          return { t: 'amount', v: r.plan[c.key] ?? 0 };
        case 'disbursed':
          return { t: 'amount', v: r.disbursed[c.key] ?? 0 };
        case 'rate':
          return { t: 'rate', v: rateTenths(r.disbursed[c.key] ?? 0, r.plan[c.key] ?? 0) };
        case 'remaining':
          return { t: 'amount', v: (r.plan[c.key] ?? 0) - (r.disbursed[c.key] ?? 0) };
        case 'period':
          return { t: 'amount', v: r.period[c.key] ?? 0 };
      }
    }),
  });
  const heading = (text: string): ReportRow => ({ lineId: null, depth: -1, bold: true, heading: true, role: 'heading', cells: cols.map((c): ReportCell => ({ t: 'text', v: c.kind === 'name' ? text : '' })) });
  const rows: ReportRow[] = [rowOf({ ...src.total, bold: true, lineId: null, depth: -1 }, 'total', t(lang, 'print.grandTotal'))];
  for (const l of src.lines) rows.push(rowOf(l, 'line'));
  for (const s of src.carryover) {
    rows.push(heading(t(lang, 'execrep.carryover.section', { year: s.year, into: meta.year })));
    rows.push(rowOf({ ...s.total, bold: true, lineId: null, depth: -1 }, 'sectionTotal', t(lang, 'print.col.ownTotal')));
    for (const l of s.lines) rows.push(rowOf(l, 'line'));
  }
  if (src.combined) rows.push(rowOf({ ...src.combined, bold: true, lineId: null, depth: -1 }, 'combined', t(lang, 'execrep.combined')));

  return {
    title: reportTitle(meta, lang),
    asOfLine: t(lang, 'execrep.asOf', { date }),
    unitLabel: t(lang, 'unit.label', { unit: t(lang, `unit.${meta.unit}`) }),
    cols,
    valueCols,
    header,
    colLabels,
    numbers,
    rows,
    signature: signatureOf(meta, lang),
  };
}

/** A cell as printed: amounts in the cycle's unit (blank when 0), rates "77,8". */
export function cellText(c: ReportCell, meta: CycleMeta): string {
  if (c.t === 'text') return c.v;
  if (c.t === 'rate') return formatRate(c.v, 'vi-VN');
  return c.v ? formatAmount(c.v, meta.unit, 'vi-VN') : '';
}

/**
 * The printed report's table type, in points: the NĐ 30/2020 look (Times New Roman) still easy to
 * read on a wide table. The plan's annex size (11 pt by default) would squeeze the report's 16
 * columns, fitted to the width, to about 8,7 pt with Nội dung a quarter of the page; at 9 pt with
 * columns cut to their content the names get the rest of the width and seldom wrap.
 */
export const REPORT_TABLE_PT = 9;
/** Horizontal padding of a report cell (both sides and the rule), in em: report-print.css's 0,5 mm a side at 9 pt, and a little air. */
const REPORT_PAD_EM = 0.5;
/** The narrowest code or figure column, in em (a rate "100,0"). */
const REPORT_MIN_EM = 2.4;
/** Nội dung never narrower than this (em); it takes whatever the other columns leave. */
const REPORT_NAME_MIN_EM = 14;

/** The report in the plan annex's shape, for the print view (PrintDocument). */
export function executionAnnex(table: ReportTable, meta: CycleMeta, settings: Pick<PrintSettings, 'signature'>): Annex {
  const rows: AnnexRow[] = table.rows.map((r) => ({
    lineId: r.lineId,
    depth: r.depth,
    bold: r.bold,
    cells: r.cells.map((c) => cellText(c, meta)),
  }));
  // Widths from the content, as an officer sizes a wide report's columns: a figure column as wide
  // as its widest figure (bold only on the bold rows) or the longest word of its label (header
  // cells wrap between words), the codes likewise, and Nội dung takes all the rest of the width.
  const longestWord = (s: string) => Math.max(0, ...s.split(/\s+/).map((w) => textWidthEm(w, true)));
  const widestIn = (i: number) => {
    let w = 0;
    for (const r of rows) if (r.cells[i]) w = Math.max(w, textWidthEm(r.cells[i], r.bold));
    return w;
  };
  const columns: AnnexColumn[] = table.cols.map((c, i) => {
    if (c.kind === 'code') return { key: 'code', kind: 'code', minEm: Math.min(6, Math.max(REPORT_MIN_EM, longestWord(table.colLabels[i]), widestIn(i))) + REPORT_PAD_EM, flex: false };
    if (c.kind === 'name') return { key: 'name', kind: 'name', minEm: REPORT_NAME_MIN_EM, flex: true };
    return { key: `${c.kind}:${c.key}`, kind: 'amount', minEm: Math.max(widestIn(i), longestWord(table.colLabels[i]), REPORT_MIN_EM) + REPORT_PAD_EM, flex: false };
  });
  return {
    annexLabel: '',
    title: table.title,
    attached: table.asOfLine,
    unitLabel: table.unitLabel,
    keys: columns.map((c) => c.key),
    kinds: columns.map((c) => c.kind),
    valueCols: table.valueCols,
    header: table.header,
    numbers: table.numbers,
    signature: settings.signature === false ? null : table.signature,
    columns,
    rows,
  };
}

/** The engine's report of one date (execution/report, all rows) as the report table's source. */
export function reportSourceOf(view: ReportView, meta: CycleMeta, columns: readonly FundingColumn[]): ReportSource {
  // Only the figures the table shows — the report's columns, the period on the total — and no
  // zeros (read as 0): the print view is handed this as JSON, and a 10.000-line report's every
  // capital type and period made it 6 MB.
  const shown = reportColumns(columns).map((c) => c.key);
  const periodKeys = shown.slice(0, 1);
  const pick = (rec: Readonly<Record<string, Dong>>, keys: readonly string[]) => {
    const out: Record<string, Dong> = {};
    for (const k of keys) if (rec[k]) out[k] = rec[k];
    return out;
  };
  const figures = (f: { plan: Readonly<Record<string, Dong>>; disbursed: Readonly<Record<string, Dong>>; period: Readonly<Record<string, Dong>> }) => ({
    plan: pick(f.plan, shown),
    disbursed: pick(f.disbursed, shown),
    period: pick(f.period, periodKeys),
  });
  const line = (r: ReportRowView): ReportRowInput => ({ lineId: r.lineId, code: r.code, name: r.name, depth: r.depth, bold: r.hasChildren || r.depth === 0, ...figures(r) });
  const total = (f: ReportFigures): ReportRowInput => ({ lineId: null, code: '', name: '', depth: -1, bold: true, ...figures(f) });
  return {
    meta,
    columns,
    asOf: view.date.asOf,
    total: total(view.totals),
    lines: view.rows.map(line),
    carryover: view.carryover.map((c) => ({ year: c.year, total: total(c.totals), lines: c.rows.map(line) })),
    combined: view.carryover.length ? total(view.combined) : null,
  };
}

/** A project's short name for a chart: "Dự án 1" from "Dự án 1: Hỗ trợ đầu tư …", else code and name cut short. */
export function shortLineLabel(code: string, name: string, max = 40): string {
  const n = name.trim();
  const head = n.split(/[:–]/)[0].trim();
  if (head && head.length < n.length && head.length <= max) return head;
  const s = code.trim() && !n.startsWith(code.trim()) ? `${code.trim()}. ${n}` : n || code;
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/**
 * The charts' data from the engine's reports: the projects (first-level lines) and the leaf funding
 * columns at the date shown, the whole plan at every as-of date (in date order), the units given.
 */
export function chartSourceOf(
  view: ReportView,
  meta: CycleMeta,
  columns: readonly FundingColumn[],
  dates: readonly { asOf: string; totals: ReportFigures }[],
  units: ChartPoint[] = [],
  lang: Lang = 'vi',
): ChartSource {
  const tree = new ColumnTree(columns);
  const rootKey = reportColumns(columns)[0]?.key ?? 'total';
  const leafLabel = (c: FundingColumn) => {
    const parent = c.parent ? tree.byKey.get(c.parent) : undefined;
    return parent && parent.parent !== null ? `${shortLabel(parent, lang)} – ${shortLabel(c, lang)}` : shortLabel(c, lang);
  };
  return {
    unit: meta.unit,
    projects: view.rows.filter((r) => r.depth === 0).map((r) => ({ label: shortLineLabel(r.code, r.name), plan: r.plan[rootKey] ?? 0, disbursed: r.disbursed[rootKey] ?? 0 })),
    sources: tree.leaves.map((c) => ({ label: leafLabel(c), plan: view.totals.plan[c.key] ?? 0, disbursed: view.totals.disbursed[c.key] ?? 0 })),
    dates: [...dates].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0)).map((d) => ({ label: viDate(d.asOf), plan: d.totals.plan[rootKey] ?? 0, disbursed: d.totals.disbursed[rootKey] ?? 0 })),
    units,
  };
}

/** What the printed report needs, handed to its print view (#/print-report) as data. */
export interface ReportPrintData {
  source: ReportSource;
  charts: ChartSource;
  settings: PrintSettings;
}

/**
 * The plan's print settings for the report: its paper, margins and signature; every column and line;
 * landscape (a wide report); the table at REPORT_TABLE_PT (or the plan's size where it is smaller),
 * shrunk further only when the columns would not fit the width otherwise.
 */
export function reportPrintSettings(plan: PrintSettings = DEFAULT_PRINT_SETTINGS): PrintSettings {
  return { ...plan, hiddenColumns: [], maxDepth: null, title: '', orientation: 'landscape', fontSize: Math.min(plan.fontSize, REPORT_TABLE_PT), fitWidth: true };
}
