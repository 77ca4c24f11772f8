// Commands of issue 4 on the application side: importing a department spreadsheet as a job the
// host runs off the UI thread (open → choose a sheet → read with progress and Cancel → the report →
// a new cycle file, or the current table replaced in one undo step), column mappings saved as named
// templates in the cycle ('importTemplates'), and exporting the plan as an annex (default layout or
// the department's own template). Argument schemas, result types, and the file paths that
// Electron's main process picks in its own dialogs.
import { z } from 'zod';
import type { BridgeError, FileInfo, Patch } from '../protocol';
import type { FundingColumn } from '../model';
import type { HostPathArg, HostPathSlot } from './history';
import type { ImportReport } from '../import-report';

const filePath = z.string().max(4096);
const jobId = z.string().regex(/^[a-z0-9-]{8,64}$/);
const sheetRef = z.union([z.string().min(1).max(200), z.number().int().min(0).max(10_000)]);
const templateName = z.string().trim().min(1).max(120);

/** Where an import's spreadsheet comes from: a path (Electron: main's dialog) or bytes the page uploaded. */
const importSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: filePath }).strict(),
  z.object({ kind: z.literal('upload'), id: jobId }).strict(),
]);
export type ImportSource = z.infer<typeof importSource>;

/**
 * A column mapping, as the engine's importer takes it (electron/engine/excel/mapping.ts): keys are
 * Excel column letters (or header texts), values a column key of the default tree, a line field
 * (code, name, agency, note) or "ignore". The engine checks the targets again.
 */
export const mappingSpec = z
  .object({
    name: z.string().max(200).optional(),
    sheet: sheetRef.optional(),
    /** 1-based Excel row numbers of the header rows. */
    headerRows: z.array(z.number().int().min(1).max(1_048_576)).min(1).max(6).optional(),
    columns: z
      .record(z.string().min(1).max(300), z.string().min(1).max(64))
      .refine((o) => Object.keys(o).length <= 300, { message: 'too many columns' }),
  })
  .strict();
export type MappingSpec = z.infer<typeof mappingSpec>;

/** One saved mapping ("mẫu ánh xạ cột"), kept in the cycle's 'importTemplates' setting. */
export const importTemplate = z.object({ name: templateName, mapping: mappingSpec, savedAt: z.string().max(40) }).strict();
export type ImportTemplate = z.infer<typeof importTemplate>;
/** The 'importTemplates' setting: the cycle's saved mappings, by name. */
export const importTemplates = z.array(importTemplate).max(100);

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * What to do with a funding column of the file that the open plan has not (issue 13): add it to the
 * plan (in the same undo step as the import), put its figures into a column of the plan, or skip it
 * — chosen explicitly; an import refuses while a column with figures has no choice.
 */
export const columnChoice = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add') }).strict(),
  z.object({ action: z.literal('skip') }).strict(),
  z.object({ action: z.literal('map'), to: z.string().min(1).max(64) }).strict(),
]);
export type ColumnChoice = z.infer<typeof columnChoice>;
/** Choices by the file's column key. */
const columnChoices = z
  .record(z.string().min(1).max(64), columnChoice)
  .refine((o) => Object.keys(o).length <= 300, { message: 'too many columns' });

/** A funding column of the file that matches none of the open plan's. */
export interface UnmatchedColumn {
  /** The file's key (what a choice names). */
  key: string;
  /** Its label as the file writes it. */
  label: string;
  /** The file's parent column key. */
  parent: string | null;
  /** The plan column its file parent matches (where "add" puts it; null: at the plan's root). */
  planParent: string | null;
  /** The file's total on it, in đồng, and how many figures it and its sub-columns hold. */
  dong: number;
  cells: number;
}

/**
 * A unit's share that "Replace the table" cannot keep (issue 14): its line is not in the file, its
 * column is no longer a leaf, or the file's line holds no figure on that column. Shown before the
 * person confirms.
 */
export interface LostShare {
  /** The unit's name. */
  unit: string;
  /** The old line's code and name. */
  code: string;
  line: string;
  /** The column key and its label (vi). */
  column: string;
  columnLabel: string;
  /** The share, in đồng. */
  value: number;
  reason: 'line_gone' | 'column_gone' | 'no_figures';
}

export const transferArgs = {
  /** Start an import job; the host reads the workbook in a worker. Poll 'transfer/status'. */
  'transfer/start': z.object({ source: importSource, sheet: sheetRef.optional(), mapping: mappingSpec.optional() }).strict(),
  'transfer/status': z.object({ job: jobId }).strict(),
  /** Read the job's workbook again: another sheet (null: the first with a budget table) or mapping. */
  'transfer/read': z.object({ job: jobId, sheet: sheetRef.nullable(), mapping: mappingSpec.nullable() }).strict(),
  /** The first rows of a sheet and how the importer reads its header (for the mapping dialog). */
  'transfer/preview': z.object({ job: jobId, sheet: sheetRef, mapping: mappingSpec.optional() }).strict(),
  /** Stop the job's work (Cancel) and forget it. Nothing was written. */
  'transfer/cancel': z.object({ job: jobId }).strict(),
  /** Replace the open plan's table by the job's lines and figures: one transaction, one undo step. */
  'transfer/importReplace': z.object({ job: jobId, columns: columnChoices.optional() }).strict(),
  /**
   * Fill the open plan's existing lines from the job's table (matched by code, then name), keeping
   * the plan's lines and settings; lines of the file that match none are named, not added. One step.
   */
  'transfer/importFill': z.object({ job: jobId, columns: columnChoices.optional() }).strict(),
  /** Write the job's plan to a new cycle file and open it (in Electron, main picks `path`). */
  'transfer/importNew': z.object({ job: jobId, path: filePath }).strict(),
  'transfer/templates': z.object({}).strict(),
  /** Save a mapping as a named template of this cycle (same name: replaced). One undo step. */
  'transfer/saveTemplate': z.object({ name: templateName, mapping: mappingSpec }).strict(),
  'transfer/deleteTemplate': z.object({ name: templateName }).strict(),
  /**
   * Write the plan as an .xlsx annex (in Electron, main picks `path` and `template`): the default
   * layout, or the department's template filled, its columns found by a saved mapping (by name) or
   * by their headers.
   */
  'transfer/export': z
    .object({ path: filePath, template: filePath.optional(), mapping: templateName.optional() })
    .strict(),
} as const;

