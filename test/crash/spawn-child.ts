// Starting a child PlanDesk (child.ts) and reading its line protocol as it arrives.
import { spawn, type ChildProcess } from 'node:child_process';
import { childScript } from './build-child';

export interface Child {
  proc: ChildProcess;
  /** Every complete stdout line so far. */
  lines: string[];
  /** Resolves with the first line starting with `prefix`. */
  waitFor(prefix: string, timeoutMs?: number): Promise<string>;
  /** Resolves when the process has exited and its output is all read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

export async function startChild(mode: 'edit' | 'hold', file: string, dataDir: string, seed = 1): Promise<Child> {
  const script = await childScript();
  const proc = spawn(process.execPath, [script, mode, file, dataDir, String(seed)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  const waiters: { prefix: string; resolve: (l: string) => void }[] = [];
  proc.stdout!.setEncoding('utf8');
  proc.stdout!.on('data', (d: string) => {
    partial += d;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const l of parts) {
      lines.push(l);
      for (const w of [...waiters]) {
        if (l.startsWith(w.prefix)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(l);
        }
      }
    }
  });
  proc.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    proc, lines, exited, stderr: () => err,
    waitFor(prefix, timeoutMs = 20_000) {
      const seen = lines.find((l) => l.startsWith(prefix));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`child: no "${prefix}" line; stderr: ${err}`)), timeoutMs);
        waiters.push({ prefix, resolve: (l) => { clearTimeout(timer); resolve(l); } });
        void exited.then(() => setTimeout(() => reject(new Error(`child exited before "${prefix}"; stderr: ${err}`)), 50));
      });
    },
  };
}
