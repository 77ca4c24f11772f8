// Native Excel charts for our xlsx writer: the DrawingML parts a chart needs — xl/charts/chartN.xml
// (a c:chartSpace with bar/column charts, clustered or stacked, line charts, and bar+line combos
// sharing one pair of axes), xl/drawings/drawingN.xml (one twoCellAnchor per chart, so a chart sits
// over a block of cells and moves with them) and the drawing's .rels. ExcelJS cannot write charts;
// a chart written here is an ordinary Excel chart the officer can restyle. Each series references a
// range of the workbook and carries its cached values, so Excel, LibreOffice and openpyxl show the
// figures before any recalculation. The worksheet's <drawing r:id>, its .rels entry and the content
// types are written by xlsx-writer.ts, which owns the package.
import { colLetter } from './text';
import { esc } from './xml-escape';

export const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const NS_DRAWING_MAIN = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const NS_SS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const DRAWING_REL_TYPE = `${REL}/drawing`;

export interface ChartSeries {
  /** The legend's name, and the cell it comes from (optional). */
  name: string;
  nameRef?: string;
  /** The range of values (`'Sheet'!$C$2:$C$9`) and their cached values (null: blank). */
  valRef: string;
  values: (number | null)[];
  /** In a bar/column chart, draw this series as a line over the bars (e.g. the plan as reference). */
  asLine?: boolean;
}

export interface ChartAnchor {
  /** 0-based top-left cell and the size in cells. */
  col: number;
  row: number;
  cols: number;
  rows: number;
}

export interface ChartSpec {
  /** bar: horizontal bars; column: vertical bars; line: a line per series. */
  kind: 'bar' | 'column' | 'line';
  stacked?: boolean;
  title: string;
  /** The categories' range and cached texts (one per value of each series). */
  catRef: string;
  categories: string[];
  series: ChartSeries[];
  catTitle?: string;
  valTitle?: string;
  /** Number format of the value axis ("#,##0", "0.0"); the reader's locale shows its separators. */
  valFormat?: string;
  anchor: ChartAnchor;
}

/** An absolute range reference on a sheet: rangeRef('Báo cáo', 1, 5, 1, 9) → 'Báo cáo'!$B$6:$B$10. */
export function rangeRef(sheet: string, col0: number, row0: number, col1 = col0, row1 = row0): string {
  const a = `$${colLetter(col0)}$${row0 + 1}`;
  const b = `$${colLetter(col1)}$${row1 + 1}`;
  return `'${sheet.replace(/'/g, "''")}'!${a}${a === b ? '' : ':' + b}`;
}

// Colours an officer can tell apart in print too (Excel restyles them on request).
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E'];

const rich = (text: string, bold: boolean, size: number) =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr>` +
  `<a:r><a:rPr lang="vi-VN" sz="${size * 100}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`;

const titleXml = (text: string, size: number) => `<c:title>${rich(text, true, size)}<c:overlay val="0"/></c:title>`;

function strCache(texts: string[]): string {
  return `<c:strCache><c:ptCount val="${texts.length}"/>${texts.map((s, i) => `<c:pt idx="${i}"><c:v>${esc(s)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: (number | null)[], format: string): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>${esc(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function seriesXml(spec: ChartSpec, s: ChartSeries, i: number, line: boolean): string {
  const colour = PALETTE[i % PALETTE.length];
  const tx = s.nameRef ? `<c:tx><c:strRef><c:f>${esc(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` : `<c:tx><c:v>${esc(s.name)}</c:v></c:tx>`;
  const sp = line
    ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr></c:marker>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
  // Element order is the schema's (CT_BarSer / CT_LineSer): idx, order, tx, spPr, marker|invertIfNegative, cat, val.
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}${sp}` +
    `<c:cat><c:strRef><c:f>${esc(spec.catRef)}</c:f>${strCache(spec.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(s.valRef)}</c:f>${numCache(s.values, spec.valFormat ?? 'General')}</c:numRef></c:val>` +
    (line ? '<c:smooth val="0"/>' : '') +
    '</c:ser>'
  );
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** xl/charts/chartN.xml for one chart. */
export function chartXml(spec: ChartSpec): string {
  if (spec.series.length === 0) throw new Error('a chart needs at least one series');
  for (const s of spec.series) {
    if (s.values.length !== spec.categories.length) throw new Error(`series "${s.name}" has ${s.values.length} values for ${spec.categories.length} categories`);
  }
  const axes = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const indexed = spec.series.map((s, i) => ({ s, i }));
  let groups = '';
  if (spec.kind === 'line') {
    groups += `<c:lineChart><c:grouping val="${spec.stacked ? 'stacked' : 'standard'}"/><c:varyColors val="0"/>${indexed.map(({ s, i }) => seriesXml(spec, s, i, true)).join('')}<c:marker val="1"/>${axes}</c:lineChart>`;
  } else {
    const bars = indexed.filter(({ s }) => !s.asLine);
    const lines = indexed.filter(({ s }) => s.asLine);
    if (bars.length) {
      groups +=
        `<c:barChart><c:barDir val="${spec.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="${spec.stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
        bars.map(({ s, i }) => seriesXml(spec, s, i, false)).join('') +
        `<c:gapWidth val="${spec.stacked ? 60 : 150}"/>${spec.stacked ? '<c:overlap val="100"/>' : ''}${axes}</c:barChart>`;
    }
    if (lines.length) {
      groups += `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.map(({ s, i }) => seriesXml(spec, s, i, true)).join('')}<c:marker val="1"/>${axes}</c:lineChart>`;
    }
  }
  // Horizontal bars put the categories on the left and the values along the bottom.
  const horizontal = spec.kind === 'bar';
  const axTitle = (t?: string) => (t ? titleXml(t, 10) : '');
  const txPr = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>';
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'l' : 'b'}"/>${axTitle(spec.catTitle)}<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="${horizontal ? 'low' : 'nextTo'}"/>${txPr}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>${axTitle(spec.valTitle)}<c:numFmt formatCode="${esc(spec.valFormat ?? 'General')}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr}<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING_MAIN}" xmlns:r="${NS_R}">` +
    '<c:lang val="vi-VN"/><c:roundedCorners val="0"/>' +
    `<c:chart>${titleXml(spec.title, 12)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${groups}${catAx}${valAx}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup orientation="landscape"/></c:printSettings>' +
    '</c:chartSpace>'
  );
}

/** xl/drawings/drawingN.xml: one anchored graphic frame per chart, chart k related as rIdC{k+1}. */
export function drawingXml(anchors: ChartAnchor[], names: string[]): string {
  const frames = anchors.map((a, k) => {
    const at = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(a.col, a.row)}</xdr:from><xdr:to>${at(a.col + a.cols, a.row + a.rows)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${esc(names[k] ?? `Chart ${k + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_R}" r:id="rIdC${k + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_SS_DRAWING}" xmlns:a="${NS_DRAWING_MAIN}">${frames.join('')}</xdr:wsDr>`;
}

/** xl/drawings/_rels/drawingN.xml.rels: rIdC{k+1} → ../charts/chart{chartNumbers[k]}.xml. */
export function drawingRelsXml(chartNumbers: number[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    chartNumbers.map((n, k) => `<Relationship Id="rIdC${k + 1}" Type="${REL}/chart" Target="../charts/chart${n}.xml"/>`).join('') +
    '</Relationships>'
  );
}
