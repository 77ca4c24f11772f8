// The spreadsheet part of `npm run bench`: times our import of a 1.000- and a 100.000-line annex and
// our export of 100.000 lines, with peak memory (RSS, sampled). With `libreoffice: true` and soffice
// installed, each row also carries LibreOffice doing the same work headless — reading the same annex
// (xlsx → csv) and writing the same rows (csv → xlsx) — so the bench can print the ratio.
import { execFileSync, spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import vm from 'node:vm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ColumnTree } from '../../shared/columns';
import { PlanCalc } from '../../shared/calc';
import { dongToDecimal } from '../../electron/engine/excel/annex';
import { exportAnnex } from '../../electron/engine/excel/export';
import { annexFixturePlan, writeAnnexFixture } from '../support/annex-fixture';
import { importSpreadsheet } from '../../electron/engine/excel/import';

export interface ExcelBenchRow {
  name: string;
  ms: number;
  peakRssMB: number;
  /** The file the step read or wrote (for the LibreOffice comparison). */
  file: string;
  lines: number;
  /** LibreOffice doing the same work, when asked and installed (includes its start-up). */
  libreofficeMs?: number;
}

async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; peakRssMB: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms: performance.now() - t0, peakRssMB: Math.round(peak / 1048576), value };
  } finally {
    clearInterval(timer);
  }
}

/** A full garbage collection between steps, without needing node --expose-gc. */
function fullGc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g();
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    /* not available: measure as is */
  }
}

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Time one headless LibreOffice conversion (ms), in its own profile folder. */
function soffice(args: string[], dir: string): number {
  const t0 = performance.now();
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', ...args], { stdio: 'ignore', timeout: 300_000 });
  return performance.now() - t0;
}

/** Run the spreadsheet benchmarks in `dir` (a temp folder by default). */
/** One import measured: its time, the peak RSS of the process doing it, the lines read. */
export type ImportMeasure = { ms: number; peakRssMB: number; lines: number };

/** Import `file` here, measuring time and peak RSS (a fresh process's figure when run in one). */
export async function measureImport(file: string): Promise<ImportMeasure> {
  const im = await measure(() => importSpreadsheet({ path: file }));
  return { ms: im.ms, peakRssMB: im.peakRssMB, lines: im.value.report.lineCount };
}

export async function benchExcel(
  opts: {
    dir?: string; bigLines?: number; smallLines?: number; libreoffice?: boolean;
    /**
     * How an import is measured. Default: in this process — whose RSS still holds what the export
     * before it used. The bench passes a fresh process per import, as LibreOffice gets one.
     */
    importIn?: (file: string) => Promise<ImportMeasure>;
  } = {},
): Promise<ExcelBenchRow[]> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-bench-'));
  const big = opts.bigLines ?? 100_000;
  const small = opts.smallLines ?? 1_000;
  const lo = !!opts.libreoffice && hasSoffice();
  if (lo) soffice(['--terminate_after_init'], dir); // first start creates the profile: not timed
  const rows: ExcelBenchRow[] = [];
  const smallFile = path.join(dir, `annex-${small}.xlsx`);
  await writeAnnexFixture(smallFile, small);
  const bigFile = path.join(dir, `annex-${big}.xlsx`);
  {
    // The plan and its totals exist before the export is timed (as in the app: the plan is open).
    const plan = annexFixturePlan(big);
    const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
    const ex = await measure(() => exportAnnex({ meta: plan.meta, columns: plan.columns, calc }, bigFile));
    const row: ExcelBenchRow = { name: `export ${big} lines`, ms: ex.ms, peakRssMB: ex.peakRssMB, file: bigFile, lines: big };
    if (lo) {
      // LibreOffice writing the same rows: the same cells as CSV, converted to xlsx.
      const csv = path.join(dir, `annex-${big}.csv`);
      const keys = calc.cols.ordered.map((c) => c.key);
      const out: string[] = [];
      for (const { id } of calc.walk()) {
        const l = calc.lines.get(id)!;
        const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
        out.push([q(l.code), q(l.name), ...keys.map((k) => dongToDecimal(calc.value(id, k), plan.meta.unit)), q(l.agency), q(l.note)].join(','));
      }
      fs.writeFileSync(csv, out.join('\n'));
      const loOut = path.join(dir, 'lo-export');
      fs.mkdirSync(loOut, { recursive: true });
      row.libreofficeMs = soffice(['--convert-to', 'xlsx', '--outdir', loOut, csv], dir);
    }
    rows.push(row);
  }
  // Let the export's plan go before measuring the imports' memory (a full GC returns its pages).
  fullGc();
  for (const [file, n] of [[smallFile, small], [bigFile, big]] as const) {
    fullGc();
    const im = await (opts.importIn ?? measureImport)(file);
    const row: ExcelBenchRow = { name: `import ${n} lines`, ms: im.ms, peakRssMB: im.peakRssMB, file, lines: im.lines };
    if (lo) {
      const loOut = path.join(dir, 'lo-import');
      fs.mkdirSync(loOut, { recursive: true });
      row.libreofficeMs = soffice(['--convert-to', 'csv', '--outdir', loOut, file], dir);
    }
    rows.push(row);
  }
  return rows;
}
