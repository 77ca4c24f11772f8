// The spreadsheet part of `npm run bench`: times our import of a 1.000- and a 100.000-line annex and
// our export of 100.000 lines, with peak memory (RSS, sampled). The bench prints these beside
// LibreOffice doing the same work (headless conversion of the same fixture), where installed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { exportAnnex } from './export';
import { annexFixturePlan, writeAnnexFixture } from './fixtures';
import { importSpreadsheet } from './import';

export interface ExcelBenchRow {
  name: string;
  ms: number;
  peakRssMB: number;
  /** The file the step read or wrote (for the LibreOffice comparison). */
  file: string;
  lines: number;
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

/** Run the spreadsheet benchmarks in `dir` (a temp folder by default). */
export async function benchExcel(opts: { dir?: string; bigLines?: number; smallLines?: number } = {}): Promise<ExcelBenchRow[]> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-bench-'));
  const big = opts.bigLines ?? 100_000;
  const small = opts.smallLines ?? 1_000;
  const rows: ExcelBenchRow[] = [];
  const smallFile = path.join(dir, `annex-${small}.xlsx`);
  await writeAnnexFixture(smallFile, small);
  const bigFile = path.join(dir, `annex-${big}.xlsx`);
  {
    // The plan and its totals exist before the export is timed (as in the app: the plan is open).
    const plan = annexFixturePlan(big);
    const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
    const ex = await measure(() => exportAnnex({ meta: plan.meta, columns: plan.columns, calc }, bigFile));
    rows.push({ name: `export ${big} lines`, ms: ex.ms, peakRssMB: ex.peakRssMB, file: bigFile, lines: big });
  }
  // Let the export's plan go before measuring the imports' memory.
  (globalThis as { gc?: () => void }).gc?.();
  const imSmall = await measure(() => importSpreadsheet({ path: smallFile }));
  rows.push({ name: `import ${small} lines`, ms: imSmall.ms, peakRssMB: imSmall.peakRssMB, file: smallFile, lines: imSmall.value.report.lineCount });
  const imBig = await measure(() => importSpreadsheet({ path: bigFile }));
  rows.push({ name: `import ${big} lines`, ms: imBig.ms, peakRssMB: imBig.peakRssMB, file: bigFile, lines: imBig.value.report.lineCount });
  return rows;
}
