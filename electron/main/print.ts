// Printing in Electron: a print view in a hidden window of its own (withPrintView, the app's one
// hidden-window printer), then the system print dialog (webContents.print) or printToPDF a slice of
// pages at a time (viewToPdf). The annex's view (app://…#/print, the same page the preview shows)
// reads the cycle and its saved print settings itself: AnnexPrinter only names the annex (the
// plan's, or the allocation annex the window shows: PrintTarget) and the file. The execution
// report's view is handed its data instead (report-print.ts).
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileActionResult } from '../../shared/ipc';
import { printInChunks } from '../../shared/print/pdf-chunks';
import { PLAN_ANNEX, printViewHash, targetAnnexNumber, type PrintTarget } from '../../shared/print/print-target';
import { readPrintSettings, type PrintSettings } from '../../shared/print/settings';
import { toBridgeError } from '../engine/errors';
import { checkWriteTarget } from '../engine/safety/write-target';
import { writeAtomic } from '../engine/store/atomic-write';
import type { Workspace } from '../engine/workspace';
import { guardWindow } from './security';
import { windowPreferences } from './window-policy';

/** A 10.000-line annex lays out in a few seconds; give slow PCs ample room. */
const READY_TIMEOUT_MS = 180_000;

export class AnnexPrinter {
  private readonly views = new Set<WebContents>();

  constructor(
    private readonly workspace: Workspace,
    private readonly getWindow: () => BrowserWindow | null,
    private readonly preload: string,
  ) {}

  /** True for the print views' own requests (they read the cycle through the same IPC). */
  isPrintView(sender: WebContents): boolean {
    return this.views.has(sender);
  }

  async run(action: 'print' | 'exportPdf', annex: PrintTarget = PLAN_ANNEX): Promise<FileActionResult> {
    const parent = this.getWindow();
    const session = this.workspace.session;
    if (!parent || !session) return { ok: true, file: null };
    const settings = readPrintSettings(session.setting('print'));
    let target: string | null = null;
    if (action === 'exportPdf') {
      const r = await dialog.showSaveDialog(parent, {
        defaultPath: defaultPdfPath(session.info.path, targetAnnexNumber(annex, session.meta.annexNumber)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (r.canceled || !r.filePath) return { ok: true, file: null };
      target = r.filePath;
      // The one check before a write: never over a plan, its -wal/-shm/lock, or a backup.
      try {
        checkWriteTarget(target, 'document');
      } catch (e) {
        return { ok: false, error: toBridgeError(e) };
      }
    }
    const landscape = settings.orientation === 'landscape';
    try {
      if (target) {
        // A slice of pages at a time (bounded memory), joined into one file.
        const url = `app://plandesk/index.html#${printViewHash(annex, { chunked: true })}`;
        const { pdf } = await withPrintView({ url, preload: this.preload, parent, track: this.views }, (wc) =>
          viewToPdf(wc, { paper: settings.paper, landscape }),
        );
        // Whole or not at all: a failed write leaves no half PDF over the chosen file.
        await writeAtomic(target, (tmp) => fs.writeFile(tmp, pdf));
        return { ok: true, file: { path: target, name: path.basename(target), readOnly: false } };
      }
      await withPrintView({ url: `app://plandesk/index.html#${printViewHash(annex)}`, preload: this.preload, parent, track: this.views }, (wc) =>
        new Promise<void>((resolve, reject) =>
          wc.print(
            { silent: false, printBackground: true, landscape, pageSize: settings.paper, margins: { marginType: 'none' } },
            (ok, reason) => (ok || reason === 'cancelled' ? resolve() : reject(new Error(reason))),
          ),
        ),
      );
      return { ok: true, file: null };
    } catch (e) {
      return { ok: false, error: { code: 'print.failed', params: { detail: e instanceof Error ? e.message : String(e) } } };
    }
  }
}

/** A print view to open in a hidden window: the plan annex's (#/print…) or the report's (#/print-report…). */
export interface PrintViewRequest {
  /** The view's address, app://plandesk/index.html#… */
  url: string;
  preload: string;
  /** The plan's window: the view is its child (closed with it). */
  parent?: BrowserWindow | null;
  /** A script run once the view has loaded that hands it its data (the report's: the view reads no cycle). */
  handOver?: string;
  /** Where the view's contents are known while it is open (the annex view reads the cycle through IPC). */
  track?: Set<WebContents>;
}

/**
 * The one hidden-window printer of the app: opens the view, hands it its data where given, waits
 * until it is laid out (data-print-ready on <html>), runs `use` on it, and always closes it.
 */
export async function withPrintView<T>(req: PrintViewRequest, use: (wc: WebContents) => Promise<T>): Promise<T> {
  const view = new BrowserWindow({
    show: false,
    ...(req.parent ? { parent: req.parent } : {}),
    webPreferences: windowPreferences({ packaged: app.isPackaged, preload: req.preload }),
  });
  guardWindow(view);
  const wc = view.webContents;
  req.track?.add(wc);
  try {
    await view.loadURL(req.url);
    if (req.handOver) await wc.executeJavaScript(req.handOver, true);
    await waitUntil(wc, `document.documentElement.dataset.printReady === '1'`);
    return await use(wc);
  } finally {
    req.track?.delete(wc);
    view.destroy();
  }
}

/**
 * A chunked view (`?chunked=1`: it shows sheets only when asked, `plandeskPrint.show`) printed to
 * one PDF by printToPDF, a slice of pages at a time, joined. The view's @page rule gives the paper;
 * margins are inside the sheets.
 */
export async function viewToPdf(wc: WebContents, paper: { paper: PrintSettings['paper']; landscape: boolean }): Promise<{ pdf: Uint8Array; pages: number }> {
  const pages = Number(await wc.executeJavaScript('document.documentElement.dataset.pageCount', true));
  const pdf = await printInChunks(pages, async (from, to) => {
    // show() resolves once those sheets are laid out.
    await wc.executeJavaScript(`window.plandeskPrint.show(${Number(from)}, ${Number(to)})`, true);
    return wc.printToPDF({
      preferCSSPageSize: true,
      printBackground: true,
      landscape: paper.landscape,
      pageSize: paper.paper,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
  });
  return { pdf, pages };
}

/**
 * Wait until a condition holds in the print view (it sets data-print-ready on <html> once fonts are
 * loaded and the sheets are laid out); fail with the view's own message if it shows one.
 */
async function waitUntil(wc: WebContents, condition: string): Promise<void> {
  const until = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < until) {
    if ((await wc.executeJavaScript(condition, true)) === true) return;
    const failed: unknown = await wc.executeJavaScript(`document.querySelector('[role="alert"]')?.textContent ?? null`, true);
    if (typeof failed === 'string') throw new Error(failed);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timeout');
}

/** "<cycle file name> - Phu luc I.pdf" beside the cycle file. */
function defaultPdfPath(cycleFile: string, annexNumber: string): string {
  const base = path.basename(cycleFile, path.extname(cycleFile));
  const suffix = annexNumber.trim() ? ` - Phu luc ${annexNumber.trim().replace(/[\\/:*?"<>|]/g, '')}` : '';
  return path.join(path.dirname(cycleFile), `${base}${suffix}.pdf`);
}
