// Find the budget table in a sheet: the header block (1-3 rows, merged cells expanded), the
// optional column-number row "(1) (2) (4)=(5)+(8)", the unit ("Đơn vị tính: triệu đồng"), the title
// lines above (Phụ lục, "(Kèm theo … số … ngày …)") and each column's meaning. Pure: reads SheetData.
import type { DisplayUnit, FundingColumn } from '../../../shared/model';
import { fileColumnTree, isFundingHeader, type AmountHeader } from './column-tree';
import { isHeaderWord, keyForPath, type TargetKey } from './headers';
import type { ImportMapping } from './mapping';
import type { Cell, Row, SheetData } from './sheet';
import { colIndex, colLetter, fold } from './text';
import { readTitleDetails, type PlacedText } from './document-texts';
import { cellText, headerGrid, headerPath } from './header-grid';
import { LIMITS } from './limits';

export interface ColumnInfo {
  col: number;
  letter: string;
  /** Header texts top to bottom, as written (NFC). */
  path: string[];
  key: TargetKey | 'ignore' | null;
  /** How the key was decided. */
  by: 'header' | 'mapping' | 'none';
}

export interface TableLayout {
  /** 0-based row indexes of the header block. */
  headerRows: number[];
  columnNumberRow: number | null;
  columns: ColumnInfo[];
  /** First row index after header (and column-number row). */
  dataFrom: number;
  unit: DisplayUnit | null;
  title: TitleInfo;
  hiddenColumns: number[];
  duplicates: { col: number; key: string }[];
  /** The table's funding-column tree (column-tree.ts): standard columns where they mean the same, new ones for the rest. */
  fundingColumns: FundingColumn[];
  /** Keys of the funding columns that are not in the standard tree. */
  addedColumns: string[];
}

const LINE_FIELDS = new Set(['code', 'name', 'agency', 'note']);

export interface TitleInfo {
  /** The program named in the title, the issuing body at the top left, "Phụ lục I" (document-texts.ts). */
  program?: string;
  annexNumber?: string;
  docKind?: string;
  docNumber?: string;
  docDate?: string;
  issuer?: string;
  year?: number;
}

export { cellText } from './header-grid';

const COLUMN_NUMBER = /^[([]?\s*([0-9]{1,2}|[A-Z])\s*[)\]]?(\s*=.*)?$/;

/** Whether a row is the "(1) (2) (3)=(4)+(5)" row under the header. */
export function isColumnNumberRow(row: Row | undefined): boolean {
  if (!row) return false;
  let n = 0;
  let bad = 0;
  for (const c of row.cells) {
    if (!c) continue;
    const t = cellText(c);
    if (t === '') continue;
    if (c.kind === 'n' ? /^\d{1,2}$/.test(t) : COLUMN_NUMBER.test(t) && t.length <= 40) n++;
    else bad++;
  }
  return n >= 3 && bad === 0;
}

const UNIT_RE = /(?:don vi tinh|don vi|dvt)\s*[:.]?\s*(1\.000\.000 dong|1\.000 dong|1000 dong|nghin dong|ngan dong|trieu dong|ty dong|tr\.? ?dong|trd|tr\.d|dong)/;

export function unitFromText(text: string): DisplayUnit | null {
  const m = UNIT_RE.exec(fold(text));
  if (!m) return null;
  const u = m[1];
  if (/^(1\.000\.000|trieu|tr)/.test(u)) return 'trieu';
  if (/^(1\.?000 |nghin|ngan)/.test(u)) return 'nghin';
  if (u.startsWith('ty')) return 'ty';
  return 'dong';
}

function titleOf(texts: PlacedText[]): TitleInfo {
  const doc = parseTitle(texts.map((t) => t.text));
  const details = readTitleDetails(texts);
  // The "(Kèm theo … của Ủy ban nhân dân tỉnh …)" line names the issuer in the document's own words.
  return { ...details, ...doc, ...(doc.issuer ? {} : details.issuer ? { issuer: details.issuer } : {}) };
}

