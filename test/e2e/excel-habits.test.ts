// Issue 12, "Excel habits": what a finance officer who comes from Excel does in the first hour, in
// Chromium against the real engine — find shows its hit, menus let go of Escape and of the next
// click, a line restyles at once after indent/outdent, Ctrl++ / Ctrl+- insert and delete lines
// (zoom is Ctrl+wheel), a simple formula enters its value, refused input keeps the cursor on the
// cell, Tab and Enter step over computed totals, and recent files say which folder they are in.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { generatePlan } from '../support/bench-plan';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, openApp, rowIndexOf, settled, uncaughtErrors, cellText, lineCodes } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function sampleApp(locale: 'vi-VN' | 'en-US' = 'vi-VN'): Promise<{ page: Page; server: RunningServer }> {
  const file = path.join(tempDir(), 'sample.plandesk');
  const cycle = sampleCycle();
  cycle.meta.numberLocale = locale;
  createCycleFile(file, cycle);
  const server = await startServer(file);
  const page = await openApp(browser, server.url);
  await page.waitForLoadState('networkidle');
  return { page, server };
}

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
const text = cellText;
const codes = lineCodes;
/** The grid's active cell as "code:column" (AG Grid's focused cell, whatever has the keyboard). */
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('.ag-grid-scrolling-rows .ag-cell.ag-cell-focus');
    return el ? `${el.closest('.ag-row')?.querySelector('[col-id="code"] .pd-code-text')?.textContent ?? '?'}:${el.getAttribute('col-id')}` : null;
  });
