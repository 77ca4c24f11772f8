// The default annex layout (Nghị định 30/2020 conventions, common practice for budget annexes):
// "Phụ lục", TITLE IN CAPITALS, "(Kèm theo … số … ngày dd/mm/yyyy của …)", "Đơn vị tính: …", a
// merged header built from the column tree, the column-number row "(1) (2) (3)=(4)+(7)", a bold
// TỔNG CỘNG row, bold parent rows, indented names, and a signature block — Times New Roman, thin
// borders, A4 landscape fitted to one page wide, header rows repeated on every page.
//
// Figures are written in the display unit as exact decimals (đồng / 10^6 for triệu). Every total
// position is a live FORMULA with its cached result, so Excel shows the right numbers before any
// recalculation. A stated total the user kept:
//   • equal to the computed value → the formula, and the stated figure in the hidden _PlanDesk sheet;
//   • different → the stated figure as a plain number with a cell note giving both figures,
// so import(export(plan)) gives back the same stated values (see planmeta.ts).
import { ColumnTree, SHORT_LABELS } from '../../../shared/columns';
import type { PlanCalc } from '../../../shared/calc';
import type { CycleMeta, DisplayUnit, Dong, FundingColumn, RuleParams } from '../../../shared/model';
import { DEFAULT_RULES, UNIT_DONG } from '../../../shared/model';
import { formatAmount } from '../../../shared/number';
import { t } from '../../../shared/i18n';
import { META_SHEET, metaSheetRows, type AnnexMeta } from './planmeta';
import { colLetter } from './text';
import { StyleRegistry, type SheetSpec, type StyleSpec, type WCell } from './xlsx-writer';

