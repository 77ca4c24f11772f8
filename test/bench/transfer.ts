// Bench cases of issue 4 on the application side, on a generated 100.000-line annex (written by the
// engine's exportAnnex): an import job from start to report (worker thread, as File → Import runs
// it) with the longest wait of the host's answers meanwhile (the window stays responsive), replacing
// a table by it in one commit, undoing that, writing it as a new cycle file, and File → Export.
// Needs the built worker bundles (dist/electron/*-worker.cjs): `npm run bench` builds first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeAnnexFixture } from '../support/annex-fixture';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { configureTransfer } from '../../electron/engine/transfer/jobs';
import { Workspace } from '../../electron/engine/workspace';
import type { CommandName, CommandResults } from '../../shared/ipc';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';

type Row = { case: string; value: number; unit: string; target?: string; ok?: boolean; libreoffice?: number };

const LINES = 100_000;

/** The repository root: the nearest folder above with our package.json (works from the bench bundle too). */
function root(from: string): string {
  for (let d = from; d !== path.dirname(d); d = path.dirname(d)) {
    const pkg = path.join(d, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'plandesk') return d;
  }
  throw new Error(`no PlanDesk checkout above ${from}`);
}

async function call<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<CommandResults[K]> {
  const r = await ws.handle(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/**
 * Run an import job to its report, polling as the window does. Meanwhile a 10 ms timer measures how
 * late the host's event loop runs: the longest delay is how long a click or keystroke would wait.
 */
async function importJob(ws: Workspace, file: string): Promise<{ job: string; ms: number; worstLagMs: number }> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  try {
    const t0 = performance.now();
    const { job } = await call(ws, 'transfer/start', { source: { kind: 'path', path: file } });
    for (;;) {
      const s = await call(ws, 'transfer/status', { job });
      if (s.state === 'ready') break;
      if (s.state !== 'reading') throw new Error(`import: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { job, ms: performance.now() - t0, worstLagMs: Math.max(0, worst) };
  } finally {
    clearInterval(timer);
  }
}

export async function benchTransfer(report: (row: Row) => void, dir?: string): Promise<void> {
  const work = fs.mkdtempSync(path.join(dir ?? os.tmpdir(), 'plandesk-bench-transfer-'));
  const jobs = configureTransfer({ workerDir: path.join(root(__dirname), 'dist', 'electron') });
  const annex = path.join(work, 'annex-100k.xlsx');
  await writeAnnexFixture(annex, LINES);
  const file = path.join(work, 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const ws = new Workspace(null, { dataDir: path.join(work, 'data') });
  ws.open(file);
  try {
    const first = await importJob(ws, annex);
    report({ case: `transfer: import job ${LINES.toLocaleString('vi-VN')} lines, start → report`, value: first.ms / 1000, unit: 's' });
    report({ case: 'transfer: longest stall of the host while importing', value: first.worstLagMs, unit: 'ms', target: '< 200', ok: first.worstLagMs < 200 });

    let t0 = performance.now();
    const patch = await call(ws, 'transfer/importReplace', { job: first.job });
    report({ case: `transfer: replace the table by ${patch.lineCount.toLocaleString('vi-VN')} lines (one commit)`, value: (performance.now() - t0) / 1000, unit: 's' });
    t0 = performance.now();
    await call(ws, 'undo', {});
    report({ case: 'transfer: undo that replace (the 18-line sample back)', value: (performance.now() - t0) / 1000, unit: 's' });

    const second = await importJob(ws, annex);
    t0 = performance.now();
    await call(ws, 'transfer/importNew', { job: second.job, path: path.join(work, 'imported.plandesk') });
    report({ case: `transfer: write and open a new cycle file of ${LINES.toLocaleString('vi-VN')} lines`, value: (performance.now() - t0) / 1000, unit: 's' });

    t0 = performance.now();
    await call(ws, 'transfer/export', { path: path.join(work, 'export.xlsx') });
    report({ case: `transfer: File → Export, ${LINES.toLocaleString('vi-VN')} lines (default annex)`, value: (performance.now() - t0) / 1000, unit: 's' });
  } finally {
    ws.close();
    jobs.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
