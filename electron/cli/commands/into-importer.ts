// The shape of one kind's reader for `plandesk import --into` (import-into.ts dispatches to them):
// its own module so each reader and the dispatcher import it without importing one another.
import type { TableKind } from '../../../shared/commands/alloc-io';
import type { CommandArgs, CommandName, CommandResults } from '../../../shared/ipc';
import type { Sniffed } from '../../engine/allocation/read-file';
import type { ImportMapping } from '../../engine/excel';
import type { CliIO } from '../io';

export interface IntoOptions {
  input: string;
  plan: string;
  kind?: TableKind;
  sheet?: string;
  mapping?: ImportMapping;
  json: boolean;
  /** The as-of date of a disbursement report (issue 15): makes the file one. */
  asOf?: string;
}

/** Runs a command on the plan open in the CLI's Workspace; a refusal is thrown as the engine's error. */
export type Run = <K extends CommandName>(name: K, args: CommandArgs<K>) => Promise<CommandResults[K]>;

/** One kind's import into an open plan: prints its report, returns the exit code. */
export type IntoImporter = (opts: IntoOptions, run: Run, io: CliIO, sniffed: Sniffed) => Promise<number>;
