// One file a unit sent back (issue 16), read through the plan import's checks (size, zip bombs,
// DTDs, encryption, row and cell limits: excel/open.ts — a hostile file ends in an ImportError):
// what it says about who sent it (the split file's hidden sheet, the letterhead "ỦY BAN NHÂN DÂN /
// HUYỆN KRÔNG NÔ", a "Đơn vị:" line, the file name), which year and program, and whether it is a
// plan (read as a plan table) or a disbursement report (its sheet, for the execution importer).
// Pure reading: which unit of the plan it is, and what merges, is decided by collect.ts.
import fs from 'node:fs';
import path from 'node:path';
import { checkAbort } from '../excel/errors';
import { importSpreadsheet, type ImportResult } from '../excel/import';
import { LIMITS } from '../excel/limits';
import { openWorkbook } from '../excel/open';
import { META_SHEET } from '../excel/planmeta';
import type { SheetData, WorkbookSource } from '../excel/sheet';
import { cellText } from '../excel/table';
import { fold } from '../excel/text';
import { parseUnitSheet, UNIT_SHEET, type UnitFileMark } from '../allocation/unit-sheet';
import type { Amount, CycleData, Line } from '../../../shared/model';

export type NameSource = 'mark' | 'letterhead' | 'unit_line' | 'file_name';

export interface Recognised {
  /** The file as given (absolute path). */
  file: string;
  /** When the file was last written (ms): of two files from one unit, the newer is offered. */
  modified: number;
  kind: 'plan' | 'execution';
  /** The hidden sheet of a file written by `plandesk split`, or null. */
  mark: UnitFileMark | null;
  /** Names the file gives for its sender, strongest first. */
  names: { source: NameSource; name: string }[];
  /** The year the file says it is for (the mark, else "năm 2026" in its title), or null when it does not say. */
  year: number | null;
  /** The program the file says it is for (the mark only: a title's wording is too loose to refuse on), or null. */
  program: string | null;
  /** A plan's table as the plan importer reads it, packed (packTable). */
  table: PlanTable | null;
  /** A disbursement report's sheet. */
  sheet: SheetData | null;
}

/**
 * A plan table's lines and amounts in flat arrays: what collect.ts needs of a unit's file (the
 * lines' tree, codes and names, their figures), sent from the reading thread as a few arrays
 * instead of the importer's whole result of 220 line and 200 amount objects (~50 KB per file
 * copied and kept on the host's heap until the merge; 3.300 files).
 */
export interface PlanTable {
  ids: Float64Array;
  /** NaN = no parent. */
  parents: Float64Array;
  positions: Float64Array;
  codes: string[];
  names: string[];
  amountLines: Float64Array;
  amountColumns: string[];
  amountValues: Float64Array;
}

export function packTable(data: Pick<CycleData, 'lines' | 'amounts'>): PlanTable {
  const n = data.lines.length;
  const t: PlanTable = { ids: new Float64Array(n), parents: new Float64Array(n), positions: new Float64Array(n), codes: new Array<string>(n), names: new Array<string>(n), amountLines: new Float64Array(data.amounts.length), amountColumns: new Array<string>(data.amounts.length), amountValues: new Float64Array(data.amounts.length) };
  data.lines.forEach((l, i) => {
    t.ids[i] = l.id;
    t.parents[i] = l.parentId ?? NaN;
    t.positions[i] = l.position;
    t.codes[i] = l.code;
    t.names[i] = l.name;
  });
  data.amounts.forEach((a, i) => {
    t.amountLines[i] = a.lineId;
    t.amountColumns[i] = a.column;
    t.amountValues[i] = a.value;
  });
  return t;
}

/** The packed table's lines (agency, note and rules' fields left blank: consolidation does not read them) and amounts. */
export function unpackTable(t: PlanTable): Pick<CycleData, 'lines' | 'amounts'> {
  const lines: Line[] = Array.from(t.ids, (id, i) => ({ id, parentId: Number.isNaN(t.parents[i]) ? null : t.parents[i], position: t.positions[i], code: t.codes[i], name: t.names[i], agency: '', note: '', allowedCapital: null, isAdjustment: false }));
  const amounts: Amount[] = Array.from(t.amountLines, (lineId, i) => ({ lineId, column: t.amountColumns[i], value: t.amountValues[i] }));
  return { lines, amounts };
}

/** Rows above a table searched for the letterhead, the "Đơn vị:" line and the year. */
const TOP_ROWS = 14;
const EXECUTION_WORDS = /\b(giai ngan|thuc hien (den|tu dau nam)|luy ke)\b/;
/** "Đơn vị: UBND huyện Krông Nô", "Đơn vị thực hiện: …" — never "Đơn vị tính: triệu đồng". */
const UNIT_LINE = /^don vi(?: (?:thuc hien|bao cao|gui|lap))?\s*:\s*(.+)$/;
const LETTERHEAD = /^(uy ban nhan dan|ubnd)$/;
const YEAR = /\bnam\s+(20\d\d)\b/;

