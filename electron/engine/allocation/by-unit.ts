// The allocation annex by unit as an .xlsx (`plandesk export PLAN --by-unit`): units as rows (those
// holding a share, in the units' tree order), the lines that hold shares as columns under a
// three-row header — the project, the line itself ("3.1. Tiểu dự án 1: …", merged into the project's
// cell for a line without sub-projects), the funding column ("Ngân sách Trung ương (NSTW) - Vốn sự
// nghiệp (SN)") —, a "Tổng cộng" column and a TỔNG CỘNG row as live SUM formulas with cached
// results. Written so that importing it into the plan (annex-read.ts, match-columns.ts) gives back the
// same shares. The annex is the first (only) sheet; written by the lean writer, atomically, after
// the one write check.
import path from 'node:path';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { t } from '../../../shared/i18n';
import type { CycleData, Dong } from '../../../shared/model';
import { UnitBook } from '../../../shared/units/book';
import { dongToDecimal } from '../excel/annex';
import { ImportError } from '../excel/errors';
import { colLetter } from '../excel/text';
import { StyleRegistry, writeWorkbook, type SheetSpec, type WCell } from '../excel/xlsx-writer';
import { PlanDeskError } from '../errors';
import { checkWriteTarget } from '../safety/write-target';
import { writeAtomic } from '../store/atomic-write';

export const BY_UNIT_SHEET = 'Phân bổ';

interface ShareColumn {
  lineId: number;
  column: string;
  /** Header texts: the project, the line (same text for a top-level line), the funding column. */
  top: string;
  line: string;
  funding: string;
}

/** The funding column's header text: its group's label and its own ("NSTW … - Vốn sự nghiệp (SN)"). */
export function fundingLabel(columns: ColumnTree, key: string): string {
  const c = columns.byKey.get(key);
  if (!c) return key;
  const parent = c.parent ? columns.byKey.get(c.parent) : undefined;
  return parent && parent.parent !== null ? `${parent.label.vi} - ${c.label.vi}` : c.label.vi;
}

const lineText = (code: string, name: string) => (code ? `${code}. ${name}` : name);

/** The columns of the annex: every (line, funding column) holding a share, in the plan's order. */
function shareColumns(calc: PlanCalc, columns: ColumnTree, book: UnitBook): ShareColumn[] {
  const out: ShareColumn[] = [];
  for (const { id } of calc.walk()) {
    if (!book.hasShares(id)) continue;
    const l = calc.lines.get(id)!;
    const ancestors = calc.ancestors(id);
    const topId = ancestors.length ? ancestors[ancestors.length - 1] : id;
    const top = calc.lines.get(topId)!;
    const used = new Set(book.columnsOf(id));
    for (const c of columns.leaves) {
      if (!used.has(c.key)) continue;
      out.push({ lineId: id, column: c.key, top: lineText(top.code, top.name), line: lineText(l.code, l.name), funding: fundingLabel(columns, c.key) });
    }
  }
  return out;
}

