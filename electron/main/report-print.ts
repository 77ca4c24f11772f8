// The execution report's PDF in the desktop app, printed by Electron itself as the plan annex's PDF
// is (print.ts): the same print view (app://…#/print-report) in a hidden window, the report's data
// handed to it once loaded, then webContents.printToPDF a slice of pages at a time, joined. main.ts
// registers it as the engine's host printer (execution-report/outputs.ts), so `execrep/exportPdf`
// in a window needs no browser on the PC. Thin on purpose: the data, the write check and the
// atomic write are the engine's; this module only drives the view.
import { app, BrowserWindow, type WebContents } from 'electron';
import { printInChunks } from '../../shared/print/pdf-chunks';
import type { ReportPrintData } from '../../shared/print/execution-report';
import type { ReportPdfPrinter } from '../engine/execution-report/outputs';
import { guardWindow } from './security';
import { windowPreferences } from './window-policy';

/** A long report lays out in seconds; give slow PCs ample room. */
const READY_TIMEOUT_MS = 180_000;

/** The print view's address: chunked (show() a slice at a time), its data handed over by us. */
export const REPORT_VIEW_URL = 'app://plandesk/index.html#/print-report?chunked=1&data=host';

/** The script that hands the report's data to the loaded view (JSON is a JavaScript expression). */
export function handOverScript(data: ReportPrintData): string {
  return `window.plandeskReport = ${JSON.stringify(data)}; window.dispatchEvent(new Event('plandesk-report')); true`;
}

export function electronReportPrinter(preload: string): ReportPdfPrinter {
  return async (data) => {
    const view = new BrowserWindow({ show: false, webPreferences: windowPreferences({ packaged: app.isPackaged, preload }) });
    guardWindow(view);
    try {
      const wc = view.webContents;
      await view.loadURL(REPORT_VIEW_URL);
      await wc.executeJavaScript(handOverScript(data), true);
      await waitReady(wc);
      const pages = Number(await wc.executeJavaScript('document.documentElement.dataset.pageCount', true));
      const s = data.settings;
      const pdf = await printInChunks(pages, async (from, to) => {
        // show() resolves once those sheets are laid out.
        await wc.executeJavaScript(`window.plandeskPrint.show(${Number(from)}, ${Number(to)})`, true);
        // The view's @page rule gives the paper; margins are inside the sheets.
        return wc.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          landscape: s.orientation === 'landscape',
          pageSize: s.paper,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        });
      });
      return { pdf, pages };
    } finally {
      view.destroy();
    }
  };
}

/** Until the view is laid out (data-print-ready), or its own message if it shows one. */
async function waitReady(wc: WebContents): Promise<void> {
  const until = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < until) {
    if ((await wc.executeJavaScript(`document.documentElement.dataset.printReady === '1'`, true)) === true) return;
    const failed: unknown = await wc.executeJavaScript(`document.querySelector('[role="alert"]')?.textContent ?? null`, true);
    if (typeof failed === 'string') throw new Error(failed);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timeout');
}
