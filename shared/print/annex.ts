// The annex as a printable table, built from the cycle's data and the print settings: the lines at
// the top of the page ("Phụ lục I", the title in capitals, "(Kèm theo …)", the unit), the merged
// header built from the cycle's own column tree, the column-number row with its sums, the body rows
// (TỔNG CỘNG first, bold parents, amounts in the Vietnamese format) and the signature block.
// annexLayout() is the one layout of an annex: the print view (buildAnnex) and the xlsx export
// (electron/engine/excel/annex.ts) both take their columns, header texts, numbering, title and
// signature block from it, so the exported annex is the printed annex.
// Pure: the renderer lays it out and paginates; tests read it directly.
import { ColumnTree } from '../columns';
import type { RowView } from '../protocol';
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

/**
 * The signature block, as printed and as exported: on the left "Nơi nhận:" and its list (when the
 * plan has one), then "NGƯỜI LẬP BIỂU" with its name (blank: signed by hand), and on the right the
 * place-and-date line, the authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
 * and the signer's name.
 */
export interface SignatureModel {
  /** "Nơi nhận:" and one line per recipient; empty when the plan lists none. */
  recipients: string[];
  preparedTitle: string;
  preparedName: string;
  /** "Đắk Nông, ngày 29 tháng 02 năm 2024" (dotted where the date is not known); '' without a place. */
  placeDate: string;
  /** The authority lines in capitals, blank ones left out. */
  authority: string[];
  signer: string;
}

/**
 * What both the print view and the xlsx export lay out, so the exported annex is the printed one:
 * the lines above the table, the columns in order, the merged header, the column-number row and
 * the signature block.
 */
export interface AnnexLayout {
  annexLabel: string;
  title: string;
  attached: string;
  unitLabel: string;
  /** Column keys in order: text columns ('code', 'name', 'agency', 'note') and funding column keys. */
  keys: string[];
  kinds: AnnexColumnKind[];
  /** Funding columns printed, in order. */
  valueCols: FundingColumn[];
  /** Header rows with merged cells (HTML colSpan/rowSpan), left to right. */
  header: HeaderCell[][];
  /** The column-number row: "(1)", "(2)", "(3)", "(4)=(5)+(8)+(11)"… */
  numbers: string[];
  signature: SignatureModel | null;
}

export interface Annex extends AnnexLayout {
  columns: AnnexColumn[];
  rows: AnnexRow[];
}

export interface AnnexSource {
  meta: CycleMeta;
  columns: readonly FundingColumn[];
  /** Lines in display order (depth-first), as the engine's snapshot gives them. */
  rows: readonly RowView[];
  totals: Readonly<Record<string, number>>;
}

export interface LayoutOptions {
  /** Columns left out (print settings); the export leaves none out. */
  hiddenColumns?: readonly string[];
  /** The annex's own title (print settings); blank = built from the cycle. */
  title?: string;
  /** Print the signature block (default true). */
  signature?: boolean;
  lang?: Lang;
}

/** The annex's number: the plan's detail; "I" for a plan that has none yet. */
export function annexNumberOf(meta: CycleMeta): string {
  return (meta.annexNumber ?? 'I').trim();
}

