// The one modal frame of the app (form dialogs, import/export, history and backups): a backdrop, a
// titled box with a close button, a body and an optional button row, with one behaviour for all
// (the keyboard and focus parts are app/modal.ts):
//   - Escape closes (also when the focus has left the box, e.g. a button that became disabled),
//     as × does; Tab stays inside; keys typed in the box never reach the grid or the app shortcuts;
//     the focus starts inside and goes back where it was.
//   - A click on the backdrop does NOT close. Dialogs here hold typed input (rules, plan details,
//     a mapping, a new cycle's year…); a click that misses the box by a few pixels must not throw
//     it away, and a dialog that closes on some outside clicks but not others is a trap. Closing is
//     always deliberate: Escape, ×, or a button.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { dialogKeyDown, useDialogFocus } from './modal';

/** Class names of the frame's parts (each feature keeps its look). */
export interface FrameClasses {
  backdrop?: string;
  box?: string;
  head?: string;
  body?: string;
  close?: string;
  titles?: string;
  subtitle?: string;
}

const DEFAULT_CLASSES: Required<FrameClasses> = {
  backdrop: 'pd-dialog-backdrop',
  box: 'pd-dialog',
  head: 'pd-dialog-head',
  body: 'pd-dialog-body',
  close: 'pd-icon-btn',
  titles: 'pd-dialog-titles',
  subtitle: 'pd-dialog-subtitle',
};

interface Props {
  /** data-dialog, for styles and tests. */
  id?: string;
  title: string;
  /** Under the title (the file a dialog is about). */
  subtitle?: ReactNode;
  closeLabel: string;
  onClose: () => void;
  /** A form: Enter submits (the box is a <form>). */
  onSubmit?: () => void;
  footer?: ReactNode;
  children: ReactNode;
  classes?: FrameClasses;
  /** The field to focus first. */
  pickFirst: (box: HTMLElement) => HTMLElement | null | undefined;
  /** Select the first field's text (a form opened to be corrected). */
  selectText?: boolean;
}

export function ModalFrame({ id, title, subtitle, closeLabel, onClose, onSubmit, footer, children, classes, pickFirst, selectText }: Props) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  const c = { ...DEFAULT_CLASSES, ...classes };
  useDialogFocus(ref, pickFirst, selectText);

  // Escape with the focus outside every dialog (on the page body): the topmost dialog closes.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.activeElement?.closest('[aria-modal="true"]')) return;
      const open = document.querySelectorAll('[aria-modal="true"]');
      if (open[open.length - 1] !== ref.current) return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const boxProps = {
    className: c.box,
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': titleId,
    'data-dialog': id,
    onKeyDown: (e: React.KeyboardEvent) => dialogKeyDown(e, ref.current, onClose, { isolate: true, visibleOnly: true }),
  } as const;
  const content = (
    <>
      <header className={c.head}>
        {subtitle ? (
          <div className={c.titles}>
            <h2 id={titleId}>{title}</h2>
            <div className={c.subtitle}>{subtitle}</div>
          </div>
        ) : (
          <h2 id={titleId}>{title}</h2>
        )}
        <button type="button" className={c.close} aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </header>
      <div className={c.body}>{children}</div>
      {footer !== undefined && <footer className="pd-dialog-foot">{footer}</footer>}
    </>
  );

  return (
    <div className={c.backdrop}>
      {onSubmit ? (
        <form
          ref={ref as React.RefObject<HTMLFormElement>}
          {...boxProps}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onSubmit();
          }}
          noValidate
        >
          {content}
        </form>
      ) : (
        <div ref={ref as React.RefObject<HTMLDivElement>} {...boxProps}>
          {content}
        </div>
      )}
    </div>
  );
}
