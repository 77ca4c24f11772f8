// Commands of issue 15, execution and disbursement reports: the cycle's reporting dates (add, change,
// delete with their figures — each one undo step), the figures per as-of date (many cells in one
// step: typing, paste, fill, import), carried-over funds, and the read side: the report of one date,
// its drill-down, and what deleting a date would remove.
import { z } from 'zod';
import { MAX_CELL_DONG } from '../model';
import type { DisplayUnit, Dong } from '../model';
import type { Patch } from '../protocol';
import { isIsoDate, MEASURES, REPORT_KINDS, type CarryoverSource, type Measure, type ReportDate } from '../execution/model';
import type { ReportRowView, ReportView, ReportFigures } from '../execution/report';
import type { UnitReportRow } from '../execution/by-unit';
import { pathArg, type HostPathArg } from './history';

const isoDate = z.string().refine(isIsoDate, 'yyyy-mm-dd');
const id = z.number().int().positive();
const lineId = z.number().int().positive();
const columnKey = z.string().min(1).max(64);
const amount = z.number().int().min(-MAX_CELL_DONG).max(MAX_CELL_DONG);
const year = z.number().int().min(1900).max(2200);
const pace = z.number().min(0).max(1000).nullable();

const dateFields = z
  .object({ asOf: isoDate, kind: z.enum(REPORT_KINDS as [string, ...string[]]), due: isoDate.nullable(), paceMinPercent: pace })
  .strict();

/** One figure cell: as-of date × line × leaf column (× unit, measure, fund). */
export const figureCell = z
  .object({
    dateId: id,
    lineId,
    column: columnKey,
    /** A unit of the cycle; absent or null: the line as a whole. */
    unitId: z.number().int().positive().nullable().optional(),
    /** Default 'disbursed' (lũy kế giải ngân). */
    measure: z.enum(MEASURES as [string, ...string[]]).optional(),
    /** 0 or absent: the year's own funds; a year: carried-over funds from that year. */
    fund: z.union([z.literal(0), year]).optional(),
    value: amount.nullable(),
  })
  .strict();
export type FigureCell = z.infer<typeof figureCell>;

export const executionArgs = {
  /** The reporting dates and carried-over sources of the cycle. */
  'execution/dates': z.object({}).strict(),
  'execution/addDate': dateFields,
  'execution/updateDate': dateFields.partial().extend({ id }).strict(),
  /** How many figures deleting a date would remove (to say so before asking). */
  'execution/dateImpact': z.object({ id }).strict(),
  /** Delete a date with all its figures: one undo step. */
  'execution/deleteDate': z.object({ id }).strict(),
  /** Write figures (null clears): one undo step. Cells that cannot take a figure are skipped and named. */
  'execution/setFigures': z
    .object({
      cells: z.array(figureCell).min(1).max(2_000_000),
      /** The date whose report rows to return with the patch (default: the first cell's). */
      viewDateId: id.optional(),
    })
    .strict(),
  /** The report of one date: totals, carried-over funds, and a page of rows (or the lines named). */
  'execution/report': z
    .object({
      dateId: id.optional(),
      asOf: isoDate.optional(),
      from: z.number().int().min(0).optional(),
      count: z.number().int().min(0).max(200_000).optional(),
      lineIds: z.array(lineId).max(200_000).optional(),
    })
    .strict()
    .refine((a) => a.dateId !== undefined || a.asOf !== undefined, 'dateId or asOf'),
  /** Which lines (and units) a report cell is made of. lineId null: the program total. */
  'execution/drill': z
    .object({ dateId: id, lineId: lineId.nullable(), column: columnKey, fund: z.union([z.literal(0), year]).optional() })
    .strict(),
  /** The report of a date by unit, where the plan is allocated to units: each unit's plan (its shares), disbursed, rate. */
  'execution/byUnit': z.object({ dateId: id }).strict(),
  /** Declare (or change the deadline of) funds carried over from a source year. */
  'execution/setSource': z.object({ year, deadline: isoDate.nullable() }).strict(),
  /** Remove a source year with its carried-over amounts and figures: one undo step. */
  'execution/deleteSource': z.object({ year }).strict(),
  /** Carried-over plan amounts per source year × line × leaf column (null clears): one undo step. */
  'execution/setCarryover': z
    .object({ cells: z.array(z.object({ year, lineId, column: columnKey, value: amount.nullable() }).strict()).min(1).max(2_000_000) })
    .strict(),
  /**
   * Import a disbursement report (.xlsx, .xls, .ods) as of a date (given, else read from its header):
   * one undo step, a backup first. The report's plan column is compared, never written.
   */
  'execution/import': z.object({ path: z.string().min(1).max(4096), sheet: z.string().min(1).max(200).optional(), asOf: isoDate.optional() }).strict(),
  /**
   * Read a disbursement report against the plan as it is now and answer what `execution/import` with
   * the same arguments would write (its report): nothing is written, no backup is taken. The window
   * shows this report before the person chooses to import.
   */
  'execution/read': z.object({ path: z.string().min(1).max(4096), sheet: z.string().min(1).max(200).optional(), asOf: isoDate.optional() }).strict(),
} as const;

