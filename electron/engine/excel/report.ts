// The import report's shape, and the sink that collects its warnings and skipped rows with a cap
// (a hostile file must not turn into a million-entry report).
import type { DisplayUnit, Dong } from '../../../shared/model';
import type { NumberLocale } from '../../../shared/number';
import type { ExcelMessageKey } from '../../../shared/i18n/excel';
import type { WorkbookSource } from './sheet';

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
  format: WorkbookSource['format'];
  sheet: string;
  sheets: string[];
  /** 1-based Excel row numbers of the header rows. */
  headerRows: number[];
  mappedColumns: { column: string; header: string; key: string }[];
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

/** At most this many warnings and skipped rows are listed; the rest are counted. */
export const MAX_LISTED = 2000;

export class ReportSink {
  readonly warnings: ImportWarning[] = [];
  readonly skipped: SkippedRow[] = [];
  private more = 0;

  readonly warn = (key: ExcelMessageKey, params: Record<string, string | number>, addr?: string): void => {
    if (this.warnings.length < MAX_LISTED) this.warnings.push({ key, params, ...(addr ? { address: addr } : {}) });
    else this.more++;
  };

  /** Skip a 0-based row (or a labelled range/column). */
  readonly skip = (row: number, reason: ExcelMessageKey, label?: string): void => {
    if (this.skipped.length < MAX_LISTED) this.skipped.push({ address: label ?? String(row + 1), row: row + 1, reason });
  };

  /** Close the list: one last entry says how many warnings were not listed. */
  finish(): void {
    if (this.more > 0) this.warnings.push({ key: 'excel.warn.more', params: { count: this.more } });
  }
}
