// This area's overlays and window-wide keys: Ctrl+F (find), F3, Ctrl+wheel over the grid and
// Ctrl+0 (zoom; Ctrl++ and Ctrl+- insert and delete lines, as in Excel — grid-keyboard.ts), the
// find bar and the renumber dialog (also asked for by the grid's right-click menu).
import { useEffect, useState } from 'react';
import { gridRequests, stepZoom } from '../../grid/grid-status';
import type { AppContext } from '../types';
import { FindBar } from './FindBar';
import { RenumberDialog } from './RenumberDialog';
import { editingUi, openEditingUi, useEditingUi } from './ui-state';

export function EditingOverlay({ ctx }: { ctx: AppContext }) {
  const ui = useEditingUi();
  const [findFocus, setFindFocus] = useState(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && !e.altKey && e.key.toLowerCase() === 'f') {
        openEditingUi({ find: true });
        setFindFocus((n) => n + 1);
      } else if (e.key === 'F3' && !editingUi.get().find) {
        openEditingUi({ find: true });
        setFindFocus((n) => n + 1);
      } else if (ctrl && !e.altKey && e.key === '0') stepZoom(0);
      else return;
      e.preventDefault();
    };
    // Ctrl+wheel over the table (or the panel beside or below it, and the grid's tooltips) zooms
    // the grid, one step per notch (a touchpad's small deltas add up). Dialogs and the print
    // preview are outside .pd-main and keep their own wheel.
    let wheeled = 0;
    const onWheel = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !(e.target as Element | null)?.closest?.('.pd-main, .ag-tooltip')) return;
      e.preventDefault();
      wheeled += e.deltaY;
      if (Math.abs(wheeled) < 50) return;
      stepZoom(wheeled < 0 ? 1 : -1);
      wheeled = 0;
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('wheel', onWheel);
    };
  }, []);

  useEffect(() => gridRequests.subscribe(() => gridRequests.get()?.kind === 'renumber' && openEditingUi({ renumber: true })), []);

  return (
    <>
      {ui.find && <FindBar ctx={ctx} focusSignal={findFocus} />}
      {ui.renumber && <RenumberDialog ctx={ctx} />}
    </>
  );
}
