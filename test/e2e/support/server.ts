// Starts browser mode (the built server, the real engine, a real cycle file) for an end-to-end test
// and stops it. Requires `npm run build` (the test command runs it first).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root: the nearest folder above this file (or the bench bundle) with our package.json. */
function findRoot(from: string): string {
  for (let d = from; d !== path.dirname(d); d = path.dirname(d)) {
    const pkg = path.join(d, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'plandesk') return d;
  }
  throw new Error(`no PlanDesk checkout above ${from}`);
}

const ROOT = findRoot(__dirname);
const TEST_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-e2e-data-'));

export interface RunningServer {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/** `startTimeoutMs`: how long opening the file may take (a plan of 660.000 shares on a loaded machine takes long). */
export async function startServer(file: string, startTimeoutMs = 20_000): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist/server/serve.cjs'), '--file', file], {
    cwd: ROOT,
    // Backups and recent files of test runs go to a temporary folder, not the tester's home.
    env: { ...process.env, PLANDESK_DATA_DIR: process.env.PLANDESK_DATA_DIR ?? TEST_DATA_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind a failed test.
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${err}`));
    }, startTimeoutMs);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/^(http:\/\/127\.0\.0\.1:\d+\/\S*)$/m);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
  return {
    url,
    token: new URL(url).searchParams.get('t') ?? '',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
