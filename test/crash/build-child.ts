// Bundles test/crash/child.ts with esbuild for tests that need a second PlanDesk process. The
// bundle goes under node_modules/.cache so its require('better-sqlite3') resolves to the repo's.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
let built: Promise<string> | null = null;

export function childScript(): Promise<string> {
  built ??= (async () => {
    const outfile = path.join(ROOT, 'node_modules', '.cache', 'plandesk-tests', `child-${process.pid}.cjs`);
    await build({
      entryPoints: [path.join(ROOT, 'test', 'crash', 'child.ts')],
      outfile, bundle: true, platform: 'node', target: 'node22', format: 'cjs', packages: 'external', logLevel: 'warning',
    });
    process.once('exit', () => fs.rmSync(outfile, { force: true }));
    return outfile;
  })();
  return built;
}
