// The annex as an .xlsx: the same layout as the printed annex (shared/print/annex.ts annexLayout —
// "Phụ lục I", TITLE IN CAPITALS, "(Kèm theo … số … ngày dd/mm/yyyy của …)", "Đơn vị tính: …", the
// merged header with the full column names, "Cơ quan chủ trì" right after "Nội dung", the column
// numbers "(1) (2) (3) (4)=(5)+(8)+(11)", the signature block), a bold TỔNG CỘNG row, bold parent
// rows, indented names — Times New Roman, thin borders, A4 landscape fitted to one page wide,
// header rows repeated on every page, the page number centred at the top from page 2, and row
// heights that fit wrapped names. Every column is written (hidden print columns are a matter of
// paper; the file carries the data).
//
// Figures are written in the display unit as exact decimals (đồng / 10^6 for triệu). Every total
// position is a live FORMULA with its cached result, so Excel shows the right numbers before any
// recalculation. A stated total the user kept:
//   • equal to the computed value → the formula, and the stated figure in the hidden _PlanDesk sheet;
//   • different → the stated figure as a plain number with a cell note giving both figures,
// so import(export(plan)) gives back the same stated values (see planmeta.ts).
import { ColumnTree } from '../../../shared/columns';
import type { PlanCalc } from '../../../shared/calc';
import type { CycleMeta, DisplayUnit, Dong, FundingColumn, RuleParams } from '../../../shared/model';
import { DEFAULT_RULES, UNIT_DONG } from '../../../shared/model';
import { formatAmount } from '../../../shared/number';
import { t } from '../../../shared/i18n';
import { annexLayout, placeHeader } from '../../../shared/print/annex';
import { wrappedLines } from '../../../shared/print/text-width';
import { META_SHEET, metaSheetRows, type AnnexMeta } from './planmeta';
import { colLetter, fold } from './text';
import { StyleRegistry, type SheetSpec, type StyleSpec, type WCell } from './xlsx-writer';

export interface AnnexInput {
  meta: CycleMeta;
  columns: FundingColumn[];
  calc: PlanCalc;
  rules?: RuleParams;
  /** The annex's own title from the print settings (blank: built from the cycle), as printed. */
  title?: string;
}

/** Exact decimal text of đồng in a unit: 99_654_500_000 đồng in triệu → "99654.5". */
export function dongToDecimal(dong: Dong, unit: DisplayUnit): string {
  const f = UNIT_DONG[unit];
  const abs = Math.abs(Math.round(dong));
  const places = String(f).length - 1;
  // Integers below 2^53 divide exactly enough: whole part by division, remainder by subtraction.
  let whole = Math.floor(abs / f);
  let rem = abs - whole * f;
  // Near 2^53 the float quotient can round up by one: correct it with exact integer arithmetic.
  if (rem < 0) {
    whole -= 1;
    rem += f;
  } else if (rem >= f) {
    whole += 1;
    rem -= f;
  }
  const frac = rem ? String(rem).padStart(places, '0').replace(/0+$/, '') : '';
  const s = frac ? `${whole}.${frac}` : String(whole);
  return dong < 0 && abs !== 0 ? `-${s}` : s;
}

/** Characters "#,##0" shows for an amount (for column widths; no formatting needed). */
function shownWidth(dong: Dong, unit: DisplayUnit): number {
  const f = UNIT_DONG[unit];
  const abs = Math.abs(dong);
  const digits = String(Math.floor(abs / f)).length;
  return digits + Math.floor((digits - 1) / 3) + (abs % f ? 4 : 0) + (dong < 0 ? 1 : 0);
}

const MAX_FORMULA = 8000;

/**
 * The header map of the hidden sheet: a column's joined header path names it (it still maps when
 * someone inserts a column before it), unless two columns share a path or the path reads as a column
 * letter ("SN", "AB"): then its letter does, so every column comes back to its own key.
 */
function headerMap(cols: { key: string; col: number; path: string }[]): Record<string, string> {
  const count = new Map<string, number>();
  for (const c of cols) count.set(fold(c.path), (count.get(fold(c.path)) ?? 0) + 1);
  const out: Record<string, string> = {};
  for (const c of cols) {
    const unique = count.get(fold(c.path)) === 1 && c.path !== '' && !/^[A-Z]{1,3}$/.test(c.path);
    out[unique ? c.path : colLetter(c.col)] = c.key;
  }
  return out;
}
export const ANNEX_SHEET = 'Phụ lục';