export interface SheetChoice {
  name: string;
  hidden: boolean;
}

interface JobBase {
  job: string;
  /** The spreadsheet's file name. */
  name: string;
}

/** Where an import job stands. The UI polls it while the job reads (progress, Cancel). */
export type TransferStatus =
  | (JobBase & { state: 'reading'; phase: 'open' | 'read'; fraction: number; sheet: string | number | null })
  | (JobBase & { state: 'chooseSheet'; sheets: SheetChoice[] })
  | (JobBase & {
      state: 'ready';
      sheets: SheetChoice[];
      report: ImportReport;
      /** The imported plan's funding columns. */
      columns: FundingColumn[];
      /** Every column of the file that holds figures matches one of the open plan's: no choice is needed. */
      columnsMatch: boolean;
      /** The file's columns that match none of the plan's (each with figures needs a ColumnChoice). */
      unmatchedColumns: UnmatchedColumn[];
      /** Units' shares that replacing the table would drop (the file's matched columns as they are; absent: none). */
      lostShares?: LostShare[];
      mapping: MappingSpec | null;
    })
  | (JobBase & {
      state: 'failed';
      sheets: SheetChoice[];
      error: BridgeError;
      /** The table or its columns were not found: the mapping dialog can tell the importer. */
      needsMapping: boolean;
      sheet: string | number | null;
      mapping: MappingSpec | null;
    })
  | (JobBase & { state: 'cancelled' });

/** The first rows of a sheet, as text, and the importer's reading of its header. */
export interface SheetPreview {
  sheet: string;
  /** Column letters shown (A, B, …), left to right. */
  letters: string[];
  rows: { row: number; hidden: boolean; cells: string[] }[];
  /** Rows with content in the whole sheet. */
  rowCount: number;
  /** Null: no budget table recognised (the user names the header rows and columns). */
  layout: {
    headerRows: number[];
    /** `label`: for a funding column not in the standard tree, its label as the import will name it. */
    columns: { letter: string; header: string; key: string | null; by: 'header' | 'mapping' | 'none'; label?: string }[];
  } | null;
}

export interface TransferResults {
  'transfer/start': { job: string; name: string };
  'transfer/status': TransferStatus;
  'transfer/read': TransferStatus;
  'transfer/preview': SheetPreview;
  'transfer/cancel': { cancelled: boolean };
  'transfer/importReplace': Patch & { lineCount: number; addedColumns: string[] };
  'transfer/importFill': Patch & { filled: number; changed: number; unmatched: number; unmatchedLines: string[]; addedColumns: string[] };
  'transfer/importNew': { file: FileInfo };
  'transfer/templates': { templates: ImportTemplate[] };
  'transfer/saveTemplate': Patch & { templates: ImportTemplate[] };
  'transfer/deleteTemplate': Patch & { templates: ImportTemplate[] };
  'transfer/export': { path: string; name: string };
}

/** Upload of a file picked or dropped in the page (bridge.upload), answered with an id for 'transfer/start'. */
export type UploadResult = { ok: true; id: string } | { ok: false; error: BridgeError };

const slot = (name: string, dialog: HostPathSlot['dialog'], filter: HostPathSlot['filter'], current: unknown): HostPathSlot => ({
  slot: name,
  dialog,
  filter,
  current: typeof current === 'string' ? current : '',
});

/** Paths Electron's main process picks in native dialogs (electron/main/path-args.ts). */
export const transferPathArgs: Record<string, HostPathArg> = {
  'transfer/start': {
    slots: (a) => {
      const s = a.source as { kind?: string; path?: unknown } | undefined;
      return s?.kind === 'path' ? [slot('source', 'open', 'spreadsheet', s.path)] : [];
    },
    fill: (a, _slot, chosen) => ({ ...a, source: { kind: 'path', path: chosen } }),
  },
  'transfer/importNew': {
    slots: (a) => [slot('path', 'save', 'plandesk', a.path)],
    fill: (a, _slot, chosen) => ({ ...a, path: chosen }),
  },
  'transfer/export': {
    slots: (a) => [...(a.template !== undefined ? [slot('template', 'open', 'xlsx', a.template)] : []), slot('path', 'save', 'xlsx', a.path)],
    fill: (a, s, chosen) => ({ ...a, [s]: chosen }),
  },
};
