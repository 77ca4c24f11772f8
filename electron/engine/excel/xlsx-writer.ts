// A lean xlsx writer: the parts of SpreadsheetML an annex needs (styles, inline strings, formulas
// with cached results, merges, column widths, frozen panes, print setup, print titles, footer,
// cell notes, a very hidden sheet), written straight to XML text and deflated as rows are produced.
// ExcelJS's streaming writer needs ~8 s for a 100.000-line annex; this needs well under 2 s.
import { ImportError } from './errors';
import { ZipWriter } from './zip-writer';
import { colLetter } from './text';
import { CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE, DRAWING_REL_TYPE, chartXml, drawingRelsXml, drawingXml, type ChartSpec } from './chart-parts';
import { esc } from './xml-escape';

/** Excel's limit on the characters of one cell: a longer one makes Excel "repair" the file. */
export const EXCEL_CELL_MAX = 32_767;

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  h?: 'left' | 'center' | 'right';
  v?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  indent?: number;
  border?: boolean;
  numFmt?: string;
}

/** Deduplicating registry of cell formats (cellXfs); id 0 is the default font. */
export class StyleRegistry {
  private readonly specs: StyleSpec[] = [{}];
  private readonly ids = new Map<string, number>([['{}', 0]]);
  constructor(readonly fontName = 'Times New Roman', readonly fontSize = 12) {}

