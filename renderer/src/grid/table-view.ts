// The table as the person sees it, for selection and editing: the rows shown (collapsed lines
// hidden) and the selectable columns in display order, with what each cell shows and means.
// Reads AG Grid's displayed rows and columns; never changes anything.
import type { GridApi } from 'ag-grid-community';
import { shortLabel } from '../../../shared/columns';
import type { Lang, Translate } from '../../../shared/i18n';
import type { RowView } from '../../../shared/ipc';
import type { DisplayUnit, FundingColumn, LineField } from '../../../shared/model';
import { formatAmount, type NumberLocale } from '../../../shared/number';
import { cellMeaning } from './cell-value';
import { TEXT_COLUMNS } from './column-defs';

/** The column of row handles (drag to move a line, click to select it): not a cell of the table. */
export const ROW_HANDLE = '__row';

export const isTextColumn = (colId: string): colId is LineField => (TEXT_COLUMNS as readonly string[]).includes(colId);

export interface ViewSettings {
  unit: DisplayUnit;
  locale: NumberLocale;
  leafColumns: ReadonlySet<string>;
  columns: readonly FundingColumn[];
  lang: Lang;
  t: Translate;
}

export class TableView {
  constructor(
    private readonly api: GridApi<RowView>,
    readonly settings: ViewSettings,
  ) {}

  /** Selectable columns in display order (pinned ones first, as shown). */
  colIds(): string[] {
    return this.api
      .getAllDisplayedColumns()
      .map((c) => c.getColId())
      .filter((id) => id !== ROW_HANDLE);
  }

  rowCount(): number {
    return this.api.getDisplayedRowCount();
  }

  row(index: number): RowView | undefined {
    return this.api.getDisplayedRowAtIndex(index)?.data;
  }

  /** Display index of a line (null: not shown — collapsed, or not loaded yet). */
  indexOf(lineId: number): number | null {
    return this.api.getRowNode(String(lineId))?.rowIndex ?? null;
  }

  /** Whether a cell is a total (computed: a parent line, or a group column). */
  isTotal(row: RowView, colId: string): boolean {
    return !isTextColumn(colId) && cellMeaning(row, colId, this.settings.leafColumns).isTotal;
  }

  /** The number a cell shows (null: text or blank). */
  number(row: RowView, colId: string): number | null {
    return isTextColumn(colId) ? null : cellMeaning(row, colId, this.settings.leafColumns).shown;
  }

  /** What a cell shows, as text. */
  text(row: RowView, colId: string): string {
    if (isTextColumn(colId)) return row[colId];
    return formatAmount(this.number(row, colId), this.settings.unit, this.settings.locale);
  }

  isBlank(row: RowView | undefined, colId: string): boolean {
    if (!row) return true;
    return isTextColumn(colId) ? row[colId].trim() === '' : this.number(row, colId) === null;
  }

  /** A column's name in messages: "NSTW / ĐTPT", "Tổng cộng", "Mã". */
  columnLabel(colId: string): string {
    const { lang, t, columns } = this.settings;
    if (isTextColumn(colId)) return t(`grid.${colId}`);
    const byKey = new Map(columns.map((c) => [c.key, c]));
    const short = (key: string) => {
      const c = byKey.get(key);
      return c ? shortLabel(c, lang) : key;
    };
    const col = byKey.get(colId);
    const parent = col?.parent ? byKey.get(col.parent) : undefined;
    return parent && parent.parent !== null ? `${short(parent.key)} / ${short(colId)}` : short(colId);
  }

  /** A cell's name in messages: "dòng 3.1 cột NSTW / ĐTPT". */
  cellLabel(row: RowView | undefined, colId: string): string {
    return this.settings.t('editing.cell', { code: row?.code || '…', column: this.columnLabel(colId) });
  }
}
