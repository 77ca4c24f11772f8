// `plandesk import IN.xlsx --into PLAN.plandesk [--kind plan|allocation|execution] [--sheet S] [--json]`:
// read a table into an existing plan, through the same commands as the window (the Workspace takes a
// backup first and writes one undo step). The kind is recognised from the file (read-file.ts: a
// plan table, an allocation annex, a disbursement report, a unit's file written by `split`) unless
// --kind forces it, and the command says which it read. It never asks: it writes what it could read
// and reports every cell it guessed or skipped (exit 0); it refuses, writing nothing, only what it
// cannot read (exit 1). Another kind's reader plugs in through INTO_IMPORTERS.
import os from 'node:os';
import path from 'node:path';
import type { AllocationReport, TableKind } from '../../../shared/commands/alloc-io';
import { t, tStored, type Lang } from '../../../shared/i18n';
import type { CommandArgs, CommandName, CommandResults } from '../../../shared/ipc';
import { formatAmount } from '../../../shared/number';
import { columnLabel } from '../../../shared/column-labels';
import { sniffKind, type Sniffed } from '../../engine/allocation/read-file';
import { PlanDeskError } from '../../engine/errors';
import { configureTransfer } from '../../engine/transfer/jobs';
import { Workspace } from '../../engine/workspace';
import { EXIT, type CliIO, langOf } from '../io';
import { workerDir } from '../workers';
import { reportError } from './report-error';
import { importExecution } from './import-execution';
import type { ImportMapping } from '../../engine/excel';
import type { IntoImporter, IntoOptions, Run } from './into-importer';
export type { IntoImporter, IntoOptions, Run } from './into-importer';




/** The readers by kind; a kind absent here is refused as not supported yet. */
export const INTO_IMPORTERS: Partial<Record<TableKind, IntoImporter>> = {
  allocation: importAllocation,
  plan: importPlanTable,
  execution: importExecution,
};

/** Where the CLI keeps the backups it takes before writing (the browser mode's folder, or PLANDESK_DATA_DIR). */
function dataDir(): string {
  return process.env.PLANDESK_DATA_DIR || path.join(os.homedir(), '.plandesk');
}

export async function importInto(opts: IntoOptions, io: CliIO): Promise<number> {
  const lang = langOf(io);
  let sniffed: Sniffed;
  try {
    sniffed = opts.kind ? { kind: opts.kind, unitFile: null } : await sniffKind({ path: opts.input });
  } catch (e) {
    return reportError(e, io);
  }
  const importer = INTO_IMPORTERS[sniffed.kind];
  if (!importer) {
    io.stderr(t(lang, 'allocio.error.kind_unsupported', { kind: t(lang, `allocio.kind.${sniffed.kind}`) }));
    return EXIT.failed;
  }
  const ws = new Workspace(null, { dataDir: dataDir() });
  try {
    const info = ws.open(opts.plan);
    if (info.readOnly) throw new PlanDeskError('error.read_only');
    const run: Run = async (name, args) => {
      const r = await ws.handle(name, args);
      if (!r.ok) throw PlanDeskError.received(r.error.code, r.error.params);
      return r.value;
    };
    return await importer(opts, run, io, sniffed);
  } catch (e) {
    return reportError(e, io);
  } finally {
    ws.close();
  }
}

async function importAllocation(opts: IntoOptions, run: Run, io: CliIO): Promise<number> {
  const lang = langOf(io);
  const { report } = await run('allocio/import', { path: path.resolve(opts.input), ...(opts.sheet ? { sheet: opts.sheet } : {}) });
  if (opts.json) {
    io.stdout(JSON.stringify(allocationJson(report, lang), null, 2));
    return EXIT.ok;
  }
  const kind = report.unitFile ? t(lang, 'allocio.kind.unitFile', { unit: report.unitFile }) : t(lang, 'allocio.kind.allocation');
  io.stdout(t(lang, 'allocio.cli.read', { kind, sheet: report.sheet }));
  for (const line of allocationText(report, lang)) io.stdout(line);
  io.stdout(
    report.changes
      ? t(lang, 'allocio.cli.written', { changes: report.changes, newUnits: report.newUnits, file: opts.plan })
      : t(lang, 'allocio.cli.nothing'),
  );
  return EXIT.ok;
}

/** The allocation report as JSON: amounts in integer đồng, each problem with its message in `lang`. */
export function allocationJson(report: AllocationReport, lang: Lang): unknown {
  return { kind: 'allocation', ...report, problems: report.problems.map((p) => ({ ...p, message: t(lang, `allocio.problem.${p.kind}`) })) };
}

