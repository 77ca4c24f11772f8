// Putting a backup in place of a plan file. The backup is checked first (a damaged backup is never
// restored); it is copied beside the target under a temporary name, flushed, and renamed over it,
// so at every moment the target is either the old file or the whole backup. A stale journal or WAL
// of the old file is moved away first — SQLite would otherwise replay it into the restored file.
// The file being replaced is moved aside (never deleted) when it is damaged; a healthy open file
// was already snapshotted into the backups by the caller.
import fs from 'node:fs';
import { PlanDeskError } from '../errors';
import { quickCheck } from '../safety/file-checks';
import { checkWriteTarget } from '../safety/write-target';
import { inspectCycleFile } from '../store/db';
import { openReadOnly } from '../store/read-only';
import { removeSqliteSideFiles, SQLITE_SIDE_FILES, writeAtomicSync } from '../store/atomic-write';
import type { BackupEntry } from './backup-store';

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

/**
 * Replace `target` (closed) with the backup. Returns where the old file was moved (keepAside), or
 * null. Nothing is changed when the backup fails its check.
 */
export function replaceWithBackup(target: string, entry: BackupEntry, opts: { keepAside: boolean }): string | null {
  // The one check before a write: not a plan open in another window or held by another PlanDesk.
  checkWriteTarget(target, 'plan');
  verifyBackup(entry.file);
  let aside: string | null = null;
  const setAside = () => {
    if (opts.keepAside && fs.existsSync(target)) {
      aside = `${target}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      for (const suffix of ['', ...SQLITE_SIDE_FILES]) {
        if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, aside + suffix);
      }
    } else {
      removeSqliteSideFiles(target);
    }
  };
  // The copy is flushed before the old file goes aside, and renamed into place last.
  writeAtomicSync(target, (tmp) => fs.copyFileSync(entry.file, tmp), { tag: 'restore', durable: true, beforeRename: setAside });
  return aside;
}
