// What a spreadsheet column can be mapped to in the mapping dialog (the importer's targets: the
// default funding columns, the line fields, "ignore"), their labels, and the mapping built from the
// dialog's choices. Pure.
import { DEFAULT_COLUMN_KEYS, SHORT_LABELS, defaultColumns } from '../../../../shared/columns';
import type { MappingSpec } from '../../../../shared/commands/transfer';
import type { Lang } from '../../../../shared/i18n';
import type { FundingColumn } from '../../../../shared/model';

export const FIELD_TARGETS = ['code', 'name', 'agency', 'note'] as const;
export const AMOUNT_TARGETS: readonly string[] = DEFAULT_COLUMN_KEYS;

/**
 * A funding column's label with its place in the tree: "Tổng cộng", "NSTW — Tổng số",
 * "NSTW — ĐTPT", "Vốn khác". Columns of another tree fall back to their own label.
 */
export function columnLabel(key: string, lang: Lang, columns: readonly FundingColumn[] = defaultColumns()): string {
  const col = columns.find((c) => c.key === key);
  const short = (k: string) => SHORT_LABELS[k]?.[lang] ?? columns.find((c) => c.key === k)?.label[lang] ?? k;
  if (!col) return short(key);
  const hasChildren = columns.some((c) => c.parent === key);
  const parent = col.parent ? columns.find((c) => c.key === col.parent) : undefined;
  // Children of the root ("Tổng cộng") read on their own; deeper ones name their group.
  if (parent && parent.parent !== null) return `${short(parent.key)} — ${short(key)}`;
  if (hasChildren && parent) return `${short(key)} — ${lang === 'vi' ? 'Tổng số' : 'Total'}`;
  return short(key);
}

/** Label of any mapping target: a funding column, a line field or "ignore". */
export function targetLabel(key: string, lang: Lang, t: (k: string) => string, columns?: readonly FundingColumn[]): string {
  if ((FIELD_TARGETS as readonly string[]).includes(key) || key === 'ignore') return t(`transfer.target.${key}`);
  return columnLabel(key, lang, columns);
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
