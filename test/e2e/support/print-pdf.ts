// Printing the print view (`#/print`) to PDF from Playwright the two ways the product does: in one
// go (what browser mode's page.pdf and Electron's system print do) and a slice of pages at a time
// joined into one file (what Electron's Export PDF does for long annexes).
import type { Page } from 'playwright-core';
import { printInChunks } from '../../../shared/print/pdf-chunks';

const READY = 'html[data-print-ready="1"]';

/** Open the print view and print every page in one go. */
export async function printWhole(page: Page, serverUrl: string): Promise<{ pdf: Buffer; pages: number }> {
  await page.goto(`${serverUrl}#/print`);
  await page.waitForSelector(READY, { state: 'attached', timeout: 300_000 });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  return { pdf, pages: await pageCount(page) };
}

/** Open the print view in chunked mode and print it `chunkPages` pages at a time. */
export async function printChunked(page: Page, serverUrl: string, chunkPages?: number): Promise<{ pdf: Uint8Array; pages: number }> {
  await page.goto(`${serverUrl}#/print?chunked=1`);
  await page.waitForSelector(READY, { state: 'attached', timeout: 300_000 });
  const pages = await pageCount(page);
  const pdf = await printInChunks(
    pages,
    async (from, to) => {
      await page.evaluate(([a, b]) => window.plandeskPrint!.show(a, b), [from, to] as const);
      return page.pdf({ preferCSSPageSize: true, printBackground: true });
    },
    chunkPages,
  );
  return { pdf, pages };
}

async function pageCount(page: Page): Promise<number> {
  return Number(await page.evaluate(() => document.documentElement.dataset.pageCount));
}
