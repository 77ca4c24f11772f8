// Which view fills the window's main area: the plan grid (null) or a feature's own view (the
// allocation view of units × lines), switched by the tabs above it and the View menu. The plan grid
// stays mounted while another view is shown (hidden), so its scroll, selection and undo context
// survive a round trip. A view may also take a finding to its own cell (the allocation view takes
// the units' findings); any other finding brings the plan grid back first, and print what it shows
// (Ctrl+P in the allocation view prints the allocation annex). A tiny external store.
import { useSyncExternalStore } from 'react';
import type { Finding } from '../../../shared/findings';

let current: string | null = null;
const listeners = new Set<() => void>();
/** Per view id: takes a finding to its cell when it can (true), else leaves it to the plan grid. */
const targets = new Map<string, (f: Finding) => boolean>();

export const mainView = {
  get: (): string | null => current,
  set(next: string | null): void {
    if (current === next) return;
    current = next;
    for (const l of listeners) l();
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useMainView(): string | null {
  return useSyncExternalStore(mainView.subscribe, mainView.get);
}

/** A view says which findings it can show on its own cells (registered while it is mounted). */
export function registerFindingTarget(viewId: string, goTo: (f: Finding) => boolean): () => void {
  targets.set(viewId, goTo);
  return () => {
    if (targets.get(viewId) === goTo) targets.delete(viewId);
  };
}

/**
 * Send a finding to the view shown: true when that view took it to its cell. Otherwise the plan grid
 * is shown again (after a frame, so it has its size back) and the caller focuses its cell.
 */
export async function routeFinding(f: Finding): Promise<boolean> {
  if (current === null) return false;
  if (targets.get(current)?.(f)) return true;
  mainView.set(null);
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  return false;
}

/** Per view id: opens the view's own print preview (registered while it is mounted). */
const printers = new Map<string, () => void>();

/** A view says how it prints what it shows: Ctrl+P and File → In phụ lục… then open its preview. */
export function registerPrintTarget(viewId: string, openPreview: () => void): () => void {
  printers.set(viewId, openPreview);
  return () => {
    if (printers.get(viewId) === openPreview) printers.delete(viewId);
  };
}

/** Open the shown view's print preview: true when it has one; false leaves printing to the plan annex. */
export function printShownView(): boolean {
  const open = current === null ? undefined : printers.get(current);
  open?.();
  return open !== undefined;
}
