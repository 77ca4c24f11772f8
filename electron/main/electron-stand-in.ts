// A stand-in for the `electron` module, for the main-process tests under Node (no Electron binary
// can be fetched on the build machines). It holds just what electron/main uses — app,
// BrowserWindow and their webContents, ipcMain, protocol, net, dialog, Menu, session, screen — as
// plain objects that record what main asks of them and let a test play the other side: the
// person's dialog answers, a second instance, a page that holds its close (the renderer's close
// guard), a print view that lays out pages. Used only by *.test.ts (vi.mock('electron', ...));
// never bundled: main.ts does not import it.
import { EventEmitter } from 'node:events';
import path from 'node:path';

type Handler = (event: InvokeEvent, ...args: unknown[]) => unknown;

export interface Frame {
  url: string;
  parent: Frame | null;
}

export interface InvokeEvent {
  sender: FakeWebContents;
  senderFrame: Frame | null;
}

/** What the test answers for the page's scripts (executeJavaScript): the print view's readiness, its page count. */
export type PageScript = (code: string, wc: FakeWebContents) => unknown;

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: Frame = { url: '', parent: null };
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly pdfRequests: Record<string, unknown>[] = [];
  readonly printRequests: Record<string, unknown>[] = [];
  /** The page's beforeunload as the renderer's close guard answers it: true holds the close. */
  holdsClose: () => boolean = () => false;
  destroyed = false;

  constructor(
    readonly owner: FakeBrowserWindow,
    private readonly electron: StandIn,
  ) {
    super();
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  async executeJavaScript(code: string): Promise<unknown> {
    return this.electron.page(code, this);
  }
  async printToPDF(options: Record<string, unknown>): Promise<Uint8Array> {
    this.pdfRequests.push(options);
    return new TextEncoder().encode('%PDF-1.4\n% stand-in\n%%EOF\n');
  }
  print(options: Record<string, unknown>, callback: (ok: boolean, reason: string) => void): void {
    this.printRequests.push(options);
    callback(true, '');
  }
  setWindowOpenHandler(): void {}
  closeDevTools(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown>; parent?: FakeBrowserWindow };
  title = '';
  visible: boolean;
  minimized = false;
  maximized = false;
  focusCount = 0;
  bounds: Bounds;
  loaded: string[] = [];
  private destroyed = false;

  constructor(
    options: FakeBrowserWindow['options'],
    private readonly electron: StandIn,
  ) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents(this, electron);
    this.title = typeof options.title === 'string' ? options.title : '';
    this.visible = options.show !== false;
    const n = (k: string, d: number) => (typeof options[k] === 'number' ? (options[k] as number) : d);
    this.bounds = { x: n('x', 0), y: n('y', 0), width: n('width', 800), height: n('height', 600) };
    electron.windows.push(this);
    electron.emitApp('browser-window-created', {}, this);
  }

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.mainFrame.url = url;
    this.emit('ready-to-show');
  }
  setTitle(t: string): void {
    this.title = t;
  }
  getTitle(): string {
    return this.title;
  }
  show(): void {
    this.visible = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focusCount++;
    this.electron.focused = this;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getBounds(): Bounds {
    return { ...this.bounds };
  }
  getNormalBounds(): Bounds {
    return { ...this.bounds };
  }
  setBounds(b: Partial<Bounds>): void {
    this.bounds = { ...this.bounds, ...b };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** As Electron closes a window: 'close' (preventable), then the page's beforeunload, then 'closed'. */
  close(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    if (this.webContents.holdsClose()) {
      this.webContents.emit('will-prevent-unload', { preventDefault() {} });
      // Electron cancels an app's quit when a window's page keeps it open.
      this.electron.quitting = false;
      return;
    }
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    for (const child of this.electron.windows.filter((w) => w.options.parent === this)) child.destroy();
    this.electron.windows.splice(this.electron.windows.indexOf(this), 1);
    if (this.electron.focused === this) this.electron.focused = null;
    this.emit('closed');
    if (!this.electron.windows.length && !this.electron.quitting) this.electron.emitApp('window-all-closed');
  }
}

/** One Electron, fresh for each test. */
export class StandIn {
  readonly windows: FakeBrowserWindow[] = [];
  focused: FakeBrowserWindow | null = null;
  quitting = false;
  readonly calls = {
    quit: 0,
    exit: [] as number[],
    singleInstanceData: [] as unknown[],
    schemes: [] as unknown[],
    errorBoxes: [] as string[],
    messageBoxes: [] as { window: FakeBrowserWindow; message: string }[],
    menus: [] as unknown[],
    fetched: [] as string[],
  };
  readonly handlers = new Map<string, Handler>();
  protocolHandler: ((request: { url: string }) => Response | Promise<Response>) | null = null;
  /** The person's answers to the next dialogs, in order (none left: they cancel). */
  readonly openAnswers: string[] = [];
  readonly saveAnswers: string[] = [];
  page: PageScript = () => null;
  private readonly appEvents = new EventEmitter();
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((r) => (this.readyResolve = r));
  private isReadyNow = false;

  constructor(
    readonly opts: { userData: string; appPath: string; packaged?: boolean; gotLock?: boolean; manualReady?: boolean },
  ) {
    if (!opts.manualReady) this.ready();
  }

  /** The app becomes ready (whenReady resolves). */
  ready(): void {
    this.isReadyNow = true;
    this.readyResolve();
  }

  emitApp(event: string, ...args: unknown[]): void {
    this.appEvents.emit(event, ...args);
  }

  /** A request from a page, as ipcRenderer.invoke sends it: from `wc`'s top frame unless told. */
  async invoke(wc: FakeWebContents, channel: string, args: unknown[], frame: Frame | null = wc.mainFrame): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h({ sender: wc, senderFrame: frame }, ...args);
  }

  /** The module as `import ... from 'electron'` sees it. */
  module(): Record<string, unknown> {
    const self = this;
    const app = {
      get isPackaged() {
        return !!self.opts.packaged;
      },
      getPath: (name: string) => (name === 'userData' ? self.opts.userData : path.join(self.opts.userData, name)),
      getAppPath: () => self.opts.appPath,
      requestSingleInstanceLock: (data?: unknown) => {
        self.calls.singleInstanceData.push(data);
        return self.opts.gotLock !== false;
      },
      whenReady: () => self.readyPromise,
      isReady: () => self.isReadyNow,
      on: (event: string, fn: (...a: unknown[]) => void) => (self.appEvents.on(event, fn), app),
      once: (event: string, fn: (...a: unknown[]) => void) => (self.appEvents.once(event, fn), app),
      quit: () => {
        self.calls.quit++;
        self.quitting = true;
        self.emitApp('before-quit', { preventDefault() {} });
        for (const w of [...self.windows]) w.close();
      },
      exit: (code: number) => void self.calls.exit.push(code),
    };
    const BrowserWindow = class extends FakeBrowserWindow {
      constructor(options: FakeBrowserWindow['options']) {
        super(options, self);
      }
      static getAllWindows = () => [...self.windows];
      static getFocusedWindow = () => self.focused;
    };
    return {
      app,
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, fn: Handler) => {
          if (self.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
          self.handlers.set(channel, fn);
        },
      },
      protocol: {
        registerSchemesAsPrivileged: (list: unknown[]) => void self.calls.schemes.push(...list),
        handle: (_scheme: string, fn: StandIn['protocolHandler']) => void (self.protocolHandler = fn),
      },
      net: {
        fetch: async (url: string) => {
          self.calls.fetched.push(url);
          return new Response(url);
        },
      },
      dialog: {
        showOpenDialog: async () => {
          const f = self.openAnswers.shift();
          return f ? { canceled: false, filePaths: [f] } : { canceled: true, filePaths: [] };
        },
        showSaveDialog: async () => {
          const f = self.saveAnswers.shift();
          return f ? { canceled: false, filePath: f } : { canceled: true, filePath: '' };
        },
        showMessageBox: async (window: FakeBrowserWindow, o: { message: string }) => {
          self.calls.messageBoxes.push({ window, message: o.message });
          return { response: 0 };
        },
        showErrorBox: (_title: string, message: string) => void self.calls.errorBoxes.push(message),
      },
      Menu: {
        buildFromTemplate: (template: unknown) => ({ template }),
        setApplicationMenu: (m: unknown) => void self.calls.menus.push(m),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler() {},
          setPermissionCheckHandler() {},
          webRequest: { onBeforeRequest() {}, onHeadersReceived() {} },
        },
      },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    };
  }
}

