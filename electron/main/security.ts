// Electron's security checklist in one place: secure webPreferences, a strict CSP on every
// response, no navigation, no new windows, no permissions, no network requests except our own
// app:// files.
import { app, session, type BrowserWindow, type WebPreferences } from 'electron';
import { CSP } from '../../shared/csp';

export const SECURE_WEB_PREFERENCES: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: false,
};

export function hardenSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  // No remote content: everything PlanDesk shows comes from app:// (its own files).
  s.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith('app://') || details.url.startsWith('devtools://') || details.url.startsWith('data:');
    callback({ cancel: !ok });
  });
  s.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (ev) => ev.preventDefault());
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function guardWindow(win: BrowserWindow): void {
  win.webContents.on('will-redirect', (ev) => ev.preventDefault());
}
