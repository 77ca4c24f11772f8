// The worker threads consolidation reads the units' files in (read-worker.ts): one per core, under
// the import's heap cap. Configured by the host that knows where the worker bundle is (the CLI,
// browser mode, the desktop app, the bench); where none is configured, files are read on the host's
// thread (engine tests). A worker that dies (a hostile file past its heap cap) refuses that file and
// is replaced; the others go on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PlanDeskError } from '../errors';
import { WORKER_LIMITS } from '../excel/worker-limits';
import type { Recognised } from './recognise';

const WORKER_FILE = 'consolidation-worker.cjs';
let workerFile: string | null = null;

/** Where the worker bundle is (dist/electron); a folder without it leaves reading on the host's thread. */
export function configureConsolidation(opts: { workerDir: string }): void {
  const f = path.join(opts.workerDir, WORKER_FILE);
  workerFile = fs.existsSync(f) ? f : null;
}

type Reply = { id: number; value?: Recognised; error?: { code?: string; params?: Record<string, string | number>; errno?: string | null; message?: string } };

export interface ReadPool {
  size: number;
  read(file: string): Promise<Recognised>;
  close(): Promise<void>;
}

/** A pool of readers, or null when no worker bundle is configured. */
export function openReadPool(size = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4))): ReadPool | null {
  if (!workerFile) return null;
  const file = workerFile;
  const pending = new Map<number, { resolve: (r: Recognised) => void; reject: (e: unknown) => void; worker: Worker }>();
  const idle: Worker[] = [];
  const waiting: (() => void)[] = [];
  let nextId = 1;
  const spawn = (): Worker => {
    const w = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.maxHeapMb, maxYoungGenerationSizeMb: WORKER_LIMITS.youngHeapMb } });
    w.on('message', (m: Reply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      release(w);
      if (m.value) return p.resolve(m.value);
      const e = m.error ?? {};
      if (e.code) p.reject(PlanDeskError.received(e.code, e.params ?? {}));
      else p.reject(Object.assign(new Error(e.message ?? 'error'), { code: e.errno ?? undefined }));
    });
    w.on('error', (err) => fail(w, err));
    w.on('exit', (code) => code !== 0 && fail(w, new Error(`worker exited (${code})`)));
    return w;
  };
  const workers = Array.from({ length: size }, spawn);
  idle.push(...workers);
  const release = (w: Worker) => {
    idle.push(w);
    waiting.shift()?.();
  };
  // A worker that died takes its file's read with it (refused as too big to read); a new one takes its place.
  const fail = (w: Worker, err: unknown) => {
    for (const [id, p] of pending) {
      if (p.worker !== w) continue;
      pending.delete(id);
      p.reject(new PlanDeskError('excel.error.too_large', {}, { cause: err }));
    }
    const i = workers.indexOf(w);
    if (i >= 0 && !closed) {
      const fresh = spawn();
      workers[i] = fresh;
      release(fresh);
    }
  };
  let closed = false;
  return {
    size,
    async read(f: string): Promise<Recognised> {
      while (!idle.length) await new Promise<void>((r) => waiting.push(r));
      const w = idle.pop()!;
      const id = nextId++;
      return new Promise<Recognised>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w });
        w.postMessage({ id, file: f });
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
