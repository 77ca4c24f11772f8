// The budget table: lines (a tree, flattened with depth and a collapse filter) × funding columns
// (from the cycle's column tree), with a pinned TỔNG CỘNG row. Edits go to the engine
// (readOnlyEdit: the grid never changes its own data); the engine's Patch then updates only the
// rows it names. Numbers are parsed and shown in the cycle's unit and number convention.
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellClassParams,
  type CellEditRequestEvent,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type IRowNode,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { ColumnTree } from '../../../shared/columns';
import type { PlanDeskBridge, Patch, RowView } from '../../../shared/ipc';
import type { FundingColumn } from '../../../shared/model';
import { formatAmount, parseAmount } from '../../../shared/number';
import { BridgeFailure } from '../bridge';
import { useLang } from '../i18n';
import type { PlanStore } from '../state/plan-store';
import { cellMeaning } from './cell-value';
import { CodeCell, type CodeCellContext } from './CodeCell';
import { buildColumnDefs, TEXT_COLUMNS, type TextColumn } from './column-defs';
import { TreeVisibility } from './tree-visibility';

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

export interface BudgetGridHandle {
  expandAll(): void;
  collapseAll(): void;
  focusCell(lineId: number, column: string | null): void;
  applyPatch(p: Patch): Promise<void>;
}

interface Props {
  store: PlanStore;
  bridge: PlanDeskBridge;
  readOnly: boolean;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
  /** Re-read the whole plan (after structural changes). */
  reload: () => Promise<void>;
  ref?: Ref<BudgetGridHandle>;
}

const TOTAL_ROW_ID = -1;

