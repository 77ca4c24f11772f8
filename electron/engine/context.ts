// What a command handler may use of an open session: the model, the file, and commit() — the one
// way to change the plan (DocActions applied in one transaction, recorded as one undo step).
// Feature areas write their handlers against this interface (electron/engine/commands/).
import type { ColumnTree } from '../../shared/columns';
import type { PlanCalc } from '../../shared/calc';
import type { CommandArgs, CommandName, CommandResults, FileInfo, Patch, RowView, Snapshot } from '../../shared/ipc';
import type { Finding } from '../../shared/findings';
import type { CycleData, CycleMeta, Line, RuleParams } from '../../shared/model';
import type { SettingKey } from '../../shared/settings';
import type { DocAction } from './actions';
import type { AuditReader } from './history/audit-log';
import type { RevisionStore } from './history/revisions';
import type { HistoryHost } from './history/host';
import type { TransferJobs } from './transfer/jobs';
import type { Clock } from './clock';
import type { ExecutionState } from '../../shared/execution/state';
import type { ExecutionCalc } from '../../shared/execution/calc';
import type { UnitBook } from '../../shared/units/book';
import type { DetailBook } from '../../shared/consolidation/model';

export type Cursor = { lineId: number; column: string | null } | null;

/**
 * What the host gives the commands, passed in explicitly (never looked up): the workspace that owns
 * the file (backups, lock, safety status, opening another file) and the import jobs.
 */
export interface Services {
  /** Null for a session opened on its own (the CLI, engine tests): those commands say so. */
  readonly host: HistoryHost | null;
  /** The host's import jobs; refuses with error.no_workspace where the host runs none. */
  jobs(): TransferJobs;
  /** What time it is (the change log, revisions): the machine's clock unless the host gives its own. */
  clock: Clock;
}

export interface SessionContext {
  /** The host's services (see Services); set by the Workspace that opened the session. */
  readonly services: Services;
  readonly calc: PlanCalc;
  readonly columns: ColumnTree;
  readonly meta: CycleMeta;
  readonly rules: RuleParams;
  /** The cycle's units, their shares and criteria scores (issue 14); read only — change them with commit(). */
  readonly units: UnitBook;
  /** The units' merged detail lines (issue 16); read only — change them with commit(). */
  readonly unitDetails: DetailBook;
  /** Reporting dates, disbursement figures and carried-over funds (issue 15); read only — change them with commit(). */
  readonly execution: ExecutionState;
  /** The report's sums per as-of date over the line tree (issue 15). */
  readonly executionCalc: ExecutionCalc;
  readonly info: FileInfo;
  /** The audit log, to read (commit records every change in it). */
  readonly audit: AuditReader;
  /** The file's named revisions. */
  readonly revisions: RevisionStore;
  /** The file's lineage id (a plan and the cycles made from it share it), or null. */
  lineage(): string | null;
  cycle(): CycleData;
  snapshot(firstRows?: number): Snapshot;
  /** Rows from..from+count in display order. */
  rows(from: number, count: number): RowView[];
  findings(): Finding[];
  /** Undo or redo one step of the history, as one transaction. */
  undo(): Patch;
  redo(): Patch;
  rowView(id: number): RowView;
  setting<T = unknown>(key: SettingKey): T | undefined;
  requireLine(id: number): Line;
  /** A fresh line id (never reused within the session, even after undo). */
  newLineId(): number;
  /** Apply actions as one undoable step, in one transaction. */
  commit(label: string, actions: DocAction[], cursor: Cursor): Patch;
  emptyPatch(): Patch;
}

/**
 * A command handler: validated arguments and the session in, a Promise of the result out. Every
 * handler is async (a handler whose work is synchronous still runs at once, up to its first await),
 * so the Workspace awaits them all the same way.
 */
export type Handler<K extends CommandName> = ((args: CommandArgs<K>, ctx: SessionContext) => Promise<CommandResults[K]>) & {
  /**
   * A command that changes the plan in bulk (an import) declares that a backup of the plan as it is
   * must be taken first; the Workspace takes it before running the handler (safety/guarded-file.ts).
   */
  readonly backupFirst?: true;
};

/** Declare that a handler needs a backup of the current plan before it runs (see Handler.backupFirst). */
export function withBackupFirst<K extends CommandName>(handler: (args: CommandArgs<K>, ctx: SessionContext) => Promise<CommandResults[K]>): Handler<K> {
  return Object.assign(handler, { backupFirst: true as const });
}

/** A map of handlers, one per command name in `K` (an area's, or all of them). */
export type HandlerMap<K extends CommandName> = { [P in K]: Handler<P> };
