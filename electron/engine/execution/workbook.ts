// The sheet of a workbook that holds a disbursement report: the one named (name, or number from 1),
// else the first visible sheet with such a table. Opening goes through the plan import's checks
// (size, zip and XML bombs, encryption, row and cell limits: excel/open.ts), and numbers keep their
// decimal text, so a hostile or damaged file ends in a clear refusal and amounts stay exact.
import { PlanDeskError } from '../errors';
import { ImportError, checkAbort } from '../excel/errors';
import { readImportInput, type ImportInput } from '../excel/import';
import { openWorkbook } from '../excel/open';
import { META_SHEET } from '../excel/planmeta';
import type { SheetData } from '../excel/sheet';
import { fold } from '../excel/text';
import { readReportSheet } from './read-report';

export async function readReportWorkbook(input: ImportInput, sheet?: string, signal?: AbortSignal): Promise<SheetData> {
  const bytes = await readImportInput(input);
  const wb = await openWorkbook(bytes, { signal });
  if (sheet !== undefined) {
    let idx = wb.sheets.findIndex((s) => s.name === sheet.normalize('NFC') || fold(s.name) === fold(sheet));
    if (idx < 0 && /^\d+$/.test(sheet)) idx = Number(sheet) - 1;
    if (idx < 0 || idx >= wb.sheets.length) throw new ImportError('excel.error.sheet_not_found', { sheet, sheets: wb.sheets.map((s) => s.name).join(', ') });
    return wb.load(idx, { signal });
  }
  let firstName = '';
  for (let i = 0; i < wb.sheets.length; i++) {
    const s = wb.sheets[i];
    if (s.hidden || s.name === META_SHEET) continue;
    checkAbort(signal);
    const data = await wb.load(i, { signal });
    firstName ||= s.name;
    if (readReportSheet(data)) return data;
  }
  throw new PlanDeskError('execution.error.no_report', { sheet: firstName });
}
