// Reading a disbursement report (báo cáo tình hình giải ngân) from a worksheet: the header block
// with its column groups — "Kế hoạch vốn năm …" (the plan, compared, never written), "Lũy kế giải
// ngân đến …" (cumulative disbursement), "Đã phân bổ", "Ước thực hiện cả năm" — each with a "Tổng
// số" and source × capital-type sub-columns, or by source only; "Tỷ lệ giải ngân (%)" and "giải ngân
// trong kỳ" are derived and ignored. The as-of date is read from the title and headers ("đến ngày
// 30/6/2024", "6 tháng đầu năm 2024", "31/12/2024"). Carried-over funds (vốn kéo dài, chuyển nguồn)
// come in two layouts, both read: a block of columns beside the year's ("Vốn năm 2023 kéo dài sang
// năm 2024" over its own "Kế hoạch" and "Lũy kế giải ngân"), or sections of rows ("B. VỐN NĂM 2023
// CHUYỂN NGUỒN SANG NĂM 2024" followed by the program's lines again); either way the years its
// header names are kept for import.ts to settle the source year. Pure: SheetData in, rows of raw
// figures out; where they go in the plan is import.ts's business. Header words are read with
// excel/headers.ts.
import type { DisplayUnit } from '../../../shared/model';
import { keyForPath, classifyHeader } from '../excel/headers';
import { LIMITS } from '../excel/limits';
import type { Cell, Row, SheetData } from '../excel/sheet';
import { styleOf } from '../excel/sheet';
import { headerGrid, headerPath } from '../excel/header-grid';
import { cellText, isColumnNumberRow, unitFromText } from '../excel/table';
import { colLetter, fold } from '../excel/text';

import type { ReportRole } from '../../../shared/commands/execution';

export type { ReportRole };

export interface ReportColumn {
  col: number;
  letter: string;
  /** Header texts top to bottom. */
  path: string[];
  role: ReportRole;
  /** The default-tree key its header names ('total', 'central', 'central_investment', 'other'…), or null. */
  key: string | null;
  /** Another column of the same group refines this one (a "Tổng số" over NSTW/NSĐP): checked, not written. */
  derived: boolean;
  /** The column belongs to a carried-over block ("Vốn năm 2023 kéo dài…"), or null: the year's own funds. */
  carried: CarriedFunds | null;
}

/** What a carried-over header (a column block's or a section row's) says about the funds' source year. */
export interface CarriedFunds {
  /** The header text(s) that name the carried-over funds. */
  text: string;
  /** Every year the header names (dates and years after "sang" left out); import.ts keeps those before the plan's year. */
  years: number[];
  /** The header says "năm trước" (the previous year) without a year. */
  previousYear: boolean;
}

/** A section of rows: the year's own funds (carried null) or carried-over funds, from its heading row on. */
export interface ReportSection {
  /** 0-based sheet row of its heading, or -1 for the rows before any heading. */
  row: number;
  title: string;
  carried: CarriedFunds | null;
}

export interface ReportRowData {
  /** 0-based sheet row. */
  row: number;
  code: string;
  name: string;
  bold: boolean;
  indent: number;
  /** The cells of the amount columns, by column index. */
  cells: Map<number, Cell>;
  /** Its section (index into ReportSheet.sections; 0 = before any heading). */
  section: number;
}

export interface ReportSheet {
  headerRows: number[];
  columns: ReportColumn[];
  rows: ReportRowData[];
  unit: DisplayUnit | null;
  /** The as-of date the sheet states (yyyy-mm-dd), and the text it came from. */
  asOf: { date: string; text: string } | null;
  /** Total rows (Tổng cộng…) left out of the lines. */
  totalRows: number[];
  /** Sections of rows; always at least the first (row -1). Headings are left out of the lines. */
  sections: ReportSection[];
}

