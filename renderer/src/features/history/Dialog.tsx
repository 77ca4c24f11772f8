// The frame of the history and backup dialogs: a titled box over the window (their own look,
// history.css). The frame and its behaviour (Escape or × closes, even with the focus gone from the
// box; Tab stays inside; keys never reach the grid; focus returns) are app/ModalFrame.tsx.
import type { ReactNode } from 'react';
import { ModalFrame } from '../../app/ModalFrame';
import './history.css';

export function Dialog(props: { id: string; title: string; onClose: () => void; children: ReactNode; wide?: boolean; closeLabel: string }) {
  return (
    <ModalFrame
      id={props.id}
      title={props.title}
      closeLabel={props.closeLabel}
      onClose={props.onClose}
      classes={{
        backdrop: 'pd-hist-backdrop',
        box: `pd-hist-dialog${props.wide ? ' pd-hist-wide' : ''}`,
        head: 'pd-hist-head',
        body: 'pd-hist-body',
        close: 'pd-hist-close',
      }}
      pickFirst={(el) => el.querySelector<HTMLElement>('[data-autofocus], input, select, button:not(.pd-hist-close)')}
    >
      {props.children}
    </ModalFrame>
  );
}
