// Run an import in a worker thread (import-worker.ts, built to dist/electron/import-worker.cjs):
// the caller's thread stays free, Cancel aborts, and the worker's heap and wall time are capped —
// so even a synchronous reader (SheetJS, for .xls/.ods) that meets a pathological file ends in a
// clear refusal: the worker is terminated, nothing else is affected.
import { Worker } from 'node:worker_threads';
import type { ExcelMessageKey } from '../../../shared/i18n/excel';
import { ImportError } from './errors';
import type { ImportInput, ImportOptions, ImportResult } from './import';
import { PlanDeskError } from '../errors';
import { unpackResult, type PackedResult } from './result-codec';

export interface WorkerImportOptions extends ImportOptions {
  /** Wall-time limit (default 5 minutes). */
  timeoutMs?: number;
  /** Heap limit of the worker in MB (default 1536). */
  maxHeapMb?: number;
}

export function importInWorker(workerFile: string, input: ImportInput, opts: WorkerImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress, timeoutMs = 5 * 60_000, maxHeapMb = 1536, ...rest } = opts;
  return new Promise<ImportResult>((resolve, reject) => {
    if (signal?.aborted) return reject(new ImportError('excel.error.cancelled'));
    // A roomy young generation: imports allocate many short-lived objects.
    const worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64 } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new ImportError('excel.error.timeout', { seconds: Math.round(timeoutMs / 1000) }))), timeoutMs);
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' });
      // A synchronous reader cannot see the flag: stop the thread if it does not answer soon.
      setTimeout(() => finish(() => reject(new ImportError('excel.error.cancelled'))), 500).unref();
    };
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: { type: string; fraction?: number; packed?: PackedResult; code?: string; params?: Record<string, string | number> }) => {
      if (m.type === 'progress') onProgress?.(m.fraction!);
      else if (m.type === 'done') finish(() => resolve(unpackResult(m.packed!)));
      else if (m.type === 'error') {
        finish(() => reject(m.code!.startsWith('excel.') ? new ImportError(m.code as ExcelMessageKey, m.params) : new PlanDeskError(m.code!, m.params)));
      }
    });
    worker.on('error', (e) => {
      const oom = /heap|memory|ERR_WORKER_OUT_OF_MEMORY/i.test(String((e as { code?: string }).code ?? '') + e.message);
      finish(() => reject(oom ? new ImportError('excel.error.too_large', {}, { cause: e }) : new PlanDeskError('error.internal', { detail: e.message.slice(0, 300) })));
    });
    worker.on('exit', (code) => finish(() => reject(new PlanDeskError('error.internal', { detail: `import worker exited (${code})` }))));
    worker.postMessage({ type: 'start', input, opts: rest });
  });
}
