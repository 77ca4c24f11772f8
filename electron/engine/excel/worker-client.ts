// Run an import in a worker thread (import-worker.ts, built to dist/electron/import-worker.cjs):
// the caller's thread stays free, Cancel aborts, and the worker's heap and wall time are capped —
// so even a synchronous reader (SheetJS, for .xls/.ods) that meets a pathological file ends in a
// clear refusal: the worker is terminated, nothing else is affected.
import type { ImportInput, ImportOptions, ImportResult } from './import';
import { unpackResult, type PackedResult } from './result-codec';
import { WORKER_LIMITS } from './worker-limits';
import { runWorker } from './worker-run';

export interface WorkerImportOptions extends ImportOptions {
  /** Wall-time limit (default WORKER_LIMITS.importTimeoutMs). */
  timeoutMs?: number;
  /** Heap limit of the worker in MB (default WORKER_LIMITS.maxHeapMb). */
  maxHeapMb?: number;
}

export function importInWorker(workerFile: string, input: ImportInput, opts: WorkerImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress, timeoutMs = WORKER_LIMITS.importTimeoutMs, maxHeapMb = WORKER_LIMITS.maxHeapMb, ...rest } = opts;
  return runWorker(
    workerFile,
    { type: 'start', input, opts: rest },
    { signal, timeoutMs, maxHeapMb, cancelGraceMs: 500, label: 'import' },
    (m) => unpackResult(m.packed as PackedResult),
    (m) => {
      if (m.type === 'progress') onProgress?.(m.fraction as number);
    },
  );
}
