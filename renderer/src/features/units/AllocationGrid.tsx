// The allocation grid (issue 14): units as rows, the chosen lines × funding columns as columns (a
// project over its sub-projects), the units' total on the right and, pinned under them, the units'
// sum, the line's figure and what is still not allocated. Edited as the plan grid is: type (a number
// or a simple formula, refused input keeps the editor open), Enter/Tab, drag or Shift to select,
// Ctrl+C / Ctrl+V with Excel, Ctrl+D / Ctrl+Enter fill, Delete clears — each one engine command, one
// undo step (alloc-editor.ts). AG Grid Community virtualises rows and columns: 3.300 units × 200
// lines stay fluid. An edit repaints only the cells it moves (its unit's cell and total, the three
// pinned rows under its column and the total): each refreshed cell is a React render in AG Grid's
// React cells, and a whole row's refresh cost more than the 16 ms an edit may take to show. Cells
// carry no AG Grid tooltip (a tooltip object per cell made the first paint slower): one listener
// on the grid gives the cell under the pointer its title.
import {
  type CellClassParams,
  type CellEditRequestEvent,
  type ColDef,
  type ColGroupDef,
  type GridApi,
  type GridReadyEvent,
  type IRowNode,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { Finding } from '../../../../shared/findings';
import { formatAmount, formatSignedAmount } from '../../../../shared/number';
import { findingTip } from '../../grid/finding-tip';
import { FIGURE_GRID_OPTIONS, themeAt } from '../../grid/grid-theme';
import { GridSelection } from '../../grid/selection';
import { SelectionPainter } from '../../grid/selection-paint';
import { useFigureInput } from '../../grid/use-figure-input';
import { useLang } from '../../i18n';
import type { PlanStore } from '../../state/plan-store';
import type { AllocationData } from './alloc-data';
import type { AllocEditor, AllocTable } from './alloc-editor';
import { summaryTotal, summaryValue, unitTotal, unitValue, type AllocBand, type AllocCol, type SummaryKind, SUMMARY_ROWS } from './alloc-model';
import { detailTotal, detailValue, type DetailRows, type DisplayRow } from './detail-rows';

const theme = themeAt(1);

/** A row of the grid: a unit, a unit's merged detail line under it, or one of the pinned summary rows. */
type GridRow = DisplayRow & { summary?: SummaryKind };

const TOTAL_COL = 'total';
const NO_COLS: readonly string[] = [];
const isUnitRule = (f: Finding) => (f.rule as string).startsWith('unit_');

export interface AllocationGridHandle {
  /** Focus the units' sum under a line's column (a finding's cell); false when that column is not shown. */
  focusSummary(lineId: number, column: string): boolean;
  /** Focus a unit's cell. */
  focusCell(unitId: number, lineId: number, column: string): void;
  /** End an edit in progress keeping what was typed. */
  commitEditing(): void;
}

interface Props {
  store: PlanStore;
  data: AllocationData;
  bands: AllocBand[];
  editor: AllocEditor;
  /** A units' total column (lines of one funding column; one line's view has its Tổng cộng). */
  totalColumn: boolean;
  readOnly: boolean;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
  /** Units' merged detail shown under them when expanded, and the toggle; `detailVersion` changes when they do. */
  details: DetailRows;
  detailVersion: number;
  onToggleDetail: (unitId: number) => void;
  ref?: Ref<AllocationGridHandle>;
}

export const AllocationGrid = memo(function AllocationGrid({ store, data, bands, editor, totalColumn, readOnly, onMessage, details, detailVersion, onToggleDetail, ref }: Props) {
  const { lang, t } = useLang();
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const cols = useMemo(() => bands.flatMap((b) => b.cols), [bands]);
  const colById = useMemo(() => new Map(cols.map((c) => [c.id, c])), [cols]);
  const colIndex = useMemo(() => new Map(cols.map((c, i) => [c.id, i])), [cols]);
  const selection = useMemo(() => new GridSelection(), []);
  const painter = useMemo(() => new SelectionPainter(selection, (id) => colIndex.get(id)), [selection, colIndex]);
  const meta = store.meta!;
  const unit = meta.unit;
  const locale = meta.numberLocale;

  // The rows shown: the units, expanded ones followed by their detail lines (selection indices are into these).
  const shown = useRef<GridRow[]>([]);
  const showRows = useCallback(() => {
    shown.current = details.display(data.rows);
    return shown.current;
  }, [data, details]);
  const toggle = useRef(onToggleDetail);
  toggle.current = onToggleDetail;
  const table = useCallback((): AllocTable => ({ units: shown.current, cols }), [cols]);
  const summaryRows = useCallback(
    (): GridRow[] =>
      SUMMARY_ROWS.map((kind, i) => ({ id: -1 - i, parentId: null, position: i, name: t(`alloc.row.${kind}`), kind: 'other', code: '', depth: 0, summary: kind })),
    [t],
  );
  const unitFindings = useCallback((c: AllocCol) => store.findingsAt(c.lineId, c.column).filter(isUnitRule), [store]);

  // The grid's columns showing a share cell (`${lineId}|${leaf column}`: a leaf's own column and
  // the group columns summing it) and those showing a line's figures, each with the units' total.
  const { colsOfCell, colsOfLine } = useMemo(() => {
    const ofCell = new Map<string, string[]>();
    const ofLine = new Map<number, string[]>();
    const extra = totalColumn ? [TOTAL_COL] : [];
    for (const c of cols) {
      for (const part of c.parts) {
        const key = `${c.lineId}|${part}`;
        ofCell.set(key, [...(ofCell.get(key) ?? extra), c.id]);
      }
      ofLine.set(c.lineId, [...(ofLine.get(c.lineId) ?? extra), c.id]);
    }
    return { colsOfCell: ofCell, colsOfLine: ofLine };
  }, [cols, totalColumn]);
  const columnsOf = useCallback(<K,>(keys: Iterable<K>, map: ReadonlyMap<K, string[]>): string[] => {
    const out = new Set<string>();
    for (const k of keys) for (const id of map.get(k) ?? NO_COLS) out.add(id);
    return [...out];
  }, []);

  /** Repaint the pinned rows' cells in these columns (all of them: undefined). */
  const refreshSummary = useCallback((columns?: string[]) => {
    const api = apiRef.current;
    if (!api || columns?.length === 0) return;
    const nodes: IRowNode<GridRow>[] = [];
    for (let i = 0; i < api.getPinnedBottomRowCount(); i++) {
      const n = api.getPinnedBottomRow(i);
      if (n) nodes.push(n);
    }
    api.refreshCells({ rowNodes: nodes, columns, force: true });
  }, []);

  // Follow the data: a new load or new units rebuild the rows; changed shares repaint their cells.
  useEffect(
    () =>
      data.subscribe((c) => {
        const api = apiRef.current;
        if (!api) return;
        if (c.kind === 'shares') {
          const columns = columnsOf(c.columns, colsOfCell);
          if (!columns.length) return;
          const nodes = c.unitIds.map((id) => api.getRowNode(String(id))).filter((n): n is IRowNode<GridRow> => !!n);
          api.refreshCells({ rowNodes: nodes, columns, force: true });
          refreshSummary(columns);
        } else {
          api.setGridOption('rowData', showRows());
          selection.clamp(shown.current.length, cols.length);
          refreshSummary();
        }
      }),
    [data, refreshSummary, selection, cols.length, showRows, columnsOf, colsOfCell],
  );
  // A unit expanded or closed, or its detail re-read: the rows again. Rows keep their ids, so AG
  // Grid applies the difference as a transaction (the detail rows added or removed); with no unit
  // expanded the rows are the units' own list, unchanged, and only the ▸ of the names is repainted.
  useEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    const before = shown.current;
    if (showRows() !== before) {
      api.setGridOption('rowData', shown.current);
      selection.clamp(shown.current.length, cols.length);
    }
    api.refreshCells({ columns: ['name'], force: true });
  }, [detailVersion, showRows, selection, cols.length]);
  // Findings and the lines' figures move with patches: the pinned rows show them. A patch that
  // names its lines repaints their columns; one that reshapes the plan or drops findings, all.
  useEffect(
    () =>
      store.onPatch((p) => {
        if (p.structure || p.meta || p.rules || p.columns || p.findings.reset || p.findings.remove.length) return refreshSummary();
        const lines = new Set<number>(p.rows.map((r) => r.id));
        for (const f of p.findings.upsert) if (f.lineId !== null) lines.add(f.lineId);
        refreshSummary(columnsOf(lines, colsOfLine));
      }),
    [store, refreshSummary, columnsOf, colsOfLine],
  );

  const columnDefs = useMemo(() => {
    const fmt = (p: ValueFormatterParams<GridRow, number | null>) => formatAmount(p.value ?? null, unit, locale);
    const amount = (c: AllocCol): ColDef<GridRow> => ({
      colId: c.id,
      headerName: c.label,
      headerTooltip: c.tooltip,
      type: 'rightAligned',
      width: 112,
      editable: (p) => !readOnly && !p.node.rowPinned && !p.data?.detail && c.editable,
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { useFormatter: true },
      valueGetter: (p) => {
        if (!p.data) return null;
        if (p.data.summary) return summaryValue(p.data.summary, data.shares, c, store.rows.get(c.lineId));
        if (p.data.detail) return detailValue(p.data.detail.row, c);
        return unitValue(data.shares, p.data.id, c);
      },
      valueFormatter: fmt,
      cellClassRules: {
        ...(painter.rules(c.id) as unknown as ColDef<GridRow>['cellClassRules']),
        'pd-total': (p: CellClassParams<GridRow>) => !p.data?.summary && !p.data?.detail && !c.editable,
        'pd-negative': (p: CellClassParams<GridRow>) => typeof p.value === 'number' && p.value < 0,
        'pd-finding-error': (p: CellClassParams<GridRow>) => isMarked(p.data, c, 'error'),
        'pd-finding-info': (p: CellClassParams<GridRow>) => isMarked(p.data, c, 'info'),
      },
    });
    // The units' sum and what is left carry the unit findings of their line and column.
    const isMarked = (row: GridRow | undefined, c: AllocCol, severity: 'error' | 'info') =>
      !!row?.summary && row.summary !== 'figure' && unitFindings(c).some((f) => f.severity === severity);

    const toggleParams: ToggleParams = {
      isOpen: (id) => details.isExpanded(id),
      toggle: (id) => toggle.current(id),
      label: (open) => t(open ? 'alloc.detail.collapse' : 'alloc.detail.expand'),
    };
    const defs: (ColDef<GridRow> | ColGroupDef<GridRow>)[] = [
      { colId: 'code', field: 'code', headerName: t('alloc.col.code'), pinned: 'left', width: 90 },
      {
        colId: 'name',
        field: 'name',
        headerName: t('alloc.col.unit'),
        pinned: 'left',
        width: 280,
        cellStyle: (p) => ({ paddingLeft: `${8 + (p.data?.summary ? 0 : (p.data?.depth ?? 0) * 16)}px` }),
        // A unit with merged detail opens (▸) to its detail lines; the others show their name as
        // text (no React component per cell: most of 3.300 units have no detail).
        cellRendererSelector: (p: { data?: GridRow }) => {
          const row = p.data;
          return row && !row.summary && !row.detail && details.hasDetail(row.id) ? { component: DetailToggle, params: toggleParams } : undefined;
        },
      },
    ];

    if (totalColumn) {
      defs.push({
        colId: TOTAL_COL,
        headerName: t('alloc.col.total'),
        type: 'rightAligned',
        width: 124,
        pinned: 'left',
        valueGetter: (p) => {
          if (!p.data) return null;
          if (p.data.summary) return summaryTotal(p.data.summary, data.shares, cols, (id) => store.rows.get(id));
          if (p.data.detail) return detailTotal(p.data.detail.row, cols);
          return unitTotal(data.shares, p.data.id, cols);
        },
        valueFormatter: fmt,
        cellClass: 'pd-total',
      });
    }
    for (const b of bands) {
      if (!b.head) defs.push(...b.cols.map(amount));
      else defs.push({ groupId: `band:${b.cols[0].id}`, headerName: b.head.label, headerTooltip: b.head.tooltip, marryChildren: true, children: b.cols.map(amount) });
    }
    return defs;
    // The row data and shares are read at paint time; a new band list or unit rebuilds the columns.
  }, [bands, cols, data, store, readOnly, unit, locale, t, painter, unitFindings, totalColumn, details]);

  /** The tooltip of a cell: a unit's code and name, why a cell takes no share, a finding or the sums under a line. */
  const tipAt = useCallback(
    (row: GridRow, colId: string): string | null => {
      if (colId === 'code' || colId === 'name') return row[colId] || null;
      const c = colById.get(colId);
      if (!c) return null;
      if (row.detail) {
        // The plan line as it is named now (a rename or renumbering moves no detail).
        const line = store.rows.get(row.detail.row.lineId);
        return t('alloc.detail.tip', { line: line ? `${line.code} ${line.name}`.trim() : row.detail.row.line });
      }
      if (!row.summary) return c.editable ? null : t('alloc.edit.notHere');
      const tip = findingTip(unitFindings(c), lang, unit, locale);
      if (tip) return tip;
      const sum = summaryValue('sum', data.shares, c, store.rows.get(c.lineId));
      const figure = summaryValue('figure', data.shares, c, store.rows.get(c.lineId));
      return t('alloc.tip.sum', {
        sum: formatAmount(sum, unit, locale),
        figure: formatAmount(figure, unit, locale),
        diff: formatSignedAmount(sum - figure, unit, locale),
        unit: t(`unit.${unit}`),
      });
    },
    [colById, data, store, lang, unit, locale, t, unitFindings],
  );
  // The cell under the pointer gets its tooltip as it is entered (read then, so it is current).
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    let last: Element | null = null;
    const onEnter = (e: MouseEvent) => {
      const cell = (e.target as Element | null)?.closest?.('.ag-cell[col-id]');
      if (!cell || cell === last) return;
      last = cell;
      const api = apiRef.current;
      const rowId = cell.closest('.ag-row')?.getAttribute('row-id') ?? '';
      let row: GridRow | undefined;
      if (rowId.startsWith('s-')) {
        for (let i = 0; api && i < api.getPinnedBottomRowCount(); i++) if (api.getPinnedBottomRow(i)?.data?.summary === rowId.slice(2)) row = api.getPinnedBottomRow(i)?.data;
      } else row = api?.getRowNode(rowId)?.data;
      const tip = row ? tipAt(row, cell.getAttribute('col-id')!) : null;
      if (tip) cell.setAttribute('title', tip);
      else cell.removeAttribute('title');
    };
    el.addEventListener('mouseover', onEnter);
    return () => el.removeEventListener('mouseover', onEnter);
  }, [tipAt]);

  // ---- selection, keyboard, clipboard (the figure grids' shared input) -------------------------
  const colIds = useMemo(() => cols.map((c) => c.id), [cols]);
  const rowCount = useCallback(() => shown.current.length, []);
  // The figure and the sums under it shown at the key (the edit request that follows sends the same value).
  const entered = (colId: string, row: number, value: number | null) => {
    const c = colById.get(colId);
    const unit = shown.current[row];
    if (c?.editable && unit && !unit.detail && !readOnly) data.preview([{ unitId: unit.id, lineId: c.lineId, column: c.column, value }]);
  };
  const { input, repaint, onCellFocused } = useFigureInput({ wrapper, apiRef, selection, painter, colIds, store, editor, table, rowCount, onMessage, entered });

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<GridRow>) => {
      const c = colById.get(e.column.getColId());
      if (!c || !e.data || e.data.summary || e.data.detail) return;
      void editor.typeCell(e.data, c, e.newValue == null ? '' : String(e.newValue));
    },
    [colById, editor],
  );

  // The rows and the pinned rows are given when the grid is created (set after it, they cost the
  // grid a second pass over its model and rows); later changes go through the API.
  const [initialRows] = useState(() => showRows());
  const pinnedRows = useMemo(() => summaryRows(), [summaryRows]);
  const onGridReady = useCallback(
    (e: GridReadyEvent<GridRow>) => {
      apiRef.current = e.api;
      // Units or detail that changed while the grid was being built.
      if (showRows() !== initialRows) e.api.setGridOption('rowData', shown.current);
    },
    [initialRows, showRows],
  );

  useImperativeHandle(
    ref,
    () => ({
      focusSummary: (lineId, column) => {
        const api = apiRef.current;
        const c = cols.find((x) => x.lineId === lineId && x.column === column);
        if (!api || !c) return false;
        api.ensureColumnVisible(c.id);
        api.setFocusedCell(0, c.id, 'bottom');
        selection.set(null);
        return true;
      },
      focusCell: (unitId, lineId, column) => {
        const row = shown.current.findIndex((u) => u.id === unitId && !u.detail);
        const col = cols.findIndex((x) => x.lineId === lineId && x.column === column);
        if (row >= 0 && col >= 0) input.focusAt({ row, col }, false);
      },
      commitEditing: () => apiRef.current?.stopEditing(false),
    }),
    [cols, data, selection, input],
  );

  const getRowId = useCallback(
    (p: { data: GridRow }) => (p.data.summary ? `s-${p.data.summary}` : p.data.detail ? `d-${p.data.detail.unitId}-${p.data.detail.row.seq}` : String(p.data.id)),
    [],
  );
  const rowClassRules = useMemo(
    () => ({
      'pd-grand-total': (p: { data?: GridRow }) => p.data?.summary === 'sum',
      'pd-alloc-summary': (p: { data?: GridRow }) => !!p.data?.summary,
      'pd-parent': (p: { data?: GridRow }) => !p.data?.summary && data.parents.has(p.data?.id ?? -1),
      'pd-alloc-detail': (p: { data?: GridRow }) => !!p.data?.detail,
    }),
    [data],
  );
  const defaultColDef = useMemo<ColDef<GridRow>>(() => ({ sortable: false, suppressMovable: true, resizable: true }), []);
  // Props that keep their identity across renders (a new one is a grid option update each render).
  const localeText = useMemo(() => ({ noRowsToShow: t('alloc.noUnits') }), [t]);

  return (
    <div className="pd-grid pd-alloc-grid" ref={wrapper} data-alloc-grid="">
      <AgGridReact<GridRow>
        {...FIGURE_GRID_OPTIONS}
        theme={theme}
        columnDefs={columnDefs}
        rowData={initialRows}
        pinnedBottomRowData={pinnedRows}
        getRowId={getRowId}
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        rowClassRules={rowClassRules}
        onGridReady={onGridReady}
        defaultColDef={defaultColDef}
        onViewportChanged={repaint}
        onBodyScroll={repaint}
        localeText={localeText}
      />
    </div>
  );
});

interface ToggleParams {
  isOpen: (unitId: number) => boolean;
  toggle: (unitId: number) => void;
  label: (open: boolean) => string;
}

/** A unit with merged detail: ▸ (▾ when open) before its name, opening its detail lines under it. */
function DetailToggle({ data: row, value, isOpen, toggle, label }: ToggleParams & { data?: GridRow; value?: string }) {
  if (!row) return value ?? '';
  const open = isOpen(row.id);
  return (
    <span className="pd-alloc-unit-cell">
      <button
        type="button"
        className="pd-alloc-detail-toggle"
        data-detail-toggle={row.id}
        aria-expanded={open}
        title={label(open)}
        onClick={(e) => {
          e.stopPropagation();
          toggle(row.id);
        }}
      >
        {open ? '▾' : '▸'}
      </button>
      {value}
    </span>
  );
}
