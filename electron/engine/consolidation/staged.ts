// Files dropped on the consolidation board come as bytes (the page has no paths: bridge.upload, the
// same upload the import's drop uses), one upload at a time — the upload store holds only two. Each
// is written at once into its batch's own temporary folder under the file's own name (the name
// tells the unit), and the collect reads that folder like any other; the folder is removed after.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlanDeskError } from '../errors';

/** Batches kept at once (an abandoned one past this is removed, oldest first). */
const MAX_BATCHES = 4;
const batches = new Map<string, { dir: string; files: number }>();

/** Keep one file's bytes in `batch` (a new one when absent); a name already there gets " (2)"… */
export function stageFile(batch: string | undefined, name: string, bytes: Uint8Array): { batch: string; files: number } {
  let b = batch === undefined ? undefined : batches.get(batch);
  if (batch !== undefined && !b) throw new PlanDeskError('transfer.error.upload_gone');
  let id = batch!;
  if (!b) {
    while (batches.size >= MAX_BATCHES) dropBatch(batches.keys().next().value!);
    id = crypto.randomUUID();
    b = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-units-')), files: 0 };
    batches.set(id, b);
  }
  const safe = path.basename(name.replace(/\\/g, '/')) || 'tep.xlsx';
  const ext = path.extname(safe);
  let file = path.join(b.dir, safe);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(b.dir, `${path.basename(safe, ext)} (${n})${ext}`);
  fs.writeFileSync(file, bytes, { flag: 'wx' });
  b.files++;
  return { batch: id, files: b.files };
}

/** The folder holding a batch's files (collected like any folder). */
export function batchFolder(batch: string): string {
  const b = batches.get(batch);
  if (!b) throw new PlanDeskError('transfer.error.upload_gone');
  return b.dir;
}

/** A batch collected (or abandoned): its folder removed. */
export function dropBatch(batch: string): void {
  const b = batches.get(batch);
  if (!b) return;
  batches.delete(batch);
  fs.rmSync(b.dir, { recursive: true, force: true });
}
