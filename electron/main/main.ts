// Electron's main process: one window on one cycle file. Thin on purpose — the engine does the
// work; this file wires windows, the app:// protocol, IPC, dialogs and the menu.
// With no file argument it opens the built-in sample (copied to the user's data folder).
import { app, BrowserWindow, dialog, Menu } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../../shared/i18n';
import { toBridgeError } from '../engine/errors';
import { configureTransfer } from '../engine/transfer/jobs';
import { Workspace } from '../engine/workspace';
import { registerSchemeAsPrivileged, serveRenderer } from './app-protocol';
import { FileDialogs } from './file-actions';
import { wireIpc } from './ipc';
import { buildMenu } from './menu';
import { AnnexPrinter } from './print';
import { guardWindow, hardenSession } from './security';
import { debugSwitches, windowPreferences } from './window-policy';

registerSchemeAsPrivileged();

let win: BrowserWindow | null = null;
const getWindow = () => win;

function fileFromArgs(argv: string[]): string | null {
  return argv.slice(app.isPackaged ? 1 : 2).find((a) => a.toLowerCase().endsWith('.plandesk')) ?? null;
}

function sampleFile(): string {
  const dir = path.join(app.getPath('userData'), 'samples');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, 'ke-hoach-122-KH-UBND-2024.plandesk');
}

async function start(): Promise<void> {
  // The packaged app opens no debugger (the fuses turn off Node's --inspect; this, Chromium's
  // remote debugging): before the app is ready, so no port is ever opened.
  const debug = app.isPackaged ? debugSwitches(process.argv) : [];
  if (debug.length) {
    dialog.showErrorBox(t('vi', 'app.name'), t('vi', 'error.debug_switch', { switches: debug.join(' ') }));
    return app.exit(2);
  }
  if (!app.requestSingleInstanceLock()) return app.quit();
  await app.whenReady();
  hardenSession();
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  // Backups go under userData/backups (issue 7).
  const workspace = new Workspace(path.join(app.getPath('userData'), 'recent.json'), { dataDir: app.getPath('userData') });
  // Imports read spreadsheets in worker threads (bundles beside this one): the window never waits.
  configureTransfer({ workerDir: __dirname });
  // One menu: the window's own (every feature area's items, in the UI language, with recent
  // files). A native menu bar above it on Windows and Linux would be a second, different one; macOS
  // keeps its native menu bar (the system's place for a menu, and the key equivalents of Edit).
  const refreshMenu = () =>
    Menu.setApplicationMenu(
      process.platform === 'darwin' ? buildMenu(getWindow, 'vi', workspace.recent(), (f) => void files.run('openRecent', f)) : null,
    );
  const files = new FileDialogs(workspace, getWindow, () => {
    const s = workspace.session;
    if (s) {
      win?.setTitle(`${s.info.name} — PlanDesk`);
      win?.webContents.send('plandesk:event', { type: 'file-changed', file: s.info });
    }
    refreshMenu();
  });
  const requested = fileFromArgs(process.argv);
  // A file that cannot be opened (damaged, newer version) must not stop the app: say why over the
  // sample, from where File → Restore from backup can bring a damaged file back.
  let startupError: string | null = null;
  if (requested) {
    try {
      workspace.open(requested);
    } catch (e) {
      const b = toBridgeError(e);
      startupError = t('vi', b.code, b.params);
    }
  }
  if (!workspace.session) {
    const sample = sampleFile();
    if (fs.existsSync(sample)) workspace.open(sample);
    else workspace.create(sample, { sample: true });
  }
  wireIpc(getWindow, workspace, files, new AnnexPrinter(workspace, getWindow, path.join(__dirname, 'preload.cjs')));
  refreshMenu();
  win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: `${workspace.session!.info.name} — PlanDesk`,
    webPreferences: windowPreferences({ packaged: app.isPackaged, preload: path.join(__dirname, 'preload.cjs') }),
  });
  guardWindow(win);
  await win.loadURL('app://plandesk/index.html');
  if (startupError) void dialog.showMessageBox(win, { type: 'error', message: startupError });
  app.on('window-all-closed', () => {
    workspace.close();
    app.quit();
  });
}

void start();
