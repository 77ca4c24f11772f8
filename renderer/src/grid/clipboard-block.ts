// What a paste brings, as a block of cell texts: the clipboard's text (TSV, as Excel and
// LibreOffice put it) or, when there is none, the first table of its HTML (a copy from a web page
// or a word processor). One reading for every grid that takes a pasted block.
import { parseTsv } from '../../../shared/clipboard/tsv';

/** The pasted block: rows of cell texts (empty when the clipboard holds neither). */
export function pastedBlock(text: string, html: string): string[][] {
  return text ? parseTsv(text) : htmlRows(html);
}

/** The cells of the first table of an HTML fragment. */
function htmlRows(html: string): string[][] {
  if (!html || typeof DOMParser === 'undefined') return [];
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const table = doc.querySelector('table');
  if (!table) return [];
  return [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td,th')].map((td) => (td as HTMLElement).innerText ?? td.textContent ?? ''));
}
