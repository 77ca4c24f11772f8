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
import type { DB } from './store/db';

export type Cursor = { lineId: number; column: string | null } | null;

export interface SessionContext {
  readonly calc: PlanCalc;
  readonly columns: ColumnTree;
  readonly meta: CycleMeta;
  readonly rules: RuleParams;
  readonly info: FileInfo;
  readonly db: DB;
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
  /** Actions that move later siblings by `delta`, opening or closing a gap at `from`. */
  shiftSiblings(parentId: number | null, from: number, delta: number): DocAction[];
  /** Apply actions as one undoable step, in one transaction. */
  commit(label: string, actions: DocAction[], cursor: Cursor): Patch;
  emptyPatch(): Patch;
}

/**
 * A command handler: validated arguments and the session in, a Promise of the result out. Every
 * handler is async (a handler whose work is synchronous still runs at once, up to its first await),
 * so the Workspace awaits them all the same way.
 */
export type Handler<K extends CommandName> = (args: CommandArgs<K>, ctx: SessionContext) => Promise<CommandResults[K]>;

/** A map of handlers, one per command name in `K` (an area's, or all of them). */
export type HandlerMap<K extends CommandName> = { [P in K]: Handler<P> };
