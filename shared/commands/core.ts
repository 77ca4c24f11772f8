// The core engine commands: the plan as the grid reads it (snapshot, rows, findings), cells and
// line fields, lines added and removed one at a time, plan details and rules, undo and redo, and
// the per-cycle settings of the areas. Argument schemas (validated on the engine side of every
// bridge) and result types, declared once; shared/ipc.ts merges them with the areas' commands.
import { z } from 'zod';
import type { Finding } from '../findings';
import type { Patch, RowView, Snapshot } from '../protocol';
import { MAX_CELL_DONG } from '../model';
import { SETTING_KEYS } from '../settings';
import { isIsoDate } from '../doc-date';

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
    counterpartMinPercent: z.number().min(0).max(100).nullable(),
    counterpartBasis: z.string().trim().max(200).optional(),
    toleranceDong: z.number().int().min(0).max(MAX_CELL_DONG).nullable(),
    counterpartPerLine: z.boolean(),
    counterpartTolerancePercent: z.number().min(0).max(100).optional(),
    counterpartLineDepth: z.number().int().min(0).max(20).optional(),
  })
  .strict();

/** A line's text fields (each optional): the one schema of the core's and the editing commands. */
export const lineFields = z
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
