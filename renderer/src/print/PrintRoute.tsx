// The print view (`#/print`): the open cycle's annex with its saved print settings, alone on the
// page, sized by @page for the paper chosen. Electron loads it in a hidden window and prints it;
// in browser mode Chromium's page.pdf() prints it. When fonts are loaded and the sheets are laid
// out, <html> gets data-print-ready="1", data-page-count and data-shown ("from-to"): printers wait
// for that. `#/print?chunked=1` shows no sheet until asked — `await plandeskPrint.show(from, to)`
// — so a long annex can be printed a slice at a time in bounded memory (shared/print/pdf-chunks).
// `#/print?annex=allocation&column=KEY` prints the allocation annex of one funding column instead
// (units as rows, the plan's lines as columns: shared/print/allocation-annex), with the same settings.
import { useEffect, useMemo, useState } from 'react';
import type { Root } from 'react-dom/client';
import type { PlanDeskBridge } from '../../../shared/ipc';
import { buildAnnex, type Annex, type AnnexSource } from '../../../shared/print/annex';
import { readPrintSettings, sheetSize, type PrintSettings } from '../../../shared/print/settings';
import { t, tStored } from '../../../shared/i18n';
import { BridgeFailure } from '../bridge';
import { buildAllocationAnnex } from '../../../shared/print/allocation-annex';
import { consolidatedAnnexSource, consolidatedTitle, mergedFigures } from '../../../shared/print/consolidated-annex';
import { AllocationData } from '../features/units/alloc-data';
import { allocationAnnexSource } from '../features/units/annex-source';
import { PrintDocument, type LaidOut } from './PrintDocument';

declare global {
  interface Window {
    /** Present in the print view: show sheets [from, to) only (chunked printing); resolves when laid out. */
    plandeskPrint?: { show: (from: number, to: number) => Promise<void> };
  }
}

/** A show() waiting for its sheets. */
let pending: { key: string; resolve: () => void } | null = null;

interface RouteOptions {
  autoPrint: boolean;
  chunked: boolean;
  /** `annex=allocation&column=KEY[&number=II][&title=…]`: the allocation annex of one funding column (issue 14). */
  allocation: { column: string; annexNumber: string; title: string; consolidated: boolean } | null;
}

/** Options after `#/print?`: `print=1` opens the print dialog once laid out; `chunked=1` (see above). */
function routeOptions(): RouteOptions {
  const q = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const column = q.get('column');
  return {
    autoPrint: q.get('print') === '1',
    chunked: q.get('chunked') === '1',
    allocation: q.get('annex') === 'allocation' && column ? { column, annexNumber: q.get('number') ?? '', title: q.get('title') ?? '', consolidated: q.get('consolidated') === '1' } : null,
  };
}

/** The allocation annex of one funding column: the units and their shares read as the allocation view reads them. */
async function allocationAnnex(bridge: PlanDeskBridge, plan: AnnexSource, settings: PrintSettings, opts: NonNullable<RouteOptions['allocation']>): Promise<Annex> {
  const data = new AllocationData();
  await data.load(bridge, { kind: 'column', column: opts.column });
  const src = allocationAnnexSource(plan.meta, plan.columns, plan.rows, data, opts.column);
  if (opts.consolidated) {
    // Tổng hợp theo đơn vị (issue 16): the merged units' figures, the shares of the others.
    const merged = mergedFigures((await bridge.invoke('consolidation/figures', { column: opts.column })).units);
    return buildAllocationAnnex(consolidatedAnnexSource(src, merged), settings, { annexNumber: opts.annexNumber, title: opts.title || consolidatedTitle(plan.meta, src.columnLabel) });
  }
  return buildAllocationAnnex(src, settings, { annexNumber: opts.annexNumber, title: opts.title });
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
      .then(async ([plan, stored]) => {
        // Keep only the annex: the plan's rows are not needed once it is built.
        const settings = readPrintSettings(stored.value);
        const annex = options.allocation ? await allocationAnnex(bridge, plan, settings, options.allocation) : buildAnnex(plan, settings);
        setData({ annex, settings });
      })
      .catch((e) => setError(e instanceof BridgeFailure ? tStored('vi', e.error.code, e.error.params) : String(e)));
  }, [bridge, options]);

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
