// Plans on disks that fill up or cannot be written, on real small file systems (a tmpfs of a few
// megabytes; see test/support/mount.ts — where one cannot be mounted the test is skipped with a loud
// warning, and fails in CI): after a disk-full the plan reopens intact with every acknowledged edit (its last pages
// live in the WAL), a plan on a read-only mount opens read-only and can be saved as a copy, and
// reading a plan leaves no file behind.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { SafetyStatus } from '../../../shared/commands/history';
import type { CommandName, CommandResults } from '../../../shared/ipc';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { fillDisk, mountTmpfs, TMPFS, type Tmpfs } from '../../../test/support/mount';
import { itWithData } from '../../../test/support/need-data';
import { tempDir } from '../../../test/support/tmp';
import { BackupStore } from '../backup/backup-store';
import { verifyBackup } from '../backup/restore';
import { loadFileSide, readCycleFile } from '../history/sources';
import { toBridgeError } from '../errors';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { Workspace } from '../workspace';
import { headerShortfall, truncation } from './file-checks';
import { lockPathFor } from './lock-file';

const M = 1_000_000;

async function ok<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<CommandResults[K]> {
  const r = await ws.handle(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

const status = (ws: Workspace) => ok(ws, 'safety/status', {}) as Promise<SafetyStatus>;
const lineId = (s: PlanSession, code: string) => s.snapshot().rows.find((r) => r.code === code)!.id;

const mounts: Tmpfs[] = [];
const workspaces: Workspace[] = [];
function workspace(opts: ConstructorParameters<typeof Workspace>[1] = {}): Workspace {
  const ws = new Workspace(null, opts);
  workspaces.push(ws);
  return ws;
}
afterEach(() => {
  for (const ws of workspaces.splice(0)) ws.close();
});
afterAll(() => {
  // Even when a test failed half-way: never leave a mount behind.
  for (const m of mounts.splice(0)) m.unmount();
});

function tmpfs(size: string): Tmpfs {
  const m = mountTmpfs(size);
  mounts.push(m);
  return m;
}

describe('a full disk', () => {
  itWithData(TMPFS, 'reopens the plan intact with every acknowledged edit (its last pages live in the WAL), and keeps the WAL with a copy set aside', async () => {
    const disk = tmpfs('2m');
    const file = path.join(disk.dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    // Backups on another disk: the one that fills up holds the plan alone.
    const dataDir = tempDir();
    const ws = workspace({ dataDir, checkpointDelayMs: 3_600_000 });
    ws.open(file);
    await (ws as unknown as { files: { guarded: { idle(): Promise<unknown> } } }).files.guarded.idle();
    // Fill the disk but for a little room, which the WAL takes up with the next edits.
    const reserve = path.join(disk.dir, 'reserve');
    fs.writeFileSync(reserve, Buffer.alloc(160 * 1024));
    fillDisk(path.join(disk.dir, 'filler'));
    fs.rmSync(reserve);
    // Insert lines with long texts until one cannot be written; remember the ones acknowledged.
    const acknowledged: string[] = [];
    let refusal: string | null = null;
    for (let i = 0; !refusal && i < 2000; i++) {
      const name = `Dòng ${i} ${'đầu tư công '.repeat(40)}`;
      const r = await ws.handle('line/insert', { anchor: null, where: 'below', fields: { name, note: 'n'.repeat(1500) } });
      if (r.ok) acknowledged.push(name);
      else refusal = r.error.code;
    }
    expect(refusal).toBe('error.disk_full');
    expect(acknowledged.length).toBeGreaterThan(0);
    const id2 = lineId(ws.session!, '2');
    const shown = ws.session!.snapshot().rows.length;
    ws.close(); // the checkpoint at close cannot finish either: the WAL stays, with the last pages

    // The situation the review found: the header names more pages than the file has.
    expect(headerShortfall(file)).toMatchObject({ wal: true });
    expect(truncation(file)).toBeNull();
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    // Reopening with the disk full to the last byte: the plan opens (not "damaged"), read-only
    // because not even its lock file can be written, with every acknowledged edit.
    fillDisk(path.join(disk.dir, 'filler2'));
    const listing = fs.readdirSync(disk.dir).sort();
    const full = workspace({ dataDir });
    let opened: { readOnly: boolean } | string;
    try {
      opened = full.open(file);
    } catch (e) {
      opened = toBridgeError(e).code;
    }
    expect(opened).toMatchObject({ readOnly: true });
    expect(await status(full)).toMatchObject({ readOnlyReason: 'file', writeProblem: 'full' });
    const names = new Set(full.session!.snapshot().rows.map((r) => r.name));
    for (const n of acknowledged) expect(names.has(n)).toBe(true);
    expect(full.session!.snapshot().rows.length).toBe(shown);
    full.close();
    expect(fs.readdirSync(disk.dir).sort()).toEqual(listing); // no empty lock file left
    fs.rmSync(path.join(disk.dir, 'filler2'));

    // With room for its lock only (the WAL cannot be checkpointed yet): it opens for editing.
    const again = workspace({ dataDir, checkpointDelayMs: 3_600_000 });
    expect(again.open(file).readOnly).toBe(false);
    const names2 = new Set(again.session!.snapshot().rows.map((r) => r.name));
    for (const n of acknowledged) expect(names2.has(n)).toBe(true);
    expect(again.session!.calc.storedValue(lineId(again.session!, '2'), 'local_recurrent')).toBe(
      sampleCycle().amounts.find((a) => a.lineId === id2 && a.column === 'local_recurrent')?.value ?? null,
    );
    again.close();

    // A copy of the file made while its WAL holds pages (backups of a file that is not open, such
    // as a file set aside as damaged) holds them too.
    const copy = new BackupStore(tempDir(), file).copyFile(file, 'damaged');
    const db = new Database(copy.file, { readonly: true });
    try {
      const copied = new Set((db.prepare('SELECT name FROM lines').all() as { name: string }[]).map((r) => r.name));
      for (const n of acknowledged) expect(copied.has(n)).toBe(true);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }

    // Space is back: the next session checkpoints, and the main file alone holds everything.
    fs.rmSync(path.join(disk.dir, 'filler'));
    const third = workspace({ dataDir });
    third.open(file);
    expect(third.session!.snapshot().rows.length).toBe(shown);
    third.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(truncation(file)).toBeNull();
  });
});

describe('a read-only mount (a CD, a write-protected share)', () => {
  itWithData(TMPFS, 'opens the plan read-only, says why, leaves the medium untouched, and Save a copy works', async () => {
    const disk = tmpfs('4m');
    const file = path.join(disk.dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    disk.remount('ro');
    const before = fs.readFileSync(file);
    const ws = workspace({ dataDir: tempDir() });
    let info: { readOnly: boolean } | string;
    try {
      info = ws.open(file);
    } catch (e) {
      info = toBridgeError(e).code;
    }
    expect(info).toMatchObject({ readOnly: true });
    const s = await status(ws);
    expect(s.readOnlyReason).toBe('file');
    expect(s.writeProblem).toBe('medium');
    expect(ws.session!.snapshot().totals.total).toBe(350_190 * M);
    const r = await ws.handle('cell/set', { lineId: lineId(ws.session!, '2'), column: 'local_recurrent', value: 1 });
    expect(r.ok ? 'saved' : r.error.code).toBe('error.read_only');
    // Save a copy onto a writable disk: it opens for editing, with the same figures.
    const copy = path.join(tempDir(), 'copy.plandesk');
    const saved = await ws.saveAs(copy);
    expect(saved.readOnly).toBe(false);
    await ok(ws, 'cell/set', { lineId: lineId(ws.session!, '2'), column: 'local_recurrent', value: 5 * M });
    ws.close();
    const c = PlanSession.open(copy, { readOnly: true });
    expect(c.calc.storedValue(lineId(c, '2'), 'local_recurrent')).toBe(5 * M);
    c.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(disk.dir)).toEqual(['plan.plandesk']);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  itWithData(TMPFS, 'reads a plan whose WAL was copied with it onto the read-only medium', async () => {
    const disk = tmpfs('4m');
    const file = path.join(disk.dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    // An edit that stays in the WAL: a copy of the file and its -wal, as a backup tool makes it.
    const src = path.join(tempDir(), 'src.plandesk');
    createCycleFile(src, sampleCycle());
    const s = PlanSession.open(src);
    const id = lineId(s, '2');
    s.handle('cell/set', { lineId: id, column: 'local_recurrent', value: 9 * M });
    fs.copyFileSync(src, file);
    fs.copyFileSync(`${src}-wal`, `${file}-wal`);
    s.close();
    disk.remount('ro');
    const listing = fs.readdirSync(disk.dir).sort();
    const ws = workspace();
    expect(ws.open(file).readOnly).toBe(true);
    expect(ws.session!.calc.storedValue(id, 'local_recurrent')).toBe(9 * M);
    ws.close();
    expect(fs.readdirSync(disk.dir).sort()).toEqual(listing);
  });
});

describe('reading a plan leaves no file behind', () => {
  const listing = (dir: string) => fs.readdirSync(dir).sort();

  it('a read-only file, a healthy one, a truncated one, one with a WAL left by a crash', () => {
    const dir = tempDir();
    const ro = path.join(dir, 'readonly.plandesk');
    createCycleFile(ro, sampleCycle());
    fs.chmodSync(ro, 0o444);
    const healthy = path.join(dir, 'healthy.plandesk');
    createCycleFile(healthy, sampleCycle());
    const cut = path.join(dir, 'cut.plandesk');
    createCycleFile(cut, sampleCycle());
    // Grow it, then cut it short as an interrupted copy does.
    const g = PlanSession.open(cut);
    for (let i = 0; i < 60; i++) g.handle('line/insert', { anchor: null, where: 'below', fields: { name: 'x'.repeat(1999), note: 'y'.repeat(1999) } });
    g.close();
    fs.truncateSync(cut, Math.floor(fs.statSync(cut).size / 2));
    const before = listing(dir);
    for (const f of [ro, healthy]) {
      const s = PlanSession.open(f, { readOnly: true });
      expect(s.snapshot().totals.total).toBe(350_190 * M);
      s.close();
      expect(listing(dir)).toEqual(before);
    }
    expect(() => PlanSession.open(cut, { readOnly: true }).close()).toThrow();
    expect(listing(dir)).toEqual(before);
  });

  it('a plan with a WAL but no -shm (a crash, or a copy with its WAL) is read through its WAL, and nothing is added', () => {
    const dir = tempDir();
    const src = path.join(tempDir(), 'src.plandesk');
    createCycleFile(src, sampleCycle());
    const s = PlanSession.open(src);
    const id = lineId(s, '2');
    s.handle('cell/set', { lineId: id, column: 'local_recurrent', value: 3 * M });
    const file = path.join(dir, 'plan.plandesk');
    fs.copyFileSync(src, file);
    fs.copyFileSync(`${src}-wal`, `${file}-wal`);
    s.close();
    const before = listing(dir);
    const wal = fs.readFileSync(`${file}-wal`);
    const r = PlanSession.open(file, { readOnly: true });
    expect(r.calc.storedValue(id, 'local_recurrent')).toBe(3 * M);
    r.close();
    expect(listing(dir)).toEqual(before);
    expect(fs.readFileSync(`${file}-wal`).equals(wal)).toBe(true);
  });

  it('reads through the WAL of a plan another process is editing, and leaves its files as they are', () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const writer = PlanSession.open(file);
    const id = lineId(writer, '2');
    writer.handle('cell/set', { lineId: id, column: 'local_recurrent', value: 4 * M });
    const before = listing(dir);
    const r = PlanSession.open(file, { readOnly: true });
    expect(r.calc.storedValue(id, 'local_recurrent')).toBe(4 * M);
    r.close();
    expect(listing(dir)).toEqual(before);
    writer.handle('cell/set', { lineId: id, column: 'local_recurrent', value: 6 * M });
    writer.close();
    const after = PlanSession.open(file, { readOnly: true });
    expect(after.calc.storedValue(id, 'local_recurrent')).toBe(6 * M);
    after.close();
    expect(listing(dir)).toEqual(['plan.plandesk']);
  });
});

describe('other reads leave no file either', () => {
  it('comparing with another plan file, and checking a backup before restoring it', () => {
    const dir = tempDir();
    const other = path.join(dir, 'other.plandesk');
    createCycleFile(other, sampleCycle());
    // A backup copied byte for byte (before a migration) keeps the WAL mode of its plan.
    const store = new BackupStore(dir, other);
    const backup = store.copyFile(other, 'migration');
    const backupDir = path.dirname(backup.file);
    const before = [fs.readdirSync(dir).sort(), fs.readdirSync(backupDir).sort()];
    expect(readCycleFile(other).data.lines.length).toBeGreaterThan(0);
    expect(() => loadFileSide(other, 'none-such-revision')).toThrow(expect.objectContaining({ code: 'cli.compare.no_revision' }));
    verifyBackup(backup.file);
    expect([fs.readdirSync(dir).sort(), fs.readdirSync(backupDir).sort()]).toEqual(before);
  });
});

describe('restoring a damaged plan that has a WAL', () => {
  it('sets the damaged file aside with its WAL, and its copy in the backups holds what the WAL held', async () => {
    const dir = tempDir();
    const dataDir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const first = workspace({ dataDir });
    first.open(file);
    await (first as unknown as { files: { guarded: { idle(): Promise<unknown> } } }).files.guarded.idle();
    first.close();
    // Edits that stay in the WAL (a process that never got to checkpoint), then the main file is
    // cut short: pages are missing that the WAL does not hold.
    const s = PlanSession.open(file);
    for (let i = 0; i < 40; i++) s.handle('line/insert', { anchor: null, where: 'below', fields: { name: `Dòng ${i} ${'x'.repeat(1900)}` } });
    const mainCopy = path.join(tempDir(), 'main');
    fs.copyFileSync(`${file}-wal`, `${mainCopy}-wal`);
    s.close();
    fs.copyFileSync(`${mainCopy}-wal`, `${file}-wal`);
    fs.truncateSync(file, 4096 * 2);
    const wal = fs.readFileSync(`${file}-wal`);
    const main = fs.readFileSync(file);
    const ws = workspace({ dataDir });
    const elsewhere = path.join(tempDir(), 'other.plandesk');
    createCycleFile(elsewhere, sampleCycle());
    ws.open(elsewhere);
    expect(() => ws.open(file)).toThrow(expect.objectContaining({ code: 'error.damaged' }));
    const list = await ok(ws, 'backup/list', {});
    await ok(ws, 'backup/restore', { id: list.damaged!.backups[0].id, damaged: true });
    ws.close();
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('plan.plandesk.damaged-') && !/-(wal|shm)$/.test(f));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0])).equals(main)).toBe(true);
    expect(fs.readFileSync(path.join(dir, `${aside[0]}-wal`)).equals(wal)).toBe(true);
    // The copy kept in the backups as "damaged" has the WAL too (folded in, or beside it).
    const damaged = new BackupStore(dataDir, file).list().find((b) => b.reason === 'damaged')!;
    const kept = fs.existsSync(`${damaged.file}-wal`) ? fs.readFileSync(`${damaged.file}-wal`) : null;
    expect(kept === null ? damaged.size : kept.length).toBeGreaterThan(main.length);
  });
});
