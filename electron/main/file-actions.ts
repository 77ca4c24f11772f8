// File → New / Open / Save a copy / Recent: native dialogs in front of the Workspace's file
// actions. Paths come from dialogs (or the recent list main keeps), never from the renderer.
import { dialog, type BrowserWindow } from 'electron';
import type { FileActionResult } from '../../shared/ipc';
import { toBridgeError } from '../engine/errors';
import type { Workspace } from '../engine/workspace';

const FILTERS = [{ name: 'PlanDesk', extensions: ['plandesk'] }];

export class FileDialogs {
  constructor(
    private readonly workspace: Workspace,
    private readonly getWindow: () => BrowserWindow | null,
    private readonly onChanged: () => void,
  ) {}

  async run(action: string, arg?: string): Promise<FileActionResult> {
    const win = this.getWindow();
    try {
      let file = null;
      if (action === 'new') {
        const r = win ? await dialog.showSaveDialog(win, { filters: FILTERS }) : { canceled: true, filePath: '' };
        if (!r.canceled && r.filePath) file = this.workspace.create(r.filePath, { overwrite: true });
      } else if (action === 'open') {
        const r = win ? await dialog.showOpenDialog(win, { filters: FILTERS, properties: ['openFile'] }) : { canceled: true, filePaths: [] };
        if (!r.canceled && r.filePaths[0]) file = this.workspace.open(r.filePaths[0]);
      } else if (action === 'openRecent') {
        if (arg && this.workspace.recent().includes(arg)) file = this.workspace.open(arg);
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
}
