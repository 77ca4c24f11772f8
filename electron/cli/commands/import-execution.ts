// `plandesk import REPORT.xlsx --into PLAN --as-of YYYY-MM-DD [--json]` (issue 15): a disbursement
// report read into the plan through the window's command (execution/import: a backup first, one
// undo step), and its report printed — the date and where it came from, the unit, each column's
// meaning, lines not matched, figures written, the plan's differences (the plan is not changed) and
// every cell not placed, with why. Amounts in --json are integer đồng.
import path from 'node:path';
import type { ExecutionImportReport } from '../../../shared/commands/execution';
import { columnLabel } from '../../../shared/column-labels';
import { viDate } from '../../../shared/execution/rules';
import { t, type Lang } from '../../../shared/i18n';
import { formatAmount } from '../../../shared/number';
import { EXIT, type CliIO, langOf } from '../io';
import type { IntoImporter } from './into-importer';

export const importExecution: IntoImporter = async (opts, run, io) => {
  const lang = langOf(io);
  const { report } = await run('execution/import', { path: path.resolve(opts.input), ...(opts.sheet ? { sheet: opts.sheet } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  if (opts.json) {
    io.stdout(JSON.stringify({ kind: 'execution', ...report, notPlaced: report.notPlaced.map((n) => ({ ...n, message: t(lang, `execution.import.reason.${n.reason}`) })) }, null, 2));
    return EXIT.ok;
  }
  for (const line of executionText(report, lang, opts.plan)) io.stdout(line);
  return EXIT.ok;
};

export function executionText(r: ExecutionImportReport, lang: Lang, plan: string): string[] {
  const money = (d: number) => formatAmount(d, r.unit);
  const unit = t(lang, `unit.${r.unit}`);
  const out = [t(lang, 'execution.import.read', { sheet: r.sheet, date: viDate(r.asOf), lines: r.lines, matched: r.matched, unit })];
  out.push(t(lang, r.asOfFrom === 'given' ? 'execution.import.dateGiven' : 'execution.import.dateFromFile'));
  if (r.asOfFrom === 'given' && r.fileAsOf && r.fileAsOf !== r.asOf) out.push(t(lang, 'execution.import.dateDiffers', { file: viDate(r.fileAsOf) }));
  if (r.dateCreated) out.push(t(lang, 'execution.import.dateCreated', { date: viDate(r.asOf) }));
  if (r.unitFrom !== 'file') out.push(t(lang, r.unitFrom === 'plan_figures' ? 'execution.import.unitFromPlan' : 'execution.import.unitAssumed', { unit }));
  out.push(t(lang, 'execution.import.columns'));
  for (const c of r.columns) {
    // A carried-over block's column: the header says so; its fund, or that the year is not settled.
    const carried = c.carried && c.role !== 'code' && c.role !== 'name';
    const what = t(lang, carried && c.role === 'plan' ? 'execution.import.role.carryoverPlan' : `execution.import.role.${c.role}`);
    const target = c.plan ? ` → ${columnLabel(c.plan, lang)}` : '';
    const fund = c.fund !== null ? ' ' + t(lang, 'execution.import.fund', { year: c.fund }) : carried && c.key ? ' ' + t(lang, 'execution.import.fundUnknown') : '';
    out.push(`  ${c.letter} "${c.header}": ${what}${target}${fund}${c.derived ? ' ' + t(lang, 'execution.import.derived') : ''}`);
  }
  for (const x of r.sections ?? []) {
    const what = x.fund !== null ? t(lang, 'execution.import.fund', { year: x.fund }).replace(/^— /, '') : x.carried ? t(lang, 'execution.import.fundUnknown').replace(/^— /, '') : t(lang, 'execution.import.sectionYear');
    out.push(t(lang, 'execution.import.section', { row: x.row, title: x.title, what }));
  }
  for (const c of r.carryover ?? []) {
    out.push(t(lang, 'execution.import.carryover', { year: c.year, from: t(lang, `execution.import.yearFrom.${c.yearFrom}`), amounts: c.amounts, figures: c.figures }));
    if (c.created) out.push(t(lang, 'execution.import.carryoverCreated', { year: c.year }));
  }
  if (r.unmatched.length) {
    out.push(t(lang, 'execution.import.unmatched'));
    for (const u of r.unmatched) out.push(`  ${u.address}: ${[u.code, u.name].filter(Boolean).join(' ')}`);
  }
  if (r.planDifferences.length) {
    out.push(t(lang, 'execution.import.planDifferences'));
    for (const d of r.planDifferences) out.push(`  ${d.address} ${d.line} · ${columnLabel(d.column, lang)}: ${money(d.file)} ≠ ${money(d.plan)}`);
  }
  if (r.notPlaced.length) {
    out.push(t(lang, 'execution.import.notPlaced'));
    for (const n of r.notPlaced) out.push(`  ${n.address} ${n.line}${n.column ? ' · ' + columnLabel(n.column, lang) : ''}: ${money(n.value)} — ${t(lang, `execution.import.reason.${n.reason}`)}`);
  }
  if (r.textNumbers.length) {
    out.push(t(lang, 'execution.import.textNumbers'));
    for (const x of r.textNumbers) out.push(`  ${x.address}: "${x.text}" = ${money(x.value)}`);
  }
  out.push(r.written ? t(lang, 'execution.import.written', { count: r.written, unchanged: r.unchanged, file: plan }) : t(lang, 'execution.import.nothing', { unchanged: r.unchanged }));
  return out;
}
