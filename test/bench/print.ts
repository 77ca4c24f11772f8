// Bench of printed annexes (issue 5): a 10.000-line annex to PDF through the print view in Chromium,
// in slices joined into one file as Electron's Export PDF does it (from opening the view to the
// file written), beside LibreOffice headless converting the same table — an xlsx with borders,
// bold parents and A4 landscape page setup — to PDF; and Chromium's memory meanwhile (PSS of all
// its processes).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { PlanSession } from '../../electron/engine/session';
import { buildAnnex } from '../../shared/print/annex';
import { DEFAULT_PRINT_SETTINGS } from '../../shared/print/settings';
import { generatePlan } from '../support/bench-plan';
import { CHROMIUM } from '../e2e/support/browser';
import { printChunked } from '../e2e/support/print-pdf';
import { startServer } from '../e2e/support/server';
import { libreOffice, MB, type Report } from './report';

const LINES = 10_000;

export async function benchPrint(report: Report, dir: string): Promise<void> {
  const file = path.join(dir, `print-${LINES}.plandesk`);
  createCycleFile(file, generatePlan(LINES, 7));
  const lo = libreOffice();
  const loSeconds = lo ? await libreOfficePdf(lo, file, dir) : null;

  const server = await startServer(file);
  // A tag on the command line finds the browser's process, and so all of its children.
  const tag = `--plandesk-bench-print=${process.pid}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', tag] });
  try {
    const page = await browser.newPage();
    // What Chromium takes before any annex: the floor under the figures below.
    const idle = sampleMemory(tag).stop();
    report({ case: 'print: Chromium idle with one blank page (PSS, all processes)', value: idle.total / MB, unit: 'MB' });
    const memory = sampleMemory(tag);
    const out = path.join(dir, 'annex.pdf');
    const t0 = performance.now();
    // As Electron's Export PDF does it: a slice of pages at a time, joined into one file.
    const { pdf, pages } = await printChunked(page, server.url);
    fs.writeFileSync(out, pdf);
    const seconds = (performance.now() - t0) / 1000;
    const peak = memory.stop();
    const target = loSeconds !== null ? `< LibreOffice` : '< 5 s';
    report({
      case: `print: PDF of a ${LINES.toLocaleString('vi-VN')}-line annex (${pages} pages), view → file`,
      value: seconds,
      unit: 's',
      target,
      ok: seconds < (loSeconds ?? 5),
      ...(loSeconds !== null ? { libreoffice: loSeconds } : {}),
    });
    if (loSeconds === null) console.log(`print: LibreOffice n/a (${lo ? 'conversion failed' : 'soffice not installed'})`);
    report({ case: 'print: Chromium memory while printing it (peak PSS, all processes)', value: peak.total / MB, unit: 'MB', target: '< 600 MB', ok: peak.total < 600 * MB });
    report({ case: 'print: … of which the print view\'s renderer (peak PSS)', value: peak.renderer / MB, unit: 'MB' });
    await page.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The same annex as an xlsx (header, bold parents, A4 landscape, fit to width), then soffice → PDF. */
async function libreOfficePdf(soffice: string, file: string, dir: string): Promise<number | null> {
  const session = PlanSession.open(file, { readOnly: true });
  const snap = session.snapshot();
  session.close();
  const annex = buildAnnex(snap, DEFAULT_PRINT_SETTINGS);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phu luc I', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow([annex.annexLabel]);
  ws.addRow([annex.title]);
  ws.addRow([annex.attached]);
  ws.addRow([annex.unitLabel]);
  for (const cells of annex.header) ws.addRow(cells.map((c) => c.label));
  ws.addRow(annex.numbers);
  const headerEnd = 4 + annex.header.length + 1;
  ws.pageSetup.printTitlesRow = `5:${headerEnd}`;
  const border = { style: 'thin' } as const;
  for (const r of annex.rows) {
    const row = ws.addRow(r.cells.map((text, i) => (annex.columns[i].kind === 'amount' && text ? Number(text.replace(/\./g, '').replace(',', '.')) : text)));
    row.font = { name: 'Times New Roman', size: 11, bold: r.bold };
    row.eachCell((c) => (c.border = { top: border, left: border, bottom: border, right: border }));
  }
  const xlsx = path.join(dir, 'annex.xlsx');
  await wb.xlsx.writeFile(xlsx);
  const profile = path.join(dir, 'lo-profile');
  const run = (input: string) =>
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'ignore', timeout: 600_000 });
  try {
    // A first run creates LibreOffice's profile: not part of the comparison.
    const warm = path.join(dir, 'warm.csv');
    fs.writeFileSync(warm, 'a,b\n1,2\n');
    run(warm);
    const t0 = performance.now();
    run(xlsx);
    return (performance.now() - t0) / 1000;
  } catch {
    return null;
  }
}

/**
 * Peaks, sampled every 100 ms until stop(): the summed PSS of a browser's process tree, and the
 * largest renderer's (the print view's page).
 */
function sampleMemory(tag: string): { stop: () => { total: number; renderer: number } } {
  const root = processes().find((p) => p.cmdline.includes(tag) && !p.cmdline.includes('--type='))?.pid;
  const peak = { total: 0, renderer: 0 };
  const sample = () => {
    if (!root) return;
    const all = processes();
    let sum = 0;
    for (const pid of processTree(root, all)) {
      const pss = pssBytes(pid);
      sum += pss;
      if (all.find((p) => p.pid === pid)?.cmdline.includes('--type=renderer')) peak.renderer = Math.max(peak.renderer, pss);
    }
    peak.total = Math.max(peak.total, sum);
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

function processes(): { pid: number; ppid: number; cmdline: string }[] {
  const out: { pid: number; ppid: number; cmdline: string }[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, cmdline: fs.readFileSync(`/proc/${name}/cmdline`, 'utf8') });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function processTree(root: number, all = processes()): number[] {
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const p of all) if (p.ppid === tree[i]) tree.push(p.pid);
  return tree;
}

function pssBytes(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
