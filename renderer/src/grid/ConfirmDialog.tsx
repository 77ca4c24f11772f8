// A small modal question with a few answers (delete these lines? add lines for this paste?).
// Keyboard first: the default answer has focus, Esc cancels, Tab stays inside the dialog.
import { useEffect, useRef } from 'react';

export interface ConfirmRequest {
  title: string;
  paragraphs: string[];
  /** Answers, in order; the first is the default. Esc and the backdrop answer null. */
  buttons: { id: string; label: string; kind?: 'primary' | 'danger' | 'plain' }[];
}

export function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest | null; onAnswer: (id: string | null) => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (request) box.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [request]);
  if (!request) return null;
  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onAnswer(null);
    } else if (e.key === 'Tab') {
      const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
      next?.focus();
      e.preventDefault();
    }
  };
  return (
    <div className="pd-modal-backdrop" onMouseDown={() => onAnswer(null)}>
      <div
        ref={box}
        className="pd-modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="pd-confirm-title"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <h2 id="pd-confirm-title">{request.title}</h2>
        {request.paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        <div className="pd-modal-buttons">
          {request.buttons.map((b) => (
            <button key={b.id} type="button" data-answer={b.id} className={`pd-btn pd-btn-${b.kind ?? 'plain'}`} onClick={() => onAnswer(b.id)}>
              {b.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
