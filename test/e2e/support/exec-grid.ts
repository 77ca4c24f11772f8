// The execution view's grid as a person reads it (issue 15's e2e tests): a line's cell by its code
// and column id, its text, and TỔNG CỘNG's.
import type { Locator, Page } from 'playwright-core';

const WAIT = { timeout: 30_000 };

/** The row index of a line (by its code) in the execution grid, once it is shown. */
async function execRow(page: Page, code: string): Promise<string> {
  const h = await page.waitForFunction(
    (c) => {
      for (const el of document.querySelectorAll('.pd-exec-grid .ag-row [col-id="code"]')) {
        if (el.textContent?.trim() === c) return el.closest('.ag-row')?.getAttribute('row-index') ?? null;
      }
      return null;
    },
    code,
    WAIT,
  );
  return (await h.jsonValue()) as string;
}

export async function execCell(page: Page, code: string, colId: string): Promise<Locator> {
  const idx = await execRow(page, code);
  return page.locator(`.pd-exec-grid .ag-row[row-index="${idx}"] [col-id="${colId}"]`);
}

export const execText = async (page: Page, code: string, colId: string): Promise<string> =>
  ((await (await execCell(page, code, colId)).textContent()) ?? '').trim();

export const execTotalCell = (page: Page, colId: string): Locator => page.locator(`.pd-exec-grid .ag-row.pd-grand-total [col-id="${colId}"]`).first();

export const execTotalText = async (page: Page, colId: string): Promise<string> => ((await execTotalCell(page, colId).textContent()) ?? '').trim();
