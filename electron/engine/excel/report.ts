// The import report's shape, and the sink that collects its warnings and skipped rows with a cap
// (a hostile file must not turn into a million-entry report).
import type { ExcelMessageKey } from '../../../shared/i18n/excel';
import type { ImportWarning, SkippedRow } from '../../../shared/import-report';

// The report's type is declared once in shared/ (the transfer commands and the UI carry it as is).
export type { ImportReport, ImportWarning, SkippedRow } from '../../../shared/import-report';

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
