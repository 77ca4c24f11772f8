// Debian's Chromium through playwright-core (no browser download), headless, offline-friendly
// flags, and helpers to find grid cells the way a person reads the table: by line code and column.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

const errorsByPage = new WeakMap<Page, string[]>();

/** Uncaught errors the page has thrown since it opened (a test ends expecting none). */
export function uncaughtErrors(page: Page): string[] {
  return errorsByPage.get(page) ?? [];
}

export async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors: string[] = [];
  errorsByPage.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('.ag-grid-scrolling-rows .ag-row').first().waitFor();
  // A plan's first rows paint first; the rest and the findings follow. Tests start on the whole plan.
  await page.locator('.pd-status-saved').waitFor();
  await page.waitForFunction(() => !document.querySelector('.pd-loading-rows'), undefined, { timeout: 60_000 });
  return page;
}

/**
 * The row index of the line with this code (as shown in the Mã column), once it is shown: after a
 * reload (Save a copy, a restore) the rows paint a moment later, and a person waits for them too.
 */
export async function rowIndexOf(page: Page, code: string, timeout = 10_000): Promise<string> {
  const find = (c: string) => {
    for (const cell of document.querySelectorAll('.ag-grid-scrolling-rows .ag-row [col-id="code"] .pd-code-text')) {
      if (cell.textContent?.trim() === c) return cell.closest('.ag-row')?.getAttribute('row-index') ?? null;
    }
    return null;
  };
  const idx = await page.evaluate(find, code);
  if (idx !== null) return idx;
  try {
    const handle = await page.waitForFunction(find, code, { timeout });
    return (await handle.jsonValue()) as string;
  } catch {
    throw new Error(`line ${code} not shown`);
  }
}

/** The grid cell of line `code` in column `colId`. */
export async function cell(page: Page, code: string, colId: string): Promise<Locator> {
  const idx = await rowIndexOf(page, code);
  return page.locator(`.ag-grid-scrolling-rows .ag-row[row-index="${idx}"] [col-id="${colId}"]`);
}

/** A cell of the pinned TỔNG CỘNG row. */
export function totalCell(page: Page, colId: string): Locator {
  return page.locator(`.ag-grid-pinned-bottom-rows .ag-row [col-id="${colId}"]`);
}

/** Choose an item of the in-window menu bar, as a person does: open the menu, click the item. */
export async function menu(page: Page, menuId: string, action: string): Promise<void> {
  await page.locator(`[data-menu="${menuId}"]`).click();
  await page.locator(`[data-action="${action}"]`).click();
}

/**
 * Wait until the status bar no longer says "saving": every edit shown ahead of the engine has been
 * answered, so its findings, undo step and change-log entry exist and it is in the file.
 */
export async function settled(page: Page): Promise<void> {
  // The preview shown at Enter reaches the status bar on React's next render: let it paint first.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => !document.querySelector('.pd-status-saved[data-state="saving"]'), undefined, { timeout: 10_000 });
}

/** Click a cell, type, press Enter — then wait until the edit is saved (as the status bar shows). */
export async function typeInto(page: Page, code: string, column: string, text: string): Promise<void> {
  await (await cell(page, code, column)).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await settled(page);
}

/** The text a cell shows, trimmed. */
export const cellText = async (page: Page, code: string, col: string): Promise<string> => (await (await cell(page, code, col)).textContent())?.trim() ?? '';

/** Line codes as shown, top to bottom. */
export const lineCodes = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('.ag-grid-scrolling-rows .ag-row[row-index]')]
      .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
      .map((r) => r.querySelector('[col-id="code"] .pd-code-text')?.textContent ?? ''),
  );
