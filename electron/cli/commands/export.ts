// `plandesk export FILE.plandesk --out OUT.xlsx [--template T.xlsx [--mapping M.json]]`: write the
// plan as a budget annex (the default layout, or filled into the department's own template).
// Exit 0 ok, 2 bad arguments, 1 when the plan or template cannot be read or the file not written.
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { t } from '../../../shared/i18n';
import type { CycleData } from '../../../shared/model';
import { exportAnnex } from '../../engine/excel';
import { openCycleFile } from '../../engine/store/cycle-file';
import { readArgs } from '../args';
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { mappingArg } from './mapping-arg';
import { reportError } from './report-error';
import { exportByUnit } from '../../engine/allocation/by-unit';

export async function run(argv: string[], io: CliIO): Promise<number> {
  let positionals: string[];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ positionals, values } = readArgs(argv, { out: { type: 'string' }, template: { type: 'string' }, mapping: { type: 'string' }, 'by-unit': { type: 'boolean' } }, langOf(io)));
  } catch (e) {
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  const out = values.out;
  const template = typeof values.template === 'string' ? values.template : undefined;
  if (positionals.length !== 1 || typeof out !== 'string' || out === '' || (values.mapping !== undefined && !template) || (values['by-unit'] && template !== undefined)) {
    io.stderr(t(langOf(io), 'excel.cli.usage.export'));
    return EXIT.usage;
  }
  const mappingRead = mappingArg(values.mapping, io, positionals[0]);
  if (!mappingRead.ok) return EXIT.usage;
  const mapping = mappingRead.mapping;
  const bad = checkPaths(io, [positionals[0], template], [out]);
  if (bad !== null) return bad;
  try {
    const file = openCycleFile(positionals[0], { readOnly: true });
    let data: CycleData;
    try {
      data = file.data();
    } finally {
      file.close();
    }
    if (values['by-unit']) {
      // The allocation annex by unit (issue 14): units as rows, the lines holding shares as columns.
      await exportByUnit(data, out);
      io.stdout(t(langOf(io), 'allocio.cli.exported', { file: out }));
      return EXIT.ok;
    }
    const calc = new PlanCalc(new ColumnTree(data.columns), data.lines, data.amounts);
    await exportAnnex({ meta: data.meta, columns: data.columns, calc, rules: data.rules }, out, { template, mapping });
    io.stdout(t(langOf(io), 'excel.cli.exported', { file: out }));
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  }
}
