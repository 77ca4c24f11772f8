// `#/print-report`: the execution report alone on its page, for Chromium to print to PDF (the CLI's
// `plandesk report --pdf`, and the window's Export PDF through the engine). The report's data —
// built by the engine from the plan (shared/print/execution-report.ts) — is handed to the page
// as `window.plandeskReport`, so the page needs no bridge: set before it loads, or with `?data=host`
// after (both printers — Electron's and the CLI's Chromium — set it once the page is up and fire
// `plandesk-report`). As the annex's print view
// does, it sets data-print-ready, data-page-count and data-shown on <html> once laid out, and with
// `?chunked=1` shows no page until `await plandeskPrint.show(from, to)`, so a long report prints a
// slice at a time in bounded memory.
import { useEffect, useMemo, useState } from 'react';
import type { Root } from 'react-dom/client';
import { sheetSize } from '../../../../shared/print/settings';
import { ReportPages, type ReportLaidOut, type ReportPrintData } from './ReportPages';
import '../../print/print.css';

declare global {
  interface Window {
    plandeskReport?: ReportPrintData;
  }
}

let pending: { key: string; resolve: () => void } | null = null;

export function mountReportPrintRoute(root: Root): void {
  root.render(<ReportPrintRoute />);
}

function ReportPrintRoute() {
  const chunked = useMemo(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('chunked') === '1', []);
  const hostData = useMemo(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('data') === 'host', []);
  const [range, setRange] = useState<[number, number] | undefined>(chunked ? [0, 0] : undefined);
  const [data, setData] = useState(() => window.plandeskReport);
  useEffect(() => {
    document.documentElement.classList.add('pd-print-route');
    // Handed over after this ran (the event) or before (read again: no moment is missed).
    const received = () => setData(window.plandeskReport);
    window.addEventListener('plandesk-report', received);
    received();
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
    return () => window.removeEventListener('plandesk-report', received);
  }, []);
  if (!data) return hostData ? null : <div role="alert" className="pd-load-error">No report data</div>;
  const sheet = sheetSize(data.settings);
  const onLaidOut = (info: ReportLaidOut) => {
    // Chart pages are SVG already in the DOM; table pages are measured and fonts loaded.
    requestAnimationFrame(() => {
      const html = document.documentElement;
      html.dataset.pageCount = String(info.pages);
      html.dataset.shown = info.shown.join('-');
      html.dataset.printReady = '1';
      if (pending?.key === html.dataset.shown) {
        pending.resolve();
        pending = null;
      }
    });
  };
  return (
    <>
      <style>{`@page { size: ${sheet.width}mm ${sheet.height}mm; margin: 0; }`}</style>
      <ReportPages data={data} pages={range} onLaidOut={onLaidOut} />
    </>
  );
}
