// The report's outputs from a real plan file: the data of the printed report (rows, totals, the
// charts' projects, sources, dates), the workbook (report first, formulas, native charts) and the
// PDF printed by the machine's Chromium from the built print view (#/print-report) — its text read
// back with pdftotext. Where Chromium, the build or poppler is missing the PDF test says so and skips.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { findChromium } from '../chromium';
import { ZipArchive } from '../excel/zip';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { reportDateId, reportInputsOf, reportPrintData, reportPrinters, setHostReportPrinter, writeReportPdf, writeReportXlsx } from './outputs';
import { buildReportTable, type ReportPrintData, type ReportSource } from '../../../shared/print/execution-report';
import { ReportBuilder, type ReportFigures } from '../../../shared/execution/report';

const M = 1_000_000;
const RENDERER = path.resolve(__dirname, '../../../dist/renderer');

async function planWithFigures(): Promise<{ s: PlanSession; h1: number; y: number; dir: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  const h1 = (await s.handle('execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: null, paceMinPercent: 30 })).id;
  const y = (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null })).id;
  const id = (code: string) => s.snapshot().rows.find((r) => r.code === code)!.id;
  await s.handle('execution/setFigures', {
    cells: [
      { dateId: h1, lineId: id('3.2'), column: 'central_recurrent', value: 2_000 * M },
      { dateId: y, lineId: id('3.2'), column: 'central_recurrent', value: 5_000 * M },
      { dateId: y, lineId: id('7'), column: 'central_recurrent', value: 7_210 * M },
    ],
  });
  return { s, h1, y, dir };
}

