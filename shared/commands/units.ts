// Commands of issue 14, units and their shares of the plan: the units list (a tree of the cycle's
// units), adding several at once, editing, deleting (with their shares) and merging units; writing
// shares in bulk (the allocation grid's edit, paste and fill), allocating an amount by criteria
// (largest remainder to whole rounding units), the units offered by the lines' "cơ quan chủ trì"
// texts, a unit's totals, and the allocation view (units × lines of one funding column, or units ×
// one line's columns, totals on both axes). Each command that changes the plan is one undo step.
import { z } from 'zod';
import type { Patch } from '../protocol';
import type { PackedShares } from '../units/packed-shares';
import { MAX_CELL_DONG, UNIT_KINDS, type Dong, type Unit, type UnitKind } from '../model';

/** Longest unit name and code the engine takes. */
export const UNIT_NAME_MAX = 300;
export const UNIT_CODE_MAX = 50;
/** Most units a cycle takes: a country-wide consolidation has ~3.300 communes and wards. */
export const MAX_UNITS = 20_000;
/** Highest criteria score (scores are scaled to integers of 1e-6 for exact allocation). */
export const MAX_SCORE = 1e9;

const id = z.number().int().positive();
const lineId = z.number().int().positive();
const columnKey = z.string().min(1).max(64);
const share = z.number().int().min(-MAX_CELL_DONG).max(MAX_CELL_DONG);
const name = z.string().trim().min(1).max(UNIT_NAME_MAX);
const kind = z.enum(UNIT_KINDS as [UnitKind, ...UnitKind[]]);
const code = z.string().trim().max(UNIT_CODE_MAX);
const position = z.number().int().min(0).max(MAX_UNITS);
const scheme = z.string().trim().min(1).max(100);
const newUnit = z.object({ name, kind, code: code.optional(), parentId: id.nullable().optional() }).strict();

export const unitsArgs = {
  /** The units in tree order, with their depth, and the criteria schemes kept in the file. */
  'units/list': z.object({}).strict(),
  /** Add one unit under `parentId` (absent/null: top level) at `position` (absent: last). */
  'units/add': newUnit.extend({ position: position.optional() }).strict(),
  /**
   * Add several units at once (one step), each last under its parent: from the agencies offered, an
   * import. A name whose key (unitNameKey) is already a unit's is not added again: it is reported.
   */
  'units/addMany': z.object({ units: z.array(newUnit).min(1).max(MAX_UNITS) }).strict(),
  /** Rename, change kind or code, or move (parentId + position); only the fields given change. */
  'units/update': z
    .object({ unitId: id, name: name.optional(), kind: kind.optional(), code: code.optional(), parentId: id.nullable().optional(), position: position.optional() })
    .strict(),
  /** Delete units (and the units under them) with their shares and scores; says how much they held. */
  'units/delete': z.object({ unitIds: z.array(id).min(1).max(MAX_UNITS) }).strict(),
  /** Merge `from` into `into` (2025 mergers): shares summed into `into`, `from` removed (its sub-units move under `into`). */
  'units/merge': z.object({ from: id, into: id }).strict(),
  /**
   * Write shares (the allocation grid's type, paste, fill, clear): one step. Cells on a line that does
   * not hold figures (a parent whose children carry figures), on a group column (a total of its
   * sub-columns: shares are given per source and capital type), on an unknown unit, line or column, or
   * negative on a line that is not an adjustment are not written and come back in `refused`; when
   * every cell is refused, the command is refused with the first reason.
   */
  'units/setShares': z
    .object({
      cells: z.array(z.object({ unitId: id, lineId, column: columnKey, value: share.nullable() }).strict()).min(1).max(2_000_000),
      label: z.enum(['edit', 'paste', 'fill', 'clear']).optional(),
    })
    .strict(),
  /**
   * Share `amount` (absent: the line's figure in the column) among the units in proportion to their
   * scores, in whole `roundTo` đồng (e.g. 1.000.000 = triệu đồng), adding up exactly (largest
   * remainder, ties by the order given). Units with a share there and not listed keep theirs unless
   * `replace` (default true: the listed units' shares are the cell's). With `scheme`, the scores are
   * kept in the file under that name (for next year). One step.
   */
  'units/allocateByCriteria': z
    .object({
      lineId,
      column: columnKey,
      amount: z.number().int().min(0).max(MAX_CELL_DONG).optional(),
      roundTo: z.number().int().min(1).max(1e12),
      scores: z.array(z.object({ unitId: id, score: z.number().min(0).max(MAX_SCORE).finite() }).strict()).min(1).max(MAX_UNITS),
      scheme: scheme.optional(),
      replace: z.boolean().optional(),
    })
    .strict(),
  /** The scores kept under a scheme. */
  'units/scores': z.object({ scheme }).strict(),
  /** Units offered by the lines' "cơ quan chủ trì" texts (split on commas), matched to existing units. */
  'units/suggestFromAgencies': z.object({}).strict(),
  /**
   * The allocation grid: rows = units, columns = the lines that hold figures for one funding column
   * (`column`), or the funding columns of one line (`lineId`). Sparse values, totals on both axes.
   */
  'units/view': z.union([z.object({ column: columnKey }).strict(), z.object({ lineId }).strict()]),
  /** Each unit's entered shares summed per column over the lines that hold them (plandesk check). */
  'units/totals': z.object({}).strict(),
} as const;

