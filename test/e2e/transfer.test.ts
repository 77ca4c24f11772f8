// Excel import and export as an officer meets them, in the real UI (browser mode, Chromium): a
// department's workbook through File → Import (sheet choice, the report before anything is written,
// replace the table as one undo step), a flagged total fixed in the grid, the export checked with an
// independent reader (SheetJS); a password-protected file dropped on the window; Cancel during a big
// import; and a table the importer cannot read alone, mapped by hand, saved as a template, reused.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { writeAnnexFixture } from '../support/annex-fixture';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { buildDepartmentWorkbook, buildSampleDepartmentWorkbook, writeXlsx } from '../fixtures/excel/make-fixtures';
import { CALAMINE_CORPUS, itWithData } from '../support/need-data';
import { tempDir } from '../support/tmp';
import { cell, launchBrowser, menu, openApp, settled, totalCell, uncaughtErrors } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let browser: Browser;
const servers: RunningServer[] = [];
beforeAll(async () => {
  // Imports back the plan up first: into a temporary data folder, not the tester's ~/.plandesk.
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

async function openSample(): Promise<{ page: Page; dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'ke-hoach-122.plandesk');
  createCycleFile(file, sampleCycle());
  const server = await startServer(file);
  servers.push(server);
  const page = await openApp(browser, server.url);
  return { page, dir, file };
}


/** File → Import from Excel…, then pick the file in the browser's file chooser. */
async function importThroughMenu(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'file', 'transfer.import');
  await (await chooser).setFiles(file);
}

const dialog = (page: Page, id: string) => page.locator(`[data-dialog="${id}"]`);
const rowCount = (page: Page) => page.locator('.ag-grid-scrolling-rows .ag-row').count();
const message = (page: Page) => page.locator('.pd-message').textContent();

