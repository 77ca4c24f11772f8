// Reader for the formats the streaming reader does not cover — .xls (BIFF, CFB), .ods, .xlsb and
// SpreadsheetML/HTML "xls" files — through SheetJS, which is fast enough for the small files these
// are in practice. SheetJS is synchronous: the caller checks size and zip budgets before handing
// it the bytes, and `sheetRows` bounds what it builds. SheetJS community exposes no fonts, so bold
// and indent are unknown here (the line tree then comes from the numbering alone).
import type * as XLSX from 'xlsx';
import { LIMITS } from './limits';
import { ImportError, checkAbort } from './errors';
import type { Cell, CellKind, LoadContext, Row, SheetData, WorkbookSource } from './sheet';
import { DEFAULT_STYLE } from './sheet';
import type { HiddenInfo } from './ods-hidden';

/** SheetJS is loaded on first use: the common .xlsx path never needs its ~20 MB. */
async function sheetjs(): Promise<typeof XLSX> {
  const mod = (await import('xlsx')) as typeof XLSX & { default?: typeof XLSX };
  return typeof mod.read === 'function' ? mod : mod.default!;
}

export async function openWithSheetJS(
  bytes: Uint8Array,
  format: WorkbookSource['format'],
  ctx: LoadContext,
  hidden?: Map<string, HiddenInfo>,
): Promise<WorkbookSource> {
  checkAbort(ctx.signal);
  const { read } = await sheetjs();
  let wb: XLSX.WorkBook;
  // SheetJS prints parser notes ("ODS number format may be incorrect") on the console: keep the
  // app's log clean while it runs (synchronous, so nothing else logs meanwhile).
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => undefined;
  try {
    wb = read(bytes, {
      type: 'buffer',
      dense: true,
      cellFormula: true,
      cellStyles: true,
      cellHTML: false,
      cellNF: false,
      cellDates: false,
      sheetRows: LIMITS.maxRows + 1,
      WTF: false,
    });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/password|encrypt|protected/i.test(msg)) throw new ImportError('excel.error.encrypted', {}, { cause: e });
    if (/unsupported|not support/i.test(msg)) throw new ImportError('excel.error.unsupported', { detail: msg.slice(0, 120) }, { cause: e });
    throw new ImportError('excel.error.damaged', {}, { cause: e });
  } finally {
    Object.assign(console, { error, warn, log });
  }
  const names = wb.SheetNames ?? [];
  if (names.length === 0) throw new ImportError('excel.error.no_sheets');
  const hiddenOf = (i: number) => !!wb.Workbook?.Sheets?.[i]?.Hidden;
  const load = async (index: number, c: LoadContext): Promise<SheetData> => {
    checkAbort(c.signal);
    const sheet = toSheetData(names[index].normalize('NFC'), wb.Sheets[names[index]]);
    const extra = hidden?.get(sheet.name);
    if (extra) {
      for (const r of sheet.rows) if (extra.rows.has(r.index)) r.hidden = true;
      for (const c of extra.cols) sheet.hiddenCols.add(c);
    }
    c.onProgress?.(1);
    return sheet;
  };
  return {
    format,
    sheets: names.map((n, i) => ({ name: n.normalize('NFC'), hidden: hiddenOf(i) })),
    load,
    loadHidden: async (name, c) => {
      const i = names.findIndex((n) => n.normalize('NFC') === name);
      return i < 0 ? null : load(i, c);
    },
  };
}

function toSheetData(name: string, ws: XLSX.WorkSheet | undefined): SheetData {
  const out: SheetData = { name, rows: [], merges: [], hiddenCols: new Set(), styles: [DEFAULT_STYLE], droppedCols: 0 };
  if (!ws) return out;
  // Read with `dense: true`: the cells are in '!data' (the typings index a sheet by any key).
  const data: (XLSX.CellObject | undefined)[][] = ws['!data'] ?? [];
  const rowInfo = ws['!rows'] ?? [];
  let cellCount = 0;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    const cells: Cell[] = [];
    let count = 0;
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (!cell) continue;
      if (c >= LIMITS.maxCols) {
        out.droppedCols++;
        continue;
      }
      const conv = convert(cell);
      if (!conv) continue;
      cells[c] = conv;
      count++;
    }
    if (count) {
      out.rows.push({ index: r, hidden: !!rowInfo[r]?.hidden, cells } satisfies Row);
      cellCount += count;
      if (out.rows.length > LIMITS.maxRows) throw new ImportError('excel.error.too_many_rows', { max: LIMITS.maxRows });
      if (cellCount > LIMITS.maxCells) throw new ImportError('excel.error.too_large');
    }
  }
  for (const m of ws['!merges'] ?? []) {
    out.merges.push({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c });
    if (out.merges.length > LIMITS.maxMerges) break;
  }
  (ws['!cols'] ?? []).forEach((col, i) => {
    if (col?.hidden && i < LIMITS.maxCols) out.hiddenCols.add(i);
  });
  return out;
}

function convert(cell: XLSX.CellObject): Cell | null {
  const formula = typeof cell.f === 'string' && cell.f.length > 0;
  let kind: CellKind;
  let text: string;
  switch (cell.t) {
    case 'n':
      if (typeof cell.v !== 'number' || !Number.isFinite(cell.v)) return formula ? { kind: 'n', text: '', formula, noValue: true, style: 0 } : null;
      kind = 'n';
      text = String(cell.v);
      break;
    case 's':
      kind = 's';
      text = String(cell.v ?? '').normalize('NFC');
      if (text === '' && !formula) return null;
      break;
    case 'b':
      kind = 'b';
      text = cell.v ? 'TRUE' : 'FALSE';
      break;
    case 'e':
      kind = 'e';
      text = cell.w ?? '#ERROR';
      break;
    case 'd':
      kind = 's';
      text = String(cell.w ?? cell.v);
      break;
    default:
      return formula ? { kind: 'n', text: '', formula, noValue: true, style: 0 } : null;
  }
  return { kind, text, formula, noValue: false, style: 0 };
}
