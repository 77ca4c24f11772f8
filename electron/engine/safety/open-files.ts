// The Workspace's open plan file, kept safe: opening (through GuardedFile: locks, read-only, crash
// check, journal mode, backups), running commands under the lock, and the file-level operations of
// issue 7 that replace the open file — restore from a backup, take over a lock, open a new cycle.
// It is the HistoryHost that history/backup commands reach from their session.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, SafetyStatus } from '../../../shared/commands/history';
import { commandArgs, type CommandName, type CommandResults, type FileInfo } from '../../../shared/ipc';
import { BackupStore, type BackupEntry } from '../backup/backup-store';
import { replaceWithBackup } from '../backup/restore';
import { backupSettings } from '../backup/settings';
import { PlanDeskError } from '../errors';
import { AuditLog } from '../history/audit-log';
import { stepLabel } from '../../../shared/step-label';
import { commandHandlers } from '../commands';
import type { HistoryHost } from '../history/host';
import { transferJobs } from '../transfer/jobs';
import type { PlanSession } from '../session';
import { GuardedFile, LockLostError, type GuardOptions, type OpenRequest } from './guarded-file';
import { inspectLock } from './lock-file';
import { inspectCycleFile } from '../store/db';
import { checkWriteTarget, protectFolder } from './write-target';
import { systemClock } from '../clock';

const publicBackup = ({ id, at, reason, size }: BackupEntry): BackupInfo => ({ id, at, reason, size });

export class OpenFiles implements HistoryHost {
  private current: GuardedFile | null = null;
  /** The last file that failed to open because it is damaged (its backups can restore it). */
  private damaged: string | null = null;

  constructor(
    private readonly options: GuardOptions,
    /** Called with every file opened (the recent list). */
    private readonly opened: (file: string) => void = () => {},
  ) {
    // The backups are the app's own: no Save a copy, export or --out may write into them.
    if (options.dataDir) protectFolder(path.join(options.dataDir, 'backups'));
  }

  get session(): PlanSession | null {
    return this.current?.session ?? null;
  }

  get guarded(): GuardedFile | null {
    return this.current;
  }

  open(file: string, req: OpenRequest = {}): FileInfo {
    const target = path.resolve(file);
    const reopening = this.current?.path === target;
    // The same file again (take over, restore, read-only ↔ editing): let go of it first, or our
    // own lock would make the new open read-only.
    if (reopening) this.closeCurrent();
    let next: GuardedFile;
    try {
      next = GuardedFile.open(target, req, this.options);
    } catch (e) {
      if ((e as PlanDeskError).code?.startsWith('error.damaged')) this.damaged = target;
      if (reopening && !req.readOnly) {
        // Keep showing the file rather than nothing.
        try {
          this.adopt(GuardedFile.open(target, { readOnly: true }, this.options));
        } catch {
          // Nothing more to try: the error below says what happened.
        }
      }
      throw e;
    }
    if (this.damaged === target) this.damaged = null;
    if (!reopening) this.closeCurrent();
    this.adopt(next);
    this.opened(target);
    return next.session.info;
  }

  private adopt(g: GuardedFile): void {
    this.current = g;
    // The commands' services, passed in: this workspace as their host, the host's import jobs.
    g.session.services = { host: this, jobs: transferJobs, clock: this.options.clock ?? systemClock };
  }

  private closeCurrent(): void {
    const c = this.current;
    this.current = null;
    c?.close();
  }

  /**
   * Run one command on the open file: the lock must still be ours (if another PlanDesk took it
   * over, the file is reopened read-only and the command refused), imports get a backup first,
   * changes schedule a checkpoint and the hourly backup.
   */
  async run<K extends CommandName>(name: K, args: unknown): Promise<CommandResults[K]> {
    const g = this.current;
    if (!g) throw new PlanDeskError('error.no_file');
    if (!Object.hasOwn(commandArgs, name)) throw new PlanDeskError('error.invalid_args', { detail: String(name) });
    try {
      g.beforeCommand(commandHandlers[name].backupFirst === true);
    } catch (e) {
      if (e instanceof LockLostError) {
        try {
          this.open(g.path, { readOnly: true });
        } catch {
          // The refusal below is what matters.
        }
      }
      throw e;
    }
    const value = await g.session.handle(name, args);
    if (this.current === g) g.afterCommand();
    return value;
  }

