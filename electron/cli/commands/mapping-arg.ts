// `--mapping FILE.json` of `import` and `export`: the column mapping it names, or the Vietnamese
// line that says why it cannot be used (the caller then exits 2: a bad argument). Its targets are
// checked against the plan it is used with (`import --into PLAN`, `export PLAN`): a custom column of
// that plan is a valid target; for a new plan (`import --out`) the standard keys are.
import { tStored } from '../../../shared/i18n';
import { loadMapping, type ImportError, type ImportMapping } from '../../engine/excel';
import { openCycleFile } from '../../engine/store/cycle-file';
import { type CliIO, langOf } from '../io';

export function mappingArg(value: string | boolean | undefined, io: CliIO, plan?: string): { ok: true; mapping: ImportMapping | undefined } | { ok: false } {
  if (typeof value !== 'string') return { ok: true, mapping: undefined };
  try {
    return { ok: true, mapping: loadMapping(value, plan === undefined ? [] : planColumnKeys(plan)) };
  } catch (e) {
    io.stderr(tStored(langOf(io), (e as ImportError).code ?? 'error.internal', (e as ImportError).params ?? {}));
    return { ok: false };
  }
}

/**
 * The plan's column keys, read alone (not its lines). A plan that cannot be read gives none here:
 * the command's own open of it then says why, in its own words and exit code.
 */
function planColumnKeys(plan: string): string[] {
  try {
    const f = openCycleFile(plan, { readOnly: true });
    try {
      return (f.db.prepare('SELECT key FROM columns').pluck().all() as string[]);
    } finally {
      f.close();
    }
  } catch {
    return [];
  }
}
