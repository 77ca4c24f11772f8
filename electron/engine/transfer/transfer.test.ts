// The app's import and export commands on real files, through the Workspace as both hosts run them:
// a job reads a department workbook in worker threads (sheet choice, progress, report), nothing is
// written until confirmed, "replace" is one undo step that brings the old table back exactly,
// "new cycle" writes and opens a file, refusals and Cancel leave the plan untouched, mappings are
// saved as the cycle's templates, and the export reads back with SheetJS.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import * as XLSX from 'xlsx';
import type { TransferStatus } from '../../../shared/commands/transfer';
import type { CommandName, CommandResults } from '../../../shared/ipc';
import type { CycleData } from '../../../shared/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { buildDepartmentWorkbook, buildEnUsWorkbook, buildSampleDepartmentWorkbook, writeXlsx } from '../../../test/fixtures/excel/make-fixtures';
import { CALAMINE_CORPUS, haveData } from '../../../test/support/need-data';
import { tempDir } from '../../../test/support/tmp';
import { writeAnnexFixture } from '../../../test/support/annex-fixture';
import { createCycleFile } from '../store/cycle-file';
import { Workspace } from '../workspace';
import { configureTransfer, transferJobs } from './jobs';
import { labelText } from '../../../shared/step-label';

const M = 1_000_000;
// Inside the project, so the bundles' external packages resolve from node_modules.
const workerDir = path.resolve(__dirname, '../../../node_modules/.cache/plandesk-test', `transfer-${process.pid}`);
const dir = tempDir();
let department: string;

