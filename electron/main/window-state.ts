// Where plan windows open, remembered per PC: the last window's size, position and maximized state
// are kept in the user's data folder (window-state.json) and a new window takes them — moved down
// and right when another window already stands there, and back on a screen when the saved place is
// off every screen (a monitor unplugged since). Pure but for reading and writing that one file, so
// window-state.test.ts checks it under Node.
import fs from 'node:fs';
import path from 'node:path';
import { writeAtomicSync } from '../engine/store/atomic-write';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 };
/** Smaller than this is no place to edit a budget table: a saved size below it is not used. */
const MIN_SIZE = { width: 640, height: 400 };
/** How far a window opened over another is moved down and right (as Windows cascades). */
const CASCADE = 28;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 100_000;

/** The saved state, or null when there is none or it is not one (hand-edited, cut short). */
export function readWindowState(file: string): WindowState | null {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { bounds?: Record<string, unknown>; maximized?: unknown };
    const b = raw.bounds;
    if (!b || !isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height)) return null;
    if (b.width < MIN_SIZE.width || b.height < MIN_SIZE.height) return null;
    return { bounds: { x: b.x, y: b.y, width: b.width, height: b.height }, maximized: raw.maximized === true };
  } catch {
    return null;
  }
}

/** Keep a window's state for the next one; a write that fails only loses the convenience. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeAtomicSync(file, (tmp) => fs.writeFileSync(tmp, JSON.stringify(state)));
  } catch {
    // Nothing of a plan is at stake: the next window opens at the default size.
  }
}

const overlap = (a: Bounds, b: Bounds) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0;

/**
 * Where a new window goes: the saved bounds if their title bar is on a screen (else the default size
 * on the first screen, centred), moved by a cascade step while a window already open has the same
 * top-left corner. `workAreas` are the screens' usable areas; `taken` the open windows' bounds.
 */
export function placeWindow(saved: WindowState | null, workAreas: Bounds[], taken: Bounds[]): { bounds: Partial<Bounds> & { width: number; height: number }; maximized: boolean } {
  const screen = workAreas[0];
  // The title bar (the top strip) must be reachable, or the window could not even be moved back.
  const titleBar = saved && { x: saved.bounds.x, y: saved.bounds.y, width: saved.bounds.width, height: 32 };
  if (!saved || !titleBar || !workAreas.some((a) => overlap(titleBar, a))) {
    if (!screen) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
    const width = Math.min(DEFAULT_SIZE.width, screen.width);
    const height = Math.min(DEFAULT_SIZE.height, screen.height);
    const start = { x: screen.x + Math.round((screen.width - width) / 2), y: screen.y + Math.round((screen.height - height) / 2), width, height };
    return { bounds: cascade(start, taken), maximized: false };
  }
  return { bounds: cascade(saved.bounds, taken), maximized: saved.maximized };
}

function cascade(b: Bounds, taken: Bounds[]): Bounds {
  let { x, y } = b;
  for (let i = 0; i < 20 && taken.some((t) => t.x === x && t.y === y); i++) {
    x += CASCADE;
    y += CASCADE;
  }
  return { ...b, x, y };
}
