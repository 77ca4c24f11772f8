// The pure parts of the window model, under Node: which plans a command line asks for (this
// instance's or a second instance's), where a new window goes, and which file an app:// URL names —
// with Windows paths too, as the packaged app runs there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { rendererFile } from './app-protocol';
import { plandeskFiles } from './open-requests';
import { placeWindow, readWindowState, writeWindowState } from './window-state';

// app-protocol.ts wires its handler into Electron; rendererFile itself needs none of it.
vi.mock('electron', () => ({ net: {}, protocol: {} }));

describe('plandeskFiles', () => {
  it("takes the second instance's own argv and folder, skipping the program, switches and other files", () => {
    const data = { argv: ['C:\\PlanDesk\\PlanDesk.exe', '--flag', 'ke-hoach.PLANDESK', 'notes.txt', 'D:\\b.plandesk'], cwd: 'C:\\Users\\an\\Documents' };
    const files = plandeskFiles(data, ['ignored', 'x.plandesk'], '/elsewhere', true);
    expect(files).toEqual([path.resolve('C:\\Users\\an\\Documents', 'ke-hoach.PLANDESK'), path.resolve('C:\\Users\\an\\Documents', 'D:\\b.plandesk')]);
  });

  it("falls back to Electron's argv when the data is missing or not what PlanDesk sends", () => {
    for (const data of [null, undefined, 'x', { argv: 'a.plandesk', cwd: '/' }, { argv: [1], cwd: '/' }, { argv: [] }]) {
      expect(plandeskFiles(data, ['electron', '.', 'a.plandesk', 'a.plandesk'], '/plans', false)).toEqual(['/plans/a.plandesk']);
    }
    // Unpackaged, the second argument is the app's folder (`electron .`), never a plan.
    expect(plandeskFiles(null, ['electron', 'x.plandesk'], '/', false)).toEqual([]);
    expect(plandeskFiles(null, ['PlanDesk', 'x.plandesk'], '/', true)).toEqual(['/x.plandesk']);
  });
});

describe('window placement', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };

  it('opens where the last window was, cascading over an open window at that place', () => {
    const saved = { bounds: { x: 40, y: 30, width: 1200, height: 800 }, maximized: true };
    expect(placeWindow(saved, [screen], [])).toEqual({ bounds: saved.bounds, maximized: true });
    expect(placeWindow(saved, [screen], [{ x: 40, y: 30, width: 1, height: 1 }, { x: 68, y: 58, width: 1, height: 1 }]).bounds).toMatchObject({ x: 96, y: 86 });
  });

  it('comes back on a screen when the saved place is off every screen (a monitor unplugged)', () => {
    const saved = { bounds: { x: 2500, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [screen], []).bounds).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1280, height: 720 }], []).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(placeWindow(null, [], []).bounds).toEqual({ width: 1400, height: 900 });
  });

  it('reads back what it wrote, and nothing from a file that is not a window state', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-ws-'));
    const f = path.join(dir, 'sub', 'window-state.json');
    expect(readWindowState(f)).toBeNull();
    writeWindowState(f, { bounds: { x: -8, y: 0, width: 1000, height: 700 }, maximized: true });
    expect(readWindowState(f)).toEqual({ bounds: { x: -8, y: 0, width: 1000, height: 700 }, maximized: true });
    for (const bad of ['{', '[]', '{"bounds":{"x":"1","y":0,"width":900,"height":700}}', '{"bounds":{"x":0,"y":0,"width":20,"height":10}}', '{"bounds":{"x":1e9,"y":0,"width":900,"height":700}}']) {
      fs.writeFileSync(f, bad);
      expect(readWindowState(f), bad).toBeNull();
    }
    expect(fs.readdirSync(path.dirname(f))).toEqual(['window-state.json']);
  });
});

describe('rendererFile', () => {
  const cases = [
    ['posix', path.posix, '/opt/PlanDesk/resources/app.asar/dist/renderer'],
    ['win32', path.win32, 'C:\\Users\\an\\AppData\\Local\\Programs\\PlanDesk\\resources\\app.asar\\dist\\renderer'],
  ] as const;
  for (const [name, p, root] of cases) {
    it(`names files under the renderer folder only (${name})`, () => {
      expect(rendererFile(root, 'app://plandesk/index.html', p)).toBe(p.join(root, 'index.html'));
      expect(rendererFile(root, 'app://plandesk/', p)).toBe(p.join(root, 'index.html'));
      expect(rendererFile(root, 'app://plandesk/assets/tinos%20x.woff2', p)).toBe(p.join(root, 'assets', 'tinos x.woff2'));
      expect(rendererFile(root, 'app://plandesk/index.html#/print?chunked=1', p)).toBe(p.join(root, 'index.html'));
      for (const bad of [
        'app://plandesk/..%2f..%2f..%2fpackage.json',
        'app://plandesk/..%5c..%5c..%5cpackage.json',
        'app://plandesk/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
        'app://plandesk/%2Fetc%2Fpasswd',
        'app://plandesk//etc/passwd',
        'app://plandesk/C:%5CWindows%5Cwin.ini',
        'app://plandesk/C:/Windows/win.ini',
        'app://plandesk/%5C%5Cserver%5Cshare%5Cx',
        'app://plandesk/index.html%00.js',
        'app://plandesk/%E0%A4%A',
        'app://evil/index.html',
        'file:///etc/passwd',
        'not a url',
      ]) {
        expect(rendererFile(root, bad, p), bad).toBeNull();
      }
    });
  }
});