/** The element with the keyboard as "code:column" (a cell, or the cell whose editor it is). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement?.closest('.ag-cell');
    return el ? `${el.closest('.ag-row')?.querySelector('[col-id="code"] .pd-code-text')?.textContent ?? '?'}:${el.getAttribute('col-id')}` : null;
  });
const editing = (page: Page) => page.locator('.ag-cell-inline-editing').count();
const messageBar = (page: Page) => page.locator('.pd-message');
const zoomStatus = (page: Page) => page.locator('.pd-zoom-status').count();

describe('Excel habits (issue 12)', () => {
  it('Ctrl+F shows the matched cell while the find box is open, below the fold of a big plan too', async () => {
    const file = path.join(tempDir(), 'big.plandesk');
    const plan = generatePlan(2_000, 3);
    // A line near the end, found by its name (unique: the generator numbers its lines).
    const target = plan.lines[plan.lines.length - 5];
    createCycleFile(file, plan);
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    await page.waitForLoadState('networkidle');
    await (await cell(page, plan.lines[0].code, 'name')).click();

    await page.keyboard.press('Control+f');
    await page.keyboard.type(target.code);
    await poll(() => page.getByTestId('find-count').getAttribute('data-query')).toBe(target.code);
    // The find box keeps the keyboard (the officer may type on or press Enter)…
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    // …and the hit is on screen, marked.
    const hit = page.locator('.ag-grid-scrolling-rows .pd-find-hit');
    await poll(() => hit.count()).toBe(1);
    expect(await hit.getAttribute('col-id')).toBe('code');
    expect(await hit.locator('.pd-code-text').textContent()).toBe(target.code);
    // On screen, not under the header or the pinned total row: what is drawn at its centre is it.
    await poll(() =>
      hit.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('.ag-cell') === el;
      }),
    ).toBe(true);

    // The next hit moves the mark; Escape closes the box, the mark goes and the cell is active.
    await page.keyboard.press('Escape');
    await poll(() => page.locator('.pd-find-hit').count()).toBe(0);
    await poll(() => focused(page)).toBe(`${target.code}:code`);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('Ctrl+F in the sample: each hit is marked in turn while typing goes on in the box', async () => {
    const { page, server } = await sampleApp();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('dak glong');
    await poll(() => page.getByTestId('find-count').textContent()).toBe('1/2');
    const hitAt = () =>
      page.evaluate(() => {
        const el = document.querySelector('.ag-grid-scrolling-rows .pd-find-hit');
        return el ? `${el.closest('.ag-row')?.querySelector('[col-id="code"] .pd-code-text')?.textContent}:${el.getAttribute('col-id')}` : null;
      });
    await poll(hitAt).toBe('1.1:agency');
    await page.keyboard.press('Enter');
    await poll(hitAt).toBe('1.2:agency');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.close();
    await server.stop();
  });

  it('Escape closes a menu opened with the mouse; a click outside a menu closes it and reaches the grid', async () => {
    const { page, server } = await sampleApp();
    await (await cell(page, '3.2', 'central_recurrent')).click();
    await page.locator('[data-menu="file"]').click();
    await poll(() => page.locator('.pd-menu-items').count()).toBe(1);
    await page.keyboard.press('Escape');
    await poll(() => page.locator('.pd-menu-items').count()).toBe(0);

    // Open again and click a cell: the menu closes and that cell is the active one, in one click.
    await page.locator('[data-menu="edit"]').click();
    await poll(() => page.locator('.pd-menu-items').count()).toBe(1);
    await (await cell(page, '4.1', 'central_investment')).click();
    await poll(() => page.locator('.pd-menu-items').count()).toBe(0);
    await poll(() => active(page)).toBe('4.1:central_investment');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await text(page, '4.1', 'central_investment')).toBe('5');

    // The right-click menu: Escape closes it; a click on another cell closes it and selects that cell.
    await (await cell(page, '5', 'name')).click({ button: 'right' });
    await poll(() => page.locator('.pd-context-menu').count()).toBe(1);
    await page.keyboard.press('Escape');
    await poll(() => page.locator('.pd-context-menu').count()).toBe(0);
    await (await cell(page, '5', 'name')).click({ button: 'right' });
    await poll(() => page.locator('.pd-context-menu').count()).toBe(1);
    // A cell clear of the menu and fully in view (the view tabs took a row of the window's height, so
    // 6.1 now sits clipped at the viewport's bottom edge, where a click lands on TỔNG CỘNG).
    await (await cell(page, '4.2', 'local_recurrent')).click();
    await poll(() => page.locator('.pd-context-menu').count()).toBe(0);
    await poll(() => active(page)).toBe('4.2:local_recurrent');
    await poll(() => focused(page)).toBe('4.2:local_recurrent');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('a line restyles at once after indent then outdent (parent styling follows the tree)', async () => {
    const { page, server } = await sampleApp();
    const rowClass = async (code: string) =>
      (await page.locator(`.ag-grid-scrolling-rows .ag-row[row-index="${await rowIndexOf(page, code)}"]`).first().getAttribute('class')) ?? '';
    expect(await rowClass('3.1')).not.toContain('pd-parent');
    await (await cell(page, '3.2', 'name')).click();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await poll(() => codes(page)).toContain('3.1.1');
    await poll(() => rowClass('3.1')).toContain('pd-parent');
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await poll(() => codes(page)).toContain('3.2');
    await poll(() => rowClass('3.1')).not.toContain('pd-parent');
    expect(await rowClass('3.2')).not.toContain('pd-parent');
    expect(await rowClass('3')).toContain('pd-parent');
    await page.close();
    await server.stop();
  });

  it('Ctrl++ inserts a line and Ctrl+- deletes it (with the delete confirmation); zoom is Ctrl+wheel', async () => {
    const { page, server } = await sampleApp();
    const before = await codes(page);
    await (await cell(page, '4.2', 'name')).click();
    await page.keyboard.press('Control+Shift+Equal');
    await poll(async () => (await codes(page)).length).toBe(before.length + 1);
    expect(await zoomStatus(page)).toBe(0);
    // As Excel inserts rows: the new line takes the place of the selected one, which moves down.
    const after = await codes(page);
    expect(after.indexOf('4.1')).toBe(before.indexOf('4.1'));
    await poll(() => focused(page)).toMatch(/:name$/);
    const fresh = (await focused(page))!.split(':')[0];
    expect(after.indexOf(fresh)).toBe(before.indexOf('4.2'));

    // Ctrl+- on it: the same question as the menu's delete, then it is gone.
    await page.keyboard.press('Control+Minus');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Xóa');
    await dialog.getByRole('button', { name: 'Xóa' }).click();
    await poll(() => codes(page)).toEqual(before);
    expect(await zoomStatus(page)).toBe(0);

    // The numeric keypad's + does the same; Ctrl+Z takes it back.
    await (await cell(page, '6.2', 'name')).click();
    await page.keyboard.press('Control+NumpadAdd');
    await poll(async () => (await codes(page)).length).toBe(before.length + 1);
    await page.keyboard.press('Control+z');
    await poll(() => codes(page)).toEqual(before);

    // Zoom: Ctrl+wheel over the grid, and back with the View menu.
    const box = (await (await cell(page, '2', 'central_recurrent')).boundingBox())!;
    // (The undo's message floats over the top rows: closed first, so the wheel is over the table.)
    if (await messageBar(page).count()) await messageBar(page).locator('button').click();
    await page.mouse.move(box.x + 10, box.y + 5);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await poll(() => page.locator('.pd-statusbar').textContent()).toContain('Thu phóng: 110%');
    await page.locator('[data-menu="view"]').click();
    expect(await page.locator('[data-action="editing.zoomIn"] kbd').textContent()).toBe('Ctrl+lăn chuột');
    await page.locator('[data-action="editing.zoomReset"]').click();
    await poll(() => zoomStatus(page)).toBe(0);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('a simple formula enters its value; anything else is refused with a message and the cursor stays', async () => {
    const { page, server } = await sampleApp();
    const target = await cell(page, '5', 'central_recurrent');
    await target.click();
    await page.keyboard.type('=100+200');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await text(page, '5', 'central_recurrent')).toBe('300');
    expect(await messageBar(page).count()).toBe(0);

    await target.click();
    await page.keyboard.type('=1.234*2');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await text(page, '5', 'central_recurrent')).toBe('2.468');

    await target.click();
    await page.keyboard.type('=(1,5 + 2,5) * 3 - 10/4');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await text(page, '5', 'central_recurrent')).toBe('9,5');

    // A third of a million đồng: rounded to the whole đồng.
    await target.click();
    await page.keyboard.type('=1/3');
    await page.keyboard.press('Enter');
    await settled(page);
    // Escape closes the editor; the cell paints its figure again as the grid re-renders it.
    await expect.poll(() => text(page, '5', 'central_recurrent')).toBe('0,333333');

    // Not a simple formula: refused, said why, the editor stays open on the same cell.
    await target.click();
    await page.keyboard.type('=SUM(1;2)');
    await page.keyboard.press('Enter');
    await poll(() => messageBar(page).textContent()).toContain('=SUM(1;2)');
    expect(await messageBar(page).textContent()).toContain('+ − * /');
    expect(await editing(page)).toBe(1);
    expect(await focused(page)).toBe('5:central_recurrent');
    await page.keyboard.press('Escape');
    // Escape closes the editor; the cell paints its figure again as the grid re-renders it.
    await expect.poll(() => text(page, '5', 'central_recurrent')).toBe('0,333333');

    await target.click();
    await page.keyboard.type('=5/0');
    await page.keyboard.press('Enter');
    await poll(() => messageBar(page).textContent()).toContain('0');
    expect(await editing(page)).toBe(1);
    await page.keyboard.press('Escape');

    // Ctrl+Enter puts the formula's value in every selected cell.
    await (await cell(page, '5', 'central_investment')).click();
    await target.click({ modifiers: ['Shift'] });
    await page.keyboard.type('=2*3');
    await page.keyboard.press('Control+Enter');
    await settled(page);
    await poll(() => text(page, '5', 'central_investment')).toBe('6');
    expect(await text(page, '5', 'central_recurrent')).toBe('6');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('a formula in the cycle’s en-US number format', async () => {
    const { page, server } = await sampleApp('en-US');
    await (await cell(page, '5', 'central_recurrent')).click();
    await page.keyboard.type('=1,234.5*2');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await text(page, '5', 'central_recurrent')).toBe('2,469');
    await page.close();
    await server.stop();
  });

  it('after refused input the cursor stays on the cell; the message goes when the next edit succeeds', async () => {
    const { page, server } = await sampleApp();
    await (await cell(page, '5', 'central_recurrent')).click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await poll(() => messageBar(page).count()).toBe(1);
    expect(await messageBar(page).textContent()).toContain('"abc" không phải là số');
    expect(await editing(page)).toBe(1);
    expect(await focused(page)).toBe('5:central_recurrent');
    // Tab does not take it elsewhere either.
    await page.keyboard.press('Tab');
    expect(await editing(page)).toBe(1);
    expect(await focused(page)).toBe('5:central_recurrent');
    // Corrected: saved, the message goes, and Enter moves down as usual.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await text(page, '5', 'central_recurrent')).toBe('12');
    await poll(() => messageBar(page).count()).toBe(0);
    await poll(() => active(page)).not.toBe('5:central_recurrent');
    await page.close();
    await server.stop();
  });

  it('Tab and Enter step over computed total cells to the next cell one can type in', async () => {
    const { page, server } = await sampleApp();
    // Enter (not typing) down a column: line 4 is a parent (its cells are totals) → 4.1.
    await (await cell(page, '3.2', 'central_recurrent')).click();
    await page.keyboard.press('Enter');
    await poll(() => active(page)).toBe('4.1:central_recurrent');
    await page.keyboard.press('Shift+Enter');
    await poll(() => active(page)).toBe('3.2:central_recurrent');
    // Tab along a line: Tổng cộng and NSTW Tổng are totals → NSTW ĐTPT.
    await (await cell(page, '5', 'agency')).click();
    await page.keyboard.press('Tab');
    await poll(() => active(page)).toBe('5:central_investment');
    await page.keyboard.press('Tab');
    await poll(() => active(page)).toBe('5:central_recurrent');
    await page.keyboard.press('Tab');
    await poll(() => active(page)).toBe('5:local_investment');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await poll(() => active(page)).toBe('5:agency');
    // Typing then Tab: saved, and the next cell one can type in is active.
    await (await cell(page, '2', 'central_recurrent')).click();
    await page.keyboard.type('100');
    await page.keyboard.press('Tab');
    await settled(page);
    expect(await text(page, '2', 'central_recurrent')).toBe('100');
    await poll(() => active(page)).toBe('2:local_investment');
    expect(await editing(page)).toBe(0);
    await page.close();
    await server.stop();
  });

  it('recent files show their folder, so files named alike can be told apart', async () => {
    const root = tempDir();
    const dataDir = tempDir('plandesk-e2e-recent-');
    const files = ['Đắk Mil', 'Đắk Song', 'Krông Nô'].map((d) => path.join(root, 'huyen', d, '2024', 'ke-hoach.plandesk'));
    for (const f of files) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      createCycleFile(f, sampleCycle());
    }
    const open = path.join(root, 'open.plandesk');
    createCycleFile(open, sampleCycle());
    fs.writeFileSync(path.join(dataDir, 'recent-browser.json'), JSON.stringify(files));
    const saved = process.env.PLANDESK_DATA_DIR;
    process.env.PLANDESK_DATA_DIR = dataDir;
    let server: RunningServer;
    try {
      server = await startServer(open);
    } finally {
      if (saved === undefined) delete process.env.PLANDESK_DATA_DIR;
      else process.env.PLANDESK_DATA_DIR = saved;
    }
    const page = await openApp(browser, server.url);
    await page.locator('[data-menu="file"]').click();
    const labels = await page.locator('[data-action^="recent."]').allTextContents();
    expect(labels).toHaveLength(3);
    expect(labels[0]).toContain('ke-hoach.plandesk');
    expect(labels[0]).toContain('Đắk Mil');
    expect(labels[1]).toContain('Đắk Song');
    expect(labels[2]).toContain('Krông Nô');
    expect(new Set(labels).size).toBe(3);
    await page.close();
    await server.stop();
  });
});
