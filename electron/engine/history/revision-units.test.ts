// Named revisions and comparisons with units (issue 14): a revision snapshots the units, their
// shares and scores with the plan; comparing two revisions, or a revision and the plan, or two
// files, lists the shares that differ by unit, line and column — in the command's result and in the
// compare workbook; a revision saved before units existed (an older file) still reads and compares.
// Real files, real migrations.
import Database from 'better-sqlite3';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CompareResult } from '../../../shared/commands/history';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { APPLICATION_ID, MIGRATIONS } from '../store/migrations';
import { createCycleFile, writeCycle } from '../store/cycle-file';
import { Revisions } from './revisions';
import { loadFileSide } from './sources';
import { comparePlans } from './compare';

const M = 1_000_000;
const lineId = (s: PlanSession, code: string) => [...s.calc.lines.values()].find((l) => l.code === code)!.id;
const byKey = <T extends { unitId: number; lineId: number }>(xs: readonly T[] = []) =>
  [...xs].sort((a, b) => a.unitId - b.unitId || a.lineId - b.lineId || JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function planWithUnits() {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  const { unitIds } = (await s.handle('units/addMany', {
    units: [
      { name: 'UBND huyện Tuy Đức', kind: 'district' },
      { name: 'UBND huyện Đắk Glong', kind: 'district' },
    ],
  })) as { unitIds: number[] };
  const [tuy, glong] = unitIds;
  await s.handle('units/setShares', {
    cells: [
      { unitId: tuy, lineId: lineId(s, '1.1'), column: 'central_investment', value: 50_000 * M },
      { unitId: glong, lineId: lineId(s, '1.1'), column: 'central_investment', value: 40_000 * M },
      { unitId: glong, lineId: lineId(s, '2'), column: 'central_recurrent', value: 20_000 * M },
    ],
  });
  await s.handle('units/allocateByCriteria', { lineId: lineId(s, '3.1'), column: 'central_recurrent', amount: 100 * M, roundTo: M, scores: [{ unitId: tuy, score: 50 }, { unitId: glong, score: 30 }], scheme: 'Hệ số 2026' });
  return { s, file, tuy, glong };
}

describe('revisions and comparisons with units', () => {
  it('a revision keeps the units, shares and scores as they were; the compare lists the shares that differ', async () => {
    const { s, file, tuy, glong } = await planWithUnits();
    const before = s.cycle();
    const { revision } = (await s.handle('history/createRevision', { name: 'KH 122/KH-UBND' })) as { revision: { id: number } };

    // After the revision: a share changed, one added, a unit deleted with its shares.
    await s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: lineId(s, '1.1'), column: 'central_investment', value: 55_000 * M }] });
    await s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: lineId(s, '2'), column: 'central_recurrent', value: 10_000 * M }] });
    await s.handle('units/delete', { unitIds: [glong] });

    const saved = s.revisions.read(revision.id).data;
    expect(saved.units?.map((u) => u.name).sort()).toEqual(['UBND huyện Tuy Đức', 'UBND huyện Đắk Glong']);
    expect(byKey(saved.shares)).toEqual(byKey(before.shares));
    expect(byKey(saved.scores as never)).toEqual(byKey(before.scores as never));

    const cmp = (await s.handle('history/compare', { a: { kind: 'revision', id: revision.id }, b: { kind: 'current' } })) as CompareResult;
    expect(cmp.shares).toEqual([
      { unit: 'UBND huyện Tuy Đức', code: '1.1', name: expect.stringContaining('Tiểu dự án 1'), column: 'central_investment', old: 50_000 * M, new: 55_000 * M },
      { unit: 'UBND huyện Tuy Đức', code: '2', name: expect.stringContaining('Dự án 2'), column: 'central_recurrent', old: null, new: 10_000 * M },
      { unit: 'UBND huyện Đắk Glong', code: '1.1', name: expect.stringContaining('Tiểu dự án 1'), column: 'central_investment', old: 40_000 * M, new: null },
      { unit: 'UBND huyện Đắk Glong', code: '2', name: expect.stringContaining('Dự án 2'), column: 'central_recurrent', old: 20_000 * M, new: null },
      { unit: 'UBND huyện Đắk Glong', code: '3.1', name: expect.any(String), column: 'central_recurrent', old: 37 * M, new: null },
    ]);

    // Held to the view's limit like the rows; the workbook still has every one.
    const few = (await s.handle('history/compare', { a: { kind: 'revision', id: revision.id }, b: { kind: 'current' }, limit: 2 })) as CompareResult;
    expect(few.shares).toEqual(cmp.shares!.slice(0, 2));
    expect(few.totalShares).toBe(5);

    // The compare workbook has the shares on a sheet of their own.
    const out = path.join(tempDir(), 'so-sanh.xlsx');
    await s.handle('history/exportCompare', { a: { kind: 'revision', id: revision.id }, b: { kind: 'current' }, path: out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Phân bổ đơn vị')!;
    expect(sheet).toBeDefined();
    const values: unknown[][] = [];
    sheet.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    expect(values.filter((r) => typeof r[4] === 'number' || typeof r[5] === 'number')).toHaveLength(5);
    expect(values.find((r) => r[0] === 'UBND huyện Tuy Đức' && r[1] === '1.1')).toEqual(['UBND huyện Tuy Đức', '1.1', expect.stringContaining('Tiểu dự án 1'), expect.stringContaining('ĐTPT'), 50_000, 55_000, 5_000]);

    // Deleting the revision takes its units' rows too.
    await s.handle('history/deleteRevision', { id: revision.id });
    s.close();
    const db = new Database(file, { readonly: true });
    for (const t of ['revision_units', 'revision_unit_shares', 'revision_unit_scores']) expect((db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, t).toBe(0);
    db.close();
  });

  it('a revision saved before units existed reads and compares (an older file as it is, and once migrated)', async () => {
    // A file of the schema before migration 3, with a revision.
    const file = path.join(tempDir(), 'old.plandesk');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]);
    db.exec(MIGRATIONS[1]);
    db.pragma('user_version = 2');
    db.transaction(() => writeCycle(db, sampleCycle()))();
    new Revisions(db).create('KH 528', '', { meta: sampleCycle().meta, rules: sampleCycle().rules, columns: sampleCycle().columns });
    db.close();

    const { s, file: withUnits } = await planWithUnits();
    s.close();
    // As it is (the CLI reads without migrating): no units on the old side, every share is new.
    const old = loadFileSide(file, 'KH 528');
    const cmp = comparePlans(old, loadFileSide(withUnits));
    expect(cmp.shares?.length).toBe(5);
    expect(cmp.shares?.every((x) => x.old === null)).toBe(true);

    // Opened (migrated): the old revision has no units; a new one has.
    const o = PlanSession.open(file);
    const [rev] = o.revisions.list();
    expect(o.revisions.read(rev.id).data.units).toBeUndefined();
    const again = (await o.handle('history/compare', { a: { kind: 'revision', id: rev.id }, b: { kind: 'current' } })) as CompareResult;
    expect(again.counts.changed).toBe(0);
    expect(again.shares ?? []).toEqual([]);
    o.close();
  });
});

describe('plandesk compare with units', () => {
  it('prints the shares that differ, and lists them in --json', async () => {
    const { run } = await import('../../cli/commands/compare');
    const { s, file, tuy } = await planWithUnits();
    await s.handle('history/createRevision', { name: 'R1' });
    await s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: lineId(s, '1.1'), column: 'central_investment', value: 55_000 * M }] });
    s.close();
    const out: string[] = [];
    const io = { stdout: (x: string) => out.push(x), stderr: (x: string) => out.push(x) };
    expect(await run([file, file, '--rev-a', 'R1', '--json'], io)).toBe(0);
    const json = JSON.parse(out.join('\n')) as { shares: unknown[] };
    expect(json.shares).toEqual([{ unit: 'UBND huyện Tuy Đức', code: '1.1', name: expect.any(String), column: 'central_investment', old: 50_000 * M, new: 55_000 * M }]);
    out.length = 0;
    expect(await run([file, file, '--rev-a', 'R1'], io)).toBe(0);
    expect(out).toContain('Phân bổ cho đơn vị khác nhau (1)');
    expect(out.some((x) => x.startsWith('    UBND huyện Tuy Đức · 1.1 ') && x.endsWith(': 50.000 → 55.000 (+5.000)'))).toBe(true);
  });
});
