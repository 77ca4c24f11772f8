// Checks on a plan file before and after opening it: can it be written (a read-only attribute, a
// read-only medium, no permission), is it cut short (a copy to a USB stick interrupted — but not a
// plan whose last pages live in its WAL), and is the database sound (PRAGMA quick_check /
// integrity_check). None of them writes to the file or leaves one beside it.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DB } from '../store/db';

export type WriteProblem = 'attribute' | 'medium' | 'permission';

function accessProblem(p: string): WriteProblem | null {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'medium';
    if (code === 'EACCES' || code === 'EPERM') return 'permission';
    return null;
  }
}

/**
 * Why the file cannot be edited in place, or null. A file without any write bit is read-only even
 * for an administrator (Windows' read-only attribute shows up this way): PlanDesk respects it.
 * The folder must be writable too — SQLite keeps its journal beside the file.
 */
export function writeProblem(file: string): WriteProblem | null {
  const st = fs.statSync(file);
  if ((st.mode & 0o222) === 0) return 'attribute';
  return accessProblem(file) ?? accessProblem(path.dirname(path.resolve(file)));
}

/**
 * The main file is shorter than its own header says (the database size at offset 28, valid when the
 * change counter at 24 equals the version-valid-for number at 92). `wal`: a WAL with frames lies
 * beside it — after a disk-full, a checkpoint that could not finish leaves the header naming pages
 * that live only in the WAL, and the plan is whole.
 */
export function headerShortfall(file: string): { expected: number; actual: number; wal: boolean } | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(100);
    if (fs.readSync(fd, head, 0, 100, 0) < 100) return null;
    const raw = head.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    const pages = head.readUInt32BE(28);
    if (pages === 0 || head.readUInt32BE(24) !== head.readUInt32BE(92)) return null;
    const expected = pageSize * pages;
    const actual = fs.fstatSync(fd).size;
    if (actual >= expected) return null;
    let walSize = 0;
    try {
      walSize = fs.statSync(`${file}-wal`).size;
    } catch {
      // No WAL.
    }
    return { expected, actual, wal: walSize > 32 }; // 32 bytes: a WAL header without any frame
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Part of the plan is missing (a copy to a USB stick interrupted): the main file is shorter than
 * its header says, and no WAL makes up for it. When a WAL lies beside it, SQLite decides, reading
 * the file through its WAL without writing anything: the plan is whole when quick_check passes.
 */
export function truncation(file: string): { expected: number; actual: number } | null {
  const short = headerShortfall(file);
  if (!short) return null;
  const { expected, actual } = short;
  if (!short.wal) return { expected, actual };
  let problems: string[];
  try {
    const db = openDatabase(file, { readOnly: true });
    try {
      problems = quickCheck(db, 1);
    } finally {
      db.close();
    }
  } catch (e) {
    problems = [String((e as Error).message)];
  }
  return problems.length ? { expected, actual } : null;
}

/** PRAGMA quick_check: [] when sound, else SQLite's descriptions (at most `max`). */
export function quickCheck(db: DB, max = 20): string[] {
  return check(db, `quick_check(${max})`);
}

/** PRAGMA integrity_check (slower, thorough): [] when sound. */
export function integrityCheck(db: DB, max = 20): string[] {
  return check(db, `integrity_check(${max})`);
}

function check(db: DB, pragma: string): string[] {
  try {
    const rows = db.pragma(pragma) as Record<string, string>[];
    const msgs = rows.map((r) => String(Object.values(r)[0]));
    return msgs.length === 1 && msgs[0] === 'ok' ? [] : msgs;
  } catch (e) {
    return [String((e as Error).message)];
  }
}

/** SQLite error codes meaning the file's content is damaged (not a disk or permission problem). */
export function isCorruption(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_IOERR_SHORT_READ';
}
