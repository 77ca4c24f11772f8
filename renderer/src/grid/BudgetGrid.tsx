// The budget table: lines (a tree, flattened with depth and a collapse filter) × funding columns
// (from the cycle's column tree), with a pinned TỔNG CỘNG row. Edits go to the engine
// (readOnlyEdit: the grid never changes its own data); the engine's Patch then updates only the
// rows it names. Numbers are parsed and shown in the cycle's unit and number convention.
// Excel-grade editing sits on top (AG Grid Community has no range selection, clipboard, fill or
// context menu): our own selection model, keyboard, clipboard and line operations (grid-*.ts).
import {
  type CellClassParams,
  type CellContextMenuEvent,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type ColDef,
  type ColumnHeaderClickedEvent,
  type ColumnResizedEvent,
  type GridApi,
  type GridReadyEvent,
  type IRowNode,
  type RowDragEndEvent,
  type RowDragMoveEvent,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore, type Ref } from 'react';
import { ColumnTree } from '../../../shared/columns';
import type { PlanDeskBridge, Patch, RowView } from '../../../shared/ipc';
import type { DisplayUnit, FundingColumn } from '../../../shared/model';
import { parseEntry } from '../../../shared/formula';
import { formatAmount, formatSignedAmount, type NumberLocale } from '../../../shared/number';
import { sumToleranceDong } from '../../../shared/rules/context';
import { BridgeFailure } from '../bridge';
import { useLang } from '../i18n';
import type { PlanStore } from '../state/plan-store';
import { LocalTotals } from '../state/local-totals';
import { cellMeaning } from './cell-value';
import { findingTip } from './finding-tip';
import { loadColumnWidths, saveColumnWidths } from './column-widths';
import { CodeCell, type CodeCellContext } from './CodeCell';
import { buildColumnDefs, TEXT_COLUMNS, type TextColumn } from './column-defs';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { contextMenuItems, headerMenuItems, isGridCommand, runGridCommand, type GridCommand } from './grid-commands';
import { GridContextMenu, type ContextMenuState } from './GridContextMenu';
import { FindMark } from './find-mark';
import { GridEditor } from './grid-editor';
import { handleGridKey } from './grid-keyboard';
import { gridZoom, selectionSummary } from './grid-status';
import { FIGURE_GRID_OPTIONS, themeAt } from './grid-theme';
import { GridSelection, statsOf } from './selection';
import { SelectionController } from './selection-controller';
import { SelectionPainter } from './selection-paint';
import { ROW_HANDLE, TableView } from './table-view';
import { TreeVisibility } from './tree-visibility';
import { useFigureGrid, type GridInput } from './use-figure-grid';

export interface BudgetGridHandle {
  expandAll(): void;
  collapseAll(): void;
  focusCell(lineId: number, column: string | null): void;
  /** Focus a cell of the pinned TỔNG CỘNG row (findings about the whole program point there). */
  focusTotal(column: string): void;
  applyPatch(p: Patch): Promise<void>;
  /** Run an editing command on the selection (menus, context menu, keyboard). */
  run(command: GridCommand): void;
  /** The line of the active cell (null: none). */
  activeLineId(): number | null;
  /** End the cell edit in progress keeping what was typed (it is sent as usual); true if there was one. */
  commitEditing(): boolean;
  /** The figure cells of the selection (lines shown × funding columns), for commands on a selection. */
  selectedCells(): { lineId: number; column: string }[];
  /** Mark the cell Find is showing (null: none), while the find box keeps the keyboard. */
  markFound(cell: { lineId: number; column: string } | null): void;
}

interface Props {
  store: PlanStore;
  bridge: PlanDeskBridge;
  readOnly: boolean;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
  /** An edit was saved: an error message about an earlier refused one is out of date. */
  onSaved?: () => void;
  /** Re-read the whole plan (after structural changes). */
  reload: (opts?: { partial?: boolean }) => Promise<void>;
  /** How figures are written (the cycle's; props, so a change in Plan details repaints the grid). */
  unit: DisplayUnit;
  locale: NumberLocale;
  /**
   * The funding-column tree as text (issue 13): a prop, so the memoised grid rebuilds its header
   * when the tree changes (after a column command the plan is read again with its new columns).
   */
  columnsSig?: string;
  /** Run a window action chosen in the grid's menus (the header's "Cột nguồn vốn…"); stable. */
  onAction?: (actionId: string) => void;
  ref?: Ref<BudgetGridHandle>;
}

