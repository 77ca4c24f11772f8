// The annex laid out as sheets of paper: the same DOM is shown by the print preview and printed by
// Chromium (Electron's print/printToPDF, page.pdf in tests). We paginate ourselves: every row is
// measured in its final font and column widths, then the rows are cut into pages
// (shared/print/paginate), so page numbers (NĐ 30/2020: "2" centred at the top, none on page 1), the repeated header, whole rows per page
// and a signature block kept with the last rows hold by construction — and the preview knows the
// page count. Rows are measured a batch at a time and, for long annexes, the sheets can be shown a
// range at a time (`pages`), so memory stays bounded however long the plan is.
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Annex, AnnexRow } from '../../../shared/print/annex';
import { layoutColumns, type ColumnLayout } from '../../../shared/print/layout';
import { paginate, type PageSlice } from '../../../shared/print/paginate';
import { contentBox, sheetSize, type PrintSettings } from '../../../shared/print/settings';
import { loadPrintFonts, PRINT_FONT_FAMILY } from './fonts';
import { measureRowsHtml, rowsHtml } from './rows-html';
import './print.css';

const PX_PER_MM = 96 / 25.4;
/** Kept free at the foot of every page: screen and print layout may differ by a fraction of a pixel. */
const SLACK_MM = 1;
/** Rows laid out at once while measuring (row heights do not depend on other rows). */
const MEASURE_BATCH = 1000;

export interface LaidOut {
  pages: number;
  fontPt: number;
  overflow: boolean;
  /** The sheets now in the DOM: [from, to) — all of them unless a range was asked for. */
  shown: [number, number];
}

interface Props {
  annex: Annex;
  settings: PrintSettings;
  /** Preview zoom (1 = actual size). Applied to the sheets only, never to what is measured. */
  zoom?: number;
  /** Show only sheets [from, to) (0-based); all when omitted. */
  pages?: [number, number];
  /** Called once the sheets asked for are in the DOM (after every change of inputs or range). */
  onLaidOut?: (info: LaidOut) => void;
}

