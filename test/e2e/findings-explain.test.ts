// Issue 12, as a finance officer meets it in the first hour on the built-in sample: stated totals
// that agreed follow an edit (no "Tổng không khớp" left behind, one undo step), "Dùng số tính cho
// tất cả" over the plan, a rule's findings or a selection; every finding marks its cell (the pinned
// TỔNG CỘNG row too) and explains itself on hover; the panel leaves the flagged cell visible at
// 1.600 px; the print preview says on screen that errors remain, and the printed page does not.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, menu, openApp, settled, totalCell, typeInto, uncaughtErrors } from './support/browser';
import { printWhole } from './support/print-pdf';
import { statusCount, findingsPanel } from './support/findings';
import { startServer, type RunningServer } from './support/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const panel = findingsPanel;
const mismatchEntries = (page: Page) => page.locator('.pd-findings [data-rule="sum_mismatch"]');
const flaggedCells = (page: Page) => page.locator('.pd-grid .pd-mismatch');

async function sample(): Promise<{ server: RunningServer; page: Page }> {
  const file = path.join(tempDir(), 'sample.plandesk');
  createCycleFile(file, sampleCycle());
  const server = await startServer(file);
  const page = await openApp(browser, server.url);
  await page.evaluate(() => localStorage.clear());
  await expect.poll(() => statusCount(page, 'error')).toBe('1 lỗi');
  return { server, page };
}

