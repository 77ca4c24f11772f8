// Opening a plan file the safe way, and looking after it while it is open:
//  - refuse what is not ours, from a newer PlanDesk, or cut short — before writing anything;
//  - read-only when asked, when the file or its folder cannot be written, or when another PlanDesk
//    holds its lock (who, where, since when are kept for the UI to say);
//  - the rollback journal instead of WAL on network shares (see network-share.ts);
//  - after a crash (a stale lock), PRAGMA quick_check, and read-only if the file is damaged;
//  - automatic backups: on open, at most every `intervalMinutes` while editing, before imports;
//  - WAL checkpoints shortly after edits, so a copy of the file taken while PlanDesk is open
//    (to a USB stick) holds the latest edits.
import path from 'node:path';
import type { LockOwnerInfo, SafetyStatus } from '../../../shared/commands/history';
import { backupSettings } from '../backup/settings';
import { BackupStore, type BackupEntry, type BackupReason } from '../backup/backup-store';
import { PlanDeskError, toBridgeError } from '../errors';
import { AuditLog } from '../history/audit-log';
import { PlanSession } from '../session';
import { inspectCycleFile } from '../store/db';
import { isCorruption, quickCheck, truncation, writeProblem } from './file-checks';
import { acquireLock, LockedError, type LockHandle, type LockOwner } from './lock-file';
import { isNetworkPath } from './network-share';
import { registerOpenPlan } from './write-target';
import type { Clock } from '../clock';

export interface GuardOptions {
  /** The app's data folder (backups go in <dataDir>/backups); null: no backups. */
  dataDir?: string | null;
  /** Network-share detection (tests inject their own). */
  isNetworkPath?: (file: string) => boolean;
  /** Pages copied per step of an online backup (bench). */
  backupPagesPerStep?: number;
  /** Idle time before a WAL checkpoint after edits. */
  checkpointDelayMs?: number;
  /** What time it is for the change log and revisions (tests fix it); the machine's clock by default. */
  clock?: Clock;
}

export interface OpenRequest {
  readOnly?: boolean;
  /** Take the lock although another PlanDesk holds it (the user chose to). */
  takeOver?: boolean;
}

/** The lock was taken over by another PlanDesk while this one had the file open. */
export class LockLostError extends PlanDeskError<'error.lock_lost'> {
  constructor(owner: LockOwner | null) {
    super('error.lock_lost', { user: owner?.user ?? '?', host: owner?.host ?? '?', since: owner?.since ?? '' });
  }
}

let openCounter = 0;

const ownerInfo = (o: LockOwner, sameHost: boolean): LockOwnerInfo => ({ user: o.user, host: o.host, since: o.since, sameHost });

/** A damaged file: says so, and how many backups can bring it back. */
export function damagedError(file: string, store: BackupStore | null, cause?: unknown): PlanDeskError {
  const backups = store?.list() ?? [];
  return new PlanDeskError(
    backups.length ? 'error.damaged' : 'error.damaged_no_backup',
    { file: path.basename(file), backups: backups.length, latest: backups[0]?.at ?? '' },
    { cause },
  );
}

export class GuardedFile {
  private closed = false;
  private running: Promise<unknown> | null = null;
  private lastBackupAt = 0;
  private lastMarker = -1;
  private lastError: string | null = null;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private readonly audit: AuditLog;
  /** Forgets this file in write-target.ts's list of plans open here (nothing may write over it meanwhile). */
  private readonly forgetOpen: () => void;
  readonly openId = ++openCounter;

  private constructor(
    readonly session: PlanSession,
    private lock: LockHandle | null,
    private readonly base: Omit<SafetyStatus, 'backups' | 'openId' | 'readOnly'>,
    readonly backups: BackupStore | null,
    private readonly opts: GuardOptions,
  ) {
    // The host's clock, as the session's own change log uses (Services.clock).
    this.audit = new AuditLog(session.db, opts.clock);
    this.forgetOpen = registerOpenPlan(base.path);
    this.lastMarker = this.writable ? this.audit.marker() : -1;
  }

  get path(): string {
    return this.session.info.path;
  }

  get writable(): boolean {
    return !this.session.info.readOnly;
  }

  static open(file: string, req: OpenRequest, opts: GuardOptions): GuardedFile {
    const abs = path.resolve(file);
    inspectCycleFile(abs);
    const store = opts.dataDir ? new BackupStore(opts.dataDir, abs) : null;
    const cut = truncation(abs);
    if (cut) throw damagedError(abs, store, new Error(`file is ${cut.actual} bytes, its header says ${cut.expected}`));

    let readOnlyReason: SafetyStatus['readOnlyReason'] = req.readOnly ? 'user' : null;
    let cannotWrite: SafetyStatus['writeProblem'] = req.readOnly ? null : writeProblem(abs);
    if (cannotWrite) readOnlyReason = 'file';
    const network = (opts.isNetworkPath ?? isNetworkPath)(abs);
    const journalMode = network ? 'delete' : 'wal';

    let lock: LockHandle | null = null;
    let lockedBy: LockOwnerInfo | null = null;
    if (!readOnlyReason) {
      try {
        lock = acquireLock(abs, { force: req.takeOver });
      } catch (e) {
        if (e instanceof LockedError) {
          readOnlyReason = 'locked';
          lockedBy = ownerInfo(e.owner, e.sameHost);
        } else if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes((e as NodeJS.ErrnoException).code ?? '')) {
          // No lock file can be written beside the plan: it can be read, not edited.
          readOnlyReason = 'file';
          const code = (e as NodeJS.ErrnoException).code;
          cannotWrite = code === 'ENOSPC' ? 'full' : code === 'EROFS' ? 'medium' : 'permission';
        } else {
          throw e;
        }
      }
    }

