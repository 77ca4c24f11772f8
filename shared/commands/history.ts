// Commands of issue 7, "never lose a plan": the audit log, named revisions, comparisons, a new
// cycle from this one, backups and restore, and the safety status of the open file (lock, crash
// recovery, network share, read-only). Argument schemas and result types.
import { z } from 'zod';
import type { FileInfo } from '../protocol';
import type { FundingColumn } from '../model';

const iso = z.string().max(40);
const auditKind = z.enum(['edit', 'undo', 'redo', 'revision', 'restore', 'created']);
const revisionId = z.number().int().positive();
const filePath = z.string().max(4096);

/** One side of a comparison: the plan as it is now, a named revision, or another cycle file. */
const compareSide = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('current') }).strict(),
  z.object({ kind: z.literal('revision'), id: revisionId }).strict(),
  z.object({ kind: z.literal('file'), path: filePath }).strict(),
]);
export type CompareSide = z.infer<typeof compareSide>;

const auditFilter = z
  .object({
    /** Line code (prefix) or words of the line name. */
    text: z.string().max(200),
    lineId: z.number().int().positive(),
    /** A funding column key, or a line field (code, name, agency, note). */
    field: z.string().max(64),
    user: z.string().max(200),
    kind: auditKind,
    /** ISO instants (the UI turns the officer's local dates into these). */
    fromAt: iso,
    toAt: iso,
  })
  .partial()
  .strict();
export type AuditFilter = z.infer<typeof auditFilter>;

const backupId = z.string().regex(/^[0-9TZ-]+\.[a-z-]+\.\d+\.plandesk$/).max(120);

export const historyArgs = {
  'history/audit': z.object({ filter: auditFilter, offset: z.number().int().min(0).max(1e9), limit: z.number().int().min(1).max(1000) }).strict(),
  'history/auditUsers': z.object({}).strict(),
  'history/revisions': z.object({}).strict(),
  'history/createRevision': z.object({ name: z.string().trim().min(1).max(200), note: z.string().max(2000).optional() }).strict(),
  'history/deleteRevision': z.object({ id: revisionId }).strict(),
  'history/compare': z.object({ a: compareSide, b: compareSide, limit: z.number().int().min(0).max(200_000).optional() }).strict(),
  /** Writes the whole comparison to an xlsx file (in Electron, main picks `path` in a save dialog). */
  'history/exportCompare': z.object({ a: compareSide, b: compareSide, path: filePath }).strict(),
  /** Creates next year's cycle from this one and opens it (in Electron, main picks `path`). */
  'history/newCycle': z
    .object({
      path: filePath,
      year: z.number().int().min(1900).max(2200),
      keepAmounts: z.boolean(),
      docNumber: z.string().max(100).optional(),
    })
    .strict(),
  'backup/list': z.object({}).strict(),
  'backup/now': z.object({}).strict(),
  /** `damaged`: restore the file that last failed to open as damaged, not the open one. */
  'backup/restore': z.object({ id: backupId, damaged: z.boolean().optional() }).strict(),
  'safety/status': z.object({}).strict(),
  /** Open the current file for editing although another PlanDesk holds its lock. */
  'safety/takeOver': z.object({}).strict(),
} as const;

export type AuditKind = z.infer<typeof auditKind>;

export interface AuditRow {
  stepId: number;
  seq: number | null;
  at: string;
  user: string;
  host: string;
  kind: AuditKind;
  label: string;
  /** amount | fields | capital | insert | delete | place | meta (null: a step without changes). */
  action: string | null;
  lineId: number | null;
  lineCode: string | null;
  lineName: string | null;
  /** Column key (amount), field name (fields), setting/meta key (meta). */
  field: string | null;
  /** Amounts as integer đồng, text fields as text, anything else as JSON text. */
  old: number | string | null;
  new: number | string | null;
  /** The unit a units' or execution row names (`unit:ID` in `field`), by its name then or now. */
  unit?: string;
  /** The as-of date (yyyy-mm-dd) an execution row's `date:ID` names. */
  asOf?: string;
}

export interface RevisionInfo {
  id: number;
  name: string;
  note: string;
  createdAt: string;
  user: string;
  host: string;
  lineCount: number;
}

export type CompareStatus = 'added' | 'removed' | 'changed';

export interface CompareRow {
  status: CompareStatus;
  /** The line in A / in B (null where it does not exist). */
  aId: number | null;
  bId: number | null;
  code: string;
  name: string;
  depth: number;
  /** Text fields that differ. */
  fields: { field: 'code' | 'name' | 'agency' | 'note'; old: string; new: string }[];
  /** Computed amounts that differ, by column (null: the line is absent on that side). */
  cells: Record<string, { old: number | null; new: number | null }>;
}

export interface CompareSideInfo {
  kind: CompareSide['kind'];
  /** The revision's name, or the file's name. */
  name: string;
  docNumber: string;
  lineCount: number;
}

/** A unit's share that differs between the two sides (issue 14): old/new null = none on that side. */
export interface CompareShareRow {
  /** The unit's name (B's, else A's); units pair by their name key (diacritics, case, spacing). */
  unit: string;
  /** The line's code and name (B's, else A's). */
  code: string;
  name: string;
  column: string;
  old: number | null;
  new: number | null;
}