describe('stated totals and findings that explain themselves (issue 12)', () => {
  it('a stated total that agreed follows the edit, in the same undo step', async () => {
    const { server, page } = await sample();
    // 3.2 states its Tổng cộng (7.726) and NSTW (7.024), as the published plan does.
    await typeInto(page, '3.2', 'central_recurrent', '7.100');
    await expect.poll(async () => (await cell(page, '3.2', 'total')).textContent()).toBe('7.802');
    expect(await statusCount(page, 'error')).toBe('1 lỗi');
    expect(await mismatchEntries(page).count()).toBe(0);
    expect(await flaggedCells(page).count()).toBe(0);
    // Hovering the line's total tells no mismatch: the stated figure moved with it.
    await (await cell(page, '3.2', 'total')).hover();
    await expect.poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5000 }).toBe('Ô tổng: được tính từ các dòng/cột con');

    // One undo step brings the figure and the stated totals back together.
    await page.keyboard.press('Control+z');
    await settled(page);
    await expect.poll(async () => (await cell(page, '3.2', 'central_recurrent')).textContent()).toBe('7.024');
    expect(await (await cell(page, '3.2', 'total')).textContent()).toBe('7.726');
    expect(await flaggedCells(page).count()).toBe(0);
    expect(await mismatchEntries(page).count()).toBe(0);
    // A stated total typed to disagree stays, and stays flagged, when the parts change.
    await typeInto(page, '3.2', 'total', '9.000');
    await typeInto(page, '3.2', 'central_recurrent', '7.100');
    await expect.poll(() => mismatchEntries(page).count()).toBe(1);
    expect(await mismatchEntries(page).locator('.pd-finding-figures td').allTextContents()).toEqual(['9.000', '7.802', '+1.198']);

    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('"Dùng số tính cho tất cả" over the plan, one rule\'s findings and a selection — one undo step each', async () => {
    const { server, page } = await sample();
    await typeInto(page, '1.1', 'total', '123.000');
    await typeInto(page, '2', 'total', '1.000');
    await typeInto(page, '5', 'central', '2.000');
    await expect.poll(() => mismatchEntries(page).count()).toBe(3);

    // (c) The whole plan, from the Tools menu.
    await menu(page, 'tools', 'findings.acceptAll');
    await expect.poll(() => mismatchEntries(page).count()).toBe(0);
    expect(await flaggedCells(page).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => mismatchEntries(page).count()).toBe(3);

    // (b) The findings of one rule, from the panel's group.
    await panel(page).locator('[data-group="sum_mismatch"] [data-action="acceptAll"]').click();
    await expect.poll(() => mismatchEntries(page).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => mismatchEntries(page).count()).toBe(3);

    // (a) A selection: lines 1.1 to 2, Tổng cộng only — line 5's stated NSTW stays.
    await (await cell(page, '1.1', 'total')).click();
    await (await cell(page, '2', 'total')).click({ modifiers: ['Shift'] });
    await menu(page, 'tools', 'findings.acceptSelection');
    await expect.poll(() => mismatchEntries(page).count()).toBe(1);
    expect(await mismatchEntries(page).locator('.pd-finding-where strong').textContent()).toBe('5 · NSTW');
    await page.locator('[data-menu="edit"]').click();
    expect(await page.locator('[data-action="undo"]').textContent()).toContain('Dùng số tính cho tất cả');
    await page.keyboard.press('Escape');

    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('marks the program finding on the pinned TỔNG CỘNG row and explains a flagged cell on hover', async () => {
    const { server, page } = await sample();
    const local = totalCell(page, 'local');
    await expect.poll(() => local.getAttribute('class')).toContain('pd-finding-error');
    await local.hover();
    const tip = page.locator('.ag-tooltip');
    await expect.poll(() => tip.textContent(), { timeout: 5000 }).toContain('Vốn đối ứng tối thiểu');
    const text = (await tip.innerText()).normalize('NFC');
    expect(text).toContain('Lỗi — Vốn đối ứng tối thiểu');
    expect(text).toContain('Mức tối thiểu: 31.964,2 · Vốn địa phương: 30.548 · Chênh lệch: -1.416,2 (triệu đồng)');
    expect(text).toContain('Căn cứ: QĐ 02/2022/QĐ-TTg — vốn đối ứng của ngân sách địa phương');
    expect(text).not.toContain('Ô tổng');

    // A stated total typed over a total: its tooltip names the rule, the figures and the basis.
    await typeInto(page, '4', 'total', '70.000');
    await (await cell(page, '5', 'name')).hover();
    await (await cell(page, '4', 'total')).hover();
    await expect.poll(() => tip.innerText(), { timeout: 5000 }).toContain('Tổng không khớp');
    expect(await tip.innerText()).toContain('Số tính: 65.568 · Số ghi: 70.000 · Chênh lệch: +4.432 (triệu đồng)');

    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('at 1.600 × 900 the panel leaves the NSĐP columns and the chosen finding\'s cell in view', async () => {
    const { server, page } = await sample();
    expect(page.viewportSize()).toEqual({ width: 1600, height: 900 });
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    const side = (await panel(page).boundingBox())!;
    // The pinned-left Nội dung column's cell of the same row: its right edge is where scrolled columns start.
    const pinned = (await totalCell(page, 'name').boundingBox())!;
    /** The cell is on screen, readable: right of the pinned columns, clear of the panel, topmost at its centre. */
    const inView = async (col: string) => {
      const box = (await totalCell(page, col).boundingBox())!;
      const clearOfPanel = box.x + box.width <= side.x + 1 || box.y + box.height <= side.y + 1;
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[col-id]')?.getAttribute('col-id') ?? null, [box.x + box.width / 2, box.y + box.height / 2]);
      return box.width > 40 && box.x >= pinned.x + pinned.width - 1 && box.x + box.width <= 1600 && clearOfPanel && hit === col;
    };
    // As the plan opens, before any scrolling: the NSĐP columns (where the error is) are visible.
    for (const col of ['local', 'local_investment', 'local_recurrent']) expect(await inView(col), col).toBe(true);
    // Choosing the finding focuses its cell, still in view.
    await panel(page).locator('[data-finding-id="counterpart_min:program"] .pd-finding-go').click();
    await expect.poll(() => totalCell(page, 'local').getAttribute('class')).toContain('ag-cell-focus');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await inView('local')).toBe(true);
    // The panel still lists every finding, and the grid still shows its rows.
    expect(await panel(page).locator('[data-rule]').count()).toBe(4);
    expect(await page.locator('.ag-grid-scrolling-rows .ag-row').count()).toBeGreaterThan(5);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('print preview says on screen that errors remain; the printed page does not', async () => {
    const { server, page } = await sample();
    await page.keyboard.press('Control+p');
    const preview = page.getByRole('dialog', { name: 'Xem trước khi in' });
    await expect.poll(() => preview.getAttribute('data-page-count'), { timeout: 30_000 }).not.toBe('');
    const notice = preview.locator('[data-testid="preview-errors"]');
    expect((await notice.textContent())?.normalize('NFC')).toContain('Kế hoạch còn 1 lỗi');
    // Never part of a sheet.
    expect(await preview.locator('.pd-sheet [data-testid="preview-errors"]').count()).toBe(0);
    // Export PDF says it too (not blocking).
    await preview.locator('[data-print-action="pdf"]').click();
    await expect.poll(() => page.locator('.pd-message-text').first().textContent()).toContain('còn 1 lỗi');

    // The printed annex (the print view as Print and Export PDF print it) carries no notice.
    const view = await browser.newPage();
    const { pdf } = await printWhole(view, server.url);
    const out = path.join(tempDir(), 'annex.pdf');
    fs.writeFileSync(out, pdf);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('TỔNG CỘNG');
    expect(text).not.toContain('còn 1 lỗi');
    expect(text).not.toContain('chỉ hiện trên màn hình');
    await view.close();
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });
});
