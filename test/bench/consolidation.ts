// Bench cases of issue 16, consolidation: 3.300 unit files of 200 lines each (the plan split by
// `split`, made before the clock starts) recognised, checked against the units' shares and merged
// in one undo step — target < 60 s on this 2-core machine with memory < 1 GB (the process's peak
// resident size, generation included) — and the board of 3.300 units read — target < 1 s.
// PLANDESK_BENCH_UNITS gives another count (a quick look).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultColumns } from '../../shared/columns';
import type { Amount, CycleData, Line, Share, Unit } from '../../shared/model';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { splitByUnit } from '../../electron/engine/allocation/split';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { configureConsolidation } from '../../electron/engine/consolidation/pool';
import type { Report } from './report';

const UNITS = Number(process.env.PLANDESK_BENCH_UNITS) || 3_300;
const PROJECTS = 20;
const SUBS = 10; // 200 lines holding figures, under 20 projects
const M = 1_000_000;

/** A plan of 20 projects × 10 sub-projects, each sub-project shared among every unit (a commune each). */
function plan(): CycleData {
  const seed = sampleCycle();
  const lines: Line[] = [];
  const amounts: Amount[] = [];
  const units: Unit[] = Array.from({ length: UNITS }, (_, i) => ({ id: i + 1, parentId: null, position: i, name: `UBND xã Số ${i + 1}`, kind: 'commune', code: '' }));
  const shares: Share[] = [];
  let id = 1;
  for (let p = 1; p <= PROJECTS; p++) {
    const pid = id++;
    lines.push({ id: pid, parentId: null, position: p - 1, code: String(p), name: `Dự án ${p}: nội dung ${p}`, agency: '', note: '', allowedCapital: null, isAdjustment: false });
    for (let s = 1; s <= SUBS; s++) {
      const lid = id++;
      lines.push({ id: lid, parentId: pid, position: s - 1, code: `${p}.${s}`, name: `Tiểu dự án ${s}: nội dung ${p}.${s}`, agency: '', note: '', allowedCapital: null, isAdjustment: false });
      let total = 0;
      for (const u of units) {
        const value = (((u.id * 7 + lid) % 90) + 10) * M;
        total += value;
        shares.push({ unitId: u.id, lineId: lid, column: 'central_recurrent', value });
      }
      amounts.push({ lineId: lid, column: 'central_recurrent', value: total });
    }
  }
  return { meta: seed.meta, rules: seed.rules, columns: defaultColumns(), lines, amounts, units, shares, scores: [] };
}

export async function benchConsolidation(report: Report, dir?: string): Promise<void> {
  const work = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-bench-consolidation-'));
  const file = path.join(work, 'consolidation.plandesk');
  const inbox = path.join(work, 'consolidation-inbox');
  fs.rmSync(file, { force: true });
  fs.rmSync(inbox, { recursive: true, force: true });
  fs.mkdirSync(inbox);
  const data = plan();
  createCycleFile(file, data);
  // The units' files, made before the clock starts: what split sends them, sent back as is.
  await splitByUnit(data, inbox, 'xlsx');
  // Read in worker threads as the app and the CLI do (dist/electron beside dist/bench).
  configureConsolidation({ workerDir: path.join(__dirname, '..', 'electron') });
  const s = PlanSession.open(file);
  try {
    let t0 = performance.now();
    const r = await s.handle('consolidation/run', { paths: [inbox], acceptMismatch: false, dryRun: false });
    const ms = performance.now() - t0;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    if (r.merged !== UNITS) throw new Error(`consolidation merged ${r.merged} of ${UNITS}: ${JSON.stringify(r.files.find((f) => f.status !== 'merged'))}`);
    report({ case: `consolidate ${UNITS} unit files × ${PROJECTS * SUBS} lines (recognise, check, merge in one step)`, value: ms / 1000, unit: 's', target: '< 60 s', ok: ms < 60_000 });
    report({ case: `consolidate ${UNITS} unit files: peak memory of the process`, value: peakMb, unit: 'MB', target: '< 1024 MB', ok: peakMb < 1024 });
    t0 = performance.now();
    const board = await s.handle('consolidation/board', {});
    const boardMs = performance.now() - t0;
    if (board.units.length !== UNITS || board.units.some((u) => u.status !== 'ok')) throw new Error('board wrong');
    report({ case: `consolidation board of ${UNITS} units`, value: boardMs, unit: 'ms', target: '< 1000 ms', ok: boardMs < 1000 });
  } finally {
    s.close();
  }
}
