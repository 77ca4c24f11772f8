// Handlers of the units' files (issue 14): read an allocation annex against the open plan and report
// (nothing written), or import it — new units and shares in ONE commit, a backup taken first
// (withBackupFirst). Problem cells (text where a figure should be, a negative share, a column that
// matches no line…) are reported by address and skipped; the window shows the report first and the
// user decides, the CLI writes what it could read.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AllocIoResults } from '../../../shared/commands/alloc-io';
import { stepLabel } from '../../../shared/step-label';
import { unitNameKey } from '../../../shared/units/names';
import { allocationActions, planAllocation, type AllocationPlan } from '../allocation/plan-import';
import { readAllocationSource, type AllocationSource } from '../allocation/read-file';
import { readImportInput } from '../excel/import';
import { planUnitFile } from '../allocation/plan-unit-file';
import { withBackupFirst, type HandlerMap, type SessionContext } from '../context';
import { PlanDeskError } from '../errors';

/**
 * The annex the window last read, per session: it reads (the report) and then imports the same file,
 * and the import takes the parsed workbook again when the file's bytes are the same (SHA-256) —
 * parsing a 3.300 × 60 annex is a third of the import — and matches it against the plan as it is
 * then. One entry, dropped by the import: the parsed cells of a big annex are tens of MB.
 */
const lastRead = new WeakMap<SessionContext, { file: string; sheet: string | undefined; hash: string; source: AllocationSource }>();

/** Read the file (or take it as last read) and plan its shares against the plan as it is now. */
export async function readAllocation(ctx: SessionContext, file: string, sheet?: string, use: 'keep' | 'take' = 'keep'): Promise<AllocationPlan> {
  const bytes = await readImportInput({ path: file });
  const hash = createHash('sha256').update(bytes).digest('hex');
  const last = lastRead.get(ctx);
  lastRead.delete(ctx);
  const source = last && last.file === file && last.sheet === sheet && last.hash === hash ? last.source : await readAllocationSource({ bytes, name: file }, { sheet });
  if (use === 'keep') lastRead.set(ctx, { file, sheet, hash, source });
  const input = { calc: ctx.calc, columns: ctx.columns, units: ctx.units, planUnit: ctx.meta.unit, nameKey: unitNameKey };
  if (source.kind === 'unitFile') return planUnitFile(source.mark, source.imported, input);
  if (!source.sheet.rows.some((r) => r.kind === 'unit')) throw new PlanDeskError('allocio.error.no_units');
  return planAllocation(source.sheet, input);
}

export const allocIoHandlers: HandlerMap<keyof AllocIoResults> = {
  'allocio/read': async (a, ctx) => ({ report: (await readAllocation(ctx, a.path, a.sheet)).report, path: a.path }),
  'allocio/import': withBackupFirst<'allocio/import'>(async (a, ctx) => {
    if (ctx.info.readOnly) throw new PlanDeskError('error.read_only');
    const plan = await readAllocation(ctx, a.path, a.sheet, 'take');
    if (plan.report.unitFile === null && plan.report.columns.every((c) => c.problem !== null)) throw new PlanDeskError('allocio.error.nothing_usable');
    const { actions } = allocationActions(plan, ctx.units);
    if (actions.length === 0) return { ...ctx.emptyPatch(), report: plan.report };
    const first = plan.shares[0];
    const patch = ctx.commit(stepLabel('allocio.undo.import', { file: path.basename(a.path) }), actions, first ? { lineId: first.lineId, column: first.column } : null);
    return { ...patch, report: plan.report };
  }),
};