beforeAll(async () => {
  const bundle = (src: string, out: string) =>
    build({ entryPoints: [path.join(__dirname, src)], outfile: path.join(workerDir, out), bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
  await Promise.all([bundle('../excel/import-worker.ts', 'import-worker.cjs'), bundle('transfer-worker.ts', 'transfer-worker.cjs')]);
  configureTransfer({ workerDir });
  department = await writeXlsx(buildDepartmentWorkbook(), path.join(dir, 'so-nong-nghiep.xlsx'));
}, 60_000);
afterAll(() => {
  transferJobs().close();
  fs.rmSync(workerDir, { recursive: true, force: true });
});

async function ok<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<CommandResults[K]> {
  const r = await ws.handle(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function refusal(ws: Workspace, name: CommandName, args: unknown): Promise<string> {
  const r = await ws.handle(name, args);
  if (r.ok) throw new Error(`${name} was accepted`);
  return r.error.code;
}

/** Poll a job until it leaves 'reading' (as the UI does). */
async function settle(ws: Workspace, job: string): Promise<TransferStatus> {
  for (;;) {
    const s = await ok(ws, 'transfer/status', { job });
    if (s.state !== 'reading') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function openSample(name = 'plan.plandesk'): { ws: Workspace; file: string } {
  const file = path.join(tempDir(), name);
  createCycleFile(file, sampleCycle());
  const ws = new Workspace();
  ws.open(file);
  return { ws, file };
}

/** The plan's table in a form that ignores line ids (they are fresh after a replace). */
function table(data: CycleData) {
  const byId = new Map(data.lines.map((l) => [l.id, l]));
  const pathOf = (id: number): string => {
    const l = byId.get(id)!;
    return l.parentId === null ? `${l.position}` : `${pathOf(l.parentId)}/${l.position}`;
  };
  return {
    lines: data.lines.map((l) => ({ at: pathOf(l.id), code: l.code, name: l.name, agency: l.agency, note: l.note })).sort((a, b) => a.at.localeCompare(b.at)),
    amounts: data.amounts.map((a) => `${pathOf(a.lineId)}:${a.column}=${a.value}`).sort(),
    unit: data.meta.unit,
  };
}

describe('an import job', () => {
  it('lets the user choose among several sheets, reads in a worker and reports, writing nothing', async () => {
    const { ws, file } = openSample();
    const before = fs.readFileSync(file);
    const { job, name } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: department } });
    expect(name).toBe('so-nong-nghiep.xlsx');
    const first = await settle(ws, job);
    expect(first).toMatchObject({ state: 'chooseSheet', sheets: [{ name: 'Hướng dẫn', hidden: false }, { name: 'Phụ lục I', hidden: false }] });

    // The guide sheet has no table: the job says the mapping dialog can help, and shows its rows.
    await ok(ws, 'transfer/read', { job, sheet: 'Hướng dẫn', mapping: null });
    const failed = await settle(ws, job);
    expect(failed).toMatchObject({ state: 'failed', needsMapping: true, error: { code: 'excel.error.no_table_in_sheet' } });
    const guide = await ok(ws, 'transfer/preview', { job, sheet: 'Hướng dẫn' });
    expect(guide.layout).toBeNull();
    expect(guide.rows[0]).toMatchObject({ row: 1, cells: ['Hướng dẫn lập biểu: điền số liệu vào trang Phụ lục I.'] });

    await ok(ws, 'transfer/read', { job, sheet: null, mapping: null });
    const ready = await settle(ws, job);
    if (ready.state !== 'ready') throw new Error(JSON.stringify(ready));
    expect(ready.columnsMatch).toBe(true);
    expect(ready.report).toMatchObject({ sheet: 'Phụ lục I', lineCount: 9, unit: 'trieu', headerRows: [8, 9, 10] });
    expect(ready.report.totals.total).toBe(179_192 * M);
    expect(ready.report.warnings.some((w) => w.key === 'excel.warn.stated_mismatch')).toBe(true);
    expect(ready.report.skipped.some((s) => s.reason === 'excel.skip.hidden_row')).toBe(true);

    // The preview of the table's sheet shows the header as the importer reads it.
    const sheet = await ok(ws, 'transfer/preview', { job, sheet: 'Phụ lục I' });
    expect(sheet.layout?.headerRows).toEqual([8, 9, 10]);
    expect(sheet.layout?.columns.find((c) => c.letter === 'F')).toMatchObject({ key: 'central_recurrent', by: 'header' });
    expect(sheet.rows.find((r) => r.row === 14)?.cells.slice(0, 2)).toEqual(['1', 'Tiểu dự án 1: Hạ tầng các huyện nghèo']);

    // Nothing was written; cancelling forgets the job.
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(await ok(ws, 'transfer/cancel', { job })).toEqual({ cancelled: true });
    expect(await refusal(ws, 'transfer/status', { job })).toBe('transfer.error.no_job');
    ws.close();
  });

  it('reads .xls and .ods workbooks the same way (sheet choice, then the report)', async () => {
    const { ws } = openSample();
    for (const ext of ['xls', 'ods']) {
      const fixture = path.resolve(__dirname, `../../../test/fixtures/excel/department.${ext}`);
      const id = transferJobs().addUpload(`department.${ext}`, fs.readFileSync(fixture));
      const { job } = await ok(ws, 'transfer/start', { source: { kind: 'upload', id } });
      expect(await settle(ws, job), ext).toMatchObject({ state: 'chooseSheet' });
      await ok(ws, 'transfer/read', { job, sheet: null, mapping: null });
      const ready = await settle(ws, job);
      expect(ready, ext).toMatchObject({ state: 'ready', columnsMatch: true, report: { format: ext, sheet: 'Phụ lục I', lineCount: 9 } });
      await ok(ws, 'transfer/cancel', { job });
    }
    ws.close();
  });

  it('replaces the current table in one undo step, and undo brings the old one back exactly', async () => {
    const { ws } = openSample();
    const old = table(ws.session!.cycle());
    const exact = (d: CycleData) => ({ ...d, lines: [...d.lines].sort((a, b) => a.id - b.id), amounts: [...d.amounts].sort((a, b) => a.lineId - b.lineId || a.column.localeCompare(b.column)) });
    const oldExact = exact(ws.session!.cycle());
    const { job } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: department }, sheet: 'Phụ lục I' });
    const ready = await settle(ws, job);
    expect(ready.state).toBe('ready');
    const patch = await ok(ws, 'transfer/importReplace', { job });
    expect(patch.structure).toBe(true);
    expect(patch.lineCount).toBe(9);
    const snap = ws.session!.snapshot();
    expect(snap.rows.map((r) => r.code)).toEqual(['I', '1', '2', 'II', 'a', 'b', '-', '-', 'III']);
    // 179.192 in the file's TỔNG CỘNG; Dự án 2's typed-over 50.000 stays a stated figure to compare.
    const ii = snap.rows.find((r) => r.code === 'II')!;
    expect(ii.stored.total).toBe(50_000 * M);
    expect(ii.values.total).toBe(3_200 * M);
    expect(snap.findings.some((f) => f.rule === 'sum_mismatch' && f.lineId === ii.id && f.column === 'total')).toBe(true);
    // Line ids are fresh: none of the sample's is reused.
    const oldIds = new Set(sampleCycle().lines.map((l) => l.id));
    expect(snap.rows.some((r) => oldIds.has(r.id))).toBe(false);
    expect(labelText('vi', snap.undo.undoLabel!)).toBe('Nhập từ Excel: thay bảng bằng "so-nong-nghiep.xlsx"');
    // The job is done.
    expect(await refusal(ws, 'transfer/importReplace', { job })).toBe('transfer.error.no_job');

    await ok(ws, 'undo', {});
    expect(table(ws.session!.cycle())).toEqual(old);
    expect(exact(ws.session!.cycle())).toEqual(oldExact);
    const undone = ws.session!.snapshot().undo;
    expect(undone.canUndo).toBe(false);
    expect(labelText('vi', undone.redoLabel!)).toBe('Nhập từ Excel: thay bảng bằng "so-nong-nghiep.xlsx"');
    await ok(ws, 'redo', {});
    expect(ws.session!.snapshot().rows).toHaveLength(9);
    ws.close();
  });

  it('refuses to replace a table whose funding columns differ until each is chosen for, and creates a new cycle file instead', async () => {
    const { ws, file } = openSample();
    const before = table(ws.session!.cycle());
    const enUs = await writeXlsx(buildEnUsWorkbook(), path.join(dir, 'en-us.xlsx'));
    await ok(ws, 'transfer/saveTemplate', { name: 'Sở Y tế', mapping: { columns: { I: 'ignore' } } });
    const { job } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: enUs } });
    const ready = await settle(ws, job);
    if (ready.state !== 'ready') throw new Error(JSON.stringify(ready));
    expect(ready.columnsMatch).toBe(false);
    // NSTW and NSĐP are leaves of the file and groups of the plan: they need a choice (no figure dropped silently).
    expect(ready.unmatchedColumns.map((u) => u.key)).toEqual(['central', 'local']);
    expect(await refusal(ws, 'transfer/importReplace', { job })).toBe('transfer.error.columns_unresolved');
    expect(table(ws.session!.cycle())).toEqual(before);

    // Never over an existing file, nor the open one.
    expect(await refusal(ws, 'transfer/importNew', { job, path: file })).toBe('error.same_file');
    const target = path.join(path.dirname(file), 'so-y-te.plandesk');
    fs.writeFileSync(target, 'x');
    expect(await refusal(ws, 'transfer/importNew', { job, path: target })).toBe('error.exists');
    fs.rmSync(target);
    const { file: info } = await ok(ws, 'transfer/importNew', { job, path: target });
    expect(info).toMatchObject({ name: 'so-y-te.plandesk', readOnly: false });
    expect(ws.session!.info.path).toBe(target);
    const snap = ws.session!.snapshot();
    expect(snap.rows.map((r) => r.name)).toEqual(['Dự án A', 'Dự án B', 'Dự án C']);
    expect(snap.meta.unit).toBe('nghin');
    expect(snap.columns.find((c) => c.key === 'central')?.parent).toBe('total');
    // The open plan's saved mappings came along; the original file kept its table.
    expect((await ok(ws, 'transfer/templates', {})).templates.map((t) => t.name)).toEqual(['Sở Y tế']);
    const audit = await ok(ws, 'history/audit', { filter: {}, offset: 0, limit: 10 });
    expect(audit.rows.some((r) => labelText('vi', r.label) === 'Nhập từ tệp Excel en-us.xlsx')).toBe(true);
    ws.open(file);
    expect(table(ws.session!.cycle())).toEqual(before);
    ws.close();
  });

  it('reads a table it cannot find alone with the mapping the user gives, saved as a template', async () => {
    const { ws } = openSample();
    // Headers nobody recognises: "Hạng mục" for the lines, "Kinh phí (a)" and "(b)" for NSTW/NSĐP.
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['Đơn vị tính: triệu đồng'],
        ['Số', 'Hạng mục', 'Kinh phí (a)', 'Kinh phí (b)'],
        ['1', 'Xã A', 100, 10],
        ['2', 'Xã B', 200, 20],
      ]),
      'Biểu 01',
    );
    const odd = path.join(dir, 'bieu-01.xlsx');
    fs.writeFileSync(odd, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const { job } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: odd } });
    const failed = await settle(ws, job);
    expect(failed).toMatchObject({ state: 'failed', needsMapping: true, error: { code: 'excel.error.no_table' } });
    const mapping = { headerRows: [2], columns: { A: 'code', B: 'name', C: 'central_recurrent', D: 'local_recurrent' } };
    const preview = await ok(ws, 'transfer/preview', { job, sheet: 'Biểu 01', mapping });
    expect(preview.layout?.columns.map((c) => `${c.letter}=${c.key}`)).toEqual(['A=code', 'B=name', 'C=central_recurrent', 'D=local_recurrent']);
    await ok(ws, 'transfer/read', { job, sheet: 'Biểu 01', mapping });
    const ready = await settle(ws, job);
    if (ready.state !== 'ready') throw new Error(JSON.stringify(ready));
    expect(ready.report.totals).toMatchObject({ total: 330 * M, central: 300 * M, local: 30 * M });
    expect(ready.mapping).toEqual(mapping);

    // Saved per cycle, one undo step; a bad target is refused before it is kept.
    const saved = await ok(ws, 'transfer/saveTemplate', { name: ' Biểu 01 xã ', mapping: { ...mapping, sheet: 'Biểu 01' } });
    expect(saved.templates).toEqual([{ name: 'Biểu 01 xã', mapping: { ...mapping, sheet: 'Biểu 01' }, savedAt: expect.any(String) }]);
    expect(labelText('vi', saved.undo.undoLabel!)).toBe('Lưu mẫu ánh xạ cột "Biểu 01 xã"');
    expect(await refusal(ws, 'transfer/saveTemplate', { name: 'x', mapping: { columns: { A: 'lương' } } })).toBe('excel.error.bad_mapping');
    expect(await refusal(ws, 'transfer/saveTemplate', { name: 'x', mapping: { columns: {}, extra: 1 } })).toBe('error.invalid_args');
    await ok(ws, 'undo', {});
    expect((await ok(ws, 'transfer/templates', {})).templates).toEqual([]);
    await ok(ws, 'redo', {});
    // Reused: a new job with the template's mapping reads the file straight away.
    const again = await ok(ws, 'transfer/start', { source: { kind: 'path', path: odd }, sheet: 'Biểu 01', mapping: saved.templates[0].mapping });
    expect((await settle(ws, again.job)).state).toBe('ready');
    const del = await ok(ws, 'transfer/deleteTemplate', { name: 'Biểu 01 xã' });
    expect(del.templates).toEqual([]);
    ws.close();
  });

  it('ends a hostile or broken file in a clear refusal, the plan untouched', async () => {
    const { ws, file } = openSample();
    const before = fs.readFileSync(file);
    const cases: [string, Buffer, string][] = [
      ['rong.xlsx', Buffer.alloc(0), 'excel.error.empty_file'],
      ['thu.xlsx', Buffer.from('Kính gửi: Sở Tài chính'), 'excel.error.not_spreadsheet'],
      ['hong.xlsx', fs.readFileSync(department).subarray(0, 3000), 'excel.error.damaged'],
    ];
    const corpus = path.resolve(__dirname, '../../../../shared/corpus/calamine/pass_protected.xlsx');
    if (haveData(CALAMINE_CORPUS)) cases.push(['pass_protected.xlsx', fs.readFileSync(corpus), 'excel.error.encrypted']);
    for (const [name, bytes, code] of cases) {
      const id = transferJobs().addUpload(name, bytes);
      const { job } = await ok(ws, 'transfer/start', { source: { kind: 'upload', id } });
      const s = await settle(ws, job);
      expect(s, name).toMatchObject({ state: 'failed', name, error: { code } });
      // An upload is used once.
      expect(await refusal(ws, 'transfer/start', { source: { kind: 'upload', id } })).toBe('transfer.error.upload_gone');
      await ok(ws, 'transfer/cancel', { job });
    }
    const missing = await ok(ws, 'transfer/start', { source: { kind: 'path', path: path.join(dir, 'khong-co.xlsx') } });
    expect(await settle(ws, missing.job)).toMatchObject({ state: 'failed', error: { code: 'excel.error.not_found', params: { file: 'khong-co.xlsx' } } });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The session still works.
    const id = ws.session!.snapshot().rows.find((r) => r.code === '3.2')!.id;
    await ok(ws, 'cell/set', { lineId: id, column: 'central_recurrent', value: 1 });
    ws.close();
  });

  it('stops on Cancel while reading a big file; the plan is unchanged', async () => {
    const { ws, file } = openSample();
    const before = fs.readFileSync(file);
    const big = path.join(dir, 'big.xlsx');
    await writeAnnexFixture(big, 30_000);
    const { job } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: big } });
    let s = await ok(ws, 'transfer/status', { job });
    while (s.state === 'reading' && (s.phase === 'open' || s.fraction < 0.1)) {
      await new Promise((r) => setTimeout(r, 10));
      s = await ok(ws, 'transfer/status', { job });
    }
    expect(s).toMatchObject({ state: 'reading', phase: 'read' });
    expect(await ok(ws, 'transfer/cancel', { job })).toEqual({ cancelled: true });
    expect(await refusal(ws, 'transfer/status', { job })).toBe('transfer.error.no_job');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    ws.close();
  });
});

