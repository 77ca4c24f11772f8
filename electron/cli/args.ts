// A small argument reader for the CLI: positionals and --flags (with or without values), using
// Node's own util.parseArgs so unknown flags are errors, not silently ignored.
import { parseArgs } from 'node:util';

export type FlagSpec = Record<string, { type: 'string' | 'boolean' }>;

export function readArgs(argv: string[], flags: FlagSpec): { positionals: string[]; values: Record<string, string | boolean | undefined> } {
  const { positionals, values } = parseArgs({ args: argv, options: flags, allowPositionals: true, strict: true });
  return { positionals, values: values as Record<string, string | boolean | undefined> };
}