export function PrintDocument({ annex, settings, zoom = 1, pages, onLaidOut }: Props) {
  const [fontsReady, setFontsReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadPrintFonts().then(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, []);

  const content = contentBox(settings);
  const layout = useMemo(
    () => layoutColumns(annex.columns, content.width, settings.fontSize, settings.fitWidth),
    [annex.columns, content.width, settings.fontSize, settings.fitWidth],
  );
  // Pages belong to the inputs they were measured for; new inputs measure again.
  const inputs = useMemo(() => ({ annex, settings, layout }), [annex, settings, layout]);
  const [paged, setPaged] = useState<{ inputs: unknown; slices: PageSlice[] } | null>(null);
  const slices = paged && paged.inputs === inputs ? paged.slices : null;
  const measureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!fontsReady || slices || !measureRef.current) return;
    let live = true;
    void measure(measureRef.current, annex, () => live).then((m) => {
      if (m && live) setPaged({ inputs, slices: paginate({ ...m, pageHeight: (content.height - SLACK_MM) * PX_PER_MM }) });
    });
    return () => {
      live = false;
    };
  }, [fontsReady, slices, inputs, annex, content.height]);

  const from = slices ? Math.max(0, Math.min(pages?.[0] ?? 0, slices.length)) : 0;
  const to = slices ? Math.max(from, Math.min(pages?.[1] ?? slices.length, slices.length)) : 0;
  const laidOut = useRef(onLaidOut);
  laidOut.current = onLaidOut;
  useEffect(() => {
    if (slices) laidOut.current?.({ pages: slices.length, fontPt: layout.fontPt, overflow: layout.overflow, shown: [from, to] });
  }, [slices, layout, from, to]);

  const style = { '--pd-print-font': `${layout.fontPt}pt`, fontFamily: `'${PRINT_FONT_FAMILY}', 'Times New Roman', Tinos, serif` } as CSSProperties;
  return (
    <div className="pd-print-doc" style={style} data-pages={slices?.length ?? 0}>
      {fontsReady && !slices && (
        <div ref={measureRef} className="pd-print-measure" style={{ width: `${content.width}mm` }}>
          <TitleBlock annex={annex} />
          <AnnexTable annex={annex} layout={layout} rows={[]} />
          <MeasureTable annex={annex} layout={layout} />
          {annex.signature && <SignatureBlock sig={annex.signature} />}
        </div>
      )}
      {slices && (
        <div className="pd-print-pages" style={{ zoom }}>
          {slices.slice(from, to).map((p, i) => (
            <Sheet key={from + i} annex={annex} settings={settings} layout={layout} slice={p} page={from + i + 1} />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * Heights (px) of the title block, the header, each body row and the signature, in final layout:
 * the header from a header-only table, the rows from a table of their wrapping cells, filled a
 * batch at a time (yielding between batches, so what was measured can be freed).
 */
async function measure(root: HTMLElement, annex: Annex, live: () => boolean) {
  const [headTable, rowsTable] = Array.from(root.querySelectorAll('table'));
  const title = root.querySelector('.pd-annex-head')!.getBoundingClientRect().height;
  const signature = root.querySelector('.pd-sign')?.getBoundingClientRect().height ?? 0;
  const header = headTable.getBoundingClientRect().height;
  const kinds = annex.columns.map((c) => c.kind);
  const body = rowsTable.tBodies[0];
  const rowHeights: number[] = [];
  for (let start = 0; start < annex.rows.length; start += MEASURE_BATCH) {
    if (start > 0) await new Promise((r) => setTimeout(r, 0));
    if (!live()) return null;
    body.innerHTML = measureRowsHtml(annex.rows.slice(start, start + MEASURE_BATCH), kinds);
    const tops = Array.from(body.rows, (r) => r.getBoundingClientRect().top);
    const bottom = body.getBoundingClientRect().bottom;
    tops.forEach((top, i) => rowHeights.push((i + 1 < tops.length ? tops[i + 1] : bottom) - top));
  }
  body.innerHTML = '';
  return { titleHeight: title, headerHeight: header, rowHeights, signatureHeight: signature };
}

/** The rows' wrapping cells at their printed widths, and one figure cell (figures never wrap). */
function MeasureTable({ annex, layout }: { annex: Annex; layout: ColumnLayout }) {
  const kinds = annex.columns.map((c) => c.kind);
  const amounts = layout.widthsMm.filter((_, i) => kinds[i] === 'amount');
  const widths = [...layout.widthsMm.filter((_, i) => kinds[i] !== 'amount'), amounts.length ? Math.min(...amounts) : 20];
  return (
    <table className="pd-annex-table" style={{ width: `${widths.reduce((a, b) => a + b, 0)}mm` }}>
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: `${w}mm` }} />
        ))}
      </colgroup>
      <tbody />
    </table>
  );
}

function Sheet({ annex, settings, layout, slice, page }: {
  annex: Annex; settings: PrintSettings; layout: ColumnLayout; slice: PageSlice; page: number;
}) {
  const sheet = sheetSize(settings);
  const m = settings.margins;
  const rows = useMemo(() => annex.rows.slice(slice.start, slice.end), [annex.rows, slice.start, slice.end]);
  return (
    <section
      className="pd-sheet"
      data-page={page}
      style={{
        width: `${sheet.width}mm`,
        height: `${sheet.height}mm`,
        containIntrinsicSize: `${sheet.width}mm ${sheet.height}mm`,
        padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
      }}
    >
      {/* Nghị định 30/2020: Arabic numerals centred in the top margin, none on the first page;
          each annex is its own document, so its pages count from 1. */}
      {page > 1 && (
        <div className="pd-page-no" style={{ top: `${Math.max(3, m.top / 2 - 2.5)}mm` }}>
          {page}
        </div>
      )}
      {slice.title && <TitleBlock annex={annex} />}
      {rows.length > 0 && <AnnexTable annex={annex} layout={layout} rows={rows} />}
      {slice.signature && annex.signature && <SignatureBlock sig={annex.signature} />}
    </section>
  );
}

function TitleBlock({ annex }: { annex: Annex }) {
  return (
    <div className="pd-annex-head">
      <div className="pd-annex-no">{annex.annexLabel}</div>
      <div className="pd-annex-title">{annex.title}</div>
      <div className="pd-annex-attached">{annex.attached}</div>
      <div className="pd-annex-unit">{annex.unitLabel}</div>
    </div>
  );
}

function AnnexTable({ annex, layout, rows }: { annex: Annex; layout: ColumnLayout; rows: AnnexRow[] }) {
  const width = layout.widthsMm.reduce((a, b) => a + b, 0);
  return (
    <table className="pd-annex-table" style={{ width: `${width}mm` }}>
      <colgroup>
        {layout.widthsMm.map((w, i) => (
          <col key={i} style={{ width: `${w}mm` }} />
        ))}
      </colgroup>
      <thead>
        {annex.header.map((cells, r) => (
          <tr key={r}>
            {cells.map((c, i) => (
              <th key={i} colSpan={c.colSpan} rowSpan={c.rowSpan}>
                {c.label}
              </th>
            ))}
          </tr>
        ))}
        <tr className="pd-numrow">
          {annex.numbers.map((n, i) => (
            <th key={i}>{n}</th>
          ))}
        </tr>
      </thead>
      <tbody dangerouslySetInnerHTML={{ __html: rowsHtml(rows, annex.columns.map((c) => c.kind)) }} />
    </table>
  );
}

function SignatureBlock({ sig }: { sig: NonNullable<Annex['signature']> }) {
  return (
    <div className="pd-sign">
      {sig.recipients.length > 0 && (
        <div className="pd-sign-to">
          <div className="pd-sign-to-title">{sig.recipients[0]}</div>
          {sig.recipients.slice(1).map((r, i) => (
            <div key={i}>{r}</div>
          ))}
        </div>
      )}
      <div className="pd-sign-block">
        <div className="pd-sign-title">{sig.preparedTitle}</div>
        <div className="pd-sign-space" />
        <div className="pd-sign-name">{sig.preparedName}</div>
      </div>
      <div className="pd-sign-block">
        {sig.placeDate && <div className="pd-sign-date">{sig.placeDate}</div>}
        {sig.authority.map((line, i) => (
          <div key={i} className="pd-sign-title">{line}</div>
        ))}
        <div className="pd-sign-space" />
        <div className="pd-sign-name">{sig.signer}</div>
      </div>
    </div>
  );
}
