// The working core as a person uses it: open the sample, read the totals, edit a leaf with the
// keyboard, see every total follow, refuse bad input, restart and find the edit kept.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, openApp, settled, totalCell, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The built-in sample in a fresh cycle file, served, and open in a page. */
async function openSample() {
  const file = path.join(tempDir(), 'sample.plandesk');
  createCycleFile(file, sampleCycle());
  const server = await startServer(file);
  const page = await openApp(browser, server.url);
  return { file, server, page };
}

describe('the budget grid on the built-in sample', () => {
  it('shows the plan totals, follows a keyboard edit, and keeps it after a restart', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    let server = await startServer(file);
    let page = await openApp(browser, server.url);

    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('350.190');
    expect(await totalCell(page, 'central').textContent()).toBe('319.642');
    expect(await totalCell(page, 'local').textContent()).toBe('30.548');
    expect(await page.title()).toContain('sample.plandesk');

    // 3.2 NSTW SN 7.024 → 8.024, typed as a person would: select the cell, type, Enter.
    const target = await cell(page, '3.2', 'central_recurrent');
    expect(await target.textContent()).toBe('7.024');
    await target.click();
    await page.keyboard.type('8.024');
    await page.keyboard.press('Enter');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('351.190');
    expect(await (await cell(page, '3.2', 'central_recurrent')).textContent()).toBe('8.024');
    expect(await (await cell(page, '3.2', 'central')).textContent()).toBe('8.024');
    expect(await (await cell(page, '3.2', 'total')).textContent()).toBe('8.726');
    expect(await (await cell(page, '3', 'central_recurrent')).textContent()).toBe('23.996');
    expect(await (await cell(page, '3', 'total')).textContent()).toBe('26.296');
    expect(await totalCell(page, 'central').textContent()).toBe('320.642');
    expect(await totalCell(page, 'central_recurrent').textContent()).toBe('171.268');

    // Bad input is refused with a visible message, the editor stays open to correct it; Esc keeps
    // the old value.
    const other = await cell(page, '5', 'local_recurrent');
    await other.click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('không phải là số');
    await page.keyboard.press('Escape');
    // Escape closes the editor; the cell paints its old figure again as the grid re-renders it.
    await expect.poll(async () => (await cell(page, '5', 'local_recurrent')).textContent()).toBe('3.929');
    await other.click();
    await page.keyboard.type('1,2,3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('nhiều hơn một dấu thập phân');
    await page.keyboard.press('Escape');
    // Escape closes the editor; the cell paints its old figure again as the grid re-renders it.
    await expect.poll(async () => (await cell(page, '5', 'local_recurrent')).textContent()).toBe('3.929');

    // Restart the server on the same file once the status bar says saved: the edit is there.
    await settled(page);
    await page.close();
    await server.stop();
    server = await startServer(file);
    page = await openApp(browser, server.url);
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('351.190');
    expect(await (await cell(page, '3.2', 'central_recurrent')).textContent()).toBe('8.024');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('saves a figure still being typed when the window is closed or the page left', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    let server = await startServer(file);
    let page = await openApp(browser, server.url);
    // (Leaving the page runs the same beforeunload as closing the window; this Chromium does not
    // run it for a page closed by the test driver, so the test leaves by reloading.)
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss(); // "stay on this page"
    });
    // Nothing pending: the page is left without asking.
    await page.reload();
    await page.locator('.pd-status-saved[data-state="saved"]').waitFor();
    expect(asked).toEqual([]);

    // 8.024 typed into 3.2, no Enter, and the page left: the edit is committed and saved.
    await (await cell(page, '3.2', 'central_recurrent')).click();
    await page.keyboard.type('8.024');
    await page.goto(page.url()).catch(() => undefined); // aborted: the person chose to stay
    expect(asked).toEqual(['beforeunload']);
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('351.190');
    await settled(page);
    expect(await page.locator('.pd-status-saved').getAttribute('data-state')).toBe('saved');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();

    server = await startServer(file);
    page = await openApp(browser, server.url);
    expect(await (await cell(page, '3.2', 'central_recurrent')).textContent()).toBe('8.024');
    await page.close();
    await server.stop();
  });

  it('opens a file with Ctrl+O and lists the recent ones in the File menu', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'ke-hoach-a.plandesk');
    const b = path.join(dir, 'ke-hoach-b.plandesk');
    createCycleFile(a, sampleCycle());
    createCycleFile(b, sampleCycle());
    const server = await startServer(a);
    const page = await openApp(browser, server.url);
    // Browser mode has no file dialog: the path is asked for.
    page.once('dialog', (d) => void d.accept(b));
    await (await cell(page, '1', 'name')).click();
    await page.keyboard.press('Control+o');
    await expect.poll(() => page.title()).toBe('ke-hoach-b.plandesk — PlanDesk');

    await page.locator('[data-menu="file"]').click();
    const recent = page.locator('[data-action="recent.1"]');
    // Named with its folder (files of the same name elsewhere must read differently).
    await expect.poll(() => recent.textContent()).toBe(`1. ke-hoach-a.plandesk — …/${path.basename(dir)}`);
    expect(await recent.getAttribute('title')).toBe(a);
    await recent.click();
    await expect.poll(() => page.title()).toBe('ke-hoach-a.plandesk — PlanDesk');
    await page.locator('[data-menu="file"]').click();
    await expect.poll(() => page.locator('[data-action="recent.1"]').textContent()).toBe(`1. ke-hoach-b.plandesk — …/${path.basename(dir)}`);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('works the menus from the keyboard: F10, Alt + a letter, arrows, Enter, Escape', async () => {
    const { server, page } = await openSample();
    const focusedAction = () => page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.className ?? null);
    await (await cell(page, '3.2', 'central_recurrent')).click();

    // F10 opens Tệp with its first item in hand; ↓ moves; → goes to Sửa; Escape gives the grid back.
    await page.keyboard.press('F10');
    await expect.poll(focusedAction).toBe('new');
    await page.keyboard.press('ArrowDown');
    expect(await focusedAction()).toBe('open');
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedAction).toBe('editing.cut'); // Undo and Redo are disabled: nothing done yet
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.pd-menu-items').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id'))).toBe('central_recurrent');

    // Alt+X opens Xem; Enter on "Thu gọn tất cả" runs it.
    await page.keyboard.press('Alt+x');
    await expect.poll(() => page.locator('[data-menu="view"]').getAttribute('aria-expanded')).toBe('true');
    while ((await focusedAction()) !== 'collapseAll') await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ag-grid-scrolling-rows .ag-row').count()).toBe(7);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('remembers a column widened by dragging its header edge', async () => {
    const { server, page } = await openSample();
    const header = page.locator('.ag-header-cell[col-id="agency"]');
    const before = (await header.boundingBox())!.width;
    const edge = (await header.locator('.ag-header-cell-resize').boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + edge.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await header.boundingBox())!.width - before)).toBe(60);
    await page.reload();
    await page.locator('.ag-grid-scrolling-rows .ag-row').first().waitFor();
    await expect.poll(async () => Math.round((await page.locator('.ag-header-cell[col-id="agency"]').boundingBox())!.width - before)).toBe(60);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.evaluate(() => localStorage.removeItem('plandesk.columnWidths.v1'));
    await page.close();
    await server.stop();
  });

  it('collapses and expands lines, and switches the UI to English', async () => {
    const { server, page } = await openSample();
    const rows = () => page.locator('.ag-grid-scrolling-rows .ag-row').count();
    const all = await rows();
    expect(all).toBe(18);
    await page.locator('[data-menu="view"]').click();
    await page.locator('[data-action="collapseAll"]').click();
    await expect.poll(rows).toBe(7);
    await (await cell(page, '4', 'code')).getByRole('button').click();
    await expect.poll(rows).toBe(10);
    await page.locator('[data-menu="view"]').click();
    await page.locator('[data-action="expandAll"]').click();
    await expect.poll(rows).toBe(18);
    await page.locator('[data-menu="view"]').click();
    await page.locator('[data-action="lang.en"]').click();
    await expect.poll(() => totalCell(page, 'name').textContent()).toBe('GRAND TOTAL');
    expect(await page.locator('[data-menu="file"]').textContent()).toBe('File');
    await page.close();
    await server.stop();
  });
});
