// The modal frame of the import and export dialogs (the app's .pd-dialog look): a title bar with the
// file it is about, a body, a button row. Escape or × closes, Tab stays inside, keys typed here never
// reach the grid, and the focus returns where it was.
import { useId, useRef, type ReactNode } from 'react';
import { dialogKeyDown, FOCUSABLE, useDialogFocus } from '../../app/modal';
import './transfer.css';

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
  useDialogFocus(
    ref,
    (box) =>
      (autoFocus && box.querySelector<HTMLElement>(autoFocus)) ||
      box.querySelector('.pd-dialog-body')?.querySelector<HTMLElement>(FOCUSABLE) ||
      box.querySelector<HTMLElement>('.pd-dialog-foot .pd-btn-primary, .pd-dialog-foot button'),
  );
  const onKeyDown = (e: React.KeyboardEvent) => dialogKeyDown(e, ref.current, onClose, { isolate: true, visibleOnly: true });

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
