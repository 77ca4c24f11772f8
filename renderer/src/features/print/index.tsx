// Printed annexes in the main window: File → Print preview (Ctrl+P), which shows the annex page by
// page beside its settings, and prints or exports it from there. While a view that prints its own
// annex is shown (the allocation view), Ctrl+P and this item open that view's preview instead.
import { lazy, Suspense, useEffect } from 'react';
import { printShownView } from '../../app/main-view';
import type { Feature } from '../types';
import { setPreviewOpen, usePreviewOpen } from './preview-state';

const PreviewOverlay = lazy(() => import('./PreviewOverlay'));

/** Print what the window shows: a view's own annex (the allocation view's), else the plan annex. */
function openPreview(): void {
  if (!printShownView()) setPreviewOpen(true);
}

export const printFeature: Feature = {
  id: 'print',
  menus: (ctx) => ({
    file: [{ id: 'print.preview', label: ctx.t('print.menu.preview'), shortcut: 'Ctrl+P', run: () => ctx.run('print.preview') }],
  }),
  actions: () => ({
    'print.preview': () => openPreview(),
  }),
  Overlay: function PrintOverlay({ ctx }) {
    const open = usePreviewOpen();
    useEffect(() => {
      // Ctrl+P opens our preview instead of printing the window (which would print the grid).
      const onKey = (e: KeyboardEvent) => {
        if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') {
          e.preventDefault();
          openPreview();
        }
      };
      window.addEventListener('keydown', onKey);
      return () => window.removeEventListener('keydown', onKey);
    }, []);
    if (!open) return null;
    return (
      <Suspense fallback={null}>
        <PreviewOverlay ctx={ctx} onClose={() => setPreviewOpen(false)} />
      </Suspense>
    );
  },
};
