// Tab-separated text as spreadsheets put it on the clipboard (Excel, LibreOffice, Google Sheets):
// cells split by tabs, rows by CRLF/LF/CR, a cell holding a tab, a line break or a quote is
// wrapped in double quotes with inner quotes doubled, and the block ends with a line break.
// Reading is lenient (a quote that never closes is just a character), writing is what Excel reads.

/**
 * Parse clipboard text into rows of cells. The one line break that ends the block is not a row;
 * rows keep their own lengths (ragged rows are the caller's to pad). Empty text → no rows.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    // One cell starts at i.
    let cell = '';
    let quotedEnd = -1;
    if (text.charCodeAt(i) === 34 /* " */) quotedEnd = closingQuote(text, i + 1);
    if (quotedEnd >= 0) {
      cell = text.slice(i + 1, quotedEnd).replaceAll('""', '"');
      i = quotedEnd + 1;
      // Anything between the closing quote and the next separator belongs to the cell.
      const rest = nextSeparator(text, i);
      cell += text.slice(i, rest);
      i = rest;
    } else {
      const end = nextSeparator(text, i);
      cell = text.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    const c = text.charCodeAt(i);
    if (c === 9 /* \t */) {
      i++;
      continue;
    }
    // A line break: CRLF, LF or CR.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return rows; // the trailing line break ends the block, it opens no row
  }
}

/** Index of the quote closing a quoted cell whose content starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  let j = from;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return -1;
    if (text.charCodeAt(q + 1) === 34) {
      j = q + 2; // "" is a quote inside the cell
      continue;
    }
    return q;
  }
}

function nextSeparator(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 9 || c === 10 || c === 13) return j;
  }
  return text.length;
}

/** Quote a cell the way Excel does when it holds a tab, a line break or a quote. */
function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Rows of cells → clipboard text: tabs, CRLF line breaks and a final CRLF, as Excel writes it. */
export function writeTsv(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\r\n') + '\r\n';
}

/** Pad ragged rows to the widest row with empty cells. */
export function padRows(rows: readonly (readonly string[])[]): string[][] {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return rows.map((r) => (r.length === width ? [...r] : [...r, ...Array<string>(width - r.length).fill('')]));
}
