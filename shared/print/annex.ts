// The annex as a printable table, built from the cycle's data and the print settings: the lines at
// the top of the page ("Phụ lục I", the title in capitals, "(Kèm theo …)", the unit), the merged
// header built from the cycle's own column tree, the column-number row with its sums, the body rows
// (TỔNG CỘNG first, bold parents, amounts in the Vietnamese format) and the signature block.
// Pure: the renderer lays it out and paginates; tests read it directly.
import { ColumnTree } from '../columns';
import type { RowView } from '../ipc';
import type { CycleMeta, FundingColumn } from '../model';
import { formatAmount } from '../number';
import { t, type Lang } from '../i18n';
import type { PrintSettings, TextColumn } from './settings';
import { textWidthEm } from './text-width';

export type AnnexColumnKind = TextColumn | 'amount';

export interface AnnexColumn {
  /** 'code' | 'name' | 'agency' | 'note', or a funding column key. */
  key: string;
  kind: AnnexColumnKind;
  /** Narrowest useful width, in em of the body font. */
  minEm: number;
  /** Takes the width left over by the others (the description column). */
  flex: boolean;
}

export interface HeaderCell {
  label: string;
  colSpan: number;
  rowSpan: number;
}

export interface AnnexRow {
  /** The line's id; null for the TỔNG CỘNG row. */
  lineId: number | null;
  depth: number;
  /** Text of each printed column, in column order. */
  cells: string[];
  bold: boolean;
}

export interface SignatureModel {
  /** Left: "NGƯỜI LẬP BIỂU" and its name (may be blank: signed by hand). */
  preparedTitle: string;
  preparedName: string;
  /** Right: "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", the signer's name. */
  authority: string;
  title: string;
  signer: string;
}

export interface Annex {
  annexLabel: string;
  title: string;
  attached: string;
  unitLabel: string;
  columns: AnnexColumn[];
  /** Header rows with merged cells (HTML colSpan/rowSpan), left to right. */
  header: HeaderCell[][];
  /** The column-number row: "(1)", "(2)", "(3)=(4)+(7)"… */
  numbers: string[];
  rows: AnnexRow[];
  signature: SignatureModel | null;
}

export interface AnnexSource {
  meta: CycleMeta;
  columns: readonly FundingColumn[];
  /** Lines in display order (depth-first), as the engine's snapshot gives them. */
  rows: readonly RowView[];
  totals: Readonly<Record<string, number>>;
}

