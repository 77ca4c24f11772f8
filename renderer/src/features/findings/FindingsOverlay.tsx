// Always mounted: shows this area's dialogs when open, and does the area's background work — follow
// which grid cell has focus, load the "keep both" decisions of the open file (again after an undo or
// redo of one of them), and the F8 / Shift+F8 keys that step through the findings.
import { useEffect, useRef } from 'react';
import type { UndoState } from '../../../../shared/ipc';
import type { AppContext } from '../types';
import { KEEP_STEP_LABELS, loadKept, stepFinding } from './actions';
import { CapitalDialog } from './CapitalDialog';
import { RulesDialog } from './RulesDialog';
import { findingsUi, trackGridFocus, useFindingsUi } from './ui-state';

export function FindingsOverlay({ ctx }: { ctx: AppContext }) {
  const ui = useFindingsUi();
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const path = ctx.store.file?.path;

  useEffect(() => trackGridFocus(), []);

  useEffect(() => {
    // Another file: its lines are not this one's (the selection and the last cell no longer apply).
    findingsUi.set({ selectedId: null, lastCell: null, dialog: null });
    if (path) void loadKept(ctxRef.current);
  }, [path]);

  // An undo or redo of a "keep both" step changes the setting behind the engine's back of this view:
  // the step undone was the last undo label, the step redone the last redo label.
  const lastUndo = useRef<UndoState>(ctx.store.undo);
  useEffect(() => {
    const before = lastUndo.current;
    const now = ctx.store.undo;
    lastUndo.current = now;
    if (before === now) return;
    const labels = [before.undoLabel, before.redoLabel, now.undoLabel, now.redoLabel];
    if (labels.some((l) => l !== null && KEEP_STEP_LABELS.includes(l))) void loadKept(ctxRef.current);
  }, [ctx.store.undo]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.ctrlKey || e.altKey || e.metaKey || findingsUi.get().dialog) return;
      e.preventDefault();
      void stepFinding(ctxRef.current, e.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const close = () => findingsUi.set({ dialog: null });
  if (!ui.dialog || !ctx.store.meta) return null;
  if (ui.dialog.kind === 'rules') return <RulesDialog ctx={ctx} onClose={close} />;
  return <CapitalDialog key={ui.dialog.lineId} ctx={ctx} lineId={ui.dialog.lineId} onClose={close} />;
}
