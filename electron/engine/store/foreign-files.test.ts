// A file that is not a PlanDesk plan is never changed by opening it, even when it carries PlanDesk's
// application_id (another program's database, a hand-made file): its schema is checked before
// anything writes — no switch to WAL, no `.vN.bak`, no migration, no side file left behind.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { BackupStore } from '../backup/backup-store';
import { toBridgeError } from '../errors';
import { PlanSession } from '../session';
import { Workspace } from '../workspace';
import { createCycleFile } from './cycle-file';
import { openDatabase } from './db';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations';

/** Another program's database that happens to carry PlanDesk's application_id. */
function foreign(dir: string, opts: { version: number; journal: 'delete' | 'wal'; sql?: string }): string {
  const file = path.join(dir, `foreign-v${opts.version}-${opts.journal}.plandesk`);
  const db = new Database(file);
  db.pragma(`journal_mode = ${opts.journal}`);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${opts.version}`);
  db.exec(opts.sql ?? `CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Nguyễn Văn A'), ('Trần Thị B');`);
  db.close();
  return file;
}

function journalMode(file: string): string {
  // The header says it: bytes 18 and 19 are 2 in WAL mode, 1 with a rollback journal.
  const head = Buffer.alloc(20);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 20, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head[18] === 2 ? 'wal' : 'delete';
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return toBridgeError(e).code;
  }
  return 'opened';
}

describe('a foreign database with PlanDesk\'s application_id', () => {
  const cases: { version: number; journal: 'delete' | 'wal' }[] = [];
  for (let version = 0; version <= SCHEMA_VERSION; version++) for (const journal of ['delete', 'wal'] as const) cases.push({ version, journal });

  it.each(cases)('schema version $version, journal $journal: refused, byte-identical, no side file, no backup', ({ version, journal }) => {
    const dir = tempDir();
    const dataDir = tempDir();
    const file = foreign(dir, { version, journal });
    const before = fs.readFileSync(file);
    const listing = fs.readdirSync(dir).sort();
    expect(codeOf(() => openDatabase(file))).toBe('error.not_plandesk');
    expect(codeOf(() => openDatabase(file, { readOnly: true }))).toBe('error.not_plandesk');
    expect(codeOf(() => PlanSession.open(file))).toBe('error.not_plandesk');
    const ws = new Workspace(null, { dataDir });
    try {
      expect(codeOf(() => ws.open(file))).toBe('error.not_plandesk');
    } finally {
      ws.close();
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(journalMode(file)).toBe(journal);
    expect(fs.readdirSync(dir).sort()).toEqual(listing); // no -wal, -shm, .vN.bak, lock
    expect(new BackupStore(dataDir, file).list()).toEqual([]);
  });

  it('a foreign WAL-mode database with a WAL left by a crash: refused, and neither file changes', () => {
    const dir = tempDir();
    const src = path.join(tempDir(), 'src.plandesk');
    const db = new Database(src);
    db.pragma('journal_mode = wal');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec("INSERT INTO customers (name) VALUES ('only in the WAL')");
    const file = path.join(dir, 'crashed.plandesk');
    fs.copyFileSync(src, file);
    fs.copyFileSync(`${src}-wal`, `${file}-wal`);
    db.close();
    const before = fs.readFileSync(file);
    const wal = fs.readFileSync(`${file}-wal`);
    const ws = new Workspace(null, { dataDir: tempDir() });
    try {
      expect(codeOf(() => ws.open(file))).toBe('error.not_plandesk');
    } finally {
      ws.close();
    }
    expect(codeOf(() => PlanSession.open(file))).toBe('error.not_plandesk');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readFileSync(`${file}-wal`).equals(wal)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['crashed.plandesk', 'crashed.plandesk-wal']);
  });

  it('refuses a plan-like file that lacks one of the schema\'s tables or columns', () => {
    const dir = tempDir();
    // The current schema without lines.note: everything else as PlanDesk makes it.
    const lacking = MIGRATIONS.join('\n').replace("note TEXT NOT NULL DEFAULT '',\n    allowed_capital", 'allowed_capital');
    expect(lacking).not.toBe(MIGRATIONS.join('\n'));
    const noNote = foreign(dir, { version: SCHEMA_VERSION, journal: 'delete', sql: lacking });
    const before = fs.readFileSync(noNote);
    expect(codeOf(() => PlanSession.open(noNote))).toBe('error.not_plandesk');
    expect(fs.readFileSync(noNote).equals(before)).toBe(true);
    // An older plan (version 1) whose file has no `amounts` table.
    const noAmounts = foreign(dir, { version: 1, journal: 'wal', sql: MIGRATIONS[0].replace(/CREATE TABLE amounts \([^;]*;/, '') });
    const before1 = fs.readFileSync(noAmounts);
    expect(codeOf(() => PlanSession.open(noAmounts))).toBe('error.not_plandesk');
    expect(fs.readFileSync(noAmounts).equals(before1)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => /-wal$|-shm$|\.bak$/.test(f))).toEqual([]);
  });

  it('still opens real plans: the current schema, and an older one (migrated, with its .v1.bak)', () => {
    const dir = tempDir();
    const current = path.join(dir, 'current.plandesk');
    createCycleFile(current, sampleCycle());
    const s = PlanSession.open(current);
    expect(s.snapshot().rows.length).toBeGreaterThan(0);
    s.close();
    const old = path.join(dir, 'old.plandesk');
    const db = new Database(old);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]);
    db.pragma('user_version = 1');
    db.close();
    PlanSession.open(old).close();
    expect(fs.existsSync(`${old}.v1.bak`)).toBe(true);
  });
});