/**
 * The stand-in the mocked module answers with (set anew by each test). On globalThis: the tests
 * reset the module registry between runs of main, and every copy of this module must agree.
 */
const slot = globalThis as { __plandeskElectronStandIn?: StandIn | null };

export function useStandIn(s: StandIn): StandIn {
  slot.__plandeskElectronStandIn = s;
  return s;
}

/**
 * What vi.mock('electron', ...) returns: every export looked up on the current stand-in at use, so
 * a module imported once keeps working with the next test's fresh Electron.
 */
export function electronModule(): Record<string, unknown> {
  const names = ['app', 'BrowserWindow', 'ipcMain', 'protocol', 'net', 'dialog', 'Menu', 'session', 'screen'];
  const cache = new WeakMap<StandIn, Record<string, unknown>>();
  const mod = () => {
    const current = slot.__plandeskElectronStandIn;
    if (!current) throw new Error('no Electron stand-in installed');
    let m = cache.get(current);
    if (!m) cache.set(current, (m = current.module()));
    return m;
  };
  return Object.fromEntries(names.map((n) => [n, new Proxy(function () {}, proxyTo(() => mod()[n]))]));
}

/** A proxy that forwards everything (calls, `new`, properties) to whatever `target()` is now. */
function proxyTo(target: () => unknown): ProxyHandler<() => void> {
  const t = () => target() as Record<PropertyKey, unknown> & ((...a: unknown[]) => unknown);
  return {
    get: (_f, key) => {
      const v = Reflect.get(t(), key);
      return typeof v === 'function' && !(typeof key === 'string' && /^[A-Z]/.test(key)) ? v.bind(t()) : v;
    },
    set: (_f, key, v) => Reflect.set(t(), key, v),
    apply: (_f, thisArg, args) => Reflect.apply(t(), thisArg, args),
    construct: (_f, args) => Reflect.construct(t() as unknown as new (...a: unknown[]) => object, args),
    has: (_f, key) => Reflect.has(t(), key),
  };
}
