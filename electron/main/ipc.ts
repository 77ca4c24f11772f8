// IPC wiring: a request goes to the Workspace of the window that sent it (each window has its own
// plan), after checking it comes from the top frame of one of our windows (or of one of their print
// views) showing our own app:// page, and names a known command; the engine validates every
// argument again (zod schemas).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { commandArgs, type CommandName } from '../../shared/ipc';
import { PLAN_ANNEX, printTargetSchema } from '../../shared/print/print-target';
import { toBridgeError } from '../engine/errors';
import { transferJobs } from '../engine/transfer/jobs';
import { choosePathArgs } from './path-args';
import type { PlanWindow } from './windows';

/** Where a request's window is found (windows.ts). */
export interface SenderWindows {
  forSender(sender: IpcMainInvokeEvent['sender']): PlanWindow | null;
}


const refused = (detail: string) => ({ ok: false as const, error: { code: 'error.invalid_args', params: { detail } } });

/** The sender's window, if the request comes from our page in its top frame; null otherwise. */
function senderWindow(windows: SenderWindows, e: IpcMainInvokeEvent): PlanWindow | null {
  const frame = e.senderFrame;
  // A frame inside the page (none is ever made, but a page could be made to) is not the page.
  if (!frame || frame.parent !== null || !frame.url.startsWith('app://plandesk/')) return null;
  return windows.forSender(e.sender);
}

export function wireIpc(windows: SenderWindows): void {
  ipcMain.handle('plandesk:invoke', async (e, name: unknown, args: unknown) => {
    const w = senderWindow(windows, e);
    if (!w) return refused('sender');
    if (typeof name !== 'string' || !Object.hasOwn(commandArgs, name)) return refused(String(name));
    // File paths inside arguments (compare with a file, export, new cycle) come from main's dialogs.
    const picked = await choosePathArgs(w.win.isDestroyed() ? null : w.win, name, args);
    return picked.ok ? w.workspace.handle(name as CommandName, picked.args) : picked;
  });
  ipcMain.handle('plandesk:file', async (e, action: unknown, arg: unknown, target: unknown) => {
    const w = senderWindow(windows, e);
    if (!w) return refused('sender');
    if (action === 'print' || action === 'exportPdf') {
      // Which annex: the plan's, or the allocation annex the window shows (checked like any argument).
      const which = printTargetSchema.safeParse(target ?? PLAN_ANNEX);
      if (!which.success) return refused('print target');
      return w.printer.run(action, which.data);
    }
    // Paths are chosen in main-process dialogs; the renderer may only name a recent file.
    return w.files.run(String(action), typeof arg === 'string' ? arg : undefined);
  });
  // The recent-files list (the renderer may then name one of these to 'openRecent', nothing else).
  ipcMain.handle('plandesk:recent', (e) => senderWindow(windows, e)?.workspace.recent() ?? []);
  // A spreadsheet dropped on the window: its bytes (the sandboxed page has no paths), at most 100 MB.
  ipcMain.handle('plandesk:upload', (e, name: unknown, bytes: unknown) => {
    if (!senderWindow(windows, e)) return refused('sender');
    const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes instanceof Uint8Array ? bytes : null;
    if (typeof name !== 'string' || name.length > 1000 || !data) return refused('upload');
    try {
      return { ok: true, id: transferJobs().addUpload(name, data) };
    } catch (err) {
      return { ok: false, error: toBridgeError(err) };
    }
  });
}
