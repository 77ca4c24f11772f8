// importSpreadsheet: bytes → CycleData + ImportReport, nothing written. Opens the workbook (open.ts),
// picks the sheet, locates the table (table.ts), reads each data row as a line (skipping blank,
// hidden, total and footer rows, reporting each), builds the line tree from the numbering (tree.ts),
// turns figures into amounts — formulas at total positions are totals PlanDesk computes, plain numbers
// there are *stated* values — and checks the file's own totals against the computed ones.
import fs from 'node:fs';
import path from 'node:path';
import { ColumnTree, defaultColumns } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import type { Amount, CycleData, DisplayUnit, Dong, FundingColumn, Line } from '../../../shared/model';
import { DEFAULT_RULES, MAX_CELL_DONG } from '../../../shared/model';
import { formatAmount, type NumberLocale } from '../../../shared/number';
import { blankCycle } from '../../../shared/samples/dak-nong-2024';
import type { ExcelMessageKey } from '../../../shared/i18n/excel';
import { decidePolicy, decimalToDong, readTextNumber, shapeOf, type TextNumberPolicy } from './amounts';
import { ImportError, checkAbort } from './errors';
import { LIMITS } from './limits';
import { parseMapping, type ImportMapping } from './mapping';
import { openWorkbook } from './open';
import { META_SHEET, parseMetaSheet, type AnnexMeta } from './planmeta';
import type { Row, SheetData, WorkbookSource } from './sheet';
import { styleOf } from './sheet';
import { cellText, locateTable, type TableLayout } from './table';
import { address, colLetter, fold } from './text';
import { buildTree, codeStyle } from './tree';

export interface ImportOptions {
  /** Sheet name or 0-based index; default: the first visible sheet that has a budget table. */
  sheet?: string | number;
  mapping?: ImportMapping;
  signal?: AbortSignal;
  /** Called with 0..1 as the import advances. */
  onProgress?: (fraction: number) => void;
}

export interface ImportWarning {
  key: ExcelMessageKey;
  params: Record<string, string | number>;
  /** Excel address ("F23") or row ("23") the warning is about. */
  address?: string;
}

export interface SkippedRow {
  /** Excel row number (1-based) as text, or a range "40-52". */
  address: string;
  row: number;
  reason: ExcelMessageKey;
}

export interface ImportReport {
  format: WorkbookSource['format'];
  sheet: string;
  sheets: string[];
  /** 1-based Excel row numbers of the header rows. */
  headerRows: number[];
  mappedColumns: { column: string; header: string; key: string }[];
  /** "F: Header / Sub-header" for each table column whose meaning is unknown. */
  unmapped: string[];
  unit: DisplayUnit;
  numberLocale: NumberLocale;
  lineCount: number;
  amountCount: number;
  statedCount: number;
  /** Program totals per column key, in đồng (computed by PlanDesk from the imported figures). */
  totals: Record<string, Dong>;
  skipped: SkippedRow[];
  warnings: ImportWarning[];
  /** The file carried PlanDesk's own metadata sheet (an annex PlanDesk exported). */
  fromPlanDesk: boolean;
}

export interface ImportResult {
  data: CycleData;
  report: ImportReport;
}

export type ImportInput = { path: string } | { bytes: Uint8Array; name: string };

