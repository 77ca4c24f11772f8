// The execution report's PDF in the desktop app, printed by Electron itself as the plan annex's PDF
// is: the same print view (app://…#/print-report) in a hidden window through print.ts's one
// hidden-window printer, the report's data handed to it once loaded, printToPDF a slice of pages at
// a time. main.ts registers it as the engine's host printer (execution-report/outputs.ts), so
// `execrep/exportPdf` in a window needs no browser on the PC. Thin on purpose: the data, the write
// check and the atomic write are the engine's; this module only names the view and its data.
import type { ReportPrintData } from '../../shared/print/execution-report';
import type { ReportPdfPrinter } from '../engine/execution-report/outputs';
import { viewToPdf, withPrintView } from './print';

/** The print view's address: chunked (show() a slice at a time), its data handed over by us. */
export const REPORT_VIEW_URL = 'app://plandesk/index.html#/print-report?chunked=1&data=host';

/** The script that hands the report's data to the loaded view (JSON is a JavaScript expression). */
export function handOverScript(data: ReportPrintData): string {
  return `window.plandeskReport = ${JSON.stringify(data)}; window.dispatchEvent(new Event('plandesk-report')); true`;
}

export function electronReportPrinter(preload: string): ReportPdfPrinter {
  return (data) =>
    withPrintView({ url: REPORT_VIEW_URL, preload, handOver: handOverScript(data) }, (wc) =>
      viewToPdf(wc, { paper: data.settings.paper, landscape: data.settings.orientation === 'landscape' }),
    );
}