const PLAN = /^(ke hoach|kh von|kh nam|von (duoc )?giao|du toan|tong (so )?von (duoc )?giao|ke hoach von)\b|\bke hoach von\b/;
const DISBURSED = /\b(luy ke|giai ngan|thuc hien)\b/;
const PERIOD = /\b(trong ky|trong thang|trong quy|ky bao cao)\b/;
const RATE = /\b(ty le|%)/;
const ALLOCATED = /\b(da phan bo|phan bo)\b/;
const ESTIMATE = /\b(uoc thuc hien|uoc ca nam|uoc giai ngan|uoc th)\b/;
/** Carried-over funds (vốn kéo dài, chuyển nguồn, vốn năm trước chuyển sang): a column block or a section of rows. */
const CARRIED = /\b(keo dai|chuyen nguon|nam truoc chuyen sang|chuyen sang)\b/;
/** Inside a carried-over block, the plan's sub-header may just say how much was carried over. */
const CARRIED_PLAN = /^(so von|von|tong von|tong so von)( duoc)? (keo dai|chuyen nguon|chuyen sang)\b/;
/** A section heading for the year's own funds ("A. VỐN KẾ HOẠCH NĂM 2024", "I. Vốn năm 2024"). */
const YEAR_SECTION = /^(von |nguon von )?(ke hoach |kh )?(von )?(ke hoach |kh )?nam \d{4}\b/;
/** A section heading's code: none, a letter or a Roman numeral ("A", "B.", "II"). */
const SECTION_CODE = /^([a-z]|[ivx]{1,4})?\.?$/;

/** The source years a carried-over header names: dates and the year after "sang" (the target) left out. */
export function carriedFunds(texts: readonly string[]): CarriedFunds {
  const f = texts.map((x) => fold(x)).join(' | ');
  const bare = f
    .replace(/\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b/g, ' ')
    .replace(/\bsang( nam)?\s*\d{4}\b/g, ' ')
    .replace(/\b(den|toi)( het)?( ngay| nam)?\s*\d{4}\b/g, ' ');
  const years = [...new Set([...bare.matchAll(/\b(19|20|21)\d{2}\b/g)].map((m) => Number(m[0])))];
  return { text: texts.join(' / '), years, previousYear: /\bnam truoc\b/.test(f) };
}
const TOTAL_ROW = /^(tong cong|tong so|tong|cong)\b/;

function roleOf(path: readonly string[]): { role: ReportRole; depth: number; carried: number } {
  // The group is named at the top of the path; a sub-header never changes it. A carried-over block
  // ("Vốn năm 2023 kéo dài…") names the funds, and its own sub-headers the group.
  let carried = -1;
  for (let i = 0; i < path.length; i++) {
    const f = fold(path[i]);
    const r = groupOf(f, path[i], carried >= 0);
    if (CARRIED.test(f) && carried < 0) {
      carried = i;
      if (r && r !== 'code' && r !== 'name') return { role: r, depth: i, carried };
      continue;
    }
    if (r) return { role: r, depth: i, carried };
  }
  return { role: 'other', depth: 0, carried };
}

