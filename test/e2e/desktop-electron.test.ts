// The desktop app itself, where an Electron binary is installed (a developer's own PC): the same
// scenarios electron/main/main.test.ts plays against a stand-in for Electron, run against the real
// binary with Playwright's Electron support — a sandboxed page with no Node, app:// serving only the
// renderer, a second instance's plan opening in a window of its own (and a plan open in a window
// focused, never opened twice), closing one window leaving the other's plan open, Export PDF.
//
// These build machines cannot download the Electron binary, so here the run skips these tests with
// a loud warning (test/support/need-data.ts). It does NOT fail in CI: CI runs on the same machines,
// where the binary can never be present — a CI that failed for it would always be red and hide real
// failures. The stand-in tests (npx vitest run electron/main) are what CI checks of the shell.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { blankCycle } from '../../shared/samples/dak-nong-2024';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { describeWithData, type Need } from '../support/need-data';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');

/** The Electron binary npm installed, as scripts/start.mjs finds it; null when there is none. */
function electronBinary(): string | null {
  try {
    const dir = path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('electron/package.json'));
    const bin = path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const ELECTRON: Need = {
  what: 'the Electron binary (the desktop app itself)',
  check: () => electronBinary() !== null && fs.existsSync(path.join(ROOT, 'dist/electron/main.cjs')),
  howToGet: 'on a PC that can download it, `npm install` (it fetches Electron) and `npm run build`; the shell is checked here by `npx vitest run electron/main` instead',
  neverInCi: 'the build machines CI runs on cannot download an Electron binary; electron/main/main.test.ts checks the shell there',
};

describeWithData(ELECTRON, 'the desktop app (real Electron)', () => {
  let app: ElectronApplication;
  let dir: string;
  let userData: string;
  let a: string;
  let b: string;

  /** PlanDesk started as a person starts it, on its own data folder (not the developer's). */
  const args = (...files: string[]) => [ROOT, `--user-data-dir=${userData}`, '--no-sandbox', ...files];

  beforeAll(async () => {
    dir = tempDir('plandesk-electron-');
    userData = path.join(dir, 'user');
    a = path.join(dir, 'a.plandesk');
    b = path.join(dir, 'b.plandesk');
    for (const f of [a, b]) createCycleFile(f, blankCycle(2025));
    app = await _electron.launch({ executablePath: electronBinary()!, args: args(a), cwd: ROOT });
  });
  afterAll(async () => {
    await app?.close();
  });

  const windowOn = async (file: string): Promise<Page> => {
    const name = path.basename(file);
    await expect.poll(async () => (await Promise.all(app.windows().map((w) => w.title()))).some((t) => t.startsWith(name)), { timeout: 60_000 }).toBe(true);
    for (const w of app.windows()) if ((await w.title()).startsWith(name)) return w;
    throw new Error(`no window on ${name}`);
  };

  it('opens the plan in a sandboxed page without Node, served from app://', async () => {
    const page = await windowOn(a);
    expect(page.url()).toBe('app://plandesk/index.html');
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    const status = (url: string) => page.evaluate((u) => fetch(u).then((r) => r.status, () => 0), url);
    expect(await status('app://plandesk/index.html')).toBe(200);
    expect(await status('app://plandesk/..%2f..%2fpackage.json')).not.toBe(200);
    expect(await status('app://plandesk/%2Fetc%2Fpasswd')).not.toBe(200);
  });

  it("a second PlanDesk started on another plan hands it over: it opens in a window of its own; the first plan's window is focused, not opened twice", async () => {
    const second = spawn(electronBinary()!, args(b), { cwd: ROOT, stdio: 'ignore' });
    await new Promise((r) => second.on('exit', r));
    await windowOn(b);
    const again = spawn(electronBinary()!, args(a), { cwd: ROOT, stdio: 'ignore' });
    await new Promise((r) => again.on('exit', r));
    await new Promise((r) => setTimeout(r, 1000));
    const titles = await Promise.all(app.windows().map((w) => w.title()));
    expect(titles.filter((t) => t.startsWith('a.plandesk'))).toHaveLength(1);
    expect(titles.filter((t) => t.startsWith('b.plandesk'))).toHaveLength(1);
  });

  it('Export PDF writes the PDF of the window that asks', async () => {
    const page = await windowOn(a);
    const pdf = path.join(dir, 'a.pdf');
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, pdf);
    const r = await page.evaluate(() => (window as unknown as { plandesk: { fileAction(a: string): Promise<unknown> } }).plandesk.fileAction('exportPdf'));
    expect(r).toMatchObject({ ok: true, file: { path: pdf } });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it("closing one window leaves the other's plan open; the app ends with the last", async () => {
    const pb = await windowOn(b);
    await pb.close();
    const pa = await windowOn(a);
    expect(await pa.evaluate(() => (window as unknown as { plandesk: { invoke(n: string, a: unknown): Promise<{ ok: boolean }> } }).plandesk.invoke('cycle/snapshot', { firstRows: 1 }))).toMatchObject({ ok: true });
    expect(fs.existsSync(path.join(dir, 'b.plandesk'))).toBe(true);
  });
});
