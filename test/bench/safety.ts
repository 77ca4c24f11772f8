// Bench cases of issue 7, never lose a plan, on a generated 100.000-line cycle: an online backup
// (SQLite's backup API) while edits go on — how long it takes, and the longest an edit waited;
// saving a named revision; comparing two 100.000-line revisions; PRAGMA quick_check (what an open
// after a crash costs); and the audit log's share of a 10.000-cell paste.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { quickCheck } from '../../electron/engine/safety/file-checks';
import { Workspace } from '../../electron/engine/workspace';
import type { CommandName, CommandResults } from '../../shared/ipc';
import { generatePlan } from '../support/bench-plan';

type Row = { case: string; value: number; unit: string; target?: string; ok?: boolean; libreoffice?: number };

const LINES = 100_000;
const LEAVES = ['central_recurrent', 'local_recurrent', 'other'];

async function call<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<CommandResults[K]> {
  const r = await ws.handle(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function benchSafety(report: (row: Row) => void, dir?: string): Promise<void> {
  const work = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-bench-safety-'));
  const file = path.join(work, 'safety-100k.plandesk');
  const dataDir = path.join(work, 'safety-data');
  fs.rmSync(file, { force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  createCycleFile(file, generatePlan(LINES, 11));
  const ws = new Workspace(null, { dataDir });
  ws.open(file);
  try {
    const s = ws.session!;
    const leaves = s.snapshot().rows.filter((r) => !r.hasChildren).map((r) => r.id);
    // Let the backup on open finish first: the manual one below then measures alone.
    await call(ws, 'backup/now', {});

    // 1. Backup while the officer keeps typing: one edit after another, as fast as they come back.
    //    The same typing without a backup, for as long, gives the baseline wait of an edit.
    const typeFor = async (until: () => boolean) => {
      let edits = 0;
      let worst = 0;
      for (let i = 0; !until(); i++) {
        const t0 = performance.now();
        await new Promise((r) => setImmediate(r));
        await call(ws, 'cell/set', { lineId: leaves[(i * 7919) % leaves.length], column: LEAVES[i % 3], value: (i % 5000) * 1_000_000 });
        worst = Math.max(worst, performance.now() - t0);
        edits++;
      }
      return { edits, worst };
    };
    let stop = false;
    const typing = typeFor(() => stop);
    const t0 = performance.now();
    const made = await call(ws, 'backup/now', {});
    const backupMs = performance.now() - t0;
    stop = true;
    const during = await typing;
    const quietEnd = performance.now() + Math.max(backupMs, 200);
    const quiet = await typeFor(() => performance.now() > quietEnd);
    const mb = (made.backup?.size ?? 0) / 1048576;
    report({ case: `safety: online backup of a ${LINES.toLocaleString('vi-VN')}-line cycle (${mb.toFixed(0)} MB) while editing`, value: backupMs, unit: 'ms', target: '< 1 s', ok: backupMs < 1000 });
    report({
      case: `safety: longest wait of an edit during that backup (${during.edits} edits; without a backup: ${quiet.worst.toFixed(0)} ms)`,
      value: during.worst, unit: 'ms', target: 'not blocked', ok: during.edits > 0 && during.worst < Math.max(100, 3 * quiet.worst),
    });

    // 2. Named revisions, and the comparison of two 100.000-line revisions.
    let t = performance.now();
    const a = (await call(ws, 'history/createRevision', { name: 'KH 528/KH-UBND 14/8/2023' })).revision;
    report({ case: `safety: save a named revision of ${LINES.toLocaleString('vi-VN')} lines`, value: performance.now() - t, unit: 'ms' });
    const changes = Array.from({ length: 5_000 }, (_, i) => ({ lineId: leaves[(i * 104_729) % leaves.length], column: LEAVES[i % 3], value: (i + 1) * 100_000 }));
    await call(ws, 'cells/set', { changes });
    await call(ws, 'line/delete', { lineId: leaves[12_345] });
    const b = (await call(ws, 'history/createRevision', { name: 'KH 122/KH-UBND 29/02/2024' })).revision;
    t = performance.now();
    const cmp = await call(ws, 'history/compare', { a: { kind: 'revision', id: a.id }, b: { kind: 'revision', id: b.id } });
    const cmpMs = performance.now() - t;
    report({
      case: `safety: compare two ${LINES.toLocaleString('vi-VN')}-line revisions (${cmp.totalRows.toLocaleString('vi-VN')} differing lines)`,
      value: cmpMs, unit: 'ms', target: '< 2 s', ok: cmpMs < 2000,
    });
    t = performance.now();
    await call(ws, 'history/compare', { a: { kind: 'revision', id: b.id }, b: { kind: 'current' } });
    report({ case: 'safety: compare a revision with the current plan (100.000 lines)', value: performance.now() - t, unit: 'ms' });

    // 3. The audit log's share of a 10.000-cell paste (the same paste without it: undo log only).
    const paste = Array.from({ length: 10_000 }, (_, i) => ({ lineId: leaves[(i * 31) % leaves.length], column: LEAVES[i % 3], value: (i + 7) * 100_000 }));
    t = performance.now();
    await call(ws, 'cells/set', { changes: paste });
    report({ case: 'safety: paste 10.000 cells, with their audit rows, saved', value: performance.now() - t, unit: 'ms' });
    t = performance.now();
    const page = await call(ws, 'history/audit', { filter: { text: '3.1' }, offset: 0, limit: 200 });
    report({ case: `safety: filter the change log by line (${page.total.toLocaleString('vi-VN')} of the rows match)`, value: performance.now() - t, unit: 'ms' });
  } finally {
    ws.close();
  }

  // 4. What opening after a crash adds: PRAGMA quick_check of the whole file.
  const s = PlanSession.open(file, { readOnly: true });
  try {
    const t = performance.now();
    const problems = quickCheck(s.db);
    report({ case: 'safety: quick_check of the 100.000-line file (open after a crash)', value: performance.now() - t, unit: 'ms', ok: problems.length === 0 });
  } finally {
    s.close();
  }
  if (!dir) fs.rmSync(work, { recursive: true, force: true });
}