/** Build the annex's sheet; refuses a plan without shares (allocio.error.no_shares). */
export function buildByUnit(data: CycleData): { sheets: SheetSpec[]; styles: StyleRegistry } {
  const columns = new ColumnTree(data.columns);
  const calc = new PlanCalc(columns, data.lines, data.amounts);
  const book = new UnitBook(data.units ?? [], data.shares ?? []);
  const cols = shareColumns(calc, columns, book);
  const units = book.ordered().filter(({ unit }) => book.sharesOfUnit(unit.id).length > 0);
  if (cols.length === 0 || units.length === 0) throw new PlanDeskError('allocio.error.no_shares');
  const unit = data.meta.unit;
  const styles = new StyleRegistry('Times New Roman', 12);
  const S = (s: Parameters<StyleRegistry['id']>[0]) => styles.id(s);
  const st = {
    title: S({ bold: true, size: 14, h: 'center', v: 'center', wrap: true }),
    sub: S({ italic: true, size: 13, h: 'center', wrap: true }),
    unit: S({ italic: true, h: 'right' }),
    header: S({ bold: true, h: 'center', v: 'center', wrap: true, border: true }),
    code: S({ h: 'center', v: 'center', border: true }),
    text: S({ v: 'center', wrap: true, border: true }),
    totalLabel: S({ bold: true, h: 'center', v: 'center', border: true }),
    num: S({ v: 'center', border: true, numFmt: '#,##0.###' }),
    numBold: S({ bold: true, v: 'center', border: true, numFmt: '#,##0.###' }),
  };
  const first = 3; // 0-based column of the first share column (A TT, B Tên đơn vị, C Tổng cộng)
  const nCols = first + cols.length;
  const last = colLetter(nCols - 1);
  const merges: string[] = [];
  const rows: { cells: (WCell | undefined)[]; height?: number }[] = [];
  const full = (text: string, s: number, height?: number) => {
    rows.push({ cells: [{ t: 's', v: text, s }], height });
    merges.push(`A${rows.length}:${last}${rows.length}`);
  };
  full(t('vi', 'allocio.doc.title'), st.title, 36);
  full([data.meta.program, data.meta.year ? `năm ${data.meta.year}` : ''].filter(Boolean).join(' '), st.sub);
  rows.push({ cells: { [Math.max(0, nCols - 3)]: { t: 's', v: `Đơn vị tính: ${t('vi', `unit.${unit}`)}`, s: st.unit } } as (WCell | undefined)[] });
  merges.push(`${colLetter(Math.max(0, nCols - 3))}${rows.length}:${last}${rows.length}`);

  // ---- header: three rows, merged where a text spans several columns or rows ----
  const h0 = rows.length + 1; // 1-based sheet row of the first header row
  const head: (WCell | undefined)[][] = [[], [], []];
  const fixed = ['TT', 'Tên đơn vị', 'Tổng cộng'];
  fixed.forEach((text, c) => {
    head[0][c] = { t: 's', v: text, s: st.header };
    head[1][c] = { t: 'blank', s: st.header };
    head[2][c] = { t: 'blank', s: st.header };
    merges.push(`${colLetter(c)}${h0}:${colLetter(c)}${h0 + 2}`);
  });
  const spans = (level: (c: ShareColumn) => string, row: number, within?: (c: ShareColumn) => string) => {
    let i = 0;
    while (i < cols.length) {
      let j = i;
      const key = (c: ShareColumn) => `${within ? within(c) : ''}\u0000${level(c)}`;
      while (j + 1 < cols.length && key(cols[j + 1]) === key(cols[i])) j++;
      head[row][first + i] = { t: 's', v: level(cols[i]), s: st.header };
      for (let k = i + 1; k <= j; k++) head[row][first + k] = { t: 'blank', s: st.header };
      if (j > i) merges.push(`${colLetter(first + i)}${h0 + row}:${colLetter(first + j)}${h0 + row}`);
      i = j + 1;
    }
  };
  spans((c) => c.top, 0);
  spans((c) => c.line, 1, (c) => c.top);
  spans((c) => c.funding, 2, (c) => `${c.top}\u0000${c.line}`);
  // A top-level line: its text once, over the project and line rows.
  for (let i = 0; i < cols.length; i++) {
    if (cols[i].top === cols[i].line && head[1][first + i]?.t === 's') {
      head[1][first + i] = { t: 'blank', s: st.header };
      let j = i;
      while (j + 1 < cols.length && cols[j + 1].lineId === cols[i].lineId) j++;
      for (let k = i + 1; k <= j; k++) head[1][first + k] = { t: 'blank', s: st.header };
      // The row-0 cell already spans i..j (same project text); extend it down over row 1.
      const merged = merges.findIndex((m) => m === `${colLetter(first + i)}${h0}:${colLetter(first + j)}${h0}`);
      if (merged >= 0) merges.splice(merged, 1);
      merges.push(`${colLetter(first + i)}${h0}:${colLetter(first + j)}${h0 + 1}`);
      i = j;
    }
  }
  for (const r of head) rows.push({ cells: r, height: r === head[1] || r === head[0] ? 48 : 32 });

  // ---- TỔNG CỘNG, then one row per unit ----
  const firstUnitRow = rows.length + 2; // 1-based: after the total row
  const lastUnitRow = firstUnitRow + units.length - 1;
  const colTotals: Dong[] = cols.map((c) => units.reduce((s, { unit: u }) => s + (book.share(u.id, c.lineId, c.column) ?? 0), 0));
  const grand = colTotals.reduce((s, v) => s + v, 0);
  const total: (WCell | undefined)[] = [{ t: 'blank', s: st.totalLabel }, { t: 's', v: 'TỔNG CỘNG', s: st.totalLabel }];
  for (let c = first - 1; c < nCols; c++) {
    const L = colLetter(c);
    const v = c === first - 1 ? grand : colTotals[c - first];
    total[c] = { t: 'f', f: `SUM(${L}${firstUnitRow}:${L}${lastUnitRow})`, v: dongToDecimal(v, unit), s: st.numBold };
  }
  rows.push({ cells: total });
  units.forEach(({ unit: u }, i) => {
    const r = firstUnitRow + i;
    const cells: (WCell | undefined)[] = [{ t: 'n', v: String(i + 1), s: st.code }, { t: 's', v: u.name, s: st.text }];
    let sum = 0;
    cols.forEach((c, k) => {
      const v = book.share(u.id, c.lineId, c.column);
      if (v === null) cells[first + k] = { t: 'blank', s: st.num };
      else {
        sum += v;
        cells[first + k] = { t: 'n', v: dongToDecimal(v, unit), s: st.num };
      }
    });
    cells[first - 1] = { t: 'f', f: `SUM(${colLetter(first)}${r}:${last}${r})`, v: dongToDecimal(sum, unit), s: st.numBold };
    rows.push({ cells });
  });

  const sheet: SheetSpec = {
    name: BY_UNIT_SHEET,
    widths: [6, 40, 16, ...cols.map(() => 16)],
    freeze: { rows: h0 + 2, cols: 2 },
    page: { landscape: true, margins: { left: 30, right: 15, top: 20, bottom: 20 }, header: '&C&P', headerNotOnFirst: true, printTitles: [h0, h0 + 2] },
    merges,
    notes: [],
    rows: async (emit) => {
      for (const r of rows) await emit(r.cells, r.height);
    },
  };
  return { sheets: [sheet], styles };
}

/** Write the annex by unit to `out` (the one write check first; temp file and rename). */
export async function exportByUnit(data: CycleData, out: string): Promise<void> {
  checkWriteTarget(out, 'document');
  const { sheets, styles } = buildByUnit(data);
  try {
    await writeAtomic(out, (tmp) => writeWorkbook(tmp, sheets, styles));
  } catch (e) {
    if (e instanceof ImportError || e instanceof PlanDeskError) throw e;
    throw new ImportError('excel.error.write_failed', { file: path.basename(out) }, { cause: e });
  }
}
