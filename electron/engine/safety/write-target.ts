// One check before any file is written (issue 10). Every path that writes a file the user named —
// Save a copy, New, the CLI's --out/--xlsx, exports, a new cycle, a restore, a PDF — calls
// checkWriteTarget (or reservePlanTarget when it writes a plan) first, whoever the caller is (window,
// browser mode, CLI). It refuses, with a message saying why:
//  - a plan open in this process (any window), and a plan another PlanDesk holds (its lock is live,
//    on this computer or another: the liveness rules of lock-file.ts) — replacing it would make the
//    holder keep acknowledging edits that are then lost;
//  - the companion files SQLite keeps beside a database (-wal, -shm, -journal): acknowledged edits
//    may live there, and writing over them corrupts the plan;
//  - lock files (".~lock.<name>#") and the backup folder of the app;
//  - a plan (any SQLite file) as the target of something that is not a plan (a workbook, a PDF).
// Paths are compared by their real location (symbolic links, "..", mapped drives resolved; case
// folded where the file system ignores case) and, for files that exist, by device and inode, so a
// second name for the same file (a hard link, another spelling) is the same file.
import fs from 'node:fs';
import path from 'node:path';
import type { MessageParams } from '../../../shared/i18n';
import { PlanDeskError, type ErrorArgs } from '../errors';
import { acquireLock, inspectLock, LockedError } from './lock-file';

export type WriteRefusal = 'held' | 'open_here' | 'side_file' | 'lock_file' | 'backup' | 'is_plan';

/** A write refused by the check: the reason, and the dictionary key `error.write_target.<reason>`. */
export class WriteTargetRefused<R extends WriteRefusal = WriteRefusal> extends PlanDeskError<`error.write_target.${WriteRefusal}`> {
  constructor(
    readonly reason: R,
    params: MessageParams<`error.write_target.${R}`>,
  ) {
    // Every refusal's text names the file, so its arguments are exactly [params].
    super(`error.write_target.${reason}`, ...([params] as ErrorArgs<`error.write_target.${WriteRefusal}`>));
  }
}

/** What is about to be written: a plan may replace a plan nobody holds; anything else never replaces a plan. */
export type WriteKind = 'plan' | 'document';

const SIDE_FILE = /^(.+)-(wal|shm|journal)$/i;
const LOCK_FILE = /^\.~lock\..*#$/;
/** A backup's name (backup-store.ts) in <data dir>/backups/<plan>-<hash>/: recognised even where the data dir is not known (the CLI). */
const BACKUP_NAME = /^[0-9TZ-]+\.[a-z-]+\.\d+\.plandesk$/;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether names differing only in case are the same file (Windows, and macOS by default). */
function foldsCase(platform: NodeJS.Platform): boolean {
  return platform === 'win32' || platform === 'darwin';
}

/** The real location of `file` (which may not exist yet): its own real path, else its folder's plus its name. */
function realLocation(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    // Not there yet (or a dangling link): the folder decides where it would be written.
  }
  try {
    return path.join(fs.realpathSync.native(path.dirname(abs)), path.basename(abs));
  } catch {
    return abs;
  }
}

/** A key under which two spellings of one location compare equal. */
export function locationKey(file: string, platform: NodeJS.Platform = process.platform): string {
  const real = realLocation(file);
  return foldsCase(platform) ? real.toLowerCase() : real;
}

/** Device and inode of an existing file ("" when it does not exist or the file system has none). */
function identityOf(file: string): string {
  try {
    const st = fs.statSync(file, { bigint: true });
    return st.ino === 0n ? '' : `${st.dev}:${st.ino}`;
  } catch {
    return '';
  }
}

function isSqliteFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

// ---- what this process has open and keeps -------------------------------------------------------

interface OpenPlan {
  key: string;
  identity: string;
  file: string;
}

/** Plans open in this process (every window), registered by GuardedFile while open. */
const openHere = new Set<OpenPlan>();
/** Folders of the app's own (the backups): nothing is written into them from outside. */
const protectedFolders = new Set<string>();

