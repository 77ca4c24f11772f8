// Printed annexes in the main window: File → Print preview (Ctrl+P), which shows the annex page by
// page beside its settings, and prints or exports it from there.
import { lazy, Suspense, useEffect } from 'react';
import type { Feature } from '../types';
import { setPreviewOpen, usePreviewOpen } from './preview-state';

const PreviewOverlay = lazy(() => import('./PreviewOverlay'));

export const printFeature: Feature = {
  id: 'print',
  menus: (ctx) => ({
    file: [{ id: 'print.preview', label: ctx.t('print.menu.preview'), shortcut: 'Ctrl+P', run: () => ctx.run('print.preview') }],
  }),
  actions: () => ({
    'print.preview': () => setPreviewOpen(true),
  }),
  Overlay: function PrintOverlay({ ctx }) {
    const open = usePreviewOpen();
    useEffect(() => {
      // Ctrl+P opens our preview instead of printing the window (which would print the grid).
      const onKey = (e: KeyboardEvent) => {
        if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') {
          e.preventDefault();
          setPreviewOpen(true);
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
