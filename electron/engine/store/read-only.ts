// Opening a cycle file for reading without creating, changing or leaving any file beside it: on a
// read-only medium (a CD, a write-protected share), a file without write permission, `plandesk
// check`, a look at a file before trusting it. SQLite's own read-only connection to a WAL-mode file
// creates `-wal` and `-shm` beside it and leaves them there (it cannot checkpoint), and where they
// cannot be created (a read-only mount) it cannot open the file at all; its `immutable` flag needs
// URI file names, which better-sqlite3 builds without (SQLITE_USE_URI=0). So, by what is beside it:
//  - a rollback-journal file, or a WAL file with both `-wal` and `-shm` (a writer has it open, or a
//    crash left both): SQLite's read-only connection, which then creates nothing and reads through
//    the live WAL;
//  - a WAL file without `-wal` (closed cleanly; the main file holds everything) that this process
//    could write, in a folder it could write: a read-write connection made query_only, so nothing it
//    runs can write; the `-wal`/`-shm` it needs are removed by SQLite when it closes (the last
//    connection checkpoints the empty WAL, writing nothing to the plan). Reading a 100.000-line plan
//    this way costs no more than SQLite's read-only connection, where a copy in memory costs ~0,5 s;
//  - the same file where it cannot be written (a read-only attribute or medium, no permission): its
//    bytes are read into memory — checked unchanged over the read, so a writer that came and went
//    meanwhile is noticed and the read repeated;
//  - a WAL file with a `-wal` but no `-shm` (a crash, or a copy taken with its WAL): both are copied
//    into a private temporary folder where SQLite reads through the WAL, and the result is held in
//    memory.
// The in-memory database is detached from the file: nothing written to it reaches the file.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A connection (the same type as store/db.ts's DB; declared here so the store's modules import no cycle). */
type DB = Database.Database;

export interface ReadOnlyOpen {
  db: DB;
  /** An in-memory copy of the file (true), or a connection to the file itself (read-only or query_only). */
  detached: boolean;
}

/** Bytes 18 and 19 of the header: 2 in WAL mode, 1 with a rollback journal. */
function isWalFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(2);
    return fs.readSync(fd, b, 0, 2, 18) === 2 && (b[0] === 2 || b[1] === 2);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * An in-memory database from a database image. Its header is set to rollback-journal mode first:
 * SQLite cannot deserialize an image that says WAL (an in-memory database has no WAL).
 */
export function fromImage(image: Buffer): DB {
  if (image.length >= 20) {
    image[18] = 1;
    image[19] = 1;
  }
  return new Database(image);
}

const stamp = (st: fs.Stats | null) => (st ? `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}` : '-');
const statOrNull = (f: string): fs.Stats | null => {
  try {
    return fs.statSync(f);
  } catch {
    return null;
  }
};

/** The whole main file, or null when it changed (or a WAL appeared) while it was read. */
function readUnchanged(file: string): Buffer | null {
  const before = stamp(statOrNull(file));
  const image = fs.readFileSync(file);
  const after = stamp(statOrNull(file));
  return before === after && !fs.existsSync(`${file}-wal`) ? image : null;
}

/** The database as the file and its WAL make it, read in a private copy (none of ours is touched). */
function readThroughWal(file: string): Buffer | null {
  const before = [stamp(statOrNull(file)), stamp(statOrNull(`${file}-wal`))].join('|');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-read-'));
  try {
    const copy = path.join(dir, 'plan');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    const after = [stamp(statOrNull(file)), stamp(statOrNull(`${file}-wal`))].join('|');
    if (before !== after || fs.existsSync(`${file}-shm`)) return null;
    const db = new Database(copy, { fileMustExist: true });
    try {
      return db.serialize();
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether SQLite could write the file and create its `-wal`/`-shm` beside it (and so remove them). */
function writableHere(file: string): boolean {
  try {
    // A file without any write bit is read-only even for an administrator (access() says yes to root).
    if ((fs.statSync(file).mode & 0o222) === 0) return false;
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Open `file` for reading, leaving the folder exactly as it was (see the header). */
export function openReadOnly(file: string): ReadOnlyOpen {
  for (let attempt = 0; attempt < 5; attempt++) {
    const wal = fs.existsSync(`${file}-wal`);
    const shm = fs.existsSync(`${file}-shm`);
    if (!isWalFile(file) || (wal && shm)) {
      return { db: new Database(file, { readonly: true, fileMustExist: true }), detached: false };
    }
    if (!wal && writableHere(file)) {
      const db = new Database(file, { fileMustExist: true });
      db.pragma('query_only = ON');
      return { db, detached: false };
    }
    const image = wal ? readThroughWal(file) : readUnchanged(file);
    if (image) return { db: fromImage(image), detached: true };
    // A writer came or went while we read: look again at what is beside the file.
  }
  // The file keeps changing under us (a writer is busy with it): SQLite's connection reads it safely.
  return { db: new Database(file, { readonly: true, fileMustExist: true }), detached: false };
}
