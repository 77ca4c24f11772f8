// Handlers of issue 4's application commands: import jobs (electron/engine/transfer/jobs.ts: read
// off-thread, report, Cancel), confirming one — the open table replaced in ONE commit, or a new cycle
// file opened in its place — the cycle's saved column mappings, and the export of the plan as an
// annex. Every handler is async (a preview, an export finish later); the Workspace awaits them all.
import path from 'node:path';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import type { TransferResults, TransferStatus } from '../../../shared/commands/transfer';
import { stepLabel } from '../../../shared/step-label';
import { withBackupFirst, type HandlerMap, type SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { exportAnnex } from '../excel';
import { hostOf } from '../history/host';
import { writeImportedCycle } from '../transfer/new-file';
import { fillActions } from '../transfer/fill';
import { replaceActions } from '../transfer/replace';
import { carryShares } from '../transfer/carry-shares';
import { matchColumns, planColumns } from '../transfer/columns-match';
import { deleteTemplateAction, readTemplates, saveTemplateAction, templateMapping } from '../transfer/templates';
import { readPrintSettings } from '../../../shared/print/settings';

function writable(ctx: SessionContext): void {
  if (ctx.info.readOnly) throw new PlanDeskError('error.read_only');
}

/** The match of a job's columns, kept while the plan's column tree is the same: the window polls the status. */
const matches = new WeakMap<object, { tree: object; unmatched: ReturnType<typeof matchColumns>['unmatched'] }>();

/** A job's status, with the file's columns that match none of the open plan's (each with figures needs a choice). */
function withColumns(ctx: SessionContext, s: TransferStatus): TransferStatus {
  if (s.state !== 'ready') return s;
  const data = ctx.services.jobs().ready(s.job).result.data;
  let m = matches.get(data);
  if (!m || m.tree !== ctx.columns) matches.set(data, (m = { tree: ctx.columns, unmatched: matchColumns(ctx.columns, data).unmatched }));
  const { unmatched } = m;
  // The units' shares replacing would drop, on the columns that match (a column the person later
  // maps into the plan's can only keep more of them).
  const skipAll = Object.fromEntries(unmatched.map((u) => [u.key, { action: 'skip' as const }]));
  const lost = ctx.units.size ? carryShares(ctx, planColumns(ctx, data, skipAll).data).lost : [];
  return { ...s, unmatchedColumns: unmatched, columnsMatch: unmatched.every((u) => u.cells === 0), ...(lost.length ? { lostShares: lost } : {}) };
}

export const transferHandlers: HandlerMap<keyof TransferResults> = {
  // The open plan's column keys: a mapping may put a sheet column into one of its own columns.
  'transfer/start': async (a, ctx) => ctx.services.jobs().start(a.source, { sheet: a.sheet, mapping: a.mapping, columnKeys: ctx.columns.ordered.map((c) => c.key) }),
  'transfer/status': async (a, ctx) => withColumns(ctx, ctx.services.jobs().status(a.job)),
  'transfer/read': async (a, ctx) => withColumns(ctx, ctx.services.jobs().read(a.job, a.sheet, a.mapping)),
  'transfer/preview': async (a, ctx) => ctx.services.jobs().preview(a.job, a.sheet, a.mapping),
  'transfer/cancel': async (a, ctx) => ({ cancelled: ctx.services.jobs().cancel(a.job) }),
  'transfer/importReplace': withBackupFirst<'transfer/importReplace'>(async (a, ctx) => {
    writable(ctx);
    const jobs = ctx.services.jobs();
    const { name, result } = jobs.ready(a.job);
    // The file's columns on the plan's keys; columns the plan has not are added in this same step.
    const cols = planColumns(ctx, result.data, a.columns);
    const { actions, firstLine } = replaceActions(ctx, cols.data, { fileHasSettings: result.report.fromPlanDesk, added: cols.added });
    const patch = ctx.commit(stepLabel('transfer.undo.replace', { file: name }), [...cols.actions, ...actions], firstLine === null ? null : { lineId: firstLine, column: null });
    jobs.finish(a.job);
    return { ...patch, lineCount: result.data.lines.length, addedColumns: cols.added.map((c) => c.key) };
  }),
  'transfer/importFill': withBackupFirst<'transfer/importFill'>(async (a, ctx) => {
    writable(ctx);
    const jobs = ctx.services.jobs();
    const { name, result } = jobs.ready(a.job);
    const cols = planColumns(ctx, result.data, a.columns);
    // The columns the file has (as plan keys): a blank cell there empties the plan's cell.
    const fileColumns = [...new Set(result.report.mappedColumns.flatMap((c) => (cols.keys.has(c.key) ? [cols.keys.get(c.key)!] : [])))];
    const fill = fillActions(ctx, cols.data, fileColumns, new Set(cols.added.map((c) => c.key)));
    if (fill.filled === 0) throw new PlanDeskError('transfer.error.no_match');
    const cursor = fill.firstLine === null ? null : { lineId: fill.firstLine, column: null };
    const actions = [...cols.actions, ...fill.actions];
    const patch = fill.actions.length || cols.actions.length ? ctx.commit(stepLabel('transfer.undo.fill', { file: name }), actions, cursor) : ctx.emptyPatch();
    jobs.finish(a.job);
    return { ...patch, filled: fill.filled, changed: fill.actions.length, unmatched: fill.unmatched, unmatchedLines: fill.unmatchedLines, addedColumns: cols.added.map((c) => c.key) };
  }),
  'transfer/importNew': withBackupFirst<'transfer/importNew'>(async (a, ctx) => {
    const host = hostOf(ctx);
    if (!a.path) throw new PlanDeskError('error.invalid_args', { detail: 'path' });
    const jobs = ctx.services.jobs();
    const { name, result } = jobs.ready(a.job);
    const target = writeImportedCycle(a.path, result.data, {
      source: name,
      openFile: ctx.info.path,
      settings: { importTemplates: ctx.setting('importTemplates') },
    });
    jobs.finish(a.job);
    return { file: host.openFile(target) };
  }),
  'transfer/templates': async (_a, ctx) => ({ templates: readTemplates(ctx) }),
  'transfer/saveTemplate': async (a, ctx) => {
    writable(ctx);
    const { action, templates } = saveTemplateAction(ctx, a.name, a.mapping);
    return { ...ctx.commit(stepLabel('transfer.undo.saveTemplate', { name: a.name.trim() }), [action], null), templates };
  },
  'transfer/deleteTemplate': async (a, ctx) => {
    writable(ctx);
    const { action, templates } = deleteTemplateAction(ctx, a.name);
    return { ...ctx.commit(stepLabel('transfer.undo.deleteTemplate', { name: a.name.trim() }), [action], null), templates };
  },
  'transfer/export': async (a, ctx) => {
    if (!a.path) throw new PlanDeskError('error.invalid_args', { detail: 'path' });
    if (a.template === '') throw new PlanDeskError('error.invalid_args', { detail: 'template' });
    const target = path.resolve(a.path);
    if (target === path.resolve(ctx.info.path)) throw new PlanDeskError('error.same_file');
    const mapping = a.mapping ? templateMapping(ctx, a.mapping) : undefined;
    // A copy of the plan as it is now: edits made while the file is written do not mix into it.
    const data = ctx.cycle();
    const calc = new PlanCalc(new ColumnTree(data.columns), data.lines, data.amounts);
    // The annex's own title, as the print view prints it (the rest of its layout is shared).
    const input = { meta: data.meta, columns: data.columns, calc, rules: data.rules, title: readPrintSettings(ctx.setting('print')).title };
    await exportAnnex(input, target, { template: a.template, mapping });
    return { path: target, name: path.basename(target) };
  },
};
