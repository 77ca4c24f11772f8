// The one check before any file is written (write-target.ts), on real files with real locks: a
// second process holds a plan and keeps editing it while this one tries every writing path onto the
// plan, its -wal, -shm and lock file — Save a copy and New (window and browser mode call the same
// Workspace methods), the export and compare-export commands, and the CLI's import --out --force,
// export --out and compare --xlsx. Each is refused with its message and the plan stays intact, with
// every edit its holder acknowledged. In one process: Save a copy onto a plan open in this or another
// window is refused too; --force still replaces a plan nobody holds; exports never replace a plan.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { t, tStored } from '../../../shared/i18n';
import type { CommandName } from '../../../shared/ipc';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { startChild, type Child } from '../../../test/crash/spawn-child';
import { tempDir } from '../../../test/support/tmp';
import type { CliIO } from '../../cli/io';
import { run as runCompare } from '../../cli/commands/compare';
import { run as runExport } from '../../cli/commands/export';
import { run as runImport } from '../../cli/commands/import';
import { run as runNew } from '../../cli/commands/new';
import { exportAnnex } from '../excel';
import { createCycleFile } from '../store/cycle-file';
import { Workspace } from '../workspace';
import { lockPathFor } from './lock-file';
import { checkWriteTarget, WriteTargetRefused } from './write-target';

const M = 1_000_000;

function plan(dir: string, name: string): string {
  const file = path.join(dir, name);
  createCycleFile(file, sampleCycle());
  return file;
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) } };
}

const read = <T>(file: string, fn: (db: Database.Database) => T): T => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
};
const lineIdOf = (file: string, code: string) => read(file, (db) => (db.prepare('SELECT id FROM lines WHERE code = ?').get(code) as { id: number }).id);
const stored = (file: string, code: string, column: string) =>
  read(file, (db) => (db.prepare('SELECT a.value FROM amounts a JOIN lines l ON l.id = a.line_id WHERE l.code = ? AND a.column_key = ?').get(code, column) as { value: number } | undefined)?.value ?? null);
const integrity = (file: string) => read(file, (db) => db.pragma('integrity_check', { simple: true }));