const TOTAL_ROW_ID = -1;
/** The line a row stands for in findings: the pinned TỔNG CỘNG row is the program (null). */
const lineOf = (row: RowView): number | null => (row.id === TOTAL_ROW_ID ? null : row.id);

/** Memoised: the app re-renders on every store change; the grid updates itself through its API. */
export const BudgetGrid = memo(function BudgetGrid({ store, bridge, readOnly, onMessage, onSaved, reload, unit, locale, columnsSig, onAction, ref }: Props) {
  const { lang, t, tStored } = useLang();
  const apiRef = useRef<GridApi<RowView> | null>(null);
  const visibility = useMemo(() => new TreeVisibility((id) => store.rows.get(id)), [store]);
  const leafColumns = useMemo(() => new Set(new ColumnTree(store.columns).leaves.map((c) => c.key)), [store.columns]);

  // ---- editing: selection, keyboard, clipboard, line operations -------------------------------
  const wrapper = useRef<HTMLDivElement>(null);
  const zoom = useSyncExternalStore(gridZoom.subscribe, gridZoom.get);
  const theme = useMemo(() => themeAt(zoom), [zoom]);
  const [confirmReq, setConfirmReq] = useState<{ req: ConfirmRequest; answer: (id: string | null) => void } | null>(null);
  const [menu, setMenu] = useState<ContextMenuState | null>(null);
  /** Everything the editing objects read at the moment they act (settings can change under them). */
  const live = useRef({ readOnly, lang, t, tStored, onMessage, leafColumns });
  live.current = { readOnly, lang, t, tStored, onMessage, leafColumns };
  /** Selectable columns shown, by id → index (kept current on column changes, read while painting). */
  const colIndex = useRef(new Map<string, number>());
  const selection = useMemo(() => new GridSelection(), []);
  const view = useCallback((): TableView | null => {
    const api = apiRef.current;
    if (!api || !store.meta) return null;
    const { lang: l, t: tr, leafColumns: leaves } = live.current;
    return new TableView(api, { unit: store.meta.unit, locale: store.meta.numberLocale, leafColumns: leaves, columns: store.columns, lang: l, t: tr });
  }, [store]);
  const controller = useMemo(() => new SelectionController(selection, { api: () => apiRef.current, view }), [selection, view]);
  const painter = useMemo(() => new SelectionPainter(selection, (id) => colIndex.current.get(id)), [selection]);
  const findMark = useMemo(() => new FindMark(() => apiRef.current), []);

  const totalRow = useCallback(
    (): RowView => ({
      id: TOTAL_ROW_ID, parentId: null, depth: 0, code: '', name: t('grid.grandTotal'), agency: '', note: '',
      hasChildren: true, unallocated: false, allowedCapital: null, isAdjustment: false, values: store.totals, stored: {},
    }),
    [store, t],
  );

  /** Update the pinned TỔNG CỘNG row in place (replacing it would rebuild its DOM on every edit). */
  const refreshTotals = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    const node = api.getPinnedBottomRow(0);
    if (node) node.setData(totalRow());
    else api.setGridOption('pinnedBottomRowData', [totalRow()]);
  }, [totalRow]);

  // Another unit or number format (Plan details): every figure on screen is written again.
  useEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    api.refreshCells({ force: true });
    api.setGridOption('pinnedBottomRowData', [totalRow()]);
    // Only when the way figures are written changes; the rows themselves are the store's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unit, locale]);

  const refreshFilter = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    api.onFilterChanged();
    api.refreshCells({ columns: ['code'], force: true });
  }, []);

  const context = useMemo<CodeCellContext>(
    () => ({
      isCollapsed: (id) => visibility.collapsed.has(id),
      toggle: (id) => {
        visibility.toggle(id);
        refreshFilter();
      },
      t: (k, ...p) => t(k, ...p),
    }),
    [visibility, refreshFilter, t],
  );

  // The same totals computed in the window: an edit's new totals show in the next frame.
  const local = useMemo(() => new LocalTotals(store), [store]);
  // A grid replaced (another file, another language) must not leave its copy rebuilding in the background.
  useEffect(() => local.attach(), [local]);

  const applyPatch = useCallback(
    async (p: Patch) => {
      const inPlace = p.structure && store.canTakeStructure(p);
      const changed = store.apply(p);
      local.reconcile(p);
      const api = apiRef.current;
      if (!api) return;
      if (p.structure) {
        // A new column tree (issue 13) reads the plan as on opening: its first rows at once, the rest after.
        if (!inPlace) return reload(p.columns ? { partial: true } : undefined);
        // The new order with the changed rows: AG Grid matches rows by id, keeps the others'
        // nodes, focus and scroll — no re-read of the whole plan.
        api.setGridOption('rowData', store.rowList());
        api.refreshCells({ force: true });
        refreshTotals();
        return;
      }
      updateRows(api, changed);
      // Findings can move on lines the patch did not change (e.g. a sibling's duplicate code).
      const flagged = new Set<number>();
      for (const f of p.findings.upsert) if (f.lineId !== null) flagged.add(f.lineId);
      const nodes = [...flagged].map((id) => api.getRowNode(String(id))).filter((n): n is IRowNode<RowView> => !!n);
      if (p.findings.reset || p.findings.remove.length) api.refreshCells({ force: true });
      else if (nodes.length) api.refreshCells({ rowNodes: nodes, force: true });
      refreshTotals();
    },
    [store, reload, refreshTotals, local],
  );

  /** Paint an edit's rows and totals at once; the engine's patch follows and is authoritative. */
  const showPreview = useCallback(
    (lineId: number, column: string, value: number | null): boolean => {
      const api = apiRef.current;
      const preview = api ? local.preview(lineId, column, value) : null;
      if (!api || !preview) return false;
      store.applyPreview(preview.rows, preview.totals);
      updateRows(api, preview.rows);
      refreshTotals();
      return true;
    },
    [local, store, refreshTotals],
  );

  /**
   * AG Grid hands over a finished edit a few event-loop turns after Enter (20-30 ms): show the
   * totals at the keypress instead. The edit request that follows finds this preview and only
   * sends the edit to the engine.
   */
  const earlyPreview = useRef<{ lineId: number; column: string; value: number | null } | null>(null);
  const onKeyDownCapture = useCallback(
    (e: React.KeyboardEvent<HTMLDivElement>) => {
      // Ctrl/Alt+Enter are not "commit this cell": Ctrl+Enter fills the whole selection, which
      // must appear at once when the engine answers, not one cell ahead of the others.
      if ((e.key !== 'Enter' && e.key !== 'Tab') || e.ctrlKey || e.metaKey || e.altKey || readOnly) return;
      const input = e.target as HTMLElement;
      if (!(input instanceof HTMLInputElement)) return;
      const cellEl = input.closest('.ag-cell-inline-editing');
      const rowEl = input.closest('.ag-row');
      const column = cellEl?.getAttribute('col-id');
      const lineId = Number(rowEl?.getAttribute('row-id'));
      if (!column || !Number.isInteger(lineId) || (TEXT_COLUMNS as readonly string[]).includes(column)) return;
      const parsed = parseEntry(input.value, unit, locale);
      if (!parsed.ok) {
        // Refused input: the editor stays open on this cell with what was typed, to be corrected
        // (or Esc to keep the old value), as Excel does — the cursor does not move on.
        e.preventDefault();
        e.stopPropagation();
        onMessage(t(`input.${parsed.error}`, { text: input.value.trim() }), 'error');
        return;
      }
      if (e.key !== 'Enter' || !showPreview(lineId, column, parsed.value)) return;
      const shown = { lineId, column, value: parsed.value };
      earlyPreview.current = shown;
      // AG Grid sends no edit request when the value did not change: then nothing is pending.
      setTimeout(() => {
        if (earlyPreview.current !== shown) return;
        earlyPreview.current = null;
        store.settlePreview();
      }, 2000);
    },
    [readOnly, unit, locale, showPreview, store, onMessage, t],
  );

  const focusCell = useCallback(
    (lineId: number, column: string | null) => {
      const api = apiRef.current;
      if (!api) return;
      if (visibility.reveal(lineId)) refreshFilter();
      const node = api.getRowNode(String(lineId));
      if (!node || node.rowIndex === null) return;
      const col = column ?? 'code';
      // A line already on screen stays where it is (no jump after each paste or indent); one
      // further away comes to the middle.
      const range = api.getVerticalPixelRange();
      const top = node.rowTop ?? 0;
      if (top < range.top || top + (node.rowHeight ?? 0) > range.bottom) api.ensureNodeVisible(node, 'middle');
      api.ensureColumnVisible(col);
      api.setFocusedCell(node.rowIndex, col);
    },
    [visibility, refreshFilter],
  );

  const patchRef = useRef(applyPatch);
  patchRef.current = applyPatch;
  const editor = useMemo(
    () =>
      new GridEditor(selection, {
        api: () => apiRef.current,
        view,
        store,
        bridge,
        readOnly: () => live.current.readOnly,
        t: (k, ...p) => live.current.t(k, ...p),
        tStored: (k, p) => live.current.tStored(k, p),
        message: (text, kind) => live.current.onMessage(text, kind),
        applyPatch: (p) => patchRef.current(p),
        confirm: (req) => new Promise((resolve) => setConfirmReq({ req, answer: resolve })),
        focus: (lineId, column) => focusCell(lineId, column),
        sync: () => controller.sync(),
      }),
    [selection, view, store, bridge, focusCell, controller],
  );

  /** Publish the selection's figures (sum, count…) for the status bar, as the selection is repainted. */
  const publishSummary = useCallback(() => {
    const v = view();
    const r = selection.rect();
    if (!v || !r || !selection.isMulti()) return selectionSummary.set(null);
    const cols = v.colIds();
    selectionSummary.set(statsOf(r, (i, j) => {
      const row = v.row(i);
      return row ? v.number(row, cols[j]) : null;
    }));
  }, [selection, view]);
  useEffect(() => () => selectionSummary.set(null), [view]);

  /** Whether Shift was held at the last mouse press (header clicks carry no mouse event). */
  const shiftDown = useRef(false);

  // Keys (before AG Grid's own handling), mouse, clipboard: the controller, the keyboard and the editor.
  const input = useMemo<GridInput>(
    () => ({
      key: (e) => handleGridKey(e, { api: () => apiRef.current, view, selection, controller, editor }),
      pointerDown: (e) => controller.onPointerDown(e),
      mouseOver: (e) => controller.onMouseOver(e),
      mouseUp: () => controller.onMouseUp(),
      mouseDown: (e) => {
        shiftDown.current = e.shiftKey;
        // Shift+click extends the selection and the active cell stays put: the browser must not move
        // the keyboard focus to the clicked cell (the grid would take that as a new single click).
        if (e.shiftKey && selection.anchor && (e.target as Element | null)?.closest?.('.ag-cell')) e.preventDefault();
      },
      // Drawing a selection past the edge of the rows scrolls them (as in Excel).
      mouseMove: (e) => {
        const el = wrapper.current;
        if (!controller.isDragging || !el) return;
        const header = el.querySelector('.ag-header')?.getBoundingClientRect();
        const pinned = el.querySelector('.ag-grid-pinned-bottom-rows')?.getBoundingClientRect();
        const bottom = pinned && pinned.height > 0 ? pinned.top : el.getBoundingClientRect().bottom;
        controller.onDragMove(e, { top: header?.bottom ?? el.getBoundingClientRect().top, bottom });
      },
      copy: (e, cut) => editor.onCopy(e, cut),
      paste: (e) => editor.onPaste(e),
    }),
    [view, selection, controller, editor],
  );
  useFigureGrid(wrapper, selection, painter, input, publishSummary);

  /** A header's edge dragged (or double-clicked to fit): remember the new width on this PC. */
  const onColumnResized = useCallback((e: ColumnResizedEvent<RowView>) => {
    if (!e.finished || (e.source !== 'uiColumnResized' && e.source !== 'autosizeColumns')) return;
    const widths: Record<string, number> = {};
    for (const c of e.columns ?? []) if (c.getColId() !== ROW_HANDLE) widths[c.getColId()] = c.getActualWidth();
    if (Object.keys(widths).length) saveColumnWidths(widths);
  }, []);

  /** The selectable columns changed (shown, hidden, moved): re-index them and repaint. */
  const onColumnsShown = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    colIndex.current = new Map(
      api
        .getAllDisplayedColumns()
        .map((c) => c.getColId())
        .filter((id) => id !== ROW_HANDLE)
        .map((id, i) => [id, i]),
    );
    painter.paint(wrapper.current);
  }, [painter]);

  /** Rows came or went (load, collapse, structural edit): keep the selection inside the table. */
  const onRowsShown = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    selection.clamp(api.getDisplayedRowCount(), colIndex.current.size);
    painter.paint(wrapper.current);
  }, [selection, painter]);

  const closeMenu = useCallback(() => {
    setMenu(null);
    controller.restoreFocus();
  }, [controller]);
  const onCellContextMenu = useCallback(
    (e: CellContextMenuEvent<RowView>) => {
      const ev = e.event as MouseEvent | null;
      if (!ev || e.node.rowPinned) return;
      setMenu({ x: ev.clientX, y: ev.clientY, items: contextMenuItems((k, ...p) => live.current.t(k, ...p), live.current.readOnly) });
    },
    [],
  );
  /** Right-click on the column headers (AG Grid's header event carries no mouse position). */
  const onHeaderContextMenu = useCallback((e: React.MouseEvent) => {
    if (!(e.target instanceof Element) || !e.target.closest('.ag-header')) return;
    e.preventDefault();
    setMenu({ x: e.clientX, y: e.clientY, items: headerMenuItems((k, ...p) => live.current.t(k, ...p)) });
  }, []);

  /** Row drag (the handle column): show where the line would land, move it on drop. */
  const dropMark = useRef<HTMLElement[]>([]);
  const clearDropMark = useCallback(() => {
    for (const el of dropMark.current) el.classList.remove('pd-drop-before', 'pd-drop-after');
    dropMark.current = [];
  }, []);
  const onRowDragMove = useCallback(
    (e: RowDragMoveEvent<RowView>) => {
      clearDropMark();
      if (!e.overNode || e.overNode === e.node || e.overNode.rowIndex === null || e.node.rowIndex === null) return;
      const cls = e.overNode.rowIndex > e.node.rowIndex ? 'pd-drop-after' : 'pd-drop-before';
      dropMark.current = [...(wrapper.current?.querySelectorAll<HTMLElement>(`.ag-grid-scrolling-rows .ag-row[row-index="${e.overNode.rowIndex}"]`) ?? [])];
      for (const el of dropMark.current) el.classList.add(cls);
    },
    [clearDropMark],
  );
  const onRowDragEnd = useCallback(
    (e: RowDragEndEvent<RowView>) => {
      clearDropMark();
      const target = e.overNode?.data;
      const from = e.node.rowIndex;
      if (!target || !e.node.data || e.overNode === e.node || from === null || e.overIndex < 0) return;
      // Dragging a row of a multi-line selection drags all its lines.
      const r = selection.rect();
      const lines = r && selection.isMulti() && from >= r.top && from <= r.bottom ? editor.selectedLines() : [e.node.data.id];
      void editor.drop(lines, target.id, e.overIndex > from ? 'after' : 'before');
    },
    [clearDropMark, selection, editor],
  );

  const onCellEditRequest = useCallback(
    async (e: CellEditRequestEvent<RowView>) => {
      const row = e.data;
      const colId = e.column.getColId();
      const raw = e.newValue == null ? '' : String(e.newValue);
      try {
        if ((TEXT_COLUMNS as readonly string[]).includes(colId)) {
          await editor.setFields(row.id, { [colId as TextColumn]: raw });
          onSaved?.();
          return;
        }
        const parsed = parseEntry(raw, unit, locale);
        if (!parsed.ok) {
          onMessage(t(`input.${parsed.error}`, { text: raw.trim() }), 'error');
          return;
        }
        // Enter may have shown this very edit already (see onKeyDownCapture below).
        const early = earlyPreview.current;
        earlyPreview.current = null;
        const previewed =
          early && early.lineId === row.id && early.column === colId && early.value === parsed.value
            ? true
            : showPreview(row.id, colId, parsed.value);
        try {
          await editor.setCell(row.id, colId, parsed.value);
          onSaved?.();
        } catch (err) {
          // Refused: what was shown ahead is withdrawn by reading the plan again.
          if (previewed) {
            local.discard();
            await reload();
          }
          throw err;
        } finally {
          if (previewed) store.settlePreview();
        }
      } catch (err) {
        const code = err instanceof BridgeFailure ? err.error : { code: 'error.internal', params: { detail: String(err) } };
        onMessage(tStored(code.code, code.params), 'error');
      }
    },
    [editor, unit, locale, onMessage, onSaved, t, showPreview, local, reload, store, earlyPreview],
  );

  const columnDefs = useMemo(() => {
    const editable = !readOnly;
    // Widths the person set before (column-widths.ts), else ours.
    const widths = loadColumnWidths();
    const amount = (col: FundingColumn, headerName: string): ColDef<RowView> => ({
      colId: col.key,
      headerName,
      headerTooltip: col.label[lang],
      type: 'rightAligned',
      width: widths[col.key] ?? (col.parent === null ? 130 : 118),
      editable: (p) => editable && !p.node.rowPinned,
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { useFormatter: true },
      valueGetter: (p) => (p.data ? cellMeaning(p.data, col.key, leafColumns).shown : null),
      valueFormatter: (p: ValueFormatterParams<RowView, number | null>) => formatAmount(p.value, unit, locale),
      tooltipValueGetter: (p) => {
        if (!p.data) return null;
        // A flagged cell explains its findings (rule, figures, basis); the hints below are for the rest.
        const tip = findingTip(store.findingsAt(lineOf(p.data), col.key), lang, unit, locale);
        if (tip) return tip;
        const m = cellMeaning(p.data, col.key, leafColumns);
        if (m.stated) {
          return t('grid.stated', {
            stated: formatAmount(m.stated.stated, unit, locale),
            computed: formatAmount(m.stated.computed, unit, locale),
            diff: formatSignedAmount(m.stated.stated - m.stated.computed, unit, locale),
            unit: t(`unit.${unit}`),
          });
        }
        if (p.data.unallocated && !p.node?.rowPinned) return t('grid.unallocated');
        return m.isTotal && !p.node?.rowPinned ? t('grid.totalCell') : null;
      },
      cellClassRules: {
        ...painter.rules(col.key),
        ...findMark.rules(col.key),
        'pd-total': (p: CellClassParams<RowView>) => !!p.data && cellMeaning(p.data, col.key, leafColumns).isTotal,
        // Flagged exactly when the sum rule reports it: the cycle's tolerance, read at paint time
        // (the Rules dialog may change it).
        'pd-mismatch': (p: CellClassParams<RowView>) =>
          !!p.data && !!store.meta && !!store.rules && cellMeaning(p.data, col.key, leafColumns, sumToleranceDong(store.rules, store.meta.unit)).mismatch,
        'pd-negative': (p: CellClassParams<RowView>) => typeof p.value === 'number' && p.value < 0,
        // Pinned TỔNG CỘNG row included: program-level findings (counterpart funds) sit there.
        'pd-finding-error': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(lineOf(p.data), col.key) === 'error',
        'pd-finding-warning': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(lineOf(p.data), col.key) === 'warning',
        'pd-finding-info': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(lineOf(p.data), col.key) === 'info',
      },
    });
    const text = (field: TextColumn, headerName: string): ColDef<RowView> => ({
      colId: field,
      field,
      headerName,
      editable: (p) => editable && !p.node.rowPinned,
      cellEditor: field === 'name' || field === 'note' ? 'agLargeTextCellEditor' : 'agTextCellEditor',
      cellEditorPopup: field === 'name' || field === 'note',
      cellEditorParams: field === 'name' || field === 'note' ? { maxLength: 2000, rows: 6, cols: 60 } : undefined,
      pinned: field === 'code' || field === 'name' ? 'left' : undefined,
      width: widths[field] ?? { code: 110, name: 380, agency: 220, note: 200 }[field],
      tooltipField: field === 'name' || field === 'agency' || field === 'note' ? field : undefined,
      cellRenderer: field === 'code' ? CodeCell : undefined,
      cellClassRules: {
        ...painter.rules(field),
        ...findMark.rules(field),
        'pd-finding-error': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(p.data.id, field) === 'error',
        'pd-finding-warning': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(p.data.id, field) === 'warning',
        'pd-finding-info': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(p.data.id, field) === 'info',
      },
    });
    const handle: ColDef<RowView> = {
      colId: ROW_HANDLE,
      headerName: '',
      headerTooltip: t('editing.rowHandle'),
      width: 28,
      pinned: 'left',
      lockPosition: 'left',
      resizable: false,
      suppressNavigable: true,
      rowDrag: (p) => editable && !p.node.rowPinned,
      // The dragged line by its code and name (a multi-line drag is announced on drop).
      rowDragText: (p) => {
        const row = p.rowNode?.data as RowView | undefined;
        return row ? `${row.code} ${row.name}`.trim().slice(0, 60) : p.defaultTextValue;
      },
      cellClass: 'pd-row-handle',
      valueGetter: () => '',
    };
    return [handle, ...buildColumnDefs(store.columns, { lang, t, amount, text })];
  }, [store, store.columns, lang, t, unit, locale, leafColumns, readOnly, painter, findMark, columnsSig]);

  const onGridReady = useCallback(
    (e: GridReadyEvent<RowView>) => {
      apiRef.current = e.api;
      e.api.setGridOption('rowData', store.rowList());
      e.api.setGridOption('pinnedBottomRowData', [totalRow()]);
      onColumnsShown();
    },
    [store, totalRow, onColumnsShown],
  );

  // A new load replaces the rows (AG Grid keeps focus and scroll: rows are matched by id); rows
  // arriving after a partial first load are appended; a new findings list re-flags the cells.
  useEffect(
    () =>
      store.onRows((e) => {
        const api = apiRef.current;
        if (!api) return;
        if (e.type === 'loaded') {
          api.setGridOption('rowData', store.rowList());
          refreshTotals();
        } else if (e.type === 'added') {
          api.applyTransaction({ add: e.rows });
        } else {
          api.refreshCells({ force: true });
        }
      }),
    [store, refreshTotals],
  );

  // Stable callbacks: AG Grid treats a new function as a changed option and redraws rows.
  const getRowId = useCallback((p: { data: RowView }) => String(p.data.id), []);
  const isExternalFilterPresent = useCallback(() => visibility.collapsed.size > 0, [visibility]);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<RowView>) => (node.data ? visibility.isVisible(node.data) : true),
    [visibility],
  );
  const getRowClass = useCallback((p: { node: IRowNode<RowView> }) => (p.node.rowPinned ? 'pd-grand-total' : undefined), []);
  // A rule, not getRowClass: AG Grid re-applies rules when a row's data changes and removes a class
  // whose rule no longer holds (getRowClass only ever adds), so a line that stops being a parent
  // after an outdent loses its bold at once, not at the next reload.
  const rowClassRules = useMemo(() => ({ 'pd-parent': (p: { node: IRowNode<RowView>; data?: RowView }) => !p.node.rowPinned && !!p.data?.hasChildren }), []);

  useImperativeHandle(
    ref,
    () => ({
      expandAll: () => {
        visibility.expandAll();
        refreshFilter();
      },
      collapseAll: () => {
        visibility.collapseAll(store.rows.values());
        refreshFilter();
      },
      focusCell,
      focusTotal: (column: string) => {
        const api = apiRef.current;
        if (!api) return;
        api.ensureColumnVisible(column);
        api.setFocusedCell(0, column, 'bottom');
      },
      applyPatch,
      run: (command) => runGridCommand(command, editor, controller),
      activeLineId: () => editor.activeLine()?.id ?? null,
      commitEditing: () => {
        const api = apiRef.current;
        if (!api || api.getEditingCells().length === 0) return false;
        api.stopEditing(false);
        return true;
      },
      selectedCells: () => {
        controller.sync();
        const v = view();
        const r = selection.rect();
        if (!v || !r) return [];
        const cols = v.colIds().slice(r.left, r.right + 1).filter((c) => !(TEXT_COLUMNS as readonly string[]).includes(c));
        const out: { lineId: number; column: string }[] = [];
        for (let i = r.top; i <= r.bottom; i++) {
          const row = v.row(i);
          if (row && row.id !== TOTAL_ROW_ID) for (const column of cols) out.push({ lineId: row.id, column });
        }
        return out;
      },
      markFound: (cell) => findMark.set(cell),
    }),
    [visibility, refreshFilter, store, applyPatch, focusCell, editor, controller, findMark],
  );

  const gridEvents = useMemo(
    () => ({
      onCellFocused: (e: CellFocusedEvent<RowView>) => controller.onCellFocused(e),
      onColumnHeaderClicked: (e: ColumnHeaderClickedEvent<RowView>) => controller.onHeaderClicked(e, shiftDown.current),
    }),
    [controller],
  );
  const defaultColDef = useMemo<ColDef<RowView>>(() => ({ sortable: false, suppressMovable: true }), []);

  return (
    <div className="pd-grid" ref={wrapper} onKeyDownCapture={onKeyDownCapture} onContextMenu={onHeaderContextMenu}>
      <AgGridReact<RowView>
        {...FIGURE_GRID_OPTIONS}
        theme={theme}
        columnDefs={columnDefs}
        context={context}
        getRowId={getRowId}
        onCellEditRequest={onCellEditRequest}
        singleClickEdit={false}
        // Every column is in the DOM (a plan has a dozen or two): cells scrolled out of sight
        // sideways can still be reached, painted and read (selection, find, screen readers, tests).
        suppressColumnVirtualisation
        tooltipShowDelay={300}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        getRowClass={getRowClass}
        rowClassRules={rowClassRules}
        onGridReady={onGridReady}
        defaultColDef={defaultColDef}
        preventDefaultOnContextMenu
        onCellContextMenu={onCellContextMenu}
        {...gridEvents}
        onDisplayedColumnsChanged={onColumnsShown}
        onColumnResized={onColumnResized}
        onModelUpdated={onRowsShown}
        onViewportChanged={onRowsShown}
        onRowDragMove={onRowDragMove}
        onRowDragEnd={onRowDragEnd}
        onRowDragLeave={clearDropMark}
        localeText={lang === 'vi' ? VI_LOCALE : EN_LOCALE}
      />
      <GridContextMenu menu={menu} onClose={closeMenu} onRun={(id) => (isGridCommand(id) ? runGridCommand(id, editor, controller) : onAction?.(id))} />
      <ConfirmDialog
        request={confirmReq?.req ?? null}
        onAnswer={(id) => {
          confirmReq?.answer(id);
          setConfirmReq(null);
          controller.restoreFocus();
        }}
      />
    </div>
  );
});

const EN_LOCALE: Record<string, string> = {};

/**
 * Give changed rows their new data. Node by node, not a row transaction: a transaction re-runs the
 * row model over all 100.000 rows; setData redraws only the rows it touches. Rows still arriving
 * in the background are not in the grid yet: they come with their new values.
 */
function updateRows(api: GridApi<RowView>, rows: readonly RowView[]): void {
  for (const r of rows) api.getRowNode(String(r.id))?.setData(r);
}

/** The few AG Grid built-in texts a user of this grid can meet. */
const VI_LOCALE: Record<string, string> = {
  noRowsToShow: 'Chưa có dòng nào',
  loadingOoo: 'Đang tải…',
};