/** The layout of a cycle's annex: the one source of columns, headers, numbering, title and signature. */
export function annexLayout(meta: CycleMeta, columns: readonly FundingColumn[], opts: LayoutOptions = {}): AnnexLayout {
  const lang = opts.lang ?? 'vi';
  const tree = new ColumnTree(columns);
  const hidden = new Set(opts.hiddenColumns ?? []);
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

  // "Cơ quan chủ trì" right after "Nội dung" (as the published annexes have it), notes last.
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
  for (const _ of textCols) numbers.push(`(${++n})`);
  for (const c of valueCols) numberOf.set(c.key, ++n);
  for (const c of valueCols) {
    const kids = visibleKids(c.key);
    const all = (tree.children.get(c.key) ?? []).length;
    // A sum is written only when every part is printed; otherwise the formula would not hold.
    const sum = kids.length > 0 && kids.length === all ? '=' + kids.map((k) => `(${numberOf.get(k.key)})`).join('+') : '';
    numbers.push(`(${numberOf.get(c.key)})${sum}`);
  }
  for (const _ of trailing) numbers.push(`(${++n})`);

  const keys = [...textCols, ...valueCols.map((c) => c.key), ...trailing];
  const kinds: AnnexColumnKind[] = [...textCols, ...valueCols.map(() => 'amount' as const), ...trailing];
  const number = annexNumberOf(meta);
  return {
    annexLabel: t(lang, 'print.annex', { number }).trim(),
    title: annexTitle(meta, { title: opts.title ?? '' }, lang),
    attached: attachedLine(meta, lang),
    unitLabel: t(lang, 'unit.label', { unit: t(lang, `unit.${meta.unit}`) }),
    keys,
    kinds,
    valueCols,
    header,
    numbers,
    signature: opts.signature === false ? null : signatureOf(meta, lang),
  };
}

/** The signature block of a cycle (see SignatureModel). */
export function signatureOf(meta: CycleMeta, lang: Lang = 'vi'): SignatureModel {
  const sig = meta.signature;
  const list = (sig.recipients ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
  return {
    recipients: list.length ? [t(lang, 'print.recipients'), ...list] : [],
    preparedTitle: t(lang, 'print.preparedBy'),
    preparedName: sig.preparedBy.trim(),
    placeDate: placeDateLine(meta, lang),
    authority: [sig.onBehalf ?? '', sig.authority, sig.title].map((s) => s.trim().toLocaleUpperCase('vi')).filter(Boolean),
    signer: sig.signer.trim(),
  };
}

/** "Đắk Nông, ngày 29 tháng 02 năm 2024" (dots where the date is not known yet); '' without a place. */
export function placeDateLine(meta: CycleMeta, lang: Lang = 'vi'): string {
  const place = meta.place.trim();
  if (!place) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.docDate);
  return m
    ? t(lang, 'print.placeDate', { place, day: m[3], month: m[2], year: m[1] })
    : t(lang, 'print.placeDate', { place, day: '…', month: '…', year: meta.year });
}

/**
 * Header cells placed on the grid the way an HTML table places them: each with its top-left slot.
 * The export merges the same ranges the print view spans.
 */
export function placeHeader(header: readonly HeaderCell[][], width: number): (HeaderCell & { row: number; col: number })[] {
  const taken = header.map(() => new Array<boolean>(width).fill(false));
  const out: (HeaderCell & { row: number; col: number })[] = [];
  header.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < width && taken[r][c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) if (taken[r + dr]) taken[r + dr][c + dc] = true;
      out.push({ ...cell, row: r, col: c });
      c += cell.colSpan;
    }
  });
  return out;
}

/** Build the annex. The document's language is Vietnamese unless told otherwise. */
export function buildAnnex(src: AnnexSource, settings: PrintSettings, lang: Lang = 'vi'): Annex {
  const { meta } = src;
  const layout = annexLayout(meta, src.columns, { hiddenColumns: settings.hiddenColumns, title: settings.title, signature: settings.signature, lang });
  const { valueCols, numbers } = layout;
  const textCols = layout.keys.filter((k, i) => layout.kinds[i] !== 'amount' && k !== 'note') as ('code' | 'name' | 'agency')[];
  const trailing = layout.keys.filter((k) => k === 'note') as 'note'[];
  const textLabel = (k: TextColumn) => t(lang, `print.col.${k}`);

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

  return { ...layout, columns, rows };
}

/** The title in capitals: the settings' own, or "Kinh phí thực hiện <program> năm <year>". */
export function annexTitle(meta: CycleMeta, settings: Pick<PrintSettings, 'title'>, lang: Lang = 'vi'): string {
  const program = meta.program.trim();
  const raw =
    settings.title.trim() ||
    (program ? t(lang, 'print.title.default', { program, year: meta.year }) : t(lang, 'print.title.noProgram', { year: meta.year }));
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
