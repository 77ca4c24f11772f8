// `plandesk import` and `plandesk export` end to end: spreadsheet → cycle file → annex → the same
// plan again; exit codes and one-line Vietnamese errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { buildDepartmentWorkbook, writeXlsx } from '../../../test/fixtures/excel/make-fixtures';
import { exportAnnex } from '../../engine/excel';
import { createCycleFile, openCycleFile } from '../../engine/store/cycle-file';
import { run as runExport } from './export';
import { run as runImport } from './import';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-cli-excel-'));
// The import reads in the app's worker bundles: built here as scripts/build.mjs builds them (inside
// the project, so their external packages resolve from node_modules).
const workerDir = path.resolve(__dirname, '../../../node_modules/.cache/plandesk-test', `cli-workers-${process.pid}`);
beforeAll(async () => {
  const entries = { 'import-worker': '../../engine/excel/import-worker.ts', 'transfer-worker': '../../engine/transfer/transfer-worker.ts' };
  for (const [name, src] of Object.entries(entries)) {
    await build({ entryPoints: [path.join(__dirname, src)], outfile: path.join(workerDir, `${name}.cjs`), bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
  }
}, 60_000);
afterAll(() => fs.rmSync(workerDir, { recursive: true, force: true }));
function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), workerDir } };
}

