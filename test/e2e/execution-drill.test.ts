// The disbursement report's drill-down as an officer uses it (issue 15: "figures drill down to the
// lines and units behind them"): double-click a project's plan, Enter on its disbursed figure, the
// right-click menu's "Xem chi tiết" on TỔNG CỘNG — the panel lists the lines behind the figure and
// their sum, equal to the figure clicked; clicking a line of the panel selects its cell in the grid.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, openApp, uncaughtErrors } from './support/browser';
import { execCell, execText, execTotalCell, execTotalText } from './support/exec-grid';
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

/** The panel's lines: code and the figure of one measure. */
async function panelRows(page: Page, measure: string): Promise<[string, string][]> {
  return page.locator('[data-testid="exec-drill"] tbody tr').evaluateAll(
    (rows, m) => rows.map((r) => [r.getAttribute('data-code') ?? '', r.querySelector(`[data-measure="${m}"]`)?.textContent?.trim() ?? '']),
    measure,
  );
}
const panelSum = async (page: Page, measure: string) =>
  ((await page.locator(`[data-testid="drill-sum"] [data-measure="${measure}"]`).textContent()) ?? '').trim();

describe('execution drill-down', () => {
  it('opens a figure’s lines and their sum from the grid, and a line of the panel selects its cell', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    try {
      const page = await openApp(browser, server.url);
      await page.locator('[data-main-view="execution"]').click();
      await page.locator('.pd-exec-empty').waitFor(WAIT);
      await page.locator('[data-action="exec-add-date"]').click();
      await page.locator('[data-action="exec-add-confirm"]').click();
      await page.locator('.pd-exec-grid .ag-row').first().waitFor(WAIT);

      // 5.000 disbursed on 3.2's NSTW SN.
      await (await execCell(page, '3.2', 'fig:central_recurrent')).click();
      await page.keyboard.type('5.000');
      await page.keyboard.press('Enter');
      await expect.poll(() => text(page, '3', 'sum:disbursed'), WAIT).toBe('5.000');

      // Double-click Dự án 3's plan: its two sub-projects, 17.570 + 7.726 = 25.296, the figure shown.
      const plan3 = await text(page, '3', 'sum:plan');
      expect(plan3).toBe('25.296');
      await (await execCell(page, '3', 'sum:plan')).dblclick();
      const panel = page.locator('[data-testid="exec-drill"]');
      await panel.waitFor(WAIT);
      await expect.poll(() => panelRows(page, 'plan'), WAIT).toEqual([['3.1', '17.570'], ['3.2', '7.726']]);
      expect(await panelSum(page, 'plan')).toBe(plan3);
      expect(((await panel.locator('[data-testid="drill-figure"]').textContent()) ?? '').trim()).toBe(plan3);
      expect(await panel.textContent()).toContain('Dự án 3');
      expect(await panel.locator('th.pd-drill-asked').textContent()).toBe('Kế hoạch');

      // Enter on its rate: the same lines, 5.000 / 25.296 = 19,8% from the sums.
      await (await execCell(page, '3', 'sum:rate')).click();
      await page.keyboard.press('Enter');
      await expect.poll(() => panel.locator('th.pd-drill-asked').textContent(), WAIT).toBe('Tỷ lệ (%)');
      await expect.poll(() => panelRows(page, 'rate'), WAIT).toEqual([['3.1', '0,0'], ['3.2', '64,7']]);
      expect(await panelSum(page, 'rate')).toBe(await text(page, '3', 'sum:rate'));
      expect(await panelSum(page, 'rate')).toBe('19,8');

      // The right-click menu on TỔNG CỘNG's NSTW SN (the grid scrolled back left, as a person would):
      // every line with an NSTW SN plan, summing to the total.
      // From TỔNG CỘNG's name, arrow right to the column, as a person would: the grid scrolls it into
      // view itself (setting the scrollbar's position from the page raced the grid's own scrolling
      // on a loaded machine, and the column's cell was never drawn).
      await execTotalCell(page, 'name').click();
      const target = execTotalCell(page, 'fig:central_recurrent');
      const focused = async () => (await target.count()) > 0 && (await target.evaluate((el) => el.classList.contains('ag-cell-focus')));
      for (let i = 0; i < 40 && !(await focused()); i++) {
        await page.keyboard.press('ArrowRight');
      }
      await target.click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Xem chi tiết' }).click();
      await expect.poll(() => panel.locator('th.pd-drill-asked').textContent(), WAIT).toBe('Lũy kế');
      await expect.poll(() => panelSum(page, 'disbursed'), WAIT).toBe('5.000');
      const rows = await panelRows(page, 'disbursed');
      expect(rows.filter(([, v]) => v !== '')).toEqual([['3.2', '5.000']]);
      expect(rows.map(([c]) => c)).toContain('3.1');
      expect(await panelSum(page, 'disbursed')).toBe(await execTotalText(page, 'fig:central_recurrent'));

      // The panel follows an edit: 1.000 typed on 3.1 while it is open.
      await (await execCell(page, '3.1', 'fig:central_recurrent')).click();
      await page.keyboard.type('1.000');
      await page.keyboard.press('Enter');
      await expect.poll(() => panelSum(page, 'disbursed'), WAIT).toBe('6.000');
      expect((await panelRows(page, 'disbursed')).filter(([, v]) => v !== '')).toEqual([['3.1', '1.000'], ['3.2', '5.000']]);

      // A line of the panel selects its cell in the grid (3.2's NSTW SN).
      await panel.locator('tbody tr[data-code="3.2"]').click();
      await expect.poll(async () => (await execCell(page, '3.2', 'fig:central_recurrent')).getAttribute('class'), WAIT).toContain('ag-cell-focus');

      // A typed figure keeps double-click for editing: no panel change, the editor opens.
      await page.locator('[data-action="exec-drill-close"]').click();
      await expect.poll(() => panel.count(), WAIT).toBe(0);
      await (await execCell(page, '3.1', 'fig:central_recurrent')).dblclick();
      await expect.poll(() => page.locator('.pd-exec-grid .ag-cell-inline-editing').count(), WAIT).toBe(1);
      await page.keyboard.press('Escape');
      expect(await panel.count()).toBe(0);
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 300_000);
});
