// A column mapping: what the user tells the importer when headers cannot be mapped with confidence,
// saved as a named template (just a JSON file). Also used by the exporter's template mode to know
// which template column takes which figure.
//   { "sheet": "Phụ lục I", "headerRows": [5, 6],
//     "columns": { "F": "central_recurrent", "Ghi chú khác": "ignore", "NSTW / Tổng số": "central" } }
// Column keys are Excel column letters (A, F, AB — upper case); anything else is header text,
// compared accent- and case-insensitively with one header cell or the whole path joined by " / ".
import fs from 'node:fs';
import { z } from 'zod';
import { defaultColumns } from '../../../shared/columns';
import { checkWriteTarget } from '../safety/write-target';
import { ImportError } from './errors';

/** What a spreadsheet column can be besides a funding column: a line field, or nothing. */
export const FIELD_MAPPING_TARGETS = ['code', 'name', 'agency', 'note', 'ignore'] as const;

/**
 * The funding columns a mapping may name: the plan's own keys (custom columns included) and the
 * standard tree's (a new plan has that tree; an import may add a standard column a plan lacks).
 */
export function mappingTargets(columnKeys: readonly string[] = []): Set<string> {
  return new Set<string>([...FIELD_MAPPING_TARGETS, ...defaultColumns().map((c) => c.key), ...columnKeys]);
}

export const ImportMappingSchema = z.object({
  name: z.string().max(200).optional(),
  sheet: z.union([z.string().max(200), z.number().int().min(0)]).optional(),
  /** 1-based Excel row numbers of the header rows. */
  headerRows: z.array(z.number().int().min(1).max(1_048_576)).max(6).optional(),
  columns: z.record(z.string().min(1).max(300), z.string().min(1).max(64)).default({}),
});

export type ImportMapping = z.input<typeof ImportMappingSchema>;

/**
 * Validate a mapping (from JSON or the UI). Targets must be keys of the plan's column tree
 * (`columnKeys`; the standard keys are always admitted), line fields or "ignore".
 */
export function parseMapping(raw: unknown, columnKeys: readonly string[] = []): ImportMapping {
  const r = ImportMappingSchema.safeParse(raw);
  if (!r.success) throw new ImportError('excel.error.bad_mapping', { detail: r.error.issues[0]?.message ?? 'invalid' });
  const allowed = mappingTargets(columnKeys);
  for (const [k, v] of Object.entries(r.data.columns)) {
    if (!allowed.has(v)) throw new ImportError('excel.error.bad_mapping', { detail: `${k}: ${v}` });
  }
  return r.data;
}

/** A mapping file, its targets checked against `columnKeys` (the plan it is used with) as parseMapping does. */
export function loadMapping(file: string, columnKeys: readonly string[] = []): ImportMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ImportError('excel.error.bad_mapping', { detail: String((e as Error).message).slice(0, 200) }, { cause: e });
  }
  return parseMapping(raw, columnKeys);
}

/** Save a mapping as a named template file (pretty JSON, UTF-8). */
export function saveMapping(file: string, mapping: ImportMapping): void {
  checkWriteTarget(file, 'document');
  fs.writeFileSync(file, JSON.stringify(parseMapping(mapping), null, 2) + '\n', 'utf8');
}
