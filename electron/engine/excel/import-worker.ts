// Worker-thread entry for imports (bundled to dist/electron/import-worker.cjs by scripts/build.mjs):
// the app runs importSpreadsheet here, off the UI and engine threads, with a progress bar and Cancel.
// Protocol (see worker-client.ts): in {type:'start', input, opts} | {type:'cancel'};
// out {type:'progress', fraction} | {type:'done', packed} (result-codec.ts) | {type:'error', code, params}.
import { parentPort } from 'node:worker_threads';
import { ImportError } from './errors';
import { importSpreadsheet, type ImportInput, type ImportOptions } from './import';
import { packResult } from './result-codec';

const ac = new AbortController();

parentPort?.on('message', (msg: { type: 'start'; input: ImportInput; opts: Omit<ImportOptions, 'signal' | 'onProgress'> } | { type: 'cancel' }) => {
  if (msg.type === 'cancel') {
    ac.abort();
    return;
  }
  let last = -1;
  importSpreadsheet(msg.input, {
    ...msg.opts,
    signal: ac.signal,
    onProgress: (fraction) => {
      // At most ~100 messages per import.
      if (fraction - last >= 0.01 || fraction === 1) {
        last = fraction;
        parentPort?.postMessage({ type: 'progress', fraction });
      }
    },
  }).then(
    (result) => {
      const { packed, transfer } = packResult(result);
      parentPort?.postMessage({ type: 'done', packed }, transfer);
    },
    (e) => {
      if (e instanceof ImportError) parentPort?.postMessage({ type: 'error', code: e.code, params: e.params });
      else parentPort?.postMessage({ type: 'error', code: 'error.internal', params: { detail: String((e as Error)?.message ?? e).slice(0, 300) } });
    },
  );
});
