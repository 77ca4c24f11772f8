// Live findings as an officer meets them on the built-in sample: a stated total typed over a parent
// line's Tổng cộng disagrees with its parts — the cell is flagged (with the figures in its tooltip),
// the panel lists it and the status bar counts it; the panel entry takes the grid to the cell (opening
// collapsed parents), "Dùng số tính" drops the stated figure and the flag goes, "Giữ cả hai" marks
// it reviewed (kept in the file, undoable). Program-level findings point at the TỔNG CỘNG row.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, menu, openApp, totalCell, typeInto, uncaughtErrors } from './support/browser';
import { statusCount, findingsPanel } from './support/findings';
import { startServer } from './support/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const panel = findingsPanel;
const entry = (page: Page, findingId: string) => page.locator(`.pd-findings [data-finding-id="${findingId}"]`);

/** The line id behind a code (the grid's rows carry it as row-id). */
async function lineId(page: Page, code: string): Promise<number> {
  const c = await cell(page, code, 'code');
  return Number(await c.locator('xpath=ancestor::div[contains(@class,"ag-row")][1]').getAttribute('row-id'));
}

/** Which cell has the grid's focus: [line id ('-1' = TỔNG CỘNG), column]. */
function focusedCell(page: Page): Promise<[string | null, string | null] | null> {
  return page.evaluate(() => {
    const el = document.querySelector('.pd-grid .ag-cell-focus');
    return el ? [el.closest('.ag-row')?.getAttribute('row-id') ?? null, el.getAttribute('col-id')] : null;
  });
}