  id(spec: StyleSpec): number {
    const key = JSON.stringify(spec);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.specs.length;
      this.specs.push(spec);
      this.ids.set(key, id);
    }
    return id;
  }

  xml(): string {
    const numFmts = new Map<string, number>();
    const fonts = new Map<string, number>();
    const fontXml: string[] = [];
    const fontId = (s: StyleSpec) => {
      const k = `${s.bold ? 1 : 0}${s.italic ? 1 : 0}${s.size ?? this.fontSize}`;
      let id = fonts.get(k);
      if (id === undefined) {
        id = fontXml.length;
        fonts.set(k, id);
        fontXml.push(`<font>${s.bold ? '<b/>' : ''}${s.italic ? '<i/>' : ''}<sz val="${s.size ?? this.fontSize}"/><name val="${esc(this.fontName)}"/><family val="1"/><charset val="163"/></font>`);
      }
      return id;
    };
    fontId({});
    const xfs = this.specs.map((s) => {
      let fmt = 0;
      if (s.numFmt) {
        fmt = numFmts.get(s.numFmt) ?? 164 + numFmts.size;
        numFmts.set(s.numFmt, fmt);
      }
      const align =
        s.h || s.v || s.wrap || s.indent
          ? `<alignment${s.h ? ` horizontal="${s.h}"` : ''}${s.v ? ` vertical="${s.v}"` : ''}${s.wrap ? ' wrapText="1"' : ''}${s.indent ? ` indent="${s.indent}"` : ''}/>`
          : '';
      return `<xf numFmtId="${fmt}" fontId="${fontId(s)}" fillId="0" borderId="${s.border ? 1 : 0}" xfId="0"${fmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${s.border ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1">' + align + '</xf>' : '/>'}`;
    });
    const nf = [...numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('');
    const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
      (nf ? `<numFmts count="${numFmts.size}">${nf}</numFmts>` : '') +
      `<fonts count="${fontXml.length}">${fontXml.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

/** A cell: text (inline string), a number as exact decimal text, or a formula with its cached result. */
export type WCell =
  | { t: 's'; v: string; s: number }
  | { t: 'n'; v: string; s: number }
  | { t: 'f'; f: string; v: string; s: number; /** The cached result is text (e.g. "" from IF). */ str?: boolean }
  | { t: 'blank'; s: number };

export interface PageSetup {
  landscape: boolean;
  /** Margins in millimetres. */
  margins: { left: number; right: number; top: number; bottom: number };
  footer?: string;
  /** Page header text (e.g. "&C&P"); with `headerNotOnFirst`, the first page has none (NĐ 30/2020). */
  header?: string;
  headerNotOnFirst?: boolean;
  /** 1-based first and last rows repeated on every printed page. */
  printTitles?: [number, number];
}

export interface SheetSpec {
  name: string;
  state?: 'visible' | 'veryHidden';
  widths?: number[];
  freeze?: { rows: number; cols: number };
  page?: PageSetup;
  /** Merged ranges ("A1:C1"); may grow while rows are produced. */
  merges: string[];
  /** Cell notes; may grow while rows are produced. */
  notes: { ref: string; text: string }[];
  /** Native charts drawn over this sheet (chart-parts.ts), each referencing ranges of the workbook. */
  charts?: ChartSpec[];
  /** Emit rows in order; each row is an array of cells by 0-based column (holes allowed). */
  rows: (emit: (cells: (WCell | undefined)[], height?: number) => void | Promise<void>) => Promise<void>;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const mmToIn = (mm: number) => (mm / 25.4).toFixed(3);

export async function writeWorkbook(file: string, sheets: SheetSpec[], styles: StyleRegistry): Promise<void> {
  const zip = new ZipWriter(file);
  try {
    const overrides: string[] = [];
    const definedNames: string[] = [];
    let commentParts = 0;
    let drawingParts = 0;
    let chartParts = 0;
    for (let i = 0; i < sheets.length; i++) {
      const sh = sheets[i];
      const letters: string[] = [];
      const L = (c: number) => (letters[c] ??= colLetter(c));
      let rowNo = 0;
      await zip.addStream(`xl/worksheets/sheet${i + 1}.xml`, async (write) => {
        let head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
        if (sh.page) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
        head += `<sheetViews><sheetView workbookViewId="0"${i === 0 ? ' tabSelected="1"' : ''}>`;
        if (sh.freeze && (sh.freeze.rows || sh.freeze.cols)) {
          const { rows, cols } = sh.freeze;
          head += `<pane${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''} topLeftCell="${L(cols)}${rows + 1}" activePane="${rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight'}" state="frozen"/>`;
        }
        head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15.75"/>';
        if (sh.widths?.length) {
          head += '<cols>' + sh.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w.toFixed(2)}" customWidth="1"/>`).join('') + '</cols>';
        }
        await write(head + '<sheetData>');
        await sh.rows(async (cells, height) => {
          rowNo++;
          // Wrapped text needs its height written: Excel and LibreOffice do not refit rows on open.
          let x = height ? `<row r="${rowNo}" ht="${height.toFixed(2)}" customHeight="1">` : `<row r="${rowNo}">`;
          for (let c = 0; c < cells.length; c++) {
            const cell = cells[c];
            if (!cell) continue;
            const ref = L(c) + rowNo;
            switch (cell.t) {
              case 's':
                // Never a cell Excel cannot hold: refused, naming it, rather than cut without a word.
                if (cell.v.length > EXCEL_CELL_MAX) throw new ImportError('excel.error.cell_too_long', { cell: `${sh.name}!${ref}`, length: cell.v.length, max: EXCEL_CELL_MAX });
                x += `<c r="${ref}" s="${cell.s}" t="inlineStr"><is><t xml:space="preserve">${esc(cell.v)}</t></is></c>`;
                break;
              case 'n':
                x += `<c r="${ref}" s="${cell.s}"><v>${cell.v}</v></c>`;
                break;
              case 'f':
                x += cell.str
                  ? `<c r="${ref}" s="${cell.s}" t="str"><f>${esc(cell.f)}</f><v>${esc(cell.v)}</v></c>`
                  : `<c r="${ref}" s="${cell.s}"><f>${esc(cell.f)}</f><v>${cell.v}</v></c>`;
                break;
              default:
                x += `<c r="${ref}" s="${cell.s}"/>`;
            }
          }
          await write(x + '</row>');
        });
        let tail = '</sheetData>';
        if (sh.merges.length) tail += `<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
        if (sh.page) {
          const m = sh.page.margins;
          tail += `<pageMargins left="${mmToIn(m.left)}" right="${mmToIn(m.right)}" top="${mmToIn(m.top)}" bottom="${mmToIn(m.bottom)}" header="0.3" footer="0.3"/>`;
          tail += `<pageSetup paperSize="9" orientation="${sh.page.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`;
          const hf = (sh.page.header ? `<oddHeader>${esc(sh.page.header)}</oddHeader>` : '') + (sh.page.footer ? `<oddFooter>${esc(sh.page.footer)}</oddFooter>` : '');
          // differentFirst with an empty firstHeader: no page number on the first page.
          const first = sh.page.header && sh.page.headerNotOnFirst ? ' differentFirst="1"' : '';
          if (hf) tail += `<headerFooter${first}>${hf}${first ? '<firstHeader></firstHeader>' : ''}</headerFooter>`;
          if (sh.page.printTitles) {
            const [a, b] = sh.page.printTitles;
            definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${esc(sh.name.replace(/'/g, "''"))}'!$${a}:$${b}</definedName>`);
          }
        }
        // The schema's order: drawing before legacyDrawing (the notes' VML).
        const charts = sh.charts ?? [];
        if (charts.length) tail += '<drawing r:id="rIdDr"/>';
        if (sh.notes.length) tail += '<legacyDrawing r:id="rIdVml"/>';
        await write(tail + '</worksheet>');
      });
      const sheetRels: string[] = [];
      const charts = sh.charts ?? [];
      if (charts.length) {
        drawingParts++;
        const d = drawingParts;
        const numbers = charts.map(() => ++chartParts);
        charts.forEach((c, k) => {
          zip.add(`xl/charts/chart${numbers[k]}.xml`, chartXml(c));
          overrides.push(`<Override PartName="/xl/charts/chart${numbers[k]}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`);
        });
        zip.add(`xl/drawings/drawing${d}.xml`, drawingXml(charts.map((c) => c.anchor), charts.map((c) => c.title)));
        zip.add(`xl/drawings/_rels/drawing${d}.xml.rels`, drawingRelsXml(numbers));
        overrides.push(`<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>`);
        sheetRels.push(`<Relationship Id="rIdDr" Type="${DRAWING_REL_TYPE}" Target="../drawings/drawing${d}.xml"/>`);
      }
      if (sh.notes.length) {
        commentParts++;
        const n = commentParts;
        sheetRels.push(
          `<Relationship Id="rIdCm" Type="${REL}/comments" Target="../comments${n}.xml"/>` +
            `<Relationship Id="rIdVml" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing${n}.vml"/>`,
        );
        zip.add(`xl/comments${n}.xml`, commentsXml(sh.notes));
        zip.add(`xl/drawings/vmlDrawing${n}.vml`, vmlXml(sh.notes, n));
        overrides.push(`<Override PartName="/xl/comments${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`);
      }
      if (sheetRels.length) {
        zip.add(
          `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join('')}</Relationships>`,
        );
      }
      overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    }
    zip.add('xl/styles.xml', styles.xml());
    zip.add(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state === 'veryHidden' ? ' state="veryHidden"' : ''} r:id="rId${i + 1}"/>`).join('') +
        `</sheets>${definedNames.length ? `<definedNames>${definedNames.join('')}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`,
    );
    zip.add(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rIdSt" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    zip.add(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    zip.add(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        overrides.join('') +
        '</Types>',
    );
    zip.close();
  } catch (e) {
    zip.abort();
    throw e;
  }
}

function commentsXml(notes: { ref: string; text: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors><author>PlanDesk</author></authors><commentList>` +
    notes.map((n) => `<comment ref="${n.ref}" authorId="0"><text><r><t xml:space="preserve">${esc(n.text)}</t></r></text></comment>`).join('') +
    '</commentList></comments>'
  );
}

function vmlXml(notes: { ref: string; text: string }[], part: number): string {
  const shapes = notes.map((n, i) => {
    const m = /^([A-Z]+)(\d+)$/.exec(n.ref)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    col -= 1;
    const row = Number(m[2]) - 1;
    return (
      `<v:shape id="_x0000_s${part * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:220pt;height:70pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${part}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join('') +
    '</xml>'
  );
}
