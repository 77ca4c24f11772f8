// The shapes that cross the bridge whatever the command: a row as the grid shows it, the undo
// state, the open file, a snapshot of the plan, a command's Patch and a refusal. Kept apart from
// the command map (ipc.ts) so that the areas' contracts (shared/commands/) can name them without
// importing the map that imports them.
import type { Finding, FindingsDelta } from './findings';
import type { CapitalType, CycleMeta, Dong, FundingColumn, RuleParams } from './model';
import type { UnitsDelta } from './units/book';
import type { ExecutionDelta } from './execution/model';

/** One line as the grid shows it: its fields, computed values and stored figures. */
export interface RowView {
  id: number;
  parentId: number | null;
  depth: number;
  code: string;
  name: string;
  agency: string;
  note: string;
  hasChildren: boolean;
  /** A parent whose children carry no amount: its own figures stand. */
  unallocated: boolean;
  allowedCapital: CapitalType[] | null;
  isAdjustment: boolean;
  /** Computed value of every column. */
  values: Record<string, Dong>;
  /** Stored figures: entries at leaf×leaf positions, stated totals elsewhere. */
  stored: Record<string, Dong>;
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface FileInfo {
  path: string;
  name: string;
  readOnly: boolean;
}

export interface Snapshot {
  file: FileInfo;
  /** Number of lines in the plan (rows may hold only the first ones). */
  rowCount: number;
  /** False when findings were not included (fetch them with cycle/findings). */
  findingsIncluded: boolean;
  meta: CycleMeta;
  columns: FundingColumn[];
  rules: RuleParams;
  rows: RowView[];
  totals: Record<string, Dong>;
  findings: Finding[];
  undo: UndoState;
}

/**
 * What a command changed: the rows to repaint, the totals, the findings. `structure` = lines were
 * added, removed or moved; the patch then also carries the new display order (every line id) and
 * the lines removed, and `rows` holds every row whose view changed (see structure-patch.ts).
 */
export interface Patch {
  rows: RowView[];
  totals: Record<string, Dong>;
  findings: FindingsDelta;
  undo: UndoState;
  structure: boolean;
  /** With `structure`: all line ids in display order. */
  order?: number[];
  /** With `structure`: lines that no longer exist. */
  removed?: number[];
  meta?: CycleMeta;
  rules?: RuleParams;
  /** Where the change was (undo/redo bring the cursor back there). */
  cursor?: { lineId: number; column: string | null } | null;
  /** Cells the command did not apply, with why (e.g. total positions in a paste). */
  skipped?: { lineId: number; column: string; reason: 'total_position' | 'unknown' }[];
  /**
   * The funding-column tree after a command that changed it (issue 13): the whole tree, with
   * `structure` and no `order` — every row's values change shape, so the window reads the plan again.
   */
  columns?: FundingColumn[];
  /** Units, shares and scores the command changed (issue 14; absent when none). */
  units?: UnitsDelta;
  /**
   * Units whose merged detail (issue 16) the command changed — a merge, a removal, a unit deleted or
   * merged, a funding column dropped — or whose detail refines a line it deleted or restored (only
   * lines that exist are shown); absent when none. Views of the detail re-read it only then.
   */
  details?: number[];
  /** Reporting dates, disbursement figures, carried-over funds the command changed (issue 15; absent when none). */
  execution?: ExecutionDelta;
}

/** Errors that cross the bridge carry a dictionary key, never a stack trace. */
export interface BridgeError {
  code: string;
  params?: Record<string, string | number>;
}
