// The execution report workbook: the report table is the first sheet with live formulas (parents =
// SUM of their children, the total column = the sources' sum, rate = ROUND(disbursed/plan*100,1),
// remaining = plan − disbursed) carrying their cached results, and a second sheet with the charts'
// data and native charts over it — checked in the package and, where installed, by openpyxl.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultColumns } from '../../../shared/columns';
import { SAMPLE_META } from '../../../shared/samples/dak-nong-2024';
import type { ChartSource } from '../../../shared/print/execution-charts';
import { buildReportTable, type ReportRowInput, type ReportSource } from '../../../shared/print/execution-report';
import { exportReportXlsx } from './execution-report';
import { ZipArchive } from './zip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-execrep-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const M = 1_000_000;
/** Plan and disbursed split NSTW (central) / NSĐP (local); the total is their sum. */
const row = (lineId: number | null, code: string, name: string, depth: number, [pc, pl]: number[], [dc, dl]: number[]): ReportRowInput => ({
  lineId, code, name, depth, bold: depth <= 0,
  plan: { total: (pc + pl) * M, central: pc * M, local: pl * M, other: 0 },
  disbursed: { total: (dc + dl) * M, central: dc * M, local: dl * M, other: 0 },
  period: { total: (dc + dl) * M },
});

const src: ReportSource = {
  meta: SAMPLE_META,
  columns: defaultColumns(),
  asOf: '2024-12-31',
  total: row(null, '', '', -1, [1500, 150], [1200.5, 100]),
  lines: [
    row(1, '1', 'Dự án 1: Hỗ trợ đầu tư', 0, [1000, 100], [800.5, 60]),
    row(2, '1.1', 'Tiểu dự án 1', 1, [600, 60], [500, 40]),
    row(3, '1.2', 'Tiểu dự án 2', 1, [400, 40], [300.5, 20]),
    row(4, '2', 'Dự án 2: Đa dạng hóa sinh kế', 0, [500, 50], [400, 40]),
  ],
  carryover: [],
  combined: null,
};
const charts: ChartSource = {
  unit: 'trieu',
  projects: [{ label: 'Dự án 1', plan: 1100 * M, disbursed: 860.5 * M }, { label: 'Dự án 2', plan: 550 * M, disbursed: 440 * M }],
  sources: [{ label: 'NSTW – ĐTPT', plan: 1500 * M, disbursed: 1200.5 * M }, { label: 'NSĐP – SN', plan: 150 * M, disbursed: 100 * M }],
  dates: [{ label: '30/6/2024', plan: 1650 * M, disbursed: 700 * M }, { label: '31/12/2024', plan: 1650 * M, disbursed: 1300.5 * M }],
  units: [],
};

async function write(): Promise<string> {
  const file = path.join(dir, `report-${Math.random().toString(36).slice(2)}.xlsx`);
  await exportReportXlsx({ table: buildReportTable(src), meta: SAMPLE_META, charts }, file);
  return file;
}

