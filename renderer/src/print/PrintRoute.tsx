// The print view (`#/print`): the open cycle's annex with its saved print settings, alone on the
// page, sized by @page for the paper chosen. Electron loads it in a hidden window and prints it;
// in browser mode Chromium's page.pdf() prints it. When fonts are loaded and every page is laid
// out, <html> gets data-print-ready="1" and data-page-count: printers wait for that.
import { useEffect, useMemo, useState } from 'react';
import type { Root } from 'react-dom/client';
import type { PlanDeskBridge, Snapshot } from '../../../shared/ipc';
import { buildAnnex } from '../../../shared/print/annex';
import { readPrintSettings, sheetSize, type PrintSettings } from '../../../shared/print/settings';
import { t } from '../../../shared/i18n';
import { BridgeFailure } from '../bridge';
import { PrintDocument, type LaidOut } from './PrintDocument';

/** Options of the route, after `#/print`: `?print=1` opens the print dialog once laid out. */
function routeOptions(): { autoPrint: boolean } {
  const q = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  return { autoPrint: q.get('print') === '1' };
}

export function mountPrintRoute(root: Root, bridge: PlanDeskBridge): void {
  root.render(<PrintRoute bridge={bridge} />);
}

function PrintRoute({ bridge }: { bridge: PlanDeskBridge }) {
  const [data, setData] = useState<{ snap: Snapshot; settings: PrintSettings } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.documentElement.classList.add('pd-print-route');
    Promise.all([bridge.invoke('cycle/snapshot', {}), bridge.invoke('settings/get', { key: 'print' })])
      .then(([snap, stored]) => setData({ snap, settings: readPrintSettings(stored.value) }))
      .catch((e) => setError(e instanceof BridgeFailure ? t('vi', e.error.code, e.error.params) : String(e)));
  }, [bridge]);

  const annex = useMemo(() => (data ? buildAnnex(data.snap, data.settings) : null), [data]);
  if (error) return <div role="alert" className="pd-load-error">{error}</div>;
  if (!data || !annex) return null;
  const sheet = sheetSize(data.settings);
  const onLaidOut = (info: LaidOut) => {
    const html = document.documentElement;
    html.dataset.pageCount = String(info.pages);
    html.dataset.fontPt = String(info.fontPt);
    // Two frames: the laid-out pages are painted before anyone prints them.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        html.dataset.printReady = '1';
        if (routeOptions().autoPrint) window.print();
      }),
    );
  };
  return (
    <>
      <style>{`@page { size: ${sheet.width}mm ${sheet.height}mm; margin: 0; }`}</style>
      <PrintDocument annex={annex} settings={data.settings} onLaidOut={onLaidOut} />
    </>
  );
}
