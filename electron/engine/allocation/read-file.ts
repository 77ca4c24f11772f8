// A spreadsheet given to "import into the open plan": which kind of table it holds — a plan table
// (lines × funding columns), an allocation annex (units × lines), a disbursement report, or a unit's
// file written by `split` (a plan annex carrying the unit's name in a hidden sheet) — and the
// allocation annex's layout. Opening goes through the plan import's checks (size, zip bombs, DTDs,
// encryption, row and cell limits: excel/open.ts), so a hostile file ends in an ImportError.
import { ImportError, checkAbort } from '../excel/errors';
import type { TableKind } from '../../../shared/commands/alloc-io';
import { PlanDeskError } from '../errors';
import { importSpreadsheet, readImportInput, type ImportInput, type ImportResult } from '../excel/import';
import { LIMITS } from '../excel/limits';
import { openWorkbook } from '../excel/open';
import { META_SHEET } from '../excel/planmeta';
import type { SheetData, WorkbookSource } from '../excel/sheet';
import { cellText } from '../excel/table';
import { fold } from '../excel/text';
import { looksLikeAllocation, readAllocationSheet, type AllocationSheet } from './annex-read';
import { UNIT_SHEET, parseUnitSheet, type UnitFileMark } from './unit-sheet';


export interface Sniffed {
  kind: TableKind;
  /** The unit named by a file `split` wrote (its figures are that unit's shares). */
  unitFile: UnitFileMark | null;
}

/** Words of a disbursement report's header ("Lũy kế giải ngân", "Tỷ lệ giải ngân"). */
const EXECUTION_WORDS = /\b(giai ngan|thuc hien (den|tu dau nam)|luy ke)\b/;

function visibleSheets(wb: WorkbookSource): number[] {
  return wb.sheets.map((s, i) => ({ s, i })).filter(({ s }) => !s.hidden && s.name !== META_SHEET && s.name !== UNIT_SHEET).map(({ i }) => i);
}

function looksLikeExecution(sheet: SheetData): boolean {
  let hits = 0;
  for (const r of sheet.rows.slice(0, LIMITS.headerSearchRows)) for (const c of r.cells) if (c && c.kind === 's' && EXECUTION_WORDS.test(fold(cellText(c)))) hits++;
  return hits > 0;
}

/** What the workbook holds, from its first visible sheet that says (a plan table when none does). */
export async function sniffKind(input: ImportInput, signal?: AbortSignal): Promise<Sniffed> {
  const bytes = await readImportInput(input);
  const wb = await openWorkbook(bytes, { signal });
  const unitFile = wb.loadHidden ? parseUnitSheet(await wb.loadHidden(UNIT_SHEET, { signal })) : null;
  if (unitFile) return { kind: 'allocation', unitFile };
  for (const i of visibleSheets(wb).slice(0, 8)) {
    checkAbort(signal);
    const sheet = await wb.load(i, { signal });
    if (looksLikeExecution(sheet)) return { kind: 'execution', unitFile: null };
    if (looksLikeAllocation(sheet)) return { kind: 'allocation', unitFile: null };
  }
  return { kind: 'plan', unitFile: null };
}

/** What "import an allocation" reads: an annex's layout, or a unit's file read as a plan table. */
export type AllocationSource = { kind: 'annex'; sheet: AllocationSheet } | { kind: 'unitFile'; mark: UnitFileMark; imported: ImportResult };

/**
 * The allocation in a workbook: a unit's file written by `split` (its hidden sheet naming the unit;
 * the table read by the plan importer), else the given sheet (name, or number from 1) or the first
 * visible sheet with a units-by-lines table. Refusals: excel.error.*, allocio.error.no_annex.
 */
export async function readAllocationSource(input: ImportInput, opts: { sheet?: string; signal?: AbortSignal } = {}): Promise<AllocationSource> {
  const bytes = await readImportInput(input);
  const wb = await openWorkbook(bytes, { signal: opts.signal });
  const mark = wb.loadHidden ? parseUnitSheet(await wb.loadHidden(UNIT_SHEET, { signal: opts.signal })) : null;
  if (mark) {
    const name = 'path' in input ? input.path : input.name;
    return { kind: 'unitFile', mark, imported: await importSpreadsheet({ bytes, name }, { sheet: opts.sheet, signal: opts.signal }) };
  }
  return { kind: 'annex', sheet: await annexOf(wb, opts) };
}

async function annexOf(wb: WorkbookSource, opts: { sheet?: string; signal?: AbortSignal }): Promise<AllocationSheet> {
  if (opts.sheet !== undefined) {
    const wanted = opts.sheet;
    let idx = wb.sheets.findIndex((s) => s.name === wanted.normalize('NFC') || fold(s.name) === fold(wanted));
    if (idx < 0 && /^\d+$/.test(wanted)) idx = Number(wanted) - 1;
    if (idx < 0 || idx >= wb.sheets.length) throw new ImportError('excel.error.sheet_not_found', { sheet: wanted, sheets: wb.sheets.map((s) => s.name).join(', ') });
    const found = readAllocationSheet(await wb.load(idx, { signal: opts.signal }));
    if (!found) throw new PlanDeskError('allocio.error.no_annex');
    return found;
  }
  for (const i of visibleSheets(wb)) {
    checkAbort(opts.signal);
    const found = readAllocationSheet(await wb.load(i, { signal: opts.signal }));
    if (found) return found;
  }
  throw new PlanDeskError('allocio.error.no_annex');
}
