// `plandesk consolidate PLAN FILES… [--json] [--accept-mismatch] [--strict]` (issue 16): the files
// (and folders) the units sent back, collected into the plan through the window's command
// (consolidation/run: a backup first, everything merged in one undo step). JSON:
// { units: [{ name, status: "ok"|"mismatch"|"missing", file, differences: [{ line, column, expected,
// actual }] }], files: [{ file, status: "merged"|"held"|"refused", unit, reason }] } (amounts in đồng;
// a unit whose file was refused is "missing", with the reason). Exit 0; 3 with --strict when a unit
// is missing or differs; 1 when the plan cannot be opened; 2 on bad arguments.
import os from 'node:os';
import path from 'node:path';
import type { BoardUnit, Reason } from '../../../shared/commands/consolidation';
import { columnLabel } from '../../../shared/column-labels';
import { t, tStored, type Lang } from '../../../shared/i18n';
import { formatAmount } from '../../../shared/number';
import { PlanDeskError } from '../../engine/errors';
import { Workspace } from '../../engine/workspace';
import { configureConsolidation } from '../../engine/consolidation/pool';
import { workerDir } from '../workers';
import { readArgs } from '../args';
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { reportError } from './report-error';

function dataDir(): string {
  return process.env.PLANDESK_DATA_DIR || path.join(os.homedir(), '.plandesk');
}

const reasonText = (lang: Lang, r: Reason | null) => (r ? tStored(lang, r.key, r.params) : null);

/** The contract's status: a unit whose file was refused has not (validly) sent anything. */
const jsonStatus = (u: BoardUnit) => (u.status === 'refused' ? 'missing' : u.status);

export async function run(argv: string[], io: CliIO): Promise<number> {
  const lang = langOf(io);
  let positionals: string[];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ positionals, values } = readArgs(argv, { json: { type: 'boolean' }, 'accept-mismatch': { type: 'boolean' }, strict: { type: 'boolean' } }, lang));
  } catch (e) {
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  if (positionals.length < 2) {
    io.stderr(t(lang, 'consolidation.cli.usage'));
    return EXIT.usage;
  }
  const [plan, ...inputs] = positionals;
  const bad = checkPaths(io, [plan]);
  if (bad !== null) return bad;
  // The units' files are read in worker threads beside the built CLI (dist/electron), when there.
  try {
    configureConsolidation({ workerDir: workerDir(io.workerDir) });
  } catch {
    /* no worker bundle: read on this thread */
  }
  const ws = new Workspace(null, { dataDir: dataDir() });
  try {
    const info = ws.open(plan);
    if (info.readOnly) throw new PlanDeskError('error.read_only');
    const r = await ws.handle('consolidation/run', { paths: inputs.map((p) => path.resolve(p)), acceptMismatch: !!values['accept-mismatch'], dryRun: false });
    if (!r.ok) throw PlanDeskError.received(r.error.code, r.error.params);
    const { board, files } = r.value;
    const snap = await ws.handle('cycle/snapshot', {});
    const columns = snap.ok ? snap.value.columns : undefined;
    const unit = snap.ok ? snap.value.meta.unit : 'trieu';
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            units: board.units.map((u) => ({
              name: u.name,
              status: jsonStatus(u),
              file: u.file,
              received: u.received,
              differences: u.differences.map(({ line, column, expected, actual }) => ({ line, column, expected, actual })),
              ...(u.reason ? { reason: reasonText(lang, u.reason) } : {}),
            })),
            files: files.map((f) => ({ file: f.file, status: f.status, unit: f.unit, kind: f.kind, reason: reasonText(lang, f.reason) })),
          },
          null,
          2,
        ),
      );
    } else {
      const count = (s: string) => files.filter((f) => f.status === s).length;
      io.stdout(t(lang, 'consolidation.cli.summary', { merged: count('merged'), held: count('held'), refused: count('refused'), missing: board.units.filter((u) => u.status === 'missing' || u.status === 'refused').length }));
      io.stdout(t(lang, 'consolidation.cli.units'));
      for (const u of board.units) {
        io.stdout(`  ${u.name}: ${t(lang, `consolidation.status.${u.status}`)}${u.file ? ` (${u.file})` : ''}`);
        for (const d of u.differences.slice(0, 20)) {
          io.stdout(`    ${t(lang, 'consolidation.cli.difference', { line: d.line, column: columnLabel(d.column, lang, columns), expected: formatAmount(d.expected, unit), actual: formatAmount(d.actual, unit) })}`);
        }
      }
      io.stdout(t(lang, 'consolidation.cli.files'));
      for (const f of files) io.stdout(`  ${path.basename(f.file)}: ${t(lang, `consolidation.file.${f.status}`)}${f.unit ? ` — ${f.unit}` : ''}${f.reason ? ` — ${reasonText(lang, f.reason)}` : ''}`);
    }
    const incomplete = board.units.some((u) => u.status !== 'ok');
    return values.strict && incomplete ? EXIT.strictErrors : EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  } finally {
    ws.close();
  }
}
