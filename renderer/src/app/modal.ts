// What every modal dialog does with the keyboard and the focus, in one place: focus a first field
// when it opens and give the focus back where it was when it closes; Escape closes; Tab and
// Shift+Tab stay inside the dialog.
import { useEffect, type KeyboardEvent, type RefObject } from 'react';

export const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Focus `pickFirst(dialog)` once, when the dialog opens (selecting a text field's content when
 * `selectText`); restore the previous focus when it closes.
 */
export function useDialogFocus(
  ref: RefObject<HTMLElement | null>,
  pickFirst: (box: HTMLElement) => HTMLElement | null | undefined,
  selectText = false,
): void {
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current ? pickFirst(ref.current) : null;
    first?.focus();
    if (selectText && first instanceof HTMLInputElement && first.type === 'text') first.select();
    return () => {
      if (before?.isConnected) before.focus();
    };
    // Focus once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/**
 * Escape closes; Tab cycles within the dialog. `isolate`: no key typed in the dialog reaches the
 * window behind it (the grid); `visibleOnly`: skip fields hidden inside collapsed sections.
 */
export function dialogKeyDown(
  e: KeyboardEvent,
  box: HTMLElement | null,
  onClose: () => void,
  opts: { isolate?: boolean; visibleOnly?: boolean } = {},
): void {
  if (opts.isolate) e.stopPropagation();
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    onClose();
    return;
  }
  if (e.key !== 'Tab' || !box) return;
  let items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (opts.visibleOnly) items = items.filter((el) => el.offsetParent !== null);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/** Whether a modal dialog is open in the window (window-wide keys, e.g. the menu's, leave it alone). */
export function modalOpen(): boolean {
  return !!document.querySelector('[aria-modal="true"], [role="dialog"], [role="alertdialog"]');
}
