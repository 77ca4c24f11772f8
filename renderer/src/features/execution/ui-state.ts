// The execution area's UI state shared by its view, its preview and the menu actions (outside
// React): whether the report's print preview is open. A tiny external store.
import { useSyncExternalStore } from 'react';

export interface ExecUi {
  preview: boolean;
}

let state: ExecUi = { preview: false };
const listeners = new Set<() => void>();

export const execUi = {
  get: (): ExecUi => state,
  set(patch: Partial<ExecUi>): void {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useExecUi(): ExecUi {
  return useSyncExternalStore(execUi.subscribe, execUi.get);
}
