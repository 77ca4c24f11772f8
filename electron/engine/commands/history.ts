// Handlers of issue 7's commands: audit log, revisions, comparisons, a new cycle, backups and the
// safety status. Plan data comes from the session; file-level work (backups, restore, locks,
// opening another file) from the Workspace that owns the session (history/host.ts).
// Every handler is async; those that finish later (writing a workbook, an online backup) simply
// await their work, and the Workspace awaits every handler before answering the bridge.
import type { CompareResult, HistoryResults } from '../../../shared/commands/history';
import type { CommandArgs } from '../../../shared/ipc';
import type { HandlerMap, SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { comparePlans } from '../history/compare';
import { writeCompareXlsx } from '../history/compare-xlsx';
import { nameAuditRows } from '../history/audit-names';
import { hostOf } from '../history/host';
import { createNextCycle } from '../history/new-cycle';
import { loadSide } from '../history/sources';

const DEFAULT_COMPARE_LIMIT = 20_000;

function compare(ctx: SessionContext, args: CommandArgs<'history/compare'>, limit: number) {
  const a = loadSide(ctx, args.a);
  const b = loadSide(ctx, args.b);
  const { allRows, allShares, ...rest } = comparePlans(a, b, { limit });
  const result: CompareResult = { ...rest, sides: { a: a.side, b: b.side }, a: a.info, b: b.info, unit: b.unit };
  return { result, allRows, allShares };
}

function writable(ctx: SessionContext): void {
  if (ctx.info.readOnly) throw new PlanDeskError('error.read_only');
}

export const historyHandlers: HandlerMap<keyof HistoryResults> = {
  'history/audit': async (a, ctx) => {
    const page = ctx.audit.query(a.filter, a.offset, a.limit);
    return { ...page, rows: nameAuditRows(page.rows, ctx) };
  },
  'history/auditUsers': async (_a, ctx) => ({ users: ctx.audit.users() }),
  'history/revisions': async (_a, ctx) => ({ revisions: ctx.revisions.list() }),
  'history/createRevision': async (a, ctx) => {
    writable(ctx);
    const revision = ctx.revisions.create(a.name, a.note ?? '', { meta: ctx.meta, rules: ctx.rules, columns: ctx.cycle().columns });
    return { revision };
  },
  'history/deleteRevision': async (a, ctx) => {
    writable(ctx);
    const { revisions } = ctx;
    revisions.delete(a.id);
    return { revisions: revisions.list() };
  },
  'history/compare': async (a, ctx) => compare(ctx, a, a.limit ?? DEFAULT_COMPARE_LIMIT).result,
  'history/exportCompare': async (a, ctx) => {
    if (!a.path) throw new PlanDeskError('error.invalid_args', { detail: 'path' });
    const { result, allRows, allShares } = compare(ctx, a, 0);
    const rows = allRows();
    // The workbook has every differing share, as it has every row.
    await writeCompareXlsx(a.path, result.shares ? { ...result, shares: allShares() } : result, rows);
    return { path: a.path, rows: rows.length };
  },
  'history/newCycle': async (a, ctx) => {
    const host = hostOf(ctx);
    if (!a.path) throw new PlanDeskError('error.invalid_args', { detail: 'path' });
    createNextCycle(ctx, a.path, { year: a.year, keepAmounts: a.keepAmounts, docNumber: a.docNumber });
    return { file: host.openFile(a.path) };
  },
  'backup/list': async (_a, ctx) => hostOf(ctx).listBackups(),
  'backup/now': async (_a, ctx) => ({ backup: await hostOf(ctx).backupNow() }),
  'backup/restore': async (a, ctx) => hostOf(ctx).restore(a.id, a.damaged ?? false),
  'safety/status': async (_a, ctx) => {
    const host = ctx.services.host;
    if (host) return host.status();
    return {
      path: ctx.info.path, readOnly: ctx.info.readOnly, readOnlyReason: ctx.info.readOnly ? 'user' : null, lockedBy: null, recovered: null,
      networkShare: false, journalMode: 'wal', backups: { enabled: false, count: 0, latest: null, lastError: null }, openId: 0,
    };
  },
  'safety/takeOver': async (_a, ctx) => ({ file: hostOf(ctx).takeOver() }),
};
