// `plandesk import IN.xlsx --out NEW.plandesk [--sheet NAME|N] [--mapping MAP.json] [--json] [--force]`:
// read a department spreadsheet (.xlsx, .xls, .ods), print the import report (text or --json; amounts
// in integer đồng) and write a new cycle file. Exit 0 ok, 2 bad arguments (incl. a bad mapping file),
// 1 when the spreadsheet is unreadable or refused (one Vietnamese line on stderr).
import { t, tStored, type Lang } from '../../../shared/i18n';
import { formatAmount } from '../../../shared/number';
import path from 'node:path';
import { importInWorker, type ImportReport } from '../../engine/excel';
import { createCycleFile } from '../../engine/store/cycle-file';
import { readArgs } from '../args';
import { columnLabel, targetLabel } from '../../../shared/column-labels';
import { ColumnTree } from '../../../shared/columns';
import type { FundingColumn } from '../../../shared/model';
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { workerDir } from '../workers';
import { mappingArg } from './mapping-arg';
import { reportError } from './report-error';
import { importInto } from './import-into';
import { isIsoDate } from '../../../shared/execution/model';

const KINDS = ['plan', 'allocation', 'execution'] as const;

export async function run(argv: string[], io: CliIO): Promise<number> {
  let positionals: string[];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ positionals, values } = readArgs(argv, {
      out: { type: 'string' },
      sheet: { type: 'string' },
      mapping: { type: 'string' },
      json: { type: 'boolean' },
      force: { type: 'boolean' },
      into: { type: 'string' },
      kind: { type: 'string' },
      'as-of': { type: 'string' },
    }, langOf(io)));
  } catch (e) {
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  const out = values.out;
  const into = values.into;
  // --as-of DATE (issue 15): the file is a disbursement report as of that date.
  const asOf = values['as-of'];
  if (asOf !== undefined && (typeof into !== 'string' || typeof asOf !== 'string' || !isIsoDate(asOf) || (values.kind !== undefined && values.kind !== 'execution'))) {
    io.stderr(t(langOf(io), 'cli.badFlagValue', { flag: '--as-of' }) + ' (YYYY-MM-DD; --into)');
    return EXIT.usage;
  }
  const kind = asOf !== undefined ? 'execution' : values.kind;
  if (kind !== undefined && (typeof into !== 'string' || !(KINDS as readonly unknown[]).includes(kind))) {
    io.stderr(t(langOf(io), 'cli.badFlagValue', { flag: '--kind' }) + ' (plan, allocation, execution; --into)');
    return EXIT.usage;
  }
  if (into !== undefined && (typeof into !== 'string' || into === '' || out !== undefined || positionals.length !== 1)) {
    // --into an existing plan, or --out a new one: never both, never half.
    io.stderr(t(langOf(io), 'excel.cli.usage.import'));
    return EXIT.usage;
  }
  if (typeof into === 'string') {
    // Into an existing plan (issue 14): the kind recognised or forced; see import-into.ts.
    if (typeof values.sheet === 'string' && (values.sheet.trim() === '' || /^-?\d+$/.test(values.sheet) && Number(values.sheet) < 1)) {
      io.stderr(t(langOf(io), 'cli.error.bad_sheet', { value: values.sheet }));
      return EXIT.usage;
    }
    const mappingInto = mappingArg(values.mapping, io, into);
    if (!mappingInto.ok) return EXIT.usage;
    const badInto = checkPaths(io, [positionals[0], into]);
    if (badInto !== null) return badInto;
    const sheetInto = typeof values.sheet === 'string' ? values.sheet : undefined;
    return importInto({ input: positionals[0], plan: into, kind: kind as (typeof KINDS)[number] | undefined, sheet: sheetInto, mapping: mappingInto.mapping, json: !!values.json, ...(typeof asOf === 'string' ? { asOf } : {}) }, io);
  }
  if (positionals.length !== 1 || typeof out !== 'string' || out === '') {
    io.stderr(t(langOf(io), 'excel.cli.usage.import'));
    return EXIT.usage;
  }
  if (typeof values.sheet === 'string' && (values.sheet.trim() === '' || /^-?\d+$/.test(values.sheet) && Number(values.sheet) < 1)) {
    io.stderr(t(langOf(io), 'cli.error.bad_sheet', { value: values.sheet }));
    return EXIT.usage;
  }
  const input = { path: positionals[0] };
  const mappingRead = mappingArg(values.mapping, io);
  if (!mappingRead.ok) return EXIT.usage;
  const mapping = mappingRead.mapping;
  const bad = checkPaths(io, [positionals[0]], [out]);
  if (bad !== null) return bad;
  try {
    // The workbook is read in the app's worker threads, under the same heap cap and wall time.
    const workers = workerDir(io.workerDir);
    // --sheet: a sheet's name, or its number counting from 1 (the importer decides, having the names).
    const sheet = typeof values.sheet === 'string' ? values.sheet : undefined;
    const { data, report } = await importInWorker(path.join(workers, 'import-worker.cjs'), input, { sheet, mapping });
    createCycleFile(out, data, { overwrite: !!values.force });
    if (values.json) io.stdout(JSON.stringify(jsonReport(report, langOf(io), data.columns), null, 2));
    else for (const line of textReport(report, langOf(io), data.columns)) io.stdout(line);
    io.stdout(t(langOf(io), 'excel.cli.imported', { file: out }));
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  }
}

