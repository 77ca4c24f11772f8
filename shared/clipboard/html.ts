// The HTML table put on the clipboard beside the TSV text. Excel and LibreOffice prefer it when
// pasting: it carries each number's exact value (Excel's x:num, LibreOffice's sdval) whatever the
// reader's locale, and marks text cells as text, so a code such as "1.2" is not read as a number
// or a date.

export type ClipCell =
  | { kind: 'text'; text: string }
  /** A number: `text` as shown, `value` its exact value in the display unit as a plain decimal ("-1234.5"). */
  | { kind: 'number'; text: string; value: string };

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Excel number format for a value: grouped thousands, and its decimals if it has some. */
function numberFormat(value: string): string {
  const decimals = (value.split('.')[1] ?? '').length;
  return decimals > 0 ? `#,##0.${'0'.repeat(Math.min(decimals, 9))}` : '#,##0';
}

function cellHtml(c: ClipCell): string {
  if (c.kind === 'number') {
    const v = escapeHtml(c.value);
    // mso-number-format is read by Excel; the backslashes escape the format's own characters.
    const fmt = numberFormat(c.value).replace(/[#,.]/g, (ch) => `\\${ch}`);
    return `<td x:num="${v}" sdval="${v}" style="mso-number-format:'${fmt}';text-align:right">${escapeHtml(c.text)}</td>`;
  }
  const body = escapeHtml(c.text).replace(/\r\n|\r|\n/g, '<br style="mso-data-placement:same-cell">');
  return `<td style="mso-number-format:'\\@'">${body}</td>`;
}

/** A complete HTML document holding one table, as spreadsheets expect on the clipboard. */
export function writeHtmlTable(rows: readonly (readonly ClipCell[])[]): string {
  const body = rows.map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`).join('\n');
  return (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" ' +
    'xmlns="http://www.w3.org/TR/REC-html40"><head><meta charset="utf-8"><meta name="ProgId" content="Excel.Sheet">' +
    '<meta name="Generator" content="PlanDesk"></head><body>' +
    `<table border="0" cellspacing="0" style="border-collapse:collapse">\n${body}\n</table></body></html>`
  );
}
