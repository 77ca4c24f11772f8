// A long annex printed to PDF a slice of pages at a time, the slices joined into one file
// (pdf-lib). Chromium holds the print layout and the drawing of every page it prints at once —
// about 1 MB a page — so a 400-page annex in one go needs well over a gigabyte; in slices the
// memory stays bounded whatever the plan's size. Used by Electron's Export PDF and the bench.
import { PDFDocument } from 'pdf-lib';

/**
 * Pages printed in one go. Measured on a 10.000-line annex (478 pages): 60-page slices peak at
 * ~780 MB of Chromium (all processes), 20 at ~620, 10 at ~570 — for ~25% more time than 60.
 */
export const PDF_CHUNK_PAGES = 12;

/**
 * Print pages [0, pageCount) with `printRange(from, to)` (to exclusive) in slices of `chunkPages`,
 * and return one PDF. A single slice is returned as printed.
 */
export async function printInChunks(
  pageCount: number,
  printRange: (from: number, to: number) => Promise<Uint8Array>,
  chunkPages: number = PDF_CHUNK_PAGES,
): Promise<Uint8Array> {
  if (pageCount <= chunkPages) return printRange(0, pageCount);
  const out = await PDFDocument.create();
  for (let from = 0; from < pageCount; from += chunkPages) {
    const to = Math.min(pageCount, from + chunkPages);
    const part = await PDFDocument.load(await printRange(from, to));
    if (part.getPageCount() !== to - from) {
      throw new Error(`printed ${part.getPageCount()} pages for pages ${from + 1}–${to}`);
    }
    for (const page of await out.copyPages(part, part.getPageIndices())) out.addPage(page);
  }
  return out.save();
}
