// The execution report's outputs from an open plan: the data its print view and its workbook are
// made of (the report of one as-of date with every row, the totals of every date for the chart over
// time, the units' plan and disbursement where the plan is allocated), the xlsx (report table +
// native charts) and the PDF — the print view (#/print-report) printed by a Chromium found on the
// machine (Debian's chromium, Chrome, or Edge on Windows), a slice of pages at a time (a long report
// by two views side by side where a core is free). Used by the
// window's commands (execrep/*) and the CLI (`plandesk report … --xlsx / --pdf`). Every file goes
// through the one write check and appears whole (temporary + rename).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PlanCalc } from '../../../shared/calc';
import type { ExecutionCalc } from '../../../shared/execution/calc';
import { ReportBuilder } from '../../../shared/execution/report';
import { unitChartPoints } from '../../../shared/execution/by-unit';
import type { CycleMeta, FundingColumn } from '../../../shared/model';
import type { ChartPoint } from '../../../shared/print/execution-charts';
import { buildReportTable, chartSourceOf, reportPrintSettings, reportSourceOf, type ReportPrintData } from '../../../shared/print/execution-report';
import { printInParallel } from '../../../shared/print/pdf-chunks';
import { readPrintSettings, type PrintSettings } from '../../../shared/print/settings';
import type { UnitBook } from '../../../shared/units/book';
import { findChromium } from '../chromium';
import { PlanDeskError } from '../errors';
import { exportReportXlsx } from '../excel/execution-report';
import { checkWriteTarget } from '../safety/write-target';
import { writeAtomicSync } from '../store/atomic-write';

export interface ReportInputs {
  meta: CycleMeta;
  columns: readonly FundingColumn[];
  calc: PlanCalc;
  ex: ExecutionCalc;
  units?: UnitBook;
  /** The plan's print settings (paper, margins, font, signature). */
  print?: PrintSettings;
}

/**
 * The units' plan (their shares) and disbursement (figures entered per unit) at a date; allocated
 * units only, each with its sub-units' figures and the sub-units indented beneath it (by-unit.ts).
 */
export function unitPoints(inp: ReportInputs, dateId: number): ChartPoint[] {
  const book = inp.units;
  if (!book || book.size === 0) return [];
  return unitChartPoints(inp.calc.cols, inp.ex.state, book, dateId);
}

/** The date of a report: by id or by its as-of date; refused by key when the cycle has none such. */
export function reportDateId(ex: ExecutionCalc, q: { dateId?: number; asOf?: string }): number {
  const d = q.dateId !== undefined ? ex.state.dates.get(q.dateId) : q.asOf !== undefined ? ex.state.dateByAsOf(q.asOf) : undefined;
  if (!d) throw new PlanDeskError('execrep.error.noDate', { date: q.asOf ?? String(q.dateId ?? '') });
  return d.id;
}

/** Everything the printed report and the workbook show, for one as-of date. */
export function reportPrintData(inp: ReportInputs, dateId: number): ReportPrintData {
  const b = new ReportBuilder(inp.ex);
  const view = b.view({ dateId });
  const dates = inp.ex.state.sortedDates().map((d) => ({ asOf: d.asOf, totals: b.totals(d.id) }));
  return {
    source: reportSourceOf(view, inp.meta, inp.columns),
    charts: chartSourceOf(view, inp.meta, inp.columns, dates, unitPoints(inp, dateId)),
    settings: reportPrintSettings(inp.print),
  };
}

/** The report as an .xlsx: the table first (live formulas), then the charts' sheet with native charts. */
export async function writeReportXlsx(inp: ReportInputs, dateId: number, out: string): Promise<void> {
  const data = reportPrintData(inp, dateId);
  await exportReportXlsx({ table: buildReportTable(data.source), meta: inp.meta, charts: data.charts }, out);
}

/** A long report lays out in seconds; give a slow PC ample room. */
const READY_TIMEOUT_MS = 180_000;

/** Prints the report's print view (#/print-report) with `data` to one PDF. */
export type ReportPdfPrinter = (data: ReportPrintData) => Promise<{ pdf: Uint8Array; pages: number }>;

/**
 * The host's own printer, when the host has one: the desktop app registers Electron's
 * (webContents.printToPDF of the same print view, electron/main/report-print.ts), so its PDF is
 * the plan annex's kind of PDF and needs no browser on the PC. Null: a Chromium found on the machine.
 */
let hostPrinter: ReportPdfPrinter | null = null;

export function setHostReportPrinter(printer: ReportPdfPrinter | null): void {
  hostPrinter = printer;
}

/**
 * The printed report as a PDF: printed by the host's printer where one is registered (Electron),
 * else by a headless Chromium found on the machine (`chromiumReportPrinter`); written whole
 * (temporary + rename). Refused by key when no Chromium is installed.
 */
