// What a PlanDesk window may do, as plain data and predicates: its webPreferences (DevTools only
// while developing, never in the packaged app), the requests it may make, the keys that would open
// DevTools, and the command-line switches that would open a debugger. Pure on purpose — no
// Electron at run time (only its types) — so window-policy.test.ts checks it under Node;
// security.ts and main.ts apply it.
import type { WebPreferences } from 'electron';

/** Electron's security checklist for every window (main and print views). */
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

/**
 * A window's webPreferences. In the packaged app DevTools are off: whoever sits at the PC could
 * otherwise call the bridge with any arguments, outside every dialog and check of the UI.
 */
export function windowPreferences(opts: { packaged: boolean; preload: string }): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, devTools: !opts.packaged, preload: opts.preload };
}

/** Requests a window may make: PlanDesk's own app:// files and data: URLs; DevTools' own pages only while developing. */
export function requestAllowed(url: string, packaged: boolean): boolean {
  if (url.startsWith('app://') || url.startsWith('data:')) return true;
  return !packaged && url.startsWith('devtools://');
}

export interface KeyInput {
  type?: string;
  key: string;
  control?: boolean;
  meta?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** Chromium's DevTools keys: F12, Ctrl+Shift+I/J/C (Cmd+Alt+I/J/C on macOS). None is a PlanDesk key. */
export function isDevToolsShortcut(input: KeyInput): boolean {
  if (input.type !== undefined && input.type !== 'keyDown') return false;
  if (input.key === 'F12') return true;
  const k = input.key.toLowerCase();
  if (k !== 'i' && k !== 'j' && k !== 'c') return false;
  return (!!input.control && !!input.shift && !input.alt) || (!!input.meta && !!input.alt);
}

/**
 * Command-line switches that open a debugger on the app (Node's --inspect family, Chromium's remote
 * debugging). The fuses turn off Node's; Chromium's are refused here, in the packaged app.
 */
export function debugSwitches(argv: readonly string[]): string[] {
  // Chromium also reads "-name" and, on Windows, "/name", in any case.
  return argv.filter((a) => /^(--|-|\/)(inspect(-brk|-port|-publish-uid)?|remote-debugging-(port|pipe|address)|remote-allow-origins)(=|$)/i.test(a));
}