describe('import into the open plan keeps what the plan had', () => {
  /** The sample typed in a department's own sheet (no PlanDesk metadata), with changes. */
  async function departmentCopy(name: string, opts: Parameters<typeof buildSampleDepartmentWorkbook>[2] = {}): Promise<string> {
    const d = sampleCycle();
    return writeXlsx(buildSampleDepartmentWorkbook(d.lines, d.amounts, opts), path.join(dir, name));
  }
  async function readyJob(ws: Workspace, file: string): Promise<string> {
    const { job } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: file } });
    const s = await settle(ws, job);
    if (s.state !== 'ready') throw new Error(JSON.stringify(s));
    expect(s.columnsMatch).toBe(true);
    return job;
  }
  const capitalByCode = (data: CycleData) => Object.fromEntries(data.lines.map((l) => [l.code, l.allowedCapital]));

  it('replacing the table keeps the rule settings and the capital types of lines matched by code or name', async () => {
    const { ws } = openSample();
    const before = ws.session!.cycle();
    // Line 6.1 numbered its own way ("VI.1"): matched by its name. A new line: accepts every type.
    const file = await departmentCopy('phong-ke-hoach.xlsx', { rename: { '6.1': 'VI.1' }, extra: [{ code: '11', name: 'Dự án mới của phòng', figures: [1, 0, 0, 0] }] });
    const job = await readyJob(ws, file);
    await ok(ws, 'transfer/importReplace', { job });
    const after = ws.session!.cycle();
    const was = capitalByCode(before);
    const now = capitalByCode(after);
    for (const [code, capital] of Object.entries(was)) if (code !== '6.1') expect(now[code], code).toEqual(capital);
    expect(now['VI.1']).toEqual(was['6.1']);
    expect(now['11']).toBeNull();
    expect(was['2']).toEqual(['recurrent']);
    expect(after.rules).toEqual(before.rules);
    ws.close();
  });

  it('fills the existing lines from the file (by code, then name), names the lines it could not place, in one undo step', async () => {
    const { ws } = openSample();
    const before = table(ws.session!.cycle());
    const lines = ws.session!.cycle().lines;
    const file = await departmentCopy('dien-so.xlsx', {
      figures: { '3.2': [0, 7_100, 0, 710] },
      rename: { '5': 'V' },
      extra: [{ code: '99', name: 'Dòng không có trong kế hoạch', figures: [5, 0, 0, 0] }],
    });
    const job = await readyJob(ws, file);
    const r = await ok(ws, 'transfer/importFill', { job });
    expect(r.unmatched).toBe(1);
    expect(r.unmatchedLines).toEqual(['99 Dòng không có trong kế hoạch']);
    expect(r.filled).toBe(lines.length);
    const after = ws.session!.cycle();
    // Same lines, same ids and settings; 3.2 took the file's figures.
    expect(after.lines).toEqual(expect.arrayContaining(lines));
    expect(after.lines).toHaveLength(lines.length);
    const l32 = lines.find((l) => l.code === '3.2')!;
    const value = (id: number, column: string) => after.amounts.find((a) => a.lineId === id && a.column === column)?.value;
    expect(value(l32.id, 'central_recurrent')).toBe(7_100 * M);
    expect(value(l32.id, 'local_recurrent')).toBe(710 * M);
    expect(labelText('vi', ws.session!.snapshot().undo.undoLabel!)).toBe('Nhập từ Excel: điền số liệu từ "dien-so.xlsx"');
    await ok(ws, 'undo', {});
    expect(table(ws.session!.cycle())).toEqual(before);
    ws.close();
  });

  it('refuses to fill when no line of the file is a line of the plan, and changes nothing', async () => {
    const { ws } = openSample();
    const before = table(ws.session!.cycle());
    const stranger = [{ id: 1, parentId: null, position: 0, code: 'A', name: 'Trường học xã Quảng Sơn', agency: '' }];
    const file = await writeXlsx(buildSampleDepartmentWorkbook(stranger, [{ lineId: 1, column: 'central_investment', value: 5 * M }]), path.join(dir, 'la.xlsx'));
    const job = await readyJob(ws, file);
    expect(await refusal(ws, 'transfer/importFill', { job })).toBe('transfer.error.no_match');
    expect(table(ws.session!.cycle())).toEqual(before);
    ws.close();
  });
});