/** Why a figure cell was not written. */
export type FigureSkip = 'unknown_line' | 'unknown_column' | 'total_column' | 'not_holding' | 'unknown_date' | 'unknown_unit';

/** A report cell's parts: the lines (and units) it is made of, each with its plan and disbursed. */
export interface DrillPart {
  lineId: number;
  code: string;
  name: string;
  unitId: number | null;
  unitName: string | null;
  plan: Dong;
  disbursed: Dong;
}

export interface ExecutionResults {
  'execution/dates': { dates: ReportDate[]; sources: CarryoverSource[] };
  'execution/addDate': Patch & { id: number };
  'execution/updateDate': Patch;
  'execution/dateImpact': { figures: number };
  'execution/deleteDate': Patch & { figuresRemoved: number };
  /** `rows`: the report rows the edit changed at `viewDateId`, and that date's totals. */
  'execution/setFigures': Patch & {
    written: number;
    /** Cells not written, by their index in `cells` (Patch.skipped is the plan grid's). */
    notWritten: { index: number; reason: FigureSkip }[];
    report: { dateId: number; rows: ReportRowView[]; totals: ReportFigures } | null;
  };
  'execution/report': ReportView;
  'execution/drill': { parts: DrillPart[]; plan: Dong; disbursed: Dong };
  'execution/byUnit': { units: UnitReportRow[]; unassigned: ReportFigures };
  'execution/setSource': Patch;
  'execution/deleteSource': Patch & { amountsRemoved: number };
  'execution/setCarryover': Patch & { written: number; notWritten: { index: number; reason: FigureSkip }[] };
  'execution/import': Patch & { report: ExecutionImportReport };
  /**
   * `path`: the file read (in Electron, main's dialog chose it; the import that follows names it again).
   * `toWrite`: what the import would write, per fund and measure (figures changed or new).
   */
  'execution/read': { report: ExecutionImportReport; path: string; toWrite: ExecutionToWrite[] };
}

/** Figures an import would write for one fund (0: the year's own; a year: carried over from it) and measure ('plan': the carried-over plan amounts), summed over leaf columns. */
export interface ExecutionToWrite {
  fund: number;
  measure: Measure | 'plan';
  count: number;
  sum: Dong;
}

/** What a column of a disbursement report holds. */
export type ReportRole = 'code' | 'name' | 'plan' | 'disbursed' | 'allocated' | 'estimate' | 'derived' | 'other';

export type NotPlacedReason = 'ambiguous_capital' | 'no_column' | 'not_holding' | 'unreadable' | 'carryover_year';

/** Where carried-over funds' source year came from: the header's one year, its "năm trước", or the plan's only carried-over year. */
export type CarryoverYearFrom = 'header' | 'previous_year' | 'plan';

export interface ExecutionImportReport {
  sheet: string;
  asOf: string;
  /** Where the date came from: given (--as-of, the dialog), or read from the file's header. */
  asOfFrom: 'given' | 'file';
  /** The date the file states, when it states one (may differ from a date given). */
  fileAsOf: string | null;
  /** The plan had no reporting date at `asOf`: one was added in the same step. */
  dateCreated: boolean;
  unit: DisplayUnit;
  /** The unit line of the file; else the unit under which the file's plan column equals the plan; else the plan's own. */
  unitFrom: 'file' | 'plan_figures' | 'plan';
  /** `carried`: the column is in a carried-over block; `fund`: its source year (null: the year's own funds, or a carried-over year not settled). */
  columns: { letter: string; header: string; role: ReportRole; key: string | null; derived: boolean; plan: string | null; carried: boolean; fund: number | null }[];
  lines: number;
  matched: number;
  unmatched: { address: string; code: string; name: string }[];
  /** Figures written (changed or new). */
  written: number;
  /** Cells read that already held that figure. */
  unchanged: number;
  planDifferences: { address: string; line: string; name: string; column: string; file: Dong; plan: Dong }[];
  notPlaced: { address: string; line: string; column: string | null; value: Dong; reason: NotPlacedReason }[];
  textNumbers: { address: string; text: string; value: Dong }[];
  totalRows: number[];
  /** Section headings of rows (1-based row): a carried-over section's source year, null for the year's own funds or a year not settled. */
  sections: { row: number; title: string; carried: boolean; fund: number | null }[];
  /** Per carried-over source year written: where the year came from, whether the plan lacked it (declared in the same step, no deadline), amounts and figures written. */
  carryover: { year: number; yearFrom: CarryoverYearFrom; created: boolean; amounts: number; figures: number }[];
}

/** The report file of a read and its import, chosen in Electron's main dialog (the read's choice serves the import that follows once: path-grants.ts). */
export const executionPathArgs: Record<string, HostPathArg> = {
  'execution/read': pathArg('open', 'spreadsheet'),
  'execution/import': pathArg('open', 'spreadsheet'),
};

/** What a step changed on the execution side: defined with the model (Patch carries it). */
export type { ExecutionDelta } from '../execution/model';
