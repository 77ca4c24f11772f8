// The real main process (main.ts and everything it wires) driven under Node, with a stand-in for the
// `electron` module (electron-stand-in.ts): no Electron binary can be fetched on these machines, so
// what a person does with the desktop app is played against main's own code — starting it, a
// second instance handing over a double-clicked plan, several plans in several windows, closing
// them, the pages' requests, the app:// files, printing to PDF.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandArgs } from '../../shared/ipc';
import { blankCycle } from '../../shared/samples/dak-nong-2024';
import { DEFAULT_PRINT_SETTINGS } from '../../shared/print/settings';
import { createCycleFile } from '../engine/store/cycle-file';
import { describeWithData } from '../../test/support/need-data';
import { FakeBrowserWindow, StandIn, useStandIn, type FakeWebContents } from './electron-stand-in';
import { SECURE_WEB_PREFERENCES } from './window-policy';

vi.mock('electron', async () => (await import('./electron-stand-in')).electronModule());

const ROOT = path.resolve(__dirname, '../..');
const PRELOAD = path.join(ROOT, 'dist/electron/preload.cjs');
const BUILT = { what: 'the built app (dist/electron/preload.cjs)', path: PRELOAD, howToGet: 'run `npm run build`' };

let tmp = '';
let e: StandIn;
const savedArgv = process.argv;
const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-main-'));
});

afterEach(() => {
  // Every window goes (each closes its plan: locks released for the next test).
  for (const w of [...(e?.windows ?? [])]) w.destroy();
  process.argv = savedArgv;
  Object.defineProperty(process, 'platform', platform);
  vi.restoreAllMocks();
});

let n = 0;
/** A fresh folder with blank plans named `names` in it. */
function plans(...names: string[]): string[] {
  const dir = path.join(tmp, `case-${++n}`);
  fs.mkdirSync(dir, { recursive: true });
  return names.map((name) => {
    const f = path.join(dir, name);
    createCycleFile(f, blankCycle(2025));
    return f;
  });
}

interface Start {
  argv?: string[];
  packaged?: boolean;
  gotLock?: boolean;
  manualReady?: boolean;
  darwin?: boolean;
}

/** Start main.ts anew (a fresh module registry) on a fresh stand-in. */
async function startMain(o: Start = {}) {
  e = useStandIn(
    new StandIn({ userData: path.join(tmp, `user-${++n}`), appPath: ROOT, packaged: o.packaged, gotLock: o.gotLock, manualReady: o.manualReady }),
  );
  if (o.darwin) Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
  process.argv = o.argv ?? ['electron', '.'];
  vi.resetModules();
  const main = await import('./main');
  const { Workspace } = await import('../engine/workspace');
  const handle = vi.spyOn(Workspace.prototype, 'handle');
  if (!o.manualReady) await main.started;
  return { main, handle };
}

/** The plan windows (not the hidden print views), oldest first. */
const planWindows = () => e.windows.filter((w) => !w.options.parent);
const call = (w: FakeBrowserWindow | FakeWebContents, name: string, args: unknown) =>
  e.invoke('webContents' in w ? w.webContents : w, 'plandesk:invoke', [name, args]) as Promise<{ ok: boolean; value?: any; error?: any }>;
const fileAction = (w: FakeBrowserWindow, action: string, arg?: string, target?: unknown) =>
  e.invoke(w.webContents, 'plandesk:file', [action, arg, target]) as Promise<{ ok: boolean; file?: any; error?: any }>;
/** The plan a window's page sees (through its own IPC). */
async function planOf(w: FakeBrowserWindow): Promise<string> {
  const r = await call(w, 'cycle/snapshot', { firstRows: 1 });
  expect(r.ok).toBe(true);
  return r.value.file.path;
}

