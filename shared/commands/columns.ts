// Commands of issue 13 on the funding-column tree as data of the cycle: add a column under a parent
// at a position, rename it or set its roles (source, capital type), move it (reorder, nest, unnest),
// delete it with its sub-columns and the figures kept on their keys — each one undo step — and a
// read-only `impact` query telling how much money and how many cells a delete would remove, so the
// window can say so before it asks to confirm.
import { z } from 'zod';
import type { Patch } from '../protocol';

/** Longest label a column takes (the column dialog checks the same before sending). */
export const COLUMN_LABEL_MAX = 200;
/** Most columns a plan takes (groups included): a line's row is read and written in one piece. */
export const MAX_COLUMNS = 64;

const key = z.string().min(1).max(64);
const label = z
  .object({
    vi: z.string().trim().min(1).max(COLUMN_LABEL_MAX),
    /** Empty: the Vietnamese label is shown in English too. */
    en: z.string().trim().max(COLUMN_LABEL_MAX),
  })
  .strict();
const source = z.enum(['central', 'local', 'other']).nullable();
const capital = z.enum(['investment', 'recurrent']).nullable();
const position = z.number().int().min(0).max(10_000);

export const columnsArgs = {
  /** Add a column under `parent` at `position` among its children (absent: last). */
  'columns/add': z.object({ parent: key, position: position.optional(), label, source, capital }).strict(),
  /** Rename a column and/or set its roles; only the fields given change. */
  'columns/update': z.object({ key, label: label.optional(), source: source.optional(), capital: capital.optional() }).strict(),
  /** Put a column (with its sub-columns) under `parent` at `position` among its children: reorder, nest, unnest. */
  'columns/move': z.object({ key, parent: key, position }).strict(),
  /** Delete a column with its sub-columns and every figure kept on their keys. */
  'columns/delete': z.object({ key }).strict(),
  /** What deleting `key` would remove (read only). */
  'columns/impact': z.object({ key }).strict(),
} as const;

/** What a column delete removes: the plan's figures and, apart, the other areas' records on those keys. */
export interface ColumnImpact {
  /** The column and its sub-columns, in display order. */
  keys: string[];
  /** The plan's total on the column (computed TỔNG CỘNG of that column), in đồng. */
  dong: number;
  /** Stored figures of the plan on those keys (entries and stated totals). */
  cells: number;
  /** Other records kept on those keys (units' shares, disbursement figures) removed with it. */
  other: number;
}

export interface ColumnsResults {
  /** `key`: the new column's key (a stable slug of its label, unique in the cycle). */
  'columns/add': Patch & { key: string };
  'columns/update': Patch;
  'columns/move': Patch;
  'columns/delete': Patch;
  'columns/impact': ColumnImpact;
}
