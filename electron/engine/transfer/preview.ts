// The mapping dialog's view of a sheet: its first rows as text (column letters, Excel row numbers)
// and how the importer reads its header — the header rows it found and each column's meaning — with
// the user's mapping applied. Pure: reads one SheetData.
import type { SheetPreview } from '../../../shared/commands/transfer';
import type { ImportMapping } from '../excel';
import type { SheetData } from '../excel/sheet';
import { cellText, locateTable } from '../excel/table';
import { colLetter } from '../excel/text';

export const PREVIEW_ROWS = 30;
export const PREVIEW_COLS = 40;

export function sheetPreview(sheet: SheetData, mapping?: ImportMapping, maxRows = PREVIEW_ROWS): SheetPreview {
  const layout = locateTable(sheet, mapping);
  // From the top of the sheet, and at least through the header and a few data rows below it.
  const lastHeader = layout ? Math.max(...layout.headerRows) : -1;
  const until = Math.max(maxRows, lastHeader + 8);
  const rows = sheet.rows.filter((r) => r.index < until).slice(0, until);
  let width = 0;
  for (const r of rows) for (let c = r.cells.length - 1; c >= width; c--) if (cellText(r.cells[c])) width = c + 1;
  for (const c of layout?.columns ?? []) width = Math.max(width, c.col + 1);
  width = Math.min(width, PREVIEW_COLS);
  const letters = Array.from({ length: width }, (_, c) => colLetter(c));
  return {
    sheet: sheet.name,
    letters,
    rows: rows.map((r) => ({
      row: r.index + 1,
      hidden: r.hidden,
      cells: letters.map((_, c) => (r.cells[c]?.noValue ? '' : cellText(r.cells[c]))),
    })),
    rowCount: sheet.rows.length,
    layout: layout
      ? {
          headerRows: layout.headerRows.map((r) => r + 1),
          columns: layout.columns
            .filter((c) => c.col < PREVIEW_COLS)
            .map((c) => {
              const added = c.key !== null && layout.addedColumns.includes(c.key) ? layout.fundingColumns.find((f) => f.key === c.key) : undefined;
              return { letter: c.letter, header: c.path.join(' / '), key: c.key, by: c.by, ...(added ? { label: added.label.vi } : {}) };
            }),
        }
      : null,
  };
}
