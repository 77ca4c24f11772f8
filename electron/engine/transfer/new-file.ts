// "Create a new cycle file" from an import: the imported plan in a file of its own, written under a
// temporary name and renamed into place (never over an existing plan), carrying the open cycle's
// saved column mappings (so the next file from the same department reads the same way) and an audit
// note saying which spreadsheet it came from.
import fs from 'node:fs';
import path from 'node:path';
import type { CycleData } from '../../../shared/model';
import { PlanDeskError } from '../errors';
import { AuditLog } from '../history/audit-log';
import { stepLabel } from '../../../shared/step-label';
import { writeCycle, writePlanFile } from '../store/cycle-file';
import type { DB } from '../store/db';

export function writeImportedCycle(file: string, data: CycleData, opts: { source: string; openFile?: string; settings?: Record<string, unknown> }): string {
  const target = path.resolve(file);
  if (opts.openFile && target === path.resolve(opts.openFile)) throw new PlanDeskError('error.same_file');
  if (fs.existsSync(target)) throw new PlanDeskError('error.exists', { file: path.basename(target) });
  // writePlanFile makes the one check before a write (not a plan's -wal/-shm/lock, a backup, a plan held elsewhere).
  writeNewFile(target, data, opts);
  return target;
}

function writeNewFile(target: string, data: CycleData, opts: { source: string; settings?: Record<string, unknown> }): void {
  const fill = (db: DB) => {
    writeCycle(db, data);
    const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    for (const [k, v] of Object.entries(opts.settings ?? {})) if (v !== undefined && v !== null) setMeta.run(k, JSON.stringify(v));
    new AuditLog(db).note('created', stepLabel('transfer.note.created', { source: opts.source }));
  };
  writePlanFile(target, fill);
}
