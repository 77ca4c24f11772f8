// The per-cycle backup policy, kept in the cycle file under the settings key 'backup'
// ('settings/set' stores it, undoably): how many backups to keep and how often to make one while
// the plan is being edited. Anything missing or out of range falls back to the defaults.
import { z } from 'zod';

export interface BackupSettings {
  /** Automatic backups kept per plan file (older ones are deleted). */
  keep: number;
  /** While editing, at most this long between backups. */
  intervalMinutes: number;
  /** Backups can be turned off for a cycle (not recommended). */
  enabled: boolean;
}

export const BACKUP_DEFAULTS: BackupSettings = { keep: 20, intervalMinutes: 60, enabled: true };

const schema = z
  .object({
    keep: z.number().int().min(1).max(1000),
    intervalMinutes: z.number().int().min(1).max(7 * 24 * 60),
    enabled: z.boolean(),
  })
  .partial();

export function backupSettings(raw: unknown): BackupSettings {
  const parsed = schema.safeParse(raw ?? {});
  return { ...BACKUP_DEFAULTS, ...(parsed.success ? parsed.data : {}) };
}