    const openSession = (readOnly: boolean) => {
      try {
        return PlanSession.open(abs, {
          readOnly,
          journalMode,
          beforeMigrate: store ? (f) => void store.copyFile(f, 'migration') : undefined,
        });
      } catch (e) {
        const cause = (e as { cause?: unknown }).cause;
        if (isCorruption(e) || isCorruption(cause)) throw damagedError(abs, store, e);
        throw e;
      }
    };

    let session: PlanSession;
    try {
      session = openSession(!!readOnlyReason);
    } catch (e) {
      lock?.release();
      throw e;
    }

    let recovered: SafetyStatus['recovered'] = null;
    if (lock?.previous) {
      // The previous holder crashed (or was overruled): check the file before anyone edits it.
      const problems = quickCheck(session.db);
      if (lock.previous.stale) {
        recovered = { owner: ownerInfo(lock.previous.owner, true), check: problems.length ? 'failed' : 'ok', problems };
      }
      if (problems.length) {
        session.close();
        lock.release();
        lock = null;
        readOnlyReason = 'damaged';
        session = openSession(true);
      }
    }

    const guarded = new GuardedFile(session, lock, { path: abs, readOnlyReason, writeProblem: cannotWrite, lockedBy, recovered, networkShare: network, journalMode }, store, opts);
    guarded.backupOnOpen();
    return guarded;
  }

  private settings() {
    return backupSettings(this.session.setting('backup'));
  }

  status(): SafetyStatus {
    const list = this.backups?.list() ?? [];
    return {
      ...this.base,
      readOnly: !this.writable,
      backups: { enabled: !!this.backups && this.settings().enabled, count: list.length, latest: list[0]?.at ?? null, lastError: this.lastError },
      openId: this.openId,
    };
  }

  private backupOnOpen(): void {
    if (!this.writable || !this.backups || !this.settings().enabled) return;
    // Also clears half-written backups a crash left behind.
    this.backups.prune(this.settings().keep);
    const latest = this.backups.latest();
    this.lastBackupAt = Date.now();
    if (latest && latest.marker === this.lastMarker && latest.reason !== 'migration') return;
    this.startBackup('open');
  }

  private startBackup(reason: BackupReason): Promise<BackupEntry | null> {
    const store = this.backups!;
    const { keep } = this.settings();
    this.lastBackupAt = Date.now();
    const job = store
      .online(this.session.db, reason, this.audit.marker(), { pagesPerStep: this.opts.backupPagesPerStep, shouldStop: () => this.closed })
      .then(
        (entry) => {
          this.lastError = null;
          store.prune(keep);
          return entry as BackupEntry | null;
        },
        (e) => {
          if (!this.closed) this.lastError = toBridgeError(e).code;
          return null;
        },
      );
    const tracked: Promise<unknown> = job.finally(() => {
      if (this.running === tracked) this.running = null;
    });
    this.running = tracked;
    return job;
  }

  /** A backup now (File → Restore from backup → Back up now). Waits for one already running. */
  async backupNow(): Promise<BackupEntry | null> {
    if (!this.backups) return null;
    if (this.running) await this.running;
    if (this.closed) return null;
    if (!this.writable) return null;
    const entry = await this.startBackup('manual');
    if (!entry && this.lastError) throw PlanDeskError.received(this.lastError);
    return entry;
  }

  /** A synchronous backup of exactly the current state (before an import or a restore). */
  snapshot(reason: BackupReason): BackupEntry | null {
    if (!this.backups || !this.settings().enabled) return null;
    const marker = this.audit.marker();
    const latest = this.backups.latest();
    if (latest && latest.marker === marker && latest.reason !== 'migration') return latest;
    try {
      const entry = this.backups.snapshot(this.session.db, reason, marker);
      this.lastError = null;
      this.backups.prune(this.settings().keep);
      return entry;
    } catch (e) {
      this.lastError = toBridgeError(e).code;
      return null;
    }
  }

  /**
   * Before a command: the lock must still be ours; a command that declared `backupFirst` (an import,
   * see Handler in context.ts) gets a backup of the plan as it is first.
   */
  beforeCommand(backupFirst: boolean): void {
    if (!this.writable) return;
    if (this.lock && !this.lock.stillOurs()) throw new LockLostError(this.lock.currentOwner());
    if (backupFirst) this.snapshot('import');
  }

  /** After a command: if it changed the plan, schedule a checkpoint and maybe an hourly backup. */
  afterCommand(): void {
    if (!this.writable || this.closed) return;
    const marker = this.audit.marker();
    if (marker === this.lastMarker) return;
    this.lastMarker = marker;
    this.scheduleCheckpoint();
    const s = this.settings();
    if (this.backups && s.enabled && !this.running && Date.now() - this.lastBackupAt >= s.intervalMinutes * 60_000) {
      void this.startBackup('hourly');
    }
  }

  private scheduleCheckpoint(): void {
    if (this.base.journalMode !== 'wal') return;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      if (this.closed) return;
      try {
        this.session.db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // A checkpoint that cannot run now (disk full, a reader) runs at the next one or at close.
      }
    }, this.opts.checkpointDelayMs ?? 1500);
    this.checkpointTimer.unref?.();
  }

  /** A running backup (tests wait for it). */
  idle(): Promise<unknown> {
    return this.running ?? Promise.resolve();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    try {
      this.session.close();
    } finally {
      this.lock?.release();
      this.lock = null;
      this.forgetOpen();
    }
  }
}
