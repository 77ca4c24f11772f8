// `plandesk report PLAN --as-of D --xlsx OUT.xlsx --pdf OUT.pdf`: the report's workbook (report table
// first, native charts) and its printed PDF through the print view, beside the JSON on stdout; a
// target that is a plan is refused (exit 1, the plan untouched); no Chromium is said plainly.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { t } from '../../../shared/i18n';
import { tempDir } from '../../../test/support/tmp';
import { findChromium } from '../../engine/chromium';
import { reportInputsOf, writeReportPdf } from '../../engine/execution-report/outputs';
import { ZipArchive } from '../../engine/excel/zip';
import { PlanSession } from '../../engine/session';
import { createCycleFile } from '../../engine/store/cycle-file';
import { EXIT } from '../io';
import { main } from '../main';

const M = 1_000_000;
const RENDERER = path.resolve(__dirname, '../../../dist/renderer');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function plan(): Promise<{ file: string; dir: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  const id = (code: string) => s.snapshot().rows.find((r) => r.code === code)!.id;
  const y = (await s.handle('execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: null, paceMinPercent: null })).id;
  await s.handle('execution/setFigures', { cells: [{ dateId: y, lineId: id('2'), column: 'central_recurrent', value: 12_345 * M }] });
  s.close();
  return { file, dir };
}

const saved = process.env.PLANDESK_RENDERER_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.PLANDESK_RENDERER_DIR;
  else process.env.PLANDESK_RENDERER_DIR = saved;
});

describe('plandesk report --xlsx / --pdf', () => {
  it('writes the workbook beside the JSON report', async () => {
    const { file, dir } = await plan();
    const out = path.join(dir, 'bao-cao.xlsx');
    const r = await cli('report', file, '--as-of', '2024-06-30', '--json', '--xlsx', out);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out).totals.disbursed.total).toBe(12_345 * M); // stdout stays pure JSON
    const zip = new ZipArchive(fs.readFileSync(out));
    expect(await zip.text('xl/workbook.xml', 1 << 20)).toContain('<sheet name="Báo cáo giải ngân" sheetId="1"');
    expect([...zip.entries.keys()].some((n) => n.startsWith('xl/charts/chart'))).toBe(true);
  });

  it('refuses to write the report over a plan (exit 1), leaving it as it was', async () => {
    const { file, dir } = await plan();
    const other = path.join(dir, 'other.plandesk');
    createCycleFile(other, sampleCycle());
    const before = fs.readFileSync(other);
    const r = await cli('report', file, '--as-of', '2024-06-30', '--xlsx', other);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).not.toBe('');
    expect(fs.readFileSync(other).equals(before)).toBe(true);
  });

  it('says plainly when no Chromium is found for the PDF', async () => {
    const { file, dir } = await plan();
    const s = PlanSession.open(file, { readOnly: true });
    try {
      const id = s.execution.dateByAsOf('2024-06-30')!.id;
      const e = await writeReportPdf(reportInputsOf(s), id, path.join(dir, 'x.pdf'), RENDERER, { executablePath: null }).catch((x: unknown) => x);
      expect((e as { code: string }).code).toBe('execrep.pdf.noChromium');
      expect(t('vi', 'execrep.pdf.noChromium')).toContain('Không tìm thấy Chromium');
      expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    } finally {
      s.close();
    }
  });

  const ready = findChromium() !== null && fs.existsSync(path.join(RENDERER, 'index.html'));
  if (!ready) console.warn('\n*** report --pdf test SKIPPED: no Chromium or the renderer is not built ***\n');
  it.runIf(ready)('prints the report with its charts to PDF', async () => {
    const { file, dir } = await plan();
    process.env.PLANDESK_RENDERER_DIR = RENDERER;
    const out = path.join(dir, 'bao-cao.pdf');
    const r = await cli('report', file, '--as-of', '2024-06-30', '--pdf', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('(Số liệu đến ngày 30/6/2024)');
    expect(text).toContain('Tỷ lệ giải ngân theo dự án');
  }, 180_000);
});
