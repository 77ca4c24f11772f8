// A plan on a read-only medium (a CD, a write-protected share), as an officer meets it: the app
// opens it for viewing and says why, in Vietnamese; File → Save a copy makes an editable copy on a
// writable disk. The medium is a real tmpfs remounted read-only (skipped loudly where none can be
// mounted, failed in CI). Browser mode against the real engine; needs `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { mountTmpfs, TMPFS, type Tmpfs } from '../support/mount';
import { itWithData } from '../support/need-data';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, openApp, typeInto } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let browser: Browser | null = null;
let server: RunningServer | null = null;
let disk: Tmpfs | null = null;
afterAll(async () => {
  await server?.stop();
  await browser?.close();
  disk?.unmount();
});

describe('a plan on a read-only medium', () => {
  itWithData(TMPFS, 'opens for viewing, says why, and Save a copy gives an editable plan', async () => {
    disk = mountTmpfs('4m');
    const file = path.join(disk.dir, 'ke-hoach-122.plandesk');
    createCycleFile(file, sampleCycle());
    disk.remount('ro');
    const before = fs.readFileSync(file);

    browser = await launchBrowser();
    server = await startServer(file);
    const page = await openApp(browser, server.url);
    await page.setViewportSize({ width: 2400, height: 1000 });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Tệp nằm trên ổ chỉ đọc');
    await expect.poll(() => page.locator('.pd-status-saved').textContent()).toBe('Chỉ đọc');

    const copy = path.join(tempDir(), 'ban-sao.plandesk');
    page.once('dialog', (d) => void d.accept(copy));
    await page.keyboard.press('Control+Shift+S');
    await expect.poll(() => page.locator('.pd-status-saved').textContent()).toBe('Đã lưu');
    await typeInto(page, '2', 'local_recurrent', '4.000');
    await expect.poll(async () => (await cell(page, '2', 'local_recurrent')).textContent()).toBe('4.000');
    expect(fs.existsSync(copy)).toBe(true);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(disk.dir)).toEqual(['ke-hoach-122.plandesk']);
  });
});
