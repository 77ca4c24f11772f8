// This area's overlays and window-wide keys: Ctrl+F (find), F3, Ctrl + / Ctrl − / Ctrl 0 (zoom),
// the find bar and the renumber dialog (also asked for by the grid's right-click menu).
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
      } else if (ctrl && !e.altKey && (e.key === '+' || e.key === '=')) stepZoom(1);
      else if (ctrl && !e.altKey && e.key === '-') stepZoom(-1);
      else if (ctrl && !e.altKey && e.key === '0') stepZoom(0);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => gridRequests.subscribe(() => gridRequests.get()?.kind === 'renumber' && openEditingUi({ renumber: true })), []);

  return (
    <>
      {ui.find && <FindBar ctx={ctx} focusSignal={findFocus} />}
      {ui.renumber && <RenumberDialog ctx={ctx} />}
    </>
  );
}
