// File → Xem trước báo cáo giải ngân: the execution report of the date shown, as it will print — the
// report table through the plan annex's print view (paper, margins, font and signature from the
// plan's print settings; NĐ 30/2020 page numbers) and the charts on pages of their own. Print prints
// these very sheets (the window's print CSS shows only them); Export PDF has the engine print the
// same view — with Electron's printer in the desktop app, the machine's Chromium in browser mode.
import { useEffect, useMemo, useState } from 'react';
import { readPrintSettings, sheetSize, type PrintSettings } from '../../../../shared/print/settings';
import { chartSourceOf, reportPrintSettings, reportSourceOf, viDate, type ReportPrintData } from '../../../../shared/print/execution-report';
import { BridgeFailure } from '../../bridge';
import type { AppContext } from '../types';
import { executionData } from './exec-data';
import { ReportPages, type ReportLaidOut } from './ReportPages';
import '../print/preview.css';
import './execution.css';

const ZOOMS = [0.5, 0.75, 1, 1.25];

export default function ReportPreview({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, bridge, store, lang } = ctx;
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [zoom, setZoom] = useState(0.75);
  const [laidOut, setLaidOut] = useState<ReportLaidOut | null>(null);
  const [busy, setBusy] = useState(false);
  const data = executionData;
  const date = data.date;

  useEffect(() => {
    let live = true;
    bridge
      .invoke('settings/get', { key: 'print' })
      .then((r) => live && setSettings(reportPrintSettings(readPrintSettings(r.value))))
      .catch(() => live && setSettings(reportPrintSettings()));
    return () => {
      live = false;
    };
  }, [bridge]);

  const printData: ReportPrintData | null = useMemo(() => {
    if (!settings || !data.view || !store.meta) return null;
    return {
      source: reportSourceOf(data.view, store.meta, store.columns),
      charts: chartSourceOf(data.view, store.meta, store.columns, data.dateTotals, data.units, lang),
      settings,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings, data.version, store.meta, store.columns, lang]);

  useEffect(() => {
    document.documentElement.classList.add('pd-exec-printing');
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      document.documentElement.classList.remove('pd-exec-printing');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

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

  const sheet = settings ? sheetSize(settings) : null;
  return (
    <div className="pd-preview pd-exec-preview" role="dialog" aria-modal="true" aria-label={t('execview.preview.title')} data-page-count={laidOut?.pages ?? ''}>
      {sheet && <style>{`@media print { @page { size: ${sheet.width}mm ${sheet.height}mm; margin: 0; } }`}</style>}
      <div className="pd-preview-bar">
        <strong>{t('execview.preview.title')}</strong>
        {date && <span>{viDate(date.asOf)}</span>}
        <span className="pd-preview-pages" aria-live="polite">
          {laidOut ? t('print.preview.pages', { count: laidOut.pages }) : t('print.preview.laying')}
        </span>
        <select value={zoom} aria-label={t('print.preview.zoom')} onChange={(e) => setZoom(Number(e.target.value))}>
          {ZOOMS.map((z) => (
            <option key={z} value={z}>
              {Math.round(z * 100)}%
            </option>
          ))}
        </select>
        <span className="pd-preview-actions">
          <button type="button" data-print-action="print" disabled={!laidOut} onClick={() => window.print()}>
            {t('print.action.print')}
          </button>
          <button type="button" data-print-action="pdf" disabled={!laidOut || busy} onClick={() => void exportPdf()}>
            {t('print.action.pdf')}
          </button>
          <button type="button" data-print-action="close" onClick={onClose}>
            {t('common.close')}
          </button>
        </span>
      </div>
      <div className="pd-preview-main">
        <div className="pd-preview-pages-area pd-exec-print-pages">
          {printData ? <ReportPages data={printData} zoom={zoom} onLaidOut={setLaidOut} /> : <p>{t('execview.noDate')}</p>}
        </div>
      </div>
    </div>
  );
}
