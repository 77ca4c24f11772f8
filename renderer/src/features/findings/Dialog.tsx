// A modal dialog frame for this area's dialogs: a title bar, a form body and a button row; Escape
// or a click outside cancels, Enter submits, Tab stays inside, and the focus returns where it was.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  closeLabel: string;
  onClose: () => void;
  onSubmit: () => void;
  footer: ReactNode;
  children: ReactNode;
  className?: string;
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, closeLabel, onClose, onSubmit, footer, children, className }: Props) {
  const ref = useRef<HTMLFormElement>(null);
  const titleId = useId();
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector('.pd-dialog-body')?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    if (first instanceof HTMLInputElement && first.type === 'text') first.select();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
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
  };

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
