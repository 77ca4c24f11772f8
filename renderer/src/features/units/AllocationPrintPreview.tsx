// File → In phụ lục phân bổ: the allocation annex of one funding column as it will print — the same
// print view (PrintDocument) and page layout as the plan annex (paper, margins, font, fit to width
// and signature from the plan's print settings; NĐ 30/2020 page numbers), with its own annex number
// and title. Print and Export PDF go through the host as the plan annex's do, naming this annex
// (PrintTarget: the column, number and title): Electron prints the print view
// `#/print?annex=allocation…` in a hidden window, browser mode's server prints it to PDF with
// Chromium; where there is no host printing (browser mode's Print), the window prints these very
// sheets: its print CSS shows only them. The frame (bar, zoom, buttons) is the previews' shared
// PreviewFrame.
import { useEffect, useMemo, useState } from 'react';
import { ColumnTree } from '../../../../shared/columns';
import { buildAllocationAnnex } from '../../../../shared/print/allocation-annex';
import { consolidatedAnnexSource, consolidatedTitle, mergedFigures, type MergedFigures } from '../../../../shared/print/consolidated-annex';
import type { PrintTarget } from '../../../../shared/print/print-target';
import { sheetSize } from '../../../../shared/print/settings';
import { BridgeFailure } from '../../bridge';
import { PrintDocument, type LaidOut } from '../../print/PrintDocument';
import { exportPdfInBrowserMode } from '../print/browser-pdf';
import { PreviewFrame, usePrintSettings } from '../print/PreviewFrame';
import type { AppContext } from '../types';
import { AllocationData } from './alloc-data';
import { defaultMode } from './actions';
import { fundingColumnName } from './alloc-model';
import { allocationAnnexSource } from './annex-source';
import { unitsUi } from './ui-state';

/** `consolidated`: the consolidated annex by unit (issue 16) — the merged units' figures, the others' shares. */
export default function AllocationPrintPreview({ ctx, onClose, consolidated = false }: { ctx: AppContext; onClose: () => void; consolidated?: boolean }) {
  const { t, bridge, store, lang } = ctx;
  const tree = useMemo(() => new ColumnTree(store.columns), [store.columns]);
  const start = unitsUi.get().mode ?? defaultMode(store);
  const [column, setColumn] = useState(start?.kind === 'column' ? start.column : (tree.leaves[0]?.key ?? ''));
  const [settings] = usePrintSettings(bridge);
  const [data, setData] = useState<AllocationData | null>(null);
  const [merged, setMerged] = useState<MergedFigures | null>(null);
  const [annexNumber, setAnnexNumber] = useState('');
  const [title, setTitle] = useState('');
  const [laidOut, setLaidOut] = useState<LaidOut | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const d = new AllocationData();
    setData(null);
    setLaidOut(null);
    setMerged(null);
    Promise.all([d.load(bridge, { kind: 'column', column }), consolidated ? bridge.invoke('consolidation/figures', { column }) : null])
      .then(([, figures]) => {
        if (!live) return;
        setMerged(figures ? mergedFigures(figures.units) : null);
        setData(d);
      })
      .catch((err) => ctx.showFailure(err));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, column, store.undo]);

  const annex = useMemo(() => {
    if (!settings || !data || !store.meta) return null;
    const src = allocationAnnexSource(store.meta, store.columns, store.rowList(), data, column);
    if (consolidated && merged) return buildAllocationAnnex(consolidatedAnnexSource(src, merged), settings, { annexNumber, title: title || consolidatedTitle(store.meta, src.columnLabel) });
    return buildAllocationAnnex(src, settings, { annexNumber, title });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings, data, merged, store.meta, store.columns, column, annexNumber, title]);

  const print = async (kind: 'print' | 'pdf') => {
    const target: PrintTarget = { annex: 'allocation', column, annexNumber: annexNumber.trim() || undefined, title: title.trim() || undefined, ...(consolidated ? { consolidated: true } : {}) };
    setBusy(true);
    try {
      // Browser mode writes the PDF through its server, as the desktop does (browser-pdf.ts).
      if (kind === 'pdf' && bridge.mode === 'browser' && (await exportPdfInBrowserMode(ctx, '', target))) return;
      if (bridge.mode === 'electron') {
        const res = await bridge.fileAction(kind === 'print' ? 'print' : 'exportPdf', undefined, target);
        if (!res.ok) ctx.showFailure(new BridgeFailure(res.error));
        else if (kind === 'pdf' && res.file) ctx.show(t('print.done.pdf', { path: res.file.path }));
      } else {
        window.print();
        if (kind === 'pdf') ctx.show(t('print.browser.hint'));
      }
    } catch (e) {
      ctx.show(t('print.failed', { detail: String(e) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  // While the preview is open, printing the window prints its sheets only (units.css, @media print).
  return (
    <PreviewFrame
      title={t(consolidated ? 'consolidation.print.previewTitle' : 'alloc.print.previewTitle')}
      className="pd-alloc-preview"
      pagesClassName="pd-alloc-print-pages"
      printingClass="pd-alloc-printing"
      pageSize={settings ? sheetSize(settings) : null}
      pages={laidOut?.pages ?? null}
      bar={
        <>
          <label>
            {t('alloc.column')}{' '}
            <select data-alloc-print="column" value={column} onChange={(e) => setColumn(e.target.value)}>
              {tree.leaves.map((c) => (
                <option key={c.key} value={c.key}>
                  {fundingColumnName(store.columns, c.key, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('alloc.print.annexNumber')}{' '}
            <input type="text" size={5} maxLength={20} data-alloc-print="annexNumber" value={annexNumber} placeholder={store.meta?.annexNumber ?? 'I'} onChange={(e) => setAnnexNumber(e.target.value)} />
          </label>
          <label>
            {t('alloc.print.ownTitle')}{' '}
            <input type="text" size={30} maxLength={500} data-alloc-print="title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
        </>
      }
      printLabel={t('alloc.print.print')}
      printDisabled={busy || !laidOut}
      pdfDisabled={busy || !laidOut}
      onPrint={() => void print('print')}
      onPdf={() => void print('pdf')}
      onClose={onClose}
      notices={laidOut?.overflow && <div className="pd-preview-warn" role="status">{t('print.tooWide')}</div>}
    >
      {(zoom) => annex && settings && <PrintDocument annex={annex} settings={settings} zoom={zoom} onLaidOut={setLaidOut} />}
    </PreviewFrame>
  );
}
