// "Replace the table" and the units' shares (issue 14): a line the import matches keeps its units'
// shares where it still holds a figure on that column; the others (line gone, no figure there) are
// listed with their money in the job's status before anything is written; one undo step takes the
// whole replace back, shares included. Real cycle files, real migrations, the import's workers.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { TransferStatus } from '../../../shared/commands/transfer';
import type { CommandName, CommandResults } from '../../../shared/ipc';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { buildDepartmentWorkbook, writeXlsx } from '../../../test/fixtures/excel/make-fixtures';
import { tempDir } from '../../../test/support/tmp';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { exportAnnex } from '../excel';
import Database from 'better-sqlite3';
import { createCycleFile, readUnits } from '../store/cycle-file';
import { Workspace } from '../workspace';
import { configureTransfer, transferJobs } from './jobs';

const M = 1_000_000;
const workerDir = path.resolve(__dirname, '../../../node_modules/.cache/plandesk-test', `replace-shares-${process.pid}`);
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

async function settle(ws: Workspace, job: string): Promise<TransferStatus> {
  for (;;) {
    const s = await ok(ws, 'transfer/status', { job });
    if (s.state !== 'reading') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The shares as the file holds them (its own connection, not the session's memory). */
function fileShares(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return readUnits(db).shares;
  } finally {
    db.close();
  }
}

/** The sample with its table changed the way a department's new version would change it. */
async function newVersion(): Promise<string> {
  const c = sampleCycle();
  // 1.2 is gone; 1.1's figure changed; Dự án 2 has no central recurrent money any more; Dự án 7's
  // sub-project 7.1 gets a figure, so 7 is now allocated through its children.
  const lines = c.lines.filter((l) => l.code !== '1.2');
  const id = (code: string) => c.lines.find((l) => l.code === code)!.id;
  const amounts = c.amounts
    .filter((a) => a.lineId !== id('1.2') && !(a.lineId === id('2') && a.column === 'central_recurrent'))
    .map((a) => (a.lineId === id('1.1') && a.column === 'central_investment' ? { ...a, value: 90_000 * M } : a))
    .concat([{ lineId: id('7.1'), column: 'central_recurrent', value: 1_000 * M }]);
  const calc = new PlanCalc(new ColumnTree(c.columns), lines, amounts);
  const out = path.join(dir, 'phien-ban-moi.xlsx');
  await exportAnnex({ meta: c.meta, columns: c.columns, calc, rules: c.rules }, out);
  return out;
}

const sorted = <T extends { unitId: number; lineId: number; column: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => a.unitId - b.unitId || a.lineId - b.lineId || a.column.localeCompare(b.column));

describe('replacing the table and the units shares', () => {
  it('keeps the shares of matched lines that still hold the figure, lists the others with their money first, one undo step', async () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const ws = new Workspace();
    ws.open(file);
    const s = ws.session!;
    const code = (c: string) => [...s.calc.lines.values()].find((l) => l.code === c)!.id;
    const { unitIds } = await ok(ws, 'units/addMany', { units: [{ name: 'UBND huyện Tuy Đức', kind: 'district' }, { name: 'UBND huyện Đắk Glong', kind: 'district' }] });
    const [a, b] = unitIds;
    const set = await ok(ws, 'units/setShares', {
      cells: [
        { unitId: a, lineId: code('1.1'), column: 'central_investment', value: 50_000 * M },
        { unitId: b, lineId: code('1.1'), column: 'central_investment', value: 40_000 * M },
        { unitId: a, lineId: code('1.2'), column: 'central_investment', value: 10_000 * M },
        { unitId: a, lineId: code('2'), column: 'central_recurrent', value: 20_000 * M },
        { unitId: b, lineId: code('2'), column: 'local_recurrent', value: 3_000 * M },
        { unitId: a, lineId: code('7'), column: 'central_recurrent', value: 9_000 * M },
      ],
    });
    expect(set.refused).toEqual([]);
    const before = sorted(s.cycle().shares ?? []);

    const { job } = await ok(ws, 'transfer/start', { source: { kind: 'path', path: await newVersion() } });
    const ready = await settle(ws, job);
    if (ready.state !== 'ready') throw new Error(ready.state);
    // Named before anything is written: the unit, the line, the column and the money.
    expect(ready.lostShares).toEqual([
      { unit: 'UBND huyện Tuy Đức', code: '1.2', line: expect.stringContaining('Tiểu dự án 2'), column: 'central_investment', columnLabel: expect.any(String), value: 10_000 * M, reason: 'line_gone' },
      { unit: 'UBND huyện Tuy Đức', code: '2', line: expect.stringContaining('Dự án 2'), column: 'central_recurrent', columnLabel: expect.any(String), value: 20_000 * M, reason: 'no_figures' },
      { unit: 'UBND huyện Tuy Đức', code: '7', line: expect.stringContaining('Dự án 7'), column: 'central_recurrent', columnLabel: expect.any(String), value: 9_000 * M, reason: 'no_figures' },
    ]);
    expect(sorted(fileShares(file))).toEqual(before);

    await ok(ws, 'transfer/importReplace', { job });
    const kept = (c: string) => sorted((s.cycle().shares ?? []).filter((x) => x.lineId === code(c))).map((x) => [x.unitId, x.column, x.value]);
    expect(kept('1.1')).toEqual([
      [a, 'central_investment', 50_000 * M],
      [b, 'central_investment', 40_000 * M],
    ]);
    expect(kept('2')).toEqual([[b, 'local_recurrent', 3_000 * M]]);
    expect(kept('7')).toEqual([]);
    expect(s.cycle().shares).toHaveLength(3);
    // The file holds the same (the shares point at the new lines' ids).
    expect(sorted(fileShares(file))).toEqual(sorted(s.cycle().shares ?? []));
    expect(s.units.sum(code('1.1'), 'central_investment')).toBe(90_000 * M);

    // One undo step brings every old share back on the old lines.
    await ok(ws, 'undo', {});
    expect(sorted(s.cycle().shares ?? [])).toEqual(before);
    expect(sorted(fileShares(file))).toEqual(before);
    ws.close();
  });
});
