// Never lose a plan, as an officer meets it: save a named revision, edit, read the change log,
// compare the revision with the plan and export the comparison; restore from an automatic
// backup; create next year's plan; a file already open elsewhere (who, since when, read-only or
// take over); and the notice after PlanDesk was killed.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { lockPathFor } from '../../electron/engine/safety/lock-file';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, menu, openApp, totalCell, typeInto, uncaughtErrors } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let browser: Browser;
const servers: RunningServer[] = [];
beforeAll(async () => {
  // Backups of these tests go to a temporary data folder, not the tester's ~/.plandesk.
  process.env.PLANDESK_DATA_DIR = tempDir('plandesk-e2e-data-');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  delete process.env.PLANDESK_DATA_DIR;
});
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function serve(file: string): Promise<RunningServer> {
  const s = await startServer(file);
  servers.push(s);
  return s;
}

function sampleFile(): string {
  const file = path.join(tempDir(), 'ke-hoach-122.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}

/** The app with room for every funding column beside the findings panel. */
async function open(url: string): Promise<Page> {
  const page = await openApp(browser, url);
  await page.setViewportSize({ width: 2400, height: 1000 });
  return page;
}



const dialog = (page: Page, id: string) => page.locator(`[data-dialog="${id}"]`);

describe('history and revisions', () => {
  it('saves a revision, logs an edit, compares the revision with the plan and exports the comparison', async () => {
    const file = sampleFile();
    const server = await serve(file);
    const page = await open(server.url);

    await menu(page, 'tools', 'history.revisions');
    const revisions = dialog(page, 'pd-revisions');
    await revisions.getByLabel('Tên phiên bản').fill('KH 528/KH-UBND 14/8/2023');
    await revisions.getByRole('button', { name: 'Lưu phiên bản' }).click();
    await expect.poll(() => revisions.locator('[data-revision="KH 528/KH-UBND 14/8/2023"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => revisions.count()).toBe(0);

    await typeInto(page, '3.2', 'central_recurrent', '8.024');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('351.190');

    // The change log: who, which line and column, old → new, the difference.
    await menu(page, 'tools', 'history.audit');
    const audit = dialog(page, 'pd-audit');
    // The cell's own change (the line's stated Tổng cộng and NSTW that followed it are logged too, issue 12).
    const first = audit.locator('tbody tr', { hasText: 'NSTW SN' });
    await expect.poll(() => first.textContent()).toContain('7.024');
    const cells = await first.locator('td').allTextContents();
    expect(cells[1]).toBe(os.userInfo().username);
    expect(cells[2]).toBe('Sửa: Sửa ô');
    expect(cells[3]).toContain('3.2');
    expect(cells[4]).toBe('NSTW SN');
    expect(cells.slice(5)).toEqual(['7.024', '8.024', '+1.000']);
    expect(await audit.locator('tbody tr').count()).toBe(4); // the edit (3 figures), and the revision saved
    // Filters: the line, and a column it was not edited in.
    await audit.getByLabel('Dòng (mã hoặc tên)').fill('dinh dưỡng');
    await expect.poll(() => audit.getByTestId('audit-count').textContent()).toBe('3/3 thay đổi');
    await audit.getByLabel('Cột / trường').selectOption('local_recurrent');
    await expect.poll(() => audit.getByTestId('audit-count').textContent()).toBe('0/0 thay đổi');
    // A click on the backdrop keeps the dialog and the filters typed (app/ModalFrame.tsx).
    await page.mouse.click(3, 3);
    expect(await audit.count()).toBe(1);
    expect(await audit.getByLabel('Dòng (mã hoặc tên)').inputValue()).toBe('dinh dưỡng');
    await page.keyboard.press('Escape');

    // Compare the revision with the plan as it is now.
    await menu(page, 'tools', 'history.revisions');
    await dialog(page, 'pd-revisions').getByRole('button', { name: 'So với hiện tại' }).click();
    const compare = dialog(page, 'pd-compare');
    await expect.poll(() => compare.getByTestId('compare-summary').textContent()).toContain('0 dòng thêm mới, 0 dòng bị xóa, 2 dòng thay đổi');
    const row = async (code: string) => {
      const idx = await compare.locator('.ag-row [col-id="code"]').evaluateAll(
        (els, c) => els.find((e) => e.textContent === c)?.closest('.ag-row')?.getAttribute('row-index') ?? null,
        code,
      );
      return (col: string) => compare.locator(`.ag-row[row-index="${idx}"] [col-id="${col}"]`).textContent();
    };
    const r32 = await row('3.2');
    expect([await r32('central_recurrent:a'), await r32('central_recurrent:b'), await r32('central_recurrent:d')]).toEqual(['7.024', '8.024', '+1.000']);
    expect(await (await row('3'))('total:d')).toBe('+1.000');

    const out = path.join(tempDir(), 'so-sanh.xlsx');
    page.once('dialog', (d) => void d.accept(out));
    await compare.getByRole('button', { name: 'Xuất Excel…' }).click();
    await expect.poll(() => page.locator('.pd-message').textContent()).toContain('Đã xuất 2 dòng khác biệt');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('So sánh')!.getCell('B8').value).toBe('3.2');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('restores the plan from an automatic backup', async () => {
    const file = sampleFile();
    const server = await serve(file);
    const page = await open(server.url);
    await typeInto(page, '5', 'local_recurrent', '5.000');
    await expect.poll(async () => (await cell(page, '5', 'local_recurrent')).textContent()).toBe('5.000');

    await menu(page, 'file', 'backup.restore');
    const restore = dialog(page, 'pd-restore');
    const onOpen = restore.locator('tbody tr', { hasText: 'Khi mở tệp' });
    await expect.poll(() => onOpen.count()).toBe(1);
    await onOpen.getByRole('button', { name: 'Khôi phục' }).click();
    await onOpen.getByRole('button', { name: 'Khôi phục?' }).click();
    await expect.poll(() => page.locator('.pd-message').textContent()).toContain('Đã khôi phục kế hoạch');
    await expect.poll(async () => (await cell(page, '5', 'local_recurrent')).textContent()).toBe('3.929');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('350.190');
    // The state it replaced is a backup too.
    await menu(page, 'file', 'backup.restore');
    await expect.poll(() => restore.locator('tbody tr', { hasText: 'Trước khi khôi phục' }).count()).toBe(1);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it("creates next year's plan from this one, without the amounts", async () => {
    const file = sampleFile();
    const server = await serve(file);
    const page = await open(server.url);
    await menu(page, 'file', 'history.newCycle');
    const d = dialog(page, 'pd-new-cycle');
    expect(await d.getByLabel('Năm kế hoạch').inputValue()).toBe('2025');
    const next = path.join(path.dirname(file), 'ke-hoach-2025.plandesk');
    await d.getByLabel('Đường dẫn tệp mới (.plandesk)').fill(next);
    await d.getByRole('button', { name: 'Tạo và mở' }).click();
    await expect.poll(() => page.locator('.pd-message').textContent()).toContain('Đã tạo và mở "ke-hoach-2025.plandesk"');
    await expect.poll(() => page.title()).toContain('ke-hoach-2025.plandesk');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('0');
    expect(await (await cell(page, '4.3', 'name')).textContent()).toContain('Hỗ trợ việc làm bền vững');
    expect(fs.existsSync(next)).toBe(true);
    await page.close();
  });
});

describe('one writer, and after a crash', () => {
  it('says who has the file open, keeps it read-only or takes it over, and reports the crash of the other', async () => {
    const file = sampleFile();
    const a = await serve(file);
    const pageA = await open(a.url);
    const b = await serve(file);
    const pageB = await open(b.url);

    const locked = dialog(pageB, 'pd-locked');
    await expect.poll(() => locked.textContent()).toContain(`đang được ${os.userInfo().username} mở trên máy ${os.hostname()}`);
    await locked.getByRole('button', { name: 'Xem ở chế độ chỉ đọc' }).click();
    await expect.poll(() => pageB.locator('.pd-status-saved').textContent()).toBe('Chỉ đọc');
    expect(await pageB.getByTestId('safety-status').textContent()).toContain(`Chỉ đọc: ${os.userInfo().username} đang sửa`);
    await pageB.close();

    // Window A was killed (power cut): its lock stays behind, naming a process that is gone.
    const pid = JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).pid as number;
    await typeInto(pageA, '2', 'local_recurrent', '4.000');
    await expect.poll(async () => (await cell(pageA, '2', 'local_recurrent')).textContent()).toBe('4.000');
    process.kill(pid, 'SIGKILL');
    await pageA.close();
    servers.splice(servers.indexOf(a), 1); // killed: there is nothing to stop

    const c = await serve(file);
    const pageC = await open(c.url);
    const recovered = dialog(pageC, 'pd-recovered');
    await expect.poll(() => recovered.textContent()).toContain('Tệp đã được kiểm tra: không có lỗi');
    await recovered.locator('.pd-hist-actions').getByRole('button', { name: 'Đóng' }).click();
    // The edit the UI showed before the kill is there.
    expect(await (await cell(pageC, '2', 'local_recurrent')).textContent()).toBe('4.000');
    expect(await pageC.locator('.pd-status-saved').textContent()).toBe('Đã lưu');

    // A second window now: it takes the file over on purpose; the first one is told when it edits.
    const d = await serve(file);
    const pageD = await open(d.url);
    await dialog(pageD, 'pd-locked').getByRole('button', { name: 'Vẫn mở để sửa' }).click();
    await expect.poll(() => pageD.locator('.pd-status-saved').textContent()).toBe('Đã lưu');
    await typeInto(pageD, '2', 'local_recurrent', '4.100');
    await expect.poll(async () => (await cell(pageD, '2', 'local_recurrent')).textContent()).toBe('4.100');
    await typeInto(pageC, '5', 'local_recurrent', '1');
    await expect.poll(() => pageC.getByRole('alert').textContent()).toContain('thay đổi vừa rồi không được lưu');
    expect(uncaughtErrors(pageC)).toEqual([]);
    expect(uncaughtErrors(pageD)).toEqual([]);
    await pageC.close();
    await pageD.close();
  });
});
