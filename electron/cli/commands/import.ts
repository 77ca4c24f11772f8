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
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { workerDir } from '../workers';
import { mappingArg } from './mapping-arg';
import { reportError } from './report-error';

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
    }, langOf(io)));
  } catch (e) {
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  const out = values.out;
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
    if (values.json) io.stdout(JSON.stringify(jsonReport(report, langOf(io)), null, 2));
    else for (const line of textReport(report, langOf(io))) io.stdout(line);
    io.stdout(t(langOf(io), 'excel.cli.imported', { file: out }));
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  }
}

/** The report as JSON: amounts in integer đồng, each warning with its message in `lang`. */
export function jsonReport(report: ImportReport, lang: Lang = 'vi'): unknown {
  return {
    ...report,
    skipped: report.skipped.map((s) => ({ ...s, message: tStored(lang, s.reason) })),
    warnings: report.warnings.map((w) => ({ ...w, message: tStored(lang, w.key, w.params) })),
  };
}

export function textReport(r: ImportReport, lang: Lang = 'vi'): string[] {
  const unit = t(lang, `unit.${r.unit}`);
  const out = [t(lang, 'excel.cli.summary', { sheet: r.sheet, lines: r.lineCount, amounts: r.amountCount, stated: r.statedCount, unit })];
  out.push(t(lang, 'excel.cli.columns') + ' ' + r.mappedColumns.map((c) => `${c.column} = ${targetLabel(c.key, lang)}`).join('; '));
  if (r.unmapped.length) out.push(t(lang, 'excel.cli.unmapped') + ' ' + r.unmapped.join('; '));
  out.push(t(lang, 'excel.cli.totals'));
  for (const [k, v] of Object.entries(r.totals)) out.push(`  ${columnLabel(k, lang)}: ${formatAmount(v, r.unit)}`);
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
