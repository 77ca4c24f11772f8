// The import report as the dialog lays it out: cells that could not be read (by Excel address) apart
// from other warnings, and the program totals per funding column beside the open plan's. Pure.
import { ColumnTree } from '../../../../shared/columns';
import type { ImportReport } from '../../../../shared/import-report';
import type { Dong, FundingColumn } from '../../../../shared/model';

/** Warnings about one cell whose figure was not taken (listed by address, first). */
const CELL_KEYS = new Set(['excel.warn.unreadable_cell', 'excel.warn.formula_no_value']);

export type ReportWarning = ImportReport['warnings'][number];

export function splitWarnings(report: ImportReport): { cells: ReportWarning[]; others: ReportWarning[] } {
  const cells: ReportWarning[] = [];
  const others: ReportWarning[] = [];
  for (const w of report.warnings) (CELL_KEYS.has(w.key) && w.address ? cells : others).push(w);
  cells.sort((a, b) => compareAddress(a.address!, b.address!));
  return { cells, others };
}

/** Excel addresses in reading order: row, then column ("B9" before "AA9" before "A10"). */
export function compareAddress(a: string, b: string): number {
  const pa = /^([A-Z]*)(\d+)/.exec(a);
  const pb = /^([A-Z]*)(\d+)/.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  return Number(pa[2]) - Number(pb[2]) || pa[1].length - pb[1].length || pa[1].localeCompare(pb[1]);
}

export interface TotalRow {
  key: string;
  depth: number;
  inFile: Dong;
  /** The open plan's program total in this column (null: the plan has no such column). */
  current: Dong | null;
}

/** One row per funding column of the imported tree, in tree order. */
export function totalRows(columns: readonly FundingColumn[], inFile: Record<string, Dong>, current: Record<string, Dong>, currentKeys: ReadonlySet<string>): TotalRow[] {
  const tree = new ColumnTree([...columns]);
  const depth = (c: FundingColumn): number => (c.parent ? 1 + depth(tree.byKey.get(c.parent)!) : 0);
  return tree.ordered.map((c) => ({
    key: c.key,
    depth: depth(c),
    inFile: inFile[c.key] ?? 0,
    current: currentKeys.has(c.key) ? (current[c.key] ?? 0) : null,
  }));
}
