// Run one task of transfer-worker.ts in a fresh worker thread, as the engine's importInWorker runs
// an import: Cancel (an AbortSignal), a wall-time limit and a heap limit, so a pathological file
// ends in a clear refusal and never in a stalled or crashed host.
import { WORKER_LIMITS } from '../excel/worker-limits';
import { runWorker } from '../excel/worker-run';
import type { TransferTask } from './transfer-worker';

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxHeapMb?: number;
}

export function runTransferTask<T>(workerFile: string, task: TransferTask, opts: RunOptions = {}): Promise<T> {
  const { signal, timeoutMs = WORKER_LIMITS.lookTimeoutMs, maxHeapMb = WORKER_LIMITS.maxHeapMb } = opts;
  // These tasks write nothing: on Cancel the thread is stopped at once.
  return runWorker(workerFile, task, { signal, timeoutMs, maxHeapMb, cancelGraceMs: null, label: 'transfer' }, (m) => m.value as T);
}
