// Run one task of transfer-worker.ts in a fresh worker thread, as the engine's importInWorker runs
// an import: Cancel (an AbortSignal), a wall-time limit and a heap limit, so a pathological file
// ends in a clear refusal and never in a stalled or crashed host.
import { Worker } from 'node:worker_threads';
import type { ExcelMessageKey } from '../../../shared/i18n/excel';
import { PlanDeskError } from '../errors';
import { ImportError } from '../excel';
import type { TransferTask } from './transfer-worker';

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxHeapMb?: number;
}

export function runTransferTask<T>(workerFile: string, task: TransferTask, opts: RunOptions = {}): Promise<T> {
  const { signal, timeoutMs = 2 * 60_000, maxHeapMb = 1536 } = opts;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new ImportError('excel.error.cancelled'));
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
    // A synchronous reader cannot see the flag: the thread is stopped at once (it writes nothing).
    const onAbort = () => finish(() => reject(new ImportError('excel.error.cancelled')));
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: { type: string; value?: unknown; code?: string; params?: Record<string, string | number> }) => {
      if (m.type === 'done') finish(() => resolve(m.value as T));
      else if (m.type === 'error') {
        finish(() => reject(m.code!.startsWith('excel.') ? new ImportError(m.code as ExcelMessageKey, m.params) : new PlanDeskError(m.code!, m.params)));
      }
    });
    worker.on('error', (e) => {
      const oom = /heap|memory|ERR_WORKER_OUT_OF_MEMORY/i.test(String((e as { code?: string }).code ?? '') + e.message);
      finish(() => reject(oom ? new ImportError('excel.error.too_large', {}, { cause: e }) : new PlanDeskError('error.internal', { detail: e.message.slice(0, 300) })));
    });
    worker.on('exit', (code) => finish(() => reject(new PlanDeskError('error.internal', { detail: `transfer worker exited (${code})` }))));
    worker.postMessage(task);
  });
}
