// Files dropped on the consolidation board (issue 16), in browser mode: the units' files dragged onto
// the open board are uploaded one by one and collected together — merged, refused with the reason —
// and the import's own drop target never shows (the board takes the drop while it is open).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, menu, openApp, uncaughtErrors } from './support/browser';
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

describe('consolidation board: drag and drop', () => {
  it('collects the files dropped on the board, three of them (more than the host keeps waiting at once)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    await s.handle('allocio/import', { path: SAMPLE_ANNEX });
    s.close();

    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    try {
      await menu(page, 'file', 'consolidation.open');
      const dialog = page.locator('[data-dialog="consolidation"]');
      const board = dialog.locator('[data-consolidation="board"]');
      await board.waitFor(WAIT);
      expect(await dialog.locator('[data-consolidation="drop-hint"]').textContent()).toBe('Hoặc kéo thả các tệp đơn vị gửi vào bảng này.');

      const files = ['krong-no-chi-tiet.xlsx', 'tuy-duc-lech.xlsx', 'dak-mil.xlsx'].map((name) => ({ name, b64: fs.readFileSync(path.join(FIX, name)).toString('base64') }));
      const data = await page.evaluateHandle((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
        return dt;
      }, files);
      await page.dispatchEvent('[data-consolidation="board"]', 'dragenter', { dataTransfer: data });
      await page.dispatchEvent('[data-consolidation="board"]', 'dragover', { dataTransfer: data });
      expect(await dialog.locator('[data-consolidation="drop-hint"]').textContent()).toBe('Thả các tệp vào đây để tổng hợp');
      expect(await page.locator('.pd-xfer-drop').count()).toBe(0);
      await page.dispatchEvent('[data-consolidation="board"]', 'drop', { dataTransfer: data });

      await expect.poll(() => page.locator('.pd-message-text').allTextContents(), WAIT).toEqual(
        expect.arrayContaining([expect.stringContaining('Đã tổng hợp 1 tệp; 1 tạm giữ, 1 bị từ chối.')]),
      );
      const status = (unit: string) => board.locator(`tr[data-unit="${unit}"]`).getAttribute('data-status');
      expect(await status('UBND huyện Krông Nô')).toBe('ok');
      expect(await status('UBND huyện Tuy Đức')).toBe('mismatch');
      expect(await dialog.locator('[data-consolidation="files"] li').allTextContents()).toContain('dak-mil.xlsx: từ chối — Không nhận ra đơn vị gửi (“UBND HUYỆN ĐẮK MIL” không có trong danh sách đơn vị của kế hoạch).');
      expect(await board.locator('tr[data-unit="UBND huyện Krông Nô"] td').nth(2).textContent()).toBe('krong-no-chi-tiet.xlsx');
      // No import was started by the drop.
      expect(await page.locator('.pd-import-failed, [data-dialog="import"]').count()).toBe(0);

      // In tổng hợp theo đơn vị…: the allocation annex's preview with Krông Nô's merged figures.
      await dialog.locator('[data-consolidation-action="print"]').click();
      const preview = page.locator('.pd-alloc-preview');
      await preview.waitFor(WAIT);
      expect(await preview.getAttribute('aria-label')).toBe('Tổng hợp theo đơn vị');
      await preview.locator('[data-alloc-print="column"]').selectOption('local_recurrent');
      await expect.poll(() => preview.getAttribute('data-page-count'), WAIT).toMatch(/^\d+$/);
      expect(await preview.textContent()).toContain('THEO ĐƠN VỊ');
      await preview.locator('[data-print-action="close"]').click();
      await dialog.waitFor(WAIT);
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
