// The execution grid (issue 15): the plan's lines as rows, for the as-of date shown — the disbursed
// figure (lũy kế giải ngân) per leaf funding column, typed where a line holds figures, and the
// report beside it: plan, disbursed, rate (one decimal, vi-VN), remaining and in the period, with
// the TỔNG CỘNG row pinned on top. Edited as the plan grid is: type (a number or a simple formula),
// Enter/Tab, drag or Shift to select, Ctrl+C / Ctrl+V with Excel, Ctrl+D / Ctrl+Enter fill, Delete
// clears — each one engine command, one undo step (exec-editor.ts). Findings of the date mark their
// cells (disbursed above plan, decreasing, below the pace), with their explanation on hover.
import {
  type CellClassParams,
  type CellEditRequestEvent,
  type ColDef,
  type ColGroupDef,
  type GridApi,
  type GridReadyEvent,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Finding } from '../../../../shared/findings';
import { formatRate } from '../../../../shared/execution/model';
import type { ReportFigures, ReportRowView } from '../../../../shared/execution/report';
import { formatAmount } from '../../../../shared/number';
import { findingTip } from '../../grid/finding-tip';
import { FIGURE_GRID_OPTIONS, themeAt } from '../../grid/grid-theme';
import { GridSelection } from '../../grid/selection';
import { SelectionPainter } from '../../grid/selection-paint';
import { useFigureInput } from '../../grid/use-figure-input';
import { useLang } from '../../i18n';
import type { PlanStore } from '../../state/plan-store';
import { viDate } from '../../../../shared/print/execution-report';
import type { ExecutionData } from './exec-data';
import type { ExecEditor, FigureCol } from './exec-editor';

const theme = themeAt(1);

/** A row: a line's report row, or the pinned total (lineId 0). */
type GridRow = ReportRowView & { total?: boolean };

type SummaryKind = 'plan' | 'disbursed' | 'rate' | 'remaining' | 'period';
const SUMMARY: SummaryKind[] = ['plan', 'disbursed', 'rate', 'remaining', 'period'];

interface Props {
  store: PlanStore;
  data: ExecutionData;
  cols: FigureCol[];
  /** The root funding column (Tổng cộng): the summary columns' key. */
  rootKey: string;
  editor: ExecEditor;
  readOnly: boolean;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
  /** Filled with a function that selects a line's cell (the drill-down panel's lines, ExecutionView). */
  selectCell?: { current: ((lineId: number, colId: string) => void) | null };
}

