// Which history/backup dialog is open (at most one), outside React so menu actions, host events
// and other dialogs can open one (e.g. Revisions → "Compare with current" opens Compare preset).
import { useSyncExternalStore } from 'react';
import type { CompareSide } from '../../../../shared/commands/history';

export type HistoryDialog =
  | { kind: 'audit' }
  | { kind: 'revisions' }
  | { kind: 'compare'; preset?: { a: CompareSide; b: CompareSide } }
  | { kind: 'newCycle' }
  | { kind: 'restore' };

let open: HistoryDialog | null = null;
const listeners = new Set<() => void>();

export function openDialog(d: HistoryDialog | null): void {
  open = d;
  for (const l of listeners) l();
}

export function useOpenDialog(): HistoryDialog | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}
