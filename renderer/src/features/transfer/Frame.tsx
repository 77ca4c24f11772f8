// The frame of the import and export dialogs (the app's .pd-dialog look): a title bar with the file
// it is about, a body, a button row. The frame and its behaviour (Escape or × closes, Tab stays
// inside, keys never reach the grid, focus returns) are app/ModalFrame.tsx.
import type { ReactNode } from 'react';
import { FOCUSABLE } from '../../app/modal';
import { ModalFrame } from '../../app/ModalFrame';
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
  return (
    <ModalFrame
      id={id}
      title={title}
      subtitle={subtitle}
      closeLabel={closeLabel}
      onClose={onClose}
      footer={footer}
      classes={{
        backdrop: 'pd-dialog-backdrop pd-xfer-backdrop',
        box: `pd-dialog pd-xfer pd-xfer-${size}`,
        head: 'pd-dialog-head pd-xfer-head',
        body: 'pd-dialog-body pd-xfer-body',
        titles: 'pd-xfer-titles',
        subtitle: 'pd-xfer-subtitle',
      }}
      pickFirst={(box) =>
        (autoFocus && box.querySelector<HTMLElement>(autoFocus)) ||
        box.querySelector('.pd-dialog-body')?.querySelector<HTMLElement>(FOCUSABLE) ||
        box.querySelector<HTMLElement>('.pd-dialog-foot .pd-btn-primary, .pd-dialog-foot button')
      }
    >
      {children}
    </ModalFrame>
  );
}