describeWithData(BUILT, 'the main process under a stand-in for Electron', () => {
  describe('starting', () => {
    it('opens the sample in one window with the secure preferences, the built preload and app://', async () => {
      await startMain();
      expect(planWindows()).toHaveLength(1);
      const [w] = planWindows();
      expect(w.options.webPreferences).toMatchObject({ ...SECURE_WEB_PREFERENCES, devTools: true, preload: PRELOAD });
      expect(fs.existsSync(w.options.webPreferences!.preload as string)).toBe(true);
      expect(w.loaded).toEqual(['app://plandesk/index.html']);
      expect(w.title).toMatch(/\.plandesk — PlanDesk$|— PlanDesk$/);
      expect(await planOf(w)).toMatch(/ke-hoach-122-KH-UBND-2024\.plandesk$/);
      expect(e.calls.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
      // Its command line travels with the lock: a second instance hands it over whole.
      expect(e.calls.singleInstanceData).toEqual([{ argv: ['electron', '.'], cwd: process.cwd() }]);
    });

    it('the packaged app: DevTools off in every window; a debugger switch stops it before any window', async () => {
      const [a] = plans('a.plandesk');
      await startMain({ packaged: true, argv: ['PlanDesk.exe', a] });
      expect(planWindows()[0].options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true });
      expect(await planOf(planWindows()[0])).toBe(a);
      planWindows()[0].destroy();

      await startMain({ packaged: true, argv: ['PlanDesk.exe', '--remote-debugging-port=9222'] });
      expect(e.calls.exit).toEqual([2]);
      expect(e.windows).toHaveLength(0);
      expect(e.calls.errorBoxes[0]).toContain('--remote-debugging-port=9222');
    });

    it('a second PlanDesk (no lock) quits without opening anything', async () => {
      const [a] = plans('a.plandesk');
      await startMain({ gotLock: false, argv: ['electron', '.', a] });
      expect(e.calls.quit).toBe(1);
      expect(e.windows).toHaveLength(0);
      expect(e.handlers.size).toBe(0);
    });

    it('a plan that cannot be opened: the sample opens and the window says why', async () => {
      const [dir] = plans('a.plandesk').map(path.dirname);
      const broken = path.join(dir, 'hong.plandesk');
      fs.writeFileSync(broken, 'this is not a plan');
      await startMain({ argv: ['electron', '.', broken] });
      expect(planWindows()).toHaveLength(1);
      expect(await planOf(planWindows()[0])).toMatch(/ke-hoach-122/);
      expect(e.calls.messageBoxes).toHaveLength(1);
      expect(e.calls.messageBoxes[0].window).toBe(planWindows()[0]);
    });
  });

  describe('a plan double-clicked while PlanDesk runs (second instance)', () => {
    it('opens in a window of its own; the window holding a plan comes to the front instead of a second copy', async () => {
      const [a, b] = plans('a.plandesk', 'b.plandesk');
      await startMain({ argv: ['electron', '.', a] });
      expect(planWindows()).toHaveLength(1);
      const [wa] = planWindows();

      // Windows starts `PlanDesk.exe b.plandesk` in b's folder: the path is relative to it.
      e.emitApp('second-instance', {}, ['PlanDesk.exe', '--allow-file-access-from-files', 'b.plandesk'], path.dirname(b), {
        argv: ['electron', '.', 'b.plandesk'],
        cwd: path.dirname(b),
      });
      await vi.waitFor(() => expect(planWindows()).toHaveLength(2));
      const wb = planWindows()[1];
      expect(await planOf(wb)).toBe(b);
      expect(await planOf(wa)).toBe(a);

      // a again, spelt another way: its window to the front, minimized or not, never a second copy.
      wa.minimize();
      const focusBefore = wa.focusCount;
      e.emitApp('second-instance', {}, ['electron', '.', path.join(path.dirname(a), '.', '..', path.basename(path.dirname(a)), 'a.plandesk')], '/', {
        argv: ['electron', '.', path.join(path.dirname(a), '.', '..', path.basename(path.dirname(a)), 'a.plandesk')],
        cwd: '/',
      });
      await vi.waitFor(() => expect(wa.focusCount).toBe(focusBefore + 1));
      expect(wa.isMinimized()).toBe(false);
      expect(planWindows()).toHaveLength(2);
    });

    it("takes the instance's argv when no data came with it (an older PlanDesk), and PlanDesk started without a file shows itself", async () => {
      const [a, b] = plans('a.plandesk', 'b.plandesk');
      await startMain({ argv: ['electron', '.', a] });
      e.emitApp('second-instance', {}, ['electron', '.', b], '/', null);
      await vi.waitFor(() => expect(planWindows()).toHaveLength(2));
      expect(await planOf(planWindows()[1])).toBe(b);

      const [wa] = planWindows();
      e.focused = wa;
      const before = wa.focusCount;
      e.emitApp('second-instance', {}, ['electron', '.'], '/', { argv: ['electron', '.'], cwd: '/' });
      await vi.waitFor(() => expect(wa.focusCount).toBe(before + 1));
      expect(planWindows()).toHaveLength(2);
    });

    it('a damaged plan handed over opens no window and says why in the current one', async () => {
      const [a] = plans('a.plandesk');
      const broken = path.join(path.dirname(a), 'hong.plandesk');
      fs.writeFileSync(broken, 'not a plan');
      await startMain({ argv: ['electron', '.', a] });
      e.emitApp('second-instance', {}, ['electron', '.', broken], '/', null);
      await vi.waitFor(() => expect(e.calls.messageBoxes).toHaveLength(1));
      expect(planWindows()).toHaveLength(1);
    });
  });

  describe('macOS', () => {
    it('a plan opened from Finder before the app is ready opens instead of the sample; the app stays with no window', async () => {
      const [a, b] = plans('a.plandesk', 'b.plandesk');
      const { main } = await startMain({ darwin: true, manualReady: true });
      let prevented = false;
      e.emitApp('open-file', { preventDefault: () => (prevented = true) }, a);
      expect(prevented).toBe(true);
      e.ready();
      await main.started;
      expect(planWindows()).toHaveLength(1);
      expect(await planOf(planWindows()[0])).toBe(a);
      // The application menu is the native one, with the new commands.
      const menu = e.calls.menus.at(-1) as { template: { submenu: { label: string }[] }[] };
      const labels = menu.template[0].submenu.map((i) => i.label);
      expect(labels).toContain('Mở trong cửa sổ mới…');
      expect(labels).toContain('Tạo mới trong cửa sổ mới…');

      e.emitApp('open-file', { preventDefault() {} }, b);
      await vi.waitFor(() => expect(planWindows()).toHaveLength(2));

      for (const w of planWindows()) w.close();
      expect(e.calls.quit).toBe(0);
      // A click on the Dock icon brings a window back.
      e.emitApp('activate');
      await vi.waitFor(() => expect(planWindows()).toHaveLength(1));

      // Cmd+Q while the window's page still saves an edit: Electron cancels the quit; once the
      // close guard has closed the window, the quit goes on.
      const [w] = planWindows();
      let saving = true;
      w.webContents.holdsClose = () => saving;
      (await import('electron')).app.quit();
      expect(planWindows()).toEqual([w]);
      const quits = e.calls.quit;
      saving = false;
      w.close();
      expect(planWindows()).toEqual([]);
      expect(e.calls.quit).toBe(quits + 1);
    });
  });

  describe('several plans, one window each', () => {
    it('File → Open in new window, New in new window; Open of a plan held elsewhere focuses that window', async () => {
      const [a, b] = plans('a.plandesk', 'b.plandesk');
      await startMain({ argv: ['electron', '.', a] });
      const [wa] = planWindows();

      e.openAnswers.push(b);
      expect(await fileAction(wa, 'openInNewWindow')).toEqual({ ok: true, file: null });
      expect(planWindows()).toHaveLength(2);
      const wb = planWindows()[1];
      expect(await planOf(wb)).toBe(b);
      expect(await planOf(wa)).toBe(a);

      // Open (in place) in b's window, choosing a: a's window comes to the front; b stays in its own.
      const focus = wa.focusCount;
      e.openAnswers.push(a);
      expect(await fileAction(wb, 'open')).toEqual({ ok: true, file: null });
      expect(wa.focusCount).toBe(focus + 1);
      expect(await planOf(wb)).toBe(b);
      // The same from the recent list.
      expect(await fileAction(wb, 'openRecent', a)).toEqual({ ok: true, file: null });
      expect(wa.focusCount).toBe(focus + 2);
      // And "in a new window" of a plan already open: its window, no copy.
      e.openAnswers.push(b);
      await fileAction(wa, 'openInNewWindow');
      expect(planWindows()).toHaveLength(2);

      // New in new window (Ctrl+Shift+N): a blank plan in a third window.
      const c = path.join(path.dirname(a), 'c.plandesk');
      e.saveAnswers.push(c);
      expect(await fileAction(wa, 'newInNewWindow')).toEqual({ ok: true, file: null });
      expect(planWindows()).toHaveLength(3);
      expect(await planOf(planWindows()[2])).toBe(c);

      // Save a copy, New, or New in new window onto a plan open in another window is refused (the
      // engine's one write check): b's window keeps b, with its figures.
      const before = fs.statSync(b).size;
      for (const action of ['saveAs', 'new', 'newInNewWindow']) {
        e.saveAnswers.push(b);
        const r = await fileAction(wa, action);
        expect(r, action).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^error\./) } });
      }
      expect(planWindows()).toHaveLength(3);
      expect(await planOf(wa)).toBe(a);
      expect(await planOf(wb)).toBe(b);
      expect(fs.statSync(b).size).toBe(before);
    });

    it('each window has its own plan, undo and requests; a command reaches the Workspace of the window that sent it', async () => {
      const [a, b] = plans('a.plandesk', 'b.plandesk');
      const { handle } = await startMain({ argv: ['electron', '.', a, b] });
      const [wa, wb] = planWindows();
      expect([await planOf(wa), await planOf(wb)]).toEqual([a, b]);

      // An edit in a: b's undo has nothing to take back; a's does.
      const snap = (await call(wa, 'cycle/snapshot', {})).value;
      const leaf = snap.rows.find((r: { hasChildren: boolean }) => !r.hasChildren);
      const set = await call(wa, 'cell/set', { lineId: leaf.id, column: 'central_recurrent', value: 1_000_000 });
      expect(set).toMatchObject({ ok: true });
      expect((await call(wb, 'cycle/snapshot', {})).value.undo.canUndo).toBe(false);
      expect((await call(wa, 'cycle/snapshot', {})).value.undo.canUndo).toBe(true);
      // Undo in b takes nothing back from a.
      await call(wb, 'undo', {});
      expect((await call(wa, 'cycle/snapshot', {})).value.undo.canUndo).toBe(true);
      const workspaces = handle.mock.contexts;
      expect(new Set(workspaces).size).toBe(2);
    });
  });

  describe('closing', () => {
    it("each window's close guard runs: a held close keeps that window and its plan; closing one closes only its plan; the app quits with the last", async () => {
      const [a, b] = plans('a.plandesk', 'b.plandesk');
      await startMain({ argv: ['electron', '.', a, b] });
      const [wa, wb] = planWindows();
      const lockOf = (f: string) => fs.readdirSync(path.dirname(f)).filter((x) => x.includes(path.basename(f)) && /lock/i.test(x));
      expect(lockOf(b)).not.toHaveLength(0);

      // b's page still has an edit on its way (its close guard holds the close).
      let editing = true;
      wb.webContents.holdsClose = () => editing;
      wb.close();
      expect(planWindows()).toEqual([wa, wb]);
      // Meanwhile its requests still reach its plan (the edit lands)…
      expect(await planOf(wb)).toBe(b);
      // …then the guard closes the window itself: b's plan (only) is closed and its lock let go.
      editing = false;
      wb.close();
      expect(planWindows()).toEqual([wa]);
      expect(lockOf(b)).toHaveLength(0);
      expect(lockOf(a)).not.toHaveLength(0);
      expect(await planOf(wa)).toBe(a);
      expect(e.calls.quit).toBe(0);

      wa.close();
      expect(lockOf(a)).toHaveLength(0);
      expect(e.calls.quit).toBe(1);
    });

    it('remembers the size and place of the last window closed for the next one, cascading over an open one', async () => {
      const [a, b, c] = plans('a.plandesk', 'b.plandesk', 'c.plandesk');
      await startMain({ argv: ['electron', '.', a, b] });
      const [wa, wb] = planWindows();
      wb.setBounds({ x: 100, y: 80, width: 1000, height: 700 });
      wb.close();
      wa.setBounds({ x: 100, y: 80, width: 1000, height: 700 });
      e.openAnswers.push(c);
      await fileAction(wa, 'openInNewWindow');
      const wc = planWindows()[1];
      expect(wc.getBounds()).toEqual({ x: 128, y: 108, width: 1000, height: 700 });
    });
  });

  describe("the pages' requests", () => {
    it('every channel the preload uses is handled, and every command of the contract reaches the Workspace', async () => {
      const { handle } = await startMain();
      const preload = fs.readFileSync(path.join(__dirname, '../preload/preload.ts'), 'utf8');
      const used = [...preload.matchAll(/'(plandesk:[a-z]+)'/g)].map((m) => m[1]).filter((c) => c !== 'plandesk:event');
      expect(new Set(used)).toEqual(new Set(e.handlers.keys()));
      const [w] = planWindows();
      for (const name of Object.keys(commandArgs)) {
        handle.mockClear();
        // null arguments: every command is refused by the engine's own schema, after main passed it on.
        await call(w, name, null);
        expect(handle, name).toHaveBeenCalledWith(name, null);
      }
    });

    it('refuses a request from a frame inside the page, from another page, from a window not ours, and an unknown command', async () => {
      const { handle } = await startMain();
      const [w] = planWindows();
      const wc = w.webContents;
      const refusal = (detail: string) => ({ ok: false, error: { code: 'error.invalid_args', params: { detail } } });
      const sub = { url: 'app://plandesk/index.html', parent: wc.mainFrame };
      expect(await e.invoke(wc, 'plandesk:invoke', ['cycle/snapshot', {}], sub)).toEqual(refusal('sender'));
      expect(await e.invoke(wc, 'plandesk:invoke', ['cycle/snapshot', {}], { url: 'https://example.com/', parent: null })).toEqual(refusal('sender'));
      expect(await e.invoke(wc, 'plandesk:invoke', ['cycle/snapshot', {}], { url: 'app://other/index.html', parent: null })).toEqual(refusal('sender'));
      expect(await e.invoke(wc, 'plandesk:invoke', ['cycle/snapshot', {}], null)).toEqual(refusal('sender'));
      expect(await e.invoke(wc, 'plandesk:file', ['saveAs'], sub)).toEqual(refusal('sender'));
      expect(await e.invoke(wc, 'plandesk:upload', ['x.xlsx', new Uint8Array(3)], sub)).toEqual(refusal('sender'));
      expect(await e.invoke(wc, 'plandesk:recent', [], sub)).toEqual([]);
      // A window main did not open for a plan (its page is ours by URL, its window is not).
      const stranger = new (await import('electron')).BrowserWindow({}) as unknown as FakeBrowserWindow;
      await stranger.loadURL('app://plandesk/index.html');
      expect(await e.invoke(stranger.webContents, 'plandesk:invoke', ['cycle/snapshot', {}])).toEqual(refusal('sender'));
      for (const name of ['nope', '__proto__', 'constructor', 'toString', 42]) {
        expect(await e.invoke(wc, 'plandesk:invoke', [name, {}])).toEqual(refusal(String(name)));
      }
      expect(handle).not.toHaveBeenCalled();
    });
  });

  describe('app://', () => {
    it('serves only files under the renderer folder', async () => {
      await startMain();
      const serve = async (url: string) => {
        const before = e.calls.fetched.length;
        const res = await e.protocolHandler!({ url });
        return { status: res.status, fetched: e.calls.fetched.slice(before) };
      };
      const renderer = path.join(ROOT, 'dist/renderer');
      const ok = await serve('app://plandesk/index.html');
      expect(ok.fetched).toHaveLength(1);
      expect(decodeURIComponent(new URL(ok.fetched[0]).pathname)).toBe(path.join(renderer, 'index.html'));
      expect((await serve('app://plandesk/')).fetched).toHaveLength(1);
      // A URL's own dot segments stay inside (the URL is normalized before it names a file).
      for (const dots of ['app://plandesk/../../package.json', 'app://plandesk/%2e%2e/%2e%2e/package.json']) {
        expect((await serve(dots)).fetched, dots).toEqual([pathToFileURL(path.join(renderer, 'package.json')).toString()]);
      }
      for (const bad of [
        'app://plandesk/..%2f..%2fpackage.json',
        'app://plandesk/assets/..%2F..%2F..%2Fpackage.json',
        'app://plandesk/%2Fetc%2Fpasswd',
        'app://plandesk//etc/passwd',
        'app://plandesk/C:%5CWindows%5Cwin.ini',
        'app://plandesk/index.html%00.js',
        'app://plandesk/%E0%A4%A',
        'app://elsewhere/index.html',
      ]) {
        const r = await serve(bad);
        expect(r.fetched, bad).toEqual([]);
        expect(r.status, bad).toBe(404);
      }
    });
  });

  describe('printing', () => {
    it('Export PDF prints the plan of the window that asks, with its paper, orientation and margins', async () => {
      const [a, b] = plans('a.plandesk', 'b.plandesk');
      await startMain({ argv: ['electron', '.', a, b] });
      const [wa, wb] = planWindows();
      const print = { ...DEFAULT_PRINT_SETTINGS, paper: 'A3', orientation: 'portrait', margins: { top: 25, bottom: 22, left: 33, right: 17 } };
      expect((await call(wa, 'settings/set', { key: 'print', value: print })).ok).toBe(true);

      // The print view lays out its sheets from the settings it reads through its own requests.
      const seen: unknown[] = [];
      e.page = async (code, wc) => {
        if (code.includes('printReady')) {
          seen.push(((await call(wc, 'settings/get', { key: 'print' })) as { value: { value: unknown } }).value.value);
          return true;
        }
        if (code.includes('pageCount')) return '3';
        return null;
      };
      const pdf = path.join(path.dirname(a), 'a.pdf');
      e.saveAnswers.push(pdf);
      const r = await fileAction(wa, 'exportPdf');
      expect(r).toMatchObject({ ok: true, file: { path: pdf } });
      expect(fs.readFileSync(pdf, 'latin1')).toMatch(/^%PDF-/);
      expect(seen).toEqual([expect.objectContaining({ paper: 'A3', orientation: 'portrait', margins: print.margins })]);
      // The hidden view is gone once the PDF is written.
      expect(e.windows.filter((w) => w.options.parent)).toEqual([]);

      // b's window prints b's own settings (A4 landscape by default), in a view of its own.
      let viewOf: FakeBrowserWindow | undefined;
      e.page = async (code, wc) => {
        viewOf = wc.owner;
        if (code.includes('printReady')) return true;
        if (code.includes('pageCount')) return '2';
        return null;
      };
      e.saveAnswers.push(path.join(path.dirname(b), 'b.pdf'));
      expect((await fileAction(wb, 'exportPdf')).ok).toBe(true);
      expect(viewOf!.options.parent).toBe(wb);
      expect(viewOf!.options.show).toBe(false);
      expect(viewOf!.options.webPreferences).toMatchObject({ ...SECURE_WEB_PREFERENCES, preload: PRELOAD });
      expect(viewOf!.webContents.pdfRequests).toEqual([
        expect.objectContaining({ pageSize: 'A4', landscape: true, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } }),
      ]);
    });

    it("printToPDF is asked for the settings' paper and orientation; margins are drawn inside the sheets", async () => {
      const [a] = plans('a.plandesk');
      await startMain({ argv: ['electron', '.', a] });
      const [wa] = planWindows();
      const print = { ...DEFAULT_PRINT_SETTINGS, paper: 'A3', orientation: 'portrait' };
      expect((await call(wa, 'settings/set', { key: 'print', value: print })).ok).toBe(true);
      let view: FakeWebContents | undefined;
      e.page = (code, wc) => {
        view = wc;
        return code.includes('printReady') ? true : code.includes('pageCount') ? '1' : null;
      };
      e.saveAnswers.push(path.join(path.dirname(a), 'a.pdf'));
      expect((await fileAction(wa, 'exportPdf')).ok).toBe(true);
      expect(view!.pdfRequests).toEqual([
        expect.objectContaining({ pageSize: 'A3', landscape: false, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } }),
      ]);
      // Print (to a printer) too.
      expect((await fileAction(wa, 'print')).ok).toBe(true);
      expect(view!.printRequests).toEqual([expect.objectContaining({ pageSize: 'A3', landscape: false })]);
    });

    it('print and exportPdf print the annex the window names: the allocation annex of a funding column', async () => {
      const [a] = plans('a.plandesk');
      await startMain({ argv: ['electron', '.', a] });
      const [wa] = planWindows();
      const views: FakeBrowserWindow[] = [];
      e.page = (code, wc) => {
        if (!views.includes(wc.owner)) views.push(wc.owner);
        return code.includes('printReady') ? true : code.includes('pageCount') ? '1' : null;
      };
      const allocation = { annex: 'allocation', column: 'central_recurrent', annexNumber: 'III', title: 'Phân bổ & giao vốn?' };
      e.saveAnswers.push(path.join(path.dirname(a), 'alloc.pdf'));
      expect((await fileAction(wa, 'exportPdf', undefined, allocation)).ok).toBe(true);
      expect((await fileAction(wa, 'print', undefined, allocation)).ok).toBe(true);
      // Without a target: the plan annex, as before.
      expect((await fileAction(wa, 'print')).ok).toBe(true);
      const hash = '#/print?annex=allocation&column=central_recurrent&number=III&title=Ph%C3%A2n+b%E1%BB%95+%26+giao+v%E1%BB%91n%3F';
      expect(views.map((v) => v.loaded)).toEqual([
        [`app://plandesk/index.html${hash}&chunked=1`],
        [`app://plandesk/index.html${hash}`],
        ['app://plandesk/index.html#/print'],
      ]);
      expect(views[1].webContents.printRequests).toHaveLength(1);
      // A target that is not one is refused before any view opens.
      const refusal = { ok: false, error: { code: 'error.invalid_args', params: { detail: 'print target' } } };
      expect(await fileAction(wa, 'print', undefined, { annex: 'allocation' })).toEqual(refusal);
      expect(await fileAction(wa, 'exportPdf', undefined, { annex: 'plan', column: 'x' })).toEqual(refusal);
      expect(views).toHaveLength(3);
    });
  });
});
