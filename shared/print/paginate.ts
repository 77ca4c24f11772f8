// Page breaks of an annex from measured heights: whole rows only (no line split across pages), the
// header repeated on every page, the title block on the first page, and the signature block kept
// whole on the last page — with at least one table row beside it, so a signature never stands on a
// page of its own (a signed last page must belong to the table above it), except where one page
// cannot hold the title, a row and the signature at all.

export interface PaginateInput {
  /** Height of each body row, in order. Any unit, the same for every field. */
  rowHeights: readonly number[];
  /** Height available for content on a page (inside the margins). */
  pageHeight: number;
  /** The repeated table header (header rows and the column-number row). */
  headerHeight: number;
  /** The title block above the table on the first page. */
  titleHeight: number;
  /** The signature block after the table on the last page (0 when none). */
  signatureHeight: number;
  /** Rows carried to a new page with a signature that does not fit (default 2). */
  keepWithSignature?: number;
}

export interface PageSlice {
  /** First row on the page. */
  start: number;
  /** One past the last row on the page. */
  end: number;
  /** The title block is on this page. */
  title: boolean;
  /** The signature block is on this page. */
  signature: boolean;
}

export function paginate(input: PaginateInput): PageSlice[] {
  const { rowHeights, pageHeight, headerHeight, titleHeight, signatureHeight } = input;
  const keep = Math.max(1, input.keepWithSignature ?? 2);
  const pages: PageSlice[] = [];
  let start = 0;
  while (start < rowHeights.length || pages.length === 0) {
    const first = pages.length === 0;
    let room = pageHeight - headerHeight - (first ? titleHeight : 0);
    let end = start;
    // Every page takes at least one row, even a row taller than the page (it is clipped, not lost).
    while (end < rowHeights.length && (end === start || rowHeights[end] <= room)) {
      room -= rowHeights[end];
      end++;
    }
    pages.push({ start, end, title: first, signature: false });
    if (end === start) break;
    start = end;
  }
  if (signatureHeight <= 0) return pages;

  const last = pages[pages.length - 1];
  const used = (p: PageSlice) =>
    headerHeight + (p.title ? titleHeight : 0) + sum(rowHeights, p.start, p.end);
  if (used(last) + signatureHeight <= pageHeight) {
    last.signature = true;
    return pages;
  }
  // Carry the last rows over with the signature: as many as `keep`, fewer if they would not fit.
  let carry = Math.min(keep, last.end - last.start);
  while (carry > 1 && headerHeight + sum(rowHeights, last.end - carry, last.end) + signatureHeight > pageHeight) carry--;
  if (last.title && carry === last.end - last.start) {
    // A one-page annex whose title, rows and signature cannot share a page (only with huge fonts
    // or margins): the signature goes on a page of its own rather than being cut off.
    pages.push({ start: last.end, end: last.end, title: false, signature: true });
    return pages;
  }
  const moved: PageSlice = { start: last.end - carry, end: last.end, title: false, signature: true };
  last.end -= carry;
  if (last.end === last.start) pages.pop(); // nothing left on that page: the carried rows take its place
  pages.push(moved);
  return pages;
}

function sum(a: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
}
