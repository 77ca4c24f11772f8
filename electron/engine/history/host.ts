// What the history and backup commands need beyond one session: the workspace that owns the open
// file (its lock, backups and safety status; restoring and creating files swaps the open file).
// The Workspace attaches itself to each session it opens; a session opened without one (the CLI,
// engine tests) has no host, and those commands say so.
import type { BackupInfo, SafetyStatus } from '../../../shared/commands/history';
import type { FileInfo } from '../../../shared/ipc';
import { PlanDeskError } from '../errors';
import type { SessionContext } from '../context';

export interface HistoryHost {
  status(): SafetyStatus;
  takeOver(): FileInfo;
  listBackups(): { backups: BackupInfo[]; keep: number; damaged: { name: string; backups: BackupInfo[] } | null };
  backupNow(): Promise<BackupInfo | null>;
  restore(id: string, damaged: boolean): { file: FileInfo; backup: BackupInfo };
  /**
   * A backup of exactly the current state, now (skipped when nothing changed since the last one).
   * Commands whose name contains "import" get one automatically before they run; an area that
   * changes the plan in bulk some other way calls this first: `maybeHostOf(ctx)?.snapshot('import')`.
   */
  snapshot(reason: 'import' | 'manual'): BackupInfo | null;
  /** Open another plan file in place of the current one (a new cycle just created). */
  openFile(file: string): FileInfo;
}

const hosts = new WeakMap<SessionContext, HistoryHost>();

export function attachHost(session: SessionContext, host: HistoryHost): void {
  hosts.set(session, host);
}

export function hostOf(ctx: SessionContext): HistoryHost {
  const h = hosts.get(ctx);
  if (!h) throw new PlanDeskError('error.no_workspace');
  return h;
}

export function maybeHostOf(ctx: SessionContext): HistoryHost | null {
  return hosts.get(ctx) ?? null;
}