export interface CompareResult {
  /** The sides as compared (a file side carries the path chosen for it: export reuses it). */
  sides: { a: CompareSide; b: CompareSide };
  a: CompareSideInfo;
  b: CompareSideInfo;
  /** How lines were paired: by id (same lineage) then code path, or by code path only. */
  match: 'id' | 'code';
  columns: FundingColumn[];
  unit: string;
  counts: { added: number; removed: number; changed: number; unchanged: number };
  /** Program totals per column on each side. */
  totals: Record<string, { old: number; new: number }>;
  rows: CompareRow[];
  /** Rows in the whole comparison (rows may hold fewer: see `limit`). */
  totalRows: number;
  /** Units' shares that differ, by unit, line and column (absent: neither side has units; may hold fewer: see `limit`). */
  shares?: CompareShareRow[];
  /** Shares that differ in the whole comparison. */
  totalShares?: number;
}

export interface BackupInfo {
  id: string;
  at: string;
  reason: 'open' | 'hourly' | 'manual' | 'migration' | 'import' | 'restore' | 'damaged' | 'replaced';
  size: number;
}

export interface LockOwnerInfo {
  user: string;
  host: string;
  since: string;
  /** Held by a process on this computer (another window). */
  sameHost: boolean;
}

export interface SafetyStatus {
  path: string;
  readOnly: boolean;
  /** Why the file is read-only: asked for, locked by someone else, not writable, or damaged. */
  readOnlyReason: 'user' | 'locked' | 'file' | 'damaged' | null;
  /**
   * With readOnlyReason 'file', why it cannot be written: a read-only attribute, a read-only medium
   * (a CD, a write-protected share), no permission, or a disk too full to take the lock file.
   */
  writeProblem?: 'attribute' | 'medium' | 'permission' | 'full' | null;
  lockedBy: LockOwnerInfo | null;
  /** Set when the previous session on this file ended without closing it (crash, power cut). */
  recovered: { owner: LockOwnerInfo; check: 'ok' | 'failed'; problems: string[] } | null;
  networkShare: boolean;
  journalMode: 'wal' | 'delete';
  backups: { enabled: boolean; count: number; latest: string | null; lastError: string | null };
  /** Increases with every open: the UI shows an open's notices once. */
  openId: number;
}

export interface HistoryResults {
  'history/audit': { rows: AuditRow[]; total: number };
  'history/auditUsers': { users: string[] };
  'history/revisions': { revisions: RevisionInfo[] };
  'history/createRevision': { revision: RevisionInfo };
  'history/deleteRevision': { revisions: RevisionInfo[] };
  'history/compare': CompareResult;
  'history/exportCompare': { path: string; rows: number };
  'history/newCycle': { file: FileInfo };
  'backup/list': {
    backups: BackupInfo[];
    keep: number;
    /** The file that last failed to open because it is damaged, with its own backups. */
    damaged: { name: string; backups: BackupInfo[] } | null;
  };
  'backup/now': { backup: BackupInfo | null };
  'backup/restore': { file: FileInfo; backup: BackupInfo };
  'safety/status': SafetyStatus;
  'safety/takeOver': { file: FileInfo };
}

/**
 * Arguments holding a file path that, in Electron, the main process chooses in a native dialog
 * (the renderer never names paths there: a path a dialog returned serves that one command, once —
 * electron/main/path-grants.ts); browser mode asks for the path in the page.
 */
export interface HostPathSlot {
  slot: string;
  dialog: 'open' | 'save';
  filter: 'plandesk' | 'xlsx' | 'spreadsheet' | 'template' | 'pdf';
  /** The path the renderer sent (empty: none yet). */
  current: string;
  /** An open dialog for several files, or for a folder (consolidation): filled through fillMany. */
  pick?: 'files' | 'folder';
}

export interface HostPathArg {
  slots(args: Record<string, unknown>): HostPathSlot[];
  /** The arguments with the chosen path put in one slot. */
  fill(args: Record<string, unknown>, slot: string, chosen: string): Record<string, unknown>;
  /** The arguments with the paths chosen in a `pick` slot's dialog put in it. */
  fillMany?(args: Record<string, unknown>, slot: string, chosen: string[]): Record<string, unknown>;
}

const fileSides = (a: Record<string, unknown>): HostPathSlot[] =>
  ['a', 'b'].flatMap((k) => {
    const side = a[k] as { kind?: string; path?: unknown } | undefined;
    return side?.kind === 'file' ? [{ slot: k, dialog: 'open' as const, filter: 'plandesk' as const, current: String(side.path ?? '') }] : [];
  });
const fillSlot = (a: Record<string, unknown>, slot: string, chosen: string) =>
  slot === 'path' ? { ...a, path: chosen } : { ...a, [slot]: { kind: 'file', path: chosen } };
const savePath = (filter: HostPathSlot['filter']) => (a: Record<string, unknown>): HostPathSlot[] => [
  { slot: 'path', dialog: 'save', filter, current: String(a.path ?? '') },
];

/** A command whose one `path` argument main's dialog chooses (open or save, of one kind of file). */
export function pathArg(dialog: HostPathSlot['dialog'], filter: HostPathSlot['filter']): HostPathArg {
  return {
    slots: (a) => [{ slot: 'path', dialog, filter, current: typeof a.path === 'string' ? a.path : '' }],
    fill: (a, _slot, chosen) => ({ ...a, path: chosen }),
  };
}

export const historyPathArgs: Record<string, HostPathArg> = {
  'history/compare': { slots: fileSides, fill: fillSlot },
  'history/exportCompare': { slots: (a) => [...fileSides(a), ...savePath('xlsx')(a)], fill: fillSlot },
  'history/newCycle': { slots: savePath('plandesk'), fill: fillSlot },
};