describe('execution report workbook', () => {
  it('writes the report first with live formulas and cached results, the charts on their own sheet', async () => {
    const zip = new ZipArchive(fs.readFileSync(await write()));
    const wb = (await zip.text('xl/workbook.xml', 1 << 20))!;
    expect(wb.indexOf('name="Báo cáo giải ngân"')).toBeLessThan(wb.indexOf('name="Biểu đồ"'));
    const s1 = (await zip.text('xl/worksheets/sheet1.xml', 1 << 22))!;
    // Rows: 1 title, 2 as-of, 3 unit, 4-5 header, 6 numbers, 7 TỔNG CỘNG, 8 Dự án 1, 9-10 its parts, 11 Dự án 2.
    expect(s1).toContain('(Số liệu đến ngày 31/12/2024)');
    expect(s1).toMatch(/<c r="C7" s="\d+"><f>SUM\(C8,C11\)<\/f><v>1650<\/v><\/c>/);
    expect(s1).toMatch(/<c r="D8" s="\d+"><f>SUM\(D9,D10\)<\/f><v>1000<\/v><\/c>/);
    expect(s1).toMatch(/<c r="C9" s="\d+"><f>D9\+E9\+F9<\/f><v>660<\/v><\/c>/); // a leaf's total: its sources
    expect(s1).toMatch(/<c r="D10" s="\d+"><v>400<\/v><\/c>/); // a leaf's source: the figure
    expect(s1).toMatch(/<c r="G7" s="\d+"><f>SUM\(G8,G11\)<\/f><v>1300.5<\/v><\/c>/);
    expect(s1).toMatch(/<c r="K7" s="\d+"><f>IF\(C7=0,&quot;&quot;,ROUND\(G7\/C7\*100,1\)\)<\/f><v>78.8<\/v><\/c>/);
    expect(s1).toMatch(/<c r="N7" s="\d+" t="str"><f>IF\(F7=0,&quot;&quot;,ROUND\(J7\/F7\*100,1\)\)<\/f><v><\/v><\/c>/); // no plan: no rate
    expect(s1).toMatch(/<c r="O7" s="\d+"><f>C7-G7<\/f><v>349.5<\/v><\/c>/);
    const c1 = (await zip.text('xl/charts/chart1.xml', 1 << 22))!;
    expect(c1).toContain(`<c:f>'Biểu đồ'!$D$3:$D$4</c:f>`);
    const s2 = (await zip.text('xl/worksheets/sheet2.xml', 1 << 22))!;
    expect(s2).toMatch(/<f>'Báo cáo giải ngân'!C8<\/f><v>1100<\/v>/); // the project's plan links to the report
    expect([...zip.entries.keys()].filter((n) => n.startsWith('xl/charts/'))).toHaveLength(3);
  });

  it('refuses to write over a plan file', async () => {
    const plan = path.join(dir, 'x.plandesk');
    const bytes = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(84)]);
    fs.writeFileSync(plan, bytes);
    await expect(exportReportXlsx({ table: buildReportTable(src), meta: SAMPLE_META, charts }, plan)).rejects.toThrow();
    expect(fs.readFileSync(plan).equals(bytes)).toBe(true);
  });

  const python = ['/usr/bin/python3', 'python3'].find((p) => {
    try {
      execFileSync(p, ['-c', 'import openpyxl'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!python) console.warn('\n*** execution-report: openpyxl NOT INSTALLED (apt-get install python3-openpyxl) — the openpyxl check is SKIPPED ***\n');

  it.runIf(python)('openpyxl reads the formulas, the cached values and the native charts', async () => {
    const file = await write();
    const script = [
      'import sys, json, openpyxl',
      'f = openpyxl.load_workbook(sys.argv[1])',
      'v = openpyxl.load_workbook(sys.argv[1], data_only=True)',
      'ws, wv = f.worksheets[0], v.worksheets[0]',
      'print(json.dumps({"sheets": f.sheetnames, "k7": ws["K7"].value, "k7v": wv["K7"].value, "c8": ws["C8"].value, "g7v": wv["G7"].value,',
      '  "charts": [c.tagname for c in f.worksheets[1]._charts], "merged": [str(m) for m in ws.merged_cells.ranges][:3]}))',
    ].join('\n');
    const got = JSON.parse(execFileSync(python!, ['-c', script, file], { encoding: 'utf8' }));
    expect(got.sheets).toEqual(['Báo cáo giải ngân', 'Biểu đồ']);
    expect(got.k7).toBe('=IF(C7=0,"",ROUND(G7/C7*100,1))');
    expect(got.k7v).toBe(78.8);
    expect(got.c8).toBe('=SUM(C9,C10)');
    expect(got.g7v).toBe(1300.5);
    expect(got.charts).toEqual(['barChart', 'barChart', 'lineChart']);
  }, 60_000);
});