const MAX_LISTED = 2000;
const FOOTER = /^(nguoi lap|kt\.?\s|tm\.?\s|kt\.|tm\.|k\/t|t\/m|chu tich|pho chu tich|giam doc|pho giam doc|thu truong|ke toan truong|noi nhan|ghi chu\s*:|luu\s*:|xac nhan|[^,]{1,40}, ngay\b|ngay .{0,5} thang|\(ky[, ])/;
const TOTAL_ROW = /^(tong cong|tong so|tong|cong|tong kinh phi|tong von|toan tinh|tong cong kinh phi)(\s*[:(]|$)/;
const TEXT_ROW = /^(trong do|chia ra|bao gom|gom)\b/;

export async function importSpreadsheet(input: ImportInput, opts: ImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress } = opts;
  checkAbort(signal);
  const mapping = opts.mapping ? parseMapping(opts.mapping) : undefined;
  const bytes = await readInput(input);
  onProgress?.(0.02);
  const wb = await openWorkbook(bytes, { signal });
  const progress = (f: number) => onProgress?.(0.05 + 0.85 * f);

  // PlanDesk's own annex carries its header map: it maps custom column trees too (user mapping wins).
  const planMeta = wb.loadHidden ? parseMetaSheet(await wb.loadHidden(META_SHEET, { signal })) : null;
  const effective: ImportMapping | undefined = mapping ?? (planMeta ? { columns: planMeta.headers } : undefined);
  const wanted = opts.sheet ?? mapping?.sheet;
  let sheet: SheetData | null = null;
  let layout: TableLayout | null = null;
  if (wanted !== undefined) {
    const idx = typeof wanted === 'number' ? wanted : wb.sheets.findIndex((s) => s.name === wanted.normalize('NFC') || fold(s.name) === fold(wanted));
    if (idx < 0 || idx >= wb.sheets.length) throw new ImportError('excel.error.sheet_not_found', { sheet: String(wanted), sheets: wb.sheets.map((s) => s.name).join(', ') });
    sheet = await wb.load(idx, { signal, onProgress: progress });
    layout = locateTable(sheet, effective);
    if (!layout) throw new ImportError('excel.error.no_table_in_sheet', { sheet: sheet.name });
  } else {
    const order = wb.sheets.map((s, i) => ({ s, i })).filter(({ s }) => !s.hidden && s.name !== META_SHEET);
    for (const { i } of order) {
      checkAbort(signal);
      const candidate = await wb.load(i, { signal, onProgress: progress });
      const found = locateTable(candidate, effective);
      if (found) {
        sheet = candidate;
        layout = found;
        break;
      }
    }
    if (!sheet || !layout) throw new ImportError('excel.error.no_table');
  }
  checkAbort(signal);
  const result = buildResult(wb, sheet, layout, planMeta, signal);
  onProgress?.(1);
  return result;
}

async function readInput(input: ImportInput): Promise<Uint8Array> {
  if ('bytes' in input) return input.bytes;
  let size: number;
  try {
    size = (await fs.promises.stat(input.path)).size;
  } catch (e) {
    throw new ImportError('excel.error.not_found', { file: path.basename(input.path) }, { cause: e });
  }
  if (size > LIMITS.maxFileBytes) {
    throw new ImportError('excel.error.file_too_big', { size: Math.round(size / 1048576), max: LIMITS.maxFileBytes / 1048576 });
  }
  return fs.promises.readFile(input.path);
}

/** One figure of a row, read as the row is passed (so the sheet's cells can be let go). */
interface Fig {
  key: string;
  col: number;
  formula: boolean;
  /** đồng; null while a text number waits for the table's convention, or when unreadable. */
  value: Dong | null;
  /** A number stored as text, read once the convention is decided. */
  text: string | null;
  /** A formula without a cached result. */
  noValue: boolean;
}

interface RawLine {
  rowIndex: number;
  code: string;
  name: string;
  agency: string;
  note: string;
  bold: boolean;
  indent: number;
  figs: Fig[];
}

function buildResult(wb: WorkbookSource, sheet: SheetData, layout: TableLayout, planMeta: AnnexMeta | null, signal?: AbortSignal): ImportResult {
  const warnings: ImportWarning[] = [];
  const skipped: SkippedRow[] = [];
  let moreWarnings = 0;
  const warn = (key: ExcelMessageKey, params: Record<string, string | number>, addr?: string) => {
    if (warnings.length < MAX_LISTED) warnings.push({ key, params, ...(addr ? { address: addr } : {}) });
    else moreWarnings++;
  };
  const skip = (row: number, reason: ExcelMessageKey, label?: string) => {
    if (skipped.length < MAX_LISTED) skipped.push({ address: label ?? String(row + 1), row: row + 1, reason });
  };

  const fieldCol = (k: string) => layout.columns.find((c) => c.key === k)?.col;
  const codeCol = fieldCol('code');
  const nameCol = fieldCol('name');
  const agencyCol = fieldCol('agency');
  const noteCol = fieldCol('note');
  const amountCols = layout.columns.filter((c) => c.key && c.key !== 'ignore' && !['code', 'name', 'agency', 'note'].includes(c.key));
  const tableColList = layout.columns.map((c) => c.col);

  const dupCols = new Set(layout.duplicates.map((d) => d.col));
  for (const c of layout.columns) if (c.key === null && !dupCols.has(c.col)) warn('excel.warn.unmapped_column', { column: c.letter, header: c.path.join(' / ') }, c.letter);
  for (const d of layout.duplicates) warn('excel.warn.duplicate_column', { column: colLetter(d.col), key: d.key }, colLetter(d.col));
  for (const h of layout.hiddenColumns) skip(layout.headerRows[0], 'excel.skip.hidden_column', colLetter(h));
  if (sheet.droppedCols > 0) warn('excel.warn.columns_dropped', { count: sheet.droppedCols, max: LIMITS.maxCols });
  if (layout.columnNumberRow !== null) skip(layout.columnNumberRow, 'excel.skip.column_numbers');

  // ---- rows → raw lines ---------------------------------------------------------------------
  const raws: RawLine[] = [];
  const totalRows: { rowIndex: number; figs: Fig[]; before: boolean }[] = [];
  const unit: DisplayUnit = layout.unit ?? planMeta?.meta.unit ?? 'trieu';
  if (!layout.unit) warn('excel.warn.unit_missing', { unit });
  let start = 0;
  while (start < sheet.rows.length && sheet.rows[start].index < layout.dataFrom) start++;
  for (let i = start; i < sheet.rows.length; i++) {
    if ((i & 4095) === 0) checkAbort(signal);
    const row = sheet.rows[i];
    const text = (col: number | undefined) => (col === undefined ? '' : cellText(row.cells[col]));
    let any = false;
    for (const col of tableColList) {
      if (row.cells[col] && cellText(row.cells[col]) !== '') {
        any = true;
        break;
      }
    }
    if (!any) continue;
    if (row.hidden) {
      skip(row.index, 'excel.skip.hidden_row');
      continue;
    }
    const figs: Fig[] = [];
    let hasFigures = false;
    for (const c of amountCols) {
      const cell = row.cells[c.col];
      if (!cell || (!cell.formula && cellText(cell) === '')) continue;
      const fig: Fig = { key: c.key!, col: c.col, formula: cell.formula, value: null, text: null, noValue: false };
      if (cell.kind === 'n') {
        hasFigures = true;
        if (cell.noValue) fig.noValue = true;
        else {
          // Totals may exceed one cell's limit; stored amounts are checked against it below.
          fig.value = decimalToDong(cell.text, unit, Number.MAX_SAFE_INTEGER);
          if (fig.value === null) warn('excel.warn.unreadable_cell', { text: cell.text.slice(0, 60) }, address(row.index, c.col));
        }
      } else if (cell.kind === 's') {
        if (shapeOf(cell.text) !== 'none') hasFigures = true;
        fig.text = cellText(cell);
      } else warn('excel.warn.unreadable_cell', { text: cell.text.slice(0, 60) }, address(row.index, c.col));
      figs.push(fig);
    }
    const code = text(codeCol);
    const name = text(nameCol);
    // Footer, total and text-only rows never carry a numbering code: skip the folding for coded lines.
    if (!code || codeStyle(code, null) === null) {
      const lead = fold(code || name || firstText(row));
      if (!hasFigures && FOOTER.test(lead)) {
        const lastRow = sheet.rows[sheet.rows.length - 1].index;
        skip(row.index, 'excel.skip.footer', lastRow > row.index ? `${row.index + 1}-${lastRow + 1}` : undefined);
        break;
      }
      const label = fold(code || name);
      if (TOTAL_ROW.test(label) && label.length < 40) {
        totalRows.push({ rowIndex: row.index, figs, before: raws.length === 0 });
        skip(row.index, 'excel.skip.total_row');
        continue;
      }
      if (!hasFigures && !code && TEXT_ROW.test(label)) {
        skip(row.index, 'excel.skip.text_row');
        continue;
      }
    }
    if (!code && !name && !hasFigures) {
      skip(row.index, 'excel.skip.no_line');
      continue;
    }
    const s = styleOf(sheet, row.cells[nameCol ?? codeCol ?? 0]);
    const sc = styleOf(sheet, row.cells[codeCol ?? nameCol ?? 0]);
    raws.push({
      rowIndex: row.index,
      code,
      name,
      agency: text(agencyCol),
      note: text(noteCol),
      bold: s.bold || sc.bold,
      indent: s.indent,
      figs,
    });
  }
  // Every figure is read: the sheet's cells are no longer needed (a big sheet is most of the memory).
  sheet.rows = [];

  // ---- numbers stored as text: decide the table's convention, then read them -------------------
  const texts: string[] = [];
  for (const r of raws) for (const f of r.figs) if (f.text !== null) texts.push(f.text);
  for (const r of totalRows) for (const f of r.figs) if (f.text !== null) texts.push(f.text);
  const policy: TextNumberPolicy = decidePolicy(texts, planMeta?.meta.numberLocale ?? 'vi-VN');
  let textNumbers = 0;
  const readTexts = (rowIndex: number, figs: Fig[]) => {
    for (const f of figs) {
      if (f.text === null) continue;
      const t = readTextNumber(f.text, unit, policy);
      if (!t.ok) warn('excel.warn.unreadable_cell', { text: f.text.slice(0, 60) }, address(rowIndex, f.col));
      else if (t.value !== null) {
        f.value = t.value;
        textNumbers++;
        if (t.ambiguous) warn('excel.warn.ambiguous_number', { text: f.text, value: formatAmount(t.value, unit), locale: policy.locale }, address(rowIndex, f.col));
      }
    }
  };
  if (texts.length) {
    for (const r of raws) readTexts(r.rowIndex, r.figs);
    for (const r of totalRows) readTexts(r.rowIndex, r.figs);
  }

  // ---- the trees ------------------------------------------------------------------------------
  const { parent, fallback } = buildTree(raws.map((r) => ({ code: r.code, bold: r.bold, indent: r.indent })));
  for (const i of fallback) warn('excel.warn.code_not_numbering', { code: raws[i].code }, address(raws[i].rowIndex, codeCol ?? 0));
  const present = new Set(amountCols.map((c) => c.key!));
  const columns = planMeta?.columns ?? columnsFor(present);
  const tree = new ColumnTree(columns);
  for (const c of amountCols) if (!tree.has(c.key!)) warn('excel.warn.unknown_key', { column: c.letter, key: c.key! }, c.letter);

  const lines: Line[] = [];
  const childCount = new Map<number, number>();
  const rowToLine = new Map<number, Line>();
  raws.forEach((r, i) => {
    const parentId = parent[i] >= 0 ? parent[i] + 1 : null;
    const position = childCount.get(parentId ?? 0) ?? 0;
    childCount.set(parentId ?? 0, position + 1);
    const line: Line = { id: i + 1, parentId, position, code: r.code, name: r.name, agency: r.agency, note: r.note, allowedCapital: null, isAdjustment: false };
    lines.push(line);
    rowToLine.set(r.rowIndex + 1, line);
  });
  const isParent = new Set<number>();
  for (const l of lines) if (l.parentId !== null) isParent.add(l.parentId);

  const amounts: Amount[] = [];
  const formulaTotals: { lineId: number; key: string; value: Dong; row: number; col: number }[] = [];
  let statedCount = 0;
  const asValue = new Set((planMeta?.computedAsValue ?? []).map((v) => `${v.row}:${v.key}:${v.code}`));
  raws.forEach((r, i) => {
    const line = lines[i];
    for (const f of r.figs) {
      if (!tree.has(f.key)) continue;
      const atTotal = isParent.has(line.id) || !tree.isLeaf(f.key);
      if (f.noValue) {
        if (!atTotal) warn('excel.warn.formula_no_value', {}, address(r.rowIndex, f.col));
        continue;
      }
      if (f.value === null) continue;
      if (atTotal && (f.formula || (asValue.size > 0 && asValue.has(`${r.rowIndex + 1}:${f.key}:${line.code}`)))) {
        formulaTotals.push({ lineId: line.id, key: f.key, value: f.value, row: r.rowIndex, col: f.col });
        continue;
      }
      if (Math.abs(f.value) > MAX_CELL_DONG) {
        warn('excel.warn.unreadable_cell', { text: formatAmount(f.value, unit) }, address(r.rowIndex, f.col));
        continue;
      }
      amounts.push({ lineId: line.id, column: f.key, value: f.value });
      if (atTotal) statedCount++;
    }
  });

  // PlanDesk's own annex: restore stated totals written as formulas, and per-line settings.
  if (planMeta) {
    // Only the lines named by stated entries matter (a 100.000-line plan has ~400.000 amounts).
    const named = new Set<number>();
    for (const st of planMeta.stated) {
      const line = rowToLine.get(st.row);
      if (line) named.add(line.id);
    }
    const have = new Set<string>();
    if (named.size) for (const a of amounts) if (named.has(a.lineId)) have.add(`${a.lineId}:${a.column}`);
    for (const s of planMeta.stated) {
      const line = rowToLine.get(s.row);
      if (!line || line.code !== s.code || !tree.has(s.key) || have.has(`${line.id}:${s.key}`) || !Number.isSafeInteger(s.value)) continue;
      amounts.push({ lineId: line.id, column: s.key, value: s.value });
      statedCount++;
    }
    for (const l of planMeta.lines) {
      const line = rowToLine.get(l.row);
      if (line && line.code === l.code) {
        line.allowedCapital = l.allowedCapital;
        line.isAdjustment = l.isAdjustment;
      }
    }
  }

  // ---- checks against computed totals ---------------------------------------------------------
  const calc = new PlanCalc(tree, lines, amounts);
  const fmt = (v: Dong) => formatAmount(v, unit);
  for (const f of formulaTotals) {
    const computed = calc.value(f.lineId, f.key);
    if (computed !== f.value) {
      warn('excel.warn.formula_total_differs', { file: fmt(f.value), computed: fmt(computed), diff: fmt(f.value - computed) }, address(f.row, f.col));
    }
  }
  const colOf = new Map(amountCols.map((c) => [c.key!, c.col]));
  const rowOfLine = new Map(raws.map((r, i) => [lines[i].id, r.rowIndex]));
  for (const a of amounts) {
    const m = calc.statedMismatch(a.lineId, a.column);
    if (m && !calc.isUnallocatedParent(a.lineId)) {
      const rowIdx = rowOfLine.get(a.lineId)!;
      warn('excel.warn.stated_mismatch', { stated: fmt(m.stated), computed: fmt(m.computed), diff: fmt(m.stated - m.computed) }, address(rowIdx, colOf.get(a.column) ?? 0));
    }
  }
  const grand = totalRows.find((t) => t.before) ?? totalRows[totalRows.length - 1];
  if (grand) {
    for (const f of grand.figs) {
      if (!tree.has(f.key) || f.value === null) continue;
      const computed = calc.total(f.key);
      if (computed !== f.value) {
        warn('excel.warn.total_row_mismatch', { file: fmt(f.value), computed: fmt(computed), diff: fmt(f.value - computed) }, address(grand.rowIndex, f.col));
      }
    }
  }
  if (textNumbers > 0) warn('excel.warn.text_numbers', { count: textNumbers, locale: policy.locale });
  const fonts = new Set<string>();
  for (const s of sheet.styles) if (/^\.?vn|^vni[- ]/i.test(s.font)) fonts.add(s.font);
  for (const f of fonts) warn('excel.warn.legacy_font', { font: f });
  // TCVN3 (ABC) text read as Unicode looks like "Ng©n s¸ch nhµ n­íc": Latin-1 symbols where
  // Vietnamese letters should be, and no real Vietnamese letters at all.
  const legacy = raws.slice(0, 500).filter((r) => /[\u00a8-\u00be\u00c6-\u00d6\u00de-\u00fe].*[\u00a8-\u00be\u00c6-\u00d6\u00de-\u00fe]/.test(r.name) && !/[\u1ea0-\u1ef9ơưđăƠƯĐĂ]/.test(r.name));
  if (legacy.length >= 2 && fonts.size === 0) warn('excel.warn.legacy_text', { example: legacy[0].name.slice(0, 40) });
  if (lines.length === 0) warn('excel.warn.no_lines', {});
  if (moreWarnings > 0) warnings.push({ key: 'excel.warn.more', params: { count: moreWarnings } });

  // ---- the cycle ------------------------------------------------------------------------------
  const base = blankCycle(layout.title.year ?? new Date().getFullYear()).meta;
  const meta = planMeta
    ? { ...planMeta.meta, unit }
    : {
        ...base,
        program: '',
        unit,
        numberLocale: policy.locale,
        ...(layout.title.docKind ? { docKind: layout.title.docKind } : {}),
        ...(layout.title.docNumber ? { docNumber: layout.title.docNumber } : {}),
        ...(layout.title.docDate ? { docDate: layout.title.docDate } : {}),
        ...(layout.title.issuer ? { issuer: layout.title.issuer } : {}),
      };
  const totals: Record<string, Dong> = {};
  for (const c of tree.ordered) totals[c.key] = calc.total(c.key);
  const data: CycleData = { meta, columns, lines, amounts, rules: planMeta ? planMeta.rules : { ...DEFAULT_RULES } };
  const report: ImportReport = {
    format: wb.format,
    sheet: sheet.name,
    sheets: wb.sheets.filter((s) => s.name !== META_SHEET).map((s) => s.name),
    headerRows: layout.headerRows.map((r) => r + 1),
    mappedColumns: layout.columns
      .filter((c) => c.key && c.key !== 'ignore')
      .map((c) => ({ column: c.letter, header: c.path.join(' / '), key: c.key! })),
    unmapped: layout.columns.filter((c) => c.key === null).map((c) => `${c.letter}: ${c.path.join(' / ')}`),
    unit,
    numberLocale: policy.locale,
    lineCount: lines.length,
    amountCount: amounts.length,
    statedCount,
    totals,
    skipped,
    warnings,
    fromPlanDesk: !!planMeta,
  };
  return { data, report };
}

function firstText(row: Row): string {
  for (const c of row.cells) {
    const t = cellText(c);
    if (t) return t;
  }
  return '';
}

/**
 * The column tree of an imported table: the default tree, except that a group column present in the
 * file with none of its sub-columns becomes a leaf (a table with only "NSTW | NSĐP" keeps its figures
 * as entries, not as stated totals over empty parts).
 */
export function columnsFor(present: ReadonlySet<string>): FundingColumn[] {
  const cols = defaultColumns();
  const tree = new ColumnTree(cols);
  const drop = new Set<string>();
  for (const c of tree.ordered) {
    if (tree.isLeaf(c.key) || !present.has(c.key) || drop.has(c.key)) continue;
    const under = tree.ordered.filter((d) => d.key !== c.key && tree.ancestors(d.key).includes(c.key));
    if (!under.some((d) => present.has(d.key))) for (const d of under) drop.add(d.key);
  }
  return cols.filter((c) => !drop.has(c.key));
}

