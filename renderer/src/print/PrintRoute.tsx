// The print view (`#/print`): the open cycle's annex with its saved print settings, alone on the
// page, sized by @page for the paper chosen. Electron loads it in a hidden window and prints it;
// in browser mode Chromium's page.pdf() prints it. When fonts are loaded and the sheets are laid
// out, <html> gets data-print-ready="1", data-page-count and data-shown ("from-to"): printers wait
// for that. `#/print?chunked=1` shows no sheet until asked — `await plandeskPrint.show(from, to)`
// — so a long annex can be printed a slice at a time in bounded memory (shared/print/pdf-chunks).
import { useEffect, useMemo, useState } from 'react';
import type { Root } from 'react-dom/client';
import type { PlanDeskBridge } from '../../../shared/ipc';
import { buildAnnex, type Annex, type AnnexSource } from '../../../shared/print/annex';
import { readPrintSettings, sheetSize, type PrintSettings } from '../../../shared/print/settings';
import { t, tStored } from '../../../shared/i18n';
import { BridgeFailure } from '../bridge';
import { PrintDocument, type LaidOut } from './PrintDocument';

declare global {
  interface Window {
    /** Present in the print view: show sheets [from, to) only (chunked printing); resolves when laid out. */
    plandeskPrint?: { show: (from: number, to: number) => Promise<void> };
  }
}

/** A show() waiting for its sheets. */
let pending: { key: string; resolve: () => void } | null = null;

/** Options after `#/print?`: `print=1` opens the print dialog once laid out; `chunked=1` (see above). */
function routeOptions(): { autoPrint: boolean; chunked: boolean } {
  const q = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  return { autoPrint: q.get('print') === '1', chunked: q.get('chunked') === '1' };
}

/** The plan's lines, figures and totals — without its findings, which an annex does not print. */
async function loadPlan(bridge: PlanDeskBridge): Promise<AnnexSource> {
  const head = await bridge.invoke('cycle/snapshot', { firstRows: 1 });
  const rows = head.rows.slice();
  while (rows.length < head.rowCount) {
    const next = (await bridge.invoke('cycle/rows', { from: rows.length, count: 100_000 })).rows;
    if (next.length === 0) break;
    for (const r of next) rows.push(r);
  }
  return { meta: head.meta, columns: head.columns, rows, totals: head.totals };
}

export function mountPrintRoute(root: Root, bridge: PlanDeskBridge): void {
  root.render(<PrintRoute bridge={bridge} />);
}

function PrintRoute({ bridge }: { bridge: PlanDeskBridge }) {
  const options = useMemo(routeOptions, []);
  const [data, setData] = useState<{ annex: Annex; settings: PrintSettings } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [range, setRange] = useState<[number, number] | undefined>(options.chunked ? [0, 0] : undefined);

  useEffect(() => {
    document.documentElement.classList.add('pd-print-route');
    window.plandeskPrint = {
      show: (from, to) => {
        const html = document.documentElement;
        if (html.dataset.printReady === '1' && html.dataset.shown === `${from}-${to}`) return Promise.resolve();
        html.dataset.printReady = '0';
        return new Promise<void>((resolve) => {
          pending = { key: `${from}-${to}`, resolve };
          setRange([from, to]);
        });
      },
    };
    Promise.all([loadPlan(bridge), bridge.invoke('settings/get', { key: 'print' })])
      .then(([plan, stored]) => {
        // Keep only the annex: the plan's rows are not needed once it is built.
        const settings = readPrintSettings(stored.value);
        setData({ annex: buildAnnex(plan, settings), settings });
      })
      .catch((e) => setError(e instanceof BridgeFailure ? tStored('vi', e.error.code, e.error.params) : String(e)));
  }, [bridge]);

  if (error) return <div role="alert" className="pd-load-error">{error}</div>;
  if (!data) return null;
  const sheet = sheetSize(data.settings);
  const onLaidOut = (info: LaidOut) => {
    // The sheets are in the DOM with their fonts loaded: printing lays them out itself.
    const html = document.documentElement;
    html.dataset.pageCount = String(info.pages);
    html.dataset.fontPt = String(info.fontPt);
    html.dataset.shown = info.shown.join('-');
    html.dataset.printReady = '1';
    if (pending?.key === html.dataset.shown) {
      pending.resolve();
      pending = null;
    }
    if (options.autoPrint) requestAnimationFrame(() => window.print());
  };
  return (
    <>
      <style>{`@page { size: ${sheet.width}mm ${sheet.height}mm; margin: 0; }`}</style>
      <PrintDocument annex={data.annex} settings={data.settings} pages={range} onLaidOut={onLaidOut} />
    </>
  );
}
