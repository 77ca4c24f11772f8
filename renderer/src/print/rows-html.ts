// Body rows of the annex as HTML text. A 10.000-line annex has ~110.000 cells, printed twice (once
// measured, once on its sheets): building them as one string that the browser parses is several
// times cheaper than creating them as React elements. All text is escaped; nothing else varies.
import type { AnnexColumnKind, AnnexRow } from '../../../shared/print/annex';

const CELL_CLASS: Record<AnnexColumnKind, string> = {
  code: 'pd-c-code',
  name: 'pd-c-name',
  agency: 'pd-c-text',
  note: 'pd-c-text',
  amount: 'pd-c-amt',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

function rowOpen(row: AnnexRow): string {
  return row.lineId === null ? '<tr class="pd-b pd-grand">' : row.bold ? '<tr class="pd-b">' : '<tr>';
}

/** The rows as printed: one cell per column. */
export function rowsHtml(rows: readonly AnnexRow[], kinds: readonly AnnexColumnKind[]): string {
  const open = kinds.map((k) => `<td class="${CELL_CLASS[k]}">`);
  let html = '';
  for (const row of rows) {
    html += rowOpen(row);
    for (let i = 0; i < row.cells.length; i++) html += open[i] + escapeHtml(row.cells[i]) + '</td>';
    html += '</tr>';
  }
  return html;
}

/**
 * The rows for measuring their heights: only the cells that can wrap (text columns, at their
 * printed widths), plus one single-line amount cell standing for all the figures, which never wrap.
 * A row is as tall as its tallest cell, so the heights are those of the printed rows.
 */
export function measureRowsHtml(rows: readonly AnnexRow[], kinds: readonly AnnexColumnKind[]): string {
  const text = kinds.map((k, i) => (k === 'amount' ? -1 : i)).filter((i) => i >= 0);
  const open = text.map((i) => `<td class="${CELL_CLASS[kinds[i]]}">`);
  let html = '';
  for (const row of rows) {
    html += rowOpen(row);
    for (let j = 0; j < text.length; j++) html += open[j] + escapeHtml(row.cells[text[j]]) + '</td>';
    html += '<td class="pd-c-amt">0</td></tr>';
  }
  return html;
}
