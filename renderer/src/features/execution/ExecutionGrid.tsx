// The execution grid (issue 15): the plan's lines as rows, for the as-of date shown — the disbursed
// figure (lũy kế giải ngân) per leaf funding column, typed where a line holds figures, and the
// report beside it: plan, disbursed, rate (one decimal, vi-VN), remaining and in the period, with
// the TỔNG CỘNG row pinned on top. Edited as the plan grid is: type (a number or a simple formula),
// Enter/Tab, drag or Shift to select, Ctrl+C / Ctrl+V with Excel, Ctrl+D / Ctrl+Enter fill, Delete
// clears — each one engine command, one undo step (exec-editor.ts). Findings of the date mark their
// cells (disbursed above plan, decreasing, below the pace), with their explanation on hover.
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellClassParams,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type ColDef,
  type ColGroupDef,
  type GridApi,
  type GridReadyEvent,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { parseTsv } from '../../../../shared/clipboard/tsv';
import type { Finding } from '../../../../shared/findings';
import { formatRate } from '../../../../shared/execution/model';
import type { ReportFigures, ReportRowView } from '../../../../shared/execution/report';
import { parseEntry } from '../../../../shared/formula';
import { formatAmount } from '../../../../shared/number';
import { findingTip } from '../../grid/finding-tip';
import { GridSelection, step, type Rect } from '../../grid/selection';
import { SelectionPainter } from '../../grid/selection-paint';
import { useLang } from '../../i18n';
import type { PlanStore } from '../../state/plan-store';
import { viDate } from '../../../../shared/print/execution-report';
import type { ExecutionData } from './exec-data';
import type { ExecEditor, FigureCol } from './exec-editor';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: ['"Times New Roman"', 'Tinos', '"Liberation Serif"', 'serif'],
  fontSize: 14,
  headerFontWeight: 700,
  rowHeight: 30,
  headerHeight: 32,
  spacing: 5,
  wrapperBorderRadius: 0,
});

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
  const colIndex = useMemo(() => new Map(cols.map((c, i) => [`fig:${c.key}`, i])), [cols]);
  const selection = useMemo(() => new GridSelection(), []);
  const painter = useMemo(() => new SelectionPainter(selection, (id) => colIndex.get(id)), [selection, colIndex]);
  const meta = store.meta!;
  const unit = meta.unit;
  const locale = meta.numberLocale;
  const live = useRef({ t, onMessage, unit, locale });
  live.current = { t, onMessage, unit, locale };
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

  // ---- selection, keyboard, clipboard (as the allocation grid) ---------------------------------
  const dragging = useRef(false);
  useEffect(() => {
    let frame = 0;
    const off = selection.subscribe(() => {
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        painter.paint(wrapper.current);
      });
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [selection, painter]);

  const posOf = useCallback(
    (target: EventTarget | null): { row: number; col: number } | 'pinned' | null => {
      const cell = (target as Element | null)?.closest?.('.ag-cell');
      const rowEl = cell?.closest('.ag-row[row-index]');
      if (!cell || !rowEl) return null;
      if (rowEl.closest('.ag-floating-top, .ag-grid-pinned-top-rows')) return 'pinned';
      const col = colIndex.get(cell.getAttribute('col-id') ?? '');
      const row = Number(rowEl.getAttribute('row-index'));
      return col === undefined || !Number.isInteger(row) ? null : { row, col };
    },
    [colIndex],
  );

  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const inGrid = (x: EventTarget | null) => x instanceof Node && el.contains(x);
    const isField = (x: EventTarget | null) => x instanceof HTMLElement && (x.tagName === 'INPUT' || x.tagName === 'TEXTAREA');
    const onPointer = (e: PointerEvent) => {
      const pos = posOf(e.target);
      if (pos === 'pinned') return selection.set(null);
      if (!pos || e.button === 2) return;
      if (e.shiftKey && selection.anchor) {
        e.preventDefault();
        selection.extendTo(pos);
        return;
      }
      selection.set(pos);
      dragging.current = e.button === 0;
    };
    const onOver = (e: MouseEvent) => {
      if (!dragging.current) return;
      if ((e.buttons & 1) === 0) {
        dragging.current = false;
        return;
      }
      const pos = posOf(e.target);
      if (pos && pos !== 'pinned') selection.extendTo(pos);
    };
    const onUp = () => {
      dragging.current = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (!inGrid(e.target)) return;
      const api = apiRef.current;
      const r: Rect | null = selection.rect();
      if (!api || !r) return;
      const ctrl = e.ctrlKey || e.metaKey;
      const done = () => {
        e.preventDefault();
        e.stopPropagation();
      };
      if (api.getEditingCells().length > 0) {
        if (e.key === 'Enter' && ctrl && selection.isMulti()) {
          const value = api.getCellEditorInstances()[0]?.getValue?.();
          api.stopEditing(true);
          void editor.fillSelection(table(), r, value == null ? '' : String(value));
          return done();
        }
        // Refused input keeps the editor open on its cell, to be corrected (Esc keeps the old value).
        if ((e.key === 'Enter' || e.key === 'Tab') && !ctrl && isField(e.target)) {
          const text = (e.target as HTMLInputElement).value;
          const parsed = parseEntry(text, live.current.unit, live.current.locale);
          if (!parsed.ok) {
            live.current.onMessage(live.current.t(`input.${parsed.error}`, { text: text.trim() }), 'error');
            return done();
          }
        }
        return;
      }
      if (isField(e.target)) return;
      const dirs = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const;
      const dir = dirs[e.key as keyof typeof dirs];
      if (dir && e.shiftKey && !ctrl && !e.altKey && selection.head) {
        const to = step(selection.head, dir, data.rows.length, cols.length);
        selection.extendTo(to);
        api.ensureIndexVisible(to.row);
        return done();
      }
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if ((e.key === 'Delete' || e.key === 'Backspace') && !ctrl && !e.altKey) {
        void editor.clear(table(), r);
        return done();
      }
      if (ctrl && !e.shiftKey && !e.altKey && key === 'd') {
        void editor.fillDown(table(), r);
        return done();
      }
      if (ctrl && e.key === 'Enter' && selection.anchor) {
        const a = selection.anchor;
        void editor.fillSelection(table(), r, editor.copy(table(), { top: a.row, bottom: a.row, left: a.col, right: a.col }).trim());
        return done();
      }
    };
    const onCopy = (e: ClipboardEvent) => {
      const r = selection.rect();
      if (!inGrid(e.target) || isField(e.target) || !r || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', editor.copy(table(), r));
      e.preventDefault();
    };
    const onCut = (e: ClipboardEvent) => {
      const r = selection.rect();
      if (!inGrid(e.target) || isField(e.target) || !r) return;
      onCopy(e);
      void editor.clear(table(), r);
    };
    const onPaste = (e: ClipboardEvent) => {
      const r = selection.rect();
      if (!inGrid(e.target) || isField(e.target) || !e.clipboardData) return;
      e.preventDefault();
      if (!r) return live.current.onMessage(live.current.t('editing.paste.noTarget'), 'error');
      void editor.paste(table(), r, parseTsv(e.clipboardData.getData('text/plain')), selection.isMulti());
    };
    el.addEventListener('pointerdown', onPointer, true);
    el.addEventListener('mouseover', onOver, true);
    el.addEventListener('keydown', onKey, true);
    window.addEventListener('mouseup', onUp);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      el.removeEventListener('pointerdown', onPointer, true);
      el.removeEventListener('mouseover', onOver, true);
      el.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mouseup', onUp);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [selection, posOf, editor, table, data, cols]);

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridRow>) => {
      if (e.rowIndex === null || e.rowPinned) return;
      const id = typeof e.column === 'string' ? e.column : e.column?.getColId();
      const col = colIndex.get(id ?? '');
      if (col === undefined) return;
      const a = selection.anchor;
      if (a && a.row === e.rowIndex && a.col === col) return;
      if (typeof MouseEvent !== 'undefined' && e.sourceEvent instanceof MouseEvent) return;
      selection.set({ row: e.rowIndex, col });
    },
    [colIndex, selection],
  );

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
        theme={theme}
        columnDefs={columnDefs}
        getRowId={getRowId}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        tooltipShowDelay={300}
        rowClassRules={rowClassRules}
        animateRows={false}
        onGridReady={onGridReady}
        defaultColDef={defaultColDef}
        onViewportChanged={() => painter.paint(wrapper.current)}
        onBodyScroll={() => painter.paint(wrapper.current)}
      />
    </div>
  );
});
