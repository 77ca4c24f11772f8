import { PDFDocument, StandardFonts } from 'pdf-lib';
import { printInChunks } from './pdf-chunks';

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
});
