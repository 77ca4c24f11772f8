// Commands of issue 6, Excel-grade editing: writing a block of cells and line fields in one step
// (paste, fill, clear, with lines added below), and the line-tree operations — insert, delete,
// move, indent, outdent, drag-and-drop, renumber — each one undo step. Also the shape of the
// 'editing' per-cycle setting (automatic code numbering).
import { z } from 'zod';
import type { Patch } from '../protocol';
import { MAX_CELL_DONG } from '../model';
import { NUMBER_STYLES, type NumberStyle } from '../renumber';
import { lineFields } from './core';

const lineId = z.number().int().positive();
const columnKey = z.string().min(1).max(64);
const amount = z.number().int().min(-MAX_CELL_DONG).max(MAX_CELL_DONG);
const lineIds = z.array(lineId).min(1).max(200_000);
const levels = z.array(z.enum(NUMBER_STYLES)).min(1).max(12);

/** Longest text each line field takes (the engine refuses longer). */
export const FIELD_MAX_LENGTH = { code: 50, name: 2000, agency: 1000, note: 2000 } as const;

/** The 'editing' setting: how codes are numbered when lines are inserted, deleted or moved. */
export const editingSettings = z
  .object({
    /** Renumber the codes of the sibling groups a line operation touched. */
    autoNumber: z.boolean(),
    /** Styles per depth; null: the styles the plan already uses (detected). */
    levels: levels.nullable(),
  })
  .strict();
export type EditingSettings = z.infer<typeof editingSettings>;
export const DEFAULT_EDITING_SETTINGS: EditingSettings = { autoNumber: true, levels: null };

export const editingArgs = {
  /**
   * Write amounts and line fields in one undo step (paste, fill, clear, cut). Amounts on totals are
   * skipped and reported. `append` adds lines below `after` (same parent) carrying their own cells:
   * a paste larger than the table.
   */
  'edit/write': z
    .object({
      amounts: z.array(z.object({ lineId, column: columnKey, value: amount.nullable() }).strict()).max(2_000_000),
      fields: z.array(z.object({ lineId, fields: lineFields }).strict()).max(200_000),
      append: z
        .object({
          after: lineId,
          lines: z
            .array(z.object({ fields: lineFields, amounts: z.array(z.object({ column: columnKey, value: amount }).strict()).max(64) }).strict())
            .min(1)
            .max(100_000),
        })
        .strict()
        .optional(),
      label: z.enum(['paste', 'fill', 'clear', 'cut']),
      cursor: z.object({ lineId, column: columnKey }).strict().optional(),
    })
    .strict(),
  /** Insert `count` blank lines above, below or as the last children of `anchor` (null: at the end). */
  'lines/insert': z
    .object({ anchor: lineId.nullable(), where: z.enum(['above', 'below', 'child']), count: z.number().int().min(1).max(1000).optional() })
    .strict(),
  /** Delete lines with everything below them and their figures. */
  'lines/delete': z.object({ lineIds }).strict(),
  /** Move lines (with what is below them) one place up or down among their siblings. */
  'lines/move': z.object({ lineIds, direction: z.enum(['up', 'down']) }).strict(),
  /** Make lines children of the sibling above them. */
  'lines/indent': z.object({ lineIds }).strict(),
  /** Make lines siblings of their parent, just below it; the siblings that followed them become their children. */
  'lines/outdent': z.object({ lineIds }).strict(),
  /** Drag and drop: put lines just above or below `target`, as its siblings. */
  'lines/place': z.object({ lineIds, target: lineId, where: z.enum(['before', 'after']) }).strict(),
  /** Number codes by `levels` (default: the setting, else the plan's own): the whole plan, or the group of `lineId` and below. */
  'lines/renumber': z.object({ lineId: lineId.nullable(), levels: levels.optional() }).strict(),
  /** The numbering the plan uses per depth (for the renumber dialog). */
  'lines/numbering': z.object({}).strict(),
} as const;

export interface WriteSkip {
  lineId: number;
  column: string;
  reason: 'total_position' | 'unknown';
}

export interface EditingResults {
  'edit/write': Patch & { skipped: WriteSkip[]; added: number[] };
  'lines/insert': Patch & { lineIds: number[] };
  'lines/delete': Patch & { deleted: number };
  'lines/move': Patch;
  'lines/indent': Patch;
  'lines/outdent': Patch;
  'lines/place': Patch;
  'lines/renumber': Patch & { changed: number };
  'lines/numbering': { detected: NumberStyle[]; settings: EditingSettings };
}
