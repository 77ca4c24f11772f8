// Electron's security checklist in one place: secure webPreferences (window-policy.ts), a strict
// CSP on every response, no navigation, no new windows, no permissions, no network requests except
// our own app:// files, and no DevTools in the packaged app.
import { app, session, type BrowserWindow } from 'electron';
import { CSP } from '../../shared/csp';
import { isDevToolsShortcut, requestAllowed } from './window-policy';

export function hardenSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  // No remote content: everything PlanDesk shows comes from app:// (its own files).
  s.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestAllowed(details.url, app.isPackaged) });
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
  if (app.isPackaged) {
    // devTools: false already makes DevTools inert; its keys are swallowed too, and DevTools opened
    // by any other way are closed at once.
    win.webContents.on('before-input-event', (ev, input) => {
      if (isDevToolsShortcut(input)) ev.preventDefault();
    });
    win.webContents.on('devtools-opened', () => win.webContents.closeDevTools());
  }
}