function topTexts(sheet: SheetData): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  for (const r of sheet.rows) {
    if (r.index >= TOP_ROWS) break;
    r.cells.forEach((c, col) => {
      if (c && c.kind === 's') {
        const text = cellText(c).trim();
        if (text) out.push({ row: r.index, col, text });
      }
    });
  }
  return out;
}

/** Who the top of the sheet says sent it: the letterhead's two lines, or a "Đơn vị:" line. */
export function namesFromTop(sheet: SheetData): Recognised['names'] {
  const texts = topTexts(sheet);
  const out: Recognised['names'] = [];
  for (const t of texts) {
    // A letterhead may be one cell with a line break ("ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG NÔ") or two rows.
    const parts = t.text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    const head = fold(parts[0]).replace(/[^a-z ]/g, '').trim();
    if (LETTERHEAD.test(head)) {
      const below = parts[1] ?? texts.find((u) => u.row > t.row && u.row <= t.row + 2 && Math.abs(u.col - t.col) <= 1)?.text.split(/\r?\n/)[0];
      if (below && !/^[-_—–\s]+$/.test(below)) out.push({ source: 'letterhead', name: `UBND ${below.trim()}` });
      continue;
    }
    // "UBND HUYỆN KRÔNG NÔ" in one line of a letterhead (only at the top left or right, row < 4).
    if (t.row < 4 && /^(uy ban nhan dan|ubnd)\s+\S/.test(fold(parts[0])) && parts[0].length < 80) out.push({ source: 'letterhead', name: parts[0] });
    const m = UNIT_LINE.exec(fold(t.text));
    if (m) {
      const raw = t.text.slice(t.text.indexOf(':') + 1).trim();
      if (raw) out.push({ source: 'unit_line', name: raw });
    }
  }
  return out;
}

/** The year "năm 2026" in the title rows (the last one named, after "giai đoạn 2021-2025"), or null. */
export function yearFromTop(sheet: SheetData): number | null {
  let year: number | null = null;
  for (const t of topTexts(sheet)) {
    const m = YEAR.exec(fold(t.text));
    if (m) year = Number(m[1]);
  }
  return year;
}

function looksLikeExecution(sheet: SheetData): boolean {
  for (const r of sheet.rows.slice(0, LIMITS.headerSearchRows)) for (const c of r.cells) if (c && c.kind === 's' && EXECUTION_WORDS.test(fold(cellText(c)))) return true;
  return false;
}

/** A disbursement report met while reading a file as a plan table: read by the execution importer instead. */
class ExecutionSheet {
  constructor(readonly sheet: SheetData) {}
}

/**
 * Read one file, parsed once: the plan importer reads the table and, on the way, hands over the
 * sheet and the workbook (the letterhead, the year, the split file's hidden sheet). A disbursement
 * report is told by its header's words. Throws the import's refusal (ImportError / PlanDeskError)
 * for what cannot be read.
 */
export async function recogniseFile(file: string, signal?: AbortSignal): Promise<Recognised> {
  const st = await fs.promises.stat(file);
  const bytes = new Uint8Array(await fs.promises.readFile(file));
  const fileName = { source: 'file_name' as const, name: path.basename(file).replace(/\.[^.]+$/, '') };
  const fromSheet = (sheet: SheetData) => ({ names: namesFromTop(sheet), year: yearFromTop(sheet) });
  let mark: UnitFileMark | null = null;
  // Read from the sheet now: the importer lets go of its rows as it reads the table.
  let top: { names: Recognised['names']; year: number | null } = { names: [], year: null };
  const inspect = async (wb: WorkbookSource, sheet: SheetData) => {
    mark = wb.loadHidden ? parseUnitSheet(await wb.loadHidden(UNIT_SHEET, { signal })) : null;
    top = fromSheet(sheet);
    if (!mark && looksLikeExecution(sheet)) throw new ExecutionSheet(sheet);
  };
  const recognised = (kind: Recognised['kind'], seen: typeof top, sheet: SheetData | null, m: UnitFileMark | null, imported: ImportResult | null): Recognised => ({
    file,
    modified: st.mtimeMs,
    kind,
    mark: m,
    names: [...(m ? [{ source: 'mark' as const, name: m.unit }] : []), ...seen.names, fileName],
    year: m?.year ?? seen.year,
    program: m?.program ?? null,
    table: imported ? packTable(imported.data) : null,
    sheet: kind === 'execution' ? sheet : null,
  });
  try {
    const imported = await importSpreadsheet({ bytes, name: path.basename(file) }, { signal, inspect });
    return recognised('plan', top, null, mark, imported);
  } catch (e) {
    if (e instanceof ExecutionSheet) return recognised('execution', fromSheet(e.sheet), e.sheet, null, null);
    // A report whose table the plan importer does not take: its first visible sheet says what it is.
    const wb = await openWorkbook(bytes, { signal }).catch(() => null);
    const first = wb ? wb.sheets.findIndex((x) => !x.hidden && x.name !== META_SHEET && x.name !== UNIT_SHEET) : -1;
    if (wb && first >= 0) {
      checkAbort(signal);
      const sheet = await wb.load(first, { signal });
      if (looksLikeExecution(sheet)) return recognised('execution', fromSheet(sheet), sheet, null, null);
    }
    throw e;
  }
}