export function allocationText(r: AllocationReport, lang: Lang): string[] {
  const unit = t(lang, `unit.${r.unit}`);
  const out = [t(lang, 'allocio.cli.summary', { units: r.units.length, newUnits: r.newUnits, figures: r.figures, changes: r.changes, cleared: r.cleared, unit })];
  if (r.unitAssumed) out.push(t(lang, 'allocio.cli.unitAssumed', { unit }));
  out.push(t(lang, 'allocio.cli.columns'));
  for (const c of r.columns) {
    if (c.problem) {
      out.push(`  ${c.letter} "${c.header}": ${t(lang, `allocio.problem.${c.problem}`)}`);
      continue;
    }
    const how = [c.lineHow, c.columnHow].filter((h): h is NonNullable<typeof h> => h !== null).map((h) => t(lang, `allocio.how.${h}`)).join(', ');
    out.push('  ' + t(lang, 'allocio.cli.column', { letter: c.letter, header: c.header, line: c.line ?? '', column: c.column ? columnLabel(c.column, lang) : '', how }));
  }
  const spelled = r.units.filter((u) => u.spelledAs);
  if (spelled.length) {
    out.push(t(lang, 'allocio.cli.spelling'));
    for (const u of spelled) out.push(`  ${u.address}: "${u.name}" = "${u.spelledAs}"`);
  }
  const fresh = r.units.filter((u) => u.unitId === null);
  if (fresh.length) {
    out.push(t(lang, 'allocio.cli.newUnits'));
    for (const u of fresh) out.push(`  ${u.address}: ${u.name}`);
  }
  if (r.groupRows.length || r.totalRows.length) {
    out.push(t(lang, 'allocio.cli.groupRows'));
    for (const g of [...r.groupRows, ...r.totalRows]) out.push(`  ${g.address}: ${g.text}`);
  }
  if (r.totalColumns.length) out.push(t(lang, 'allocio.cli.totalColumns') + ' ' + r.totalColumns.join('; '));
  if (r.textNumbers.length) {
    out.push(t(lang, 'allocio.cli.textNumbers'));
    for (const x of r.textNumbers) out.push(`  ${x.address}: "${x.text}" = ${formatAmount(x.value, r.unit)}`);
  }
  if (r.problems.length) {
    out.push(t(lang, 'allocio.cli.problems'));
    for (const p of r.problems) out.push(`  ${p.address}: ${t(lang, `allocio.problem.${p.kind}`)} ("${p.text}")`);
  }
  return out;
}

/** A plan table fills the plan's existing lines (File → import → "fill the existing lines"). */
async function importPlanTable(opts: IntoOptions, run: Run, io: CliIO): Promise<number> {
  const lang = langOf(io);
  configureTransfer({ workerDir: workerDir(io.workerDir) });
  const { job } = await run('transfer/start', { source: { kind: 'path', path: path.resolve(opts.input) }, ...(opts.sheet ? { sheet: opts.sheet } : {}), ...(opts.mapping ? { mapping: { ...opts.mapping, columns: opts.mapping.columns ?? {} } } : {}) });
  let status = await run('transfer/status', { job });
  for (;;) {
    if (status.state === 'chooseSheet') status = await run('transfer/read', { job, sheet: null, mapping: null });
    else if (status.state === 'reading') {
      await new Promise((r) => setTimeout(r, 20));
      status = await run('transfer/status', { job });
    } else break;
  }
  if (status.state === 'failed') throw PlanDeskError.received(status.error.code, status.error.params);
  if (status.state !== 'ready') throw new PlanDeskError('excel.error.cancelled');
  // The CLI never asks (issue 13): the file's funding columns the plan has not, with figures, are
  // added to the plan in the same undo step, and named below.
  const added = status.unmatchedColumns.filter((u) => u.cells > 0);
  const filled = await run('transfer/importFill', { job, columns: Object.fromEntries(added.map((u) => [u.key, { action: 'add' as const }])) });
  const report = status.report;
  const addedColumns = added.map((u, i) => ({ key: filled.addedColumns[i] ?? u.key, label: u.label, dong: u.dong }));
  if (opts.json) {
    io.stdout(JSON.stringify({ kind: 'plan', report, filled: filled.filled, changed: filled.changed, unmatched: filled.unmatched, unmatchedLines: filled.unmatchedLines, addedColumns }, null, 2));
    return EXIT.ok;
  }
  io.stdout(t(lang, 'allocio.cli.read', { kind: t(lang, 'allocio.kind.plan'), sheet: report.sheet }));
  if (addedColumns.length) io.stdout(t(lang, 'excel.cli.added') + ' ' + addedColumns.map((c) => `${c.label} (${formatAmount(c.dong, report.unit)} ${t(lang, `unit.${report.unit}`)})`).join('; '));
  io.stdout(t(lang, 'allocio.cli.filled', { filled: filled.filled, changed: filled.changed, unmatched: filled.unmatched, file: opts.plan }));
  for (const l of filled.unmatchedLines) io.stdout(`  ${l}`);
  for (const w of report.warnings) io.stdout(`  ${w.address ? w.address + ': ' : ''}${tStored(lang, w.key, w.params)}`);
  return EXIT.ok;
}
