// A modal form dialog frame (rules, capital types, plan details): a title bar, a form body and a
// button row; Escape or a click outside cancels, Enter submits, Tab stays inside, and the focus
// returns where it was.
import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import { dialogKeyDown, FOCUSABLE, useDialogFocus } from './modal';

interface Props {
  title: string;
  closeLabel: string;
  onClose: () => void;
  onSubmit: () => void;
  footer: ReactNode;
  children: ReactNode;
  className?: string;
}

export function FormDialog({ title, closeLabel, onClose, onSubmit, footer, children, className }: Props) {
  const ref = useRef<HTMLFormElement>(null);
  const titleId = useId();
  useDialogFocus(ref, (box) => box.querySelector('.pd-dialog-body')?.querySelector<HTMLElement>(FOCUSABLE), true);
  const onKeyDown = (e: React.KeyboardEvent) => dialogKeyDown(e, ref.current, onClose);

  return (
    <div className="pd-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        ref={ref}
        className={`pd-dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <header className="pd-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="pd-icon-btn" aria-label={closeLabel} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="pd-dialog-body">{children}</div>
        <footer className="pd-dialog-foot">{footer}</footer>
      </form>
    </div>
  );
}
