// The figure-only grids' setup in one call (the allocation grid, the disbursement grid): their
// FigureInput, configured with the grid's editor, table and columns, wired to the page through
// useFigureGrid, reading the cycle's unit and number format and the UI's language when a key comes
// (not when the grid was built). Returns what the grid hands AG Grid: onCellFocused and the repaint
// for its scroll and viewport events, and the input itself (focusAt for the grid's handle).
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, type RefObject } from 'react';
import { useLang } from '../i18n';
import type { PlanStore } from '../state/plan-store';
import { FigureInput, type BlockEditor } from './figure-input';
import type { GridSelection } from './selection';
import type { SelectionPainter } from './selection-paint';
import { useFigureGrid } from './use-figure-grid';

export interface FigureInputSetup<T> {
  wrapper: RefObject<HTMLElement | null>;
  /** The grid's API (any grid's rows). */
  apiRef: RefObject<GridApi<any> | null>;
  selection: GridSelection;
  painter: SelectionPainter;
  /** The selectable columns' ids in display order; a new list makes a new input. */
  colIds: readonly string[];
  store: PlanStore;
  editor: BlockEditor<T>;
  table(): T;
  rowCount(): number;
  onMessage(text: string, kind?: 'error' | 'info'): void;
  /** A readable entry ended by Enter or Tab, to show before AG Grid hands the edit over (optional). */
  entered?(colId: string, row: number, value: number | null): void;
}

export function useFigureInput<T>(setup: FigureInputSetup<T>) {
  const { t } = useLang();
  // The latest props, read when an event comes: the input itself lives as long as its columns.
  const latest = useRef({ ...setup, t });
  latest.current = { ...setup, t };
  const { selection, colIds } = setup;
  const input = useMemo(
    () =>
      new FigureInput<T>(
        selection,
        {
          api: () => latest.current.apiRef.current,
          get editor() {
            return latest.current.editor;
          },
          table: () => latest.current.table(),
          rowCount: () => latest.current.rowCount(),
          unit: () => latest.current.store.meta?.unit ?? 'trieu',
          locale: () => latest.current.store.meta?.numberLocale ?? 'vi-VN',
          t: (k, ...p) => latest.current.t(k, ...p),
          message: (text, kind) => latest.current.onMessage(text, kind),
          entered: (colId, row, value) => latest.current.entered?.(colId, row, value),
        },
        colIds,
      ),
    [selection, colIds],
  );
  const repaint = useFigureGrid(setup.wrapper, selection, setup.painter, input);
  const onCellFocused = useCallback(<R>(e: CellFocusedEvent<R>) => input.onCellFocused(e), [input]);
  return { input, repaint, onCellFocused };
}
