// The contract between the UI and the engine, typed once: every command's arguments (as zod
// schemas, validated again on the engine side of every bridge) and its result type.
// Electron's IPC, the browser-mode loopback bridge and the tests all go through this map.
import type { z } from 'zod';
import type { Finding, FindingsDelta } from './findings';
import type { CapitalType, CycleMeta, Dong, FundingColumn, RuleParams } from './model';
import { areaCommandArgs, type AreaCommandResults } from './commands';
import { coreCommandArgs, type CoreCommandResults } from './commands/core';

// The core commands are declared in shared/commands/core.ts; importers keep finding them here.
export { coreCommandArgs, META_TEXT_MAX, type CoreCommandResults } from './commands/core';

/** Argument schemas of every engine command: the core's and each area's. */
export const commandArgs = { ...coreCommandArgs, ...areaCommandArgs };

export type CommandName = keyof typeof commandArgs;
export type CommandArgs<K extends CommandName> = z.infer<(typeof commandArgs)[K]>;

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
}

export interface CommandResults extends CoreCommandResults, AreaCommandResults {}

/** Errors that cross the bridge carry a dictionary key, never a stack trace. */
export interface BridgeError {
  code: string;
  params?: Record<string, string | number>;
}

/** The bridge the renderer sees (preload in Electron, loopback HTTP in browser mode). */
export interface PlanDeskBridge {
  invoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResults[K]>;
  /**
   * File-level actions handled by the host (dialogs live in Electron's main process). 'print' and
   * 'exportPdf' print the open cycle's annex with its saved settings; exportPdf's `file` is the PDF.
   * 'openInNewWindow' and 'newInNewWindow' (Electron only) open or create a plan in a window of its
   * own; a plan already open in a window is brought to the front instead.
   */
  fileAction(
    action: 'new' | 'open' | 'saveAs' | 'openRecent' | 'print' | 'exportPdf' | 'openInNewWindow' | 'newInNewWindow',
    arg?: string,
  ): Promise<FileActionResult>;
  /**
   * Hand the host a spreadsheet the person picked or dropped in the page (bytes, at most 100 MB):
   * the answer's id starts an import ('transfer/start' with source {kind: 'upload', id}).
   */
  upload(name: string, bytes: ArrayBuffer): Promise<{ ok: true; id: string } | { ok: false; error: BridgeError }>;
  /** The recent-files list the host keeps (newest first), for File → recent files. */
  recentFiles(): Promise<string[]>;
  /** Subscribe to host events (e.g. the menu asked to undo, the file changed). Returns unsubscribe. */
  on(listener: (event: HostEvent) => void): () => void;
  readonly mode: 'electron' | 'browser';
}

export type FileActionResult = { ok: true; file: FileInfo | null } | { ok: false; error: BridgeError };

export type HostEvent =
  | { type: 'file-changed'; file: FileInfo }
  | { type: 'menu'; action: string };
