// Where a pasted block goes: each cell of the block onto the table from the target cell on —
// numbers read in the plan's unit and number convention, text onto line fields, total cells
// skipped (they are computed), rows past the end of the table turned into new lines when asked.
// A block with a cell that cannot be read is refused whole (nothing half-pasted), with the cells
// named. Pure: the grid gathers the target rows and columns, the engine writes the result.
import type { DisplayUnit, LineField } from '../model';
import { parseAmount, type NumberLocale, type ParseError } from '../number';

/** Longest text each line field takes. */
const TEXT_LIMITS: Record<LineField, number> = { code: 50, name: 2000, agency: 1000, note: 2000 };

export interface PasteRow {
  id: number;
  /** A parent line: every amount on it is a total. */
  hasChildren: boolean;
}

export type PasteColumn =
  | { kind: 'text'; key: LineField }
  /** `isLeaf` false: a group column (a total). */
  | { kind: 'amount'; key: string; isLeaf: boolean };

export interface PasteIssue {
  /** Position in the block. */
  row: number;
  col: number;
  text: string;
  error: ParseError | 'too_long';
}

export interface PastePlan {
  amounts: { lineId: number; column: string; value: number | null }[];
  fields: { lineId: number; fields: Partial<Record<LineField, string>> }[];
  /** Block rows past the last table row, as new lines (only with `addLines`). */
  newLines: { fields: Partial<Record<LineField, string>>; amounts: { column: string; value: number }[] }[];
  /** Cells that cannot be read: when any, nothing is to be pasted. */
  issues: PasteIssue[];
  /** Block cells that fall on totals (not pasted), by block position. */
  totals: { row: number; col: number }[];
  /** Block rows (when not adding lines) and columns that fall outside the table. */
  rowsOutside: number;
  colsOutside: number;
  /** Cells that will be written. */
  cells: number;
}

export interface PasteOptions {
  unit: DisplayUnit;
  locale: NumberLocale;
  /** Turn block rows past the end of the table into new lines. */
  addLines?: boolean;
}

/** Plan a paste of `block` onto `rows` × `cols` (the table from the target cell on, in display order). */
export function planPaste(block: readonly (readonly string[])[], rows: readonly PasteRow[], cols: readonly PasteColumn[], opts: PasteOptions): PastePlan {
  const plan: PastePlan = { amounts: [], fields: [], newLines: [], issues: [], totals: [], rowsOutside: 0, colsOutside: 0, cells: 0 };
  const width = block.reduce((m, r) => Math.max(m, r.length), 0);
  plan.colsOutside = Math.max(0, width - cols.length);
  const used = Math.min(width, cols.length);
  const height = opts.addLines ? block.length : Math.min(block.length, rows.length);
  plan.rowsOutside = block.length - height;
  for (let i = 0; i < height; i++) {
    const row: PasteRow | null = i < rows.length ? rows[i] : null;
    const cells = block[i];
    const fields: Partial<Record<LineField, string>> = {};
    const amounts: { column: string; value: number }[] = [];
    for (let j = 0; j < used; j++) {
      // A ragged row is short of cells at its end: those paste as blanks, as Excel does.
      const text = cells[j] ?? '';
      const col = cols[j];
      if (col.kind === 'text') {
        const value = text.trim();
        if (value.length > TEXT_LIMITS[col.key]) plan.issues.push({ row: i, col: j, text: value.slice(0, 40), error: 'too_long' });
        else fields[col.key] = value;
        continue;
      }
      if (!col.isLeaf || row?.hasChildren) {
        // A total takes no pasted figure; a blank landing on one is no loss worth reporting.
        if (text.trim() !== '') plan.totals.push({ row: i, col: j });
        continue;
      }
      const parsed = parseAmount(text, opts.unit, opts.locale);
      if (!parsed.ok) {
        plan.issues.push({ row: i, col: j, text: text.trim(), error: parsed.error });
        continue;
      }
      if (row) plan.amounts.push({ lineId: row.id, column: col.key, value: parsed.value });
      else if (parsed.value !== null) amounts.push({ column: col.key, value: parsed.value });
      plan.cells++;
    }
    plan.cells += Object.keys(fields).length;
    if (row) {
      if (Object.keys(fields).length) plan.fields.push({ lineId: row.id, fields });
    } else {
      plan.newLines.push({ fields, amounts });
    }
  }
  if (plan.issues.length) {
    plan.amounts = [];
    plan.fields = [];
    plan.newLines = [];
    plan.cells = 0;
  }
  return plan;
}

/**
 * Repeat a block over a larger target, as spreadsheets do: one cell fills the whole selection; a
 * block whose size divides the selection's is tiled across it. Otherwise the block is unchanged.
 */
export function tileBlock(block: readonly (readonly string[])[], target: { rows: number; cols: number }): string[][] {
  const h = block.length;
  const w = block.reduce((m, r) => Math.max(m, r.length), 0);
  const copy = () => block.map((r) => [...r]);
  if (h === 0 || w === 0) return copy();
  if (target.rows < h || target.cols < w || target.rows % h !== 0 || target.cols % w !== 0) return copy();
  if (target.rows === h && target.cols === w) return copy();
  return Array.from({ length: target.rows }, (_, i) => Array.from({ length: target.cols }, (_, j) => block[i % h][j % w] ?? ''));
}
