// A long annex printed to PDF a slice of pages at a time, the slices joined into one file
// (pdf-lib). Chromium holds the print layout and the drawing of every page it prints at once —
// about 1 MB a page — so a 400-page annex in one go needs well over a gigabyte; in slices the
// memory stays bounded whatever the plan's size. With several printers (tabs of their own, each a
// renderer process on its own core) each prints a run of pages side by side: Chromium lays out and
// draws a page on one thread, so one tab leaves the other cores idle. Used by Electron's Export
// PDF, browser mode, the report's PDF and the bench.
import { PDFDocument } from 'pdf-lib';

/**
 * Pages printed in one go. Measured on a 10.000-line annex (478 pages): 60-page slices peak at
 * ~780 MB of Chromium (all processes), 20 at ~620, 10 at ~570 — for ~25% more time than 60.
 */
export const PDF_CHUNK_PAGES = 12;

/** Prints pages [from, to) of a laid-out view to one PDF. */
export type PrintRange = (from: number, to: number) => Promise<Uint8Array>;

/**
 * Print pages [0, pageCount) with `printRange(from, to)` (to exclusive) in slices of `chunkPages`,
 * and return one PDF. A single slice is returned as printed.
 */
export function printInChunks(pageCount: number, printRange: PrintRange, chunkPages: number = PDF_CHUNK_PAGES): Promise<Uint8Array> {
  return printInParallel(pageCount, [printRange], chunkPages);
}

/**
 * The pages cut into one run per printer (contiguous, as even as whole pages allow; a printer with
 * no pages left gets none), each run printed by its own printer in slices of `chunkPages`, the
 * printers working at the same time; the slices joined in page order into one PDF. Each printer
 * must show the same layout (the same pages): a slice that comes back with another page count is
 * refused.
 */
export async function printInParallel(pageCount: number, printers: readonly PrintRange[], chunkPages: number = PDF_CHUNK_PAGES): Promise<Uint8Array> {
  if (printers.length === 0) throw new Error('no printer');
  if (pageCount <= chunkPages) return printers[0](0, pageCount);
  const runs = Math.min(printers.length, Math.ceil(pageCount / chunkPages));
  const parts = await Promise.all(
    Array.from({ length: runs }, async (_, k) => {
      const a = Math.floor((pageCount * k) / runs);
      const b = Math.floor((pageCount * (k + 1)) / runs);
      const slices: { from: number; to: number; pdf: Uint8Array }[] = [];
      for (let from = a; from < b; from += chunkPages) {
        const to = Math.min(b, from + chunkPages);
        slices.push({ from, to, pdf: await printers[k](from, to) });
      }
      return slices;
    }),
  );
  const out = await PDFDocument.create();
  for (const { from, to, pdf } of parts.flat()) {
    const part = await PDFDocument.load(pdf);
    if (part.getPageCount() !== to - from) {
      throw new Error(`printed ${part.getPageCount()} pages for pages ${from + 1}–${to}`);
    }
    for (const page of await out.copyPages(part, part.getPageIndices())) out.addPage(page);
  }
  return out.save();
}
