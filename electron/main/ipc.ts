// IPC wiring: the renderer's requests go to the Workspace after checking they come from our own
// window and naming a known command; the engine validates every argument again (zod schemas).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { commandArgs, type CommandName } from '../../shared/ipc';
import { toBridgeError } from '../engine/errors';
import { transferJobs } from '../engine/transfer/jobs';
import type { Workspace } from '../engine/workspace';
import type { FileDialogs } from './file-actions';
import { choosePathArgs } from './path-args';
import type { AnnexPrinter } from './print';

export function wireIpc(getWindow: () => BrowserWindow | null, workspace: Workspace, files: FileDialogs, printer?: AnnexPrinter): void {
  const fromOurWindow = (e: IpcMainInvokeEvent) =>
    (e.sender === getWindow()?.webContents || !!printer?.isPrintView(e.sender)) && e.senderFrame?.url.startsWith('app://');
  ipcMain.handle('plandesk:invoke', async (e, name: unknown, args: unknown) => {
    if (!fromOurWindow(e)) return { ok: false, error: { code: 'error.invalid_args', params: { detail: 'sender' } } };
    if (typeof name !== 'string' || !Object.hasOwn(commandArgs, name)) {
      return { ok: false, error: { code: 'error.invalid_args', params: { detail: String(name) } } };
    }
    // File paths inside arguments (compare with a file, export, new cycle) come from main's dialogs.
    const picked = await choosePathArgs(getWindow(), name, args);
    return picked.ok ? workspace.handle(name as CommandName, picked.args) : picked;
  });
  ipcMain.handle('plandesk:file', async (e, action: unknown, arg: unknown) => {
    if (!fromOurWindow(e)) return { ok: false, error: { code: 'error.invalid_args', params: { detail: 'sender' } } };
    if ((action === 'print' || action === 'exportPdf') && printer) return printer.run(action);
    // Paths are chosen in main-process dialogs; the renderer may only name a recent file.
    return files.run(String(action), typeof arg === 'string' ? arg : undefined);
  });
  // The recent-files list (the renderer may then name one of these to 'openRecent', nothing else).
  ipcMain.handle('plandesk:recent', (e) => (fromOurWindow(e) ? workspace.recent() : []));
  // A spreadsheet dropped on the window: its bytes (the sandboxed page has no paths), at most 100 MB.
  ipcMain.handle('plandesk:upload', (e, name: unknown, bytes: unknown) => {
    if (!fromOurWindow(e)) return { ok: false, error: { code: 'error.invalid_args', params: { detail: 'sender' } } };
    const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes instanceof Uint8Array ? bytes : null;
    if (typeof name !== 'string' || name.length > 1000 || !data) return { ok: false, error: { code: 'error.invalid_args', params: { detail: 'upload' } } };
    try {
      return { ok: true, id: transferJobs().addUpload(name, data) };
    } catch (err) {
      return { ok: false, error: toBridgeError(err) };
    }
  });
}