export interface UnitRow extends Unit {
  depth: number;
}

/** Why a share cell was not written. */
export type ShareRefusal = 'parent_line' | 'group_column' | 'negative' | 'unknown_unit' | 'unknown_line' | 'unknown_column';

/** How one unit's share came out of an allocation by criteria. */
export interface AllocatedShare {
  unitId: number;
  score: number;
  /** The share written, in đồng. */
  value: Dong;
  /** The exact proportional share in đồng (for display; not rounded). */
  exact: number;
  /** Whole rounding units before the remainders were given out. */
  floorUnits: number;
  /** Whether this unit got one more rounding unit from the remainders. */
  extra: boolean;
  /** Place in the remainder order (0 = largest remainder; ties by the order given). */
  rank: number;
}

export interface AgencySuggestion {
  /** The name as the line writes it (trimmed). */
  name: string;
  /** Kind guessed from the name. */
  kind: UnitKind;
  /** Codes of the lines naming it. */
  lines: string[];
  /** The existing unit of the same name key, if any. */
  unitId: number | null;
  /** A collective ("UBND các huyện, thành phố"): the user picks which units it means. */
  needsChoice: boolean;
  /** Other spellings met for the same unit ("Đăk Glong" beside "Đắk Glong"). */
  spellings: string[];
}

/** One column of the allocation grid. */
export interface AllocationColumn {
  /** The grid's column id: the line id (column mode) or the column key (line mode). */
  id: string;
  lineId: number;
  column: string;
  /** Header: the line's code and name (column mode) or the column's label (line mode). */
  code: string;
  label: string;
  /** Column mode: the line's parent (the upper header: "Dự án 3" over its sub-projects), or null. */
  groupLineId: number | null;
  groupLabel: string | null;
  /** The line's figure in the column (what the units' shares are compared with). */
  figure: Dong;
  /** The units' sum. */
  sum: Dong;
  /** Whether shares may be typed there (a line holding figures; in line mode a leaf column). */
  editable: boolean;
}

export interface AllocationView {
  columns: AllocationColumn[];
  /** The units in tree order, by id (their names, kinds and tree come once, from units/list). */
  unitIds: number[];
  /** Per column of `columns`, in the same order: the units' shares there, packed (shared/units/packed-shares.ts). */
  shares: PackedShares[];
  /** Sum of all shares shown (over editable columns). */
  total: Dong;
  /** Sum of the figures of the editable columns. */
  figure: Dong;
}

export interface UnitsResults {
  'units/list': { units: UnitRow[]; schemes: string[] };
  'units/add': Patch & { unitId: number };
  'units/addMany': Patch & { unitIds: number[]; matched: { name: string; unitId: number }[] };
  'units/update': Patch;
  'units/delete': Patch & { deleted: number; shares: number; amount: Dong };
  'units/merge': Patch & { moved: number; amount: Dong };
  'units/setShares': Patch & { written: number; refused: { unitId: number; lineId: number; column: string; reason: ShareRefusal }[] };
  'units/allocateByCriteria': Patch & { amount: Dong; roundTo: Dong; shares: AllocatedShare[]; leftover: { value: Dong; unitId: number } | null };
  'units/scores': { scores: { unitId: number; score: number }[] };
  'units/suggestFromAgencies': { suggestions: AgencySuggestion[] };
  'units/view': AllocationView;
  'units/totals': { units: { unitId: number; name: string; totals: Record<string, Dong> }[] };
}
