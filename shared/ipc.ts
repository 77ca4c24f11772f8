// The contract between the UI and the engine, typed once: every command's arguments (as zod
// schemas, validated again on the engine side of every bridge) and its result type.
// Electron's IPC, the browser-mode loopback bridge and the tests all go through this map.
import { z } from 'zod';
import type { Finding, FindingsDelta } from './findings';
import type { CapitalType, CycleMeta, Dong, FundingColumn, RuleParams } from './model';
import { MAX_CELL_DONG } from './model';
import { areaCommandArgs, type AreaCommandResults } from './commands';
import { SETTING_KEYS } from './settings';
import { isIsoDate } from './doc-date';

const lineId = z.number().int().positive();
const amount = z.number().int().min(-MAX_CELL_DONG).max(MAX_CELL_DONG).nullable();
const columnKey = z.string().min(1).max(64);
const settingKey = z.enum(SETTING_KEYS);
const cellChange = z.object({ lineId, column: columnKey, value: amount });

/** Longest text each plan detail takes (the plan-details form checks the same before sending). */
export const META_TEXT_MAX = {
  program: 500, issuer: 300, place: 200, docNumber: 100, docKind: 100,
  authority: 200, title: 200, signer: 200, preparedBy: 200,
  onBehalf: 200, recipients: 2000, annexNumber: 20,
} as const;

const metaPatch = z
  .object({
    program: z.string().max(META_TEXT_MAX.program),
    year: z.number().int().min(1900).max(2200),
    issuer: z.string().max(META_TEXT_MAX.issuer),
    place: z.string().max(META_TEXT_MAX.place),
    docNumber: z.string().max(META_TEXT_MAX.docNumber),
    docDate: z.string().refine((v) => v === '' || isIsoDate(v), 'yyyy-mm-dd'),
    docKind: z.string().max(META_TEXT_MAX.docKind),
    unit: z.enum(['dong', 'nghin', 'trieu', 'ty']),
    numberLocale: z.enum(['vi-VN', 'en-US']),
    signature: z.object({
      authority: z.string().max(META_TEXT_MAX.authority),
      title: z.string().max(META_TEXT_MAX.title),
      signer: z.string().max(META_TEXT_MAX.signer),
      preparedBy: z.string().max(META_TEXT_MAX.preparedBy),
      onBehalf: z.string().max(META_TEXT_MAX.onBehalf).optional(),
      recipients: z.string().max(META_TEXT_MAX.recipients).optional(),
    }),
    annexNumber: z.string().max(META_TEXT_MAX.annexNumber),
  })
  .partial()
  .strict();

const rulesSchema = z
  .object({
    counterpartMinPercent: z.number().min(0).max(100),
    toleranceDong: z.number().int().min(0).max(MAX_CELL_DONG).nullable(),
    counterpartPerLine: z.boolean(),
    counterpartTolerancePercent: z.number().min(0).max(100).optional(),
    counterpartLineDepth: z.number().int().min(0).max(20).optional(),
  })
  .strict();

const lineFields = z
  .object({
    code: z.string().max(50),
    name: z.string().max(2000),
    agency: z.string().max(1000),
    note: z.string().max(2000),
  })
  .partial()
  .strict();

/** Argument schemas of the core engine commands (areas add theirs in shared/commands/). */
export const coreCommandArgs = {
  /** The plan; with firstRows, only that many rows (the rest via cycle/rows) and no findings yet. */
  'cycle/snapshot': z.object({ firstRows: z.number().int().min(1).max(1_000_000).optional() }).strict(),
  'cycle/rows': z.object({ from: z.number().int().min(0), count: z.number().int().min(1).max(200_000) }).strict(),
  'cycle/findings': z.object({}).strict(),
  'cell/set': cellChange.strict(),
  'cells/set': z.object({ changes: z.array(cellChange.strict()).max(2_000_000), label: z.string().max(200).optional() }).strict(),
  'line/update': z.object({ lineId, fields: lineFields }).strict(),
  'line/setCapital': z
    .object({ lineId, allowedCapital: z.array(z.enum(['investment', 'recurrent'])).max(2).nullable(), isAdjustment: z.boolean().optional() })
    .strict(),
  'line/insert': z
    .object({ anchor: lineId.nullable(), where: z.enum(['above', 'below', 'child']), fields: lineFields.optional() })
    .strict(),
  'line/delete': z.object({ lineId }).strict(),
  'meta/set': z.object({ meta: metaPatch }).strict(),
  'rules/set': z.object({ rules: rulesSchema }).strict(),
  'undo': z.object({}).strict(),
  'redo': z.object({}).strict(),
  /** Per-cycle settings of an area (print settings, templates…), stored in the file; undoable. */
  'settings/get': z.object({ key: settingKey }).strict(),
  'settings/set': z.object({ key: settingKey, value: z.unknown(), label: z.string().max(200).optional() }).strict(),
} as const;

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

export interface CoreCommandResults {
  'cycle/snapshot': Snapshot;
  'cycle/rows': { rows: RowView[] };
  'cycle/findings': { findings: Finding[] };
  'cell/set': Patch;
  'cells/set': Patch;
  'line/update': Patch;
  'line/setCapital': Patch;
  'line/insert': Patch & { lineId: number };
  'line/delete': Patch;
  'meta/set': Patch;
  'rules/set': Patch;
  'undo': Patch;
  'redo': Patch;
  'settings/get': { value: unknown };
  'settings/set': Patch;
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
