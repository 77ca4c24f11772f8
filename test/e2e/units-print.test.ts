// Printing what is shown (issue 14): while the allocation view is on screen, Ctrl+P and File → In
// phụ lục… open the allocation annex's preview (of the funding column shown), not the plan annex's;
// its Export PDF goes through browser mode's server as the plan annex's does and writes the
// allocation annex (units as rows, its own annex number) — the page Electron's print/exportPdf
// print too (electron/main/main.test.ts checks the address they load). Back on the plan grid,
// Ctrl+P is the plan annex again.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, menu, openApp, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

const WAIT = { timeout: 60_000 };
const M = 1_000_000;
const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('printing while the allocation view is shown', () => {
  it('Ctrl+P and File → print open the allocation annex; Export PDF writes it; the plan grid prints the plan annex', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'alloc-print.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    const { unitIds } = await s.handle('units/addMany', {
      units: [
        { name: 'UBND huyện Tuy Đức', kind: 'district' },
        { name: 'UBND huyện Đắk Glong', kind: 'district' },
      ],
    });
    const l11 = (await s.handle('units/view', { column: 'central_investment' })).columns.find((c) => c.code === '1.1')!.lineId;
    await s.handle('units/setShares', {
      cells: [
        { unitId: unitIds[0], lineId: l11, column: 'central_investment', value: 60_000 * M },
        { unitId: unitIds[1], lineId: l11, column: 'central_investment', value: 39_000 * M },
      ],
    });
    s.close();
    const server = await startServer(file);
    const page = await openApp(browser, server.url);

    await page.locator('[data-main-view="units"]').click();
    await page.locator('[data-alloc="column"]').selectOption('central_investment');
    await page.locator('[data-alloc-grid]').waitFor(WAIT);

    // Ctrl+P: the allocation annex's preview, of the column shown.
    await page.keyboard.press('Control+p');
    const preview = page.locator('.pd-alloc-preview');
    await preview.waitFor(WAIT);
    expect(await page.locator('.pd-preview:not(.pd-alloc-preview)').count()).toBe(0);
    expect(await preview.locator('[data-alloc-print="column"]').inputValue()).toBe('central_investment');
    await expect.poll(() => preview.getAttribute('data-page-count'), WAIT).toMatch(/^\d+$/);
    await preview.locator('[data-print-action="close"]').click();
    await preview.waitFor({ state: 'detached' });

    // File → In phụ lục… does the same; Export PDF writes the allocation annex with its own number.
    await menu(page, 'file', 'print.preview');
    await preview.waitFor(WAIT);
    await preview.locator('[data-alloc-print="annexNumber"]').fill('III');
    await expect.poll(() => preview.getAttribute('data-page-count'), WAIT).toMatch(/^\d+$/);
    const out = path.join(dir, 'allocation.pdf');
    const prompted: string[] = [];
    page.once('dialog', (d) => {
      prompted.push(d.defaultValue());
      void d.accept(out);
    });
    await preview.locator('[data-print-action="pdf"]').click();
    await expect.poll(() => page.locator('.pd-message-text').allTextContents(), { timeout: 120_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining(`Đã xuất PDF: ${out}`)]),
    );
    expect(prompted[0]).toBe(path.join(dir, 'alloc-print - Phu luc III.pdf'));
    const text = pdfText(out);
    expect(text.split('\n')[0].trim()).toBe('Phụ lục III');
    expect(text).toContain('UBND huyện Tuy Đức');
    expect(text).toContain('UBND huyện Đắk Glong');
    expect(text).toContain('60.000');
    await preview.locator('[data-print-action="close"]').click();
    await preview.waitFor({ state: 'detached' });

    // Back on the plan grid, Ctrl+P is the plan annex's preview.
    await page.locator('[data-main-view="plan"]').click();
    await page.keyboard.press('Control+p');
    await page.locator('.pd-preview:not(.pd-alloc-preview)').waitFor(WAIT);
    expect(await page.locator('.pd-alloc-preview').count()).toBe(0);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });
});