/**
 * The report as JSON: amounts in integer đồng, each warning with its message in `lang`, and the new
 * plan's funding columns as `check --json` lists them ({ key, label, parent } in display order).
 */
export function jsonReport(report: ImportReport, lang: Lang = 'vi', columns?: readonly FundingColumn[]): unknown {
  return {
    ...report,
    ...(columns ? { columns: new ColumnTree(columns).ordered.map((c) => ({ key: c.key, label: c.label.vi, parent: c.parent })) } : {}),
    skipped: report.skipped.map((s) => ({ ...s, message: tStored(lang, s.reason) })),
    warnings: report.warnings.map((w) => ({ ...w, message: tStored(lang, w.key, w.params) })),
  };
}

/** The report as text; `columns` (the new plan's) names the file's own columns by their labels. */
export function textReport(r: ImportReport, lang: Lang = 'vi', columns?: readonly FundingColumn[]): string[] {
  const unit = t(lang, `unit.${r.unit}`);
  const out = [t(lang, 'excel.cli.summary', { sheet: r.sheet, lines: r.lineCount, amounts: r.amountCount, stated: r.statedCount, unit })];
  out.push(t(lang, 'excel.cli.columns') + ' ' + r.mappedColumns.map((c) => `${c.column} = ${targetLabel(c.key, lang, columns)}`).join('; '));
  if (r.addedColumns?.length) out.push(t(lang, 'excel.cli.added') + ' ' + r.addedColumns.map((c) => `${c.column} = ${c.label}`).join('; '));
  if (r.unmapped.length) out.push(t(lang, 'excel.cli.unmapped') + ' ' + r.unmapped.join('; '));
  out.push(t(lang, 'excel.cli.totals'));
  for (const [k, v] of Object.entries(r.totals)) out.push(`  ${columnLabel(k, lang, columns)}: ${formatAmount(v, r.unit)}`);
  if (r.skipped.length) {
    out.push(t(lang, 'excel.cli.skipped'));
    for (const s of r.skipped) out.push(`  ${s.address}: ${tStored(lang, s.reason)}`);
  }
  if (r.warnings.length) {
    out.push(t(lang, 'excel.cli.warnings'));
    for (const w of r.warnings) out.push(`  ${w.address ? w.address + ': ' : ''}${tStored(lang, w.key, w.params)}`);
  }
  return out;
}
