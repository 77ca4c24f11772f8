// File → Plan details in Chromium: the document details, the unit and number format the grid
// shows, checked as a person types them, one undo step.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, menu, openApp, totalCell, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the plan details', () => {
  it('edits the document details, the unit and the number format, refusing a date that does not exist', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    await menu(page, 'file', 'plan.details');
    const dialog = page.locator('.pd-plan-dialog');
    const field = (name: string) => dialog.locator(`[name="${name}"]`);
    expect(await field('docNumber').inputValue()).toBe('122/KH-UBND');
    expect(await field('docDate').inputValue()).toBe('29/02/2024');

    // 30/02 does not exist: said under the field, nothing saved, the dialog stays.
    await field('docDate').fill('30/02/2024');
    await field('docNumber').fill('130/KH-UBND');
    await dialog.locator('[data-action="save"]').click();
    await expect.poll(() => dialog.locator('.pd-field-error').textContent()).toContain('Ngày không hợp lệ');
    expect(await page.locator('.pd-plan-dialog [aria-invalid="true"]').getAttribute('name')).toBe('docDate');
    // A click beside the box (on the backdrop) keeps the dialog and what was typed: closing is
    // Escape, × or a button (app/ModalFrame.tsx).
    await page.mouse.click(3, 3);
    expect(await dialog.count()).toBe(1);
    expect(await field('docNumber').inputValue()).toBe('130/KH-UBND');

    await field('docDate').fill('1/3/2024');
    await field('unit').selectOption('ty');
    await field('numberLocale').selectOption('en-US');
    await dialog.locator('[data-action="save"]').click();
    await expect.poll(() => dialog.count()).toBe(0);
    // The grid shows the same figures in tỷ đồng, written the international way.
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('350.19');
    expect(await (await cell(page, '3.2', 'central_recurrent')).textContent()).toBe('7.024');
    expect(await page.locator('.pd-statusbar').textContent()).toContain('tỷ đồng');
    expect(await page.locator('body').textContent()).toContain('130/KH-UBND');

    // Opened again, it shows what was saved; one Ctrl+Z takes the whole change back.
    await menu(page, 'file', 'plan.details');
    expect(await field('docDate').inputValue()).toBe('01/03/2024');
    await page.keyboard.press('Escape');
    await (await cell(page, '1', 'name')).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('350.190');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });
  it('edits the annex number and the full signature block, which the print preview then shows', async () => {
    const file = path.join(tempDir(), 'signature.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    await menu(page, 'file', 'plan.details');
    const dialog = page.locator('.pd-plan-dialog');
    const field = (name: string) => dialog.locator(`[name="${name}"]`);
    expect(await field('annexNumber').inputValue()).toBe('I');
    expect(await field('onBehalf').inputValue()).toBe('TM. ỦY BAN NHÂN DÂN');
    await field('annexNumber').fill('II');
    await field('onBehalf').fill('TM. HỘI ĐỒNG NHÂN DÂN');
    await field('authority').fill('KT. CHỦ TỊCH');
    await field('title').fill('PHÓ CHỦ TỊCH');
    // The recipients are typed one a line: Enter makes a new line, it does not save the dialog.
    await field('recipients').fill('');
    await field('recipients').click();
    await page.keyboard.type('- Như trên;');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- Lưu: VT, KT.');
    expect(await dialog.count()).toBe(1);
    await dialog.locator('[data-action="save"]').click();
    await expect.poll(() => dialog.count()).toBe(0);

    await menu(page, 'file', 'print.preview');
    const sheets = page.locator('.pd-preview .pd-sheet');
    await sheets.first().waitFor({ timeout: 60_000 });
    expect(await sheets.first().locator('.pd-annex-no').textContent()).toBe('Phụ lục II');
    const sign = page.locator('.pd-preview .pd-sign');
    await sign.waitFor();
    expect(await sign.locator('.pd-sign-to > div').allTextContents()).toEqual(['Nơi nhận:', '- Như trên;', '- Lưu: VT, KT.']);
    expect(await sign.locator('.pd-sign-block').nth(1).locator('.pd-sign-title').allTextContents()).toEqual(['TM. HỘI ĐỒNG NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(await sign.locator('.pd-sign-date').textContent()).toBe('Đắk Nông, ngày 29 tháng 02 năm 2024');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });
});
