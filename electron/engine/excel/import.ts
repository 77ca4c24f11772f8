// importSpreadsheet: bytes → CycleData + ImportReport, nothing written. Opens the workbook (open.ts),
// picks the sheet (the first visible one with a budget table, unless told), locates the table
// (table.ts), reads its rows (body.ts) and assembles the plan and its report (assemble.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { CycleData, DisplayUnit } from '../../../shared/model';
import { assemble } from './assemble';
import { readBody, readTextFigures } from './body';
import { ImportError, checkAbort } from './errors';
import { LIMITS } from './limits';
import { parseMapping, type ImportMapping } from './mapping';
import { openWorkbook } from './open';
import { META_SHEET, parseMetaSheet, type AnnexMeta } from './planmeta';
import { ReportSink, type ImportReport } from './report';
import type { SheetData, WorkbookSource } from './sheet';
import { locateTable, type TableLayout } from './table';
import { fold } from './text';

export type { ImportReport, ImportWarning, SkippedRow } from './report';
export { columnsFor } from './assemble';

export interface ImportOptions {
  /** Sheet name or 0-based index; default: the first visible sheet that has a budget table. */
  sheet?: string | number;
  mapping?: ImportMapping;
  /** The open plan's column keys: a mapping may name them too (its custom columns, issue 13). */
  columnKeys?: readonly string[];
  signal?: AbortSignal;
  /** Called with 0..1 as the import advances. */
  onProgress?: (fraction: number) => void;
  /**
   * Called with the workbook and the sheet holding the table before the table is read (consolidation
   * reads who sent the file from the same parse: its letterhead, its hidden sheets); may throw to stop.
   */
  inspect?: (wb: WorkbookSource, sheet: SheetData) => Promise<void>;
}

export interface ImportResult {
  data: CycleData;
  report: ImportReport;
}

export type ImportInput = { path: string } | { bytes: Uint8Array; name: string };

export async function importSpreadsheet(input: ImportInput, opts: ImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress } = opts;
  checkAbort(signal);
  const mapping = opts.mapping ? parseMapping(opts.mapping, opts.columnKeys) : undefined;
  const bytes = await readImportInput(input);
  onProgress?.(0.02);
  const wb = await openWorkbook(bytes, { signal });
  const progress = (f: number) => onProgress?.(0.05 + 0.85 * f);

  // PlanDesk's own annex carries its header map: it maps custom column trees too (user mapping wins).
  const planMeta = wb.loadHidden ? parseMetaSheet(await wb.loadHidden(META_SHEET, { signal })) : null;
  const effective: ImportMapping | undefined = mapping ?? (planMeta ? { columns: planMeta.headers } : undefined);
  const wanted = opts.sheet ?? mapping?.sheet;
  let sheet: SheetData | null = null;
  let layout: TableLayout | null = null;
  if (wanted !== undefined) {
    let idx = typeof wanted === 'number' ? wanted : wb.sheets.findIndex((s) => s.name === wanted.normalize('NFC') || fold(s.name) === fold(wanted));
    // "--sheet 2" where no sheet is named "2": the second sheet, counting from 1.
    if (idx < 0 && typeof wanted === 'string' && /^\d+$/.test(wanted)) idx = Number(wanted) - 1;
    if (idx < 0 || idx >= wb.sheets.length) throw new ImportError('excel.error.sheet_not_found', { sheet: String(wanted), sheets: wb.sheets.map((s) => s.name).join(', ') });
    sheet = await wb.load(idx, { signal, onProgress: progress });
    layout = locateTable(sheet, effective);
    if (!layout) throw new ImportError('excel.error.no_table_in_sheet', { sheet: sheet.name });
  } else {
    const order = wb.sheets.map((s, i) => ({ s, i })).filter(({ s }) => !s.hidden && s.name !== META_SHEET);
    for (const { i } of order) {
      checkAbort(signal);
      const candidate = await wb.load(i, { signal, onProgress: progress });
      const found = locateTable(candidate, effective);
      if (found) {
        sheet = candidate;
        layout = found;
        break;
      }
    }
    if (!sheet || !layout) throw new ImportError('excel.error.no_table');
  }
  checkAbort(signal);
  await opts.inspect?.(wb, sheet);
  const result = buildResult(wb, sheet, layout, planMeta, signal);
  onProgress?.(1);
  return result;
}

/** The bytes of a spreadsheet to read: given, or from a file within the size limit (clear refusals). */
export async function readImportInput(input: ImportInput): Promise<Uint8Array> {
  if ('bytes' in input) return input.bytes;
  let size: number;
  try {
    size = (await fs.promises.stat(input.path)).size;
  } catch (e) {
    throw new ImportError('excel.error.not_found', { file: path.basename(input.path) }, { cause: e });
  }
  if (size > LIMITS.maxFileBytes) {
    throw new ImportError('excel.error.file_too_big', { size: Math.round(size / 1048576), max: LIMITS.maxFileBytes / 1048576 });
  }
  return fs.promises.readFile(input.path);
}

function buildResult(wb: WorkbookSource, sheet: SheetData, layout: TableLayout, planMeta: AnnexMeta | null, signal?: AbortSignal): ImportResult {
  const sink = new ReportSink();
  const unit: DisplayUnit = layout.unit ?? planMeta?.meta.unit ?? 'trieu';
  if (!layout.unit) sink.warn('excel.warn.unit_missing', { unit });
  const body = readBody(sheet, layout, unit, sink, signal);
  const numbers = readTextFigures(body, unit, planMeta?.meta.numberLocale ?? 'vi-VN', sink);
  return assemble(wb, sheet, layout, planMeta, body, unit, numbers, sink);
}
