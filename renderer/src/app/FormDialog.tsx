// A modal form dialog (rules, capital types, plan details): a title bar, a form body and a button
// row; Enter submits. Escape, × or a button closes; the frame and its behaviour are app/ModalFrame.tsx.
import type { ReactNode } from 'react';
import { FOCUSABLE } from './modal';
import { ModalFrame } from './ModalFrame';

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
  return (
    <ModalFrame
      title={title}
      closeLabel={closeLabel}
      onClose={onClose}
      onSubmit={onSubmit}
      footer={footer}
      classes={{ box: `pd-dialog ${className ?? ''}` }}
      pickFirst={(box) => box.querySelector('.pd-dialog-body')?.querySelector<HTMLElement>(FOCUSABLE)}
      selectText
    >
      {children}
    </ModalFrame>
  );
}
