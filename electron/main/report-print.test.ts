// The execution report's PDF in the desktop app (issue 15), played against main's own code with the
// stand-in for Electron (no Electron binary on these machines): a window's `execrep/exportPdf` asks
// main's save dialog for the file, and Electron prints it — the report's print view in a hidden
// window, its data handed over, printToPDF in the settings' paper — not a Chromium found on the PC.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { createCycleFile } from '../engine/store/cycle-file';
import { describeWithData } from '../../test/support/need-data';
import { StandIn, useStandIn, type FakeBrowserWindow, type FakeWebContents } from './electron-stand-in';
import { handOverScript, REPORT_VIEW_URL } from './report-print';

vi.mock('electron', async () => (await import('./electron-stand-in')).electronModule());

const ROOT = path.resolve(__dirname, '../..');
const PRELOAD = path.join(ROOT, 'dist/electron/preload.cjs');
const BUILT = { what: 'the built app (dist/electron/preload.cjs)', path: PRELOAD, howToGet: 'run `npm run build`' };

let tmp = '';
let e: StandIn;
const savedArgv = process.argv;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-report-print-'));
});

afterEach(() => {
  for (const w of [...(e?.windows ?? [])]) w.destroy();
  process.argv = savedArgv;
});

const call = (w: FakeBrowserWindow, name: string, args: unknown) =>
  e.invoke(w.webContents, 'plandesk:invoke', [name, args]) as Promise<{ ok: boolean; value?: any; error?: any }>;

it('hands the view its data as a script: JSON, then the event the view listens for', () => {
  const data = { source: { title: 'a "quoted" </script> line' } } as never;
  const script = handOverScript(data);
  const seen: unknown[] = [];
  const win = { dispatchEvent: (ev: Event) => seen.push(ev.type) } as Record<string, unknown>;
  // Run as the page would (the view's window as the global).
  expect(new Function('window', 'code', 'return eval(code)')(win, script)).toBe(true);
  expect(win.plandeskReport).toEqual(data);
  expect(seen).toEqual(['plandesk-report']);
});

describeWithData(BUILT, "the report's PDF printed by Electron", () => {
  it('execrep/exportPdf: the file from the save dialog, printed by printToPDF of the report view', async () => {
    const dir = path.join(tmp, 'case-1');
    fs.mkdirSync(dir, { recursive: true });
    const plan = path.join(dir, 'plan.plandesk');
    createCycleFile(plan, sampleCycle());
    e = useStandIn(new StandIn({ userData: path.join(tmp, 'user-1'), appPath: ROOT }));
    process.argv = ['electron', '.', plan];
    vi.resetModules();
    await (await import('./main')).started;
    const [w] = e.windows;
    const date = await call(w, 'execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: null, paceMinPercent: 30 });
    expect(date.ok).toBe(true);

    // The view: laid out once its data has come, in 3 pages (one slice: the stand-in's PDF is kept as printed).
    const scripts: string[] = [];
    let view: FakeWebContents | undefined;
    let handed = false;
    e.page = (code, wc) => {
      view = wc;
      scripts.push(code);
      if (code.includes('plandesk-report')) return (handed = true);
      if (code.includes('printReady')) return handed;
      if (code.includes('pageCount')) return '3';
      return null;
    };
    const pdf = path.join(dir, 'giai-ngan.pdf');
    e.saveAnswers.push(pdf);
    const r = await call(w, 'execrep/exportPdf', { dateId: date.value.id, path: 'suggested.pdf' });
    expect(r).toMatchObject({ ok: true, value: { path: pdf, name: 'giai-ngan.pdf', pages: 3 } });
    // Electron's printer wrote it (the stand-in's PDF), not a browser found on the machine.
    expect(fs.readFileSync(pdf, 'latin1')).toBe('%PDF-1.4\n% stand-in\n%%EOF\n');
    expect(view!.owner.loaded).toEqual([REPORT_VIEW_URL]);
    expect(view!.owner.options.show).toBe(false);
    const handedOver = scripts.find((c) => c.includes('plandesk-report'))!;
    expect(handedOver).toContain('"asOf":"2024-06-30"');
    expect(scripts.filter((c) => c.includes('plandeskPrint.show'))).toEqual(['window.plandeskPrint.show(0, 3)']);
    expect(view!.pdfRequests).toEqual([
      expect.objectContaining({ pageSize: 'A4', landscape: true, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } }),
    ]);
    // The hidden view is gone once the PDF is written.
    expect(e.windows).toEqual([w]);

    // Canceled in the dialog: nothing printed, nothing written.
    const before = scripts.length;
    expect(await call(w, 'execrep/exportPdf', { dateId: date.value.id, path: 'x.pdf' })).toMatchObject({ ok: false, error: { code: 'error.canceled' } });
    expect(scripts.length).toBe(before);
  });
});
