import { PDFDocument, StandardFonts } from 'pdf-lib';
import { printInChunks, printInParallel } from './pdf-chunks';

/** A stand-in printer: one page per requested page, each saying its number. */
async function fakePrint(from: number, to: number, calls: [number, number][]): Promise<Uint8Array> {
  calls.push([from, to]);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let p = from; p < to; p++) doc.addPage([842, 595]).drawText(`Trang ${p + 1}`, { x: 50, y: 50, font });
  return doc.save();
}

describe('printInChunks', () => {
  it('prints in slices and joins them in order into one PDF', async () => {
    const calls: [number, number][] = [];
    const bytes = await printInChunks(25, (a, b) => fakePrint(a, b, calls), 10);
    expect(calls).toEqual([[0, 10], [10, 20], [20, 25]]);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(25);
    expect(doc.getPage(24).getSize()).toEqual({ width: 842, height: 595 });
  });

  it('returns a short document as printed, in one slice', async () => {
    const calls: [number, number][] = [];
    const doc = await PDFDocument.load(await printInChunks(3, (a, b) => fakePrint(a, b, calls), 10));
    expect(calls).toEqual([[0, 3]]);
    expect(doc.getPageCount()).toBe(3);
  });

  it('refuses a slice that printed more or fewer pages than asked (the layout moved)', async () => {
    await expect(printInChunks(20, (a, b) => fakePrint(a, b + 1, []), 10)).rejects.toThrow(/printed 11 pages/);
  });

  it('prints with several printers side by side, each a run of pages, joined in page order', async () => {
    const calls: [number, number][][] = [[], []];
    let running = 0;
    let most = 0;
    // Each page as wide as 800 + its number: the joined file says which page went where.
    const printer = (k: number) => async (from: number, to: number) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      calls[k].push([from, to]);
      const doc = await PDFDocument.create();
      for (let p = from; p < to; p++) doc.addPage([800 + p, 595]);
      running--;
      return doc.save();
    };
    const doc = await PDFDocument.load(await printInParallel(45, [printer(0), printer(1)], 10));
    expect(calls).toEqual([[[0, 10], [10, 20], [20, 22]], [[22, 32], [32, 42], [42, 45]]]);
    expect(most).toBe(2);
    expect(doc.getPages().map((p) => p.getWidth() - 800)).toEqual(Array.from({ length: 45 }, (_, i) => i));
    // Fewer pages than a slice: the first printer alone, the file as printed.
    calls[0].length = 0;
    expect((await PDFDocument.load(await printInParallel(4, [printer(0), printer(1)], 10))).getPageCount()).toBe(4);
    expect(calls[0]).toEqual([[0, 4]]);
  });
});
