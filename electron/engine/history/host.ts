// What the history and backup commands need beyond one session: the workspace that owns the open
// file (its lock, backups and safety status; restoring and creating files swaps the open file).
// The Workspace passes itself to each session it opens, as a service (context.ts, Services.host); a
// session opened without one (the CLI, engine tests) has no host, and those commands say so.
import type { BackupInfo, SafetyStatus } from '../../../shared/commands/history';
import type { FileInfo } from '../../../shared/ipc';
import { PlanDeskError } from '../errors';

export interface HistoryHost {
  status(): SafetyStatus;
  takeOver(): FileInfo;
  listBackups(): { backups: BackupInfo[]; keep: number; damaged: { name: string; backups: BackupInfo[] } | null };
  backupNow(): Promise<BackupInfo | null>;
  restore(id: string, damaged: boolean): { file: FileInfo; backup: BackupInfo };
  /**
   * A backup of exactly the current state, now (skipped when nothing changed since the last one).
   * A command whose handler declares `backupFirst` (context.ts, withBackupFirst) gets one
   * automatically before it runs.
   */
  snapshot(reason: 'import' | 'manual'): BackupInfo | null;
  /** Open another plan file in place of the current one (a new cycle just created). */
  openFile(file: string): FileInfo;
}

/** The host given to the session, or the refusal of a session opened without one. */
export function hostOf(ctx: { readonly services: { readonly host?: HistoryHost | null } }): HistoryHost {
  const h = ctx.services.host;
  if (!h) throw new PlanDeskError('error.no_workspace');
  return h;
}
