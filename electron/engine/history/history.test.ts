// Revisions, comparisons and a new cycle, on crafted plans: plan 528/KH-UBND (14/8/2023) revised
// into 122/KH-UBND (29/02/2024) — a figure changed, a line renamed, one removed, one added — and
// compared every way the issue asks: two revisions, a revision and the current plan, two files.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { CompareResult } from '../../../shared/commands/history';
import type { CommandName, CommandResults } from '../../../shared/ipc';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { Workspace } from '../workspace';
import { readLineage } from './lineage';
import { labelText } from '../../../shared/step-label';

const M = 1_000_000;

async function ok<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<CommandResults[K]> {
  const r = await ws.handle(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

const lineId = (ws: Workspace, code: string) => ws.session!.snapshot().rows.find((r) => r.code === code)!.id;

/** The sample saved as "KH 528", then revised into "KH 122". */
async function revisedPlan() {
  const dir = tempDir();
  const file = path.join(dir, 'giam-ngheo-2024.plandesk');
  createCycleFile(file, sampleCycle());
  const ws = new Workspace();
  ws.open(file);
  const r528 = (await ok(ws, 'history/createRevision', { name: 'KH 528/KH-UBND 14/8/2023', note: 'Bản đầu' })).revision;
  await ok(ws, 'cell/set', { lineId: lineId(ws, '3.2'), column: 'central_recurrent', value: 8_024 * M });
  await ok(ws, 'line/update', { lineId: lineId(ws, '4.2'), fields: { name: 'Tiểu dự án 2: Hỗ trợ lao động đi làm việc ở nước ngoài' } });
  await ok(ws, 'line/delete', { lineId: lineId(ws, '6.2') });
  const added = await ok(ws, 'line/insert', { anchor: lineId(ws, '6.1'), where: 'below', fields: { code: '6.3', name: 'Tiểu dự án 3: Thí điểm' } });
  await ok(ws, 'cell/set', { lineId: added.lineId, column: 'central_recurrent', value: 500 * M });
  const r122 = (await ok(ws, 'history/createRevision', { name: 'KH 122/KH-UBND 29/02/2024' })).revision;
  return { dir, file, ws, r528, r122 };
}

const byCode = (r: CompareResult) => new Map(r.rows.map((x) => [`${x.status}:${x.code}`, x]));

describe('revisions', () => {
  it('saves named snapshots inside the cycle and lists them', async () => {
    const { ws, file, r528, r122 } = await revisedPlan();
    const { revisions } = await ok(ws, 'history/revisions', {});
    expect(revisions.map((r) => r.name)).toEqual(['KH 528/KH-UBND 14/8/2023', 'KH 122/KH-UBND 29/02/2024']);
    expect(revisions[0]).toMatchObject({ note: 'Bản đầu', lineCount: 18 });
    expect(r122.lineCount).toBe(18);
    ws.close();
    // Kept in the file: another session sees them.
    const s = PlanSession.open(file, { readOnly: true });
    expect((await s.handle('history/revisions', {})).revisions).toHaveLength(2);
    s.close();
    const ws2 = new Workspace();
    ws2.open(file);
    const left = await ok(ws2, 'history/deleteRevision', { id: r528.id });
    expect(left.revisions.map((r) => r.id)).toEqual([r122.id]);
    const audit = await ok(ws2, 'history/audit', { filter: { kind: 'revision' }, offset: 0, limit: 10 });
    expect(audit.rows.map((r) => labelText('vi', r.label))).toEqual(['Xóa phiên bản: KH 528/KH-UBND 14/8/2023', 'Lưu phiên bản: KH 122/KH-UBND 29/02/2024', 'Lưu phiên bản: KH 528/KH-UBND 14/8/2023']);
    ws2.close();
  });
});

describe('compare', () => {
  it('two revisions: added, removed and changed lines with old, new and the totals that moved', async () => {
    const { ws, r528, r122 } = await revisedPlan();
    const r = await ok(ws, 'history/compare', { a: { kind: 'revision', id: r528.id }, b: { kind: 'revision', id: r122.id } });
    expect(r.match).toBe('id');
    expect(r.a).toMatchObject({ kind: 'revision', name: 'KH 528/KH-UBND 14/8/2023', lineCount: 18 });
    expect(r.counts).toEqual({ added: 1, removed: 1, changed: 4, unchanged: 13 });
    const rows = byCode(r);
    expect(rows.get('changed:3.2')!.cells).toEqual({
      total: { old: 7_726 * M, new: 8_726 * M },
      central: { old: 7_024 * M, new: 8_024 * M },
      central_recurrent: { old: 7_024 * M, new: 8_024 * M },
    });
    expect(rows.get('changed:3')!.cells.total).toEqual({ old: 25_296 * M, new: 26_296 * M });
    expect(rows.get('changed:4.2')!.fields).toEqual([
      { field: 'name', old: 'Tiểu dự án 2: Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng', new: 'Tiểu dự án 2: Hỗ trợ lao động đi làm việc ở nước ngoài' },
    ]);
    expect(rows.get('changed:4.2')!.cells).toEqual({});
    expect(rows.get('removed:6.2')!.cells.total).toEqual({ old: 2_457 * M, new: null });
    expect(rows.get('added:6.3')!.cells.central_recurrent).toEqual({ old: null, new: 500 * M });
    // Dự án 6 lost 6.2 and gained 6.3.
    expect(rows.get('changed:6')!.cells.total).toEqual({ old: 9_136 * M, new: (6_679 + 500) * M });
    // In document order, the removed line where it was.
    expect(r.rows.map((x) => `${x.status}:${x.code}`)).toEqual([
      'changed:3', 'changed:3.2', 'changed:4.2', 'changed:6', 'removed:6.2', 'added:6.3',
    ]);
    expect(r.totals.total).toEqual({ old: 350_190 * M, new: (350_190 + 1_000 - 2_457 + 500) * M });
    expect(r.totalRows).toBe(6);
    ws.close();
  });

  it('a revision with the current plan, and the current plan with itself', async () => {
    const { ws, r122 } = await revisedPlan();
    await ok(ws, 'cell/set', { lineId: lineId(ws, '5'), column: 'local_recurrent', value: 4_000 * M });
    const r = await ok(ws, 'history/compare', { a: { kind: 'revision', id: r122.id }, b: { kind: 'current' } });
    expect(r.b.kind).toBe('current');
    expect(r.rows.map((x) => x.code)).toEqual(['5']);
    expect(r.rows[0].cells.local_recurrent).toEqual({ old: 3_929 * M, new: 4_000 * M });
    const same = await ok(ws, 'history/compare', { a: { kind: 'current' }, b: { kind: 'current' } });
    expect(same.rows).toEqual([]);
    expect(same.counts.unchanged).toBe(18);
    ws.close();
  });

  it('two cycle files: by line id when one was made from the other, by code and name otherwise', async () => {
    const { ws, dir, file } = await revisedPlan();
    // Next year's plan made from this one keeps the line ids (and the lineage).
    const next = path.join(dir, 'giam-ngheo-2025.plandesk');
    const made = await ok(ws, 'history/newCycle', { path: next, year: 2025, keepAmounts: true, docNumber: '15/KH-UBND' });
    expect(made.file.path).toBe(path.resolve(next));
    expect(ws.session!.info.path).toBe(path.resolve(next));
    // Renumber a line in the new year: matched by id, shown as a code change.
    await ok(ws, 'line/update', { lineId: lineId(ws, '6.3'), fields: { code: '6.2' } });
    const r = await ok(ws, 'history/compare', { a: { kind: 'file', path: file }, b: { kind: 'current' } });
    expect(r.match).toBe('id');
    expect(r.rows.map((x) => `${x.status}:${x.code}`)).toEqual(['changed:6.2']);
    expect(r.rows[0].fields).toEqual([{ field: 'code', old: '6.3', new: '6.2' }]);

    // An unrelated file with the seed plan: paired by code and name.
    const seed = path.join(dir, 'seed.plandesk');
    createCycleFile(seed, sampleCycle());
    const s = await ok(ws, 'history/compare', { a: { kind: 'file', path: seed }, b: { kind: 'file', path: file } });
    expect(s.match).toBe('code');
    expect(s.a).toMatchObject({ kind: 'file', name: 'seed.plandesk' });
    expect(s.rows.map((x) => `${x.status}:${x.code}`)).toEqual(['changed:3', 'changed:3.2', 'changed:4.2', 'changed:6', 'removed:6.2', 'added:6.3']);
    ws.close();
  });

  it('pairs renumbered lines by name when files share no lineage', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.plandesk');
    const b = path.join(dir, 'b.plandesk');
    createCycleFile(a, sampleCycle());
    // B: a new sub-project inserted as 3.1, the old 3.1 and 3.2 renumbered to 3.2 and 3.3.
    const data = sampleCycle();
    const three = data.lines.find((l) => l.code === '3')!;
    for (const l of data.lines) {
      if (l.parentId === three.id) {
        l.position += 1;
        l.code = `3.${l.position + 1}`;
      }
    }
    const id = Math.max(...data.lines.map((l) => l.id)) + 1;
    data.lines.push({ id, parentId: three.id, position: 0, code: '3.1', name: 'Tiểu dự án mới', agency: '', note: '', allowedCapital: null, isAdjustment: false });
    createCycleFile(b, data);
    const s = PlanSession.open(b);
    const r = await s.handle('history/compare', { a: { kind: 'file', path: a }, b: { kind: 'current' } });
    expect(r.rows.map((x) => `${x.status}:${x.code}`)).toEqual(['added:3.1', 'changed:3.2', 'changed:3.3']);
    expect(r.rows[1].fields).toEqual([{ field: 'code', old: '3.1', new: '3.2' }]);
    expect(r.rows[1].cells).toEqual({});
    s.close();
  });

  it('refuses a side that is not a plan, and a file from a newer PlanDesk, without changing them', async () => {
    const { ws, dir } = await revisedPlan();
    const junk = path.join(dir, 'x.plandesk');
    fs.writeFileSync(junk, 'x'.repeat(300));
    const r = await ws.handle('history/compare', { a: { kind: 'file', path: junk }, b: { kind: 'current' } });
    expect(r.ok ? null : r.error.code).toBe('error.not_plandesk');
    const missing = await ws.handle('history/compare', { a: { kind: 'revision', id: 999 }, b: { kind: 'current' } });
    expect(missing.ok ? null : missing.error.code).toBe('error.revision_missing');
    ws.close();
  });

  it('exports the whole comparison to xlsx', async () => {
    const { ws, dir, r528, r122 } = await revisedPlan();
    const out = path.join(dir, 'so-sanh.xlsx');
    const res = await ok(ws, 'history/exportCompare', { a: { kind: 'revision', id: r528.id }, b: { kind: 'revision', id: r122.id }, path: out });
    expect(res).toEqual({ path: out, rows: 6 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('So sánh')!;
    expect(sheet.getCell('A1').value).toBe('BẢNG SO SÁNH KẾ HOẠCH');
    expect(String(sheet.getCell('A2').value)).toContain('KH 528/KH-UBND 14/8/2023');
    expect(sheet.getCell('E5').value).toBe('Tổng cộng');
    expect([sheet.getCell('E6').value, sheet.getCell('F6').value, sheet.getCell('G6').value]).toEqual(['A', 'B', 'Chênh lệch']);
    // Row 8: 3.2 (row 7 is its parent 3). Amounts in triệu đồng.
    expect(sheet.getCell('A8').value).toBe('Thay đổi');
    expect(sheet.getCell('B8').value).toBe('3.2');
    expect([sheet.getCell('E8').value, sheet.getCell('F8').value, sheet.getCell('G8').value]).toEqual([7_726, 8_726, 1_000]);
    expect(sheet.getCell('D9').value).toContain('→');
    expect(sheet.getCell('A11').value).toBe('Đã xóa');
    expect([sheet.getCell('E11').value, sheet.getCell('F11').value, sheet.getCell('G11').value]).toEqual([2_457, null, -2_457]);
    expect(sheet.getCell('C13').value).toBe('TỔNG CỘNG');
    expect(sheet.getCell('G13').value).toBe(1_000 - 2_457 + 500);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    ws.close();
  });
});

describe('new cycle from a previous one', () => {
  it('keeps the structure, settings and lineage, with or without amounts, and never overwrites a file', async () => {
    const { ws, dir, file } = await revisedPlan();
    await ok(ws, 'settings/set', { key: 'print', value: { orientation: 'landscape' } });
    const lineage = readLineage(ws.session!.db);
    const blank = path.join(dir, '2025-trong.plandesk');
    await ok(ws, 'history/newCycle', { path: blank, year: 2025, keepAmounts: false });
    const snap = ws.session!.snapshot();
    expect(snap.meta).toMatchObject({ year: 2025, docNumber: '', docDate: '', program: sampleCycle().meta.program });
    expect(snap.rows.map((r) => r.code)).toEqual(['1', '1.1', '1.2', '2', '3', '3.1', '3.2', '4', '4.1', '4.2', '4.3', '5', '6', '6.1', '6.3', '7', '7.1', '7.2']);
    expect(snap.totals.total).toBe(0);
    expect(await ok(ws, 'settings/get', { key: 'print' })).toEqual({ value: { orientation: 'landscape' } });
    expect(readLineage(ws.session!.db)).toBe(lineage);
    expect(await ok(ws, 'history/revisions', {})).toEqual({ revisions: [] });
    expect(snap.undo.canUndo).toBe(false);
    const audit = await ok(ws, 'history/audit', { filter: {}, offset: 0, limit: 10 });
    expect(audit.rows.map((r) => r.kind)).toEqual(['created']);
    expect(labelText('vi', audit.rows[0].label)).toContain('giam-ngheo-2024.plandesk');
    // The source file is untouched.
    const src = PlanSession.open(file, { readOnly: true });
    expect(src.meta.year).toBe(2024);
    src.close();
    // Never over an existing file (not even the source).
    const again = await ws.handle('history/newCycle', { path: file, year: 2026, keepAmounts: true });
    expect(again.ok ? null : again.error.code).toBe('error.exists');
    ws.close();
  });
});
