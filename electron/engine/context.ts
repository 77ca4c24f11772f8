// What a command handler may use of an open session: the model, the file, and commit() — the one
// way to change the plan (DocActions applied in one transaction, recorded as one undo step).
// Feature areas write their handlers against this interface (electron/engine/commands/).
import type { ColumnTree } from '../../shared/columns';
import type { PlanCalc } from '../../shared/calc';
import type { CommandArgs, CommandResults, FileInfo, Patch, RowView, Snapshot } from '../../shared/ipc';
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
  snapshot(): Snapshot;
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

/** A command handler of a feature area. */
export type AreaHandler<K extends keyof CommandResults> = (ctx: SessionContext, args: CommandArgs<K>) => CommandResults[K];
