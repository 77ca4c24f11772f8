// The table body, row by row: each data row becomes a raw line (code, texts, bold/indent, figures)
// or is skipped with its reason — blank, hidden, the TỔNG CỘNG row, "Trong đó:" text, the footer
// and signatures. Figures become đồng as the rows pass; numbers stored as text wait for the table's
// convention (readTextFigures), decided from all of them at once.
import { MAX_CELL_DONG, type DisplayUnit, type Dong } from '../../../shared/model';
import { formatAmount } from '../../../shared/number';
import { decidePolicy, decimalToDong, readTextNumber, shapeOf, type Inexact, type TextNumberPolicy } from './amounts';
import { checkAbort } from './errors';
import { LIMITS } from './limits';
import type { ReportSink } from './report';
import type { Row, SheetData } from './sheet';
import { styleOf } from './sheet';
import { cellText, type ColumnInfo, type TableLayout } from './table';
import { address, colLetter, fold } from './text';
import { FIELD_MAX_LENGTH, limitText } from './text-limits';
import { isHeaderWord } from './headers';
import { codeStyle } from './tree';
import type { PlacedText } from './document-texts';

/** How far below the table a signature block is looked for. */
const FOOTER_ROWS = 30;

const RELEASED: Row = { index: -1, hidden: false, cells: [] };

