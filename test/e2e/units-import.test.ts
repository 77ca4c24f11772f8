// Importing an allocation annex in the window (issue 14), as an officer does in browser mode: File →
// import an allocation annex, the path typed where the desktop shows its dialog, the report shown
// before anything is written (columns matched and how, units spelled otherwise, skipped cells by
// address), Close writes nothing, Import writes the shares in one undo step and the allocation view
// shows them; Undo takes them back.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, menu, openApp, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

const WAIT = { timeout: 30_000 };
const FIX = path.resolve(__dirname, '../fixtures/allocation');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function shareCount(file: string): number {
  const s = PlanSession.open(file, { readOnly: true });
  try {
    return s.units.size;
  } finally {
    s.close();
  }
}

async function openImport(page: Page, file: string): Promise<void> {
  page.once('dialog', (d) => void d.accept(file));
  await menu(page, 'file', 'allocio.import');
  await page.locator('[data-dialog="import-allocation"] [data-allocimport="summary"]').waitFor(WAIT);
}

describe('import an allocation annex in the window', () => {
  it('shows the report before writing, writes nothing on Close, imports in one undo step', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    try {
      const annex = path.join(FIX, 'alloc-local-bad.ods');
      await openImport(page, annex);
      const dialog = page.locator('[data-dialog="import-allocation"]');
      await expect.poll(() => dialog.locator('[data-allocimport="summary"]').textContent()).toContain('3 đơn vị (3 đơn vị mới)');
      const problems = await dialog.locator('[data-allocimport="problems"] li').allTextContents();
      expect(problems).toEqual([
        'G5: Dòng này phân bổ qua các dòng con của nó: không nhận phần của đơn vị ("Dự án 3")',
        'H5: Cột không khớp với dòng nào của kế hoạch ("Dự án 9")',
        'C7: Chữ ở chỗ cần số ("chưa giao")',
        'F7: Phần phân bổ âm ("-5")',
      ]);
      const firstColumn = await dialog.locator('[data-allocimport="columns"] tbody tr').first().locator('td').allTextContents();
      expect(firstColumn[0]).toBe('C');
      expect(firstColumn[2]).toMatch(/^1\.1 Tiểu dự án 1/);
      expect(firstColumn[4]).toBe('theo dự án/tiểu dự án, theo tiêu đề');
      // Close: nothing written.
      await dialog.locator('button[aria-label="Đóng"], .pd-icon-btn').first().click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(shareCount(file)).toBe(0);

      // Read again and import.
      await openImport(page, annex);
      await dialog.locator('[data-allocimport-action="import"]').click();
      await expect.poll(() => page.locator('.pd-message-text').allTextContents(), WAIT).toEqual(
        expect.arrayContaining([expect.stringContaining('Đã nhập 8 ô phân bổ và 3 đơn vị mới')]),
      );
      expect(shareCount(file)).toBe(8);
      await page.locator('[data-main-view="units"]').click();
      await expect.poll(() => page.locator('[data-alloc-grid]').textContent(), { timeout: 90_000 }).toContain('UBND xã Quảng Sơn');

      // One undo step takes it all back.
      await menu(page, 'edit', 'undo');
      await expect.poll(() => shareCount(file), WAIT).toBe(0);
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
