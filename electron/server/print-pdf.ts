// Export PDF in browser mode, as the desktop does it: the annex's print view (the same `#/print`
// page the preview shows and Electron prints) opened in a headless Chromium driven by this server
// (playwright-core, the project's own test driver), printed a slice of pages at a time and joined
// (shared/print/pdf-chunks), written beside nothing else (temp file + rename). The page numbers,
// header and signature block are drawn by the print view itself, so this PDF and the desktop's are
// the same. Browser mode is a test and fallback mode: where no Chromium is installed, the answer
// says so and the page falls back to the browser's own print dialog.
import fs from 'node:fs';
import path from 'node:path';
import type { FileActionResult } from '../../shared/ipc';
import { printInChunks } from '../../shared/print/pdf-chunks';
import { PLAN_ANNEX, printViewHash, type PrintTarget } from '../../shared/print/print-target';
import { readPrintSettings } from '../../shared/print/settings';
import { findChromium } from '../engine/chromium';
import { toBridgeError } from '../engine/errors';
import { checkWriteTarget } from '../engine/safety/write-target';
import { writeAtomicSync } from '../engine/store/atomic-write';
import type { Workspace } from '../engine/workspace';

/** A 10.000-line annex lays out in a few seconds; give slow PCs ample room. */
const READY_TIMEOUT_MS = 180_000;

/** Chromium, Chrome or Edge installed on this machine (CHROMIUM_PATH first), or null (engine/chromium.ts). */
export { findChromium };

/** Print the open plan's annex named by `annex` (the plan's by default; its saved print settings) to `target`, a .pdf file. */
export async function printAnnexPdf(workspace: Workspace, pageUrl: string, target: string, annex: PrintTarget = PLAN_ANNEX): Promise<FileActionResult> {
  const session = workspace.session;
  if (!session) return { ok: true, file: null };
  const out = path.resolve(/\.pdf$/i.test(target) ? target : `${target}.pdf`);
  if (out === path.resolve(session.info.path)) return { ok: false, error: { code: 'error.same_file', params: {} } };
  // The one check before a write: never over a plan, its -wal/-shm/lock, or a backup.
  try {
    checkWriteTarget(out, 'document');
  } catch (e) {
    return { ok: false, error: toBridgeError(e) };
  }
  const executablePath = findChromium();
  // playwright-core is a development dependency, as browser mode is: loaded only when asked.
  const playwright = executablePath ? await import('playwright-core').catch(() => null) : null;
  if (!executablePath || !playwright) return { ok: false, error: { code: 'print.pdf.noChromium', params: {} } };

  const browser = await playwright.chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const url = new URL(pageUrl);
    url.hash = printViewHash(annex, { chunked: true });
    await page.goto(url.toString());
    const ready = page.waitForSelector('html[data-print-ready="1"]', { state: 'attached', timeout: READY_TIMEOUT_MS });
    const failed = page.waitForSelector('[role="alert"]', { state: 'attached', timeout: READY_TIMEOUT_MS }).then(async (el) => {
      throw new Error((await el?.textContent()) ?? 'print view failed');
    });
    await Promise.race([ready, failed]);
    failed.catch(() => {});
    const pages = Number(await page.evaluate(() => document.documentElement.dataset.pageCount));
    const settings = readPrintSettings(session.setting('print'));
    const pdf = await printInChunks(pages, async (from, to) => {
      await page.evaluate(([a, b]) => window.plandeskPrint!.show(a, b), [from, to] as const);
      // The view's @page rule gives the paper; margins are inside the sheets.
      return page.pdf({ preferCSSPageSize: true, printBackground: true, landscape: settings.orientation === 'landscape' });
    });
    writeAtomicSync(out, (tmp) => fs.writeFileSync(tmp, pdf));
    return { ok: true, file: { path: out, name: path.basename(out), readOnly: false } };
  } catch (e) {
    return { ok: false, error: { code: 'print.failed', params: { detail: e instanceof Error ? e.message : String(e) } } };
  } finally {
    await browser.close().catch(() => {});
  }
}
