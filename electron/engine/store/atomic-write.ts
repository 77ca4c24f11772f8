// "Write under a temporary name, rename into place": the one way PlanDesk makes a file appear whole
// (a new plan, a new cycle, an imported plan, a restored backup, an exported annex, a PDF). A crash
// or a failure at any point leaves the target as it was and no temporary file behind.
//
// One policy for every caller:
//   - the temporary name sits beside the target (same folder, so the rename is atomic), hidden,
//     with the process id: `.name.ext.<pid>.tmp` (a tag for a second kind: `.name.ext.restore.<pid>.tmp`);
//   - a stale temporary of that name (a crash before) and its SQLite side files are removed first;
//   - on ANY failure (the write, the flush, the step before the rename, the rename itself) the
//     temporary and its side files are removed and the error goes on to the caller;
//   - `durable`: the temporary is flushed to disk (fsync) before the rename and the folder after it,
//     so a power cut cannot leave a renamed but empty file (used where the bytes come from a copy);
//   - the rename is the last step; `beforeRename` runs just before it (a plan's stale -wal/-shm/
//     -journal removed, or the old file moved aside).
// The write-target check (safety/write-target.ts) is the caller's: it knows what kind of file it writes.
import fs from 'node:fs';
import path from 'node:path';

/** A SQLite database's side files (a stale one beside a new plan would be read as part of it). */
export const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export interface AtomicWriteOptions {
  /** A second kind of temporary for the same target (restore's copy): `.name.<tag>.<pid>.tmp`. */
  tag?: string;
  /** Flush the written file before the rename and the folder after it. */
  durable?: boolean;
  /** Runs after the write succeeded, just before the rename (may throw: the temporary goes). */
  beforeRename?: () => void;
}

/** The temporary name beside `target`. */
export function tempNameFor(target: string, tag?: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag ? `${tag}.` : ''}${process.pid}.tmp`);
}

/** Remove a target's stale SQLite side files (before a new plan is renamed into place). */
export function removeSqliteSideFiles(target: string): void {
  for (const suffix of SQLITE_SIDE_FILES) fs.rmSync(target + suffix, { force: true });
}

function removeTemp(tmp: string): void {
  for (const f of [tmp, ...SQLITE_SIDE_FILES.map((s) => tmp + s)]) fs.rmSync(f, { force: true });
}

/** After a failure: remove what can be removed; the failure itself is what the caller must see. */
function cleanUp(tmp: string): void {
  try {
    removeTemp(tmp);
  } catch {
    /* e.g. a writer still holding the file open on Windows: the original error matters more */
  }
}

function fsyncPath(p: string, flags: string): void {
  const fd = fs.openSync(p, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function finish(target: string, tmp: string, opts: AtomicWriteOptions): void {
  if (opts.durable) fsyncPath(tmp, 'r+');
  opts.beforeRename?.();
  fs.renameSync(tmp, target);
  if (opts.durable) {
    // A folder cannot be opened for fsync on Windows; there the rename is already durable enough.
    try {
      fsyncPath(path.dirname(target), 'r');
    } catch {
      /* the file itself is flushed and in place */
    }
  }
}

/** Write `target` through `write(tmp)` (synchronous writers: SQLite, file copies). */
export function writeAtomicSync(target: string, write: (tmp: string) => void, opts: AtomicWriteOptions = {}): void {
  const tmp = tempNameFor(target, opts.tag);
  removeTemp(tmp);
  try {
    write(tmp);
    finish(target, tmp, opts);
  } catch (e) {
    cleanUp(tmp);
    throw e;
  }
}

/** Write `target` through `await write(tmp)` (streaming writers: spreadsheets, PDFs). */
export async function writeAtomic(target: string, write: (tmp: string) => Promise<void>, opts: AtomicWriteOptions = {}): Promise<void> {
  const tmp = tempNameFor(target, opts.tag);
  removeTemp(tmp);
  try {
    await write(tmp);
    finish(target, tmp, opts);
  } catch (e) {
    cleanUp(tmp);
    throw e;
  }
}