/** Build the annex. The document's language is Vietnamese unless told otherwise. */
export function buildAnnex(src: AnnexSource, settings: PrintSettings, lang: Lang = 'vi'): Annex {
  const { meta } = src;
  const tree = new ColumnTree(src.columns);
  const hidden = new Set(settings.hiddenColumns);
  const shown = (c: FundingColumn) => !hidden.has(c.key) && !tree.ancestors(c.key).some((a) => hidden.has(a));
  const visibleKids = (key: string) => (tree.children.get(key) ?? []).filter(shown);
  // A single root ("Tổng cộng") is printed as one column beside its parts, not as a band over them.
  const roots = (tree.children.get(null) ?? []).filter(shown);
  const flatRoot = roots.length === 1 && (tree.children.get(roots[0].key) ?? []).length > 0 ? roots[0] : null;

  const valueCols = tree.ordered.filter(shown);
  const level = (c: FundingColumn) => tree.depth(c.key) - (flatRoot && c !== flatRoot ? 1 : 0);
  const isBand = (c: FundingColumn) => c !== flatRoot && visibleKids(c.key).length > 0;
  let depth = 1;
  for (const c of valueCols) depth = Math.max(depth, level(c) + (isBand(c) ? 2 : 1));

  const textCols = (['code', 'name', 'agency'] as const).filter((k) => k === 'code' || k === 'name' || !hidden.has(k));
  const trailing = (['note'] as const).filter((k) => !hidden.has(k));

  // ---- header rows (merged cells) and the column-number row -----------------------------------
  const header: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const textLabel = (k: TextColumn) => t(lang, `print.col.${k}`);
  for (const k of textCols) header[0].push({ label: textLabel(k), colSpan: 1, rowSpan: depth });
  const subtreeSize = (c: FundingColumn): number => 1 + visibleKids(c.key).reduce((s, k) => s + subtreeSize(k), 0);
  const emit = (c: FundingColumn) => {
    const L = level(c);
    if (isBand(c)) {
      header[L].push({ label: c.label[lang], colSpan: subtreeSize(c), rowSpan: 1 });
      header[L + 1].push({ label: c.totalLabel?.[lang] ?? t(lang, 'print.col.ownTotal'), colSpan: 1, rowSpan: depth - L - 1 });
    } else {
      header[L].push({ label: c.label[lang], colSpan: 1, rowSpan: depth - L });
    }
    for (const k of visibleKids(c.key)) emit(k);
  };
  for (const r of roots) emit(r);
  for (const k of trailing) header[0].push({ label: textLabel(k), colSpan: 1, rowSpan: depth });

  const numberOf = new Map<string, number>();
  let n = 0;
  const numbers: string[] = [];
  for (const k of textCols) numbers.push(`(${++n})`);
  for (const c of valueCols) numberOf.set(c.key, ++n);
  for (const c of valueCols) {
    const kids = visibleKids(c.key);
    const all = (tree.children.get(c.key) ?? []).length;
    // A sum is written only when every part is printed; otherwise the formula would not hold.
    const sum = kids.length > 0 && kids.length === all ? '=' + kids.map((k) => `(${numberOf.get(k.key)})`).join('+') : '';
    numbers.push(`(${numberOf.get(c.key)})${sum}`);
  }
  for (const _ of trailing) numbers.push(`(${++n})`);

  // ---- body rows --------------------------------------------------------------------------------
  const fmt = (v: number | undefined) => (v ? formatAmount(v, meta.unit, 'vi-VN') : '');
  const rows: AnnexRow[] = [];
  const grand: string[] = [];
  for (const k of textCols) grand.push(k === 'name' ? t(lang, 'print.grandTotal') : '');
  for (const c of valueCols) grand.push(fmt(src.totals[c.key]));
  for (const _ of trailing) grand.push('');
  rows.push({ lineId: null, depth: -1, cells: grand, bold: true });
  for (const r of src.rows) {
    if (settings.maxDepth !== null && r.depth > settings.maxDepth) continue;
    const cells: string[] = [];
    for (const k of textCols) cells.push(r[k]);
    for (const c of valueCols) cells.push(fmt(r.values[c.key]));
    for (const k of trailing) cells.push(r[k]);
    rows.push({ lineId: r.id, depth: r.depth, cells, bold: r.hasChildren || r.depth === 0 });
  }

  // ---- column widths (em of the body font) ----------------------------------------------------
  const columns: AnnexColumn[] = [];
  const longestWord = (s: string, bold = true) => Math.max(0, ...s.split(/\s+/).map((w) => textWidthEm(w, bold)));
  const colText = (i: number) => rows.map((r) => r.cells[i]);
  const pad = 0.7; // cell padding, both sides
  textCols.forEach((k, i) => {
    if (k === 'code') {
      const widest = Math.max(longestWord(textLabel('code')), ...colText(i).map((s) => textWidthEm(s, true)));
      columns.push({ key: k, kind: k, minEm: Math.min(6, widest + pad), flex: false });
    } else if (k === 'name') {
      columns.push({ key: k, kind: k, minEm: 14, flex: true });
    } else {
      columns.push({ key: k, kind: k, minEm: 9, flex: false });
    }
  });
  valueCols.forEach((c, j) => {
    const i = textCols.length + j;
    const widest = Math.max(0, ...colText(i).map((s) => textWidthEm(s, true)));
    const head = Math.max(longestWord(c.label[lang]), longestWord(c.totalLabel?.[lang] ?? ''), textWidthEm(numbers[i], false) * 0.85 / 2);
    columns.push({ key: c.key, kind: 'amount', minEm: Math.max(widest, head, 3) + pad, flex: false });
  });
  for (const k of trailing) columns.push({ key: k, kind: k, minEm: 9, flex: false });

  const sig = meta.signature;
  return {
    annexLabel: t(lang, 'print.annex', { number: settings.annexNumber }).trim(),
    title: annexTitle(meta, settings, lang),
    attached: attachedLine(meta, lang),
    unitLabel: t(lang, 'unit.label', { unit: t(lang, `unit.${meta.unit}`) }),
    columns,
    header,
    numbers,
    rows,
    signature: settings.signature
      ? {
          preparedTitle: t(lang, 'print.preparedBy'),
          preparedName: sig.preparedBy,
          authority: sig.authority.toLocaleUpperCase('vi'),
          title: sig.title.toLocaleUpperCase('vi'),
          signer: sig.signer,
        }
      : null,
  };
}

/** The title in capitals: the settings' own, or "Kinh phí thực hiện <program> năm <year>". */
export function annexTitle(meta: CycleMeta, settings: Pick<PrintSettings, 'title'>, lang: Lang = 'vi'): string {
  const raw = settings.title.trim() || t(lang, 'print.title.default', { program: meta.program, year: meta.year });
  return raw.toLocaleUpperCase('vi');
}

/** "(Kèm theo Kế hoạch số 122/KH-UBND ngày 29/02/2024 của Ủy ban nhân dân tỉnh Đắk Nông)", with dotted blanks to fill by hand. */
export function attachedLine(meta: CycleMeta, lang: Lang = 'vi'): string {
  const blank = t(lang, 'print.blank');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.docDate);
  const date = m ? `${m[3]}/${m[2]}/${m[1]}` : t(lang, 'print.blankDate', { year: meta.year });
  return t(lang, 'print.attached', {
    kind: meta.docKind.trim() || t(lang, 'print.attached.kind'),
    number: meta.docNumber.trim() || blank,
    date,
    issuer: meta.issuer.trim() || blank,
  });
}
