// File → Xem trước báo cáo giải ngân: the execution report of the date shown, as it will print — the
// report table through the plan annex's print view (paper, margins, font and signature from the
// plan's print settings; NĐ 30/2020 page numbers) and the charts on pages of their own. Print prints
// these very sheets (the window's print CSS shows only them); Export PDF has the engine print the
// same view — with Electron's printer in the desktop app, the machine's Chromium in browser mode.
// The frame (bar, zoom, buttons) is the previews' shared PreviewFrame.
import { useMemo, useState } from 'react';
import { sheetSize } from '../../../../shared/print/settings';
import { chartSourceOf, reportPrintSettings, reportSourceOf, viDate, type ReportPrintData } from '../../../../shared/print/execution-report';
import { BridgeFailure } from '../../bridge';
import type { AppContext } from '../types';
import { executionData } from './exec-data';
import { ReportPages, type ReportLaidOut } from './ReportPages';
import { PreviewFrame, usePrintSettings } from '../print/PreviewFrame';
import './execution.css';

export default function ReportPreview({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, bridge, store, lang } = ctx;
  const [settings] = usePrintSettings(bridge, reportPrintSettings);
  const [laidOut, setLaidOut] = useState<ReportLaidOut | null>(null);
  const [busy, setBusy] = useState(false);
  const data = executionData;
  const date = data.date;

  const printData: ReportPrintData | null = useMemo(() => {
    if (!settings || !data.view || !store.meta) return null;
    return {
      source: reportSourceOf(data.view, store.meta, store.columns),
      charts: chartSourceOf(data.view, store.meta, store.columns, data.dateTotals, data.units, lang),
      settings,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings, data.version, store.meta, store.columns, lang]);

  const exportPdf = async () => {
    if (!date) return;
    const suggestion = `${(store.file?.path ?? 'ke-hoach').replace(/\.plandesk$/i, '')} - giai ngan ${date.asOf}.pdf`;
    // In the desktop app main's save dialog chooses the file (the suggestion is its default).
    const path = bridge.mode === 'browser' ? window.prompt(t('execview.pdf.prompt'), suggestion)?.trim() : suggestion;
    if (!path) return;
    setBusy(true);
    try {
      const r = await bridge.invoke('execrep/exportPdf', { dateId: date.id, path });
      ctx.show(t('execview.pdf.done', { path: r.path, pages: r.pages }));
    } catch (err) {
      if (!(err instanceof BridgeFailure && err.error.code === 'error.canceled')) ctx.showFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PreviewFrame
      title={t('execview.preview.title')}
      className="pd-exec-preview"
      pagesClassName="pd-exec-print-pages"
      printingClass="pd-exec-printing"
      pageSize={settings ? sheetSize(settings) : null}
      pages={laidOut?.pages ?? null}
      bar={date && <span>{viDate(date.asOf)}</span>}
      printDisabled={!laidOut}
      pdfDisabled={!laidOut || busy}
      onPrint={() => window.print()}
      onPdf={() => void exportPdf()}
      onClose={onClose}
    >
      {(zoom) => (printData ? <ReportPages data={printData} zoom={zoom} onLaidOut={setLaidOut} /> : <p>{t('execview.noDate')}</p>)}
    </PreviewFrame>
  );
}
