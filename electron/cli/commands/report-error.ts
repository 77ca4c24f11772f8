// Turn any error of a CLI command into one line on stderr (in Vietnamese) and exit code 1.
import { tStored } from '../../../shared/i18n';
import { toBridgeError } from '../../engine/errors';
import { EXIT, type CliIO, langOf } from '../io';

export function reportError(e: unknown, io: CliIO): number {
  const b = toBridgeError(e);
  io.stderr(tStored(langOf(io), b.code, b.params).replace(/\s*\n\s*/g, ' '));
  return EXIT.failed;
}
