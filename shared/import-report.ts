// The import report: what reading a department spreadsheet found (sheet, header rows, mapped and
// unknown columns, counts, totals, skipped rows, warnings). Declared once here: the engine builds
// it (electron/engine/excel/report.ts), the transfer commands carry it, the UI and the CLI show it.
import type { ExcelMessageKey } from './i18n/excel';
import type { DisplayUnit, Dong } from './model';
import type { NumberLocale } from './number';

/** The spreadsheet formats an import reads. */
export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'xlsb';

export interface ImportWarning {
  key: ExcelMessageKey;
  params: Record<string, string | number>;
  /** Excel address ("F23") or row ("23") the warning is about. */
  address?: string;
}

export interface SkippedRow {
  /** Excel row number (1-based) as text, or a range "40-52". */
  address: string;
  row: number;
  reason: ExcelMessageKey;
}

export interface ImportReport {
  format: SpreadsheetFormat;
  sheet: string;
  sheets: string[];
  /** 1-based Excel row numbers of the header rows. */
  headerRows: number[];
  mappedColumns: { column: string; header: string; key: string }[];
  /**
   * Funding columns of the file that are not in the standard tree: new columns of the imported plan
   * (key: their slug, label: the file's header text). Absent in reports written before they existed.
   */
  addedColumns?: { column: string; header: string; key: string; label: string }[];
  /** "F: Header / Sub-header" for each table column whose meaning is unknown. */
  unmapped: string[];
  unit: DisplayUnit;
  numberLocale: NumberLocale;
  lineCount: number;
  amountCount: number;
  statedCount: number;
  /** Program totals per column key, in đồng (computed by PlanDesk from the imported figures). */
  totals: Record<string, Dong>;
  skipped: SkippedRow[];
  warnings: ImportWarning[];
  /** The file carried PlanDesk's own metadata sheet (an annex PlanDesk exported). */
  fromPlanDesk: boolean;
}
