// The windows' policy under Node (no Electron binary here): DevTools off in the packaged app, on
// while developing; DevTools' keys and pages refused when packaged; debugger switches found; and
// every window main opens takes its webPreferences from windowPreferences (a source check, as the
// windows themselves cannot be opened here).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { debugSwitches, isDevToolsShortcut, requestAllowed, SECURE_WEB_PREFERENCES, windowPreferences } from './window-policy';

describe('window policy', () => {
  it('turns DevTools off in the packaged app and keeps every secure preference', () => {
    const packaged = windowPreferences({ packaged: true, preload: '/app/preload.cjs' });
    expect(packaged.devTools).toBe(false);
    expect(packaged).toMatchObject({ ...SECURE_WEB_PREFERENCES, preload: '/app/preload.cjs' });
    expect(packaged).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(windowPreferences({ packaged: false, preload: 'p' }).devTools).toBe(true);
  });

  it('lets a packaged window load only its own files, not DevTools pages', () => {
    expect(requestAllowed('app://plandesk/index.html', true)).toBe(true);
    expect(requestAllowed('data:image/png;base64,AA', true)).toBe(true);
    expect(requestAllowed('devtools://devtools/bundled/inspector.html', true)).toBe(false);
    expect(requestAllowed('devtools://devtools/bundled/inspector.html', false)).toBe(true);
    expect(requestAllowed('https://example.com/', false)).toBe(false);
    expect(requestAllowed('file:///etc/passwd', true)).toBe(false);
  });

  it("knows Chromium's DevTools keys and leaves PlanDesk's own alone", () => {
    for (const k of [
      { key: 'F12' },
      { key: 'I', control: true, shift: true },
      { key: 'j', control: true, shift: true },
      { key: 'C', control: true, shift: true },
      { key: 'i', meta: true, alt: true },
    ]) {
      expect(isDevToolsShortcut({ type: 'keyDown', ...k }), JSON.stringify(k)).toBe(true);
    }
    for (const k of [
      { key: 'c', control: true }, // copy
      { key: 'i', control: true }, // (no PlanDesk key, but not DevTools)
      { key: 'S', control: true, shift: true }, // save a copy
      { key: 'F10' },
      { key: 'I', control: true, shift: true, alt: true },
    ]) {
      expect(isDevToolsShortcut({ type: 'keyDown', ...k }), JSON.stringify(k)).toBe(false);
    }
    expect(isDevToolsShortcut({ type: 'keyUp', key: 'F12' })).toBe(false);
  });

  it('finds the switches that would open a debugger, however Chromium would read them', () => {
    expect(
      debugSwitches([
        'PlanDesk.exe',
        '--remote-debugging-port=9222',
        '-remote-debugging-pipe',
        '/REMOTE-DEBUGGING-PORT=1',
        '--inspect',
        '--inspect-brk=0.0.0.0:9229',
        '--remote-allow-origins=*',
        'C:\\Plans\\ke-hoach.plandesk',
        '/home/a/inspect/plan.plandesk',
        '--inspector-notes',
      ]),
    ).toEqual(['--remote-debugging-port=9222', '-remote-debugging-pipe', '/REMOTE-DEBUGGING-PORT=1', '--inspect', '--inspect-brk=0.0.0.0:9229', '--remote-allow-origins=*']);
  });

  it('is what every window main opens uses (no BrowserWindow with hand-written preferences)', () => {
    const dir = __dirname;
    const opened: string[] = [];
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/new BrowserWindow\(\{[\s\S]*?\}\);/g)) {
        opened.push(f);
        expect(m[0], f).toMatch(/webPreferences: windowPreferences\(\{ packaged: app\.isPackaged,/);
      }
    }
    expect(opened.sort()).toEqual(['print.ts', 'windows.ts']);
  });
});
