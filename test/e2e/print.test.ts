// The printed annex in Chromium, as Electron's printToPDF prints it: the print view (`#/print`) of
// a served cycle to PDF, read back with poppler (pdftotext, pdfinfo, pdffonts): the annex's texts
// and figures with their diacritics, A4 landscape, the header on every page, the page count the
// preview shows, and a 300-character line name wrapped inside its cell.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { generatePlan } from '../support/bench-plan';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';
import { launchBrowser, openApp, uncaughtErrors } from './support/browser';
import { printChunked, printWhole } from './support/print-pdf';
import { startServer, type RunningServer } from './support/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Open the print view, wait until it says it is laid out, print it to a PDF file. */
async function printToPdf(server: RunningServer, out: string): Promise<{ page: Page; pages: number }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}#/print`);
  await page.waitForSelector('html[data-print-ready="1"]', { timeout: 60_000 });
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
  expect(errors).toEqual([]);
  return { page, pages: Number(await page.evaluate(() => document.documentElement.dataset.pageCount)) };
}

/** The PDF's text in drawing order (cell by cell), NFC. */
const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
/** Text with spaces, line breaks and hyphens removed: wrapped cells compare equal to one-line text. */
const flat = (t: string) => t.normalize('NFC').replace(/[\s\-‐]+/g, '');
const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

/** Each page's words with their boxes (points from the top left), from one `pdftotext -bbox`. */
function pdfWords(file: string): { width: number; words: { text: string; x0: number; y0: number; x1: number; y1: number }[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return html.split(/<page /).slice(1).map((page) => ({
    width: Number(/width="([\d.]+)"/.exec(page)![1]),
    words: [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5],
    })),
  }));
}

/**
 * Nghị định 30/2020: no number on page 1; on every other page only its Arabic number, centred in
 * the top margin (20 mm = 56,7 pt).
 */
function expectPageNumbers(file: string, pages: number): void {
  const all = pdfWords(file);
  expect(all).toHaveLength(pages);
  all.forEach((page, i) => {
    const inMargin = page.words.filter((w) => w.y1 <= 56);
    if (i === 0) return expect(inMargin, 'page 1').toEqual([]);
    expect(inMargin.map((w) => w.text), `page ${i + 1}`).toEqual([String(i + 1)]);
    const mid = (inMargin[0].x0 + inMargin[0].x1) / 2;
    expect(Math.abs(mid - page.width / 2), `page ${i + 1} centred`).toBeLessThan(3);
  });
}

/** Nothing on any sheet reaches into its margins: the table fits the width and the height. */
async function expectSheetsWithinMargins(page: Page): Promise<void> {
  const bad = await page.evaluate(() => {
    const out: string[] = [];
    document.querySelectorAll<HTMLElement>('.pd-sheet').forEach((sheet, i) => {
      const box = sheet.getBoundingClientRect();
      const cs = getComputedStyle(sheet);
      const right = box.right - parseFloat(cs.paddingRight) + 1;
      const bottom = box.bottom - parseFloat(cs.paddingBottom) + 1;
      for (const el of sheet.querySelectorAll<HTMLElement>('table, .pd-sign, .pd-annex-head')) {
        const r = el.getBoundingClientRect();
        if (r.right > right || r.bottom > bottom) out.push(`page ${i + 1}: ${el.className || el.tagName} ends at ${Math.round(r.right)}×${Math.round(r.bottom)}, room ${Math.round(right)}×${Math.round(bottom)}`);
      }
    });
    return out;
  });
  expect(bad).toEqual([]);
}

