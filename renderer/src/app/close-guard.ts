// Closing the window must not lose what the person typed. A cell still being edited is committed
// (as Excel does when it saves), and the close waits until every call to the engine has been
// answered — then closes the window itself. A second close while it waits goes through: the
// person insists (and an engine that never answers cannot keep the window open).
//
// Electron cancels a close whose `beforeunload` is prevented, without a dialog; a browser (browser
// mode) asks "leave the page?", and the edit is saved whichever the answer.

export interface CloseGuardHost {
  /** Commit the cell editor if one is open; true if there was one. */
  commitEditing(): boolean;
  /** Something sent to the engine (or shown ahead of it) is not answered yet. */
  busy(): boolean;
}

/** How often, and for how long in a row, the host must be idle before the window closes. */
const POLL_MS = 25;
const QUIET_POLLS = 4;

export function installCloseGuard(host: CloseGuardHost, win: Window = window): () => void {
  let waiting = false;
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (waiting) return;
    // Committing hands the edit to the grid, which sends it a few event-loop turns later: the
    // wait below needs a quiet stretch, not one idle moment.
    const wasEditing = host.commitEditing();
    if (!wasEditing && !host.busy()) return;
    e.preventDefault();
    e.returnValue = '';
    waiting = true;
    let quiet = 0;
    const timer = win.setInterval(() => {
      quiet = host.busy() ? 0 : quiet + 1;
      if (quiet < QUIET_POLLS) return;
      win.clearInterval(timer);
      waiting = false;
      win.close();
    }, POLL_MS);
  };
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => win.removeEventListener('beforeunload', onBeforeUnload);
}
