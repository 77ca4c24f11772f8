// A unit's merged detail in the allocation view (issue 16), as an officer reads it in browser mode:
// Krông Nô's file merged, the view of NSĐP SN opened, the unit expanded (▸) to its detail lines under
// the plan lines they refine — italic, read-only, not in the units' sum — and still expanded after a
// share is typed (a patch).
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, openApp, settled, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

const WAIT = { timeout: 60_000 };
const ROOT = path.resolve(__dirname, '../..');
const SAMPLE_ANNEX = path.resolve(ROOT, '../shared/samples/allocation-example.xlsx');
const FIX = path.join(ROOT, 'test/fixtures/consolidation');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const grid = (page: Page) => page.locator('[data-alloc-grid]');

/** The rows of the grid's scrolling part: name, whether a detail row, and the text under a column. */
const rowsUnder = (page: Page, colId: string) =>
  page.evaluate((id) => {
    const rows = [...document.querySelectorAll<HTMLElement>('[data-alloc-grid] .ag-grid-scrolling-rows .ag-row')].sort(
      (a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')),
    );
    return rows.map((r) => ({
      name: r.querySelector('[col-id="name"]')?.textContent?.replace(/^[▸▾]/, '').trim() ?? '',
      detail: r.classList.contains('pd-alloc-detail'),
      value: r.querySelector(`[col-id="${id}"]`)?.textContent ?? '',
    }));
  }, colId);

describe('a unit’s merged detail in the allocation view', () => {
  it('expands the unit to its detail lines under the lines they refine, read-only, kept after a patch', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    await s.handle('allocio/import', { path: SAMPLE_ANNEX });
    const run = await s.handle('consolidation/run', { paths: [path.join(FIX, 'krong-no-chi-tiet.xlsx')] });
    expect(run.merged).toBe(1);
    const line2 = s.cycle().lines.find((l) => l.code === '2')!;
    s.close();

    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    try {
      await page.locator('[data-main-view="units"]').click();
      await page.locator('[data-alloc="column"]').selectOption('local_recurrent');
      await grid(page).locator('.ag-header-cell').first().waitFor(WAIT);
      const col = `${line2.id}|local_recurrent`;
      const sum = grid(page).locator(`.ag-grid-pinned-bottom-rows .ag-row[row-id="s-sum"] [col-id="${col}"]`);
      await sum.waitFor(WAIT);
      const sumBefore = await sum.textContent();

      // Only the unit whose file was merged can be opened.
      const toggle = grid(page).locator('[data-detail-toggle]');
      await expect.poll(() => toggle.count(), WAIT).toBe(1);
      const before = await rowsUnder(page, col);
      await toggle.click();
      await expect.poll(async () => (await rowsUnder(page, col)).filter((r) => r.detail).length, WAIT).toBe(5);
      const after = await rowsUnder(page, col);
      const at = after.findIndex((r) => r.name === 'UBND huyện Krông Nô');
      expect(after.slice(at + 1, at + 6)).toEqual([
        { name: 'Xã Đắk Drô: mô hình nuôi bò sinh sản', detail: true, value: '300' },
        { name: 'Xã Nam Đà: mô hình trồng cà phê xen canh', detail: true, value: '220' },
        { name: 'Hỗ trợ giống cây trồng xã Quảng Phú', detail: true, value: '' },
        { name: 'Hỗ trợ phân bón xã Đức Xuyên', detail: true, value: '' },
        { name: 'Xây mới 10 căn nhà cho hộ nghèo xã Nâm Nung', detail: true, value: '' },
      ]);
      // Its 3.1 lines under 3.1's column; the total column sums the line's detail shown.
      expect(await grid(page).locator(`.ag-grid-scrolling-rows .ag-row[row-index="${at + 3}"] [col-id="total"]`).textContent()).toBe('120');
      // Styled as detail, never editable, and not counted in the units' sum.
      expect(await grid(page).locator(`.ag-grid-scrolling-rows .ag-row[row-index="${at + 1}"]`).evaluate((r) => getComputedStyle(r).fontStyle)).toBe('italic');
      await grid(page).locator(`.ag-grid-scrolling-rows .ag-row[row-index="${at + 1}"] [col-id="${col}"]`).dblclick();
      expect(await grid(page).locator('.ag-cell-inline-editing').count()).toBe(0);
      expect(await sum.textContent()).toBe(sumBefore);
      expect(after.filter((r) => !r.detail)).toEqual(before);

      // A share typed on another unit (a patch): the unit stays expanded.
      const other = before.findIndex((r) => r.name !== 'UBND huyện Krông Nô');
      const cell = grid(page).locator(`.ag-grid-scrolling-rows .ag-row[row-index="${other < at ? other : other + 5}"] [col-id="${col}"]`);
      await cell.dblclick();
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
      await settled(page);
      await expect.poll(() => cell.textContent(), WAIT).toBe('1');
      await page.waitForTimeout(500);
      expect((await rowsUnder(page, col)).filter((r) => r.detail).length).toBe(5);

      // Closed again with the toggle.
      await toggle.click();
      await expect.poll(async () => (await rowsUnder(page, col)).filter((r) => r.detail).length, WAIT).toBe(0);
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
