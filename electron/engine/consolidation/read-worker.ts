// Worker-thread entry of consolidation (bundled to dist/electron/consolidation-worker.cjs by
// scripts/build.mjs): reads one unit's file at a time (recognise.ts) off the host's thread, so
// 3.300 files are read on every core and a hostile file only ends this thread. Protocol (pool.ts):
// in {id, file}; out {id, value: Recognised} | {id, error: {code, params} | {errno, message}}.
import { parentPort } from 'node:worker_threads';
import { PlanDeskError } from '../errors';
import { recogniseFile } from './recognise';

parentPort?.on('message', (msg: { id: number; file: string }) => {
  recogniseFile(msg.file).then(
    (value) => parentPort?.postMessage({ id: msg.id, value }),
    (e: unknown) =>
      parentPort?.postMessage({
        id: msg.id,
        error: e instanceof PlanDeskError ? { code: e.code, params: e.params } : { errno: (e as NodeJS.ErrnoException)?.code ?? null, message: String((e as Error)?.message ?? e).slice(0, 300) },
      }),
  );
});
