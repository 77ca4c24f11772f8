// The findings area's own UI state, shared by its panel, status part, dialogs and actions (which
// live outside React): whether the panel is shown (remembered on this PC), which dialog is open,
// the finding last selected, the severities shown, and the grid cell that last had focus (the
// "selected line" the capital-type dialog edits). A tiny external store read with useSyncExternalStore.
import { useSyncExternalStore } from 'react';
import type { Severity } from '../../../../shared/findings';
import type { KeptMap } from './kept';

export type Dialog = { kind: 'rules' } | { kind: 'capital'; lineId: number } | null;

export interface FindingsUi {
  panelShown: boolean;
  dialog: Dialog;
  selectedId: string | null;
  shown: Record<Severity, boolean>;
  /** The grid cell that last had keyboard focus (line id > 0: a plan line, not the total row). */
  lastCell: { lineId: number; column: string } | null;
  /** Stated totals the officer chose to keep beside the computed ones ("keep both"). */
  kept: KeptMap;
}

const PANEL_KEY = 'plandesk.findings.panel';

function readPanel(): boolean {
  try {
    return localStorage.getItem(PANEL_KEY) !== 'hidden';
  } catch {
    return true; // storage refused (private mode): show the panel
  }
}

class UiStore {
  private state: FindingsUi = {
    panelShown: readPanel(),
    dialog: null,
    selectedId: null,
    shown: { error: true, warning: true, info: true },
    lastCell: null,
    kept: {},
  };
  private readonly listeners = new Set<() => void>();

  get = (): FindingsUi => this.state;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(patch: Partial<FindingsUi>): void {
    this.state = { ...this.state, ...patch };
    if ('panelShown' in patch) {
      try {
        localStorage.setItem(PANEL_KEY, this.state.panelShown ? 'shown' : 'hidden');
      } catch {
        // not remembered: the panel still shows or hides now
      }
    }
    for (const l of this.listeners) l();
  }

  toggleSeverity(s: Severity): void {
    this.set({ shown: { ...this.state.shown, [s]: !this.state.shown[s] } });
  }
}

export const findingsUi = new UiStore();

export function useFindingsUi(): FindingsUi {
  return useSyncExternalStore(findingsUi.subscribe, findingsUi.get);
}

/**
 * Follow which grid cell has focus (AG Grid marks rows with `row-id` and cells with `col-id`), so
 * that menu commands can act on "the selected line" even after the focus moved to the menu.
 */
export function trackGridFocus(): () => void {
  const onFocus = (e: FocusEvent) => {
    const el = e.target instanceof Element ? e.target : null;
    const cell = el?.closest('.pd-grid .ag-cell');
    const rowId = Number(cell?.closest('.ag-row')?.getAttribute('row-id'));
    const column = cell?.getAttribute('col-id');
    if (!cell || !column || !Number.isInteger(rowId) || rowId <= 0) return;
    const last = findingsUi.get().lastCell;
    if (last?.lineId !== rowId || last.column !== column) findingsUi.set({ lastCell: { lineId: rowId, column } });
  };
  document.addEventListener('focusin', onFocus);
  return () => document.removeEventListener('focusin', onFocus);
}