describe('a file with funding columns the plan has not (issue 13)', () => {
  const annex2027 = path.resolve(__dirname, '../../../test/fixtures/excel/annex-2027-two-rows.libreoffice.xlsx');
  const exact = (d: CycleData) => ({
    columns: [...d.columns].sort((a, b) => a.key.localeCompare(b.key)),
    lines: [...d.lines].sort((a, b) => a.id - b.id),
    amounts: [...d.amounts].sort((a, b) => a.lineId - b.lineId || a.column.localeCompare(b.column)),
  });

  it('names the columns with their money, refuses until each has a choice, then adds / maps them in the import\'s one undo step', async () => {
    const { ws } = openSample();
    const before = exact(ws.session!.cycle());
    const { job } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: annex2027 } });
    const ready = await settle(ws, job);
    if (ready.state !== 'ready') throw new Error(JSON.stringify(ready));
    expect(ready.columnsMatch).toBe(false);
    expect(ready.unmatchedColumns).toEqual([
      { key: 'von_tin_dung_chinh_sach', label: 'Vốn tín dụng chính sách', parent: 'total', planParent: 'total', dong: 74_500 * M, cells: 3 },
      { key: 'von_huy_dong_hop_phap_khac', label: 'Vốn huy động hợp pháp khác', parent: 'total', planParent: 'total', dong: 9_150.5 * M, cells: 5 },
    ]);
    // No choice, or a choice for one column only: refused, nothing written.
    expect(await refusal(ws, 'transfer/importReplace', { job })).toBe('transfer.error.columns_unresolved');
    expect(await refusal(ws, 'transfer/importReplace', { job, columns: { von_tin_dung_chinh_sach: { action: 'add' } } })).toBe('transfer.error.columns_unresolved');
    expect(exact(ws.session!.cycle())).toEqual(before);

    const patch = await ok(ws, 'transfer/importReplace', { job, columns: { von_tin_dung_chinh_sach: { action: 'add' }, von_huy_dong_hop_phap_khac: { action: 'map', to: 'other' } } });
    expect(patch.addedColumns).toEqual(['von_tin_dung_chinh_sach']);
    expect(patch.columns?.find((c) => c.key === 'von_tin_dung_chinh_sach')).toMatchObject({ parent: 'total', label: { vi: 'Vốn tín dụng chính sách' } });
    const snap = ws.session!.snapshot();
    expect(snap.totals.von_tin_dung_chinh_sach).toBe(74_500 * M);
    expect(snap.totals.other).toBe(9_150.5 * M);
    expect(snap.totals.total).toBe(194_197.5 * M);
    expect(labelText('vi', snap.undo.undoLabel!)).toBe('Nhập từ Excel: thay bảng bằng "annex-2027-two-rows.libreoffice.xlsx"');
    // One undo step takes the column back with the table; redo brings both.
    await ok(ws, 'undo', {});
    expect(exact(ws.session!.cycle())).toEqual(before);
    await ok(ws, 'redo', {});
    expect(ws.session!.snapshot().totals.von_tin_dung_chinh_sach).toBe(74_500 * M);
    ws.close();
  });

  it("a mapping may name the open plan's own columns; the preview names a new column by its label", async () => {
    const { importSpreadsheet } = await import('../excel');
    const annexB = path.resolve(__dirname, '../../../test/fixtures/excel/annex-2027-three-rows.libreoffice.xlsx');
    const file = path.join(tempDir(), 'plan-custom.plandesk');
    createCycleFile(file, (await importSpreadsheet({ path: annex2027 })).data);
    const ws = new Workspace();
    ws.open(file);
    // J ("Vốn lồng ghép") put into the plan's policy-credit column: a key of this plan, accepted.
    const { job } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: annexB }, mapping: { columns: { J: 'von_tin_dung_chinh_sach' } } });
    const ready = await settle(ws, job);
    if (ready.state !== 'ready') throw new Error(JSON.stringify(ready));
    expect(ready.report.mappedColumns.find((c) => c.column === 'J')?.key).toBe('von_tin_dung_chinh_sach');
    expect(ready.unmatchedColumns.map((u) => u.label)).not.toContain('Vốn lồng ghép');
    const preview = await ok(ws, 'transfer/preview', { job, sheet: 0 });
    expect(preview.layout?.columns.find((c) => c.letter === 'H')).toMatchObject({ key: 'cap_tinh', label: 'Cấp tỉnh' });
    ws.close();
    // The sample plan has no such column: the same mapping is refused.
    const other = openSample();
    const { job: j2 } = await ok(other.ws, 'transfer/start', { source: { kind: 'path', path: annexB }, mapping: { columns: { J: 'von_tin_dung_chinh_sach' } } });
    expect(await settle(other.ws, j2)).toMatchObject({ state: 'failed', error: { code: 'excel.error.bad_mapping' } });
    other.ws.close();
  });

  it('fills the existing lines with a column added and another explicitly skipped, in one undo step', async () => {
    // The plan: the annex's lines on the standard columns (as last year's plan would be).
    const { importSpreadsheet } = await import('../excel');
    const r = await importSpreadsheet({ path: annex2027 });
    const std = new Set(sampleCycle().columns.map((c) => c.key));
    const file = path.join(tempDir(), 'plan-2027.plandesk');
    createCycleFile(file, { ...r.data, columns: r.data.columns.filter((c) => std.has(c.key)), amounts: r.data.amounts.filter((a) => std.has(a.column)) });
    const ws = new Workspace();
    ws.open(file);
    const before = exact(ws.session!.cycle());
    const { job } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: annex2027 } });
    await settle(ws, job);
    const patch = await ok(ws, 'transfer/importFill', { job, columns: { von_tin_dung_chinh_sach: { action: 'add' }, von_huy_dong_hop_phap_khac: { action: 'skip' } } });
    expect(patch.addedColumns).toEqual(['von_tin_dung_chinh_sach']);
    expect(patch.filled).toBe(7);
    const snap = ws.session!.snapshot();
    expect(snap.totals.von_tin_dung_chinh_sach).toBe(74_500 * M);
    expect(snap.columns.some((c) => c.label.vi === 'Vốn huy động hợp pháp khác')).toBe(false);
    expect(snap.totals.total).toBe((194_197.5 - 9_150.5) * M);
    await ok(ws, 'undo', {});
    expect(exact(ws.session!.cycle())).toEqual(before);
    ws.close();
  });
});

