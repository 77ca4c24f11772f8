// Handlers of consolidation (issue 16): collect the units' files (backup first; everything merged
// in ONE undo step), the board, one unit's detail, removing a unit's detail, and the board to xlsx.
import path from 'node:path';
import type { ConsolidationJobStatus, ConsolidationResults, DetailRow } from '../../../shared/commands/consolidation';
import type { CommandArgs } from '../../../shared/ipc';
import { stepLabel } from '../../../shared/step-label';
import { withBackupFirst, type HandlerMap, type SessionContext } from '../context';
import { checkAbort } from '../excel/errors';
import { PlanDeskError } from '../errors';
import { buildBoard } from '../consolidation/board';
import { writeBoardXlsx } from '../consolidation/board-xlsx';
import { collect } from '../consolidation/collect';
import { openReadPool } from '../consolidation/pool';
import { batchFolder, dropBatch, stageFile } from '../consolidation/staged';
import { transferJobs } from '../transfer/jobs';

type RunArgs = CommandArgs<'consolidation/run'>;
type RunResult = ConsolidationResults['consolidation/run'];

/** Collect, then merge in one step: the work of consolidation/run and of a job. */
async function consolidate(a: RunArgs, ctx: SessionContext, signal?: AbortSignal, onProgress?: (f: number) => void): Promise<RunResult> {
  if (!a.dryRun && ctx.info.readOnly) throw new PlanDeskError('error.read_only');
  // Read on every core where the host configured the worker bundle (else on this thread).
  // Files dropped on the board were staged in their batch's folder: collected with the paths.
  const paths = a.batch ? [...a.paths, batchFolder(a.batch)] : a.paths;
  if (!paths.length) throw new PlanDeskError('error.invalid_args', { detail: 'paths' });
  const pool = openReadPool();
  let got;
  try {
    got = await collect(ctx, paths, { acceptMismatch: a.acceptMismatch, now: ctx.services.clock().toISOString(), signal, onProgress, ...(pool ? { read: (f: string) => pool.read(f), parallel: pool.size * 2 } : {}) });
  } finally {
    await pool?.close();
    if (a.batch) dropBatch(a.batch);
  }
  checkAbort(signal);
  const merged = new Set(got.actions.flatMap((x) => (x.t === 'unit_detail' ? [x.unitId] : [])));
  const patch = a.dryRun || !got.actions.length ? ctx.emptyPatch() : ctx.commit(stepLabel('consolidation.undo.merge', { count: got.merged }), got.actions, null);
  const board = buildBoard(ctx, { units: got.units, refused: got.refused, merged: a.dryRun ? new Set() : merged });
  return { ...patch, board, files: got.files, merged: a.dryRun ? 0 : got.merged };
}

/** Jobs the window follows: progress while the files are read, Cancel before anything is merged. */
const jobs = new Map<string, { status: ConsolidationJobStatus; abort: AbortController }>();
let jobSeq = 0;

export const consolidationHandlers: HandlerMap<keyof ConsolidationResults> = {
  'consolidation/run': withBackupFirst<'consolidation/run'>(async (a, ctx) => consolidate(a, ctx)),
  'consolidation/start': withBackupFirst<'consolidation/start'>(async (a, ctx) => {
    if (!a.dryRun && ctx.info.readOnly) throw new PlanDeskError('error.read_only');
    const id = `c${++jobSeq}`;
    const job = { status: { state: 'running', fraction: 0 } as ConsolidationJobStatus, abort: new AbortController() };
    jobs.set(id, job);
    consolidate(a, ctx, job.abort.signal, (f) => (job.status.fraction = f)).then(
      (result) => (job.status = { state: 'done', fraction: 1, result }),
      (e: unknown) => {
        if (job.abort.signal.aborted) job.status = { state: 'cancelled', fraction: job.status.fraction };
        else job.status = { state: 'failed', fraction: job.status.fraction, error: e instanceof PlanDeskError ? { code: e.code, params: e.params } : { code: 'error.internal', params: { detail: String((e as Error)?.message ?? e).slice(0, 200) } } };
      },
    );
    return { job: id };
  }),
  'consolidation/stage': async (a) => {
    const u = transferJobs().takeUpload(a.upload);
    return stageFile(a.batch, u.name, u.bytes);
  },
  'consolidation/status': async (a) => {
    const job = jobs.get(a.job);
    if (!job) throw new PlanDeskError('error.invalid_args', { detail: a.job });
    // A finished job is told once (its patch applied once), then forgotten.
    if (job.status.state !== 'running') jobs.delete(a.job);
    return job.status;
  },
  'consolidation/cancel': async (a) => {
    const job = jobs.get(a.job);
    if (!job || job.status.state !== 'running') return { cancelled: false };
    job.abort.abort();
    return { cancelled: true };
  },
  'consolidation/board': async (_a, ctx) => buildBoard(ctx),
  'consolidation/figures': async (a, ctx) => ({
    // What each merged unit reported per line (its detail's sum, else the line's figure in its file).
    units: ctx.unitDetails
      .all()
      .filter((d) => ctx.units.units.has(d.unitId))
      .map((d) => ({
        unitId: d.unitId,
        lines: Object.fromEntries(Object.entries(d.reported).flatMap(([line, v]) => (ctx.calc.lines.has(Number(line)) && v[a.column] !== undefined ? [[line, v[a.column]]] : []))),
      })),
  }),
  'consolidation/detail': async (a, ctx) => {
    const unit = ctx.units.units.get(a.unitId);
    if (!unit) throw new PlanDeskError('units.error.unknown_unit');
    const d = ctx.unitDetails.get(a.unitId);
    const line = (id: number) => ctx.calc.lines.get(id);
    const rows: DetailRow[] = (d?.lines ?? [])
      .filter((l) => line(l.lineId))
      .map((l) => ({ seq: l.seq, parentSeq: l.parentSeq, line: `${line(l.lineId)!.code} ${line(l.lineId)!.name}`.trim(), lineId: l.lineId, code: l.code, name: l.name, values: l.values }));
    return { unitId: unit.id, name: unit.name, file: d?.file ?? null, received: d?.received ?? null, rows };
  },
  'consolidation/remove': async (a, ctx) => {
    const d = ctx.unitDetails.get(a.unitId);
    if (!d) return ctx.emptyPatch();
    const name = ctx.units.units.get(a.unitId)?.name ?? String(a.unitId);
    return ctx.commit(stepLabel('consolidation.undo.remove', { unit: name }), [{ t: 'unit_detail', unitId: a.unitId, old: d, new: null }], null);
  },
  'consolidation/exportBoard': async (a, ctx) => {
    const out = path.resolve(a.path);
    await writeBoardXlsx(out, buildBoard(ctx), ctx);
    return { path: out };
  },
};
