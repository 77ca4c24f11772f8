// One writer per plan file. A small lock file beside the plan (".~lock.<name>#", the convention
// LibreOffice uses, so people recognise it) names who holds it: OS user, computer, process, since
// when. It works across PCs on a shared folder, where OS file locks are unreliable. A lock left by a
// process that is gone — on this computer: the process is dead or the computer restarted since —
// is stale: the previous session crashed, and the file is checked before use.
// On another computer liveness cannot be known: the UI says who and since when and offers read-only
// (or, deliberately, taking the lock over).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { identity } from './identity';

export interface LockOwner {
  app: 'PlanDesk';
  user: string;
  host: string;
  pid: number;
  /** ISO time the lock was taken. */
  since: string;
  /** When the holder's computer booted (ms since epoch): a reboot makes the lock stale. */
  boot: number;
  token: string;
}

export type LockState =
  | { kind: 'free' }
  | { kind: 'live'; owner: LockOwner; sameHost: boolean }
  | { kind: 'stale'; owner: LockOwner };

/** Locks held by this process, by lock path (another window of this process holds them too). */
const heldHere = new Map<string, LockHandle>();

export function lockPathFor(file: string): string {
  const abs = path.resolve(file);
  return path.join(path.dirname(abs), `.~lock.${path.basename(abs)}#`);
}

function bootTime(): number {
  return Date.now() - os.uptime() * 1000;
}

/** Within this many ms two boot times are the same boot (uptime is rounded, clocks drift). */
const BOOT_SLACK_MS = 120_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.user === 'string' && typeof o.host === 'string' && typeof o.pid === 'number' && typeof o.token === 'string') {
      return { app: 'PlanDesk', user: o.user, host: o.host, pid: o.pid, since: String(o.since ?? ''), boot: Number(o.boot ?? 0), token: o.token };
    }
  } catch {
    // A half-written lock (the writer died mid-write): nobody can be relying on it.
  }
  return 'unreadable';
}

/** Whether `owner` is still running: only knowable on this computer. */
function assess(lockPath: string, owner: LockOwner): LockState {
  const me = identity();
  const sameHost = owner.host.toLowerCase() === me.host.toLowerCase();
  if (!sameHost) return { kind: 'live', owner, sameHost: false };
  if (Math.abs(owner.boot - bootTime()) > BOOT_SLACK_MS) return { kind: 'stale', owner };
  if (owner.pid === process.pid) {
    const held = heldHere.get(lockPath);
    return held && held.token === owner.token ? { kind: 'live', owner, sameHost: true } : { kind: 'stale', owner };
  }
  return processAlive(owner.pid) ? { kind: 'live', owner, sameHost: true } : { kind: 'stale', owner };
}

export function inspectLock(file: string): LockState {
  const lockPath = lockPathFor(file);
  const owner = readOwner(lockPath);
  if (owner === null) return { kind: 'free' };
  if (owner === 'unreadable') {
    const stale: LockOwner = { app: 'PlanDesk', user: '?', host: '?', pid: 0, since: '', boot: 0, token: '' };
    return { kind: 'stale', owner: stale };
  }
  return assess(lockPath, owner);
}

export class LockedError extends Error {
  constructor(readonly owner: LockOwner, readonly sameHost: boolean) {
    super(`locked by ${owner.user}@${owner.host} since ${owner.since}`);
  }
}

export class LockHandle {
  private released = false;

  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner,
    /** The lock that was there before and found stale (a crashed session), or taken over. */
    readonly previous: { owner: LockOwner; stale: boolean } | null,
  ) {}

  get token(): string {
    return this.owner.token;
  }

  /** Whether the lock file still names us (someone may have taken it over from another PC). */
  stillOurs(): boolean {
    if (this.released) return false;
    const o = readOwner(this.lockPath);
    return o !== null && o !== 'unreadable' && o.token === this.owner.token;
  }

  /** Who holds the lock now, when it is no longer ours. */
  currentOwner(): LockOwner | null {
    const o = readOwner(this.lockPath);
    return o === null || o === 'unreadable' ? null : o;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    if (heldHere.get(this.lockPath) === this) heldHere.delete(this.lockPath);
    // Only remove the file while it still names us: a takeover's lock is not ours to delete.
    if (this.stillOursIgnoringRelease()) fs.rmSync(this.lockPath, { force: true });
  }

  private stillOursIgnoringRelease(): boolean {
    const o = readOwner(this.lockPath);
    return o !== null && o !== 'unreadable' && o.token === this.owner.token;
  }
}

/**
 * Take the lock of `file`. Free → ours; stale → ours (with `previous` telling about the crash);
 * live → LockedError, unless `force` (the user chose to take it over). Errors writing the lock
 * (read-only folder) are thrown as they are.
 */
export function acquireLock(file: string, opts: { force?: boolean } = {}): LockHandle {
  const lockPath = lockPathFor(file);
  const me = identity();
  const owner: LockOwner = {
    app: 'PlanDesk', user: me.user, host: me.host, pid: process.pid, since: new Date().toISOString(), boot: bootTime(),
    token: crypto.randomBytes(12).toString('hex'),
  };
  const body = JSON.stringify(owner);
  let previous: LockHandle['previous'] = null;
  try {
    // O_EXCL: of two PlanDesks opening at the same moment, exactly one creates the lock.
    fs.writeFileSync(lockPath, body, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
      // A full disk lets the lock file be created but not written: leave no empty lock behind.
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC') fs.rmSync(lockPath, { force: true });
      throw e;
    }
    const state = inspectLock(file);
    if (state.kind === 'live' && !opts.force) throw new LockedError(state.owner, state.sameHost);
    if (state.kind !== 'free') previous = { owner: state.owner, stale: state.kind === 'stale' };
    // Replace atomically, then read back: if two took over at once, the last rename wins.
    const tmp = `${lockPath}.${process.pid}.${owner.token}`;
    fs.writeFileSync(tmp, body);
    fs.renameSync(tmp, lockPath);
    const now = readOwner(lockPath);
    if (now === null || now === 'unreadable' || now.token !== owner.token) {
      if (now && now !== 'unreadable') throw new LockedError(now, now.host === me.host);
      throw e;
    }
  }
  const handle = new LockHandle(lockPath, owner, previous);
  heldHere.set(lockPath, handle);
  return handle;
}