/** The group a header text names (folded `f`), or null. */
function groupOf(f: string, text: string, inCarried: boolean): ReportRole | null {
  if (RATE.test(f)) return 'derived';
  if (ESTIMATE.test(f)) return 'estimate';
  if (ALLOCATED.test(f)) return 'allocated';
  if (DISBURSED.test(f)) return PERIOD.test(f) ? 'derived' : 'disbursed';
  if (PLAN.test(f) || (inCarried && CARRIED_PLAN.test(f))) return 'plan';
  const field = classifyHeader(text).field;
  if (field === 'code' || field === 'name') return field;
  return null;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** The as-of date a text states, or null: "đến ngày 30/6/2024", "30 tháng 6 năm 2024", "6 tháng đầu năm 2024"… */
export function asOfFromText(text: string): string | null {
  const f = fold(text);
  const valid = (y: number, m: number, d: number) => {
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
  };
  let m = /(?:den|tinh den|toi|dn)\s*(?:ngay)?\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(f);
  if (m) return valid(+m[3], +m[2], +m[1]);
  m = /(?:den|tinh den)\s*(?:ngay)?\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/.exec(f);
  if (m) return valid(+m[3], +m[2], +m[1]);
  m = /\b(6|9|sau|chin)\s*thang\s*(?:dau\s*)?nam\s*(\d{4})/.exec(f);
  if (m) return /^(6|sau)$/.test(m[1]) ? `${m[2]}-06-30` : `${m[2]}-09-30`;
  m = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/.exec(f);
  if (m && /(den|so lieu|tinh|luy ke|giai ngan|thuc hien)/.test(f)) return valid(+m[3], +m[2], +m[1]);
  m = /\b(?:ca nam|nam)\s*(\d{4})\b/.exec(f);
  if (m && /(ca nam|uoc|thuc hien nam|giai ngan nam)/.test(f) && /(giai ngan|thuc hien)/.test(f)) return `${m[1]}-12-31`;
  return null;
}

/** Find the report's table in a sheet; null when it has no plan or disbursement column and no line column. */
export function readReportSheet(sheet: SheetData): ReportSheet | null {
  const rows = sheet.rows;
  const scan = rows.slice(0, LIMITS.headerSearchRows);
  const byIndex = new Map<number, Row>(rows.map((r) => [r.index, r]));
  // The header's first row: the first with a disbursement group word and another header word.
  const anchor = scan.find((r) => {
    if (r.hidden) return false;
    const texts = r.cells.filter((c) => c && c.kind === 's').map((c) => fold(cellText(c)));
    return texts.some((t) => DISBURSED.test(t) && !RATE.test(t) && t.length < 120) && texts.length >= 2;
  });
  if (!anchor) return null;
  // A row above the disbursement words may say whose funds each group is ("Vốn kế hoạch năm 2024" |
  // "Vốn năm trước chuyển sang"): the header's top row when it also heads the line columns (STT,
  // Nội dung) — left out, the carried-over block would read as a second copy of the year's.
  let top = anchor;
  const above = byIndex.get(anchor.index - 1);
  if (above && !above.hidden) {
    const texts = above.cells.filter((c) => c && c.kind === 's').map((c) => cellText(c));
    const heads = texts.some((t) => ['code', 'name'].includes(classifyHeader(t).field ?? ''));
    if (heads && texts.some((t) => t.length < 120 && CARRIED.test(fold(t)))) top = above;
  }
  const block = top === anchor ? [anchor.index] : [top.index, anchor.index];
  for (let r = anchor.index + 1; r <= anchor.index + 3; r++) {
    const row = byIndex.get(r);
    if (!row || isColumnNumberRow(row)) break;
    const numbers = row.cells.some((c) => c && c.kind === 'n');
    const merged = sheet.merges.some((m) => m.r1 >= top.index && m.r1 < r && m.r2 >= r);
    const words = row.cells.filter((c) => c && c.kind === 's' && cellText(c)).length;
    if (numbers || (!merged && words === 0)) break;
    // A data line ("1", "Dự án 1: …") is not a header: header rows hold short labels only.
    if (row.cells.some((c) => c && c.kind === 's' && cellText(c).length > 60)) break;
    block.push(r);
  }
  const first = block[0];
  const last = block[block.length - 1];
  const header = headerGrid(block, (i) => byIndex.get(i), sheet.merges);
  const { cols } = header;
  const columns: ReportColumn[] = [];
  for (const col of cols) {
    if (sheet.hiddenCols.has(col)) continue;
    const path = headerPath(header, block, col);
    const { role, depth, carried } = roleOf(path);
    let key: string | null = null;
    if (role === 'plan' || role === 'disbursed' || role === 'allocated' || role === 'estimate') {
      // Below the group's own header: "Tổng số", "NSTW", "ĐTPT"…; nothing below it is the group's total.
      const below = path.slice(depth + 1);
      key = below.length ? keyForPath(below) : 'total';
      if (key === 'code' || key === 'name' || key === 'agency' || key === 'note') key = null;
    }
    // A carried-over block's years: its own header and what sits between it and the group's.
    const fund = carried >= 0 ? carriedFunds(path.slice(carried, Math.max(carried, depth) + 1)) : null;
    columns.push({ col, letter: colLetter(col), path, role, key, derived: false, carried: fund });
  }
  const codeCol = columns.find((c) => c.role === 'code')?.col;
  const nameCol = columns.find((c) => c.role === 'name')?.col;
  if (codeCol === undefined && nameCol === undefined) return null;
  if (!columns.some((c) => c.role === 'disbursed' && c.key)) return null;
  // Within a group (and the same funds), a column whose key has a finer column beside it is a sum of them (derived).
  for (const c of columns) {
    if (!c.key) continue;
    const finer = columns.some((o) => o !== c && o.role === c.role && o.carried?.text === c.carried?.text && o.key && o.key !== c.key && (c.key === 'total' || o.key.startsWith(c.key + '_')));
    if (finer) c.derived = true;
  }
  let dataFrom = last + 1;
  const next = rows.find((r) => r.index > last);
  if (next && isColumnNumberRow(next)) dataFrom = next.index + 1;
  // Unit and as-of date: the title above the header, then the header's own texts.
  let unit: DisplayUnit | null = null;
  let asOf: ReportSheet['asOf'] = null;
  for (const r of rows) {
    if (r.index > last) break;
    for (const c of r.cells) {
      const t = cellText(c);
      if (!t) continue;
      unit ??= unitFromText(t);
      // A carried-over header's dates are its deadline or its source year's, not the report's.
      if (!asOf && !(r.index >= first && CARRIED.test(fold(t)))) {
        const d = asOfFromText(t);
        if (d) asOf = { date: d, text: t };
      }
    }
  }
  const amountCols = columns.filter((c) => c.key !== null);
  const out: ReportRowData[] = [];
  const totalRows: number[] = [];
  const sections: ReportSection[] = [{ row: -1, title: '', carried: null }];
  /** Rows that read as a heading of the year's own funds: headings only where carried-over sections exist. */
  const yearHeadings: { data: ReportRowData; title: string }[] = [];
  for (const r of rows) {
    if (r.index < dataFrom || r.hidden) continue;
    const code = codeCol === undefined ? '' : cellText(r.cells[codeCol]);
    const name = nameCol === undefined ? '' : cellText(r.cells[nameCol]);
    const cells = new Map<number, Cell>();
    for (const c of amountCols) {
      const cell = r.cells[c.col];
      if (cell && cellText(cell) !== '') cells.set(c.col, cell);
    }
    if (!code && !name) {
      if (cells.size === 0) continue;
    }
    if (!code && TOTAL_ROW.test(fold(name))) {
      totalRows.push(r.index);
      continue;
    }
    // A section heading ("B. VỐN NĂM 2023 CHUYỂN NGUỒN SANG NĂM 2024"): the rows below are carried-over
    // funds. Its text may sit in the code column alone (a heading merged over STT and Nội dung).
    const heading = name || (code.length > 8 ? code.replace(/^([A-Za-z]|[IVXivx]{1,4})[.)]\s+/, '') : '');
    const fname = fold(heading);
    const sectionCode = name ? SECTION_CODE.test(fold(code)) : heading !== '';
    if (sectionCode && CARRIED.test(fname)) {
      sections.push({ row: r.index, title: heading, carried: carriedFunds([heading]) });
      continue;
    }
    if (!code && !name) continue;
    // The signature block and notes below the table carry no figure and no code.
    // (a signer's title may sit in an amount column: text, not a number).
    const numeric = [...cells.values()].some((c) => c.kind === 'n');
    if (!numeric && !code && out.length && /^(noi nhan|nguoi lap|tm\.|kt\.|ghi chu)/.test(fold(name))) break;
    const st = styleOf(sheet, r.cells[nameCol ?? codeCol!]);
    const data: ReportRowData = { row: r.index, code, name, bold: st.bold, indent: st.indent, cells, section: sections.length - 1 };
    if (sectionCode && YEAR_SECTION.test(fname)) yearHeadings.push({ data, title: heading });
    out.push(data);
  }
  if (sections.length > 1 && yearHeadings.length) {
    // "A. VỐN KẾ HOẠCH NĂM 2024" beside carried-over sections: a heading of the year's funds, not a line.
    for (const { data, title } of yearHeadings) {
      sections.push({ row: data.row, title, carried: null });
      out.splice(out.indexOf(data), 1);
    }
    sections.sort((a, b) => a.row - b.row);
    for (const x of out) x.section = sections.findLastIndex((s) => s.row < x.row);
  }
  return { headerRows: block, columns, rows: out, unit, asOf, totalRows, sections };
}
