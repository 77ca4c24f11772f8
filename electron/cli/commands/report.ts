// `plandesk report PLAN --as-of YYYY-MM-DD [--json]`: the execution report of one as-of date
// (issue 15) — per line and funding column the plan, disbursed to date, rate, remaining and the
// period's disbursement, the totals, carried-over funds and the combined total, and the execution
// findings of that date. JSON amounts are integer đồng (rates in tenths of a percent: 778 = 77,8%).
// The file is opened read-only. Other outputs of the same report (--xlsx, --pdf: the report's
// export and print, another area's) plug in through REPORT_OUTPUTS below: one entry each.
import { ColumnTree } from '../../../shared/columns';
import { columnLabel } from '../../../shared/column-labels';
import { formatRate, isIsoDate } from '../../../shared/execution/model';
import type { ReportFigures, ReportView } from '../../../shared/execution/report';
import type { UnitReportRow } from '../../../shared/execution/by-unit';
import { viDate } from '../../../shared/execution/rules';
import { t } from '../../../shared/i18n';
import { formatAmount } from '../../../shared/number';
import { PlanSession } from '../../engine/session';
import { readArgs, type FlagSpec } from '../args';
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { reportError } from './report-error';
import { REPORT_FILE_OUTPUTS } from './report-files';

import type { ReportOutput } from './report-output';
export type { ReportOutput } from './report-output';

/** The outputs beside stdout, by option name. The report's export and print areas add theirs here. */
export const REPORT_OUTPUTS: Record<string, ReportOutput> = { ...REPORT_FILE_OUTPUTS };

/**
 * The JSON contract: amounts keyed by column key, in integer đồng. `units` (where the plan is
 * allocated to units): each unit in tree order with its sub-units' figures rolled in, `own` its own.
 */
export function reportJson(view: ReportView, findings: ReturnType<PlanSession['findings']>, unit: string, units: readonly UnitReportRow[] = []) {
  const part = (f: ReportFigures) => ({ plan: f.plan, disbursed: f.disbursed, remaining: f.remaining, period: f.period, rate: f.rate });
  return {
    asOf: view.date.asOf,
    kind: view.date.kind,
    previousAsOf: view.previous?.asOf ?? null,
    unit,
    columns: view.columns,
    totals: part(view.totals),
    lines: view.rows.map((r) => ({ code: r.code, name: r.name, depth: r.depth, ...part(r), ...(r.allocated ? { allocated: r.allocated } : {}), ...(r.estimate ? { estimate: r.estimate } : {}) })),
    carryover: view.carryover.map((c) => ({
      year: c.year, deadline: c.deadline, totals: part(c.totals), lines: c.rows.map((r) => ({ code: r.code, name: r.name, ...part(r) })),
    })),
    combined: part(view.combined),
    units: units.map((u) => ({
      name: u.name, depth: u.depth, parent: units.find((x) => x.unitId === u.parentId)?.name ?? null, ...part(u), own: part(u.own),
    })),
    findings: findings.map(({ rule, severity, line, column, expected, actual, message }) => ({ rule, severity, line, column, expected, actual, message })),
  };
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const lang = langOf(io);
  const flags: FlagSpec = { 'as-of': { type: 'string' }, json: { type: 'boolean' } };
  for (const name of Object.keys(REPORT_OUTPUTS)) flags[name] = { type: 'string' };
  let positionals: string[];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ positionals, values } = readArgs(argv, flags, lang));
  } catch (e) {
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  const asOf = values['as-of'];
  if (positionals.length !== 1 || typeof asOf !== 'string') {
    io.stderr(t(lang, 'execution.cli.usage.report'));
    return EXIT.usage;
  }
  if (!isIsoDate(asOf)) {
    io.stderr(t(lang, 'cli.badFlagValue', { flag: '--as-of' }) + ' (YYYY-MM-DD)');
    return EXIT.usage;
  }
  const outputs = Object.keys(REPORT_OUTPUTS).filter((k) => typeof values[k] === 'string');
  const bad = checkPaths(io, [positionals[0]], outputs.map((k) => values[k] as string));
  if (bad !== null) return bad;
  let session: PlanSession;
  try {
    session = PlanSession.open(positionals[0], { readOnly: true });
  } catch (e) {
    return reportError(e, io);
  }
  try {
    const date = session.execution.dateByAsOf(asOf);
    if (!date) {
      const known = session.execution.sortedDates().map((d) => d.asOf).join(', ');
      io.stderr(t(lang, 'execution.error.no_date', { date: asOf }) + (known ? ` (${known})` : ''));
      return EXIT.usage;
    }
    const view = await session.handle('execution/report', { dateId: date.id });
    const findings = session.findings().filter((f) => f.asOf === asOf);
    const meta = session.meta;
    // By unit where the plan is allocated: sub-units rolled into their parents (shared/execution/by-unit.ts).
    const units = session.units.size ? (await session.handle('execution/byUnit', { dateId: date.id })).units : [];
    if (values.json) io.stdout(JSON.stringify(reportJson(view, findings, meta.unit, units), null, 2));
    else printText(view, findings, session, io, units);
    for (const k of outputs) await REPORT_OUTPUTS[k].write(session, date.id, values[k] as string, io);
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  } finally {
    session.close();
  }
}

function printText(view: ReportView, findings: ReturnType<PlanSession['findings']>, session: PlanSession, io: CliIO, units: readonly UnitReportRow[]): void {
  const lang = langOf(io);
  const meta = session.meta;
  const tree = new ColumnTree(session.cycle().columns);
  const money = (d: number) => formatAmount(d, meta.unit, meta.numberLocale);
  io.stdout(t(lang, 'execution.cli.heading', { program: meta.program, date: viDate(view.date.asOf), kind: t(lang, `execution.kind.${view.date.kind}`) }));
  io.stdout(t(lang, 'unit.label', { unit: t(lang, `unit.${meta.unit}`) }));
  const line = (label: string, f: ReportFigures, key: string) =>
    `${label}: ${t(lang, 'execution.cli.figures', { plan: money(f.plan[key]), disbursed: money(f.disbursed[key]), rate: formatRate(f.rate[key], meta.numberLocale) || '—', period: money(f.period[key]) })}`;
  for (const c of tree.ordered) io.stdout(`${'  '.repeat(tree.depth(c.key))}${line(columnLabel(c.key, lang, session.cycle().columns), view.totals, c.key)}`);
  const root = tree.ordered[0]?.key;
  if (root) {
    for (const c of view.carryover) io.stdout(line(t(lang, 'execution.cli.carryover', { year: c.year }), c.totals, root));
    if (view.carryover.length) io.stdout(line(t(lang, 'execution.cli.combined'), view.combined, root));
    for (const r of view.rows) io.stdout(`${'  '.repeat(r.depth + 1)}${r.code} ${r.name.slice(0, 60)} — ${line('', r, root).slice(2)}`);
    if (units.length) {
      io.stdout(t(lang, 'execution.cli.byUnit'));
      for (const u of units) io.stdout(`${'  '.repeat(u.depth + 1)}${u.name} — ${line('', u, root).slice(2)}`);
    }
  }
  io.stdout(t(lang, 'cli.findings', { count: findings.length }));
  for (const f of findings) io.stdout(`  [${t(lang, `rules.severity.${f.severity}`)}] ${f.message}`);
}
