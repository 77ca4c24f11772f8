// The plan windows: one window per open plan, each with its own Workspace (its own session, undo,
// findings, lock and backups), its own file dialogs and its own print views. A plan is never open in
// two windows: opening it again — File → Open, the recent list, a double-click, the command line —
// brings the window that holds it to the front. Closing a window closes its plan (after the
// renderer's close guard let it go); the other windows go on.
import { app, BrowserWindow, screen, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { FileInfo } from '../../shared/ipc';
import { locationKey } from '../engine/safety/write-target';
import { Workspace } from '../engine/workspace';
import { FileDialogs, type WindowHost } from './file-actions';
import { AnnexPrinter } from './print';
import { guardWindow } from './security';
import { placeWindow, readWindowState, writeWindowState, type Bounds } from './window-state';
import { windowPreferences } from './window-policy';

export interface PlanWindow {
  readonly win: BrowserWindow;
  readonly workspace: Workspace;
  readonly files: FileDialogs;
  readonly printer: AnnexPrinter;
}

export interface PlanWindowsOptions {
  /** Folder of the bundles (preload.cjs). */
  bundleDir: string;
  /** The user's data folder: recent files, backups, window-state.json. */
  dataDir: string;
  /** Something about the open files changed (the macOS menu lists recent files). */
  onChanged: () => void;
}

/** Whether two paths name one plan: the same location however spelt, or the same file (a link). */
export function samePlan(a: string, b: string): boolean {
  if (locationKey(a) === locationKey(b)) return true;
  try {
    const sa = fs.statSync(a, { bigint: true });
    const sb = fs.statSync(b, { bigint: true });
    return sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export class PlanWindows implements WindowHost {
  private readonly open: PlanWindow[] = [];
  private readonly stateFile: string;

  constructor(private readonly opts: PlanWindowsOptions) {
    this.stateFile = path.join(opts.dataDir, 'window-state.json');
  }

  get all(): readonly PlanWindow[] {
    return this.open;
  }

  /** The window whose page (or one of whose print views) sent a request. */
  forSender(sender: WebContents): PlanWindow | null {
    return this.open.find((w) => !w.win.isDestroyed() && (w.win.webContents === sender || w.printer.isPrintView(sender))) ?? null;
  }

  /** The window a menu command is for: the focused one, else the last opened. */
  current(): PlanWindow | null {
    const focused = BrowserWindow.getFocusedWindow();
    return this.open.find((w) => w.win === focused) ?? this.open.at(-1) ?? null;
  }

  /** The window holding `file`, other than `except`. */
  holding(file: string, except?: PlanWindow): PlanWindow | null {
    return this.open.find((w) => w !== except && w.workspace.session && samePlan(w.workspace.session.info.path, file)) ?? null;
  }

  /** Bring a window to the front (restored if minimized). */
  focus(w: PlanWindow): void {
    if (w.win.isMinimized()) w.win.restore();
    w.win.show();
    w.win.focus();
  }

  /** The window holding `file` other than `self`, brought to the front; false when there is none. */
  focusHolder(file: string, self?: unknown): boolean {
    const w = this.holding(file, this.open.find((o) => o === self || o.files === self));
    if (w) this.focus(w);
    return !!w;
  }

  /** Open `file` in a window of its own, or bring the window that holds it to the front. */
  async openFile(file: string): Promise<PlanWindow> {
    const held = this.holding(file);
    if (held) {
      this.focus(held);
      return held;
    }
    return this.newWindow((ws) => ws.open(file));
  }

  /** Create a new plan at `file` (a blank cycle, or the sample) and open it in a window of its own. */
  createFile(file: string, opts: { sample?: boolean } = {}): Promise<PlanWindow> {
    return this.newWindow((ws) => ws.create(file, { sample: opts.sample, overwrite: !opts.sample }));
  }

  async openInNewWindow(file: string): Promise<void> {
    await this.openFile(file);
  }

  async createInNewWindow(file: string): Promise<void> {
    await this.createFile(file);
  }

  /**
   * A window on a plan that `prepare` opens in a Workspace of its own. If the plan cannot be opened
   * (damaged, newer version) no window appears: the error goes to whoever asked.
   */
  private async newWindow(prepare: (ws: Workspace) => FileInfo): Promise<PlanWindow> {
    const { bundleDir, dataDir } = this.opts;
    const workspace = new Workspace(path.join(dataDir, 'recent.json'), { dataDir });
    let info: FileInfo;
    try {
      info = prepare(workspace);
    } catch (e) {
      workspace.close();
      throw e;
    }
    const preload = path.join(bundleDir, 'preload.cjs');
    const place = placeWindow(
      readWindowState(this.stateFile),
      screen.getAllDisplays().map((d) => d.workArea),
      this.open.map((w) => w.win.getBounds()),
    );
    const win = new BrowserWindow({
      ...place.bounds,
      title: `${info.name} — PlanDesk`,
      show: false,
      webPreferences: windowPreferences({ packaged: app.isPackaged, preload }),
    });
    guardWindow(win);
    let entry: PlanWindow;
    const files = new FileDialogs(workspace, () => (win.isDestroyed() ? null : win), () => this.changed(entry), this);
    entry = { win, workspace, files, printer: new AnnexPrinter(workspace, () => (win.isDestroyed() ? null : win), preload) };
    this.open.push(entry);
    // Kept on every close, so the next window (and the next start) opens where this one was.
    win.on('close', () => this.remember(win));
    // Only once the page has let the window go (its close guard saved what was typed): the plan's
    // lock and connection are released, and this window's plan only.
    win.on('closed', () => {
      const i = this.open.indexOf(entry);
      if (i >= 0) this.open.splice(i, 1);
      workspace.close();
      this.opts.onChanged();
    });
    if (place.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    this.opts.onChanged();
    await win.loadURL('app://plandesk/index.html');
    if (!win.isDestroyed() && !win.isVisible()) win.show();
    return entry;
  }

  /** The window's plan changed (File → Open, New, Save a copy in it): its title and its page. */
  private changed(w: PlanWindow): void {
    const s = w.workspace.session;
    if (s && !w.win.isDestroyed()) {
      w.win.setTitle(`${s.info.name} — PlanDesk`);
      w.win.webContents.send('plandesk:event', { type: 'file-changed', file: s.info });
    }
    this.opts.onChanged();
  }

  private remember(win: BrowserWindow): void {
    const bounds: Bounds = win.getNormalBounds();
    writeWindowState(this.stateFile, { bounds, maximized: win.isMaximized() });
  }
}
