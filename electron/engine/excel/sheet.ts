// The one in-memory form of a worksheet that every reader (streaming xlsx, SheetJS for xls/ods/xlsb)
// produces and the table finder consumes: sparse rows of cells with the few style facts the importer
// uses (bold, indent, font), merged ranges, hidden rows and columns. Nothing here knows about budgets.

export type CellKind = 'n' | 's' | 'b' | 'e';

export interface Cell {
  kind: CellKind;
  /**
   * Numbers: the decimal text as stored in the file ("99654.5", "1.5E-3"), so amounts convert to
   * đồng exactly without float arithmetic; strings: the text; booleans "TRUE"/"FALSE"; errors "#REF!".
   */
  text: string;
  /** The cell holds a formula (its value above is the cached result; formulas are never evaluated). */
  formula: boolean;
  /** A formula cell without a cached result (some generators write none). */
  noValue: boolean;
  /** Index into SheetData.styles (0 = default). */
  style: number;
}

export interface CellStyle {
  bold: boolean;
  indent: number;
  italic: boolean;
  font: string;
}

export const DEFAULT_STYLE: CellStyle = { bold: false, indent: 0, italic: false, font: '' };

export interface Row {
  /** 0-based row index in the sheet. */
  index: number;
  hidden: boolean;
  /** Sparse by 0-based column. */
  cells: Cell[];
}

export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetData {
  name: string;
  /** Rows that have at least one cell, in increasing index order. */
  rows: Row[];
  merges: Range[];
  hiddenCols: Set<number>;
  styles: CellStyle[];
  /** Cells ignored because they lay beyond the column limit (reported once). */
  droppedCols: number;
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/** An opened workbook: sheet names first, sheet contents on demand (big sheets cost time). */
export interface WorkbookSource {
  format: 'xlsx' | 'xls' | 'ods' | 'xlsb';
  sheets: SheetInfo[];
  load(index: number, ctx: LoadContext): Promise<SheetData>;
  /** Raw rows of a small helper sheet by name (PlanDesk's own metadata sheet), if present. */
  loadHidden?(name: string, ctx: LoadContext): Promise<SheetData | null>;
}

export interface LoadContext {
  signal?: AbortSignal;
  /** Fraction 0..1 of this sheet's reading. */
  onProgress?: (fraction: number) => void;
}

export function styleOf(sheet: SheetData, cell: Cell | undefined): CellStyle {
  return (cell && sheet.styles[cell.style]) || DEFAULT_STYLE;
}