describe('findings on the built-in sample', () => {
  it('flags a stated total, lists it, goes to it, and drops it for the computed value', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    await page.evaluate(() => localStorage.clear());

    // What the sample shows on opening: 1 error (program counterpart), 2 warnings, 1 note.
    await expect.poll(() => statusCount(page, 'error')).toBe('1 lỗi');
    expect(await statusCount(page, 'warning')).toBe('2 cảnh báo');
    expect(await statusCount(page, 'info')).toBe('1 thông tin');
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    expect(await panel(page).locator('[data-group="program"]').textContent()).toContain('TỔNG CỘNG · NSĐP');
    expect(await entry(page, 'counterpart_min:program').textContent()).toContain('1.416,2');

    // Dự án 4's Tổng cộng typed over: 70.000 where its parts add up to 65.568.
    const id4 = await lineId(page, '4');
    const id41 = await lineId(page, '4.1');
    await typeInto(page, '4', 'total', '70.000');
    await expect.poll(async () => (await cell(page, '4', 'total')).getAttribute('class')).toContain('pd-mismatch');
    const flagged = await cell(page, '4', 'total');
    expect(await flagged.getAttribute('class')).toContain('pd-finding-error');
    expect(await flagged.textContent()).toContain('65.568'); // the grid shows the computed value
    await (await cell(page, '5', 'name')).hover(); // the pointer is still on the cell it typed into
    await flagged.hover();
    // The tooltip explains the finding: rule, figures (signed difference) and basis (issue 12).
    await expect
      .poll(() => page.locator('.ag-tooltip').innerText(), { timeout: 5000 })
      .toContain('Lỗi — Tổng không khớp\nSố tính: 65.568 · Số ghi: 70.000 · Chênh lệch: +4.432 (triệu đồng)\nCăn cứ: ');
    await expect.poll(() => statusCount(page, 'error')).toBe('2 lỗi');
    const e4 = entry(page, `sum_mismatch:${id4}:total`);
    expect(await e4.locator('.pd-finding-where strong').textContent()).toBe('4 · Tổng cộng');
    expect(await e4.locator('.pd-finding-figures td').allTextContents()).toEqual(['70.000', '65.568', '+4.432']);
    expect(await panel(page).locator('[data-group="sum_mismatch"] .pd-findings-group-count').textContent()).toBe('1');

    // A second one on a line hidden under its collapsed parent: 4.1's NSTW total typed as 48.000.
    await typeInto(page, '4.1', 'central', '48.000');
    await expect.poll(() => statusCount(page, 'error')).toBe('3 lỗi');
    await menu(page, 'view', 'collapseAll');
    await expect.poll(() => page.locator('.ag-grid-scrolling-rows .ag-row').count()).toBe(7);
    await (await cell(page, '7', 'code')).click();

    // Click the entry: the grid opens Dự án 4, scrolls to 4.1 and focuses the flagged cell.
    await entry(page, `sum_mismatch:${id41}:central`).locator('.pd-finding-go').click();
    await expect.poll(() => focusedCell(page)).toEqual([String(id41), 'central']);
    expect(await page.locator('.ag-grid-scrolling-rows .ag-row').count()).toBe(10);
    expect(await entry(page, `sum_mismatch:${id41}:central`).getAttribute('class')).toContain('is-selected');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('col-id'))).toBe('central');

    // The first entry: the parent line's Tổng cộng.
    await e4.locator('.pd-finding-go').click();
    await expect.poll(() => focusedCell(page)).toEqual([String(id4), 'total']);

    // Accept the computed value: the stated 70.000 is dropped, the flag and the entry go.
    await e4.locator('[data-action="accept"]').click();
    await expect.poll(() => e4.count()).toBe(0);
    await expect.poll(async () => (await cell(page, '4', 'total')).getAttribute('class')).not.toContain('pd-mismatch');
    expect(await (await cell(page, '4', 'total')).getAttribute('class')).not.toContain('pd-finding-error');
    expect(await (await cell(page, '4', 'total')).textContent()).toBe('65.568');
    await expect.poll(() => statusCount(page, 'error')).toBe('2 lỗi');
    expect(await statusCount(page, 'warning')).toBe('2 cảnh báo');

    // Undo brings the stated figure back, flagged; redo drops it again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => statusCount(page, 'error')).toBe('3 lỗi');
    await expect.poll(async () => (await cell(page, '4', 'total')).getAttribute('class')).toContain('pd-mismatch');
    await page.keyboard.press('Control+y');
    await expect.poll(() => statusCount(page, 'error')).toBe('2 lỗi');
    await expect.poll(() => focusedCell(page)).toEqual([String(id4), 'total']); // redo returns to the cell

    // The program-level finding points at the TỔNG CỘNG row's NSĐP cell.
    await entry(page, 'counterpart_min:program').locator('.pd-finding-go').click();
    await expect.poll(() => focusedCell(page)).toEqual(['-1', 'local']);
    expect(await totalCell(page, 'local').textContent()).toBe('30.548');

    // F8 steps to the next finding in panel order (the program one is first, 4.1's mismatch next).
    await page.keyboard.press('F8');
    await expect.poll(() => focusedCell(page)).toEqual([String(id41), 'central']);

    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('keeps both figures as a reviewed mark stored in the file, undoably', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    let page = await openApp(browser, server.url);
    const id11 = await lineId(page, '1.1');
    await typeInto(page, '1.1', 'total', '123.000');
    const e = () => entry(page, `sum_mismatch:${id11}:total`);
    await expect.poll(() => e().count()).toBe(1);

    await e().locator('[data-action="keep"]').click();
    await expect.poll(() => e().locator('.pd-finding-kept').count()).toBe(1);
    expect(await e().textContent()).toContain('Đã xem xét: giữ cả số ghi và số tính');
    // Still a finding (counted, flagged): keeping both is a review mark, not a waiver.
    expect(await statusCount(page, 'error')).toBe('2 lỗi');
    expect(await (await cell(page, '1.1', 'total')).getAttribute('class')).toContain('pd-mismatch');

    // Stored in the file: a new window on the same server still shows the mark.
    await page.close();
    page = await openApp(browser, server.url);
    await expect.poll(() => e().locator('.pd-finding-kept').count()).toBe(1);

    // Undo takes the mark back (the figures stay), redo restores it.
    await (await cell(page, '2', 'code')).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => e().locator('.pd-finding-kept').count()).toBe(0);
    expect(await e().locator('[data-action="keep"]').count()).toBe(1);
    await page.keyboard.press('Control+y');
    await expect.poll(() => e().locator('.pd-finding-kept').count()).toBe(1);

    // Once a figure changes, the decision no longer applies and the choice is offered again.
    await typeInto(page, '1.1', 'total', '124.000');
    await expect.poll(() => e().locator('.pd-finding-figures td').first().textContent()).toBe('124.000');
    expect(await e().locator('.pd-finding-kept').count()).toBe(0);
    expect(await e().locator('[data-action="keep"]').count()).toBe(1);

    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });

  it('shows and hides the panel from the View menu and the status bar, and remembers it', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    let page = await openApp(browser, server.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await panel(page).waitFor();

    await page.locator('[data-menu="view"]').click();
    expect(await page.locator('[data-action="findings.panel"]').getAttribute('aria-checked')).toBe('true');
    await page.locator('[data-action="findings.panel"]').click();
    await expect.poll(() => panel(page).count()).toBe(0);
    await page.locator('[data-menu="view"]').click();
    expect(await page.locator('[data-action="findings.panel"]').getAttribute('aria-checked')).toBe('false');
    await page.keyboard.press('Escape');

    // Remembered on this PC: a reload keeps it hidden.
    await page.reload();
    await page.locator('.ag-grid-scrolling-rows .ag-row').first().waitFor();
    expect(await panel(page).count()).toBe(0);

    // The status-bar counts open it again; its close button hides it.
    await page.locator('[data-testid="findings-status"]').click();
    await panel(page).waitFor();
    await panel(page).getByRole('button', { name: 'Ẩn bảng kết quả kiểm tra' }).click();
    await expect.poll(() => panel(page).count()).toBe(0);
    await page.locator('[data-testid="findings-status"]').click();
    await panel(page).waitFor();

    // Severity chips filter the list; the counts stay whole.
    await panel(page).locator('[data-severity="warning"]').click();
    await expect.poll(() => panel(page).locator('[data-rule="counterpart_min"]').count()).toBe(1); // only the program error
    expect(await statusCount(page, 'warning')).toBe('2 cảnh báo');
    await panel(page).locator('[data-severity="warning"]').click();
    await expect.poll(() => panel(page).locator('[data-rule="counterpart_min"]').count()).toBe(3);

    // In English, the entries follow the UI language.
    await menu(page, 'view', 'lang.en');
    await expect.poll(() => entry(page, 'counterpart_min:program').textContent()).toContain('GRAND TOTAL');
    expect(await statusCount(page, 'error')).toBe('Errors: 1');

    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });
});
