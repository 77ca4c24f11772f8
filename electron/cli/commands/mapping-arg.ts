// `--mapping FILE.json` of `import` and `export`: the column mapping it names, or the Vietnamese
// line that says why it cannot be used (the caller then exits 2: a bad argument).
import { tStored } from '../../../shared/i18n';
import { loadMapping, type ImportError, type ImportMapping } from '../../engine/excel';
import { type CliIO, langOf } from '../io';

export function mappingArg(value: string | boolean | undefined, io: CliIO): { ok: true; mapping: ImportMapping | undefined } | { ok: false } {
  if (typeof value !== 'string') return { ok: true, mapping: undefined };
  try {
    return { ok: true, mapping: loadMapping(value) };
  } catch (e) {
    io.stderr(tStored(langOf(io), (e as ImportError).code ?? 'error.internal', (e as ImportError).params ?? {}));
    return { ok: false };
  }
}
