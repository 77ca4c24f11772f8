// Browser mode sends each command as its own HTTP request (POST /api/invoke): two quick edits must
// still reach the engine in the order they were typed — every edit from the grid goes through
// GridEditor's one queue. Here the first request is held back on the way, as a slow network would.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, openApp, settled, uncaughtErrors } from './support/browser';
import { startServer } from './support/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the order of edits in browser mode', () => {
  it('two quick typed cells reach the engine in the order they were typed, even when the first request is slow', async () => {
    const file = path.join(tempDir(), 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const page = await openApp(browser, server.url);
    let held = false;
    await page.route('**/api/invoke', async (route) => {
      const body = route.request().postDataJSON() as { name: string };
      if (body.name === 'cell/set' && !held) {
        held = true;
        await new Promise((r) => setTimeout(r, 1500));
      }
      await route.continue();
    });

    // The same cell twice, quickly: 100, then 200.
    const target = await cell(page, '3.2', 'central_recurrent');
    await target.click();
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await target.click();
    await page.keyboard.type('200');
    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(() => held).toBe(true);

    // What the engine kept is the last value typed, as the page reads it again from the file.
    await page.unroute('**/api/invoke');
    await page.reload();
    await expect.poll(async () => (await cell(page, '3.2', 'central_recurrent')).textContent()).toBe('200');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
    await server.stop();
  });
});
