// `plandesk new FILE [--sample] [--year N]`: create a cycle file (the built-in sample when asked,
// otherwise a blank cycle with the 2021-2025 program structure).
import { t } from '../../../shared/i18n';
import { blankCycle, sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { createCycleFile } from '../../engine/store/cycle-file';
import { readArgs } from '../args';
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { reportError } from './report-error';

/** Years a plan can be made for (a typo such as 20255 is refused, not made into a plan). */
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

export async function run(argv: string[], io: CliIO): Promise<number> {
  let positionals: string[];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ positionals, values } = readArgs(argv, { sample: { type: 'boolean' }, year: { type: 'string' }, force: { type: 'boolean' } }, langOf(io)));
  } catch (e) {
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  if (positionals.length !== 1) {
    io.stderr(t(langOf(io), 'cli.usage.new'));
    return EXIT.usage;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(/^\d{4}$/.test(String(values.year)) && year >= YEAR_MIN && year <= YEAR_MAX)) {
    io.stderr(t(langOf(io), 'cli.error.bad_year', { value: String(values.year), min: YEAR_MIN, max: YEAR_MAX }));
    return EXIT.usage;
  }
  const bad = checkPaths(io, [], [positionals[0]]);
  if (bad !== null) return bad;
  try {
    createCycleFile(positionals[0], values.sample ? sampleCycle() : blankCycle(year), { overwrite: !!values.force });
  } catch (e) {
    return reportError(e, io);
  }
  io.stdout(t(langOf(io), 'cli.created', { file: positionals[0] }));
  return EXIT.ok;
}
