// The execution view as an officer uses it (issue 15): the "Giải ngân" tab, add the 30/6 reporting
// date with a 30% pace, type a disbursed figure on a line, see its rate (one decimal, vi-VN), the
// total and the chart follow, paste a block from Excel, undo, and open the report's print preview
// (title, "(Số liệu đến ngày 30/6/2024)", the charts on their own page).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, openApp, uncaughtErrors } from './support/browser';
import { execCell, execText, execTotalText } from './support/exec-grid';
import { startServer } from './support/server';

const WAIT = { timeout: 30_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const text = execText;
const totalText = execTotalText;

describe('execution view', () => {
  it('adds a date, takes figures typed and pasted, shows rate, totals and charts, undoes, previews the report', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    try {
      const page = await openApp(browser, server.url);
      await page.locator('[data-main-view="execution"]').click();
      await page.locator('.pd-exec-empty').waitFor(WAIT);

      // Add the 6-month date (30/6/2024 is proposed first) with a 30% pace.
      await page.locator('[data-action="exec-add-date"]').click();
      expect(await page.locator('[data-testid="exec-new-date"]').inputValue()).toBe('2024-06-30');
      await page.locator('[data-testid="exec-new-pace"]').fill('30');
      await page.locator('[data-action="exec-add-confirm"]').click();
      await page.locator('.pd-exec-grid .ag-row').first().waitFor(WAIT);
      expect(await page.locator('[data-testid="exec-date"] option:checked').textContent()).toContain('30/6/2024');

      // Type 5.000 (triệu) on 3.2's NSTW SN: its plan is 7.024 NSTW + 702 NSĐP, so the rate of all
      // sources is 5.000 / 7.726 = 64,7%; the total follows.
      await (await execCell(page, '3.2', 'fig:central_recurrent')).click();
      await page.keyboard.type('5.000');
      await page.keyboard.press('Enter');
      await expect.poll(() => text(page, '3.2', 'sum:rate'), WAIT).toBe('64,7');
      expect(await text(page, '3.2', 'sum:disbursed')).toBe('5.000');
      expect(await text(page, '3.2', 'sum:plan')).toBe('7.726');
      expect(await text(page, '3.2', 'sum:remaining')).toBe('2.726');
      await expect.poll(() => totalText(page, 'sum:disbursed'), WAIT).toBe('5.000');
      // The chart by project shows Dự án 3's rate.
      await expect.poll(() => page.locator('.pd-exec-chart[data-chart="rateByProject"] svg').textContent(), WAIT).toContain('19,8');

      // Bad input is refused with a message; nothing is written.
      await (await execCell(page, '3.1', 'fig:central_recurrent')).click();
      await page.keyboard.type('abc');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toBeTruthy();
      await page.keyboard.press('Escape');

      // Paste two figures from Excel on 3.1 and 3.2 (one step), then undo it.
      await (await execCell(page, '3.1', 'fig:central_recurrent')).click();
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData('text/plain', '1.000\r\n6.000\r\n');
        document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      await expect.poll(() => text(page, '3.2', 'fig:central_recurrent'), WAIT).toBe('6.000');
      expect(await text(page, '3.1', 'fig:central_recurrent')).toBe('1.000');
      await expect.poll(() => totalText(page, 'sum:disbursed'), WAIT).toBe('7.000');
      await page.keyboard.press('Control+z');
      await expect.poll(() => text(page, '3.2', 'fig:central_recurrent'), WAIT).toBe('5.000');
      await expect.poll(() => totalText(page, 'sum:disbursed'), WAIT).toBe('5.000');

      // The report's print preview: title, as-of line, the figures, and a page of charts.
      await page.locator('[data-action="exec-preview"]').click();
      const preview = page.getByRole('dialog', { name: 'Báo cáo tình hình giải ngân' });
      await expect.poll(async () => Number(await preview.getAttribute('data-page-count')), WAIT).toBeGreaterThanOrEqual(3);
      const sheets = preview.locator('.pd-sheet');
      expect(await sheets.first().textContent()).toContain('TÌNH HÌNH THỰC HIỆN, GIẢI NGÂN');
      expect(await sheets.first().textContent()).toContain('(Số liệu đến ngày 30/6/2024)');
      expect(await preview.locator('.pd-chart-sheet .pd-report-chart[data-chart="rateByProject"] svg').count()).toBe(1);
      // Export PDF (browser mode: the path is typed): the engine prints the same view with Chromium.
      const pdf = path.join(path.dirname(file), 'bao-cao.pdf');
      page.once('dialog', (d) => void d.accept(pdf));
      await preview.locator('[data-print-action="pdf"]').click();
      await expect.poll(() => page.locator('.pd-message-text').allTextContents().then((t) => t.join(' ')), { timeout: 120_000 }).toContain('Đã xuất PDF');
      expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.keyboard.press('Escape');
      await expect.poll(() => preview.count(), WAIT).toBe(0);
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 300_000);
});