/** Have the holding child run a command; resolves with its result. */
async function childRun(child: Child, name: CommandName, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const before = child.lines.filter((l) => l.startsWith('C ')).length;
  child.proc.stdin!.write(JSON.stringify({ name, args }) + '\n');
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answers = child.lines.filter((l) => l.startsWith('C '));
    if (answers.length > before) return JSON.parse(answers[before].slice(2));
    if (Date.now() > deadline) throw new Error(`child: no answer to ${name}; stderr: ${child.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The refusal a Workspace call or command gave: its code. */
async function refusal(p: Promise<unknown> | unknown): Promise<string> {
  try {
    const r = await p;
    if (r && typeof r === 'object' && 'ok' in r) {
      const res = r as { ok: boolean; error?: { code: string } };
      if (!res.ok) return res.error!.code;
    }
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  throw new Error('the write was not refused');
}

const workspaces: Workspace[] = [];
function workspace(dataDir: string | null = null): Workspace {
  const ws = new Workspace(null, { dataDir });
  workspaces.push(ws);
  return ws;
}
afterEach(() => {
  for (const ws of workspaces.splice(0)) ws.close();
});

describe('a plan another process holds is never written over', () => {
  it('refuses Save a copy, New, exports, compare exports and the CLI onto the plan, its -wal, -shm and lock; the holder loses nothing', async () => {
    const dir = tempDir();
    const held = plan(dir, 'held.plandesk');
    const other = plan(dir, 'other.plandesk');
    const xlsx = path.join(dir, 'in.xlsx');
    const s = sampleCycle();
    await exportAnnex({ meta: s.meta, columns: s.columns, calc: new PlanCalc(new ColumnTree(s.columns), s.lines, s.amounts), rules: s.rules }, xlsx);
    const line2 = lineIdOf(held, '2');
    const line5 = lineIdOf(held, '5');

    const child = await startChild('hold', held, '');
    try {
      await child.waitFor('R ');
      // The holder edits; the engine acknowledges.
      expect((await childRun(child, 'cell/set', { lineId: line2, column: 'local_recurrent', value: 111 * M })).ok).toBe(true);
      const sides = ['', '-wal', '-shm'].map((x) => held + x).concat(lockPathFor(held));
      for (const f of sides.slice(1, 3)) expect(fs.existsSync(f)).toBe(true);

      const ws = workspace(tempDir());
      ws.open(other);
      const expected = (f: string) => (f === held ? 'error.write_target.held' : f.endsWith('#') ? 'error.write_target.lock_file' : 'error.write_target.side_file');
      // Every write that was not refused as it should be (all listed at once when the check is missing).
      const wrong: string[] = [];
      const refusedWith = async (label: string, code: string, p: () => unknown) => {
        let got: string;
        try {
          got = await refusal(Promise.resolve().then(p));
        } catch (e) {
          got = `not refused (${(e as Error).message})`;
        }
        if (got !== code) wrong.push(`${label}: ${got}`);
      };
      const cli = async (label: string, code: string, run: (out: CliIO) => Promise<number>) => {
        const r = io();
        const exit = await run(r.io);
        const want = tStored('vi', code, { file: '\u0000' }).split('"')[0];
        if (exit !== 1 || !r.err[0]?.startsWith(want)) wrong.push(`${label}: exit ${exit} ${r.err.join(' ')}`);
      };
      for (const f of sides) {
        const name = path.basename(f);
        const code = expected(f);
        // Save a copy (File → Save a copy, browser mode's 'saveAs').
        await refusedWith(`saveAs ${name}`, code, () => ws.saveAs(f));
        // File → New over it (the dialog confirmed replacing; browser mode's 'new').
        await refusedWith(`new ${name}`, code, () => ws.create(f, { overwrite: true }));
        // Export to Excel and the comparison's export (window and browser mode: the same commands).
        await refusedWith(`transfer/export ${name}`, code, () => ws.handle('transfer/export', { path: f }));
        await refusedWith(`history/exportCompare ${name}`, code, () =>
          ws.handle('history/exportCompare', { a: { kind: 'current' }, b: { kind: 'file', path: other }, path: f }),
        );
        // The CLI.
        await cli(`plandesk import --out ${name} --force`, code, (o) => runImport([xlsx, '--out', f, '--force'], o));
        await cli(`plandesk export --out ${name}`, code, (o) => runExport([other, '--out', f], o));
        await cli(`plandesk compare --xlsx ${name}`, code, (o) => runCompare([other, other, '--xlsx', f], o));
        await cli(`plandesk new ${name} --force`, code, (o) => runNew([f, '--force'], o));
      }
      expect(wrong).toEqual([]);
      // The message names who holds it and from where.
      const imp = io();
      await runImport([xlsx, '--out', held, '--force'], imp.io);
      expect(imp.err[0]).toContain(`đang được ${os.userInfo().username} mở để sửa trên máy ${os.hostname()}`);

      // The holder goes on editing: every edit it was told was saved is there.
      expect((await childRun(child, 'cell/set', { lineId: line5, column: 'central_recurrent', value: 222 * M })).ok).toBe(true);
      child.proc.stdin!.end();
      expect((await child.exited).code).toBe(0);
    } finally {
      child.proc.kill('SIGKILL');
      await child.exited;
    }
    expect(integrity(held)).toBe('ok');
    expect(stored(held, '2', 'local_recurrent')).toBe(111 * M);
    expect(stored(held, '5', 'central_recurrent')).toBe(222 * M);
    expect(fs.existsSync(lockPathFor(held))).toBe(false);
  }, 120_000);
});

describe('plans open in this process', () => {
  it('refuses Save a copy onto the open plan itself, another window\'s plan, or either under another spelling', async () => {
    const dir = tempDir();
    const mine = plan(dir, 'mine.plandesk');
    const theirs = plan(dir, 'theirs.plandesk');
    const a = workspace();
    a.open(mine);
    const b = workspace();
    b.open(theirs);
    const r = await a.handle('cell/set', { lineId: lineIdOf(mine, '2'), column: 'local_recurrent', value: 7 * M });
    expect(r.ok).toBe(true);
    fs.symlinkSync(theirs, path.join(dir, 'alias.plandesk'));
    for (const target of [mine, path.join(dir, 'sub', '..', 'mine.plandesk'), theirs, path.join(dir, 'alias.plandesk')]) {
      fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
      expect(await refusal(a.saveAs(target)), target).toBe('error.write_target.open_here');
    }
    // A plan open read-only in another window is not replaced either.
    const c = workspace();
    const ro = plan(dir, 'ro.plandesk');
    c.open(ro, { readOnly: true });
    expect(await refusal(a.saveAs(ro))).toBe('error.write_target.open_here');
    const imp = io();
    expect(await runNew([ro, '--force'], imp.io)).toBe(1);
    expect(imp.err[0]).toBe(t('vi', 'error.write_target.open_here', { file: 'ro.plandesk' }));
    // Both windows still hold what they had.
    expect((await a.handle('cell/set', { lineId: lineIdOf(mine, '5'), column: 'local_recurrent', value: 8 * M })).ok).toBe(true);
    a.close();
    expect(stored(mine, '2', 'local_recurrent')).toBe(7 * M);
    expect(stored(mine, '5', 'local_recurrent')).toBe(8 * M);
    expect(integrity(theirs)).toBe('ok');
  });

  it('keeps writes out of the backup folder', async () => {
    const dir = tempDir();
    const dataDir = tempDir();
    const file = plan(dir, 'plan.plandesk');
    const ws = workspace(dataDir);
    ws.open(file);
    const snap = await ws.handle('backup/now', {});
    expect(snap.ok).toBe(true);
    const list = await ws.handle('backup/list', {});
    if (!list.ok) throw new Error('backup/list');
    const backupDir = fs.readdirSync(path.join(dataDir, 'backups'))[0];
    const backup = path.join(dataDir, 'backups', backupDir, list.value.backups[0].id);
    const other = workspace();
    other.open(plan(dir, 'other.plandesk'));
    expect(await refusal(other.saveAs(backup))).toBe('error.write_target.backup');
    expect(await refusal(other.saveAs(path.join(dataDir, 'backups', backupDir, 'new.plandesk')))).toBe('error.write_target.backup');
    expect(await refusal(other.handle('transfer/export', { path: path.join(dataDir, 'backups', 'x.xlsx') }))).toBe('error.write_target.backup');
    expect(integrity(backup)).toBe('ok');
  });
});

describe('a plan held on another computer', () => {
  it('is not replaced, even with --force: the lock names who and where', async () => {
    const dir = tempDir();
    const shared = plan(dir, 'shared.plandesk');
    // A lock written by PlanDesk on another PC of a shared folder: its liveness cannot be known here.
    const owner = { app: 'PlanDesk', user: 'ke-toan', host: 'PC-KE-TOAN', pid: 4242, since: '2026-12-01T08:00:00.000Z', boot: 1, token: 'remote' };
    fs.writeFileSync(lockPathFor(shared), JSON.stringify(owner));
    const r = io();
    expect(await runNew([shared, '--force'], r.io)).toBe(1);
    expect(r.err[0]).toBe(t('vi', 'error.write_target.held', { file: 'shared.plandesk', user: 'ke-toan', host: 'PC-KE-TOAN', since: owner.since }));
    const ws = workspace();
    ws.open(plan(dir, 'mine.plandesk'));
    expect(await refusal(ws.saveAs(shared))).toBe('error.write_target.held');
    expect(integrity(shared)).toBe('ok');
    expect(JSON.parse(fs.readFileSync(lockPathFor(shared), 'utf8')).token).toBe('remote');
  });
});

describe('what may still be written', () => {
  it('--force replaces a plan nobody holds (also one a crashed session left locked); an export never replaces a plan', async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, 'in.xlsx');
    const s = sampleCycle();
    s.amounts = s.amounts.map((a) => ({ ...a, value: a.value + 1000 }));
    await exportAnnex({ meta: s.meta, columns: s.columns, calc: new PlanCalc(new ColumnTree(s.columns), s.lines, s.amounts), rules: s.rules }, xlsx);
    const free = plan(dir, 'free.plandesk');
    const crashed = plan(dir, 'crashed.plandesk');
    // A lock whose process is gone: nobody holds the file.
    const dead = { app: 'PlanDesk', user: 'x', host: os.hostname(), pid: 2 ** 22 + 17, since: new Date().toISOString(), boot: Date.now() - os.uptime() * 1000, token: 'dead' };
    fs.writeFileSync(lockPathFor(crashed), JSON.stringify(dead));
    for (const target of [free, crashed]) {
      const before = stored(target, '2', 'local_recurrent') ?? 0;
      const r = io();
      expect(await runImport([xlsx, '--out', target, '--force'], r.io), r.err.join()).toBe(0);
      expect(integrity(target)).toBe('ok');
      expect(stored(target, '2', 'local_recurrent')).not.toBe(before);
      expect(fs.existsSync(lockPathFor(target))).toBe(false);
    }
    // Without --force an existing plan is kept.
    const r = io();
    expect(await runImport([xlsx, '--out', free], r.io)).toBe(1);
    // A workbook or a copy never replaces a plan, held or not.
    const ex = io();
    expect(await runExport([free, '--out', crashed], ex.io)).toBe(1);
    expect(ex.err[0]).toBe(t('vi', 'error.write_target.is_plan', { file: 'crashed.plandesk' }));
    const cmp = io();
    expect(await runCompare([free, free, '--xlsx', crashed], cmp.io)).toBe(1);
    expect(integrity(crashed)).toBe('ok');
    // Ordinary writes go through: a new workbook, Save a copy onto a plan nobody holds.
    const ex2 = io();
    expect(await runExport([free, '--out', path.join(dir, 'out.xlsx')], ex2.io)).toBe(0);
    const ws = workspace();
    ws.open(free);
    const copy = await ws.saveAs(crashed);
    expect(copy.path).toBe(crashed);
    expect(integrity(crashed)).toBe('ok');
    // "-wal" of something that is not a database is an ordinary name.
    expect(checkWriteTarget(path.join(dir, 'report-wal'), 'document')).toBe(path.join(dir, 'report-wal'));
    expect(() => checkWriteTarget(`${free}-journal`, 'document')).toThrow(WriteTargetRefused);
  }, 60_000);
});
