// The units area's UI state, shared by its view, dialogs and menu actions (which live outside
// React): what the allocation view shows, which dialog is open, and a cell to focus once the view
// has loaded (a finding clicked in the panel). A tiny external store read with useSyncExternalStore.
import { useSyncExternalStore } from 'react';
import type { AllocMode } from './alloc-model';

export type UnitsDialog = 'units' | 'criteria' | 'print' | null;

export interface UnitsUi {
  /** null: not chosen yet (the view picks the first funding column that holds figures). */
  mode: AllocMode | null;
  dialog: UnitsDialog;
  /** The units' sum under this line and column, focused once the view shows it. */
  focus: { lineId: number; column: string } | null;
}

let state: UnitsUi = { mode: null, dialog: null, focus: null };
const listeners = new Set<() => void>();

export const unitsUi = {
  get: (): UnitsUi => state,
  set(patch: Partial<UnitsUi>): void {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useUnitsUi(): UnitsUi {
  return useSyncExternalStore(unitsUi.subscribe, unitsUi.get);
}