describe('import and export in the window', () => {
  it('imports a department workbook after its report, as one undo step; a flagged total is fixed; the export reads back', async () => {
    const { page, dir } = await openSample();
    const workbook = await writeXlsx(buildDepartmentWorkbook(), path.join(dir, 'so-nong-nghiep.xlsx'));
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('350.190');

    // Two sheets: the officer picks the annex.
    await importThroughMenu(page, workbook);
    const sheet = dialog(page, 'pd-import-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('.pd-xfer-sheet-name').allTextContents()).toEqual(['Hướng dẫn', 'Phụ lục I']);
    await sheet.getByText('Phụ lục I').click();
    await sheet.locator('[data-action="read"]').click();

    // The report, before anything is written.
    const report = dialog(page, 'pd-import-report');
    await report.waitFor();
    expect(await report.locator('.pd-xfer-notice').textContent()).toContain('Chưa có gì được ghi vào kế hoạch');
    expect(await report.locator('[data-fact="sheet"]').textContent()).toContain('Phụ lục I');
    expect(await report.locator('[data-fact="unit"]').textContent()).toBe('triệu đồng');
    expect(await report.locator('[data-fact="lines"] .pd-xfer-stat-value').textContent()).toBe('9');
    expect(await report.locator('[data-fact="stated"] .pd-xfer-stat-value').textContent()).toBe('1');
    const totalRow = report.locator('[data-section="totals"] tr[data-column="total"]');
    expect(await totalRow.locator('td').allTextContents()).toEqual(['179.192', '350.190', '-170.998']);
    const warnings = report.locator('[data-section="warnings"]');
    expect(await warnings.textContent()).toContain('C16');
    expect(await warnings.textContent()).toContain('Số ghi 50.000 khác tổng các phần 3.200 (chênh lệch 46.800)');
    expect(await warnings.textContent()).toContain('"39.285"');
    const skipped = await report.locator('[data-section="skipped"] tbody tr').allTextContents();
    expect(skipped).toContain('18Dòng bị ẩn');
    expect(skipped).toContain('12Dòng tổng cộng (được tính lại và đối chiếu)');
    expect(await totalCell(page, 'total').textContent()).toBe('350.190'); // nothing written yet

    // Replace the current table: asked once more, then one step.
    await report.locator('[data-action="replace"]').click();
    expect(await report.locator('.pd-xfer-confirm').textContent()).toBe('Thay 18 dòng hiện có bằng 9 dòng từ "so-nong-nghiep.xlsx"?');
    await report.locator('[data-action="confirm-replace"]').click();
    await report.waitFor({ state: 'detached' });
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('179.192');
    expect(await rowCount(page)).toBe(9);
    expect(await message(page)).toContain('Đã thay bảng bằng 9 dòng từ "so-nong-nghiep.xlsx"');
    expect(await (await cell(page, '1', 'central_investment')).textContent()).toBe('99.654');
    expect(await (await cell(page, '2', 'central_recurrent')).textContent()).toBe('39.285');

    // One undo step brings the whole old table back; redo the import again.
    await page.locator('.pd-grid').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('350.190');
    expect(await rowCount(page)).toBe(18);
    await page.keyboard.press('Control+y');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('179.192');

    // Dự án 2's Tổng cộng was typed over in the file (50.000 over 3.200): flagged in the grid.
    const flagged = await cell(page, 'II', 'total');
    await expect.poll(async () => (await cell(page, 'II', 'total')).getAttribute('class')).toContain('pd-mismatch');
    expect(await flagged.textContent()).toContain('3.200');
    // The officer types the right figure over it: the flag goes.
    await flagged.click();
    await page.keyboard.type('3.200');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await cell(page, 'II', 'total')).getAttribute('class')).not.toContain('pd-mismatch');
    await settled(page); // the export below must see the edit

    // File → Export to Excel (browser mode: the path is typed).
    const out = path.join(dir, 'phu-luc-xuat.xlsx');
    await menu(page, 'file', 'transfer.export');
    const exp = dialog(page, 'pd-export');
    await exp.locator('input[name="path"]').fill(out);
    await exp.locator('[data-action="export"]').click();
    await exp.waitFor({ state: 'detached' });
    expect(await message(page)).toContain('Đã xuất "phu-luc-xuat.xlsx"');

    // An independent reader sees the figures and live formulas.
    const wb = XLSX.read(fs.readFileSync(out), { cellFormula: true });
    const ws = wb.Sheets[wb.SheetNames[0]];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true });
    const rowOf = (text: string) => rows.findIndex((r) => Array.isArray(r) && r.includes(text));
    const grand = rowOf('TỔNG CỘNG');
    const tda1 = rowOf('Tiểu dự án 1: Hạ tầng các huyện nghèo');
    const p2 = rowOf('Dự án 2: Đa dạng hóa sinh kế');
    expect(grand).toBeGreaterThan(0);
    const totalCol = (rows[grand] as unknown[]).indexOf(179_192);
    expect(totalCol).toBeGreaterThan(0);
    const at = (r: number, c: number) => ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject;
    expect(at(grand, totalCol).f).toBeTruthy(); // the grand total is a formula
    expect(at(p2, totalCol)).toMatchObject({ v: 3_200, f: expect.any(String) });
    expect(rows[tda1]).toContain(99_654);
    expect(uncaughtErrors(page)).toEqual([]);
  });

  it('a 2027 annex with columns the plan has not: each is chosen for (add, skip), the column arrives with the table in one undo step', async () => {
    const { page } = await openSample();
    const annex = path.resolve(__dirname, '../fixtures/excel/annex-2027-two-rows.libreoffice.xlsx');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('350.190');
    await importThroughMenu(page, annex);
    const report = dialog(page, 'pd-import-report');
    await report.waitFor();
    const section = report.locator('[data-section="new-columns"]');
    expect(await section.locator('tbody th').allTextContents()).toEqual(['Vốn tín dụng chính sách', 'Vốn huy động hợp pháp khác']);
    expect(await section.locator('tr[data-column="von_tin_dung_chinh_sach"] td').first().textContent()).toBe('74.500 triệu đồng');
    // No choice yet: neither replace nor fill.
    expect(await report.locator('[data-action="replace"]').isEnabled()).toBe(false);
    expect(await report.locator('[data-action="fill"]').isEnabled()).toBe(false);
    await section.locator('select[name="column-von_tin_dung_chinh_sach"]').selectOption('add');
    expect(await report.locator('[data-note="choices-missing"]').textContent()).toBe('Còn 1 cột có số liệu chưa chọn.');
    await section.locator('select[name="column-von_huy_dong_hop_phap_khac"]').selectOption('skip');
    await report.locator('[data-action="replace"]').click();
    await report.locator('[data-action="confirm-replace"]').click();
    await report.waitFor({ state: 'detached' });
    // The new column is in the grid with its figures; the skipped one is not.
    await expect.poll(() => totalCell(page, 'von_tin_dung_chinh_sach').textContent()).toBe('74.500');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('185.047');
    expect(await page.locator('[col-id="von_huy_dong_hop_phap_khac"]').count()).toBe(0);
    // One undo: the old table and the old columns.
    await page.locator('.pd-grid').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('350.190');
    await expect.poll(() => page.locator('[col-id="von_tin_dung_chinh_sach"]').count()).toBe(0);
    expect(uncaughtErrors(page)).toEqual([]);
  });

  it('fills the plan\'s own lines from a department\'s copy: lines and settings stay, figures follow, unmatched lines named', async () => {
    const { page, dir } = await openSample();
    const d = sampleCycle();
    const copy = buildSampleDepartmentWorkbook(d.lines, d.amounts, {
      figures: { '3.2': [0, 7_100, 0, 710] },
      extra: [{ code: '12', name: 'Dự án chưa có trong kế hoạch', figures: [9, 0, 0, 0] }],
    });
    const workbook = await writeXlsx(copy, path.join(dir, 'ban-cua-so-y-te.xlsx'));
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('350.190');
    await importThroughMenu(page, workbook);
    const report = dialog(page, 'pd-import-report');
    await report.waitFor();
    expect(await report.locator('[data-action="fill"]').getAttribute('title')).toContain('theo mã số, rồi theo tên');
    await report.locator('[data-action="fill"]').click();
    await report.waitFor({ state: 'detached' });
    await expect.poll(async () => (await cell(page, '3.2', 'central_recurrent')).textContent()).toBe('7.100');
    expect(await rowCount(page)).toBe(18);
    const said = await message(page);
    expect(said).toContain('Đã điền số liệu của 18 dòng từ "ban-cua-so-y-te.xlsx"');
    expect(said).toContain('1 dòng của tệp không khớp dòng nào của kế hoạch nên không được điền: 12 Dự án chưa có trong kế hoạch');
    // One undo step takes it all back.
    await page.locator('.pd-grid').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cell(page, '3.2', 'central_recurrent')).textContent()).toBe('7.024');
  });

  itWithData(CALAMINE_CORPUS, 'ends a password-protected file dropped on the window in a clear message; the grid still works', async () => {
    const { page, dir } = await openSample();
    const source = path.resolve(__dirname, '../../../shared/corpus/calamine/pass_protected.xlsx');
    const hostile = path.join(dir, 'pass_protected.xlsx');
    fs.copyFileSync(source, hostile);

    // Drag the file over the window, then drop it.
    const data = await page.evaluateHandle(
      ({ name, b64 }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
        return dt;
      },
      { name: 'pass_protected.xlsx', b64: fs.readFileSync(hostile).toString('base64') },
    );
    await page.dispatchEvent('.pd-grid', 'dragenter', { dataTransfer: data });
    await page.dispatchEvent('.pd-grid', 'dragover', { dataTransfer: data });
    expect(await page.locator('.pd-xfer-drop-title').textContent()).toBe('Thả tệp vào đây để nhập từ Excel');
    await page.dispatchEvent('.pd-grid', 'drop', { dataTransfer: data });
    expect(await page.locator('.pd-xfer-drop').count()).toBe(0);

    const failed = dialog(page, 'pd-import-failed');
    await failed.waitFor();
    expect(await failed.locator('.pd-xfer-subtitle').textContent()).toBe('pass_protected.xlsx');
    expect(await failed.getByRole('alert').textContent()).toContain('Tệp được đặt mật khẩu (mã hóa), PlanDesk không đọc được.');
    expect(await failed.getByRole('alert').textContent()).toContain('Kế hoạch đang mở không thay đổi.');
    await failed.locator('[data-action="close"]').click();
    await failed.waitFor({ state: 'detached' });

    // A broken file through the menu: a clear message too.
    const broken = path.join(dir, 'bao-cao-loi.xlsx');
    fs.writeFileSync(broken, fs.readFileSync(await writeXlsx(buildDepartmentWorkbook(), path.join(dir, 'full.xlsx'))).subarray(0, 4000));
    await importThroughMenu(page, broken);
    await failed.waitFor();
    expect(await failed.getByRole('alert').textContent()).toContain('Tệp bảng tính bị hỏng hoặc không đầy đủ');
    await page.keyboard.press('Escape');
    await failed.waitFor({ state: 'detached' });

    // The plan is as it was, and the grid edits as before.
    expect(await totalCell(page, 'total').textContent()).toBe('350.190');
    await (await cell(page, '3.2', 'central_recurrent')).click();
    await page.keyboard.type('8.024');
    await page.keyboard.press('Enter');
    await expect.poll(() => totalCell(page, 'total').textContent()).toBe('351.190');
    expect(uncaughtErrors(page)).toEqual([]);
  });

  it('stops a big import on Cancel and leaves the plan unchanged', async () => {
    const { page, dir } = await openSample();
    const big = path.join(dir, 'phu-luc-lon.xlsx');
    await writeAnnexFixture(big, 100_000);
    // The job's id, as the host gave it to the page (to ask the host about it afterwards).
    const started = page.waitForResponse((r) => r.url().endsWith('/api/invoke') && (r.request().postData() ?? '').includes('"transfer/start"'));
    await importThroughMenu(page, big);
    const job = ((await (await started).json()) as { value: { job: string } }).value.job;
    const progress = dialog(page, 'pd-import-progress');
    await progress.waitFor();
    // Wait until the import proper is under way (the bar shows a percentage), then Cancel.
    const bar = progress.getByRole('progressbar');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow') ?? -1), { timeout: 60_000 }).toBeGreaterThan(0);
    await progress.locator('[data-action="cancel"]').click();
    await progress.waitFor({ state: 'detached' });
    expect(await message(page)).toContain('Đã hủy nhập tệp. Kế hoạch không thay đổi.');
    expect(await dialog(page, 'pd-import-report').count()).toBe(0);
    // The host stopped the job and forgot it: no report will come.
    const status = await page.evaluate(async (id) => {
      const token = new URLSearchParams(location.search).get('t') ?? '';
      const res = await fetch('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PlanDesk-Token': token }, body: JSON.stringify({ name: 'transfer/status', args: { job: id } }) });
      return res.json();
    }, job);
    expect(status).toEqual({ ok: false, error: { code: 'transfer.error.no_job', params: {} } });
    expect(await totalCell(page, 'total').textContent()).toBe('350.190');
    expect(await rowCount(page)).toBe(18);
    // Nothing to undo: the import left no step behind.
    await page.locator('[data-menu="edit"]').click();
    expect(await page.locator('[data-action="undo"]').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    expect(uncaughtErrors(page)).toEqual([]);
  }, 180_000);

  it('maps the columns of a table it cannot read alone, saves the mapping as a template, and creates a new plan file', async () => {
    const { page, dir } = await openSample();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['Đơn vị tính: triệu đồng'],
        ['Số', 'Hạng mục', 'Kinh phí (a)', 'Kinh phí (b)'],
        ['1', 'Xã Quảng Tín', 1200, 120],
        ['2', 'Xã Đắk Ngo', 800, 80],
      ]),
      'Biểu 01',
    );
    const odd = path.join(dir, 'bieu-01-xa.xlsx');
    fs.writeFileSync(odd, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));

    await importThroughMenu(page, odd);
    const mapping = dialog(page, 'pd-import-mapping');
    await mapping.waitFor();
    expect(await mapping.getByRole('alert').first().textContent()).toContain('Không tự tìm được bảng kinh phí');
    // The sheet as it is in the file.
    await expect.poll(() => mapping.locator('tr[data-row="3"] td').allTextContents()).toEqual(['1', 'Xã Quảng Tín', '1.200', '120']);
    await mapping.locator('input[name="headerFrom"]').fill('2');
    await mapping.locator('input[name="headerTo"]').fill('2');
    await mapping.locator('select[data-column="A"]').selectOption('code');
    await mapping.locator('select[data-column="B"]').selectOption('name');
    await mapping.locator('select[data-column="C"]').selectOption('central_recurrent');
    await mapping.locator('select[data-column="D"]').selectOption('local_recurrent');
    await expect.poll(() => mapping.locator('tr[data-row="2"]').getAttribute('class')).toBe('is-header');
    await mapping.locator('input[name="saveTemplate"]').check();
    await mapping.locator('input[name="templateName"]').fill('Biểu 01 cấp xã');
    const apply = mapping.locator('[data-action="apply"]');
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await apply.click();

    const report = dialog(page, 'pd-import-report');
    await report.waitFor();
    expect(await report.locator('[data-fact="lines"] .pd-xfer-stat-value').textContent()).toBe('2');
    expect(await report.locator('tr[data-column="total"] td[data-cell="file"]').textContent()).toBe('2.200');
    // Only NSTW and NSĐP recurrent funds: the columns are the plan's, so replacing is possible too.
    expect(await report.locator('[data-action="replace"]').isEnabled()).toBe(true);

    // A new plan file instead (browser mode: its path is typed).
    const target = path.join(dir, 'bieu-01-xa.plandesk');
    await report.locator('[data-action="new"]').click();
    await report.locator('input[name="newPath"]').fill(target);
    await report.locator('[data-action="create"]').click();
    await report.waitFor({ state: 'detached' });
    await expect.poll(() => page.title()).toContain('bieu-01-xa.plandesk');
    await expect.poll(() => rowCount(page)).toBe(2);
    expect(await totalCell(page, 'total').textContent()).toBe('2.200');
    expect(await message(page)).toContain('Đã tạo và mở "bieu-01-xa.plandesk"');
    expect(fs.existsSync(target)).toBe(true);

    // The template came along with the new plan: the next file from the commune reads with it.
    await importThroughMenu(page, odd);
    await mapping.waitFor();
    await mapping.locator('select[name="template"]').selectOption('Biểu 01 cấp xã');
    await expect.poll(() => mapping.locator('select[data-column="C"]').inputValue()).toBe('central_recurrent');
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await apply.click();
    await report.waitFor();
    expect(await report.locator('tr[data-column="total"] td[data-cell="file"]').textContent()).toBe('2.200');
    await report.locator('[data-action="cancel"]').click();
    await report.waitFor({ state: 'detached' });
    expect(await rowCount(page)).toBe(2);

    // Two columns both headed "Tổng cộng": which holds the figures is not certain — the dialog asks first.
    const twice = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      twice,
      XLSX.utils.aoa_to_sheet([
        ['STT', 'Nội dung', 'Tổng cộng', 'NSTW', 'Tổng cộng'],
        ['1', 'Xã Quảng Tín', 1200, 1200, 1100],
      ]),
      'Bảng',
    );
    const ambiguous = path.join(dir, 'hai-cot-tong.xlsx');
    fs.writeFileSync(ambiguous, XLSX.write(twice, { type: 'buffer', bookType: 'xlsx' }));
    await importThroughMenu(page, ambiguous);
    await mapping.waitFor();
    expect(await mapping.getByRole('alert').first().textContent()).toContain('Có cột mang cùng ý nghĩa với một cột khác');
    await expect.poll(() => mapping.locator('select[data-column="E"] option').first().textContent()).toBe('— chưa nhận ra —');
    await mapping.locator('select[data-column="E"]').selectOption('ignore');
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await apply.click();
    await report.waitFor();
    expect(await report.locator('[data-section="columns"] tbody tr.is-ignored').textContent()).toBe('EBỏ qua (theo ánh xạ cột)');
    expect(await report.locator('[data-note="unmapped"]').count()).toBe(0);
    expect(await report.locator('tr[data-column="total"] td[data-cell="file"]').textContent()).toBe('1.200');
    await report.locator('[data-action="cancel"]').click();
    expect(uncaughtErrors(page)).toEqual([]);
  });
});
