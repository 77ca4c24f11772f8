// What a spreadsheet column can be mapped to in the mapping dialog (the importer's targets: the
// open plan's funding columns and the standard ones, the line fields, "ignore"; labels in
// shared/column-labels.ts), and the mapping built from the dialog's choices. Pure.
import { defaultColumns } from '../../../../shared/columns';
import type { MappingSpec } from '../../../../shared/commands/transfer';
import type { FundingColumn } from '../../../../shared/model';

export { FIELD_TARGETS, columnLabel, targetLabel } from '../../../../shared/column-labels';

/**
 * The funding columns a spreadsheet column can go to: the open plan's own (custom ones included) in
 * its order, then the standard ones it lacks (the importer admits both: engine excel/mapping.ts).
 */
export function amountTargetColumns(planColumns: readonly FundingColumn[]): FundingColumn[] {
  const own = new Set(planColumns.map((c) => c.key));
  return [...planColumns, ...defaultColumns().filter((d) => !own.has(d.key))];
}

export interface MappingChoices {
  sheet: string;
  headerFrom: string;
  headerTo: string;
  /** Column letter → target key ('' = read from the header). */
  columns: Record<string, string>;
  /** Entries keyed by header text (from a mapping file): kept as they are. */
  byHeader: Record<string, string>;
}

/** Header rows from the dialog's "from … to …" (1-based; at most 6 rows, as the importer takes). */
export function headerRows(from: string, to: string): number[] | null {
  const a = Number(from);
  const b = to.trim() === '' ? a : Number(to);
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b < a || b - a > 5) return null;
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** The mapping the importer gets from the dialog's choices. */
export function buildMapping(c: MappingChoices): MappingSpec {
  const columns: Record<string, string> = { ...c.byHeader };
  for (const [letter, key] of Object.entries(c.columns)) if (key) columns[letter] = key;
  const rows = headerRows(c.headerFrom, c.headerTo);
  return { sheet: c.sheet, ...(rows ? { headerRows: rows } : {}), columns };
}

/** The dialog's choices from a saved or earlier mapping (header rows; column letters; header-text keys kept aside). */
export function choicesFrom(mapping: MappingSpec | null, sheet: string, detectedHeader: number[] | null): MappingChoices {
  const rows = mapping?.headerRows ?? detectedHeader ?? [];
  const columns: Record<string, string> = {};
  const byHeader: Record<string, string> = {};
  for (const [k, v] of Object.entries(mapping?.columns ?? {})) {
    if (/^[A-Z]{1,3}$/.test(k)) columns[k] = v;
    else byHeader[k] = v;
  }
  return {
    sheet,
    headerFrom: rows.length ? String(Math.min(...rows)) : '',
    headerTo: rows.length ? String(Math.max(...rows)) : '',
    columns,
    byHeader,
  };
}
