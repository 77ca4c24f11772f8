// The `plandesk` command: the same engine as the app, no window. Dispatches to one module per
// sub-command; each returns its exit code.
import { t } from '../../shared/i18n';
import { EXIT, type CliIO } from './io';

type Command = { run: (argv: string[], io: CliIO) => Promise<number> };

const COMMANDS: Record<string, () => Promise<Command>> = {
  new: () => import('./commands/new'),
  check: () => import('./commands/check'),
  import: () => import('./commands/import'),
  export: () => import('./commands/export'),
  compare: () => import('./commands/compare'),
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(t('vi', 'cli.usage.main'));
    return EXIT.usage;
  }
  return (await load()).run(rest, io);
}

/** Run as a process: print, set the exit code. Called by bin/plandesk.cjs. */
export function runCli(argv: string[]): Promise<void> {
  const io: CliIO = { stdout: (s) => process.stdout.write(s + '\n'), stderr: (s) => process.stderr.write(s + '\n') };
  return main(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(t('vi', 'error.internal', { detail: String((e as Error)?.message ?? e) }) + '\n');
      process.exitCode = EXIT.failed;
    },
  );
}
