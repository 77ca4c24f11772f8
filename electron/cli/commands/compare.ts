// `plandesk compare A B [--rev-a NAME] [--rev-b NAME] [--json] [--xlsx OUT]`: the differences
// between two plan files, or revisions saved in them (the same file twice for two of its revisions):
// lines added, removed, changed, with old, new and Δ per funding column, then the units' shares that
// differ (by unit, line and column; JSON `shares`). JSON amounts are integer
// đồng. Exit 0 when compared, 1 when a file cannot be read, 2 on bad arguments.
import type { CompareResult } from '../../../shared/commands/history';
import { t } from '../../../shared/i18n';
import type { DisplayUnit } from '../../../shared/model';
import { formatAmount, formatSignedAmount } from '../../../shared/number';
import { comparePlans } from '../../engine/history/compare';
import { writeCompareXlsx } from '../../engine/history/compare-xlsx';
import { loadFileSide } from '../../engine/history/sources';
import { readArgs } from '../args';
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { reportError } from './report-error';

export async function run(argv: string[], io: CliIO): Promise<number> {
  let positionals: string[];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ positionals, values } = readArgs(argv, {
      json: { type: 'boolean' }, xlsx: { type: 'string' }, 'rev-a': { type: 'string' }, 'rev-b': { type: 'string' },
    }, langOf(io)));
  } catch (e) {
    // readArgs' message already names the argument, in Vietnamese.
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  if (positionals.length !== 2) {
    io.stderr(t(langOf(io), 'cli.usage.compare'));
    return EXIT.usage;
  }
  const bad = checkPaths(io, positionals, [typeof values.xlsx === 'string' ? values.xlsx : undefined]);
  if (bad !== null) return bad;
  try {
    const a = loadFileSide(positionals[0], values['rev-a'] as string | undefined);
    const b = loadFileSide(positionals[1], values['rev-b'] as string | undefined);
    const { allRows, allShares: _s, ...rest } = comparePlans(a, b);
    const rows = allRows();
    const result: CompareResult = { ...rest, rows, sides: { a: a.side, b: b.side }, a: a.info, b: b.info, unit: b.unit };
    if (typeof values.xlsx === 'string') await writeCompareXlsx(values.xlsx, result, rows);
    if (values.json) {
      io.stdout(JSON.stringify({ a: result.a, b: result.b, match: result.match, counts: result.counts, totals: result.totals, rows, ...(result.shares ? { shares: result.shares } : {}) }, null, 2));
      return EXIT.ok;
    }
    const unit = b.unit as DisplayUnit;
    const money = (v: number | null) => (v === null ? '—' : formatAmount(v, unit));
    io.stdout(`A: ${a.info.name}${a.info.docNumber ? ` (${a.info.docNumber})` : ''} — B: ${b.info.name}${b.info.docNumber ? ` (${b.info.docNumber})` : ''}`);
    io.stdout(t(langOf(io), 'history.compare.summary', result.counts));
    for (const r of rows) {
      io.stdout(`[${t(langOf(io), `history.compare.${r.status}`)}] ${r.code} ${r.name}`);
      for (const f of r.fields) io.stdout(`    ${t(langOf(io), `history.field.${f.field}`)}: "${f.old}" → "${f.new}"`);
      for (const c of result.columns) {
        const cell = r.cells[c.key];
        if (!cell) continue;
        const d = (cell.new ?? 0) - (cell.old ?? 0);
        io.stdout(`    ${c.label[langOf(io)]}: ${money(cell.old)} → ${money(cell.new)} (${formatSignedAmount(d, unit)})`);
      }
    }
    // Units' shares that differ (issue 14), by unit, line and column.
    if (result.shares?.length) io.stdout(t(langOf(io), 'history.compare.shares', { count: result.shares.length }));
    const labelOf = new Map(result.columns.map((c) => [c.key, c.label[langOf(io)]]));
    for (const x of result.shares ?? []) {
      io.stdout(`    ${x.unit} · ${x.code} ${x.name} · ${labelOf.get(x.column) ?? x.column}: ${money(x.old)} → ${money(x.new)} (${formatSignedAmount((x.new ?? 0) - (x.old ?? 0), unit)})`);
    }
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  }
}