/** Note a plan open in this process; the returned function forgets it (on close). */
export function registerOpenPlan(file: string): () => void {
  const entry: OpenPlan = { key: locationKey(file), identity: identityOf(file), file: path.resolve(file) };
  openHere.add(entry);
  return () => void openHere.delete(entry);
}

/** Keep writes out of `dir` (and below): the backup folder. */
export function protectFolder(dir: string): void {
  protectedFolders.add(path.resolve(dir));
}

function openPlanAt(key: string, identity: string): OpenPlan | null {
  for (const p of openHere) if (p.key === key || (identity !== '' && p.identity === identity)) return p;
  return null;
}

function insideProtected(key: string): boolean {
  const fold = foldsCase(process.platform);
  for (const dir of protectedFolders) {
    const d = locationKey(dir);
    if (key === d || key.startsWith(d.endsWith(path.sep) ? d : d + path.sep)) return true;
    // The folder may not exist yet (no backup made so far): compare its spelling as given too.
    const given = fold ? dir.toLowerCase() : dir;
    if (key.startsWith(given + path.sep)) return true;
  }
  return false;
}

function looksLikeBackup(real: string): boolean {
  return BACKUP_NAME.test(path.basename(real)) && path.basename(path.dirname(path.dirname(real))).toLowerCase() === 'backups';
}

/** A live lock on `plan` (held by another process, or by another window of this one) as a refusal. */
function heldRefusal(plan: string, shown: string): WriteTargetRefused | null {
  const lock = inspectLock(plan);
  if (lock.kind !== 'live') return null;
  return new WriteTargetRefused('held', { file: shown, user: lock.owner.user, host: lock.owner.host, since: lock.owner.since });
}

/**
 * The one check before writing `file`. Returns its absolute path; throws WriteTargetRefused when
 * writing there could alter or lose a plan. `kind`: 'plan' when a plan file is written (it may
 * replace a plan nobody holds), 'document' for anything else (never replaces a plan).
 */
export function checkWriteTarget(file: string, kind: WriteKind): string {
  const abs = path.resolve(file);
  const name = path.basename(abs);
  const real = realLocation(abs);
  const key = locationKey(abs);
  const identity = identityOf(real);

  if (LOCK_FILE.test(path.basename(real)) || LOCK_FILE.test(name)) throw new WriteTargetRefused('lock_file', { file: name });

  const side = SIDE_FILE.exec(path.basename(real)) ?? SIDE_FILE.exec(name);
  if (side) {
    const plan = path.join(path.dirname(real), side[1]);
    if (isSqliteFile(plan) || openPlanAt(locationKey(plan), identityOf(plan)) || inspectLock(plan).kind === 'live') {
      throw new WriteTargetRefused('side_file', { file: name, plan: side[1] });
    }
  }

  if (insideProtected(key) || looksLikeBackup(real)) throw new WriteTargetRefused('backup', { file: name });

  if (openPlanAt(key, identity)) throw new WriteTargetRefused('open_here', { file: name });

  const held = heldRefusal(real, name) ?? (real === abs ? null : heldRefusal(abs, name));
  if (held) throw held;

  if (kind === 'document' && isSqliteFile(real)) throw new WriteTargetRefused('is_plan', { file: name });
  return abs;
}

/** A plan target checked and held (its lock taken) while it is written. */
export interface ReservedTarget {
  path: string;
  /** Let go of the target's lock (before opening the new plan). */
  release(): void;
}

/**
 * checkWriteTarget for a plan, then take the target's lock for the time of the write, so no other
 * PlanDesk starts editing the file between the check and the rename. Where no lock can be written
 * (a folder that does not exist or is read-only) the write itself fails and says why.
 */
export function reservePlanTarget(file: string): ReservedTarget {
  const target = checkWriteTarget(file, 'plan');
  let release = () => {};
  try {
    const lock = acquireLock(realLocation(target));
    release = () => lock.release();
  } catch (e) {
    if (e instanceof LockedError) {
      throw new WriteTargetRefused('held', { file: path.basename(target), user: e.owner.user, host: e.owner.host, since: e.owner.since });
    }
  }
  return { path: target, release };
}
