// Units and their allocation (issue 14) as an officer works in the window: take the units from the
// lines' lead agencies (naming the districts "UBND các huyện, thành phố" means), switch to the
// allocation view, type a share and paste a units × lines block copied from Excel, see the units'
// sum, the line's figure and the rest "chưa phân bổ" with its finding, allocate a line by criteria
// (shares adding up exactly), undo it, and print the allocation annex.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, openApp, settled, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

const WAIT = { timeout: 30_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const grid = (page: Page) => page.locator('[data-alloc-grid]');

/** The row index of a unit in the allocation grid (by its name in the Đơn vị column). */
async function unitRow(page: Page, name: string): Promise<string> {
  const handle = await page.waitForFunction(
    (n) => {
      for (const c of document.querySelectorAll('[data-alloc-grid] .ag-grid-scrolling-rows .ag-row [col-id="name"]')) {
        if (c.textContent?.trim() === n) return c.closest('.ag-row')?.getAttribute('row-index') ?? null;
      }
      return null;
    },
    name,
    WAIT,
  );
  return (await handle.jsonValue()) as string;
}

/** The grid column id of a line (by its code) in the allocation view of one funding column. */
async function lineCol(page: Page, code: string, column: string): Promise<string> {
  const lineId = await page.evaluate(
    (c) => {
      const headers = [...document.querySelectorAll<HTMLElement>('[data-alloc-grid] .ag-header-cell[col-id]')];
      return headers.find((h) => h.textContent?.trim() === c)?.getAttribute('col-id') ?? null;
    },
    code,
  );
  if (!lineId) throw new Error(`no column for line ${code}`);
  expect(lineId.endsWith(`|${column}`)).toBe(true);
  return lineId;
}

const unitCell = async (page: Page, unit: string, colId: string) =>
  grid(page).locator(`.ag-grid-scrolling-rows .ag-row[row-index="${await unitRow(page, unit)}"] [col-id="${colId}"]`);
const summaryCell = (page: Page, kind: 0 | 1 | 2, colId: string) =>
  grid(page).locator(`.ag-grid-pinned-bottom-rows .ag-row[row-id="s-${['sum', 'figure', 'rest'][kind]}"] [col-id="${colId}"]`);

describe('units and the allocation view', () => {
  it('takes units from the agencies, edits and pastes shares, allocates by criteria, undoes, and prints the annex', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);

    // ---- the units, from the lines' "cơ quan chủ trì" ---------------------------------------
    await page.locator('[data-main-view="units"]').click();
    await expect.poll(() => page.locator('.pd-alloc').textContent(), WAIT).toContain('chưa có đơn vị nào');
    await page.locator('[data-alloc-action="units"]').click();
    const dialog = page.locator('[data-dialog="units"]');
    await dialog.locator('[data-units-action="suggest"]').click();
    const collective = dialog.locator('[data-suggestion="UBND các huyện, thành phố"]');
    await collective.locator('input[type="checkbox"]').check();
    await collective.locator('textarea').fill('UBND huyện Krông Nô\nUBND thành phố Gia Nghĩa');
    // "Đăk Glong" and "Đắk Glong" are one unit: offered once.
    expect(await dialog.locator('[data-suggestion*="Glong"]').count()).toBe(1);
    await dialog.locator('[data-units-action="addSuggested"]').click();
    await expect.poll(() => dialog.locator('[data-unit]').count(), WAIT).toBeGreaterThanOrEqual(8);
    const names = await dialog.locator('[data-unit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));
    expect(names).toEqual(expect.arrayContaining(['Sở Y tế', 'UBND huyện Tuy Đức', 'UBND huyện Krông Nô', 'UBND thành phố Gia Nghĩa']));
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);

    // ---- type a share ------------------------------------------------------------------------
    await page.locator('[data-alloc="column"]').selectOption('central_recurrent');
    await grid(page).locator('.ag-header-cell').first().waitFor(WAIT);
    const c32 = await lineCol(page, '3.2', 'central_recurrent');
    const yte = await unitCell(page, 'Sở Y tế', c32);
    await yte.dblclick();
    await page.keyboard.type('1.000');
    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(() => yte.textContent(), WAIT).toBe('1.000');
    // Under the units: their sum, the line's figure (7.024) and what is not allocated yet.
    await expect.poll(() => summaryCell(page, 0, c32).textContent(), WAIT).toBe('1.000');
    expect(await summaryCell(page, 1, c32).textContent()).toBe('7.024');
    await expect.poll(() => summaryCell(page, 2, c32).textContent(), WAIT).toBe('6.024');
    // …and the finding "chưa phân bổ cho đơn vị" marks it, listed in the findings panel.
    await expect.poll(() => summaryCell(page, 2, c32).getAttribute('class'), WAIT).toContain('pd-finding-info');

    // ---- the finding in the panel goes to its cell in the grid shown --------------------------
    const finding = page.locator('[data-rule="unit_unallocated"] .pd-finding-go').first();
    await page.locator('[data-main-view="plan"]').click();
    await finding.click();
    // In the plan grid: line 3.2, NSTW SN.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.pd-main > .pd-grid .ag-cell-focus')?.getAttribute('col-id') ?? null), WAIT)
      .toBe('central_recurrent');
    await page.locator('[data-main-view="units"]').click();
    await page.locator('[data-alloc="column"]').selectOption('central_investment');
    await finding.click();
    // In the allocation view: its funding column comes back and the units' sum under 3.2 is focused.
    await expect.poll(() => page.locator('.pd-alloc').getAttribute('data-alloc-column'), WAIT).toBe('central_recurrent');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-alloc-grid] .ag-grid-pinned-bottom-rows .ag-cell-focus')?.getAttribute('col-id') ?? null), WAIT).toBe(c32);

    // ---- paste a units × lines block copied from Excel -----------------------------------------
    const c31 = await lineCol(page, '3.1', 'central_recurrent');
    const first = await unitCell(page, 'UBND huyện Krông Nô', c31);
    await first.click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '100\t200\r\n300\t400\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await settled(page);
    await expect.poll(() => first.textContent(), WAIT).toBe('100');
    const krong = await unitRow(page, 'UBND huyện Krông Nô');
    const below = grid(page).locator(`.ag-grid-scrolling-rows .ag-row[row-index="${Number(krong) + 1}"] [col-id="${c32}"]`);
    await expect.poll(() => below.textContent(), WAIT).toBe('400');
    await expect.poll(() => page.locator('.pd-message').textContent(), WAIT).toContain('Đã dán 4 ô');
    // Delete clears a share (one undo step like any other).
    const pasted300 = grid(page).locator(`.ag-grid-scrolling-rows .ag-row[row-index="${Number(krong) + 1}"] [col-id="${c31}"]`);
    expect(await pasted300.textContent()).toBe('300');
    await pasted300.click();
    await page.keyboard.press('Delete');
    await settled(page);
    await expect.poll(() => pasted300.textContent(), WAIT).toBe('');
    await expect.poll(() => summaryCell(page, 0, c31).textContent(), WAIT).toBe('100');

    // ---- allocate 3.2 by criteria -------------------------------------------------------------
    await page.locator('[data-alloc-action="criteria"]').click();
    const crit = page.locator('[data-dialog="criteria"]');
    const lineValue = await crit.locator('[data-crit="line"] option', { hasText: '3.2' }).first().getAttribute('value');
    await crit.locator('[data-crit="line"]').selectOption(lineValue!);
    await crit.locator('[data-crit="column"]').selectOption('central_recurrent');
    expect(await crit.locator('[data-crit="amount"]').inputValue()).toBe('7.024');
    const score = (unit: string) => crit.locator(`[data-crit-unit="${unit}"] [data-crit-score]`);
    await score('UBND huyện Krông Nô').fill('40');
    await score('UBND thành phố Gia Nghĩa').fill('40');
    // Zone III and zone I ticked: only the highest coefficient (50) counts.
    const tuyDuc = crit.locator('[data-crit-unit="UBND huyện Tuy Đức"]');
    await tuyDuc.locator('input[type="checkbox"]').nth(1).check();
    await tuyDuc.locator('input[type="checkbox"]').nth(3).check();
    expect(await score('UBND huyện Tuy Đức').inputValue()).toBe('50');
    await crit.locator('[data-crit-action="preview"]').click();
    // 7.024 triệu × 50/130 = 2.701,5…; ×40/130 = 2.161,2… twice: 2.701 + 2.161 + 2.161 = 7.023, one
    // triệu left goes to the largest remainder (Tuy Đức's ,5).
    await expect.poll(async () => (await crit.locator('[data-crit-share]').allTextContents()).sort(), WAIT).toEqual(['2.161', '2.161', '2.702']);
    expect(await crit.locator('[data-crit-row="UBND huyện Tuy Đức"] [data-crit-share]').textContent()).toBe('2.702');
    expect(await crit.locator('[data-crit-total]').textContent()).toBe('7.024');
    await crit.locator('[data-crit-action="apply"]').click();
    await expect.poll(() => crit.count(), WAIT).toBe(0);
    await expect.poll(() => summaryCell(page, 0, c32).textContent(), WAIT).toBe('7.024');
    await expect.poll(() => summaryCell(page, 2, c32).textContent(), WAIT).toBe('0');
    // The shares replaced the line's (Sở Y tế's 1.000 and the pasted 200 and 400 are not the cell's any more).
    await expect.poll(() => yte.textContent(), WAIT).toBe('');

    // ---- undo: the line as it was ------------------------------------------------------------
    await page.locator('.pd-alloc-bar').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => summaryCell(page, 0, c32).textContent(), WAIT).toBe('1.600');
    await expect.poll(() => yte.textContent(), WAIT).toBe('1.000');

    // ---- rename and merge in the units dialog (2025 mergers) -----------------------------------
    await page.locator('[data-alloc-action="units"]').click();
    const yteName = dialog.locator('[data-unit="Sở Y tế"] input[type="text"]').first();
    await yteName.fill('Sở Y tế tỉnh Đắk Nông');
    await yteName.press('Enter');
    await expect.poll(() => dialog.locator('[data-unit="Sở Y tế tỉnh Đắk Nông"]').count(), WAIT).toBe(1);
    await dialog.locator('[data-unit="UBND huyện Krông Nô"] td').first().click();
    const into = await dialog.locator('[data-units="mergeInto"] option', { hasText: 'UBND thành phố Gia Nghĩa' }).getAttribute('value');
    await dialog.locator('[data-units="mergeInto"]').selectOption(into!);
    await dialog.locator('[data-units-action="merge"]').click();
    await page.locator('[data-answer="merge"]').click();
    await expect.poll(() => dialog.locator('[data-unit="UBND huyện Krông Nô"]').count(), WAIT).toBe(0);
    await page.keyboard.press('Escape');
    // Krông Nô's 100 (3.1) and 200 (3.2) are now Gia Nghĩa's, beside its own 400: one row, the sums unchanged.
    await expect.poll(async () => (await unitCell(page, 'UBND thành phố Gia Nghĩa', c32)).textContent(), WAIT).toBe('600');
    expect(await (await unitCell(page, 'UBND thành phố Gia Nghĩa', c31)).textContent()).toBe('100');
    await expect.poll(() => summaryCell(page, 0, c32).textContent(), WAIT).toBe('1.600');

    // ---- one line's funding columns: 3.2 with NSTW over ĐTPT and SN --------------------------
    await page.locator('[data-alloc="mode"]').selectOption('line');
    const opt32 = await page.locator('[data-alloc="line"] option', { hasText: '3.2 ' }).first().getAttribute('value');
    await page.locator('[data-alloc="line"]').selectOption(opt32!);
    await expect.poll(() => page.locator('.pd-alloc').getAttribute('data-alloc-mode'), WAIT).toBe('line');
    const sn = await unitCell(page, 'Sở Y tế tỉnh Đắk Nông', `${opt32}|central_recurrent`);
    await expect.poll(() => sn.textContent(), WAIT).toBe('1.000');
    // NSTW's own total and Tổng cộng are the sums of their parts, not typed into.
    expect(await (await unitCell(page, 'Sở Y tế tỉnh Đắk Nông', `${opt32}|central`)).textContent()).toBe('1.000');
    expect(await (await unitCell(page, 'UBND thành phố Gia Nghĩa', `${opt32}|total`)).textContent()).toBe('600');
    expect(await summaryCell(page, 1, `${opt32}|total`).textContent()).toBe('7.726');
    await page.locator('[data-alloc="mode"]').selectOption('column');
    await page.locator('[data-alloc="column"]').selectOption('central_recurrent');

    // ---- the printed allocation annex ---------------------------------------------------------
    await page.locator('[data-alloc-action="print"]').click();
    const preview = page.getByRole('dialog', { name: 'Xem trước phụ lục phân bổ' });
    await expect.poll(() => preview.getAttribute('data-page-count'), WAIT).not.toBe('');
    const sheet = preview.locator('.pd-sheet').first();
    expect(await sheet.locator('.pd-annex-title').textContent()).toContain('PHÂN BỔ VỐN SỰ NGHIỆP (SN) NGÂN SÁCH TRUNG ƯƠNG (NSTW)');
    const firstRow = await sheet.locator('tbody tr').first().locator('td').allTextContents();
    expect(firstRow.slice(0, 3)).toEqual(['', 'TỔNG CỘNG', '1.700']);
    const printed = await preview.locator('.pd-sheet tbody td.pd-c-name').allTextContents();
    expect(printed).toEqual(expect.arrayContaining(['Sở Y tế tỉnh Đắk Nông', 'UBND thành phố Gia Nghĩa']));
    expect(printed).not.toContain('UBND huyện Krông Nô');
    // "Dự án 3" over "Tiểu dự án 1", "Tiểu dự án 2", as allocation annexes head their columns.
    const heads = await sheet.locator('thead th').allTextContents();
    expect(heads).toEqual(expect.arrayContaining(['Dự án 3', 'Tiểu dự án 2', 'Dự án 2']));
    await preview.locator('[data-print-action="close"]').click();

    expect(uncaughtErrors(page)).toEqual([]);

    // The print view prints the same annex (what a headless Chromium or the desktop prints).
    const view = await browser.newPage();
    await view.goto(`${server.url}#/print?annex=allocation&column=central_recurrent&number=III`);
    await view.waitForSelector('html[data-print-ready="1"]', WAIT);
    expect(await view.locator('.pd-annex-no').first().textContent()).toBe('Phụ lục III');
    expect((await view.locator('.pd-sheet tbody tr').first().locator('td').allTextContents()).slice(0, 3)).toEqual(['', 'TỔNG CỘNG', '1.700']);
    await view.close();
    await page.close();
    await server.stop();
  });
});
