// Builds everything into dist/: the Node-side bundles (CLI, browser-mode server, bench, Electron
// main and preload) with esbuild, and the renderer with Vite. Dependencies stay external (they ship
// in node_modules; better-sqlite3 is a native module), except in the sandboxed preload.
import { build } from 'esbuild';
import fs from 'node:fs';
import { build as viteBuild } from 'vite';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: 'linked',
  packages: 'external',
  logLevel: 'warning',
};

const entries = [
  ['electron/cli/main.ts', 'dist/cli/plandesk.cjs'],
  ['electron/server/serve.ts', 'dist/server/serve.cjs'],
  ['electron/main/main.ts', 'dist/electron/main.cjs'],
  ['electron/engine/excel/import-worker.ts', 'dist/electron/import-worker.cjs'],
  ['electron/engine/transfer/transfer-worker.ts', 'dist/electron/transfer-worker.cjs'],
  ['electron/engine/consolidation/read-worker.ts', 'dist/electron/consolidation-worker.cjs'],
  ['test/bench/bench.ts', 'dist/bench/bench.cjs'],
].filter(([src]) => fs.existsSync(src));

await Promise.all([
  ...entries.map(([src, out]) => build({ ...node, entryPoints: [src], outfile: out })),
  // The preload runs sandboxed: bundle everything but 'electron' itself.
  build({ ...node, packages: undefined, external: ['electron'], entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
