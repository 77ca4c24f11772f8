// Native charts in our xlsx writer: the package is checked part by part (every relationship points at
// a part that exists, every part has its content type, the XML is well formed, the series reference
// the sheet's ranges and cache its values), then opened by two readers that are not ours — LibreOffice
// (converted to PDF: the charts' titles are drawn; and resaved as xlsx: the charts survive) and
// openpyxl (it sees the charts, their kinds and their references). Where a reader is not installed
// the test says so loudly and skips that part only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartXml, rangeRef, type ChartSpec } from './chart-parts';
import { StyleRegistry, writeWorkbook, type SheetSpec, type WCell } from './xlsx-writer';
import { ZipArchive } from './zip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-charts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SHEET = 'Báo cáo';
const projects = ['Dự án 1', 'Dự án 2', 'Dự án 3', 'Dự án 4'];
const plan = [1200.5, 800, 450.25, 90];
const disbursed = [600.25, 200, 450.25, 0];

function workbook(): { sheets: SheetSpec[]; styles: StyleRegistry; charts: ChartSpec[] } {
  const styles = new StyleRegistry();
  const num = styles.id({ numFmt: '#,##0.00' });
  const pct = styles.id({ numFmt: '0.0' });
  const cats = rangeRef(SHEET, 0, 1, 0, 4);
  const charts: ChartSpec[] = [
    {
      kind: 'bar', title: 'Tỷ lệ giải ngân theo dự án', catRef: cats, categories: projects, valFormat: '0.0', valTitle: 'Tỷ lệ (%)',
      series: [
        { name: 'Tỷ lệ giải ngân (%)', nameRef: rangeRef(SHEET, 3, 0), valRef: rangeRef(SHEET, 3, 1, 3, 4), values: plan.map((p, i) => Math.round((disbursed[i] / p) * 1000) / 10) },
        { name: 'Kế hoạch (100%)', valRef: rangeRef(SHEET, 4, 1, 4, 4), values: plan.map(() => 100), asLine: true },
      ],
      anchor: { col: 6, row: 0, cols: 8, rows: 16 },
    },
    {
      kind: 'column', stacked: true, title: 'Kế hoạch và giải ngân', catRef: cats, categories: projects, valFormat: '#,##0', catTitle: 'Dự án', valTitle: 'Triệu đồng',
      series: [
        { name: 'Đã giải ngân', nameRef: rangeRef(SHEET, 2, 0), valRef: rangeRef(SHEET, 2, 1, 2, 4), values: disbursed },
        { name: 'Còn lại', valRef: rangeRef(SHEET, 5, 1, 5, 4), values: plan.map((p, i) => p - disbursed[i]) },
      ],
      anchor: { col: 6, row: 17, cols: 8, rows: 16 },
    },
    {
      kind: 'line', title: 'Tỷ lệ qua các kỳ', catRef: cats, categories: projects, valFormat: '0.0',
      series: [{ name: 'Tỷ lệ', valRef: rangeRef(SHEET, 3, 1, 3, 4), values: [50, 25, 100, null] }],
      anchor: { col: 15, row: 0, cols: 8, rows: 16 },
    },
  ];
  const sheet: SheetSpec = {
    name: SHEET,
    merges: [],
    notes: [{ ref: 'A1', text: 'ghi chú' }], // notes and charts share the sheet's .rels
    charts,
    rows: async (emit) => {
      emit(['Dự án', 'Kế hoạch', 'Đã giải ngân', 'Tỷ lệ (%)', 'Mốc', 'Còn lại'].map((v): WCell => ({ t: 's', v, s: 0 })));
      for (let i = 0; i < projects.length; i++) {
        const r = i + 2;
        emit([
          { t: 's', v: projects[i], s: 0 },
          { t: 'n', v: String(plan[i]), s: num },
          { t: 'n', v: String(disbursed[i]), s: num },
          { t: 'f', f: `IF(B${r}=0,"",C${r}/B${r}*100)`, v: String((disbursed[i] / plan[i]) * 100), s: pct },
          { t: 'n', v: '100', s: pct },
          { t: 'f', f: `B${r}-C${r}`, v: String(plan[i] - disbursed[i]), s: num },
        ]);
      }
    },
  };
  const second: SheetSpec = { name: 'Khác', merges: [], notes: [], charts: [{ ...charts[2], anchor: { col: 0, row: 0, cols: 6, rows: 12 } }], rows: async (emit) => emit([{ t: 's', v: 'x', s: 0 }]) };
  return { sheets: [sheet, second], styles, charts };
}

