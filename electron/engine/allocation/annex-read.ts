// Read an allocation annex's layout from one sheet: units as rows, the plan's lines as columns under
// one to three header rows ("Dự án 3" over "Tiểu dự án 1"; "Tiểu dự án 1 - Dự án 3" in one cell;
// funding sub-headers such as "NSTW" / "ĐTPT"), the title above (whose wording may name the funding
// column: "kinh phí sự nghiệp ngân sách Trung ương"), the unit ("Đơn vị tính: triệu đồng"), and the
// body's rows sorted into units, group rows ("I. Khối Sở, ban, ngành") and total rows (TỔNG CỘNG,
// Cộng). Pure: reads SheetData; no plan, no units — matching them is match.ts's job.
import type { FundingHint } from '../../../shared/commands/alloc-io';
import type { DisplayUnit } from '../../../shared/model';
import { classifyHeader } from '../excel/headers';
import { LIMITS } from '../excel/limits';
import type { Cell, Row, SheetData } from '../excel/sheet';
import { headerGrid, headerPath } from '../excel/header-grid';
import { cellText, isColumnNumberRow, unitFromText } from '../excel/table';
import { colLetter, fold } from '../excel/text';

/** A column of figures: its header texts top to bottom, as written. */
export interface AnnexColumn {
  col: number;
  letter: string;
  path: string[];
}

export type RowKind = 'unit' | 'group' | 'total';

export interface AnnexRow {
  /** 0-based sheet row. */
  row: number;
  kind: RowKind;
  code: string;
  name: string;
  /** The row's cells by 0-based column. */
  cells: (Cell | undefined)[];
}


export interface AllocationSheet {
  sheet: string;
  headerRows: number[];
  nameCol: number;
  codeCol: number | null;
  /** Columns that may hold shares (not the name, code, note or a total column). */
  columns: AnnexColumn[];
  /** Columns left out as totals ("Cộng", "Tổng số" under a project): checked by nobody, written by nobody. */
  totalColumns: AnnexColumn[];
  rows: AnnexRow[];
  unit: DisplayUnit | null;
  /** What the title says of the funding column, when it says one thing. */
  titleFunding: FundingHint;
  /** The title's texts (above the header), for the report. */
  title: string[];
}

