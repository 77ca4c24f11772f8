// Opening a cycle file safely: recognise it (SQLite header + application_id), refuse files from a
// newer PlanDesk, check its schema (another program's database may carry our id), copy older files
// aside before migrating, and set the durability pragmas. A file that is not ours is never written
// to, so it is never modified; reading a file leaves nothing beside it (read-only.ts).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { PlanDeskError } from '../errors';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { fromImage, openReadOnly } from './read-only';
import { schemaProblem } from './schema-check';

export type DB = Database.Database;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** How to open a cycle file (the safety layer, electron/engine/safety, decides the journal mode). */
export interface OpenOptions {
  readOnly?: boolean;
  /** 'delete' (rollback journal) on network shares, where SQLite's WAL is unsafe; default 'wal'. */
  journalMode?: 'wal' | 'delete';
  /** Called before an older file is migrated (e.g. to put a backup in the backups folder). */
  beforeMigrate?: (file: string, fromVersion: number) => void;
}

/** Set on every connection: WAL for concurrency with readers, FULL so a committed edit survives power loss. */
function applyPragmas(db: DB, readOnly: boolean, journalMode: 'wal' | 'delete' = 'wal'): void {
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 3000');
  if (!readOnly) {
    db.pragma(`journal_mode = ${journalMode === 'delete' ? 'DELETE' : 'WAL'}`);
    // A WAL database reopens at NORMAL in this build: set FULL explicitly on every open.
    db.pragma('synchronous = FULL');
  }
}

function displayName(file: string): string {
  return path.basename(file);
}

/** Check that `file` is a PlanDesk cycle file we can read, without writing to it. Returns its schema version. */
export function inspectCycleFile(file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new PlanDeskError('error.not_found', { file: displayName(file) });
    throw e;
  }
  if (fs.fstatSync(fd).isDirectory()) {
    fs.closeSync(fd);
    throw new PlanDeskError('error.not_plandesk', { file: displayName(file) });
  }
  const head = Buffer.alloc(100);
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  // Application id lives at offset 68 of the header (big-endian); user_version at 60.
  if (n < 100 || !head.subarray(0, 16).equals(SQLITE_MAGIC) || head.readUInt32BE(68) !== APPLICATION_ID) {
    throw new PlanDeskError('error.not_plandesk', { file: displayName(file) });
  }
  const version = head.readUInt32BE(60);
  if (version > SCHEMA_VERSION) {
    throw new PlanDeskError('error.newer_version', { file: displayName(file), found: version, supported: SCHEMA_VERSION });
  }
  return version;
}

/** Open an existing cycle file (migrating a copy-protected older one), or throw a PlanDeskError. */
export function openDatabase(file: string, opts: OpenOptions = {}): DB {
  const version = inspectCycleFile(file);
  const readOnly = !!opts.readOnly;
  let db: DB | null = null;
  let detached = false;
  try {
    // Reading leaves no file beside the plan (store/read-only.ts); a writable connection writes
    // nothing until the schema below is proven: it is query_only meanwhile.
    if (readOnly) ({ db, detached } = openReadOnly(file));
    else {
      // A WAL beside the file (a crash): the writable connection closing after a refusal would fold
      // it into the file. Look at the schema through a read-only view first.
      if (fs.existsSync(`${file}-wal`)) {
        const probe = openReadOnly(file).db;
        try {
          const problem = schemaProblem(probe, version);
          if (problem) throw new Error(problem);
        } finally {
          probe.close();
        }
      }
      db = new Database(file, { fileMustExist: true });
      db.pragma('query_only = ON');
    }
    // Another program's database can carry our application_id: refuse it before anything writes.
    const problem = schemaProblem(db, version);
    if (problem) throw new Error(problem);
    if (!readOnly) db.pragma('query_only = OFF');
  } catch (e) {
    db?.close();
    throw new PlanDeskError('error.not_plandesk', { file: displayName(file) }, { cause: e });
  }
  try {
    applyPragmas(db, readOnly, opts.journalMode);
    if (version < SCHEMA_VERSION && readOnly) {
      // Reading an older file must not change it: migrate an in-memory copy instead.
      if (!detached) {
        const copy = fromImage(db.serialize());
        db.close();
        db = copy;
        applyPragmas(db, readOnly);
      }
      migrate(db, version);
    } else if (version < SCHEMA_VERSION) {
      // Keep the file as it was before the first migration touches it.
      db.pragma('wal_checkpoint(TRUNCATE)');
      fs.copyFileSync(file, `${file}.v${version}.bak`);
      opts.beforeMigrate?.(file, version);
      migrate(db, version);
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** Create a new, empty, fully migrated cycle file (at a temporary name: the caller renames it). */
export function createDatabase(file: string): DB {
  const db = new Database(file);
  applyPragmas(db, false);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, 0);
  return db;
}

function migrate(db: DB, from: number): void {
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
