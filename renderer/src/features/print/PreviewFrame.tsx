// The one frame of the window's print previews — the plan annex (PreviewOverlay), the allocation
// annex (AllocationPrintPreview) and the disbursement report (ReportPreview): a full-window dialog
// with its title and the preview's own controls, the page count, the zoom, Print / Export PDF /
// Close, notices under the bar, and the sheets on a grey desk (with a side panel where there is one).
// Escape closes it. While it is open, `printingClass` on <html> lets the window's print CSS show only
// its sheets, and `pageSize` sets the paper window.print() uses. What goes on the sheets and what
// Print and Export PDF do stay the caller's. Also the print settings' read, which all three share.
import { useEffect, useState, type ReactNode } from 'react';
import { readPrintSettings, type PrintSettings } from '../../../../shared/print/settings';
import type { PlanDeskBridge } from '../../../../shared/ipc';
import { useLang } from '../../i18n';
import './preview.css';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5];

export interface PreviewFrameProps {
  /** The dialog's name and the bar's heading. */
  title: string;
  /** Added to the dialog's class (its print CSS hooks on it). */
  className?: string;
  /** Added to the sheets' area's class. */
  pagesClassName?: string;
  /** Set on <html> while the preview is open: the window's print CSS shows only its sheets. */
  printingClass?: string;
  /** The paper, in mm, for window.print() (an @page rule while the preview is open). */
  pageSize?: { width: number; height: number } | null;
  /** Pages laid out; null while laying out. */
  pages: number | null;
  /** The preview's own controls, after the title (a date, a column, an annex number…). */
  bar?: ReactNode;
  printLabel?: string;
  printDisabled: boolean;
  pdfDisabled: boolean;
  onPrint: () => void;
  onPdf: () => void;
  onClose: () => void;
  /** Notices under the bar (never on a sheet). */
  notices?: ReactNode;
  /** A panel right of the sheets (the plan annex's settings). */
  side?: ReactNode;
  /** The sheets at the zoom chosen. */
  children: (zoom: number) => ReactNode;
}

export function PreviewFrame(p: PreviewFrameProps) {
  const { t } = useLang();
  const [zoom, setZoom] = useState(0.75);
  const { onClose, printingClass } = p;

  useEffect(() => {
    if (printingClass) document.documentElement.classList.add(printingClass);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      if (printingClass) document.documentElement.classList.remove(printingClass);
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose, printingClass]);

  const zoomBy = (dir: 1 | -1) => {
    const i = ZOOMS.indexOf(zoom);
    setZoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (i < 0 ? 2 : i) + dir))]);
  };

  return (
    <div className={`pd-preview${p.className ? ` ${p.className}` : ''}`} role="dialog" aria-modal="true" aria-label={p.title} data-page-count={p.pages ?? ''}>
      {p.pageSize && <style>{`@media print { @page { size: ${p.pageSize.width}mm ${p.pageSize.height}mm; margin: 0; } }`}</style>}
      <div className="pd-preview-bar">
        <strong>{p.title}</strong>
        {p.bar}
        <span className="pd-preview-pages" aria-live="polite">
          {p.pages !== null ? t('print.preview.pages', { count: p.pages }) : t('print.preview.laying')}
        </span>
        <span className="pd-preview-zoom">
          <button type="button" onClick={() => zoomBy(-1)} aria-label={t('print.preview.zoomOut')}>−</button>
          <select value={zoom} aria-label={t('print.preview.zoom')} onChange={(e) => setZoom(Number(e.target.value))}>
            {ZOOMS.map((z) => (
              <option key={z} value={z}>{Math.round(z * 100)}%</option>
            ))}
          </select>
          <button type="button" onClick={() => zoomBy(1)} aria-label={t('print.preview.zoomIn')}>+</button>
        </span>
        <span className="pd-preview-actions">
          <button type="button" data-print-action="print" disabled={p.printDisabled} onClick={p.onPrint}>
            {p.printLabel ?? t('print.action.print')}
          </button>
          <button type="button" data-print-action="pdf" disabled={p.pdfDisabled} onClick={p.onPdf}>
            {t('print.action.pdf')}
          </button>
          <button type="button" data-print-action="close" onClick={onClose}>
            {t('common.close')}
          </button>
        </span>
      </div>
      {p.notices}
      <div className="pd-preview-main">
        <div className={`pd-preview-pages-area${p.pagesClassName ? ` ${p.pagesClassName}` : ''}`}>{p.children(zoom)}</div>
        {p.side}
      </div>
    </div>
  );
}

/**
 * The plan's print settings (setting 'print'), read once; `adapt` shapes them for the preview (the
 * report's own layout). A read that fails gives the defaults, after `onError` where given.
 */
export function usePrintSettings(
  bridge: PlanDeskBridge,
  adapt: (s: PrintSettings) => PrintSettings = (s) => s,
  onError?: (err: unknown) => void,
): [PrintSettings | null, (s: PrintSettings) => void] {
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  useEffect(() => {
    let live = true;
    bridge
      .invoke('settings/get', { key: 'print' })
      .then((r) => live && setSettings(adapt(readPrintSettings(r.value))))
      .catch((err) => {
        onError?.(err);
        if (live) setSettings(adapt(readPrintSettings(null)));
      });
    return () => {
      live = false;
    };
    // Read once per bridge: `adapt` and `onError` are the caller's inline functions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);
  return [settings, setSettings];
}
