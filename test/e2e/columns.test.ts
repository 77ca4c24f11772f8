// The funding-column tree as an officer edits it (issue 13): File → Cột nguồn vốn… adds "Vốn tín
// dụng chính sách", the grid's header follows, a figure typed into it moves the TỔNG CỘNG; deleting
// it says how much money goes and asks first; Ctrl+Z brings the column and its figure back.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, menu, openApp, settled, totalCell, typeInto, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KEY = 'von_tin_dung_chinh_sach';
const dialog = (page: Page) => page.locator('[data-dialog="columns"]');
const treeItem = (page: Page, key: string) => dialog(page).locator(`[role="option"][data-key="${key}"]`);
const grandTotal = (page: Page, col = 'total') => totalCell(page, col).textContent();
const header = (page: Page, key: string) => page.locator(`.ag-header-cell[col-id="${key}"]`);
/** A column change reads the plan again: on a loaded machine that takes a few seconds, as for a person. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

describe('the funding-column dialog', () => {
  it('adds "Vốn tín dụng chính sách", takes a figure, deletes it after saying how much goes, and undo brings it back', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    try {
      expect(await grandTotal(page)).toBe('350.190');
      await menu(page, 'file', 'columns.edit');
      await dialog(page).waitFor();
      expect(await dialog(page).locator('h2').textContent()).toBe('Cột nguồn vốn của kế hoạch');
      expect(await dialog(page).locator('[role="option"]').count()).toBe(8);

      // After NSTW, at the same level.
      await treeItem(page, 'central').click();
      await dialog(page).locator('input[name="newLabel"]').fill('Vốn tín dụng chính sách');
      await dialog(page).locator('[data-action="add-sibling"]').click();
      await treeItem(page, KEY).waitFor({ timeout: 20_000 });
      expect(await treeItem(page, KEY).getAttribute('aria-selected')).toBe('true');
      // Its roles: another source (neither central nor local).
      await dialog(page).locator('select[name="source"]').selectOption('other');
      await dialog(page).locator('[data-action="save"]').click();
      await poll(() => treeItem(page, KEY).textContent()).toContain('Nguồn khác');
      await page.keyboard.press('Escape');
      await poll(() => dialog(page).count()).toBe(0);

      // The grid's header has the column; a figure typed into it moves the total.
      await header(page, KEY).waitFor({ timeout: 20_000 });
      expect(await header(page, KEY).textContent()).toContain('Vốn tín dụng chính sách');
      await typeInto(page, '3.1', KEY, '74.500');
      await poll(() => grandTotal(page)).toBe('424.690');
      expect(await grandTotal(page, KEY)).toBe('74.500');

      // Deleting it says how much money goes, and asks.
      await menu(page, 'file', 'columns.edit');
      await treeItem(page, KEY).click();
      await dialog(page).locator('[data-action="delete"]').click();
      const confirm = dialog(page).locator('.pd-columns-confirm');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('Xóa cột "Vốn tín dụng chính sách" sẽ xóa 74.500.000.000 đồng ở 1 ô.');
      await confirm.locator('[data-action="confirm-delete"]').click();
      await poll(() => treeItem(page, KEY).count()).toBe(0);
      await dialog(page).locator('[data-action="close"]').click();
      await poll(() => header(page, KEY).count()).toBe(0);
      await poll(() => grandTotal(page)).toBe('350.190');

      // One undo step: the column and its figure come back.
      await (await cell(page, '2', 'code')).click();
      await page.keyboard.press('Control+z');
      await header(page, KEY).waitFor({ timeout: 20_000 });
      await poll(() => grandTotal(page)).toBe('424.690');
      await settled(page);
      expect((await (await cell(page, '3.1', KEY)).textContent())?.trim()).toBe('74.500');
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 120_000);

  it('a right-click on the grid\'s header offers "Cột nguồn vốn…", which opens the dialog', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    try {
      await header(page, 'central_recurrent').click({ button: 'right' });
      const item = page.locator('.pd-context-menu [data-action="columns.edit"]');
      await item.waitFor();
      expect(await page.locator('.pd-context-menu [role="menuitem"]').count()).toBe(1);
      expect(await item.textContent()).toBe('Cột nguồn vốn…');
      await item.click();
      await dialog(page).waitFor();
      expect(await dialog(page).locator('h2').textContent()).toBe('Cột nguồn vốn của kế hoạch');
      await poll(() => page.locator('.pd-context-menu').count()).toBe(0);
      // A cell's right-click menu is still the editing one.
      await page.keyboard.press('Escape');
      await poll(() => dialog(page).count()).toBe(0);
      await (await cell(page, '5', 'name')).click({ button: 'right' });
      await poll(() => page.locator('.pd-context-menu [data-action="copy"]').count()).toBe(1);
      expect(await page.locator('.pd-context-menu [data-action="columns.edit"]').count()).toBe(0);
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 120_000);
});
