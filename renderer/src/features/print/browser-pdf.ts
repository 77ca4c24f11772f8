// Export PDF in browser mode: browser mode has no file dialogs, so the PDF's path is typed (the
// desktop's default proposed), then the server prints the same print view to that file, as the
// desktop does (electron/server/print-pdf.ts) — the plan annex or the one named (the allocation
// annex the window shows). Where the server has no Chromium to print with, the
// caller falls back to the browser's own print dialog.
import { BridgeFailure } from '../../bridge';
import type { AppContext } from '../types';
import { PLAN_ANNEX, targetAnnexNumber, type PrintTarget } from '../../../../shared/print/print-target';

/**
 * True when handled here (written, cancelled or refused); false: use the browser's print dialog.
 * `note` follows the "written" message (the plan's remaining errors, said as the desktop says them).
 */
export async function exportPdfInBrowserMode(ctx: AppContext, note = '', annex: PrintTarget = PLAN_ANNEX): Promise<boolean> {
  const { t, bridge, store } = ctx;
  const target = window.prompt(t('print.pdf.prompt'), pdfPathFor(store.file?.path ?? '', targetAnnexNumber(annex, store.meta?.annexNumber)))?.trim();
  if (!target) return true;
  const res = await bridge.fileAction('exportPdf', target, annex);
  if (res.ok) {
    if (res.file) ctx.show(t('print.done.pdf', { path: res.file.path }) + note);
    return true;
  }
  if (res.error.code === 'print.pdf.noChromium') return false;
  ctx.showFailure(new BridgeFailure(res.error));
  return true;
}

/** "<plan file name> - Phu luc I.pdf" beside the plan file, as the desktop's save dialog proposes. */
export function pdfPathFor(planFile: string, annexNumber = 'I'): string {
  const base = planFile.replace(/\.[^./\\]*$/, '');
  const n = annexNumber.trim().replace(/[\\/:*?"<>|]/g, '');
  return base ? `${base}${n ? ` - Phu luc ${n}` : ''}.pdf` : '';
}
