// Spreadsheet import and export of budget annexes (.xlsx, .xls, .ods). Node only; no 'electron'.
//
//   importSpreadsheet(input: {path: string} | {bytes: Uint8Array, name: string},
//                     opts?: {sheet?: string | number, mapping?: ImportMapping,
//                             signal?: AbortSignal, onProgress?: (fraction: number) => void})
//     : Promise<ImportResult>
//       ImportResult = {data: CycleData, report: ImportReport}. Nothing is written. data.lines have
//       ids 1..n, parentId, position; data.columns is the file's own column tree (column-tree.ts:
//       standard columns where headers mean them, new slug-keyed columns for the rest; a file of
//       standard columns only keeps the default tree, a group without sub-columns becoming a leaf);
//       report.addedColumns names the new ones; meta.unit comes from the file.
//       Refusals throw ImportError (code = dictionary key in shared/i18n/excel.ts, params).
//   listSheets(input): Promise<{name, hidden}[]>  — to let the user choose a sheet.
//   importInWorker(workerFile, input, opts) — the same import in a worker thread (import-worker.ts,
//       built to dist/electron/import-worker.cjs): progress, Cancel, heap and time caps.
//   exportAnnex(input: {meta, columns, calc: PlanCalc, rules?}, out: string,
//               opts?: {template?: string, mapping?: ImportMapping}): Promise<void>
//   loadMapping / saveMapping / parseMapping — column mappings ("named templates", JSON files).
//
// Decisions worth knowing: totals are written as live formulas with cached results; a stated total
// that differs is written as the kept figure plus a cell note; one equal to its sum is recorded in
// the very hidden "_PlanDesk" sheet (planmeta.ts) — so round trips are exact. Formulas are never
// evaluated on import. Limits (limits.ts) make hostile files end in an ImportError, not a crash.
//
// Modules: open.ts (sniff + limits) → xlsx-reader.ts + xlsx-sheet.ts + latin1-feed.ts (streaming
// xlsx) | sheetjs-reader.ts (+ ods-hidden.ts) → sheet.ts (one sheet form) → table.ts + headers.ts
// (find the table, map headers) → body.ts (rows → raw lines; amounts.ts for exact figures) →
// assemble.ts (tree.ts numbering, amounts, checks; report.ts) — import.ts drives them;
// import-worker.ts + worker-client.ts + result-codec.ts run it off-thread. Export: annex.ts (layout)
// → xlsx-writer.ts + zip-writer.ts (lean writer) | template.ts (ExcelJS).
import fs from 'node:fs';
import { openWorkbook } from './open';
import type { SheetInfo } from './sheet';
import { META_SHEET } from './planmeta';
import { ImportError } from './errors';
import { LIMITS } from './limits';

export { importSpreadsheet, readImportInput } from './import';
export type { ImportInput, ImportOptions, ImportReport, ImportResult, ImportWarning, SkippedRow } from './import';
export { exportAnnex } from './export';
export type { ExportOptions } from './export';
export type { AnnexInput } from './annex';
export { ImportError } from './errors';
export { LIMITS } from './limits';
export { loadMapping, saveMapping, parseMapping, mappingTargets } from './mapping';
export type { ImportMapping } from './mapping';
export { importInWorker } from './worker-client';
export type { WorkerImportOptions } from './worker-client';

/** The sheets of a workbook (PlanDesk's hidden metadata sheet left out). */
export async function listSheets(input: { path: string } | { bytes: Uint8Array; name: string }, signal?: AbortSignal): Promise<SheetInfo[]> {
  if ('path' in input && (await fs.promises.stat(input.path)).size > LIMITS.maxFileBytes) {
    throw new ImportError('excel.error.file_too_big', { size: Math.round((await fs.promises.stat(input.path)).size / 1048576), max: LIMITS.maxFileBytes / 1048576 });
  }
  const bytes = 'bytes' in input ? input.bytes : await fs.promises.readFile(input.path);
  const wb = await openWorkbook(bytes, { signal });
  return wb.sheets.filter((s) => s.name !== META_SHEET);
}