/** Well-formed XML, checked by matching every start tag with its end tag (our parts have no CDATA/DTD). */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?[^>]*\?>/g, '').matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"]|"[^"]*")*?)(\/?)>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length === 0;
}

async function writeTestBook(name: string): Promise<string> {
  const file = path.join(dir, name);
  const { sheets, styles } = workbook();
  await writeWorkbook(file, sheets, styles);
  return file;
}

describe('chart parts', () => {
  it('rangeRef quotes the sheet and makes the range absolute', () => {
    expect(rangeRef(SHEET, 1, 5, 1, 9)).toBe("'Báo cáo'!$B$6:$B$10");
    expect(rangeRef("Bà's", 0, 0)).toBe("'Bà''s'!$A$1");
  });

  it('refuses a series whose values do not match the categories', () => {
    const c = workbook().charts[0];
    expect(() => chartXml({ ...c, series: [{ ...c.series[0], values: [1] }] })).toThrow(/1 values for 4 categories/);
    expect(() => chartXml({ ...c, series: [] })).toThrow();
  });

  it('writes the chart kinds with their series, caches and axes', () => {
    const [bar, stacked, line] = workbook().charts.map(chartXml);
    for (const x of [bar, stacked, line]) expect(wellFormed(x)).toBe(true);
    expect(bar).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(bar).toMatch(/<c:barChart>.*<\/c:barChart><c:lineChart>.*Kế hoạch \(100%\).*<\/c:lineChart>/); // the plan as a reference line
    expect(bar).toContain(`<c:f>'Báo cáo'!$D$2:$D$5</c:f>`);
    expect(bar).toContain('<c:pt idx="1"><c:v>25</c:v></c:pt>');
    expect(bar).toContain('<c:v>Dự án 3</c:v>');
    expect(bar).toContain('<c:numFmt formatCode="0.0" sourceLinked="0"/>');
    expect(stacked).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(stacked).toContain('<c:overlap val="100"/>');
    expect(stacked).toContain('<a:t>Triệu đồng</a:t>');
    expect(line).toContain('<c:lineChart><c:grouping val="standard"/>');
    expect(line).toContain('<c:ptCount val="4"/><c:pt idx="0"><c:v>50</c:v></c:pt><c:pt idx="1"><c:v>25</c:v></c:pt><c:pt idx="2"><c:v>100</c:v></c:pt></c:numCache>'); // blank left out
  });

  it('packages drawings and charts: every relationship resolves, every part has its content type', async () => {
    const file = await writeTestBook('package.xlsx');
    const zip = new ZipArchive(fs.readFileSync(file));
    const names = [...zip.entries.keys()];
    const text = async (n: string) => (await zip.text(n, 1 << 22)) ?? `(missing ${n})`;
    expect(names.filter((n) => n.startsWith('xl/charts/')).sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/charts/chart4.xml']);
    expect(names).toContain('xl/drawings/drawing1.xml');
    expect(names).toContain('xl/drawings/drawing2.xml');
    for (const n of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) expect(wellFormed(await text(n)), n).toBe(true);

    const types = await text('[Content_Types].xml');
    for (const n of names.filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n))) {
      const kind = n.includes('/charts/') ? 'drawingml.chart+xml' : 'drawing+xml';
      expect(types).toContain(`<Override PartName="/${n}" ContentType="application/vnd.openxmlformats-officedocument.${kind}"/>`);
    }
    // Every relationship target exists, relative to its source part.
    for (const rels of names.filter((n) => n.endsWith('.rels'))) {
      const base = path.posix.dirname(path.posix.dirname(rels));
      for (const m of (await text(rels)).matchAll(/Target="([^"]+)"/g)) {
        expect(names, `${rels} → ${m[1]}`).toContain(path.posix.normalize(path.posix.join(base, m[1])).replace(/^\//, ''));
      }
    }
    // The sheet names its drawing, before the notes' VML, as the schema orders them.
    const sheet1 = await text('xl/worksheets/sheet1.xml');
    expect(sheet1).toMatch(/<drawing r:id="rIdDr"\/><legacyDrawing r:id="rIdVml"\/><\/worksheet>$/);
    const rels1 = await text('xl/worksheets/_rels/sheet1.xml.rels');
    expect(rels1).toContain('Id="rIdDr" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"');
    expect(rels1).toContain('Id="rIdCm"');
    const drawing1 = await text('xl/drawings/drawing1.xml');
    expect(drawing1.match(/<xdr:twoCellAnchor/g)).toHaveLength(3);
    expect(drawing1).toContain('<xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row>');
    const drels1 = await text('xl/drawings/_rels/drawing1.xml.rels');
    for (const k of [1, 2, 3]) expect(drels1).toContain(`Id="rIdC${k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart${k}.xml"`);
    expect(await text('xl/drawings/_rels/drawing2.xml.rels')).toContain('Target="../charts/chart4.xml"');
    // The cached values are the sheet's values.
    expect(sheet1).toContain('<c r="C3" s="1"><v>200</v></c>');
    expect(await text('xl/charts/chart2.xml')).toContain('<c:pt idx="1"><c:v>200</c:v></c:pt>');
  });

  const has = (cmd: string, args: string[]) => {
    try {
      execFileSync(cmd, args, { stdio: 'ignore', timeout: 20_000 });
      return true;
    } catch {
      return false;
    }
  };
  const soffice = has('soffice', ['--version']) ? 'soffice' : null;
  // Debian's python3-openpyxl lives with the system Python; a pyenv python3 may lack it.
  const python = ['/usr/bin/python3', 'python3'].find((p) => has(p, ['-c', 'import openpyxl'])) ?? null;
  if (!soffice) console.warn('\n*** chart-parts: LibreOffice (soffice) NOT INSTALLED — the LibreOffice check of native charts is SKIPPED ***\n');
  if (!python) console.warn('\n*** chart-parts: openpyxl NOT INSTALLED (apt-get install python3-openpyxl) — the openpyxl check of native charts is SKIPPED ***\n');

  it.runIf(python)('openpyxl loads the workbook and sees the charts with their references', async () => {
    const file = await writeTestBook('openpyxl.xlsx');
    const script = [
      'import sys, json, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'out = []',
      'for ws in wb.worksheets:',
      '  for ch in ws._charts:',
      '    out.append({"sheet": ws.title, "type": ch.tagname, "n": len(ch.series), "refs": [s.val.numRef.f for s in ch.series], "combo": [c.tagname for c in getattr(ch, "_charts", [])]})',
      'print(json.dumps(out))',
    ].join('\n');
    const got = JSON.parse(execFileSync(python!, ['-c', script, file], { encoding: 'utf8' })) as { sheet: string; type: string; n: number; refs: string[] }[];
    expect(got.map((c) => [c.sheet, c.type])).toEqual([[SHEET, 'barChart'], [SHEET, 'barChart'], [SHEET, 'lineChart'], ['Khác', 'lineChart']]);
    expect(got[1].refs).toEqual(["'Báo cáo'!$C$2:$C$5", "'Báo cáo'!$F$2:$F$5"]);
  }, 60_000);

  it.runIf(soffice)('LibreOffice draws the charts into a PDF and keeps them when it resaves the file', async () => {
    const file = await writeTestBook('lo.xlsx');
    const profile = path.join(dir, 'lo-profile');
    const out = path.join(dir, 'lo-out');
    const run = (fmt: string) =>
      execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', fmt, '--outdir', out, file], { stdio: 'ignore', timeout: 180_000 });
    run('xlsx:Calc MS Excel 2007 XML');
    const resaved = new ZipArchive(fs.readFileSync(path.join(out, 'lo.xlsx')));
    const charts = [...resaved.entries.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(4);
    const all = (await Promise.all(charts.map((n) => resaved.text(n, 1 << 22)))).join('\n');
    // Booleans, not the parts themselves: a failure would print kilobytes of XML.
    expect(all.includes('Tỷ lệ giải ngân theo dự án')).toBe(true);
    expect(/Báo cáo(&apos;|')?!\$C\$2:\$C\$5/.test(all)).toBe(true);
    expect(all.includes('<c:grouping val="stacked"/>')).toBe(true);
    expect(/<c:barChart>.*<\/c:barChart><c:lineChart>/.test(all)).toBe(true); // the combo survives
    if (has('pdftotext', ['-v'])) {
      run('pdf');
      const pdfText = execFileSync('pdftotext', [path.join(out, 'lo.pdf'), '-'], { encoding: 'utf8' });
      expect(pdfText).toContain('Tỷ lệ giải ngân theo dự án');
      expect(pdfText).toContain('Kế hoạch và giải ngân');
    } else console.warn('*** chart-parts: pdftotext (poppler-utils) missing — the PDF drawing check is skipped ***');
  }, 240_000);
});