describe('printed annex (print view → PDF)', () => {
  it('prints the sample plan as a Vietnamese administrative annex on A4 landscape', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.plandesk');
    createCycleFile(file, sampleCycle());
    const server = await startServer(file);
    const out = path.join(dir, 'annex.pdf');
    const { page, pages } = await printToPdf(server, out);

    const info = pdfInfo(out);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pages);

    const text = pdfText(out);
    expect(text).toContain('Phụ lục I');
    expect(text).toContain('KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024');
    expect(text).toContain('(Kèm theo Kế hoạch số 122/KH-UBND ngày 29/02/2024 của Ủy ban nhân dân tỉnh Đắk Nông)');
    expect(text).toContain('Đơn vị tính: triệu đồng');
    expect(text).toContain('TỔNG CỘNG');
    for (const figure of ['350.190', '319.642', '149.374', '170.268', '30.548', '13.521', '17.027', '122.854', '99.654']) {
      expect(text).toContain(figure);
    }
    // Diacritics intact, from the data and from the column tree (cells may wrap).
    for (const words of ['Tiểu dự án 2: Cải thiện dinh dưỡng', 'Sở Lao động - Thương binh và Xã hội', 'Ngân sách Trung ương (NSTW)', 'Ngân sách địa phương (NSĐP)', '(4)=(5)+(8)+(11)']) {
      expect(flat(text)).toContain(flat(words));
    }
    // The signature block with the full authority lines, "Nơi nhận:" and "Người lập biểu".
    for (const line of ['Đắk Nông, ngày 29 tháng 02 năm 2024', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Tôn Thị Ngọc Hạnh', 'NGƯỜI LẬP BIỂU', 'Nơi nhận:']) {
      expect(text).toContain(line);
    }
    // Page numbers (NĐ 30/2020): Arabic numerals only, centred in the top margin, none on page 1.
    expect(text).not.toContain('Trang');
    expect(pages).toBeGreaterThanOrEqual(2);
    expectPageNumbers(out, pages);
    // The signature is on the last page.
    const lastPage = text.split('\f').filter((p) => p.trim())[pages - 1];
    expect(lastPage).toContain('PHÓ CHỦ TỊCH');

    // Times New Roman where installed, else the bundled Tinos — embedded either way.
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
    expect(fonts).toMatch(/Tinos|TimesNewRoman/);
    expect(fonts).not.toMatch(/DejaVu|Liberation/);

    await expectSheetsWithinMargins(page);
    await page.close();
    await server.stop();
  });

  it('repeats the header on every page of a 2.000-line plan, with the page count the preview shows', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.plandesk');
    createCycleFile(file, generatePlan(2_000, 3));
    const server = await startServer(file);

    // The preview, opened from the File menu as an officer would.
    const app = await openApp(browser, server.url);
    await app.locator('[data-menu="file"]').click();
    await app.locator('[data-action="print.preview"]').click();
    const preview = app.locator('.pd-preview');
    await expect.poll(() => preview.getAttribute('data-page-count'), { timeout: 60_000 }).toMatch(/^\d+$/);
    const previewPages = Number(await preview.getAttribute('data-page-count'));
    expect(await app.locator('.pd-preview-pages').textContent()).toBe(`${previewPages} trang`);
    expect(uncaughtErrors(app)).toEqual([]);
    await app.close();

    const out = path.join(dir, 'big.pdf');
    const { page, pages } = await printToPdf(server, out);
    expect(pages).toBe(previewPages);
    expect(Number(/Pages:\s+(\d+)/.exec(pdfInfo(out))![1])).toBe(previewPages);
    expect(previewPages).toBeGreaterThan(40);

    const sheets = pdfText(out).split('\f').slice(0, pages);
    expect(sheets).toHaveLength(pages);
    expectPageNumbers(out, pages);
    sheets.forEach((t, i) => {
      for (const header of ['STT', 'Nội dung', 'Tổng cộng', 'Ngân sách Trung ương (NSTW)', 'Vốn huy động khác', '(4)=(5)+(8)+(11)']) {
        expect(flat(t), `page ${i + 1}`).toContain(flat(header));
      }
    });
    // Every line is printed once: the rows on the sheets add up to the plan's lines + TỔNG CỘNG.
    const rows = await page.evaluate(() => document.querySelectorAll('.pd-sheet tbody tr').length);
    expect(rows).toBe(2_001);
    // Nothing is cut off at the foot of a printed page: each sheet's last row is on its PDF page.
    const lastRows = await page.evaluate(() =>
      [...document.querySelectorAll('.pd-sheet')].map((s) => [...(s.querySelector('tbody tr:last-child')?.children ?? [])].map((td) => td.textContent).join(' ')),
    );
    lastRows.forEach((row, i) => expect(flat(sheets[i]), `page ${i + 1}`).toContain(flat(row)));
    await expectSheetsWithinMargins(page);
    await page.close();
    await server.stop();
  });

  it('prints a long annex in slices joined into one PDF, page for page the same as in one go', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'slices.plandesk');
    createCycleFile(file, generatePlan(1_200, 5));
    const server = await startServer(file);
    const whole = await printWhole(await browser.newPage(), server.url);
    const sliced = await printChunked(await browser.newPage(), server.url, 17);
    expect(sliced.pages).toBe(whole.pages);
    expect(whole.pages).toBeGreaterThan(40);
    fs.writeFileSync(path.join(dir, 'whole.pdf'), whole.pdf);
    fs.writeFileSync(path.join(dir, 'sliced.pdf'), sliced.pdf);
    expect(Number(/Pages:\s+(\d+)/.exec(pdfInfo(path.join(dir, 'sliced.pdf')))![1])).toBe(whole.pages);
    expect(pdfInfo(path.join(dir, 'sliced.pdf'))).toMatch(/\(A4\)/);
    const a = pdfText(path.join(dir, 'whole.pdf')).split('\f');
    const b = pdfText(path.join(dir, 'sliced.pdf')).split('\f');
    for (let i = 0; i < whole.pages; i++) expect(b[i], `page ${i + 1}`).toBe(a[i]);
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('wraps a 300-character line name inside its cell without breaking the layout', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'long.plandesk');
    createCycleFile(file, sampleCycle());
    const longWord = 'Đường-giao-thông-liên-xã-Quảng-Sơn-Đắk-Ha-Quảng-Khê-Đắk-Som-Đắk-R’Măng';
    const name = `Tiểu dự án 2: ${longWord} ${'hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng cho hộ nghèo '.repeat(4)}`.slice(0, 300);
    expect(name).toHaveLength(300);
    const s = PlanSession.open(file);
    const line = s.snapshot().rows.find((r) => r.code === '3.2')!;
    s.handle('line/update', { lineId: line.id, fields: { name } });
    s.close();

    const server = await startServer(file);
    const out = path.join(dir, 'long.pdf');
    const { page } = await printToPdf(server, out);
    expect(pdfInfo(out)).toMatch(/\(A4\)/);
    expect(flat(pdfText(out))).toContain(flat(name));
    // The name's cell keeps its column's width and wraps over several lines.
    const cell = await page.evaluate(() => {
      const td = [...document.querySelectorAll<HTMLElement>('.pd-sheet td.pd-c-name')].find((c) => c.textContent!.length === 300)!;
      const width = (sel: string) => document.querySelector<HTMLElement>(sel)!.getBoundingClientRect().width;
      return { width: td.getBoundingClientRect().width, height: td.getBoundingClientRect().height, colWidth: width('.pd-sheet td.pd-c-name'), lineHeight: parseFloat(getComputedStyle(td).lineHeight) };
    });
    expect(Math.abs(cell.width - cell.colWidth)).toBeLessThan(1);
    expect(cell.height).toBeGreaterThan(cell.lineHeight * 3);
    await expectSheetsWithinMargins(page);
    await page.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('prints the annex number of the plan details in the title', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'annex-ii.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    s.handle('meta/set', { meta: { annexNumber: 'II' } });
    s.close();
    const server = await startServer(file);
    const out = path.join(dir, 'annex-ii.pdf');
    const { page } = await printToPdf(server, out);
    const firstPage = pdfText(out).split('\f')[0];
    expect(firstPage.split('\n')[0].trim()).toBe('Phụ lục II');
    await page.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Export PDF in browser mode writes the PDF the print view prints, with its page numbers', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'browser-pdf.plandesk');
    createCycleFile(file, generatePlan(300, 3));
    const server = await startServer(file);
    const app = await openApp(browser, server.url);
    await app.locator('[data-menu="file"]').click();
    await app.locator('[data-action="print.preview"]').click();
    const preview = app.locator('.pd-preview');
    await expect.poll(() => preview.getAttribute('data-page-count'), { timeout: 60_000 }).toMatch(/^\d+$/);
    const previewPages = Number(await preview.getAttribute('data-page-count'));
    // Browser mode has no save dialog: the path is typed where the desktop shows one.
    const out = path.join(dir, 'typed.pdf');
    const prompted: string[] = [];
    app.once('dialog', (d) => {
      prompted.push(d.defaultValue());
      void d.accept(out);
    });
    await app.locator('[data-print-action="pdf"]').click();
    await expect.poll(() => app.locator('.pd-message-text').allTextContents(), { timeout: 120_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining(`Đã xuất PDF: ${out}`)]),
    );
    expect(prompted[0]).toBe(path.join(dir, 'browser-pdf - Phu luc I.pdf'));
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(out))![1]);
    expect(pages).toBe(previewPages);
    expect(pdfInfo(out)).toMatch(/\(A4\)/);
    expectPageNumbers(out, pages);
    // The same pages as the print view printed directly (what Electron prints).
    const direct = await printChunked(await browser.newPage(), server.url);
    fs.writeFileSync(path.join(dir, 'direct.pdf'), direct.pdf);
    expect(pdfText(out)).toBe(pdfText(path.join(dir, 'direct.pdf')));
    expect(uncaughtErrors(app)).toEqual([]);
    await app.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
