// Putting a backup in place of a plan file. The backup is checked first (a damaged backup is never
// restored); it is copied beside the target under a temporary name, flushed, and renamed over it,
// so at every moment the target is either the old file or the whole backup. A stale journal or WAL
// of the old file is moved away first — SQLite would otherwise replay it into the restored file.
// The file being replaced is moved aside (never deleted) when it is damaged; a healthy open file
// was already snapshotted into the backups by the caller.
import fs from 'node:fs';
import path from 'node:path';
import { PlanDeskError } from '../errors';
import { quickCheck } from '../safety/file-checks';
import { checkWriteTarget } from '../safety/write-target';
import { inspectCycleFile } from '../store/db';
import { openReadOnly } from '../store/read-only';
import type { BackupEntry } from './backup-store';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Throws unless `file` is a sound PlanDesk file this version can open. */
export function verifyBackup(file: string): void {
  inspectCycleFile(file);
  let problems: string[];
  try {
    const db = openReadOnly(file).db; // leaves no -wal/-shm in the backups folder
    try {
      problems = quickCheck(db);
    } finally {
      db.close();
    }
  } catch (e) {
    problems = [String((e as Error).message)];
  }
  if (problems.length) throw new PlanDeskError('error.backup_damaged', { detail: problems[0].slice(0, 200) });
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replace `target` (closed) with the backup. Returns where the old file was moved (keepAside), or
 * null. Nothing is changed when the backup fails its check.
 */
export function replaceWithBackup(target: string, entry: BackupEntry, opts: { keepAside: boolean }): string | null {
  // The one check before a write: not a plan open in another window or held by another PlanDesk.
  checkWriteTarget(target, 'plan');
  verifyBackup(entry.file);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.restore.${process.pid}.tmp`);
  fs.copyFileSync(entry.file, tmp);
  try {
    fsyncFile(tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  let aside: string | null = null;
  if (opts.keepAside && fs.existsSync(target)) {
    aside = `${target}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', ...SIDE_FILES]) {
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, aside + suffix);
    }
  } else {
    for (const suffix of SIDE_FILES) fs.rmSync(target + suffix, { force: true });
  }
  fs.renameSync(tmp, target);
  return aside;
}
