// Electron's main process: one window per open plan (windows.ts), in one app instance. Thin on
// purpose — the engine does the work; this file starts the app, wires the app:// protocol, IPC and
// the menu, and routes plans asked for from outside (the command line, a second instance started
// by a double-click, macOS's open-file) to their windows.
// With no file asked for it opens the built-in sample (copied to the user's data folder).
import { app, dialog, Menu } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { t, tStored } from '../../shared/i18n';
import { toBridgeError } from '../engine/errors';
import { setHostReportPrinter } from '../engine/execution-report/outputs';
import { configureTransfer } from '../engine/transfer/jobs';
import { configureConsolidation } from '../engine/consolidation/pool';
import { registerSchemeAsPrivileged, serveRenderer } from './app-protocol';
import { wireIpc } from './ipc';
import { buildMenu } from './menu';
import { plandeskFiles, type InstanceData } from './open-requests';
import { electronReportPrinter } from './report-print';
import { hardenSession } from './security';
import { debugSwitches } from './window-policy';
import { PlanWindows } from './windows';

registerSchemeAsPrivileged();

/**
 * Where the bundles are: dist/electron in the app (main.cjs's own folder), found from the app's
 * root so that the tests, which run this file from source, find the same built files.
 */
const bundleDir = () => path.join(app.getAppPath(), 'dist', 'electron');

function sampleFile(): string {
  const dir = path.join(app.getPath('userData'), 'samples');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, 'ke-hoach-122-KH-UBND-2024.plandesk');
}

// macOS hands files over with open-file, also before the app is ready (the double-click that
// started it): those are kept until the windows can open.
const early: string[] = [];
let windows: PlanWindows | null = null;
app.on('open-file', (e, file) => {
  e.preventDefault();
  if (windows) void openAsked(windows, [file]);
  else early.push(file);
});

/**
 * Open the plans asked for, each in its own window (or its window to the front). One that cannot
 * be opened (damaged, newer version) must not stop the others: say why, from a window where
 * File → Restore from backup can bring a damaged file back — the sample's when none is open.
 */
async function openAsked(w: PlanWindows, files: string[]): Promise<void> {
  const errors: string[] = [];
  for (const f of files) {
    try {
      await w.openFile(f);
    } catch (e) {
      const b = toBridgeError(e);
      errors.push(tStored('vi', b.code, b.params));
    }
  }
  if (!w.all.length) await openSample(w);
  const shown = w.current();
  for (const message of errors) if (shown) void dialog.showMessageBox(shown.win, { type: 'error', message });
}

async function openSample(w: PlanWindows): Promise<void> {
  const sample = sampleFile();
  await (fs.existsSync(sample) ? w.openFile(sample) : w.createFile(sample, { sample: true }));
}

async function start(): Promise<void> {
  // The packaged app opens no debugger (the fuses turn off Node's --inspect; this, Chromium's
  // remote debugging): before the app is ready, so no port is ever opened.
  const debug = app.isPackaged ? debugSwitches(process.argv) : [];
  if (debug.length) {
    dialog.showErrorBox(t('vi', 'app.name'), t('vi', 'error.debug_switch', { switches: debug.join(' ') }));
    return app.exit(2);
  }
  // One PlanDesk per user session: a second one (a double-click on a plan while PlanDesk runs)
  // hands its files to this one and quits. Its argv and folder travel as data too: Chromium may
  // reorder or add to the argv the first instance is told.
  const mine: InstanceData = { argv: process.argv, cwd: process.cwd() };
  if (!app.requestSingleInstanceLock(mine)) return app.quit();
  app.on('second-instance', (_e, argv, cwd, data) => {
    const files = plandeskFiles(data, argv, cwd, app.isPackaged);
    // Before the windows can open (the app is starting): with the command line's own files.
    if (!windows) return void early.push(...files);
    if (files.length) void openAsked(windows, files);
    else {
      // PlanDesk started again with no file: the person looks for it — show it.
      const w = windows.current();
      if (w) windows.focus(w);
      else void openSample(windows);
    }
  });
  await app.whenReady();
  hardenSession();
  serveRenderer(path.join(bundleDir(), '..', 'renderer'));
  // Imports read spreadsheets in worker threads (bundles beside this one): the window never waits.
  configureTransfer({ workerDir: bundleDir() });
  configureConsolidation({ workerDir: bundleDir() });
  // One menu: the window's own (every feature area's items, in the UI language, with recent
  // files). A native menu bar above it on Windows and Linux would be a second, different one; macOS
  // keeps its native menu bar (the system's place for a menu, and the key equivalents of Edit).
  const refreshMenu = () => {
    if (process.platform !== 'darwin') return Menu.setApplicationMenu(null);
    const recent = w.current()?.workspace.recent() ?? [];
    Menu.setApplicationMenu(buildMenu(() => w.current()?.win ?? null, 'vi', recent, (f) => void w.current()?.files.run('openRecent', f)));
  };
  // Backups go under userData/backups (issue 7), each window's plan with its own.
  const w = new PlanWindows({ bundleDir: bundleDir(), dataDir: app.getPath('userData'), onChanged: () => refreshMenu() });
  windows = w;
  wireIpc(w);
  // The execution report's PDF (execrep/exportPdf) is printed by Electron, not a browser found on the PC.
  setHostReportPrinter(electronReportPrinter(path.join(bundleDir(), 'preload.cjs')));
  refreshMenu();
  // The app ends with its last window — except on macOS, where an app stays until Quit and a click
  // on its Dock icon opens a window again. A Quit that a window's close guard held up (Electron
  // cancels the quit while the page saves what was typed) goes on once that window has closed.
  let quitAsked = false;
  app.on('before-quit', () => (quitAsked = true));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitAsked) app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !w.all.length) void openSample(w);
  });
  await openAsked(w, [...plandeskFiles(null, process.argv, process.cwd(), app.isPackaged), ...early.splice(0)]);
}

/** The app's start, awaited by the tests that drive this file with a stand-in for Electron. */
export const started: Promise<void> = start();
