// The Workspace keeps plans safe: one writer (across processes, with who and since when), crash
// detection and checking, read-only files, network shares, full disks, cut-short files, files from
// a newer PlanDesk, and copies taken while PlanDesk is open. Real files, real SQLite, real processes.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SafetyStatus } from '../../../shared/commands/history';
import type { CommandName, CommandResults } from '../../../shared/ipc';
import { generatePlan } from '../../../test/support/bench-plan';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { startChild } from '../../../test/crash/spawn-child';
import { tempDir } from '../../../test/support/tmp';
import { toBridgeError } from '../errors';
import { createCycleFile } from '../store/cycle-file';
import { Workspace } from '../workspace';
import { lockPathFor } from './lock-file';
import { fillDisk } from '../../../test/support/mount';

const M = 1_000_000;

function sampleFile(dir = tempDir()): string {
  const file = path.join(dir, 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}

/** Run a command and return its value, failing the test on an error. */
async function ok<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<CommandResults[K]> {
  const r = await ws.handle(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function refused<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<string> {
  const r = await ws.handle(name, args);
  if (r.ok) throw new Error(`${name} was not refused`);
  return r.error.code;
}

const lineId = (ws: Workspace, code: string) => ws.session!.snapshot().rows.find((r) => r.code === code)!.id;
const status = (ws: Workspace) => ok(ws, 'safety/status', {}) as Promise<SafetyStatus>;
const stored = (file: string, code: string, column: string): number | null => {
  const db = new Database(file, { readonly: true });
  try {
    const r = db.prepare('SELECT a.value FROM amounts a JOIN lines l ON l.id = a.line_id WHERE l.code = ? AND a.column_key = ?').get(code, column) as
      | { value: number }
      | undefined;
    return r?.value ?? null;
  } finally {
    db.close();
  }
};

/** Wait for the backup a Workspace may be making (private: tests only). */
function idle(ws: Workspace): Promise<unknown> {
  return (ws as unknown as { files: { guarded: { idle(): Promise<unknown> } | null } }).files.guarded?.idle() ?? Promise.resolve();
}

const workspaces: Workspace[] = [];
function workspace(opts: ConstructorParameters<typeof Workspace>[1] = {}): Workspace {
  const ws = new Workspace(null, opts);
  workspaces.push(ws);
  return ws;
}
afterEach(() => {
  for (const ws of workspaces.splice(0)) ws.close();
});

describe('one writer', () => {
  it('opens a file another process holds read-only, says who and since when, and opens it for editing after that process dies', async () => {
    const file = sampleFile();
    const child = await startChild('hold', file, '');
    try {
      const held = JSON.parse((await child.waitFor('R ')).slice(2)) as SafetyStatus;
      expect(held.readOnly).toBe(false);
      const ws = workspace();
      const info = ws.open(file);
      expect(info.readOnly).toBe(true);
      const s = await status(ws);
      expect(s.readOnlyReason).toBe('locked');
      expect(s.lockedBy).toMatchObject({ user: os.userInfo().username, host: os.hostname(), sameHost: true });
      expect(Date.now() - Date.parse(s.lockedBy!.since)).toBeLessThan(60_000);
      expect(await refused(ws, 'cell/set', { lineId: lineId(ws, '2'), column: 'local_recurrent', value: 1 })).toBe('error.read_only');
      ws.close();
    } finally {
      child.proc.kill('SIGKILL');
      await child.exited;
    }
    // The holder is gone without closing: the next open takes over, checks the file, and says so.
    const ws = workspace();
    expect(ws.open(file).readOnly).toBe(false);
    const s = await status(ws);
    expect(s.recovered).toMatchObject({ check: 'ok', problems: [], owner: { host: os.hostname() } });
    await ok(ws, 'cell/set', { lineId: lineId(ws, '2'), column: 'local_recurrent', value: 1 * M });
    ws.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    expect(stored(file, '2', 'local_recurrent')).toBe(1 * M);
  });

  it('shows a lock from another computer, lets the user take it over, and the overruled window stops writing', async () => {
    const file = sampleFile();
    const a = workspace();
    a.open(file);
    const id = lineId(a, '5');
    await ok(a, 'cell/set', { lineId: id, column: 'central_recurrent', value: 40_000 * M });
    // A second window in this process: the lock is live.
    const b = workspace();
    expect(b.open(file).readOnly).toBe(true);
    expect((await status(b)).lockedBy?.sameHost).toBe(true);
    // The user chooses to edit anyway.
    const taken = await ok(b, 'safety/takeOver', {});
    expect(taken.file.readOnly).toBe(false);
    await ok(b, 'cell/set', { lineId: id, column: 'local_recurrent', value: 4_000 * M });
    // The first window's next edit is refused, and it turns read-only; nothing saved is lost.
    expect(await refused(a, 'cell/set', { lineId: id, column: 'central_recurrent', value: 1 })).toBe('error.lock_lost');
    expect(a.session!.info.readOnly).toBe(true);
    b.close();
    a.close();
    expect(stored(file, '5', 'central_recurrent')).toBe(40_000 * M);
    expect(stored(file, '5', 'local_recurrent')).toBe(4_000 * M);

    // A lock written by another computer: liveness cannot be known, so it is shown, not broken.
    fs.writeFileSync(
      lockPathFor(file),
      JSON.stringify({ app: 'PlanDesk', user: 'ke.toan', host: 'MAY-PHONG-KH', pid: 4242, since: '2024-02-29T01:30:00.000Z', boot: 0, token: 'x' }),
    );
    const c = workspace();
    expect(c.open(file).readOnly).toBe(true);
    expect((await status(c)).lockedBy).toEqual({ user: 'ke.toan', host: 'MAY-PHONG-KH', since: '2024-02-29T01:30:00.000Z', sameHost: false });
  });

  it('treats a lock left by a dead process of this computer as a crash', async () => {
    const file = sampleFile();
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    fs.writeFileSync(
      lockPathFor(file),
      JSON.stringify({
        app: 'PlanDesk', user: 'someone', host: os.hostname(), pid: dead, since: '2024-03-01T02:00:00.000Z',
        boot: Date.now() - os.uptime() * 1000, token: 'old',
      }),
    );
    const ws = workspace();
    expect(ws.open(file).readOnly).toBe(false);
    expect((await status(ws)).recovered).toEqual({
      owner: { user: 'someone', host: os.hostname(), since: '2024-03-01T02:00:00.000Z', sameHost: true }, check: 'ok', problems: [],
    });
  });
});

describe('files that cannot be written', () => {
  it('opens a read-only file for viewing and leaves it untouched', async () => {
    const file = sampleFile();
    fs.chmodSync(file, 0o444);
    const before = fs.readFileSync(file);
    const ws = workspace();
    expect(ws.open(file).readOnly).toBe(true);
    expect((await status(ws)).readOnlyReason).toBe('file');
    expect(await refused(ws, 'cell/set', { lineId: lineId(ws, '2'), column: 'local_recurrent', value: 1 })).toBe('error.read_only');
    expect(await refused(ws, 'history/createRevision', { name: 'x' })).toBe('error.read_only');
    expect(ws.session!.snapshot().totals.total).toBe(350_190 * M);
    ws.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('refuses an edit on a full disk with a clear message, keeps everything saved, and goes on when space is back', async () => {
    // A real small file system when we may mount one (root); SQLite's own page limit otherwise.
    const mnt = tempDir('plandesk-full-');
    let mounted = false;
    if (process.platform === 'linux' && process.getuid?.() === 0 && !process.env.PLANDESK_TEST_NO_MOUNT) {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt], { stdio: 'ignore' });
        mounted = true;
      } catch {
        // No mount here (unprivileged container): simulate below.
      }
    }
    try {
      const file = sampleFile(mnt);
      const ws = workspace({ dataDir: mounted ? path.join(mnt, 'data') : null });
      ws.open(file);
      await idle(ws);
      const id = lineId(ws, '2');
      await ok(ws, 'cell/set', { lineId: id, column: 'local_recurrent', value: 1_111 * M });
      const filler = path.join(mnt, 'filler');
      console.info(mounted ? 'disk full: a 3 MB tmpfs' : 'disk full: simulated with max_page_count');
      if (mounted) fillDisk(filler);
      else {
        const db = ws.session!.db;
        db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
      }
      // Lines with long texts need new pages: sooner or later one cannot be written.
      let code: string | null = null;
      for (let i = 0; !code && i < 500; i++) {
        const r = await ws.handle('line/insert', { anchor: null, where: 'below', fields: { name: `Dòng ${i} `.repeat(150), note: 'y'.repeat(1900) } });
        if (!r.ok) code = r.error.code;
      }
      expect(code).toBe('error.disk_full');
      if (mounted) {
        // A backup cannot be written either: it says so, and editing is not disturbed by it.
        expect(await refused(ws, 'backup/now', {})).toBe('error.disk_full');
        expect((await status(ws)).backups.lastError).toBe('error.disk_full');
        expect(fs.readdirSync(path.join(mnt, 'data', 'backups', fs.readdirSync(path.join(mnt, 'data', 'backups'))[0])).filter((f) => f.includes('.tmp'))).toEqual([]);
      }
      // What the UI shows is what the file holds: the refused change is not in memory either.
      const linesShown = ws.session!.snapshot().rows.length;
      expect(ws.session!.calc.storedValue(id, 'local_recurrent')).toBe(1_111 * M);
      if (mounted) fs.rmSync(filler);
      else ws.session!.db.pragma('max_page_count = 1073741823');
      await ok(ws, 'cell/set', { lineId: id, column: 'local_recurrent', value: 2_222 * M });
      ws.close();
      const again = workspace();
      again.open(file);
      expect(again.session!.snapshot().rows.length).toBe(linesShown);
      expect(again.session!.calc.storedValue(lineId(again, '2'), 'local_recurrent')).toBe(2_222 * M);
      again.close();
    } finally {
      if (mounted) execFileSync('umount', ['-l', mnt], { stdio: 'ignore' });
    }
  });
});

describe('network shares', () => {
  it('uses the rollback journal with synchronous=FULL, and edits stay in the main file', async () => {
    const file = sampleFile();
    const ws = workspace({ isNetworkPath: () => true });
    ws.open(file);
    const s = await status(ws);
    expect(s).toMatchObject({ networkShare: true, journalMode: 'delete' });
    expect(ws.session!.db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(ws.session!.db.pragma('synchronous', { simple: true })).toBe(2);
    await ok(ws, 'cell/set', { lineId: lineId(ws, '2'), column: 'local_recurrent', value: 7 * M });
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    // Read the main file alone, as another computer would.
    const copy = path.join(tempDir(), 'copy.plandesk');
    fs.copyFileSync(file, copy);
    expect(stored(copy, '2', 'local_recurrent')).toBe(7 * M);
  });

  it('on a local disk, checkpoints soon after edits so a copy taken while open holds them', async () => {
    const file = sampleFile();
    const ws = workspace({ checkpointDelayMs: 20 });
    ws.open(file);
    expect(ws.session!.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.session!.db.pragma('synchronous', { simple: true })).toBe(2);
    await ok(ws, 'cell/set', { lineId: lineId(ws, '2'), column: 'local_recurrent', value: 8 * M });
    await new Promise((r) => setTimeout(r, 200));
    const copy = path.join(tempDir(), 'usb.plandesk');
    fs.copyFileSync(file, copy); // the main file only, no -wal: what a hurried copy to USB takes
    expect(stored(copy, '2', 'local_recurrent')).toBe(8 * M);
  });
});

describe('files that cannot be opened', () => {
  it('refuses a file from a newer PlanDesk without changing it or leaving a lock', () => {
    const file = sampleFile();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = fs.readFileSync(file);
    const ws = workspace({ dataDir: tempDir() });
    let code = '';
    try {
      ws.open(file);
    } catch (e) {
      code = toBridgeError(e).code;
    }
    expect(code).toBe('error.newer_version');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('recognises a file cut short, leaves it as it is, and restores it from its backups', async () => {
    const dir = tempDir();
    const dataDir = tempDir();
    const file = path.join(dir, 'big.plandesk');
    createCycleFile(file, generatePlan(3000, 7));
    // A session that made a backup of it.
    const first = workspace({ dataDir });
    first.open(file);
    await idle(first);
    const total = first.session!.snapshot().totals.total;
    first.close();
    // The copy to a USB stick was interrupted: half of the file is missing.
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    const cut = fs.readFileSync(file);
    const ws = workspace({ dataDir });
    const other = sampleFile();
    ws.open(other);
    let err: ReturnType<typeof toBridgeError> | null = null;
    try {
      ws.open(file);
    } catch (e) {
      err = toBridgeError(e);
    }
    expect(err?.code).toBe('error.damaged');
    expect(err?.params).toMatchObject({ file: 'big.plandesk', backups: 1 });
    expect(fs.readFileSync(file).equals(cut)).toBe(true);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    // The other plan stays open; File → Restore from backup offers the damaged file's backups.
    expect(ws.session!.info.path).toBe(path.resolve(other));
    const list = await ok(ws, 'backup/list', {});
    expect(list.damaged?.name).toBe('big.plandesk');
    expect(list.damaged?.backups).toHaveLength(1);
    const restored = await ok(ws, 'backup/restore', { id: list.damaged!.backups[0].id, damaged: true });
    expect(restored.file.path).toBe(path.resolve(file));
    expect(ws.session!.snapshot().totals.total).toBe(total);
    // The damaged file was moved aside, not deleted.
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('big.plandesk.damaged-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0])).equals(cut)).toBe(true);
  });

  it('refuses a file that is not a plan, and a damaged one without backups, without changing them', () => {
    const dir = tempDir();
    const junk = path.join(dir, 'junk.plandesk');
    fs.writeFileSync(junk, 'not a plan at all, just some text that is long enough to look like a header'.repeat(3));
    const ws = workspace();
    expect(() => ws.open(junk)).toThrow(expect.objectContaining({ code: 'error.not_plandesk' }));
    const file = path.join(dir, 'big.plandesk');
    createCycleFile(file, generatePlan(2000, 3));
    fs.truncateSync(file, Math.floor(fs.statSync(file).size * 0.6));
    expect(() => ws.open(file)).toThrow(expect.objectContaining({ code: 'error.damaged_no_backup' }));
  });
});
