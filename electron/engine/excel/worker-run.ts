// Run one job in a fresh worker thread with the limits every spreadsheet job needs: Cancel (an
// AbortSignal), a wall-time limit and a heap limit. Whatever happens — a pathological file, a
// reader that never yields, memory exhaustion — the job ends in a clear ImportError/PlanDeskError
// and the worker is terminated; the calling thread is never stalled or crashed.
import { Worker } from 'node:worker_threads';
import { PlanDeskError } from '../errors';
import { ImportError } from './errors';
import { WORKER_LIMITS } from './worker-limits';

export interface WorkerLimits {
  signal?: AbortSignal;
  /** Wall-time limit. */
  timeoutMs: number;
  /** Heap limit of the worker in MB (default WORKER_LIMITS.maxHeapMb). */
  maxHeapMb?: number;
  /**
   * On Cancel: null stops the thread at once; a number first asks the job to stop (message
   * `{type: 'cancel'}`) and stops the thread after that many ms if it has not (a synchronous reader
   * cannot see the request).
   */
  cancelGraceMs: number | null;
  /** Names the worker in an unexpected-exit message. */
  label: string;
}

interface WorkerMessage {
  type: string;
  code?: string;
  params?: Record<string, string | number>;
  [k: string]: unknown;
}

/**
 * Start `workerFile`, send it `start`, and resolve with `onDone(message)` for its `done` message.
 * `onMessage` sees every other message (e.g. progress).
 */
export function runWorker<T>(
  workerFile: string,
  start: unknown,
  limits: WorkerLimits,
  onDone: (m: WorkerMessage) => T,
  onMessage?: (m: WorkerMessage) => void,
): Promise<T> {
  const { signal, timeoutMs, maxHeapMb = WORKER_LIMITS.maxHeapMb, cancelGraceMs, label } = limits;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new ImportError('excel.error.cancelled'));
    const worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: WORKER_LIMITS.youngHeapMb } });
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
    const cancelled = () => finish(() => reject(new ImportError('excel.error.cancelled')));
    const onAbort = () => {
      if (cancelGraceMs === null) return cancelled();
      worker.postMessage({ type: 'cancel' });
      setTimeout(cancelled, cancelGraceMs).unref();
    };
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'done') finish(() => resolve(onDone(m)));
      else if (m.type === 'error') {
        finish(() => reject(m.code!.startsWith('excel.') ? ImportError.received(m.code!, m.params) : PlanDeskError.received(m.code!, m.params)));
      } else onMessage?.(m);
    });
    worker.on('error', (e) => {
      const oom = /heap|memory|ERR_WORKER_OUT_OF_MEMORY/i.test(String((e as { code?: string }).code ?? '') + e.message);
      finish(() => reject(oom ? new ImportError('excel.error.too_large', {}, { cause: e }) : new PlanDeskError('error.internal', { detail: e.message.slice(0, 300) })));
    });
    worker.on('exit', (code) => finish(() => reject(new PlanDeskError('error.internal', { detail: `${label} worker exited (${code})` }))));
    worker.postMessage(start);
  });
}