describe('execution report outputs', () => {
  it('gathers the report, the dates and the charts of one as-of date', async () => {
    const { s, y } = await planWithFigures();
    try {
      expect(reportDateId(s.executionCalc, { asOf: '2024-12-31' })).toBe(y);
      expect(() => reportDateId(s.executionCalc, { asOf: '2024-09-30' })).toThrow(/execrep.error.noDate/);
      const data = reportPrintData(reportInputsOf(s), y);
      expect(data.source.asOf).toBe('2024-12-31');
      expect(data.source.total.disbursed.total).toBe(12_210 * M);
      expect(data.source.lines.find((l) => l.code === '3.2')!.period.total).toBe(3_000 * M);
      expect(data.charts.dates.map((d) => [d.label, d.disbursed])).toEqual([['30/6/2024', 2_000 * M], ['31/12/2024', 12_210 * M]]);
      expect(data.charts.projects.length).toBeGreaterThan(3);
      expect(data.charts.projects.map((p) => p.label)).toContain('Dự án 7');
      expect(data.charts.sources.map((p) => p.label)).toContain('NSTW – SN');
      expect(data.settings.hiddenColumns).toEqual([]);
      // Handed to the print view as JSON: only what the table shows, the same table as from the
      // engine's whole rows (every capital type, every period figure), and well under their size.
      const view = new ReportBuilder(s.executionCalc).view({ dateId: y });
      const whole = (f: ReportFigures) => ({ plan: f.plan, disbursed: f.disbursed, period: f.period });
      const full: ReportSource = {
        ...data.source,
        total: { ...data.source.total, ...whole(view.totals) },
        lines: view.rows.map((r, i) => ({ ...data.source.lines[i], ...whole(r) })),
      };
      expect(buildReportTable(data.source)).toEqual(buildReportTable(full));
      for (const l of data.source.lines) expect(Object.keys(l.plan).every((k) => ['total', 'central', 'local', 'other'].includes(k))).toBe(true);
      expect(JSON.stringify(data.source.lines).length).toBeLessThan(JSON.stringify(full.lines).length / 2);
    } finally {
      s.close();
    }
  });

  it('prints a long report with two views where a second core is free, else one', () => {
    const lines = (n: number) => ({ source: { lines: new Array(n), carryover: [{ lines: new Array(500) }] } }) as unknown as ReportPrintData;
    expect(reportPrinters(lines(1_600), { cores: 2, load: 0.2 })).toBe(2);
    expect(reportPrinters(lines(1_400), { cores: 2, load: 0.2 })).toBe(1);
    expect(reportPrinters(lines(10_000), { cores: 1, load: 0 })).toBe(1);
    expect(reportPrinters(lines(10_000), { cores: 2, load: 1.5 })).toBe(1);
    expect(reportPrinters(lines(10_000), { cores: 8, load: 3 })).toBe(2);
  });

  it('writes the workbook: the report first, formulas, native charts', async () => {
    const { s, y, dir } = await planWithFigures();
    try {
      const out = path.join(dir, 'bao-cao.xlsx');
      await writeReportXlsx(reportInputsOf(s), y, out);
      const zip = new ZipArchive(fs.readFileSync(out));
      const wb = (await zip.text('xl/workbook.xml', 1 << 20))!;
      expect(wb).toMatch(/<sheet name="Báo cáo giải ngân" sheetId="1"/);
      const s1 = (await zip.text('xl/worksheets/sheet1.xml', 1 << 24))!;
      expect(s1).toContain('(Số liệu đến ngày 31/12/2024)');
      expect(s1).toContain('ROUND(');
      expect(s1).toContain('<f>SUM(');
      expect([...zip.entries.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length).toBe(3);
    } finally {
      s.close();
    }
  });

  it("prints with the host's printer where one is registered (Electron's), no Chromium needed; the file whole", async () => {
    const { s, h1, dir } = await planWithFigures();
    const seen: ReportPrintData[] = [];
    setHostReportPrinter(async (data) => {
      seen.push(data);
      return { pdf: new TextEncoder().encode('%PDF-1.4\n% host\n%%EOF\n'), pages: 4 };
    });
    try {
      const out = path.join(dir, 'bao-cao-host.pdf');
      // No Chromium on this "machine", no built view: the host prints anyway.
      const r = await writeReportPdf(reportInputsOf(s), h1, out, path.join(dir, 'no-renderer'), { executablePath: null });
      expect(r).toEqual({ pages: 4 });
      expect(fs.readFileSync(out, 'latin1')).toBe('%PDF-1.4\n% host\n%%EOF\n');
      // The same data the CLI's Chromium is handed: this date's report, its charts, the print settings.
      expect(seen).toEqual([reportPrintData(reportInputsOf(s), h1)]);
      // A failing printer leaves nothing behind and says why, by key.
      setHostReportPrinter(async () => {
        throw new Error('printer gone');
      });
      const failed = path.join(dir, 'failed.pdf');
      await expect(writeReportPdf(reportInputsOf(s), h1, failed, RENDERER)).rejects.toMatchObject({ code: 'print.failed', params: { detail: 'printer gone' } });
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('failed'))).toEqual([]);
      // Without a host printer and without a Chromium: refused by key.
      setHostReportPrinter(null);
      await expect(writeReportPdf(reportInputsOf(s), h1, failed, RENDERER, { executablePath: null })).rejects.toMatchObject({ code: 'execrep.pdf.noChromium' });
    } finally {
      setHostReportPrinter(null);
      s.close();
    }
  });

  const chromium = findChromium();
  const built = fs.existsSync(path.join(RENDERER, 'index.html'));
  const pdftotext = (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!chromium || !built || !pdftotext) {
    console.warn(`\n*** report PDF test SKIPPED: ${!chromium ? 'no Chromium installed' : !built ? 'renderer not built (npm run build)' : 'pdftotext (poppler-utils) missing'} ***\n`);
  }
  it.runIf(chromium && built && pdftotext)('prints the report with its charts to PDF through the print view', async () => {
    const { s, y, dir } = await planWithFigures();
    try {
      const out = path.join(dir, 'bao-cao.pdf');
      const { pages } = await writeReportPdf(reportInputsOf(s), y, out, RENDERER);
      expect(pages).toBeGreaterThanOrEqual(3); // the table, then two pages of charts
      const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
      expect(text).toContain('TÌNH HÌNH THỰC HIỆN, GIẢI NGÂN');
      expect(text).toContain('(Số liệu đến ngày 31/12/2024)');
      expect(text).toContain('Tỷ lệ giải ngân theo dự án');
      expect(text).toContain('Kế hoạch và giải ngân theo nguồn vốn');
      expect(text).toContain('Tỷ lệ giải ngân qua các kỳ báo cáo');
      const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pages);
    } finally {
      s.close();
    }
  }, 180_000);
});
