// A compact form of an ImportResult for crossing from the import worker to the app: the lines'
// texts as one string, ids/parents/positions and the amounts as typed arrays moved (not copied)
// with postMessage. Structured-cloning 100.000 line objects and 400.000 amount objects costs more
// than half a second; this costs a few tens of milliseconds.
import type { Amount, Line } from '../../../shared/model';
import type { ImportResult } from './import';

export interface PackedResult {
  rest: Omit<ImportResult, 'data'> & { data: Omit<ImportResult['data'], 'lines' | 'amounts'> };
  texts: string;
  ids: Int32Array;
  parents: Int32Array;
  positions: Int32Array;
  flags: Uint8Array;
  /** JSON of allowedCapital for lines that have it: {index: [...]} */
  capital: string;
  amountLines: Int32Array;
  amountCols: Uint16Array;
  amountValues: Float64Array;
  columnKeys: string[];
}

const SEP = '\u0000';

export function packResult(r: ImportResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const { lines, amounts, ...data } = r.data;
  const n = lines.length;
  const ids = new Int32Array(n);
  const parents = new Int32Array(n);
  const positions = new Int32Array(n);
  const flags = new Uint8Array(n);
  const parts: string[] = [];
  const capital: Record<number, Line['allowedCapital']> = {};
  lines.forEach((l, i) => {
    ids[i] = l.id;
    parents[i] = l.parentId ?? -1;
    positions[i] = l.position;
    flags[i] = l.isAdjustment ? 1 : 0;
    if (l.allowedCapital !== null) capital[i] = l.allowedCapital;
    // Line texts never hold NUL (XML cannot carry it).
    parts.push(l.code, l.name, l.agency, l.note);
  });
  const columnKeys = [...new Set(amounts.map((a) => a.column))];
  const colIdx = new Map(columnKeys.map((k, i) => [k, i]));
  const amountLines = new Int32Array(amounts.length);
  const amountCols = new Uint16Array(amounts.length);
  const amountValues = new Float64Array(amounts.length);
  amounts.forEach((a, i) => {
    amountLines[i] = a.lineId;
    amountCols[i] = colIdx.get(a.column)!;
    amountValues[i] = a.value;
  });
  const packed: PackedResult = {
    rest: { report: r.report, data },
    texts: parts.join(SEP),
    ids,
    parents,
    positions,
    flags,
    capital: JSON.stringify(capital),
    amountLines,
    amountCols,
    amountValues,
    columnKeys,
  };
  return { packed, transfer: [ids.buffer, parents.buffer, positions.buffer, flags.buffer, amountLines.buffer, amountCols.buffer, amountValues.buffer] as ArrayBuffer[] };
}

export function unpackResult(p: PackedResult): ImportResult {
  const texts = p.texts.length ? p.texts.split(SEP) : [];
  const capital = JSON.parse(p.capital) as Record<number, Line['allowedCapital']>;
  const lines: Line[] = new Array(p.ids.length);
  for (let i = 0; i < p.ids.length; i++) {
    lines[i] = {
      id: p.ids[i],
      parentId: p.parents[i] < 0 ? null : p.parents[i],
      position: p.positions[i],
      code: texts[4 * i] ?? '',
      name: texts[4 * i + 1] ?? '',
      agency: texts[4 * i + 2] ?? '',
      note: texts[4 * i + 3] ?? '',
      allowedCapital: capital[i] ?? null,
      isAdjustment: p.flags[i] === 1,
    };
  }
  const amounts: Amount[] = new Array(p.amountLines.length);
  for (let i = 0; i < amounts.length; i++) amounts[i] = { lineId: p.amountLines[i], column: p.columnKeys[p.amountCols[i]], value: p.amountValues[i] };
  return { report: p.rest.report, data: { ...p.rest.data, lines, amounts } };
}
