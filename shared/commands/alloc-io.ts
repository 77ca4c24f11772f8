// Commands of the units' files (issue 14): read an allocation annex against the open plan and show
// its report (nothing written), then import it — the new units and the shares in ONE undo step, the
// plan backed up first. The report's types live here so the window, the engine and the CLI share them.
import { z } from 'zod';
import type { Patch } from '../protocol';
import type { DisplayUnit, Dong } from '../model';
import { pathArg, type HostPathArg } from './history';

export type TableKind = 'plan' | 'allocation' | 'execution';
export type LineHow = 'designator' | 'code' | 'name' | 'guessed';
export type ColumnHow = 'header' | 'title' | 'guessed';
export type ColumnProblem = 'no_line' | 'no_funding' | 'line_is_parent' | 'line_under_parent' | 'line_twice';
export type CellProblem = 'text' | 'negative' | 'too_large' | 'no_value' | 'unit_twice';
export type AllocationProblemKind = ColumnProblem | CellProblem;

export interface FundingHint {
  source?: 'central' | 'local' | 'other';
  capital?: 'investment' | 'recurrent';
}

export interface AllocationProblem {
  /** The cell ("E7"), or the column's header cell for a column's problem. */
  address: string;
  kind: AllocationProblemKind;
  /** What the cell holds, or the column's header. */
  text: string;
}

export interface ReportColumn {
  letter: string;
  header: string;
  /** The plan line's code and name, when matched. */
  line: string | null;
  lineHow: LineHow | null;
  column: string | null;
  columnHow: ColumnHow | null;
  problem: ColumnProblem | null;
}

export interface ReportUnit {
  address: string;
  /** As written in the file. */
  name: string;
  /** The cycle's unit it is, by name; null = a new unit. */
  unitId: number | null;
  /** The cycle's name of it, when the file spells it otherwise ("Đăk Glong" for "Đắk Glong"). */
  spelledAs: string | null;
}

export interface AllocationReport {
  sheet: string;
  unit: DisplayUnit;
  /** No "Đơn vị tính" in the file: the plan's unit was taken. */
  unitAssumed: boolean;
  /** The unit a file written by `split` names (its figures are that unit's shares); null for an annex. */
  unitFile: string | null;
  title: string[];
  titleFunding: FundingHint;
  columns: ReportColumn[];
  units: ReportUnit[];
  newUnits: number;
  /** Group rows ("I. Khối Sở, ban, ngành") and total rows (TỔNG CỘNG, Cộng) left out, by address. */
  groupRows: { address: string; text: string }[];
  totalRows: { address: string; text: string }[];
  /** Total columns left out ("H: Cộng"). */
  totalColumns: string[];
  /** Figures read (non-blank). */
  figures: number;
  /** Share cells that change. */
  changes: number;
  /** Shares the file's blank cells clear (the file is the newer word on its columns). */
  cleared: number;
  /** Cells read as text numbers, with what they became (đồng). */
  textNumbers: { address: string; text: string; value: Dong }[];
  /** Cells and columns skipped, each by address: nothing of them is written. */
  problems: AllocationProblem[];
  /** The file's figures summed per funding column key (đồng). */
  totals: Record<string, Dong>;
}

const filePath = z.string().min(1).max(4096);
const sheetRef = z.string().min(1).max(200);

export const allocIoArgs = {
  /** Read an allocation annex against the open plan: its report. Nothing is written. */
  'allocio/read': z.object({ path: filePath, sheet: sheetRef.optional() }).strict(),
  /** Import it: new units and the shares read, one undo step, a backup first. Problem cells are skipped. */
  'allocio/import': z.object({ path: filePath, sheet: sheetRef.optional() }).strict(),
};

export interface AllocIoResults {
  /** `path`: the file read (in Electron, main's dialog chose it; the import that follows names it again). */
  'allocio/read': { report: AllocationReport; path: string };
  'allocio/import': Patch & { report: AllocationReport };
}

/** Paths Electron's main process picks in its own dialog (electron/main/path-args.ts). */
export const allocIoPathArgs: Record<string, HostPathArg> = {
  'allocio/read': pathArg('open', 'spreadsheet'),
  'allocio/import': pathArg('open', 'spreadsheet'),
};
