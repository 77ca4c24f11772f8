// What the grid tells the rest of the window, kept outside the grid component so it survives the
// grid being re-created (another file, another language): the figures of the current selection
// (the status bar shows them) and the zoom level (remembered on this PC). One window, one grid.
import type { SelectionStats } from './selection';

export class ValueStore<T> {
  private listeners = new Set<() => void>();
  constructor(private value: T) {}
  get = (): T => this.value;
  set(v: T): void {
    if (Object.is(v, this.value)) return;
    this.value = v;
    for (const l of this.listeners) l();
  }
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

/**
 * What the grid asks of the window's editing area (its dialogs live there): e.g. the right-click
 * menu's "Renumber codes…". A new object each time, so the same request twice is seen twice.
 */
export const gridRequests = new ValueStore<{ kind: 'renumber' } | null>(null);

/** Count and sum of the selected numbers; null when at most one cell is selected. */
export const selectionSummary = new ValueStore<SelectionStats | null>(null);

const ZOOM_KEY = 'plandesk.zoom';
export const ZOOM_STEPS = [0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

function savedZoom(): number {
  try {
    const z = Number(localStorage.getItem(ZOOM_KEY));
    return (ZOOM_STEPS as readonly number[]).includes(z) ? z : 1;
  } catch {
    return 1;
  }
}

export const gridZoom = new ValueStore<number>(savedZoom());

/** Zoom one step in (+1) or out (-1), or back to 100% (0). */
export function stepZoom(dir: -1 | 0 | 1): void {
  const cur = gridZoom.get();
  let next = 1;
  if (dir !== 0) {
    const i = ZOOM_STEPS.findIndex((z) => z >= cur);
    next = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, (i < 0 ? ZOOM_STEPS.length - 1 : i) + dir))];
  }
  gridZoom.set(next);
  try {
    localStorage.setItem(ZOOM_KEY, String(next));
  } catch {
    // Remembering the zoom is a convenience.
  }
}