export interface AnnexInput {
  meta: CycleMeta;
  columns: FundingColumn[];
  calc: PlanCalc;
  rules?: RuleParams;
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
export const ANNEX_SHEET = 'Phụ lục';

/** Build the sheets of an annex (the table sheet and the hidden metadata sheet). */
export function buildAnnex(input: AnnexInput): { sheets: SheetSpec[]; styles: StyleRegistry } {
  const { meta, calc } = input;
  const unit = meta.unit;
  const tree = new ColumnTree(input.columns);
  const styles = new StyleRegistry('Times New Roman', 12);
  const S = (s: StyleSpec) => styles.id(s);
  const st = {
    appendix: S({ bold: true, size: 14, h: 'center' }),
    title: S({ bold: true, size: 14, h: 'center', v: 'center', wrap: true }),
    attached: S({ italic: true, size: 13, h: 'center' }),
    unit: S({ italic: true, h: 'right' }),
    header: S({ bold: true, h: 'center', v: 'center', wrap: true, border: true }),
    colnum: S({ italic: true, size: 10, h: 'center', v: 'center', border: true }),
    code: S({ h: 'center', v: 'center', border: true }),
    codeBold: S({ bold: true, h: 'center', v: 'center', border: true }),
    text: S({ v: 'center', wrap: true, border: true }),
    textBold: S({ bold: true, v: 'center', wrap: true, border: true }),
    totalLabel: S({ bold: true, h: 'center', v: 'center', border: true }),
    sigBold: S({ bold: true, h: 'center' }),
    sigItalic: S({ italic: true, h: 'center' }),
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

  // ---- columns --------------------------------------------------------------------------------
  const fund = tree.ordered;
  const F0 = 2;
  const nCols = F0 + fund.length + 2;
  const colOf = new Map(fund.map((c, i) => [c.key, F0 + i]));
  const L = fund.map((_, i) => colLetter(F0 + i));
  const agencyCol = F0 + fund.length;
  const noteCol = agencyCol + 1;
  const label = (c: FundingColumn) => SHORT_LABELS[c.key]?.vi ?? c.label.vi;

  // Header geometry: the root spans all header rows; its children start on the first header row.
  const root = tree.root;
  const levelOf = (key: string) => Math.max(0, tree.depth(key) - (root ? 1 : 0));
  let H = 1;
  for (const c of fund) {
    if (c === root) continue;
    H = Math.max(H, levelOf(c.key) + (tree.isLeaf(c.key) ? 1 : 2));
  }

  // ---- title rows -----------------------------------------------------------------------------
  const merges: string[] = [];
  const notes: { ref: string; text: string }[] = [];
  const lastL = colLetter(nCols - 1);
  const rowsOut: (WCell | undefined)[][] = [];
  const full = (text: string, s: number) => {
    rowsOut.push([{ t: 's', v: text, s }]);
    merges.push(`A${rowsOut.length}:${lastL}${rowsOut.length}`);
  };
  full(t('vi', 'excel.annex.appendix'), st.appendix);
  full(
    meta.program.trim()
      ? t('vi', 'excel.annex.title', { program: meta.program.trim().toLocaleUpperCase('vi-VN'), year: meta.year })
      : t('vi', 'excel.annex.titleNoProgram', { year: meta.year }),
    st.title,
  );
  if (meta.docNumber.trim()) {
    full(t('vi', 'excel.annex.attached', { docKind: meta.docKind, docNumber: meta.docNumber, date: viDate(meta.docDate), issuer: meta.issuer }), st.attached);
  }
  {
    const r: (WCell | undefined)[] = [];
    r[Math.max(0, nCols - 3)] = { t: 's', v: t('vi', 'unit.label', { unit: t('vi', `unit.${unit}`) }), s: st.unit };
    rowsOut.push(r);
    merges.push(`${colLetter(Math.max(0, nCols - 3))}${rowsOut.length}:${lastL}${rowsOut.length}`);
  }

  // ---- header rows ----------------------------------------------------------------------------
  const h0 = rowsOut.length; // 0-based index of the first header row
  const header: (WCell | undefined)[][] = Array.from({ length: H }, () => []);
  const put = (r: number, c: number, text: string, r2: number, c2: number) => {
    header[r][c] = { t: 's', v: text, s: st.header };
    for (let rr = r; rr <= r2; rr++) for (let cc = c; cc <= c2; cc++) if (rr !== r || cc !== c) header[rr][cc] = { t: 'blank', s: st.header };
    if (r2 > r || c2 > c) merges.push(`${colLetter(c)}${h0 + r + 1}:${colLetter(c2)}${h0 + r2 + 1}`);
  };
  put(0, 0, t('vi', 'excel.annex.code'), H - 1, 0);
  put(0, 1, t('vi', 'excel.annex.name'), H - 1, 1);
  put(0, agencyCol, t('vi', 'excel.annex.agency'), H - 1, agencyCol);
  put(0, noteCol, t('vi', 'excel.annex.note'), H - 1, noteCol);
  const headerPath = new Map<string, string[]>();
  for (const c of fund) {
    const col = colOf.get(c.key)!;
    const parentPath = c.parent && c !== root && c.parent !== root?.key ? headerPath.get(c.parent) ?? [] : [];
    if (c === root) {
      put(0, col, label(c), H - 1, col);
      headerPath.set(c.key, [label(c)]);
    } else if (tree.isLeaf(c.key)) {
      put(levelOf(c.key), col, label(c), H - 1, col);
      headerPath.set(c.key, [...parentPath, label(c)]);
    } else {
      const under = tree.ordered.filter((d) => d.key === c.key || tree.ancestors(d.key).includes(c.key));
      const last = Math.max(...under.map((d) => colOf.get(d.key)!));
      put(levelOf(c.key), col, label(c), levelOf(c.key), last);
      put(levelOf(c.key) + 1, col, c.totalLabel?.vi ?? 'Tổng', H - 1, col);
      headerPath.set(c.key, [...parentPath, label(c)]);
    }
  }
  for (const r of header) rowsOut.push(r);

  // ---- column-number row ----------------------------------------------------------------------
  const numRow: WCell[] = [];
  for (let c = 0; c < nCols; c++) {
    let text = `(${c + 1})`;
    const key = fund[c - F0]?.key;
    if (key && !tree.isLeaf(key)) text += '=' + (tree.children.get(key) ?? []).map((k) => `(${colOf.get(k.key)! + 1})`).join('+');
    numRow[c] = { t: 's', v: text, s: st.colnum };
  }
  rowsOut.push(numRow);
  const titleEnd = rowsOut.length; // print titles: header + column numbers

  // ---- line rows: positions first (formulas need the rows of children) ------------------------
  const order: { id: number; depth: number }[] = [...calc.walk()];
  const totalRowNo = rowsOut.length + 1; // 1-based sheet row of TỔNG CỘNG
  const rowNo = new Map<number, number>();
  order.forEach((o, i) => rowNo.set(o.id, totalRowNo + 1 + i));

  const annexMeta: AnnexMeta = {
    meta,
    columns: input.columns,
    rules: input.rules ?? DEFAULT_RULES,
    headers: Object.fromEntries(fund.map((c) => [(c === root || tree.isLeaf(c.key) ? headerPath.get(c.key)! : [...headerPath.get(c.key)!, c.totalLabel?.vi ?? 'Tổng']).join(' / '), c.key])),
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

  const widths = new Array<number>(nCols).fill(0);
  const measure = (c: number, text: string) => {
    if (text.length > widths[c]) widths[c] = text.length;
  };
  const measureAmount = (c: number, v: Dong) => {
    const w = shownWidth(v, unit);
    if (w > widths[c]) widths[c] = w;
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
    cells[0] = { t: 'blank', s: st.totalLabel };
    cells[1] = { t: 's', v: t('vi', 'excel.annex.grandTotal'), s: st.totalLabel };
    cells[agencyCol] = { t: 'blank', s: st.text };
    cells[noteCol] = { t: 'blank', s: st.text };
    for (const c of fund) cells[colOf.get(c.key)!] = { t: 'blank', s: st.text };
    amountCells(cells, totalRowNo, null, true, '');
    for (const c of fund) measureAmount(colOf.get(c.key)!, calc.total(c.key));
    rowsOut.push(cells);
  }

  // Widths need every figure: measure lines once before streaming them.
  for (const o of order) {
    const l = calc.lines.get(o.id)!;
    measure(0, l.code);
    measure(agencyCol, l.agency.slice(0, 60));
    measure(noteCol, l.note.slice(0, 60));
    for (const c of fund) {
      const s = calc.storedValue(o.id, c.key);
      measureAmount(colOf.get(c.key)!, s !== undefined ? s : calc.value(o.id, c.key));
    }
  }
  for (const o of order) {
    const l = calc.lines.get(o.id)!;
    if (l.allowedCapital !== null || l.isAdjustment) {
      annexMeta.lines.push({ row: rowNo.get(o.id)!, allowedCapital: l.allowedCapital, isAdjustment: l.isAdjustment, code: l.code });
    }
  }
  const widthOf = (c: number) => {
    if (c === 0) return Math.min(10, Math.max(6, widths[0] + 2));
    if (c === 1) return 50;
    if (c === agencyCol) return Math.min(30, Math.max(14, widths[c] + 2));
    if (c === noteCol) return Math.min(30, Math.max(12, widths[c] + 2));
    // The column-number row's "(3)=(4)+(7)+(10)" is set in 10 pt: ~0,8 of a character each.
    const colnum = (numRow[c] as { v?: string }).v?.length ?? 0;
    return Math.min(20, Math.max(11, widths[c] + 3, Math.ceil(colnum * 0.8) + 1));
  };
  // Rows grow with wrapped text (names, agencies, notes): Times New Roman 12 fits ~1,2 characters
  // per width unit (bold ~1,1).
  const LINE_PT = 15.75;
  const heightFor = (texts: [string, number, boolean, number][]): number | undefined => {
    let lines = 1;
    for (const [text, col, bold, indent] of texts) {
      if (!text) continue;
      const perLine = Math.max(4, Math.floor(widthOf(col) * (bold ? 1.1 : 1.2)) - 1 - 2 * indent);
      let n = 0;
      for (const part of text.split('\n')) n += Math.max(1, Math.ceil(part.length / perLine));
      if (n > lines) lines = n;
    }
    return lines > 1 ? lines * LINE_PT + 3 : undefined;
  };

  const sig = meta.signature;
  const hasSig = [sig.authority, sig.title, sig.signer, sig.preparedBy].some((s) => s.trim());
  const table: SheetSpec = {
    name: ANNEX_SHEET,
    widths: Array.from({ length: nCols }, (_, c) => widthOf(c)),
    freeze: { rows: titleEnd, cols: 2 },
    page: {
      landscape: true,
      margins: { left: 20, right: 15, top: 20, bottom: 20 },
      footer: `&C${t('vi', 'excel.annex.page')}`,
      printTitles: [h0 + 1, titleEnd],
    },
    merges,
    notes,
    rows: async (emit) => {
      for (const r of rowsOut) await emit(r);
      let n = rowsOut.length;
      for (const o of order) {
        n++;
        const l = calc.lines.get(o.id)!;
        const bold = calc.isParent(o.id);
        const cells: (WCell | undefined)[] = [];
        // Empty texts are bordered blanks, not empty strings (less to write and to read back).
        const txt = (v: string, s: number): WCell => (v === '' ? { t: 'blank', s } : { t: 's', v, s });
        cells[0] = txt(l.code, bold ? st.codeBold : st.code);
        cells[1] = txt(l.name, nameStyle(o.depth, bold));
        cells[agencyCol] = txt(l.agency, bold ? st.textBold : st.text);
        cells[noteCol] = txt(l.note, st.text);
        for (const c of fund) cells[colOf.get(c.key)!] = { t: 'blank', s: st.text };
        amountCells(cells, n, o.id, bold, l.code);
        await emit(cells, heightFor([[l.name, 1, bold, Math.min(o.depth, 15)], [l.agency, agencyCol, bold, 0], [l.note, noteCol, false, 0]]));
      }
      if (!hasSig) return;
      const left = (r: number) => merges.push(`A${r}:B${r}`);
      const rightStart = Math.max(2, nCols - 4);
      const right = (r: number) => merges.push(`${colLetter(rightStart)}${r}:${lastL}${r}`);
      const line = async (l: string, lStyle: number, rText: string, rStyle: number) => {
        n++;
        const cells: (WCell | undefined)[] = [];
        if (l) {
          cells[0] = { t: 's', v: l, s: lStyle };
          left(n);
        }
        if (rText) {
          cells[rightStart] = { t: 's', v: rText, s: rStyle };
          right(n);
        }
        await emit(cells);
      };
      await emit([]);
      n++;
      if (meta.place.trim()) await line('', 0, placeDate(meta), st.sigItalic);
      await line(sig.preparedBy.trim() ? t('vi', 'excel.annex.preparedBy') : '', st.sigBold, sig.authority, st.sigBold);
      await line('', 0, sig.title, st.sigBold);
      for (let i = 0; i < 4; i++) {
        n++;
        await emit([]);
      }
      await line(sig.preparedBy, st.sigBold, sig.signer, st.sigBold);
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

/** "Đắk Nông, ngày 29 tháng 02 năm 2024" (dots where the date is not known yet). */
function placeDate(meta: CycleMeta): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.docDate);
  return m ? `${meta.place}, ngày ${m[3]} tháng ${m[2]} năm ${m[1]}` : `${meta.place}, ngày … tháng … năm ${meta.year}`;
}

/** ISO yyyy-mm-dd → dd/mm/yyyy (as written in Vietnamese documents); other text unchanged. */
export function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
