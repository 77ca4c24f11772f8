// A small argument reader for the CLI: positionals and --flags (with or without values), using
// Node's own util.parseArgs so unknown flags are errors, not silently ignored.
import { parseArgs } from 'node:util';
import { t, type Lang } from '../../shared/i18n';

export type FlagSpec = Record<string, { type: 'string' | 'boolean' }>;

/** Thrown for arguments the command does not take; its message is already in the user's language. */
export class UsageError extends Error {}

export function readArgs(argv: string[], flags: FlagSpec, lang: Lang = 'vi'): { positionals: string[]; values: Record<string, string | boolean | undefined> } {
  try {
    const { positionals, values } = parseArgs({ args: argv, options: flags, allowPositionals: true, strict: true });
    return { positionals, values: values as Record<string, string | boolean | undefined> };
  } catch (e) {
    // Node's own messages are English: name the offending argument in the user's language instead.
    const code = (e as { code?: string }).code;
    const flag = /'([^']+)'/.exec((e as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(t(lang, 'cli.unknownFlag', { flag }));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(t(lang, 'cli.badFlagValue', { flag }));
    throw new UsageError(t(lang, 'cli.badArgs'));
  }
}