function parseTitle(texts: string[]): TitleInfo {
  const out: TitleInfo = {};
  for (const t of texts) {
    const m = /kèm theo\s+(.+?)\s+số\s*:?\s*(\S+)\s+ngày\s+(\d{1,2})\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4})(?:\s+của\s+(.+?))?\s*\)?\s*$/iu.exec(t);
    if (m) {
      out.docKind = m[1].trim();
      out.docNumber = m[2].trim();
      out.docDate = `${m[5]}-${m[4].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
      if (m[6]) out.issuer = m[6].trim();
      out.year ??= Number(m[5]);
    }
    const y = /\bnăm\s+(\d{4})\b/iu.exec(t);
    if (y && !m) out.year = Number(y[1]);
  }
  return out;
}

/**
 * Locate the table. Returns null when the sheet has no budget table (no header naming at least one
 * amount column and a code or name column).
 */
export function locateTable(sheet: SheetData, mapping?: ImportMapping): TableLayout | null {
  const rows = sheet.rows;
  const byIndex = new Map<number, Row>();
  const scan = rows.slice(0, LIMITS.headerSearchRows);
  for (const r of scan) byIndex.set(r.index, r);

  let block: number[];
  if (mapping?.headerRows?.length) {
    block = mapping.headerRows.map((n) => n - 1).sort((a, b) => a - b);
    for (const r of rows.slice(0, Math.max(...block) + 2)) byIndex.set(r.index, r);
  } else {
    const anchor = scan.find((r) => !r.hidden && r.cells.filter((c) => c && c.kind === 's' && isHeaderWord(c.text)).length >= 2);
    if (!anchor) return null;
    block = [anchor.index];
    // Rows merged into the anchor from above belong to the header too.
    for (const m of sheet.merges) if (m.r1 < anchor.index && m.r2 >= anchor.index && m.r1 >= anchor.index - 3) block.push(m.r1);
    block = [...new Set(block)].sort((a, b) => a - b);
    for (let r = anchor.index + 1; r <= block[0] + 3; r++) {
      const row = byIndex.get(r);
      const last = block[block.length - 1];
      const merged = sheet.merges.some((m) => m.r1 <= last && m.r1 >= block[0] && m.r2 >= r);
      const words = row ? row.cells.filter((c) => c && c.kind === 's' && isHeaderWord(c.text)).length : 0;
      const numbers = row ? row.cells.some((c) => c && c.kind === 'n' && !c.formula) : false;
      if (isColumnNumberRow(row)) break;
      if ((merged && !numbers) || (words >= 2 && !numbers)) block.push(r);
      else break;
    }
    block = [...new Set(block)].sort((a, b) => a - b);
  }
  const first = block[0];
  const last = block[block.length - 1];

  // Header texts with merged cells expanded over the block (a merge's top row may lie above the rows indexed).
  const header = headerGrid(block, (i) => byIndex.get(i) ?? rows.find((r) => r.index === i), sheet.merges);
  const { cols } = header;

  const hiddenColumns: number[] = [];
  const columns: ColumnInfo[] = [];
  const mapped = mappingByColumn(mapping);
  for (const col of cols) {
    const path = headerPath(header, block, col);
    const letter = colLetter(col);
    const explicit = mapped.byLetter.get(letter) ?? matchText(mapped.byText, path);
    if (explicit) {
      columns.push({ col, letter, path, key: explicit, by: 'mapping' });
      continue;
    }
    if (sheet.hiddenCols.has(col)) {
      hiddenColumns.push(col);
      continue;
    }
    const key = keyForPath(path);
    columns.push({ col, letter, path, key, by: key ? 'header' : 'none' });
  }
  // The funding columns as a tree: each keeps its place under the merged header cells above it.
  const amount: AmountHeader[] = [];
  for (const c of columns) {
    if (c.key === 'ignore' || (c.key && LINE_FIELDS.has(c.key))) continue;
    if (c.by === 'mapping') amount.push({ col: c.col, path: c.path, fixed: c.key! });
    else if (c.key !== null || isFundingHeader(c.path)) amount.push({ col: c.col, path: c.path });
  }
  const funding = fileColumnTree(amount);
  for (const c of columns) {
    const key = funding.keyOf.get(c.col);
    if (key === undefined || c.by === 'mapping') continue;
    c.key = key;
    c.by = 'header';
  }
  // One column per key: a second column with the same meaning is not mapped with confidence.
  const seen = new Set<string>();
  const duplicates: { col: number; key: string }[] = [];
  for (const c of columns) {
    if (!c.key || c.key === 'ignore') continue;
    if (seen.has(c.key)) {
      if (c.by === 'header') {
        duplicates.push({ col: c.col, key: c.key });
        c.key = null;
        c.by = 'none';
      }
    } else seen.add(c.key);
  }
  const hasAmount = columns.some((c) => c.key && c.key !== 'ignore' && !LINE_FIELDS.has(c.key));
  const hasLine = columns.some((c) => c.key === 'name' || c.key === 'code');
  if (!hasAmount || !hasLine) return null;

  let dataFrom = last + 1;
  let columnNumberRow: number | null = null;
  const next = rows.find((r) => r.index > last);
  if (next && isColumnNumberRow(next)) {
    columnNumberRow = next.index;
    dataFrom = next.index + 1;
  }

  // Unit and title: rows above the header (and the header itself, where some put the unit).
  let unit: DisplayUnit | null = null;
  const titleTexts: PlacedText[] = [];
  for (const r of rows) {
    if (r.index > last) break;
    r.cells.forEach((c, col) => {
      const t = cellText(c);
      if (!t) return;
      unit ??= unitFromText(t);
      if (r.index < first) titleTexts.push({ row: r.index, col, text: t });
    });
  }
  return {
    headerRows: block,
    columnNumberRow,
    columns,
    dataFrom,
    unit,
    title: titleOf(titleTexts),
    hiddenColumns,
    duplicates,
    fundingColumns: funding.columns,
    addedColumns: funding.added,
  };
}

function mappingByColumn(mapping: ImportMapping | undefined): { byLetter: Map<string, string>; byText: Map<string, string> } {
  const byLetter = new Map<string, string>();
  const byText = new Map<string, string>();
  for (const [k, v] of Object.entries(mapping?.columns ?? {})) {
    if (/^[A-Z]{1,3}$/.test(k) && colIndex(k) >= 0) byLetter.set(k, v);
    else byText.set(fold(k), v);
  }
  return { byLetter, byText };
}

function matchText(byText: Map<string, string>, path: string[]): string | undefined {
  if (byText.size === 0) return undefined;
  const joined = fold(path.join(' / '));
  if (byText.has(joined)) return byText.get(joined);
  for (let i = path.length - 1; i >= 0; i--) {
    const v = byText.get(fold(path[i]));
    if (v) return v;
  }
  return undefined;
}

