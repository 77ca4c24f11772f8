// A modal dialog for the history and backup features: a titled box over the window, Escape or the
// close button closes it, focus starts inside and Tab stays inside (keyboard first, as the grid),
// and goes back where it was when the dialog closes (app/modal.ts, as every dialog of the app).
import { useEffect, useRef, type ReactNode } from 'react';
import { dialogKeyDown, useDialogFocus } from '../../app/modal';
import './history.css';

export function Dialog(props: { id: string; title: string; onClose: () => void; children: ReactNode; wide?: boolean; closeLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  useDialogFocus(box, (el) => el.querySelector<HTMLElement>('[data-autofocus], input, select, button:not(.pd-hist-close)'));
  // Escape closes the dialog even when focus has left it (a button that became disabled).
  const onClose = props.onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || box.current?.contains(document.activeElement)) return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  // Keys typed in a dialog are the dialog's: the grid and the app shortcuts must not see them.
  const onKeyDown = (e: React.KeyboardEvent) => dialogKeyDown(e, box.current, props.onClose, { isolate: true });
  return (
    <div className="pd-hist-backdrop" onMouseDown={props.onClose}>
      <div
        ref={box}
        className={`pd-hist-dialog${props.wide ? ' pd-hist-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${props.id}-title`}
        data-dialog={props.id}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <header className="pd-hist-head">
          <h2 id={`${props.id}-title`}>{props.title}</h2>
          <button type="button" className="pd-hist-close" aria-label={props.closeLabel} onClick={props.onClose}>
            ×
          </button>
        </header>
        <div className="pd-hist-body">{props.children}</div>
      </div>
    </div>
  );
}
