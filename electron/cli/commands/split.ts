// `plandesk split PLAN.plandesk --out DIR [--format xlsx|plandesk] [--force]`: one file per unit holding a
// share, named after the unit in ASCII, into an existing folder (electron/engine/allocation/split.ts);
// files already there are replaced only with --force (one may be a unit's filled reply).
// Exit 0 split, 1 when the plan cannot be read, has no shares or a file cannot be written, 2 on bad arguments.
import fs from 'node:fs';
import { t } from '../../../shared/i18n';
import { splitByUnit, type SplitFormat } from '../../engine/allocation/split';
import { readCycleFile } from '../../engine/history/sources';
import { readArgs } from '../args';
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { reportError } from './report-error';

const FORMATS: readonly SplitFormat[] = ['xlsx', 'plandesk'];

export async function run(argv: string[], io: CliIO): Promise<number> {
  const lang = langOf(io);
  let positionals: string[];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ positionals, values } = readArgs(argv, { out: { type: 'string' }, format: { type: 'string' }, force: { type: 'boolean' } }, lang));
  } catch (e) {
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  const out = values.out;
  if (positionals.length !== 1 || typeof out !== 'string' || out === '') {
    io.stderr(t(lang, 'allocio.cli.usage.split'));
    return EXIT.usage;
  }
  const format = (values.format ?? 'xlsx') as SplitFormat;
  if (!FORMATS.includes(format)) {
    io.stderr(t(lang, 'cli.badFlagValue', { flag: '--format' }) + ' (xlsx, plandesk)');
    return EXIT.usage;
  }
  const bad = checkPaths(io, [positionals[0]]);
  if (bad !== null) return bad;
  if (!fs.existsSync(out) || !fs.statSync(out).isDirectory()) {
    io.stderr(t(lang, 'allocio.error.no_dir', { folder: out }));
    return EXIT.failed;
  }
  try {
    // Read without writing to the plan (it may be open in a window): no -wal/-shm left beside it.
    const { data, lineage } = readCycleFile(positionals[0]);
    const { files } = await splitByUnit(data, out, format, lineage, { overwrite: !!values.force });
    io.stdout(t(lang, 'allocio.cli.split', { count: files.length, dir: out }));
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  }
}