/** Memoised: the app re-renders on every store change; the grid updates itself through its API. */
export const BudgetGrid = memo(function BudgetGrid({ store, bridge, readOnly, onMessage, reload, ref }: Props) {
  const { lang, t } = useLang();
  const apiRef = useRef<GridApi<RowView> | null>(null);
  const visibility = useMemo(() => new TreeVisibility((id) => store.rows.get(id)), [store]);
  const meta = store.meta!;
  const unit = meta.unit;
  const locale = meta.numberLocale;
  const leafColumns = useMemo(() => new Set(new ColumnTree(store.columns).leaves.map((c) => c.key)), [store.columns]);

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
      t: (k) => t(k),
    }),
    [visibility, refreshFilter, t],
  );

  const applyPatch = useCallback(
    async (p: Patch) => {
      const changed = store.apply(p);
      const api = apiRef.current;
      if (!api) return;
      if (p.structure) {
        await reload();
        return;
      }
      if (changed.length) api.applyTransaction({ update: changed });
      // Findings can move on lines the patch did not change (e.g. a sibling's duplicate code).
      const flagged = new Set<number>();
      for (const f of p.findings.upsert) if (f.lineId !== null) flagged.add(f.lineId);
      const nodes = [...flagged].map((id) => api.getRowNode(String(id))).filter((n): n is IRowNode<RowView> => !!n);
      if (p.findings.reset || p.findings.remove.length) api.refreshCells({ force: true });
      else if (nodes.length) api.refreshCells({ rowNodes: nodes, force: true });
      refreshTotals();
    },
    [store, reload, refreshTotals],
  );

  const onCellEditRequest = useCallback(
    async (e: CellEditRequestEvent<RowView>) => {
      const row = e.data;
      const colId = e.column.getColId();
      const raw = e.newValue == null ? '' : String(e.newValue);
      try {
        if ((TEXT_COLUMNS as readonly string[]).includes(colId)) {
          await applyPatch(await bridge.invoke('line/update', { lineId: row.id, fields: { [colId as TextColumn]: raw } }));
          return;
        }
        const parsed = parseAmount(raw, unit, locale);
        if (!parsed.ok) {
          onMessage(t(`input.${parsed.error}`, { text: raw.trim() }), 'error');
          return;
        }
        await applyPatch(await bridge.invoke('cell/set', { lineId: row.id, column: colId, value: parsed.value }));
      } catch (err) {
        const code = err instanceof BridgeFailure ? err.error : { code: 'error.internal', params: { detail: String(err) } };
        onMessage(t(code.code, code.params), 'error');
      }
    },
    [applyPatch, bridge, unit, locale, onMessage, t],
  );

  const columnDefs = useMemo(() => {
    const editable = !readOnly;
    const amount = (col: FundingColumn, headerName: string): ColDef<RowView> => ({
      colId: col.key,
      headerName,
      headerTooltip: col.label[lang],
      type: 'rightAligned',
      width: col.parent === null ? 130 : 118,
      editable: (p) => editable && !p.node.rowPinned,
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { useFormatter: true },
      valueGetter: (p) => (p.data ? cellMeaning(p.data, col.key, leafColumns).shown : null),
      valueFormatter: (p: ValueFormatterParams<RowView, number | null>) => formatAmount(p.value, unit, locale),
      tooltipValueGetter: (p) => {
        if (!p.data) return null;
        const m = cellMeaning(p.data, col.key, leafColumns);
        if (m.mismatch) {
          return t('grid.stated', {
            stated: formatAmount(m.mismatch.stated, unit, locale),
            computed: formatAmount(m.mismatch.computed, unit, locale),
            diff: formatAmount(m.mismatch.stated - m.mismatch.computed, unit, locale),
            unit: t(`unit.${unit}`),
          });
        }
        if (p.data.unallocated && !p.node?.rowPinned) return t('grid.unallocated');
        return m.isTotal && !p.node?.rowPinned ? t('grid.totalCell') : null;
      },
      cellClassRules: {
        'pd-total': (p: CellClassParams<RowView>) => !!p.data && cellMeaning(p.data, col.key, leafColumns).isTotal,
        'pd-mismatch': (p: CellClassParams<RowView>) => !!p.data && cellMeaning(p.data, col.key, leafColumns).mismatch !== null,
        'pd-negative': (p: CellClassParams<RowView>) => typeof p.value === 'number' && p.value < 0,
        'pd-finding-error': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(p.data.id, col.key) === 'error',
        'pd-finding-warning': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(p.data.id, col.key) === 'warning',
        'pd-finding-info': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(p.data.id, col.key) === 'info',
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
      width: { code: 110, name: 380, agency: 220, note: 200 }[field],
      tooltipField: field === 'name' || field === 'agency' || field === 'note' ? field : undefined,
      cellRenderer: field === 'code' ? CodeCell : undefined,
      cellClassRules: {
        'pd-finding-error': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(p.data.id, field) === 'error',
        'pd-finding-warning': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(p.data.id, field) === 'warning',
        'pd-finding-info': (p: CellClassParams<RowView>) => !!p.data && store.findingAt(p.data.id, field) === 'info',
      },
    });
    return buildColumnDefs(store.columns, { lang, t, amount, text });
  }, [store, store.columns, lang, t, unit, locale, leafColumns, readOnly]);

  const onGridReady = useCallback(
    (e: GridReadyEvent<RowView>) => {
      apiRef.current = e.api;
      e.api.setGridOption('rowData', store.rowList());
      e.api.setGridOption('pinnedBottomRowData', [totalRow()]);
    },
    [store, totalRow],
  );

  // Stable callbacks: AG Grid treats a new function as a changed option and redraws rows.
  const getRowId = useCallback((p: { data: RowView }) => String(p.data.id), []);
  const isExternalFilterPresent = useCallback(() => visibility.collapsed.size > 0, [visibility]);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<RowView>) => (node.data ? visibility.isVisible(node.data) : true),
    [visibility],
  );
  const getRowClass = useCallback(
    (p: { node: IRowNode<RowView>; data?: RowView }) => (p.node.rowPinned ? 'pd-grand-total' : p.data?.hasChildren ? 'pd-parent' : undefined),
    [],
  );

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
      focusCell: (lineId, column) => {
        const api = apiRef.current;
        if (!api) return;
        if (visibility.reveal(lineId)) refreshFilter();
        const node = api.getRowNode(String(lineId));
        if (!node || node.rowIndex === null) return;
        const col = column ?? 'code';
        api.ensureNodeVisible(node, 'middle');
        api.ensureColumnVisible(col);
        api.setFocusedCell(node.rowIndex, col);
      },
      applyPatch,
    }),
    [visibility, refreshFilter, store, applyPatch],
  );

  return (
    <div className="pd-grid">
      <AgGridReact<RowView>
        theme={theme}
        columnDefs={columnDefs}
        context={context}
        getRowId={getRowId}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        singleClickEdit={false}
        suppressColumnVirtualisation={false}
        tooltipShowDelay={300}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        getRowClass={getRowClass}
        animateRows={false}
        onGridReady={onGridReady}
        localeText={lang === 'vi' ? VI_LOCALE : EN_LOCALE}
      />
    </div>
  );
});

const EN_LOCALE: Record<string, string> = {};

/** The few AG Grid built-in texts a user of this grid can meet. */
const VI_LOCALE: Record<string, string> = {
  noRowsToShow: 'Chưa có dòng nào',
  loadingOoo: 'Đang tải…',
};
