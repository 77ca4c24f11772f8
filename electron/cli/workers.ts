// Where `plandesk` finds the worker bundles it reads spreadsheets in (import-worker.cjs,
// transfer-worker.cjs, built by scripts/build.mjs into dist/electron/): the same workers, heap cap
// and wall time as the app's import (excel/worker-limits.ts), so a huge .ods ends in a clear
// "too big" refusal, not in a process that eats the machine's memory.
import fs from 'node:fs';
import path from 'node:path';
import { PlanDeskError } from '../engine/errors';

/** The worker folder: the one given (tests), else dist/electron beside the built CLI (dist/cli). */
export function workerDir(given?: string): string {
  const candidates = given ? [given] : [path.join(__dirname, '..', 'electron'), path.join(__dirname, '..', '..', 'dist', 'electron')];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, 'import-worker.cjs'))) return dir;
  throw new PlanDeskError('error.internal', { detail: `import-worker.cjs not found (npm run build)` });
}
