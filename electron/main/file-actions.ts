// File → New / Open / Save a copy / Recent, and their "in a new window" forms: native dialogs in
// front of the Workspace's file actions. Paths come from dialogs (or the recent list main keeps),
// never from the renderer. A plan already open in another window is brought to the front, never
// opened twice (windows.ts).
import { dialog, type BrowserWindow } from 'electron';
import type { FileActionResult, FileInfo } from '../../shared/ipc';
import { toBridgeError } from '../engine/errors';
import type { Workspace } from '../engine/workspace';

const FILTERS = [{ name: 'PlanDesk', extensions: ['plandesk'] }];

/** What the file actions need of the other windows (windows.ts). */
export interface WindowHost {
  /** The window holding `file`, if it is another window than this one, brought to the front. */
  focusHolder(file: string, self?: unknown): boolean;
  /** Open `file` in a window of its own (or bring the window that holds it to the front). */
  openInNewWindow(file: string): Promise<void>;
  /** Create a new plan at `file` and open it in a window of its own. */
  createInNewWindow(file: string): Promise<void>;
}

export class FileDialogs {
  constructor(
    private readonly workspace: Workspace,
    private readonly getWindow: () => BrowserWindow | null,
    private readonly onChanged: () => void,
    private readonly windows?: WindowHost,
  ) {}

  async run(action: string, arg?: string): Promise<FileActionResult> {
    const win = this.getWindow();
    try {
      let file: FileInfo | null = null;
      if (action === 'new' || action === 'newInNewWindow') {
        const r = win ? await dialog.showSaveDialog(win, { filters: FILTERS }) : { canceled: true, filePath: '' };
        if (r.canceled || !r.filePath) return { ok: true, file: null };
        if (action === 'newInNewWindow' && this.windows) await this.windows.createInNewWindow(r.filePath);
        else file = this.workspace.create(r.filePath, { overwrite: true });
      } else if (action === 'open' || action === 'openInNewWindow') {
        const r = win ? await dialog.showOpenDialog(win, { filters: FILTERS, properties: ['openFile'] }) : { canceled: true, filePaths: [] };
        if (r.canceled || !r.filePaths[0]) return { ok: true, file: null };
        file = await this.openHere(r.filePaths[0], action === 'openInNewWindow');
      } else if (action === 'openRecent') {
        if (arg && this.workspace.recent().includes(arg)) file = await this.openHere(arg, false);
      } else if (action === 'saveAs') {
        const r = win ? await dialog.showSaveDialog(win, { filters: FILTERS }) : { canceled: true, filePath: '' };
        if (!r.canceled && r.filePath) file = await this.workspace.saveAs(r.filePath);
      }
      if (file) this.onChanged();
      return { ok: true, file };
    } catch (e) {
      return { ok: false, error: toBridgeError(e) };
    }
  }

  /** Open `file` in this window, or in a new one; null when another window took it (it holds it, or opened it). */
  private async openHere(file: string, inNewWindow: boolean): Promise<FileInfo | null> {
    if (this.windows) {
      if (this.windows.focusHolder(file, this)) return null;
      if (inNewWindow) {
        await this.windows.openInNewWindow(file);
        return null;
      }
    }
    return this.workspace.open(file);
  }
}