const FOOTER = /^(nguoi lap|kt\.?\s|tm\.?\s|kt\.|tm\.|k\/t|t\/m|chu tich|pho chu tich|giam doc|pho giam doc|thu truong|ke toan truong|noi nhan|ghi chu\s*:|luu\s*:|xac nhan|[^,]{1,40}, ngay\b|ngay .{0,5} thang|\(ky[, ])/;
const TOTAL_ROW = /^(tong cong|tong so|tong|cong|tong kinh phi|tong von|toan tinh|tong cong kinh phi)(\s*[:(]|$)/;
const TEXT_ROW = /^(trong do|chia ra|bao gom|gom)\b/;

/** One figure of a row, read as the row is passed (so the sheet's cells can be let go). */
export interface Fig {
  key: string;
  col: number;
  formula: boolean;
  /** đồng; null while a text number waits for the table's convention, or when unreadable. */
  value: Dong | null;
  /** A number stored as text, read once the convention is decided. */
  text: string | null;
  /** A formula without a cached result. */
  noValue: boolean;
}

export interface RawLine {
  rowIndex: number;
  code: string;
  name: string;
  agency: string;
  note: string;
  bold: boolean;
  indent: number;
  figs: Fig[];
}

export interface TotalRow {
  rowIndex: number;
  figs: Fig[];
  /** Above the first line (else below the last). */
  before: boolean;
}

export interface TableBody {
  raws: RawLine[];
  /** Texts of the rows below the table (signature block, "Nơi nhận"), for document-texts.ts. */
  footer: PlacedText[];
  totalRows: TotalRow[];
  codeCol: number | undefined;
  amountCols: ColumnInfo[];
}

/** Read the data rows of a located table. Releases the sheet's rows when done (they are big). */
export function readBody(sheet: SheetData, layout: TableLayout, unit: DisplayUnit, sink: ReportSink, signal?: AbortSignal): TableBody {
  const { warn, skip } = sink;
  const fieldCol = (k: string) => layout.columns.find((c) => c.key === k)?.col;
  const codeCol = fieldCol('code');
  const nameCol = fieldCol('name');
  const agencyCol = fieldCol('agency');
  const noteCol = fieldCol('note');
  const amountCols = layout.columns.filter((c) => c.key && c.key !== 'ignore' && !['code', 'name', 'agency', 'note'].includes(c.key));
  const tableColList = layout.columns.map((c) => c.col);

  const dupCols = new Set(layout.duplicates.map((d) => d.col));
  for (const c of layout.columns) if (c.key === null && !dupCols.has(c.col)) warn('excel.warn.unmapped_column', { column: c.letter, header: c.path.join(' / ') }, c.letter);
  for (const d of layout.duplicates) warn('excel.warn.duplicate_column', { column: colLetter(d.col), key: d.key }, colLetter(d.col));
  for (const h of layout.hiddenColumns) skip(layout.headerRows[0], 'excel.skip.hidden_column', colLetter(h));
  if (layout.columnNumberRow !== null) skip(layout.columnNumberRow, 'excel.skip.column_numbers');

  // A figure that does not become đồng exactly is named, cell by cell (set by decimalToDong).
  let inexact: Inexact | null = null;
  const onInexact = (why: Inexact) => {
    inexact = why;
  };

  // ---- rows → raw lines ---------------------------------------------------------------------
  const raws: RawLine[] = [];
  const totalRows: TotalRow[] = [];
  const footer: PlacedText[] = [];
  let start = 0;
  while (start < sheet.rows.length && sheet.rows[start].index < layout.dataFrom) start++;
  for (let i = start; i < sheet.rows.length; i++) {
    if ((i & 4095) === 0) checkAbort(signal);
    const row = sheet.rows[i];
    // Let each row go once read: the figures are copied out, so the sheet shrinks as lines grow.
    sheet.rows[i] = RELEASED;
    const text = (col: number | undefined) => (col === undefined ? '' : cellText(row.cells[col]));
    let any = false;
    for (const col of tableColList) {
      if (row.cells[col] && cellText(row.cells[col]) !== '') {
        any = true;
        break;
      }
    }
    if (!any) continue;
    if (row.hidden) {
      skip(row.index, 'excel.skip.hidden_row');
      continue;
    }
    const figs: Fig[] = [];
    let hasFigures = false;
    for (const c of amountCols) {
      const cell = row.cells[c.col];
      if (!cell || (!cell.formula && cellText(cell) === '')) continue;
      const fig: Fig = { key: c.key!, col: c.col, formula: cell.formula, value: null, text: null, noValue: false };
      if (cell.kind === 'n') {
        hasFigures = true;
        if (cell.noValue) fig.noValue = true;
        else {
          // Totals may exceed one cell's limit; stored amounts are checked against it below.
          inexact = null;
          fig.value = decimalToDong(cell.text, unit, Number.MAX_SAFE_INTEGER, onInexact);
          if (inexact !== null) amountWarning(warn, inexact, cell.text, fig.value, address(row.index, c.col));
          else if (fig.value === null) warn('excel.warn.unreadable_cell', { text: cell.text.slice(0, 60) }, address(row.index, c.col));
        }
      } else if (cell.kind === 's') {
        if (shapeOf(cell.text) !== 'none') hasFigures = true;
        fig.text = cellText(cell);
      } else warn('excel.warn.unreadable_cell', { text: cell.text.slice(0, 60) }, address(row.index, c.col));
      figs.push(fig);
    }
    const code = text(codeCol);
    const name = text(nameCol);
    // Footer, total and text-only rows never carry a numbering code: skip the folding for coded lines.
    if (!code || codeStyle(code, null) === null) {
      // Another table's header below this one ("STT | Nội dung | Tổng cộng …"): this table ends here.
      if (!hasFigures && row.cells.filter((c) => c && c.kind === 's' && isHeaderWord(c.text)).length >= 3) {
        const lastRow = sheet.rows[sheet.rows.length - 1].index;
        skip(row.index, 'excel.skip.next_table', lastRow > row.index ? `${row.index + 1}-${lastRow + 1}` : undefined);
        break;
      }
      const lead = fold(code || name || firstText(row));
      if (!hasFigures && FOOTER.test(lead)) {
        const lastRow = sheet.rows[sheet.rows.length - 1].index;
        skip(row.index, 'excel.skip.footer', lastRow > row.index ? `${row.index + 1}-${lastRow + 1}` : undefined);
        footer.push(...footerTexts(row, sheet.rows.slice(i + 1)));
        break;
      }
      const label = fold(code || name);
      if (TOTAL_ROW.test(label) && label.length < 40) {
        totalRows.push({ rowIndex: row.index, figs, before: raws.length === 0 });
        skip(row.index, 'excel.skip.total_row');
        continue;
      }
      if (!hasFigures && !code && TEXT_ROW.test(label)) {
        skip(row.index, 'excel.skip.text_row');
        continue;
      }
    }
    if (!code && !name && !hasFigures) {
      skip(row.index, 'excel.skip.no_line');
      continue;
    }
    const s = styleOf(sheet, row.cells[nameCol ?? codeCol ?? 0]);
    const sc = styleOf(sheet, row.cells[codeCol ?? nameCol ?? 0]);
    // Held to the app's own field lengths (classification above saw the whole text).
    const field = (value: string, col: number | undefined, max: number) => (value.length <= max || col === undefined ? value : limitText(value, max, warn, address(row.index, col)));
    raws.push({
      rowIndex: row.index,
      code: field(code, codeCol, FIELD_MAX_LENGTH.code),
      name: field(name, nameCol, FIELD_MAX_LENGTH.name),
      agency: field(text(agencyCol), agencyCol, FIELD_MAX_LENGTH.agency),
      note: field(text(noteCol), noteCol, FIELD_MAX_LENGTH.note),
      bold: s.bold || sc.bold,
      indent: s.indent,
      figs,
    });
  }
  // Every figure is read: the sheet's cells are no longer needed (a big sheet is most of the memory).
  sheet.rows = [];
  // Known only now: rows past the header area are parsed as they are read.
  if (sheet.droppedCols > 0) warn('excel.warn.columns_dropped', { count: sheet.droppedCols, max: LIMITS.maxCols });
  return { raws, totalRows, footer, codeCol, amountCols };
}

/** The footer's texts: its first row and the next rows, within a signature block's reach. */
function footerTexts(first: Row, rest: readonly Row[]): PlacedText[] {
  const out: PlacedText[] = [];
  for (const r of [first, ...rest]) {
    if (r.index > first.index + FOOTER_ROWS) break;
    r.cells.forEach((c, col) => {
      const text = c && c.kind === 's' ? cellText(c) : '';
      if (text) out.push({ row: r.index, col, text: text.slice(0, 300) });
    });
  }
  return out;
}

/** Decide the table's convention for numbers stored as text, then read them (each ambiguous one reported). */
export function readTextFigures(body: TableBody, unit: DisplayUnit, defaultLocale: TextNumberPolicy['locale'], sink: ReportSink): { policy: TextNumberPolicy; textNumbers: number } {
  const { warn } = sink;
  const { raws, totalRows } = body;
  const texts: string[] = [];
  for (const r of raws) for (const f of r.figs) if (f.text !== null) texts.push(f.text);
  for (const r of totalRows) for (const f of r.figs) if (f.text !== null) texts.push(f.text);
  const policy: TextNumberPolicy = decidePolicy(texts, defaultLocale);
  let textNumbers = 0;
  const readTexts = (rowIndex: number, figs: Fig[]) => {
    for (const f of figs) {
      if (f.text === null) continue;
      const t = readTextNumber(f.text, unit, policy);
      if (!t.ok) {
        if (t.tooLarge) amountWarning(warn, 'too_large', f.text, null, address(rowIndex, f.col));
        else warn('excel.warn.unreadable_cell', { text: f.text.slice(0, 60) }, address(rowIndex, f.col));
      } else if (t.value !== null) {
        f.value = t.value;
        textNumbers++;
        if (t.rounded) amountWarning(warn, 'rounded', f.text, t.value, address(rowIndex, f.col));
        if (t.ambiguous) warn('excel.warn.ambiguous_number', { text: f.text, value: formatAmount(t.value, unit), locale: policy.locale }, address(rowIndex, f.col));
      }
    }
  };
  if (texts.length) {
    for (const r of raws) readTexts(r.rowIndex, r.figs);
    for (const r of totalRows) readTexts(r.rowIndex, r.figs);
  }
  return { policy, textNumbers };
}

/**
 * The report line for a figure that is not exactly whole đồng: rounded (the value kept, said so) or
 * out of range (the cell is not imported). Either way the file's own text is quoted.
 */
function amountWarning(warn: ReportSink['warn'], why: Inexact, text: string, value: Dong | null, cell: string): void {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  if (why === 'rounded' && value !== null) warn('excel.warn.amount_rounded', { text: shown, value: formatAmount(value, 'dong') }, cell);
  else warn('excel.warn.amount_out_of_range', { text: shown, max: formatAmount(MAX_CELL_DONG, 'dong') }, cell);
}

function firstText(row: Row): string {
  for (const c of row.cells) {
    const t = cellText(c);
    if (t) return t;
  }
  return '';
}
