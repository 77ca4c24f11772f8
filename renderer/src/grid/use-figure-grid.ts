// One wiring of a figure grid's own selection to the page, for the plan grid, the allocation grid
// and the disbursement grid: the selection repainted at most once a frame, however fast it changes,
// and the grid's mouse, keyboard and clipboard events handed to the grid's input as they happen
// (DOM listeners in the capture phase: AG Grid reports focus a tick late, and a key typed right
// after a click must not overtake it). Keys and clipboard events count only when they come from
// inside the grid — not from its context menu or a dialog — and copy/cut/paste not from an open
// editor field (that is the field's own text). What the events do is the grid's: its GridInput.
import { useCallback, useEffect, type RefObject } from 'react';
import type { GridSelection } from './selection';
import type { SelectionPainter } from './selection-paint';

/** What a grid does with the events the hook hands over. */
export interface GridInput {
  /** A key pressed inside the grid (before AG Grid sees it); true when acted on: it stops here. */
  key(e: KeyboardEvent): boolean;
  /** A press on the grid (before AG Grid acts on it). */
  pointerDown(e: PointerEvent): void;
  /** The pointer entered an element of the grid (a drag draws the selection). */
  mouseOver(e: MouseEvent): void;
  /** The button released anywhere in the window. */
  mouseUp(): void;
  /** A mouse press on the grid, after the pointer's (optional). */
  mouseDown?(e: MouseEvent): void;
  /** The pointer moved anywhere in the window (optional: a drag past the grid's edge). */
  mouseMove?(e: MouseEvent): void;
  copy(e: ClipboardEvent, cut: boolean): void;
  paste(e: ClipboardEvent): void;
}

/**
 * Wire `input` to the grid inside `wrapper` and repaint `selection` with `painter` when it changes
 * (then `afterPaint`, once a frame too). Returns a stable repaint for AG Grid's scroll and viewport
 * events (new rows on screen get their selection marks). `input` and `afterPaint` should be stable:
 * a new one re-attaches the listeners.
 */
export function useFigureGrid(
  wrapper: RefObject<HTMLElement | null>,
  selection: GridSelection,
  painter: SelectionPainter,
  input: GridInput,
  afterPaint?: () => void,
): () => void {
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      painter.paint(wrapper.current);
      afterPaint?.();
    };
    const off = selection.subscribe(() => {
      if (!frame) frame = requestAnimationFrame(update);
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [wrapper, selection, painter, afterPaint]);

  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const inGrid = (t: EventTarget | null) => t instanceof Node && el.contains(t) && !(t as Element).closest?.('.pd-context-menu, .pd-modal');
    const isEditorField = (t: EventTarget | null) => t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA');
    const forGrid = (e: Event) => inGrid(e.target) && !isEditorField(e.target);
    const onKey = (e: KeyboardEvent) => {
      if (!inGrid(e.target) || !input.key(e)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    const onPointer = (e: PointerEvent) => input.pointerDown(e);
    const onOver = (e: MouseEvent) => input.mouseOver(e);
    const onDown = (e: MouseEvent) => input.mouseDown?.(e);
    const onUp = () => input.mouseUp();
    const onMove = (e: MouseEvent) => input.mouseMove?.(e);
    const onCopy = (e: ClipboardEvent) => forGrid(e) && input.copy(e, false);
    const onCut = (e: ClipboardEvent) => forGrid(e) && input.copy(e, true);
    const onPaste = (e: ClipboardEvent) => forGrid(e) && input.paste(e);
    const local: [string, EventListener][] = [
      ['keydown', onKey as EventListener],
      ['pointerdown', onPointer as EventListener],
      ['mouseover', onOver as EventListener],
      ['mousedown', onDown as EventListener],
    ];
    const windowWide: [string, EventListener][] = [
      ['mouseup', onUp],
      ['mousemove', onMove as EventListener],
    ];
    const page: [string, EventListener][] = [
      ['copy', onCopy as EventListener],
      ['cut', onCut as EventListener],
      ['paste', onPaste as EventListener],
    ];
    for (const [type, fn] of local) el.addEventListener(type, fn, true);
    for (const [type, fn] of windowWide) window.addEventListener(type, fn);
    for (const [type, fn] of page) document.addEventListener(type, fn);
    return () => {
      for (const [type, fn] of local) el.removeEventListener(type, fn, true);
      for (const [type, fn] of windowWide) window.removeEventListener(type, fn);
      for (const [type, fn] of page) document.removeEventListener(type, fn);
    };
  }, [wrapper, input]);

  return useCallback(() => painter.paint(wrapper.current), [wrapper, painter]);
}
