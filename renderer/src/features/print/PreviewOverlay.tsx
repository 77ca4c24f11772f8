// File → Print preview: the annex exactly as it will print (the print view's own pages), zoomable,
// with its settings beside it. Every change is saved in the cycle (setting 'print'), so next
// month's reprint is one click; Print and Export PDF hand the saved settings to the host. The
// frame (bar, zoom, buttons) is the previews' shared PreviewFrame.
import { useMemo, useRef, useState } from 'react';
import { buildAnnex } from '../../../../shared/print/annex';
import type { PrintSettings } from '../../../../shared/print/settings';
import { BridgeFailure } from '../../bridge';
import { PrintDocument, type LaidOut } from '../../print/PrintDocument';
import { tStored } from '../../../../shared/i18n';
import type { AppContext } from '../types';
import { SettingsPanel } from './SettingsPanel';
import { countBySeverity } from '../findings/findings-view';
import { exportPdfInBrowserMode } from './browser-pdf';
import { PreviewFrame, usePrintSettings } from './PreviewFrame';

export default function PreviewOverlay({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, bridge, store } = ctx;
  const [settings, setSettings] = usePrintSettings(bridge, undefined, (e) => ctx.showFailure(e));
  const [laidOut, setLaidOut] = useState<LaidOut | null>(null);
  const [busy, setBusy] = useState(false);
  /** Saves run one after another; printing waits for the last. */
  const saving = useRef<Promise<void>>(Promise.resolve());

  // The plan as the grid holds it; rebuilt when its figures or lines change (not on every patch).
  const dataKey = `${store.order.length}:${JSON.stringify(store.totals)}`;
  const annex = useMemo(
    () => (settings && store.meta ? buildAnnex({ meta: store.meta, columns: store.columns, rows: store.rowList(), totals: store.totals }, settings) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [settings, store.meta, store.columns, dataKey],
  );

  const change = (next: PrintSettings) => {
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    setSettings(next);
    setLaidOut(null);
    saving.current = saving.current.then(async () => {
      try {
        store.apply(await bridge.invoke('settings/set', { key: 'print', value: next, label: 'print.undo' }));
      } catch (e) {
        const detail = e instanceof BridgeFailure ? tStored(ctx.lang, e.error.code, e.error.params) : String(e);
        ctx.show(t('print.saveFailed', { detail }), 'error');
      }
    });
  };

  // Errors still in the plan are said on screen (issue 12): printing is not blocked, and the notice
  // is never on a sheet — the print view that Print and Export PDF print has no such banner.
  const errors = countBySeverity(store.findings.values()).error;
  const errorsNote = errors ? ` ${t('print.errors.onExport', { count: errors.toLocaleString('vi-VN') })}` : '';

  const print = async (kind: 'print' | 'pdf') => {
    setBusy(true);
    if (errorsNote) ctx.show(errorsNote.trim(), 'info');
    try {
      await saving.current;
      // Browser mode writes the PDF through its server, as the desktop does (browser-pdf.ts).
      if (kind === 'pdf' && bridge.mode === 'browser' && (await exportPdfInBrowserMode(ctx, errorsNote))) return;
      if (bridge.mode === 'electron') {
        const res = await bridge.fileAction(kind === 'print' ? 'print' : 'exportPdf');
        if (!res.ok) ctx.showFailure(new BridgeFailure(res.error));
        else if (kind === 'pdf' && res.file) ctx.show(t('print.done.pdf', { path: res.file.path }) + errorsNote);
      } else {
        // Browser mode: the print view in its own tab, which opens Chromium's print dialog.
        window.open(`${window.location.pathname}${window.location.search}#/print?print=1`, '_blank');
        if (kind === 'pdf') ctx.show(t('print.browser.hint') + errorsNote);
      }
    } catch (e) {
      ctx.show(t('print.failed', { detail: String(e) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <PreviewFrame
      title={t('print.preview.title')}
      pages={laidOut?.pages ?? null}
      printDisabled={busy || !laidOut}
      pdfDisabled={busy || !laidOut}
      onPrint={() => void print('print')}
      onPdf={() => void print('pdf')}
      onClose={onClose}
      notices={
        <>
          {errors > 0 && (
            <div className="pd-preview-errors" role="status" data-testid="preview-errors">
              {t('print.errors.notice', { count: errors.toLocaleString('vi-VN') })}
            </div>
          )}
          {laidOut?.overflow && <div className="pd-preview-warn" role="status">{t('print.tooWide')}</div>}
        </>
      }
      side={settings && <SettingsPanel ctx={ctx} settings={settings} onChange={change} />}
    >
      {(zoom) => annex && settings && <PrintDocument annex={annex} settings={settings} zoom={zoom} onLaidOut={setLaidOut} />}
    </PreviewFrame>
  );
}