export async function writeReportPdf(
  inp: ReportInputs,
  dateId: number,
  out: string,
  rendererDir: string,
  opts: { executablePath?: string | null } = {},
): Promise<{ pages: number }> {
  const target = path.resolve(out);
  checkWriteTarget(target, 'document');
  const data = reportPrintData(inp, dateId);
  const print = hostPrinter ?? (await chromiumReportPrinter(rendererDir, opts.executablePath !== undefined ? opts.executablePath : findChromium()));
  try {
    const { pdf, pages } = await print(data);
    writeAtomicSync(target, (tmp) => fs.writeFileSync(tmp, pdf));
    return { pages };
  } catch (e) {
    if (e instanceof PlanDeskError) throw e;
    throw new PlanDeskError('print.failed', { detail: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * The print view served from the built renderer (`rendererDir`) to a headless Chromium through
 * request interception (no server, no port), the data handed over once it is up, printed in
 * slices and joined. Refused by key when no Chromium is installed or the view is not built.
 */
export async function chromiumReportPrinter(rendererDir: string, executablePath: string | null): Promise<ReportPdfPrinter> {
  // playwright-core drives it (a development dependency, like browser mode): loaded only when asked.
  const playwright = executablePath ? await import('playwright-core').catch(() => null) : null;
  if (!executablePath || !playwright) throw new PlanDeskError('execrep.pdf.noChromium');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new PlanDeskError('execrep.pdf.notBuilt');
  return async (data) => {
    const browser = await playwright.chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
    try {
      const json = JSON.stringify(data);
      const root = path.resolve(rendererDir);
      // One view per printer, each in a context of its own (a renderer process of its own, so on a
      // core of its own), all laid out at the same time.
      const open = async () => {
        const page = await (await browser.newContext()).newPage();
        const origin = 'http://plandesk.invalid';
        await page.route(`${origin}/**`, async (route) => {
          const rel = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'index.html';
          const file = path.resolve(root, rel);
          // Only files of the renderer's folder are served.
          if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
          return route.fulfill({ status: 200, path: file });
        });
        // The data handed over once the page is up, as Electron's printer does (?data=host): one
        // JSON string parsed in the page. As an init script (before the page runs) the 6 MB of a
        // 10.000-line report were evaluated as script source on every document: 1–5 s slower.
        await page.goto(`${origin}/index.html#/print-report?chunked=1&data=host`);
        await page.evaluate((text) => {
          (window as unknown as { plandeskReport: unknown }).plandeskReport = JSON.parse(text);
          window.dispatchEvent(new Event('plandesk-report'));
        }, json);
        const ready = page.waitForSelector('html[data-print-ready="1"]', { state: 'attached', timeout: READY_TIMEOUT_MS });
        const failed = page.waitForSelector('[role="alert"]', { state: 'attached', timeout: READY_TIMEOUT_MS }).then(async (el) => {
          throw new Error((await el?.textContent()) ?? 'print view failed');
        });
        await Promise.race([ready, failed]);
        failed.catch(() => {});
        return { page, pages: Number(await page.evaluate(() => document.documentElement.dataset.pageCount)) };
      };
      const views = await Promise.all(Array.from({ length: reportPrinters(data) }, open));
      const pages = views[0].pages;
      // Every view laid the same data out on the same machine: the same pages, or it is refused.
      if (views.some((v) => v.pages !== pages)) throw new Error(`views laid out ${views.map((v) => v.pages).join(' / ')} pages`);
      const landscape = data.settings.orientation === 'landscape';
      const pdf = await printInParallel(
        pages,
        views.map(({ page }) => async (from, to) => {
          await page.evaluate(([a, b]) => window.plandeskPrint!.show(a, b), [from, to] as const);
          return page.pdf({ preferCSSPageSize: true, printBackground: true, landscape });
        }),
      );
      return { pdf, pages };
    } finally {
      await browser.close().catch(() => {});
    }
  };
}

/**
 * Rows from which a report is printed by two views side by side: below it one view's layout is
 * quicker than a second's start; above, Chromium's drawing of the pages is the cost (~0,06–0,1 s of
 * one core a page of the report), and a second core halves the wait.
 */
export const PARALLEL_PRINT_ROWS = 2_000;

/**
 * How many views print a report: two for a long report where a second core is free (two cores or
 * more, the last minute's load under one less than them), else one. A second view lays the report
 * out again and its page drawing competes for a busy core: on a loaded machine it only costs.
 */
export function reportPrinters(data: ReportPrintData, machine: { cores: number; load: number } = { cores: os.availableParallelism(), load: os.loadavg()[0] }): number {
  const rows = data.source.lines.length + data.source.carryover.reduce((n, c) => n + c.lines.length, 0);
  return rows >= PARALLEL_PRINT_ROWS && machine.cores >= 2 && machine.load < machine.cores - 1 ? 2 : 1;
}

/** The built renderer beside the running bundle (dist/cli, dist/server, dist/electron → dist/renderer). */
export function defaultRendererDir(): string {
  return path.join(__dirname, '..', 'renderer');
}

/** The report inputs of an open plan (a session or a command's context). */
export function reportInputsOf(s: {
  meta: CycleMeta;
  columns: { columns: readonly FundingColumn[] };
  calc: PlanCalc;
  executionCalc: ExecutionCalc;
  units: UnitBook;
  setting<T = unknown>(key: 'print'): T | undefined;
}): ReportInputs {
  return { meta: s.meta, columns: s.columns.columns, calc: s.calc, ex: s.executionCalc, units: s.units, print: readPrintSettings(s.setting('print')) };
}
