// The modal frame of the import and export dialogs (the app's .pd-dialog look): a title bar with the
// file it is about, a body, a button row. Escape or × closes, Tab stays inside, keys typed here never
// reach the grid, and the focus returns where it was.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './transfer.css';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  id: string;
  title: string;
  /** The file the dialog is about, under the title. */
  subtitle?: string;
  closeLabel: string;
  onClose: () => void;
  footer: ReactNode;
  children: ReactNode;
  size?: 'small' | 'medium' | 'large';
  /** The element to focus first (selector inside the dialog); default: the first field or button. */
  autoFocus?: string;
}

export function Frame({ id, title, subtitle, closeLabel, onClose, footer, children, size = 'medium', autoFocus }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const box = ref.current;
    const first = (autoFocus && box?.querySelector<HTMLElement>(autoFocus)) || box?.querySelector('.pd-dialog-body')?.querySelector<HTMLElement>(FOCUSABLE) || box?.querySelector<HTMLElement>('.pd-dialog-foot .pd-btn-primary, .pd-dialog-foot button');
    first?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
    // Focus once, when the dialog opens.
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
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
    <div className="pd-dialog-backdrop pd-xfer-backdrop">
      <div
        ref={ref}
        className={`pd-dialog pd-xfer pd-xfer-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-dialog={id}
        onKeyDown={onKeyDown}
      >
        <header className="pd-dialog-head pd-xfer-head">
          <div className="pd-xfer-titles">
            <h2 id={titleId}>{title}</h2>
            {subtitle && <div className="pd-xfer-subtitle">{subtitle}</div>}
          </div>
          <button type="button" className="pd-icon-btn" aria-label={closeLabel} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="pd-dialog-body pd-xfer-body">{children}</div>
        <footer className="pd-dialog-foot">{footer}</footer>
      </div>
    </div>
  );
}
