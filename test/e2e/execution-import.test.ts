// Importing a disbursement report in the window (issue 15), as an officer does in browser mode: the
// Giải ngân tab's button (and File → Nhập báo cáo giải ngân…), the path typed where the desktop shows
// its dialog, the report shown before anything is written (the date from the heading, the figures to
// be written by fund, the report's plan figures that differ from the plan, lines the plan lacks),
// another date chosen reads the file again, Hủy writes nothing, Nhập writes in one undo step and the
// disbursement grid shows the figures at the date imported; Undo takes them and the date back.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, menu, openApp, uncaughtErrors } from './support/browser';
import { execText, execTotalText } from './support/exec-grid';
import { startServer } from './support/server';

const WAIT = { timeout: 30_000 };
const REPORT = path.resolve(__dirname, '../fixtures/execution/bao-cao-6-thang-2024.xlsx');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The plan file's disbursement figures and reporting dates, read from the file itself. */
function onDisk(file: string): { figures: number; dates: string[] } {
  const s = PlanSession.open(file, { readOnly: true });
  try {
    return { figures: s.execution.allFigures().length, dates: s.execution.sortedDates().map((d) => d.asOf) };
  } finally {
    s.close();
  }
}

async function waitSummary(page: Page): Promise<void> {
  await page.locator('[data-dialog="import-execution"] [data-execimport="summary"]').waitFor(WAIT);
}

describe('import a disbursement report in the window', () => {
  it('shows the report before writing, writes nothing on Hủy, imports in one undo step and shows it in the disbursement grid', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    try {
      await page.locator('[data-main-view="execution"]').click();
      await page.locator('.pd-exec-empty').waitFor(WAIT);
      page.once('dialog', (d) => void d.accept(REPORT));
      await page.locator('[data-action="exec-import"]').click();
      await waitSummary(page);
      const dialog = page.locator('[data-dialog="import-execution"]');
      expect(await dialog.locator('[data-execimport="summary"]').textContent()).toContain('đến ngày 30/6/2024');
      const notes = await dialog.locator('[data-execimport="notes"] li').allTextContents();
      expect(notes).toContain('Ngày số liệu 30/6/2024: đọc từ tiêu đề của báo cáo.');
      expect(notes).toContain('Kế hoạch chưa có kỳ báo cáo ngày 30/6/2024: sẽ thêm kỳ này trong cùng bước hoàn tác.');
      const fundRows = await dialog.locator('[data-execimport="funds"] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
      expect(fundRows.map((r) => r.slice(0, 3))).toEqual([['Vốn kế hoạch năm 2024', 'Lũy kế giải ngân', '48']]);
      const differences = await dialog.locator('[data-execimport="planDifferences"] li').allTextContents();
      expect(differences.some((d) => /4\.3 .*800 ≠ 752$/.test(d))).toBe(true);
      expect(await dialog.locator('[data-execimport="unmatched"] li').allTextContents()).toEqual(['28: 8 Dự án 8: Hỗ trợ khác (vốn tỉnh)']);
      expect(await dialog.locator('[data-execimport-action="import"]').textContent()).toBe('Nhập 48 số liệu');

      // Another date: the file is read again as of it; then back to the heading's.
      await dialog.locator('[data-execimport="as-of"]').selectOption('new');
      await dialog.locator('[data-execimport="new-date"]').fill('2024-07-15');
      await dialog.locator('[data-execimport-action="reread"]').click();
      await expect.poll(() => dialog.locator('[data-execimport="notes"] li').allTextContents(), WAIT).toContain('Ngày số liệu 15/7/2024: theo ngày đã chọn.');
      await dialog.locator('[data-execimport="as-of"]').selectOption('file');
      await expect.poll(() => dialog.locator('[data-execimport="notes"] li').allTextContents(), WAIT).toContain('Ngày số liệu 30/6/2024: đọc từ tiêu đề của báo cáo.');

      // Hủy: nothing written.
      await dialog.locator('[data-execimport-action="cancel"]').click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(onDisk(file)).toEqual({ figures: 0, dates: [] });

      // File → Nhập báo cáo giải ngân…, then Nhập.
      page.once('dialog', (d) => void d.accept(REPORT));
      await menu(page, 'file', 'execution.import');
      await waitSummary(page);
      const planned = fundRows[0][3];
      await dialog.locator('[data-execimport-action="import"]').click();
      await expect.poll(() => page.locator('.pd-message-text').allTextContents(), WAIT).toEqual(
        expect.arrayContaining([expect.stringContaining('Đã nhập 48 số liệu giải ngân đến ngày 30/6/2024')]),
      );
      expect(onDisk(file)).toEqual({ figures: 48, dates: ['2024-06-30'] });
      await expect.poll(() => page.locator('[data-testid="exec-date"] option:checked').textContent(), WAIT).toContain('30/6/2024');
      // 3.1's NSTW SN was typed as text in the report ('4.512,5'); Dự án 7 is reported on the project.
      await expect.poll(() => execText(page, '3.1', 'fig:central_recurrent'), WAIT).toBe('4.512,5');
      expect(await execText(page, '7', 'sum:disbursed')).toBe('2.360');
      await expect.poll(() => execTotalText(page, 'sum:disbursed'), WAIT).toBe(planned);

      // One undo step takes the figures and the date back.
      await menu(page, 'edit', 'undo');
      await expect.poll(() => onDisk(file), WAIT).toEqual({ figures: 0, dates: [] });
      await page.locator('.pd-exec-empty').waitFor(WAIT);
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('asks for the date when the report states none, reads it again as of the date chosen, and imports there', async () => {
    // The same report with its dates taken out of the heading and the disbursement header.
    const dir = tempDir();
    const undated = path.join(dir, 'bao-cao-khong-ngay.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(REPORT);
    wb.worksheets[0].getCell('A5').value = 'Báo cáo';
    wb.worksheets[0].getCell('H7').value = 'Lũy kế giải ngân';
    await wb.xlsx.writeFile(undated);
    const file = path.join(dir, 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    try {
      page.once('dialog', (d) => void d.accept(undated));
      await menu(page, 'file', 'execution.import');
      const dialog = page.locator('[data-dialog="import-execution"]');
      await dialog.locator('[data-execimport="no-as-of"]').waitFor(WAIT);
      expect(await dialog.locator('[data-execimport-action="import"]').isDisabled()).toBe(true);
      await dialog.locator('[data-execimport="new-date"]').fill('2024-09-30');
      await dialog.locator('[data-execimport-action="reread"]').click();
      await waitSummary(page);
      expect(await dialog.locator('[data-execimport="notes"] li').allTextContents()).toContain('Ngày số liệu 30/9/2024: theo ngày đã chọn.');
      expect(await dialog.locator('[data-execimport="no-as-of"]').count()).toBe(0);
      await dialog.locator('[data-execimport-action="import"]').click();
      await expect.poll(() => onDisk(file), WAIT).toEqual({ figures: 48, dates: ['2024-09-30'] });
      await expect.poll(() => page.locator('[data-testid="exec-date"] option:checked').textContent(), WAIT).toContain('30/9/2024');
      await expect.poll(() => execText(page, '3.1', 'fig:central_recurrent'), WAIT).toBe('4.512,5');
      expect(uncaughtErrors(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
