// Automatic backups and restore, through the Workspace as the app uses them: a backup on open,
// at most every interval while editing, before an import and before a migration; pruning to the
// configured number; restore (itself reversible); a damaged backup is refused.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { CommandName, CommandResults } from '../../../shared/ipc';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { OpenFiles } from '../safety/open-files';
import { writeCycle } from '../store/cycle-file';
import { APPLICATION_ID, MIGRATIONS } from '../store/migrations';
import { createCycleFile } from '../store/cycle-file';
import { Workspace } from '../workspace';
import { BackupStore } from './backup-store';
import { labelText } from '../../../shared/step-label';

const M = 1_000_000;

async function ok<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<CommandResults[K]> {
  const r = await ws.handle(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

function idle(ws: Workspace): Promise<unknown> {
  return (ws as unknown as { files: OpenFiles }).files.guarded?.idle() ?? Promise.resolve();
}

const lineId = (ws: Workspace, code: string) => ws.session!.snapshot().rows.find((r) => r.code === code)!.id;
const value = (ws: Workspace, code: string, column: string) => ws.session!.calc.storedValue(lineId(ws, code), column) ?? null;

function setup() {
  const file = path.join(tempDir(), 'ke-hoach.plandesk');
  createCycleFile(file, sampleCycle());
  const dataDir = tempDir();
  const ws = new Workspace(null, { dataDir });
  return { file, dataDir, ws, store: new BackupStore(dataDir, file) };
}

describe('automatic backups', () => {
  it('backs up on open (not again when nothing changed), into the data folder, as standalone plan files', async () => {
    const { file, ws, store, dataDir } = setup();
    ws.open(file);
    await idle(ws);
    expect(store.dir.startsWith(path.join(dataDir, 'backups'))).toBe(true);
    const list = store.list();
    expect(list.map((b) => b.reason)).toEqual(['open']);
    // A backup is a whole plan by itself: rollback journal, sound, the same totals.
    const db = new Database(list[0].file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(fs.existsSync(`${list[0].file}-wal`)).toBe(false);
    ws.close();
    ws.open(file);
    await idle(ws);
    expect(store.list()).toHaveLength(1);
    await ok(ws, 'cell/set', { lineId: lineId(ws, '2'), column: 'local_recurrent', value: 1 * M });
    ws.close();
    ws.open(file);
    await idle(ws);
    expect(store.list().map((b) => b.reason)).toEqual(['open', 'open']);
    ws.close();
  });

  it('backs up while editing at most once per interval, and keeps only the configured number', async () => {
    const { file, ws, store } = setup();
    ws.open(file);
    await idle(ws);
    await ok(ws, 'settings/set', { key: 'backup', value: { keep: 3, intervalMinutes: 60 } });
    const id = lineId(ws, '5');
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      for (let i = 1; i <= 6; i++) {
        now += 61 * 60_000; // an hour of work between edits
        await ok(ws, 'cell/set', { lineId: id, column: 'central_recurrent', value: i * M });
        await ok(ws, 'cell/set', { lineId: id, column: 'local_recurrent', value: i * M }); // within the hour: no new backup
        await idle(ws);
      }
    } finally {
      clock.mockRestore();
    }
    const list = store.list();
    expect(list).toHaveLength(3);
    expect(list.every((b) => b.reason === 'hourly')).toBe(true);
    // The newest holds the state at its edit (the first edit of the sixth hour).
    const db = new Database(list[0].file, { readonly: true });
    const v = db.prepare("SELECT value FROM amounts WHERE line_id = ? AND column_key = 'central_recurrent'").get(id) as { value: number };
    db.close();
    expect(v.value).toBe(6 * M);
    ws.close();
  });

  it('backs up the exact state before an import', async () => {
    const { file, store, dataDir } = setup();
    const files = new OpenFiles({ dataDir });
    files.open(file);
    await files.guarded!.idle();
    const s = files.session!;
    const id = s.snapshot().rows.find((r) => r.code === '2')!.id;
    s.handle('cell/set', { lineId: id, column: 'other', value: 5 * M });
    files.guarded!.beforeCommand(true);
    const imp = store.list().find((b) => b.reason === 'import');
    expect(imp).toBeDefined();
    const db = new Database(imp!.file, { readonly: true });
    expect((db.prepare("SELECT value FROM amounts WHERE line_id = ? AND column_key = 'other'").get(id) as { value: number }).value).toBe(5 * M);
    db.close();
    // Nothing changed since: a second import does not make a second copy.
    files.guarded!.beforeCommand(true);
    expect(store.list().filter((b) => b.reason === 'import')).toHaveLength(1);
    files.close();
  });

  it('backs up a file from an older PlanDesk before migrating it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cu.plandesk');
    // A file as version 1 wrote it.
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]);
    db.pragma('user_version = 1');
    db.transaction(() => writeCycle(db, sampleCycle()))();
    db.close();
    const dataDir = tempDir();
    const ws = new Workspace(null, { dataDir });
    ws.open(file);
    await idle(ws);
    const list = new BackupStore(dataDir, file).list();
    const mig = list.find((b) => b.reason === 'migration')!;
    expect(mig).toBeDefined();
    const old = new Database(mig.file, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();
    // Migrated, with its history tables.
    expect(await ok(ws, 'history/revisions', {})).toEqual({ revisions: [] });
    ws.close();
  });
});

