// Bench of the printed execution report (issue 15): a 10.000-line report with its charts to PDF —
// the engine gathers the report, the print view (#/print-report) lays it out in the machine's
// Chromium and prints it in slices joined into one file (what `plandesk report --pdf` and the
// window's Export PDF do), from the open plan to the file written — beside LibreOffice headless
// converting the same report to PDF (our exported workbook of it: the table with its formulas and
// the native charts). Target: not slower than LibreOffice.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { reportInputsOf, writeReportPdf, writeReportXlsx } from '../../electron/engine/execution-report/outputs';
import { findChromium } from '../../electron/engine/chromium';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { generatePlan, prng } from '../support/bench-plan';
import { libreOffice, type Report } from './report';

const LINES = 10_000;

export async function benchExecutionPrint(report: Report, dir: string): Promise<void> {
  const built = path.join(__dirname, '..', 'renderer');
  if (!findChromium() || !fs.existsSync(path.join(built, 'index.html'))) {
    console.log('execution print: n/a (no Chromium, or the renderer is not built)');
    return;
  }
  // A copy of the built view: a build running meanwhile (another shell) cannot pull it away.
  const renderer = path.join(dir, 'renderer-copy');
  fs.cpSync(built, renderer, { recursive: true });
  const file = path.join(dir, `execution-print-${LINES}.plandesk`);
  createCycleFile(file, generatePlan(LINES, 7), { overwrite: true });
  const s = PlanSession.open(file);
  try {
    const dateId = (await s.handle('execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: null, paceMinPercent: 30 })).id;
    // A disbursed figure on every holding line's planned cells: 0–100% of the plan.
    const rnd = prng(11);
    const cells: { dateId: number; lineId: number; column: string; value: number }[] = [];
    for (const l of s.calc.lines.values()) {
      if (!s.executionCalc.holds(l.id)) continue;
      for (const c of s.columns.leaves) {
        const plan = s.calc.value(l.id, c.key);
        if (plan > 0) cells.push({ dateId, lineId: l.id, column: c.key, value: Math.round((plan * rnd()) / 1e6) * 1e6 });
      }
    }
    await s.handle('execution/setFigures', { cells });
    const inputs = reportInputsOf(s);

    const lo = libreOffice();
    let loRun: { seconds: number; cpu: number | null; pages: number } | null = null;
    if (lo) {
      const xlsx = path.join(dir, 'bao-cao-giai-ngan.xlsx');
      await writeReportXlsx(inputs, dateId, xlsx);
      loRun = libreOfficePdf(lo, xlsx, dir);
    }
    const loSeconds = loRun?.seconds ?? null;

    // Not LibreOffice's output name (bao-cao-giai-ngan.pdf): both stay to be looked at.
    const out = path.join(dir, 'plandesk-bao-cao-giai-ngan.pdf');
    const t0 = performance.now();
    const self0 = process.cpuUsage();
    const children = sampleChildrenCpu();
    const { pages } = await writeReportPdf(inputs, dateId, out, renderer);
    const seconds = (performance.now() - t0) / 1000;
    const self = process.cpuUsage(self0);
    const childCpu = children.stop();
    const cpu = childCpu === null ? null : (self.user + self.system) / 1e6 + childCpu;
    report({
      case: `execution: PDF of a ${LINES.toLocaleString('vi-VN')}-line report with charts (${pages} pages), plan → file`,
      value: seconds,
      unit: 's',
      target: loSeconds !== null ? '≤ LibreOffice' : '< 10 s',
      ok: seconds <= (loSeconds ?? 10),
      ...(loSeconds !== null ? { libreoffice: loSeconds } : {}),
    });
    // LibreOffice fits the workbook's 16 columns to the paper's width (a smaller type), so it
    // prints fewer pages than our report at 9 pt (landscape, columns cut to their content): per
    // page says what each costs.
    if (loRun) {
      console.log(`execution print: LibreOffice / PlanDesk = ${(loRun.seconds / seconds).toFixed(2)}; pages ${loRun.pages} / ${pages}; ` +
        `s per page ${(loRun.seconds / loRun.pages).toFixed(3)} / ${(seconds / pages).toFixed(3)}`);
      // The machine is shared: the CPU time each spent (ours: this process and the Chromium it ran).
      if (loRun.cpu !== null && cpu !== null) console.log(`execution print: CPU s LibreOffice ${loRun.cpu.toFixed(1)} / PlanDesk ${cpu.toFixed(1)} (wall ${loRun.seconds.toFixed(1)} / ${seconds.toFixed(1)})`);
    } else console.log(`execution print: LibreOffice n/a (${lo ? 'conversion failed' : 'soffice not installed'})`);
  } finally {
    s.close();
  }
}

/** soffice → PDF of the report workbook (time, pages printed), after a warm-up run that creates its profile. */
function libreOfficePdf(soffice: string, xlsx: string, dir: string): { seconds: number; cpu: number | null; pages: number } | null {
  const profile = path.join(dir, 'lo-profile-execution');
  const run = (input: string) =>
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'ignore', timeout: 600_000 });
  try {
    const warm = path.join(dir, 'warm-execution.csv');
    fs.writeFileSync(warm, 'a,b\n1,2\n');
    run(warm);
    const t0 = performance.now();
    const cpu0 = treeCpuSeconds();
    run(xlsx);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpu0 === null ? null : treeCpuSeconds()! - cpu0;
    return { seconds, cpu, pages: pdfPages(path.join(dir, `${path.basename(xlsx, '.xlsx')}.pdf`)) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds of this process and of its children that have ended (LibreOffice, Chromium and
 * their own children, reaped): /proc/self/stat's utime, stime, cutime, cstime. Null off Linux.
 */
function treeCpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14–17 of stat(5), counted from the state (field 3) here; in clock ticks (100 a second).
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU seconds of the processes below this one (Chromium's browser, zygote, renderers, GPU and
 * utility processes), sampled every 250 ms while they run — a renderer is not reaped by us, so it
 * never shows in our children's times: each process's last reading counts. Null off Linux.
 */
function sampleChildrenCpu(): { stop(): number | null } {
  if (!fs.existsSync('/proc/self/stat')) return { stop: () => null };
  const last = new Map<number, number>();
  const sample = () => {
    const parent = new Map<number, number>();
    const cpu = new Map<number, number>();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        parent.set(Number(d), Number(f[1]));
        cpu.set(Number(d), (Number(f[11]) + Number(f[12])) / 100);
      } catch {
        // ended meanwhile
      }
    }
    for (const [pid, c] of cpu) {
      for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
        if (p === process.pid) {
          last.set(pid, c);
          break;
        }
      }
    }
  };
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      let s = 0;
      for (const c of last.values()) s += c;
      return s;
    },
  };
}

/** Pages of a PDF (pdfinfo, poppler-utils), 0 where it cannot be read. */
function pdfPages(file: string): number {
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