/** Build the sheets of an annex (the table sheet first, then the hidden metadata sheet). */
export function buildAnnex(input: AnnexInput): { sheets: SheetSpec[]; styles: StyleRegistry } {
  const { meta, calc } = input;
  const unit = meta.unit;
  const tree = new ColumnTree(input.columns);
  const layout = annexLayout(meta, input.columns, { title: input.title ?? '' });
  const styles = new StyleRegistry('Times New Roman', 12);
  const S = (s: StyleSpec) => styles.id(s);
  const st = {
    appendix: S({ bold: true, size: 14, h: 'center' }),
    title: S({ bold: true, size: 14, h: 'center', v: 'center', wrap: true }),
    attached: S({ italic: true, size: 13, h: 'center', v: 'center', wrap: true }),
    unit: S({ italic: true, h: 'right' }),
    header: S({ bold: true, h: 'center', v: 'center', wrap: true, border: true }),
    colnum: S({ italic: true, size: 10, h: 'center', v: 'center', border: true }),
    code: S({ h: 'center', v: 'center', border: true }),
    codeBold: S({ bold: true, h: 'center', v: 'center', border: true }),
    text: S({ v: 'center', wrap: true, border: true }),
    textBold: S({ bold: true, v: 'center', wrap: true, border: true }),
    totalLabel: S({ bold: true, h: 'center', v: 'center', border: true }),
    sigBold: S({ bold: true, h: 'center', v: 'top', wrap: true }),
    sigItalic: S({ italic: true, h: 'center' }),
    toTitle: S({ bold: true, italic: true, v: 'top' }),
    toLine: S({ size: 11, v: 'top' }),
  };
  // Style ids are looked up once per kind, not per cell (a 100.000-line annex has ~1,3 M cells).
  const nameStyles = new Map<string, number>();
  const nameStyle = (depth: number, bold: boolean) => {
    const k = `${Math.min(depth, 15)}${bold ? 'b' : ''}`;
    let id = nameStyles.get(k);
    if (id === undefined) nameStyles.set(k, (id = S({ bold, v: 'center', wrap: true, border: true, ...(depth ? { indent: Math.min(depth, 15) } : {}) })));
    return id;
  };
  const numIds = [false, true].map((bold) => ['#,##0', '#,##0.###'].map((numFmt) => S({ bold, v: 'center', border: true, numFmt })));
  const numStyle = (value: string, bold: boolean) => numIds[bold ? 1 : 0][value.includes('.') ? 1 : 0];

  // ---- columns: the printed annex's order ------------------------------------------------------
  const fund = layout.valueCols;
  const nCols = layout.keys.length;
  const colOfKey = new Map(layout.keys.map((k, i) => [k, i]));
  const colOf = new Map(fund.map((c) => [c.key, colOfKey.get(c.key)!]));
  const codeCol = colOfKey.get('code')!;
  const nameCol = colOfKey.get('name')!;
  const agencyCol = colOfKey.get('agency')!;
  const noteCol = colOfKey.get('note')!;
  const H = layout.header.length;

  // ---- title rows -----------------------------------------------------------------------------
  const merges: string[] = [];
  const notes: { ref: string; text: string }[] = [];
  const lastL = colLetter(nCols - 1);
  const rowsOut: (WCell | undefined)[][] = [];
  const heights: (number | undefined)[] = [];
  const full = (text: string, s: number, height?: number) => {
    rowsOut.push([{ t: 's', v: text, s }]);
    heights.push(height);
    merges.push(`A${rowsOut.length}:${lastL}${rowsOut.length}`);
  };

  // ---- widths first: row heights depend on them --------------------------------------------------
  const widths = new Array<number>(nCols).fill(0);
  const measure = (c: number, text: string) => {
    if (text.length > widths[c]) widths[c] = text.length;
  };
  const measureAmount = (c: number, v: Dong) => {
    const w = shownWidth(v, unit);
    if (w > widths[c]) widths[c] = w;
  };
  const order: { id: number; depth: number }[] = [...calc.walk()];
  for (const c of fund) measureAmount(colOf.get(c.key)!, calc.total(c.key));
  for (const o of order) {
    const l = calc.lines.get(o.id)!;
    measure(codeCol, l.code);
    measure(agencyCol, l.agency.slice(0, 60));
    measure(noteCol, l.note.slice(0, 60));
    for (const c of fund) {
      const s = calc.storedValue(o.id, c.key);
      measureAmount(colOf.get(c.key)!, s !== undefined ? s : calc.value(o.id, c.key));
    }
  }
  const widthOf = (c: number) => {
    if (c === codeCol) return Math.min(10, Math.max(6, widths[c] + 2));
    if (c === nameCol) return 50;
    if (c === agencyCol) return Math.min(30, Math.max(14, widths[c] + 2));
    if (c === noteCol) return Math.min(30, Math.max(12, widths[c] + 2));
    // The column-number row's "(4)=(5)+(8)+(11)" is set in 10 pt: ~0,8 of a character each.
    return Math.min(20, Math.max(11, widths[c] + 3, Math.ceil(layout.numbers[c].length * 0.8) + 1));
  };
  const colWidths = Array.from({ length: nCols }, (_, c) => widthOf(c));

  // Rows grow with wrapped text. A width unit is one digit of the 12 pt body font (Times' digits
  // are 0,5 em), less the cell's padding; an indent level takes ~3 digits. Text in another size
  // (the 14 pt title) fits proportionally fewer em.
  const boxEm = (cols: number[], indent = 0, pt = 12) =>
    Math.max(1, (cols.reduce((s, c) => s + colWidths[c], 0) * 0.5 - 0.6 - indent * 1.5) * (12 / pt));
  const heightOf = (lines: number, pt = 12) => (lines > 1 ? Math.ceil(lines * pt * 1.31 + 3) : undefined);
  const rowHeight = (texts: [text: string, cols: number[], bold: boolean, indent: number][], pt = 12): number | undefined => {
    let lines = 1;
    for (const [text, cols, bold, indent] of texts) lines = Math.max(lines, wrappedLines(text, boxEm(cols, indent, pt), bold));
    return heightOf(lines, pt);
  };
  const allCols = Array.from({ length: nCols }, (_, c) => c);

  full(layout.annexLabel, st.appendix);
  full(layout.title, st.title, rowHeight([[layout.title, allCols, true, 0]], 14));
  full(layout.attached, st.attached, rowHeight([[layout.attached, allCols, false, 0]], 13));
  {
    const r: (WCell | undefined)[] = [];
    r[Math.max(0, nCols - 3)] = { t: 's', v: layout.unitLabel, s: st.unit };
    rowsOut.push(r);
    heights.push(undefined);
    merges.push(`${colLetter(Math.max(0, nCols - 3))}${rowsOut.length}:${lastL}${rowsOut.length}`);
  }

  // ---- header rows: the print view's merged cells ------------------------------------------------
  const h0 = rowsOut.length; // 0-based index of the first header row
  const header: (WCell | undefined)[][] = Array.from({ length: H }, () => []);
  const paths: string[][] = Array.from({ length: nCols }, () => []);
  for (const cell of placeHeader(layout.header, nCols)) {
    const r2 = cell.row + cell.rowSpan - 1;
    const c2 = cell.col + cell.colSpan - 1;
    header[cell.row][cell.col] = { t: 's', v: cell.label, s: st.header };
    for (let rr = cell.row; rr <= r2; rr++) for (let cc = cell.col; cc <= c2; cc++) if (rr !== cell.row || cc !== cell.col) header[rr][cc] = { t: 'blank', s: st.header };
    if (r2 > cell.row || c2 > cell.col) merges.push(`${colLetter(cell.col)}${h0 + cell.row + 1}:${colLetter(c2)}${h0 + r2 + 1}`);
    for (let cc = cell.col; cc <= c2; cc++) paths[cc][cell.row] = cell.label;
  }
  // A header row is as tall as its longest wrapped label needs.
  const headerLines = new Array<number>(H).fill(1);
  for (const cell of placeHeader(layout.header, nCols)) {
    const cols = allCols.slice(cell.col, cell.col + cell.colSpan);
    const lines = Math.ceil(wrappedLines(cell.label, boxEm(cols), true) / cell.rowSpan);
    for (let rr = cell.row; rr < cell.row + cell.rowSpan; rr++) headerLines[rr] = Math.max(headerLines[rr], lines);
  }
  header.forEach((r, i) => {
    rowsOut.push(r);
    heights.push(heightOf(headerLines[i]));
  });

  // ---- column-number row ----------------------------------------------------------------------
  rowsOut.push(layout.numbers.map((v): WCell => ({ t: 's', v, s: st.colnum })));
  heights.push(undefined);
  const titleEnd = rowsOut.length; // print titles: header + column numbers

  // ---- line rows: positions first (formulas need the rows of children) ------------------------
  const totalRowNo = rowsOut.length + 1; // 1-based sheet row of TỔNG CỘNG
  const rowNo = new Map<number, number>();
  order.forEach((o, i) => rowNo.set(o.id, totalRowNo + 1 + i));

  // Joined header path of each funding column (distinct texts top-down, as the importer reads them).
  const pathOf = (c: number) => paths[c].filter((x, i, a) => x !== undefined && x !== a[i - 1]).join(' / ');
  const annexMeta: AnnexMeta = {
    meta,
    columns: input.columns,
    rules: input.rules ?? DEFAULT_RULES,
    headers: headerMap(fund.map((c) => ({ key: c.key, col: colOf.get(c.key)!, path: pathOf(colOf.get(c.key)!) }))),
    stated: [],
    computedAsValue: [],
    lines: [],
  };

  const fmtUnit = (v: Dong) => formatAmount(v, unit);
  const groupFormula = (key: string, r: number) => (tree.children.get(key) ?? []).map((k) => `${colLetter(colOf.get(k.key)!)}${r}`).join('+');
  const childFormula = (key: string, kids: readonly number[]): string => {
    const letter = colLetter(colOf.get(key)!);
    const rows = kids.map((k) => rowNo.get(k)!);
    if (rows.length === 0) return '0';
    const args: string[] = [];
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      args.push(i === j ? `${letter}${rows[i]}` : `${letter}${rows[i]}:${letter}${rows[j]}`);
      i = j + 1;
    }
    if (args.length <= 255) return `SUM(${args.join(',')})`;
    const chunks: string[] = [];
    for (let i = 0; i < args.length; i += 255) chunks.push(`SUM(${args.slice(i, i + 255).join(',')})`);
    return chunks.join('+');
  };

  const amountCells = (cells: (WCell | undefined)[], r: number, lineId: number | null, bold: boolean, code: string) => {
    const isParent = lineId !== null && calc.isParent(lineId);
    const unallocated = lineId !== null && calc.isUnallocatedParent(lineId);
    const blankLine = lineId !== null && !calc.hasAmount(lineId) && calc.storedOf(lineId).size === 0;
    for (const c of fund) {
      const col = colOf.get(c.key)!;
      const leafCol = tree.isLeaf(c.key);
      const computed = lineId === null ? calc.total(c.key) : calc.value(lineId, c.key);
      const stored = lineId === null ? undefined : calc.storedValue(lineId, c.key);
      const atTotal = lineId === null || isParent || !leafCol;
      if (blankLine) continue;
      if (!atTotal || (unallocated && leafCol)) {
        // An entry (or an unallocated parent's own figure): a plain number.
        if (stored === undefined) continue;
        const v = dongToDecimal(stored, unit);
        cells[col] = { t: 'n', v, s: numStyle(v, bold) };
        continue;
      }
      if (stored !== undefined && stored !== computed) {
        const v = dongToDecimal(stored, unit);
        cells[col] = { t: 'n', v, s: numStyle(v, bold) };
        notes.push({
          ref: `${colLetter(col)}${r}`,
          text: t('vi', 'excel.annex.statedNote', { stated: fmtUnit(stored), computed: fmtUnit(computed), diff: fmtUnit(stored - computed) }) + ` (${t('vi', `unit.${unit}`)})`,
        });
        continue;
      }
      let f = leafCol ? childFormula(c.key, lineId === null ? calc.children(null) : calc.children(lineId)) : groupFormula(c.key, r);
      const v = dongToDecimal(computed, unit);
      if (f.length > MAX_FORMULA) {
        cells[col] = { t: 'n', v, s: numStyle(v, bold) };
        if (lineId !== null) annexMeta.computedAsValue.push({ row: r, key: c.key, code });
        f = '';
      } else cells[col] = { t: 'f', f, v, s: numStyle(v, bold) };
      if (stored !== undefined && lineId !== null) annexMeta.stated.push({ row: r, key: c.key, value: stored, code });
    }
  };

  // TỔNG CỘNG row
  {
    const cells: (WCell | undefined)[] = [];
    for (let c = 0; c < nCols; c++) cells[c] = { t: 'blank', s: st.text };
    cells[codeCol] = { t: 'blank', s: st.totalLabel };
    cells[nameCol] = { t: 's', v: t('vi', 'print.grandTotal'), s: st.totalLabel };
    amountCells(cells, totalRowNo, null, true, '');
    rowsOut.push(cells);
    heights.push(undefined);
  }

  for (const o of order) {
    const l = calc.lines.get(o.id)!;
    if (l.allowedCapital !== null || l.isAdjustment) {
      annexMeta.lines.push({ row: rowNo.get(o.id)!, allowedCapital: l.allowedCapital, isAdjustment: l.isAdjustment, code: l.code });
    }
  }

  const sig = layout.signature;
  const table: SheetSpec = {
    name: ANNEX_SHEET,
    widths: colWidths,
    freeze: { rows: titleEnd, cols: nameCol + 1 },
    page: {
      landscape: true,
      margins: { left: 30, right: 15, top: 20, bottom: 20 },
      // Nghị định 30/2020: the page number centred at the top, Arabic numerals, none on page 1.
      header: '&C&"Times New Roman,Regular"&13&P',
      headerNotOnFirst: true,
      printTitles: [h0 + 1, titleEnd],
    },
    merges,
    notes,
    rows: async (emit) => {
      for (let i = 0; i < rowsOut.length; i++) await emit(rowsOut[i], heights[i]);
      let n = rowsOut.length;
      for (const o of order) {
        n++;
        const l = calc.lines.get(o.id)!;
        const bold = calc.isParent(o.id);
        const cells: (WCell | undefined)[] = [];
        // Empty texts are bordered blanks, not empty strings (less to write and to read back).
        const txt = (v: string, s: number): WCell => (v === '' ? { t: 'blank', s } : { t: 's', v, s });
        cells[codeCol] = txt(l.code, bold ? st.codeBold : st.code);
        cells[nameCol] = txt(l.name, nameStyle(o.depth, bold));
        cells[agencyCol] = txt(l.agency, bold ? st.textBold : st.text);
        cells[noteCol] = txt(l.note, st.text);
        for (const c of fund) cells[colOf.get(c.key)!] = { t: 'blank', s: st.text };
        amountCells(cells, n, o.id, bold, l.code);
        const indent = Math.min(o.depth, 15);
        await emit(cells, rowHeight([[l.name, [nameCol], bold, indent], [l.agency, [agencyCol], bold, 0], [l.note, [noteCol], false, 0], [l.code, [codeCol], bold, 0]]));
      }
      if (!sig) return;
      // The signature block: "Nơi nhận:" and its list under the code and name columns, "NGƯỜI LẬP
      // BIỂU" in the middle, the place and date, authority lines and signer on the right.
      const rightStart = Math.max(nameCol + 2, nCols - 4);
      const left = sig.recipients.length ? [codeCol, nameCol] : [];
      const mid = sig.recipients.length ? [nameCol + 1, Math.max(nameCol + 1, rightStart - 1)] : [codeCol, nameCol];
      const right: [number, number] = [rightStart, nCols - 1];
      const span = (r: number, [a, b]: number[]) => {
        if (b > a) merges.push(`${colLetter(a)}${r}:${colLetter(b)}${r}`);
      };
      const midCol: (string | null)[] = [sig.preparedTitle, null, null, null, null, sig.preparedName];
      const rightCol: (string | null)[] = [...sig.authority, null, null, null, null, sig.signer];
      const leftCol = sig.recipients;
      await emit([]);
      n++;
      if (sig.placeDate) {
        n++;
        const cells: (WCell | undefined)[] = [];
        cells[right[0]] = { t: 's', v: sig.placeDate, s: st.sigItalic };
        span(n, right);
        await emit(cells);
      }
      const count = Math.max(leftCol.length, midCol.length, rightCol.length);
      for (let i = 0; i < count; i++) {
        n++;
        const cells: (WCell | undefined)[] = [];
        const put = (text: string | null | undefined, cols: number[], s: number) => {
          if (!text || cols.length === 0) return;
          cells[cols[0]] = { t: 's', v: text, s };
          span(n, cols);
        };
        put(leftCol[i], left, i === 0 ? st.toTitle : st.toLine);
        put(midCol[i], mid, st.sigBold);
        put(rightCol[i], right, st.sigBold);
        await emit(cells);
      }
    },
  };

  // Filled while the table sheet streams (stated entries are found then): written after it.
  const hidden: SheetSpec = {
    name: META_SHEET,
    state: 'veryHidden',
    merges: [],
    notes: [],
    rows: async (emit) => {
      for (const r of metaSheetRows(annexMeta)) {
        await emit(r.map((v): WCell => (typeof v === 'number' ? { t: 'n', v: String(v), s: 0 } : { t: 's', v: String(v), s: 0 })));
      }
    },
  };
  return { sheets: [table, hidden], styles };
}
