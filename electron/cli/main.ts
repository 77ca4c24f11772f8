// The `plandesk` command: the same engine as the app, no window. Dispatches to one module per
// sub-command; each returns its exit code. `--help` (or `help`) lists the commands, one line each;
// `plandesk COMMAND --help` explains one. Messages are Vietnamese; `--lang en` (anywhere on the line)
// or PLANDESK_LANG=en makes them English. Not LANG: many Vietnamese offices run an English-language
// system, and a script's output must not change language with the machine it runs on.
import { t, type Lang, type MessageKey } from '../../shared/i18n';
import { EXIT, langOf, type CliIO } from './io';

type Command = { run: (argv: string[], io: CliIO) => Promise<number> };

const COMMANDS = {
  new: () => import('./commands/new'),
  check: () => import('./commands/check'),
  import: () => import('./commands/import'),
  export: () => import('./commands/export'),
  compare: () => import('./commands/compare'),
  report: () => import('./commands/report'),
  split: () => import('./commands/split'),
  consolidate: () => import('./commands/consolidate'),
} satisfies Record<string, () => Promise<Command>>;
type CommandName = keyof typeof COMMANDS;
const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** Each command's usage line (its dictionary key), shown above its help. */
const USAGE = {
  new: 'cli.usage.new',
  check: 'cli.usage.check',
  import: 'excel.cli.usage.import',
  export: 'excel.cli.usage.export',
  compare: 'cli.usage.compare',
  report: 'execution.cli.usage.report',
  split: 'allocio.cli.usage.split',
  consolidate: 'consolidation.cli.usage',
} as const satisfies Record<CommandName, MessageKey>;

const isHelp = (a: string) => a === '--help' || a === '-h';

const LANGS: readonly string[] = ['vi', 'en'] satisfies Lang[];

/** `--lang X` / `--lang=X` taken out of the arguments; undefined when absent, null when its value is bad. */
function takeLang(argv: string[]): { lang: Lang | undefined | null; rest: string[] } {
  const rest: string[] = [];
  let lang: Lang | undefined | null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const v = a === '--lang' ? argv[++i] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (a !== '--lang' && v === undefined) rest.push(a);
    else lang = v !== undefined && LANGS.includes(v) ? (v as Lang) : null;
  }
  return { lang, rest };
}

export async function main(argv: string[], given: CliIO, env: Record<string, string | undefined> = process.env): Promise<number> {
  const picked = takeLang(argv);
  const fromEnv = env.PLANDESK_LANG && LANGS.includes(env.PLANDESK_LANG) ? (env.PLANDESK_LANG as Lang) : undefined;
  const io: CliIO = { ...given, lang: picked.lang ?? given.lang ?? fromEnv ?? 'vi' };
  const lang = langOf(io);
  if (picked.lang === null) {
    io.stderr(t(lang, 'cli.badFlagValue', { flag: '--lang' }) + ' (vi, en)');
    return EXIT.usage;
  }
  const [name, ...rest] = picked.rest;
  if (name === undefined) {
    io.stderr(t(lang, 'cli.help.main'));
    return EXIT.usage;
  }
  if (isHelp(name) || name === 'help') {
    const about = rest[0];
    if (about !== undefined && !isCommand(about)) return unknown(about, io);
    io.stdout(about === undefined ? t(lang, 'cli.help.main') : commandHelp(about, lang));
    return EXIT.ok;
  }
  if (!isCommand(name)) return unknown(name, io);
  if (rest.some(isHelp)) {
    io.stdout(commandHelp(name, lang));
    return EXIT.ok;
  }
  return (await COMMANDS[name]()).run(rest, io);
}

function commandHelp(name: CommandName, lang: Lang): string {
  return `${t(lang, USAGE[name])}\n${t(lang, `cli.help.${name}`)}`;
}

function unknown(name: string, io: CliIO): number {
  io.stderr(t(langOf(io), 'cli.unknownCommand', { name }));
  return EXIT.usage;
}

/**
 * Writes to a stream that may close under us: `plandesk check F | head` closes stdout after a few
 * lines. Then the rest of the output is dropped quietly (as Unix tools stop at a closed pipe), the
 * command still finishes what it writes to disk, and its exit code stands. Any other write error
 * (a full disk under `> out.txt`) also stops the output, and the command then exits 1.
 */
function lineWriter(stream: NodeJS.WriteStream): { write: (s: string) => void; failed: () => boolean } {
  let closed = false;
  let failed = false;
  const stop = (e: NodeJS.ErrnoException) => {
    closed = true;
    if (e.code !== 'EPIPE') failed = true;
  };
  stream.on('error', stop);
  return {
    write: (s) => {
      if (closed) return;
      try {
        stream.write(s + '\n');
      } catch (e) {
        stop(e as NodeJS.ErrnoException);
      }
    },
    failed: () => failed,
  };
}

/** Run as a process: print, set the exit code. Called by bin/plandesk.cjs. */
export function runCli(argv: string[]): Promise<void> {
  const out = lineWriter(process.stdout);
  const err = lineWriter(process.stderr);
  const io: CliIO = { stdout: out.write, stderr: err.write };
  return main(argv, io).then(
    (code) => {
      process.exitCode = code === EXIT.ok && out.failed() ? EXIT.failed : code;
    },
    (e) => {
      io.stderr(t('vi', 'error.internal', { detail: String((e as Error)?.message ?? e) }));
      process.exitCode = EXIT.failed;
    },
  );
}