describe('plandesk import / export', () => {
  it('imports an annex into a new cycle file, exports it, and the export imports to the same plan', async () => {
    const plan = sampleCycle();
    const xlsx = path.join(tmp, 'sample.xlsx');
    await exportAnnex({ meta: plan.meta, columns: plan.columns, calc: new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts), rules: plan.rules }, xlsx);
    const cycle = path.join(tmp, 'sample.plandesk');
    const a = io();
    expect(await runImport([xlsx, '--out', cycle], a.io)).toBe(0);
    expect(a.out[0]).toMatch(/18 dòng/);
    const back = openCycleFile(cycle, { readOnly: true });
    const data = back.data();
    back.close();
    expect(data.lines.map((l) => l.code)).toEqual(plan.lines.map((l) => l.code));
    const again = path.join(tmp, 'again.xlsx');
    const b = io();
    expect(await runExport([cycle, '--out', again], b.io)).toBe(0);
    const c = io();
    const cycle2 = path.join(tmp, 'again.plandesk');
    expect(await runImport([again, '--out', cycle2, '--json'], c.io)).toBe(0);
    const report = JSON.parse(c.out.slice(0, -1).join('\n'));
    expect(report.lineCount).toBe(18);
    expect(report.totals.total).toBe(350_190_000_000);
    // The existing file is not overwritten without --force.
    const d = io();
    expect(await runImport([again, '--out', cycle2], d.io)).toBe(1);
    expect(d.err).toHaveLength(1);
    expect(await runImport([again, '--out', cycle2, '--force'], io().io)).toBe(0);
  });

  it('chooses a sheet by name or number, prints warnings in Vietnamese', async () => {
    const xlsx = await writeXlsx(buildDepartmentWorkbook(), path.join(tmp, 'dept.xlsx'));
    const a = io();
    expect(await runImport([xlsx, '--out', path.join(tmp, 'dept.plandesk'), '--sheet', '2'], a.io)).toBe(0);
    expect(a.out.join('\n')).toMatch(/F15: Số ghi dạng chữ "39\.285"/);
    const b = io();
    expect(await runImport([xlsx, '--out', path.join(tmp, 'dept2.plandesk'), '--sheet', 'Hướng dẫn'], b.io)).toBe(1);
    expect(b.err[0]).toMatch(/Trang tính "Hướng dẫn" không có bảng kinh phí/);
  });

  it('exit codes: 2 for bad arguments or a bad mapping, 1 for a refused file', async () => {
    expect(await runImport([], io().io)).toBe(2);
    expect(await runImport(['a.xlsx'], io().io)).toBe(2);
    expect(await runImport(['a.xlsx', '--out', 'b', '--bogus'], io().io)).toBe(2);
    const badMap = path.join(tmp, 'bad.json');
    fs.writeFileSync(badMap, '{"columns": {"F": "nonsense"}}');
    expect(await runImport(['a.xlsx', '--out', 'b', '--mapping', badMap], io().io)).toBe(2);
    const txt = path.join(tmp, 'not.xlsx');
    fs.writeFileSync(txt, 'hello');
    const e = io();
    expect(await runImport([txt, '--out', path.join(tmp, 'x.plandesk')], e.io)).toBe(1);
    expect(e.err).toEqual([expect.stringMatching(/không phải là bảng tính/)]);
    expect(fs.existsSync(path.join(tmp, 'x.plandesk'))).toBe(false);
    expect(await runExport([], io().io)).toBe(2);
    expect(await runExport(['a.plandesk', '--out', 'b.xlsx', '--mapping', badMap], io().io)).toBe(2);
    expect(await runExport([path.join(tmp, 'missing.plandesk'), '--out', path.join(tmp, 'o.xlsx')], io().io)).toBe(1);
  });

  it('a 2027 annex: the new plan takes the file\'s columns, and the report names what it matched and added', async () => {
    const xlsx = path.resolve(__dirname, '../../../test/fixtures/excel/annex-2027-two-rows.libreoffice.xlsx');
    const out = path.join(tmp, 'plan-2027.plandesk');
    const a = io();
    expect(await runImport([xlsx, '--out', out], a.io)).toBe(0);
    const text = a.out.join('\n');
    expect(text).toContain('Cột mới thêm vào kế hoạch (không có trong cây cột chuẩn): J = Vốn tín dụng chính sách; K = Vốn huy động hợp pháp khác');
    expect(text).toMatch(/J = Vốn tín dụng chính sách;.*K = Vốn huy động hợp pháp khác/);
    expect(text).toContain('  Vốn tín dụng chính sách: 74.500');
    expect(text).not.toMatch(/von_tin_dung/);
    const f = openCycleFile(out, { readOnly: true });
    const data = f.data();
    f.close();
    expect(data.columns.map((c) => c.key)).toContain('von_tin_dung_chinh_sach');
    expect(new PlanCalc(new ColumnTree(data.columns), data.lines, data.amounts).total('von_tin_dung_chinh_sach')).toBe(74_500_000_000);
    const b = io();
    expect(await runImport([xlsx, '--out', path.join(tmp, 'plan-2027b.plandesk'), '--json'], b.io)).toBe(0);
    const report = JSON.parse(b.out.slice(0, -1).join('\n'));
    expect(report.addedColumns.map((c: { key: string }) => c.key)).toEqual(['von_tin_dung_chinh_sach', 'von_huy_dong_hop_phap_khac']);
    expect(report.columns).toContainEqual({ key: 'von_tin_dung_chinh_sach', label: 'Vốn tín dụng chính sách', parent: 'total' });
    expect(report.totals.von_tin_dung_chinh_sach).toBe(74_500_000_000);
  });

  it('--into an existing plan adds the file\'s columns the plan has not and names them with their money (it never asks)', async () => {
    const xlsx = path.resolve(__dirname, '../../../test/fixtures/excel/annex-2027-two-rows.libreoffice.xlsx');
    const { importSpreadsheet } = await import('../../engine/excel');
    const r = await importSpreadsheet({ path: xlsx });
    const std = new Set(sampleCycle().columns.map((c) => c.key));
    const plan = path.join(tmp, 'into-2027.plandesk');
    createCycleFile(plan, { ...r.data, columns: r.data.columns.filter((c) => std.has(c.key)), amounts: r.data.amounts.filter((a) => std.has(a.column)) });
    const env = process.env.PLANDESK_DATA_DIR;
    process.env.PLANDESK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-cli-data-'));
    try {
      const a = io();
      expect(await runImport([xlsx, '--into', plan], a.io)).toBe(0);
      expect(a.out.join('\n')).toContain('Cột mới thêm vào kế hoạch (không có trong cây cột chuẩn): Vốn tín dụng chính sách (74.500 triệu đồng); Vốn huy động hợp pháp khác (9.150,5 triệu đồng)');
    } finally {
      if (env === undefined) delete process.env.PLANDESK_DATA_DIR;
      else process.env.PLANDESK_DATA_DIR = env;
    }
    const f = openCycleFile(plan, { readOnly: true });
    const data = f.data();
    f.close();
    const calc = new PlanCalc(new ColumnTree(data.columns), data.lines, data.amounts);
    expect(calc.total('von_tin_dung_chinh_sach')).toBe(74_500_000_000);
    expect(calc.total('total')).toBe(194_197_500_000);
  });

  it("--mapping may name the plan's own custom column (--into that plan); a plan without it refuses the mapping (exit 2)", async () => {
    const annex2027 = path.resolve(__dirname, '../../../test/fixtures/excel/annex-2027-two-rows.libreoffice.xlsx');
    const { importSpreadsheet } = await import('../../engine/excel');
    const plan = path.join(tmp, 'custom-mapping.plandesk');
    createCycleFile(plan, (await importSpreadsheet({ path: annex2027 })).data);
    const map = path.join(tmp, 'custom-mapping.json');
    fs.writeFileSync(map, JSON.stringify({ columns: { J: 'von_tin_dung_chinh_sach' } }));
    const env = process.env.PLANDESK_DATA_DIR;
    process.env.PLANDESK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-cli-data-'));
    try {
      const a = io();
      expect(await runImport([annex2027, '--into', plan, '--kind', 'plan', '--mapping', map], a.io)).toBe(0);
      expect(a.err).toEqual([]);
      expect(a.err).toEqual([]);
      const sample = path.join(tmp, 'sample-no-credit.plandesk');
      createCycleFile(sample, sampleCycle());
      const b = io();
      expect(await runImport([annex2027, '--into', sample, '--kind', 'plan', '--mapping', map], b.io)).toBe(2);
      expect(b.err).toEqual([expect.stringMatching(/von_tin_dung_chinh_sach/)]);
    } finally {
      if (env === undefined) delete process.env.PLANDESK_DATA_DIR;
      else process.env.PLANDESK_DATA_DIR = env;
    }
  });
});