/** The header of the units' column: "Tên đơn vị", "Đơn vị", "Địa phương", "Xã, phường", … (never "Đơn vị tính"). */
const UNIT_HEADER = /^(ten )?(don vi|dia phuong|co quan,? don vi|xa|phuong|huyen|dia ban|so,? ban,? nganh)(?! tinh)\b/;
/** A plan table's content column: a sheet with one is a plan, not an allocation annex. */
const PLAN_NAME_HEADER = /^(noi dung|ten du an|ten cong trinh|danh muc|hang muc|chi tieu|ten noi dung|chuong trinh, du an|noi dung chi)\b/;
const CODE_HEADER = /^(stt|tt|so tt|so thu tu|ma|ma so|ma don vi)$/;
const NOTE_HEADER = /^ghi chu\b/;
const TOTAL_TEXT = /^(tong cong|tong so|tong kinh phi|tong von|tong|cong|toan tinh)\b/;
/** Where a table's footer starts (the signature block, notes). */
const FOOTER_TEXT = /^(ghi chu|nguoi lap|tm\.|kt\.|noi nhan|chu tich|giam doc|thu truong)/;
const ROMAN = /^(?=[ivxlc]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

const fHead = (s: string) => fold(s).replace(/[:.*]+$/, '').trim();

/** Whether the row is the header row of an allocation annex: a units column and no plan content column. */
function anchorCols(row: Row): { nameCol: number; codeCol: number | null } | null {
  let nameCol = -1;
  let codeCol: number | null = null;
  for (let c = 0; c < row.cells.length; c++) {
    const cell = row.cells[c];
    if (!cell || cell.kind !== 's') continue;
    const f = fHead(cell.text);
    if (PLAN_NAME_HEADER.test(f)) return null;
    if (nameCol < 0 && UNIT_HEADER.test(f)) nameCol = c;
    else if (codeCol === null && CODE_HEADER.test(f)) codeCol = c;
  }
  return nameCol >= 0 ? { nameCol, codeCol } : null;
}

/**
 * Whether a sheet looks like an allocation annex (the importer's kind detection): the same test
 * readAllocationSheet starts with, without reading the body.
 */
export function looksLikeAllocation(sheet: SheetData): boolean {
  return sheet.rows.slice(0, LIMITS.headerSearchRows).some((r) => !r.hidden && anchorCols(r) !== null && r.cells.filter((c) => c && c.kind === 's').length >= 3);
}

/** Read the annex's layout and rows; null when the sheet has no units-by-lines table. */
export function readAllocationSheet(sheet: SheetData): AllocationSheet | null {
  const rows = sheet.rows;
  const scan = rows.slice(0, LIMITS.headerSearchRows);
  const anchorIdx = scan.findIndex((r) => !r.hidden && anchorCols(r) !== null && r.cells.filter((c) => c && c.kind === 's').length >= 3);
  if (anchorIdx < 0) return null;
  const anchor = scan[anchorIdx];
  const { nameCol, codeCol } = anchorCols(anchor)!;

  // The header block: the anchor, rows merged into it from above, and sub-header rows below (no
  // unit name in the name column — or it is merged down from the anchor —, no plain numbers).
  const byIndex = new Map(scan.map((r) => [r.index, r]));
  const nameMergeEnd = sheet.merges.find((m) => m.r1 === anchor.index && m.c1 <= nameCol && m.c2 >= nameCol)?.r2 ?? anchor.index;
  let block = [anchor.index];
  for (const m of sheet.merges) if (m.r1 < anchor.index && m.r2 >= anchor.index && m.r1 >= anchor.index - 2) block.push(m.r1);
  let dataFrom = anchor.index + 1;
  for (let r = anchor.index + 1; r <= anchor.index + 3; r++) {
    const row = byIndex.get(r);
    if (!row) {
      if (r <= nameMergeEnd) {
        block.push(r);
        dataFrom = r + 1;
        continue;
      }
      break;
    }
    if (isColumnNumberRow(row)) {
      dataFrom = r + 1;
      break;
    }
    const nameText = cellText(row.cells[nameCol]);
    const plainNumber = row.cells.some((c) => c && c.kind === 'n' && !c.formula);
    const texts = row.cells.filter((c) => c && c.kind === 's' && cellText(c) !== '').length;
    if ((nameText === '' || r <= nameMergeEnd) && !plainNumber && texts > 0) {
      block.push(r);
      dataFrom = r + 1;
    } else break;
  }
  block = [...new Set(block)].sort((a, b) => a - b);
  const first = block[0];
  const last = block[block.length - 1];

  // Header texts with merged cells spread over the block (a project's name over its sub-projects).
  const header = headerGrid(block, (i) => byIndex.get(i), sheet.merges);
  const columns: AnnexColumn[] = [];
  const totalColumns: AnnexColumn[] = [];
  for (const col of header.cols) {
    if (col === nameCol || col === codeCol || sheet.hiddenCols.has(col)) continue;
    const path = headerPath(header, block, col);
    const lastText = fHead(path[path.length - 1] ?? '');
    if (NOTE_HEADER.test(lastText) || CODE_HEADER.test(lastText)) continue;
    const column = { col, letter: colLetter(col), path };
    // "Cộng", "Tổng số" (alone or under a project), "Tổng NSTW": a total, not a line's share.
    if (TOTAL_TEXT.test(lastText) || path.every((p) => TOTAL_TEXT.test(fHead(p)))) totalColumns.push(column);
    else columns.push(column);
  }
  if (columns.length === 0) return null;

  // Title and unit: the texts above the header.
  let unit: DisplayUnit | null = null;
  const title: string[] = [];
  for (const r of rows) {
    if (r.index > last) break;
    for (const c of r.cells) {
      const t = cellText(c);
      if (!t) continue;
      const u = unitFromText(t);
      unit ??= u;
      if (r.index < first && !u) title.push(t);
    }
  }

  return {
    sheet: sheet.name,
    headerRows: block,
    nameCol,
    codeCol,
    columns,
    totalColumns,
    rows: readRows(sheet, dataFrom, nameCol, codeCol, columns),
    unit,
    titleFunding: fundingOfTitle(title),
    title,
  };
}

function readRows(sheet: SheetData, dataFrom: number, nameCol: number, codeCol: number | null, columns: AnnexColumn[]): AnnexRow[] {
  const out: AnnexRow[] = [];
  let seenUnits = false;
  let seenTotalAfterUnits = false;
  for (const r of sheet.rows) {
    if (r.index < dataFrom || r.hidden) continue;
    const name = cellText(r.cells[nameCol]);
    const code = codeCol === null ? '' : cellText(r.cells[codeCol]);
    const hasFigure = columns.some((c) => cellText(r.cells[c.col]) !== '');
    const fName = fold(name);
    if (FOOTER_TEXT.test(fName) || FOOTER_TEXT.test(fold(code))) break;
    if (name === '' && code === '') {
      if (seenTotalAfterUnits) break;
      continue;
    }
    if (seenTotalAfterUnits && !hasFigure) break;
    let kind: RowKind = 'unit';
    if (TOTAL_TEXT.test(fName) || (name === '' && TOTAL_TEXT.test(fold(code)))) kind = 'total';
    else if (isGroupRow(code, name)) kind = 'group';
    else if (name === '') continue; // a numbered row without a unit: nothing to read
    if (kind === 'unit') seenUnits = true;
    if (kind === 'total' && seenUnits) seenTotalAfterUnits = true;
    out.push({ row: r.index, kind, code, name, cells: r.cells });
  }
  return out;
}

/** "I", "II." or "A" in the number column, or a name opening with one ("I. Khối Sở, ban, ngành"), or "Khối …". */
function isGroupRow(code: string, name: string): boolean {
  const c = fold(code).replace(/[.)]$/, '');
  if (c && (ROMAN.test(c) || /^[a-z]$/.test(c) && code === code.toUpperCase())) return true;
  const m = /^([IVXLC]+|[A-Z])[.)]\s/.exec(name);
  if (m && (ROMAN.test(m[1].toLowerCase()) || m[1].length === 1)) return true;
  return /^khoi\b/.test(fold(name));
}

/** The funding column the title names: one source and/or one capital type, when it names only one. */
export function fundingOfTitle(texts: readonly string[]): FundingHint {
  const sources = new Set<NonNullable<FundingHint['source']>>();
  const capitals = new Set<NonNullable<FundingHint['capital']>>();
  for (const t of texts) {
    const f = fold(t);
    // "(Kèm theo Quyết định số … của UBND tỉnh …)" and agency lines say nothing of the money.
    if (/^\(?\s*kem theo\b/.test(f) || /^(uy ban|ubnd|cong hoa|doc lap|so:)/.test(f)) continue;
    for (const part of f.split(/[()]/)) {
      const h = classifyHeader(part);
      if (h.source) sources.add(h.source);
      if (h.capital) capitals.add(h.capital);
    }
  }
  return {
    ...(sources.size === 1 ? { source: [...sources][0] } : {}),
    ...(capitals.size === 1 ? { capital: [...capitals][0] } : {}),
  };
}