describe('restore from backup', () => {
  it('brings the plan back to a backup, and the state it replaced can be restored in turn', async () => {
    const { file, ws, store } = setup();
    ws.open(file);
    await idle(ws);
    const id = lineId(ws, '3.2');
    await ok(ws, 'cell/set', { lineId: id, column: 'central_recurrent', value: 8_000 * M });
    const made = await ok(ws, 'backup/now', {});
    expect(made.backup?.reason).toBe('manual');
    await ok(ws, 'cell/set', { lineId: id, column: 'central_recurrent', value: 9_000 * M });

    const { backups, keep } = await ok(ws, 'backup/list', {});
    expect(keep).toBe(20);
    expect(backups.map((b) => b.reason)).toEqual(['manual', 'open']);
    const restored = await ok(ws, 'backup/restore', { id: backups[1].id });
    expect(restored.backup.reason).toBe('open');
    expect(value(ws, '3.2', 'central_recurrent')).toBe(7_024 * M);
    expect(ws.session!.info.readOnly).toBe(false);
    const audit = await ok(ws, 'history/audit', { filter: { kind: 'restore' }, offset: 0, limit: 10 });
    expect(labelText('vi', audit.rows[0].label)).toMatch(/^Khôi phục từ bản sao lưu lúc /);

    // The replaced state (9.000) was backed up first.
    const before = store.list().find((b) => b.reason === 'restore')!;
    await ok(ws, 'backup/restore', { id: before.id });
    expect(value(ws, '3.2', 'central_recurrent')).toBe(9_000 * M);
    ws.close();
  });

  it('refuses a damaged backup and leaves the plan as it was', async () => {
    const { file, ws, store } = setup();
    ws.open(file);
    await idle(ws);
    await ok(ws, 'cell/set', { lineId: lineId(ws, '2'), column: 'other', value: 3 * M });
    const b = store.list()[0];
    // Damage the backup in the middle of a table page.
    const fd = fs.openSync(b.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 3);
    fs.closeSync(fd);
    const r = await ws.handle('backup/restore', { id: b.id });
    expect(r.ok ? null : r.error.code).toBe('error.backup_damaged');
    expect(ws.session).not.toBeNull();
    expect(value(ws, '2', 'other')).toBe(3 * M);
    const edit = await ws.handle('cell/set', { lineId: lineId(ws, '2'), column: 'other', value: 4 * M });
    expect(edit.ok).toBe(true);
    ws.close();
  });

  it('refuses names that are not backups of this file', async () => {
    const { file, ws } = setup();
    ws.open(file);
    await idle(ws);
    const bad = await ws.handle('backup/restore', { id: '../../etc/passwd' });
    expect(bad.ok ? null : bad.error.code).toBe('error.invalid_args');
    const missing = await ws.handle('backup/restore', { id: '2020-01-01T00-00-00-000Z.open.1.plandesk' });
    expect(missing.ok ? null : missing.error.code).toBe('error.backup_missing');
    ws.close();
  });
});

describe('replacing a plan with a new one (File → New over an existing file)', () => {
  it('backs the old plan up first, and refuses while another PlanDesk has it open', async () => {
    const { file, dataDir, ws, store } = setup();
    ws.open(file);
    await idle(ws);
    await ok(ws, 'cell/set', { lineId: lineId(ws, '2'), column: 'other', value: 6 * M });
    const other = new Workspace(null, { dataDir });
    const second = path.join(path.dirname(file), 'khac.plandesk');
    createCycleFile(second, sampleCycle());
    other.open(second);
    // The first window's file is open (and locked) there: the second may not replace it.
    expect(() => other.create(file, { overwrite: true })).toThrow(expect.objectContaining({ code: 'error.write_target.open_here' }));
    ws.close();
    other.create(file, { overwrite: true });
    expect(other.session!.snapshot().totals.total).toBe(0);
    const kept = store.list().find((b) => b.reason === 'replaced')!;
    const db = new Database(kept.file, { readonly: true });
    expect((db.prepare("SELECT value FROM amounts WHERE column_key = 'other'").get() as { value: number }).value).toBe(6 * M);
    db.close();
    other.close();
  });
});
