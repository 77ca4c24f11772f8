import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installCloseGuard } from './close-guard';

/** A window stand-in: beforeunload events, timers, and close(). */
function fakeWindow() {
  const target = new EventTarget();
  const win = Object.assign(target, {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (id: ReturnType<typeof setInterval>) => clearInterval(id),
    close: vi.fn(),
  });
  /** Fire beforeunload; true if the close was held back. */
  const tryClose = () => {
    const e = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    win.dispatchEvent(e);
    return e.defaultPrevented;
  };
  return { win: win as unknown as Window & { close: ReturnType<typeof vi.fn> }, tryClose };
}

describe('installCloseGuard', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets an idle window close at once', () => {
    const { win, tryClose } = fakeWindow();
    installCloseGuard({ commitEditing: () => false, busy: () => false }, win);
    expect(tryClose()).toBe(false);
  });

  it('commits the cell being edited, waits until the engine has answered, then closes the window', () => {
    const { win, tryClose } = fakeWindow();
    let busy = false;
    let editing = true;
    const commitEditing = vi.fn(() => {
      if (!editing) return false;
      editing = false;
      busy = true; // the grid sends the edit
      return true;
    });
    installCloseGuard({ commitEditing, busy: () => busy }, win);
    expect(tryClose()).toBe(true);
    expect(commitEditing).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(500);
    expect(win.close).not.toHaveBeenCalled();
    busy = false; // saved
    vi.advanceTimersByTime(60);
    expect(win.close).not.toHaveBeenCalled(); // a quiet stretch, not one idle moment
    vi.advanceTimersByTime(100);
    expect(win.close).toHaveBeenCalledOnce();
    // The close it starts itself goes through.
    expect(tryClose()).toBe(false);
  });

  it('waits for edits still on their way even when no cell is being edited', () => {
    const { win, tryClose } = fakeWindow();
    let busy = true;
    installCloseGuard({ commitEditing: () => false, busy: () => busy }, win);
    expect(tryClose()).toBe(true);
    busy = false;
    vi.advanceTimersByTime(200);
    expect(win.close).toHaveBeenCalledOnce();
  });

  it('lets a second close through while it waits (an engine that never answers cannot keep the window open)', () => {
    const { win, tryClose } = fakeWindow();
    installCloseGuard({ commitEditing: () => false, busy: () => true }, win);
    expect(tryClose()).toBe(true);
    expect(tryClose()).toBe(false);
  });

  it('is removed by the function it returns', () => {
    const { win, tryClose } = fakeWindow();
    const remove = installCloseGuard({ commitEditing: () => true, busy: () => true }, win);
    remove();
    expect(tryClose()).toBe(false);
  });
});