export const ExecutionGrid = memo(function ExecutionGrid({ store, data, cols, rootKey, editor, readOnly, onMessage, selectCell }: Props) {
  const { lang, t } = useLang();
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const colIds = useMemo(() => cols.map((c) => `fig:${c.key}`), [cols]);
  const colIndex = useMemo(() => new Map(colIds.map((id, i) => [id, i])), [colIds]);
  const selection = useMemo(() => new GridSelection(), []);
  const painter = useMemo(() => new SelectionPainter(selection, (id) => colIndex.get(id)), [selection, colIndex]);
  const meta = store.meta!;
  const unit = meta.unit;
  const locale = meta.numberLocale;
  const table = useCallback(() => ({ rows: data.rows, cols }), [data, cols]);

  const totalRow = useCallback((): GridRow[] => {
    const tot: ReportFigures | undefined = data.view?.totals;
    if (!tot) return [];
    return [{ lineId: 0, parentId: null, depth: -1, code: '', name: t('print.grandTotal'), hasChildren: true, holds: false, total: true, ...tot }];
  }, [data, t]);

  const findingsAt = useCallback(
    (row: GridRow | undefined, column: string): Finding[] => {
      const asOf = data.date?.asOf;
      if (!row || !asOf) return [];
      return store.findingsAt(row.total ? null : row.lineId, column).filter((f) => f.asOf === asOf);
    },
    [store, data],
  );

  // Follow the data: a new date or a reload rebuilds the rows; an edit repaints the rows it changed.
  useEffect(
    () =>
      data.subscribe((c) => {
        const api = apiRef.current;
        if (!api) return;
        if (c.kind === 'rows') {
          for (const id of c.lineIds) {
            const node = api.getRowNode(String(id));
            const row = data.rowOf(id);
            if (node && row) node.setData(row);
          }
        } else {
          api.setGridOption('rowData', data.rows);
          selection.clamp(data.rows.length, cols.length);
        }
        api.setGridOption('pinnedTopRowData', totalRow());
      }),
    [data, selection, cols.length, totalRow],
  );
  // Findings move with every patch: repaint their marks.
  useEffect(() => store.onPatch(() => apiRef.current?.refreshCells({ force: true })), [store]);
  // A line of the drill-down panel selects its cell: AG Grid's focus moves the selection with it.
  useEffect(() => {
    if (!selectCell) return;
    selectCell.current = (lineId, colId) => {
      const api = apiRef.current;
      const row = api?.getRowNode(String(lineId))?.rowIndex;
      if (!api || row == null) return;
      api.ensureIndexVisible(row, 'middle');
      api.ensureColumnVisible(colId);
      api.setFocusedCell(row, colId);
    };
    return () => {
      selectCell.current = null;
    };
  }, [selectCell]);

  const columnDefs = useMemo(() => {
    // Blank where nothing is disbursed or planned, as the printed report shows it.
    const fmt = (p: ValueFormatterParams<GridRow, number | null>) => (p.value ? formatAmount(p.value, unit, locale) : '');
    const marks = (column: string) => ({
      'pd-finding-error': (p: CellClassParams<GridRow>) => findingsAt(p.data, column).some((f) => f.severity === 'error'),
      'pd-finding-warning': (p: CellClassParams<GridRow>) => findingsAt(p.data, column).some((f) => f.severity === 'warning'),
      'pd-finding-info': (p: CellClassParams<GridRow>) => findingsAt(p.data, column).some((f) => f.severity === 'info'),
    });
    const figure = (c: FigureCol): ColDef<GridRow> => ({
      colId: `fig:${c.key}`,
      headerName: c.label,
      type: 'rightAligned',
      width: 118,
      editable: (p) => !readOnly && !p.node.rowPinned && !!p.data?.holds,
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { useFormatter: true },
      valueGetter: (p) => p.data?.disbursed[c.key] ?? null,
      valueFormatter: fmt,
      tooltipValueGetter: (p) => {
        const tip = findingTip(findingsAt(p.data, c.key), lang, unit, locale);
        if (tip) return tip;
        const r = p.data;
        if (!r) return null;
        return t('execview.tip', { plan: formatAmount(r.plan[c.key] ?? 0, unit, locale), rate: formatRate(r.rate[c.key] ?? null, locale) || '—' });
      },
      cellClassRules: {
        ...(painter.rules(`fig:${c.key}`) as unknown as ColDef<GridRow>['cellClassRules']),
        'pd-total': (p: CellClassParams<GridRow>) => !p.data?.holds,
        ...marks(c.key),
      },
    });
    const summary = (k: SummaryKind): ColDef<GridRow> => ({
      colId: `sum:${k}`,
      headerName: t(`execview.col.${k}`),
      type: 'rightAligned',
      width: k === 'rate' ? 92 : 124,
      valueGetter: (p) => (p.data ? (p.data[k][rootKey] ?? null) : null),
      valueFormatter: (p) => (k === 'rate' ? formatRate((p.value as number | null) ?? null, locale) : fmt(p as ValueFormatterParams<GridRow, number | null>)),
      cellClass: 'pd-total',
      cellClassRules: k === 'disbursed' || k === 'rate' ? marks(rootKey) : undefined,
    });
    const date = data.date;
    const defs: (ColDef<GridRow> | ColGroupDef<GridRow>)[] = [
      { colId: 'code', field: 'code', headerName: t('print.col.code'), pinned: 'left', width: 80 },
      {
        colId: 'name',
        field: 'name',
        headerName: t('print.col.name'),
        pinned: 'left',
        width: 300,
        tooltipField: 'name',
        cellStyle: (p) => ({ paddingLeft: `${8 + Math.max(0, p.data?.depth ?? 0) * 16}px`, fontWeight: p.data?.hasChildren || p.data?.total ? 700 : 400 }),
      },
      {
        groupId: 'figures',
        headerName: date ? t('execview.band.disbursed', { date: viDate(date.asOf) }) : t('execrep.col.disbursed'),
        children: cols.map(figure),
      },
      { groupId: 'summary', headerName: t('execview.band.report'), children: SUMMARY.map(summary) },
    ];
    return defs;
  }, [cols, data, readOnly, unit, locale, lang, t, painter, findingsAt, rootKey]);

  // ---- selection, keyboard, clipboard (the figure grids' shared input) -------------------------
  const rowCount = useCallback(() => data.rows.length, [data]);
  const { repaint, onCellFocused } = useFigureInput({ wrapper, apiRef, selection, painter, colIds, store, editor, table, rowCount, onMessage });

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<GridRow>) => {
      const id = e.column.getColId();
      const c = cols.find((x) => `fig:${x.key}` === id);
      if (!c || !e.data || e.data.total) return;
      void editor.typeCell(e.data, c, e.newValue == null ? '' : String(e.newValue));
    },
    [cols, editor],
  );

  const onGridReady = useCallback(
    (e: GridReadyEvent<GridRow>) => {
      apiRef.current = e.api;
      e.api.setGridOption('rowData', data.rows);
      e.api.setGridOption('pinnedTopRowData', totalRow());
    },
    [data, totalRow],
  );

  const getRowId = useCallback((p: { data: GridRow }) => (p.data.total ? 'total' : String(p.data.lineId)), []);
  const rowClassRules = useMemo(
    () => ({
      'pd-grand-total': (p: { data?: GridRow }) => !!p.data?.total,
      'pd-parent': (p: { data?: GridRow }) => !p.data?.total && !!p.data?.hasChildren,
    }),
    [],
  );
  const defaultColDef = useMemo<ColDef<GridRow>>(() => ({ sortable: false, suppressMovable: true, resizable: true }), []);

  return (
    <div className="pd-grid pd-exec-grid" ref={wrapper} data-exec-grid="">
      <AgGridReact<GridRow>
        {...FIGURE_GRID_OPTIONS}
        theme={theme}
        columnDefs={columnDefs}
        getRowId={getRowId}
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        tooltipShowDelay={300}
        rowClassRules={rowClassRules}
        onGridReady={onGridReady}
        defaultColDef={defaultColDef}
        onViewportChanged={repaint}
        onBodyScroll={repaint}
      />
    </div>
  );
});
