// The print preview as an officer uses it: File → Print preview, change a setting (projects only),
// see the pages follow, and find the setting kept in the cycle after a reload — and used by the
// print view, so next month's reprint is one click.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, openApp, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

/** Layout of the pages (fonts, measuring) can take seconds on a busy machine. */
const WAIT = { timeout: 30_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('print preview', () => {
  it('opens from the File menu, saves a changed setting in the cycle, and keeps it after a reload', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);

    await page.locator('[data-menu="file"]').click();
    await page.locator('[data-action="print.preview"]').click();
    const preview = page.getByRole('dialog', { name: 'Xem trước khi in' });
    await expect.poll(() => preview.getAttribute('data-page-count'), WAIT).toBe('3');
    const codes = () => preview.locator('.pd-sheet tbody td.pd-c-code').allTextContents();
    expect(await codes()).toContain('3.2');
    expect(await preview.locator('[data-print-setting="lines-all"]').isChecked()).toBe(true);

    // Projects only: sub-projects leave the pages; the setting is an undoable change of the file.
    await preview.locator('[data-print-setting="lines-0"]').check();
    await expect.poll(codes, WAIT).toEqual(['', '1', '2', '3', '4', '5', '6', '7']);
    await expect.poll(() => preview.getAttribute('data-page-count'), WAIT).toBe('2');
    // A bad margin is refused with a message; the old one stays.
    const top = preview.locator('[data-print-setting="margin-top"]');
    await top.fill('abc');
    await top.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toContain('không hợp lệ');
    await expect.poll(() => top.inputValue(), WAIT).toBe('20');
    await page.keyboard.press('Escape');
    await expect.poll(() => preview.count(), WAIT).toBe(0);
    await page.locator('[data-menu="edit"]').click();
    expect(await page.locator('[data-action="undo"]').isDisabled()).toBe(false);
    await page.keyboard.press('Escape');

    // Reload: the setting came back from the cycle file.
    await page.reload();
    await page.locator('.ag-grid-scrolling-rows .ag-row').first().waitFor();
    await page.keyboard.press('Control+p');
    await expect.poll(() => preview.getAttribute('data-page-count'), WAIT).toBe('2');
    expect(await preview.locator('[data-print-setting="lines-0"]').isChecked()).toBe(true);
    expect(await codes()).toEqual(['', '1', '2', '3', '4', '5', '6', '7']);
    expect(uncaughtErrors(page)).toEqual([]);

    // The print view (what Print and Export PDF print) uses the saved settings too.
    const view = await browser.newPage();
    await view.goto(`${server.url}#/print`);
    await view.waitForSelector('html[data-print-ready="1"]');
    expect(await view.locator('.pd-sheet tbody td.pd-c-code').allTextContents()).toEqual(['', '1', '2', '3', '4', '5', '6', '7']);
    await view.close();
    await page.close();
    await server.stop();
  });
});