describe('export', () => {
  it('writes the default annex with live formulas, and a department template filled', async () => {
    const { ws, file } = openSample();
    const out = path.join(path.dirname(file), 'phu-luc.xlsx');
    const r = await ok(ws, 'transfer/export', { path: out });
    expect(r).toEqual({ path: out, name: 'phu-luc.xlsx' });
    const wb = XLSX.read(fs.readFileSync(out), { cellFormula: true });
    const ws0 = wb.Sheets[wb.SheetNames[0]];
    const cells = Object.entries(ws0).filter(([k]) => !k.startsWith('!')) as [string, XLSX.CellObject][];
    expect(cells.some(([, c]) => c.v === 'TỔNG CỘNG')).toBe(true);
    expect(cells.some(([, c]) => typeof c.f === 'string' && /SUM|\+/.test(c.f))).toBe(true);
    expect(cells.some(([, c]) => c.v === 350_190)).toBe(true);

    // Template mode with a saved mapping: the department's workbook keeps its title and gets our figures.
    await ok(ws, 'transfer/saveTemplate', { name: 'Phụ lục sở', mapping: { sheet: 'Phụ lục I', headerRows: [8, 9, 10], columns: {} } });
    const filled = path.join(path.dirname(file), 'mau-so.xlsx');
    await ok(ws, 'transfer/export', { path: filled, template: department, mapping: 'Phụ lục sở' });
    const t = XLSX.read(fs.readFileSync(filled), { cellFormula: true });
    const sheet = t.Sheets['Phụ lục I'];
    expect(sheet.A4.v).toBe('Phụ lục I');
    // The template's TỔNG CỘNG row (12) sums our lines with live formulas; 1.1 follows below.
    expect(sheet.B12.v).toBe('TỔNG CỘNG');
    expect(sheet.C12).toMatchObject({ v: 350_190, f: expect.stringMatching(/^SUM\(/) });
    expect(sheet.A14.v).toBe('1.1');
    expect(sheet.E14.v).toBe(99_654);
    expect(await refusal(ws, 'transfer/export', { path: filled, template: department, mapping: 'không có' })).toBe('transfer.error.no_template');
    expect(await refusal(ws, 'transfer/export', { path: file })).toBe('error.same_file');
    ws.close();
  });
});