  close(): void {
    this.closeCurrent();
  }

  // ---- HistoryHost ------------------------------------------------------------------------------

  status(): SafetyStatus {
    if (!this.current) throw new PlanDeskError('error.no_file');
    return this.current.status();
  }

  takeOver(): FileInfo {
    const g = this.current;
    if (!g) throw new PlanDeskError('error.no_file');
    return this.open(g.path, { takeOver: true });
  }

  private storeFor(file: string): BackupStore | null {
    return this.options.dataDir ? new BackupStore(this.options.dataDir, file) : null;
  }

  listBackups(): { backups: BackupInfo[]; keep: number; damaged: { name: string; backups: BackupInfo[] } | null } {
    const g = this.current;
    const keep = g ? backupSettings(g.session.setting('backup')).keep : backupSettings(null).keep;
    const damagedStore = this.damaged ? this.storeFor(this.damaged) : null;
    return {
      backups: (g?.backups?.list() ?? []).map(publicBackup),
      keep,
      damaged: this.damaged && damagedStore ? { name: path.basename(this.damaged), backups: damagedStore.list().map(publicBackup) } : null,
    };
  }

  async backupNow(): Promise<BackupInfo | null> {
    const g = this.current;
    if (!g) throw new PlanDeskError('error.no_file');
    if (!g.writable) throw new PlanDeskError('error.read_only');
    const entry = await g.backupNow();
    return entry ? publicBackup(entry) : null;
  }

  restore(id: string, damaged: boolean): { file: FileInfo; backup: BackupInfo } {
    const target = damaged ? this.damaged : (this.current?.path ?? null);
    if (!target) throw new PlanDeskError('error.no_file');
    const store = this.storeFor(target);
    const entry = store?.find(id);
    if (!store || !entry) throw new PlanDeskError('error.backup_missing');
    const g = this.current;
    if (g && g.path === target) {
      if (!g.writable) throw new PlanDeskError('error.read_only');
      // The state being replaced becomes a backup itself: a restore can be undone by restoring it.
      g.snapshot('restore');
      this.closeCurrent();
    } else {
      const lock = inspectLock(target);
      if (lock.kind === 'live') throw new PlanDeskError('error.locked', { user: lock.owner.user, host: lock.owner.host, since: lock.owner.since });
      if (fs.existsSync(target)) store.copyFile(target, 'damaged');
    }
    try {
      replaceWithBackup(target, entry, { keepAside: damaged });
    } catch (e) {
      // Nothing was replaced: bring the file back as it was.
      if (g && g.path === target && !this.current) this.open(target);
      throw e;
    }
    const file = this.open(target);
    const when = new Date(entry.at).toLocaleString('vi-VN', { timeZone: process.env.TZ || undefined });
    if (this.current?.writable) new AuditLog(this.current.session.db).note('restore', stepLabel('history.note.restored', { when }));
    return { file, backup: publicBackup(entry) };
  }

  /** Before a plan file is overwritten by a new one: refuse if someone has it open, back it up. */
  beforeReplace(file: string): void {
    const target = path.resolve(file);
    // Never a plan another window or PlanDesk holds, nor a plan's -wal/-shm, lock or backup: the one
    // check (write-target.ts). Our own open file is let go of below, before it is replaced.
    if (this.current?.path !== target) checkWriteTarget(target, 'plan');
    if (!fs.existsSync(target)) return;
    try {
      inspectCycleFile(target);
    } catch {
      return; // Not a plan (or not one we can read): nothing of ours to keep.
    }
    if (this.current?.path === target) {
      // Our own open file: back up its exact state, and let go of it before it is replaced.
      this.current.snapshot('replaced');
      this.closeCurrent();
    } else {
      this.storeFor(target)?.copyFile(target, 'replaced');
    }
  }

  snapshot(reason: 'import' | 'manual'): BackupInfo | null {
    const g = this.current;
    if (!g || !g.writable) return null;
    const entry = g.snapshot(reason);
    return entry ? publicBackup(entry) : null;
  }

  openFile(file: string): FileInfo {
    return this.open(file);
  }
}
