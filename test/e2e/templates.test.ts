// Program templates in Chromium (browser mode): File → New plan choosing the 2026–2035 template for
// 2027 (its note on the component list shown, its columns in the grid, a figure in the policy-credit
// column counted in the total), the plan's structure saved as a template and a new plan started from
// that file, and next year's plan from a 2025 plan offering the new program.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { PlanSession } from '../../electron/engine/session';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { cellText, launchBrowser, lineCodes, menu, openApp, totalCell, typeInto, uncaughtErrors } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let browser: Browser;
const servers: RunningServer[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  await browser?.close();
});

async function openSample(year = 2024): Promise<{ page: Page; file: string }> {
  const file = path.join(tempDir(), `ke-hoach-${year}.plandesk`);
  createCycleFile(file, { ...sampleCycle(), meta: { ...sampleCycle().meta, year } });
  const server = await startServer(file);
  servers.push(server);
  return { page: await openApp(browser, server.url), file };
}

const title = (page: Page) => page.locator('.pd-titlebar h1').textContent();

describe('File → New plan', () => {
  it('chooses the 2026–2035 template for 2027: the note, the program, its three parts and the policy-credit column', async () => {
    const { page, file } = await openSample();
    // Ctrl+N opens the dialog (as the menu does).
    await page.locator('.pd-titlebar').click();
    await page.keyboard.press('Control+n');
    const d = page.locator('.pd-new-plan-dialog');
    await d.waitFor();
    const field = (name: string) => d.locator(`[name="${name}"]`);
    await field('year').fill('2024');
    expect(await d.locator('[data-template="mtqg-gnbv-2021-2025"] input').isChecked()).toBe(true);
    expect(await d.locator('[role="note"]').count()).toBe(0);
    // 2027: the program in force is chosen, and its note says the component list must be checked.
    await field('year').fill('2027');
    expect(await d.locator('[data-template="mtqg-2026-2035"] input').isChecked()).toBe(true);
    await expect.poll(() => d.locator('[role="note"]').textContent()).toContain('đối chiếu với quyết định giao kế hoạch của tỉnh');
    // The 2021–2025 template for 2027 is allowed, with a word; back to the new program.
    await d.locator('[data-template="mtqg-gnbv-2021-2025"]').click();
    await expect.poll(() => d.locator('.pd-field-error').textContent()).toContain('dành cho các năm 2021–2025, không phải năm 2027');
    await d.locator('[data-template="mtqg-2026-2035"]').click();
    expect(await d.locator('[data-action="create"]').isDisabled()).toBe(true); // browser mode: the path first
    const target = path.join(path.dirname(file), 'mtqg-2027.plandesk');
    await field('path').fill(target);
    await d.locator('[data-action="create"]').click();
    await expect.poll(() => page.locator('.pd-message').textContent()).toContain('Đã tạo kế hoạch mới "mtqg-2027.plandesk"');
    await expect.poll(() => page.title()).toContain('mtqg-2027.plandesk');
    expect(await title(page)).toMatch(/xây dựng nông thôn mới.*2026-2035$/);
    await expect.poll(() => lineCodes(page)).toEqual(['I', 'II', 'III']);
    // The policy-credit column is in the grid: a figure typed there counts in the total.
    await typeInto(page, 'II', 'von_tin_dung_chinh_sach', '74.500');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('74.500');
    expect(await cellText(page, 'II', 'total')).toBe('74.500');
    expect(fs.existsSync(target)).toBe(true);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('saves the plan\'s structure as a template and starts a new plan from that file', async () => {
    const { page, file } = await openSample();
    const dir = path.dirname(file);
    await menu(page, 'file', 'templates.save');
    const s = page.locator('.pd-save-template-dialog');
    await s.locator('[name="name"]').fill('Mẫu Đắk Nông');
    const tplFile = path.join(dir, 'dak-nong.pdtemplate');
    await s.locator('[name="path"]').fill(tplFile);
    await s.locator('[data-action="save"]').click();
    await expect.poll(() => page.locator('.pd-message').textContent()).toContain(`Đã lưu mẫu "Mẫu Đắk Nông" (${sampleCycle().lines.length} dòng)`);
    expect(JSON.parse(fs.readFileSync(tplFile, 'utf8')).format).toBe('plandesk-template');

    await menu(page, 'file', 'new');
    const d = page.locator('.pd-new-plan-dialog');
    await d.locator('[name="year"]').fill('2025');
    await d.locator('[data-template="file"]').click();
    await d.locator('[name="templatePath"]').fill(tplFile);
    const target = path.join(dir, 'tu-mau.plandesk');
    await d.locator('[name="path"]').fill(target);
    await d.locator('[data-action="create"]').click();
    await expect.poll(() => page.title()).toContain('tu-mau.plandesk');
    await expect.poll(() => lineCodes(page)).toEqual(sampleCycle().lines.map((l) => l.code));
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('0');
    expect(await cellText(page, '1.1', 'agency')).toBe('');

    // A file that is not a template: its message, no plan created.
    await menu(page, 'file', 'new');
    await d.locator('[data-template="file"]').click();
    await d.locator('[name="templatePath"]').fill(file);
    await d.locator('[name="path"]').fill(path.join(dir, 'khong.plandesk'));
    await d.locator('[data-action="create"]').click();
    await expect.poll(() => page.locator('.pd-message').textContent()).toContain('không phải là tệp mẫu kế hoạch của PlanDesk');
    expect(fs.existsSync(path.join(dir, 'khong.plandesk'))).toBe(false);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('next year\'s plan from a 2025 plan', () => {
  it('offers the 2026–2035 template (or keeping this structure), and makes the new program\'s plan with this plan\'s issuer', async () => {
    const { page, file } = await openSample(2025);
    await menu(page, 'file', 'history.newCycle');
    const d = page.locator('[data-dialog="pd-new-cycle"]');
    expect(await d.locator('[name="year"]').inputValue()).toBe('2026');
    expect(await d.locator('input[name="structure"][value="template"]').isChecked()).toBe(true);
    expect(await d.textContent()).toContain('Giữ cấu trúc của kế hoạch này');
    expect(await d.locator('[role="note"]').textContent()).toContain('đối chiếu với quyết định giao kế hoạch của tỉnh');
    expect(await d.locator('[name="keepAmounts"]').isDisabled()).toBe(true);
    const next = path.join(path.dirname(file), 'mtqg-2026.plandesk');
    await d.locator('[name="path"]').fill(next);
    await d.getByRole('button', { name: 'Tạo và mở' }).click();
    await expect.poll(() => page.title()).toContain('mtqg-2026.plandesk');
    expect(await title(page)).toMatch(/2026-2035$/);
    await expect.poll(() => lineCodes(page)).toEqual(['I', 'II', 'III']);
    await page.close();
    const s = PlanSession.open(next, { readOnly: true });
    expect(s.meta).toMatchObject({ year: 2026, issuer: 'Ủy ban nhân dân tỉnh Đắk Nông' });
    s.close();
  });
});
