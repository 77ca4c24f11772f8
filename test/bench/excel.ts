// Bench cases of issue 4's engine: export of 100.000 lines, import of 1.000 and 100.000 lines, with
// peak memory, and LibreOffice headless doing the same work for the ratio (where installed).
import { execFile } from 'node:child_process';
import { benchExcel, measureImport, type ImportMeasure } from './excel-bench';
import type { Report } from './report';

/** The argument that makes this bench bundle one import's fresh process (see bench.ts). */
export const IMPORT_CHILD_FLAG = '--excel-import-child';

/** In the fresh process: import the file, print the measure as one JSON line. */
export async function importChild(file: string): Promise<void> {
  process.stdout.write(`${JSON.stringify(await measureImport(file))}\n`);
}

/** Import `file` in a fresh Node process running this bundle: its peak RSS is the import's own. */
function inFreshProcess(file: string): Promise<ImportMeasure> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [process.argv[1], IMPORT_CHILD_FLAG, file], { maxBuffer: 1 << 20, timeout: 300_000 }, (err, stdout) => {
      if (err) return reject(err);
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as ImportMeasure);
      } catch (e) {
        reject(e);
      }
    });
  });
}

export async function benchExcelCases(report: Report, dir: string): Promise<void> {
  for (const r of await benchExcel({ dir, libreoffice: true, importIn: inFreshProcess })) {
    const lo = r.libreofficeMs;
    if (r.name.startsWith('export')) {
      report({
        case: `excel: export ${r.lines.toLocaleString('vi-VN')} lines (peak ${Math.round(r.peakRssMB)} MB)`,
        value: r.ms, unit: 'ms', target: '< LibreOffice', ok: lo === undefined ? undefined : r.ms < lo, libreoffice: lo,
      });
    } else if (r.lines >= 100_000) {
      report({
        case: `excel: import ${r.lines.toLocaleString('vi-VN')} lines (peak ${Math.round(r.peakRssMB)} MB, target < 500 MB)`,
        value: r.ms, unit: 'ms', target: '≤ ½ LibreOffice', ok: lo === undefined ? undefined : r.ms <= lo / 2 && r.peakRssMB < 500, libreoffice: lo,
      });
    } else {
      report({ case: `excel: import ${r.lines.toLocaleString('vi-VN')} lines`, value: r.ms, unit: 'ms', target: '< 500 ms', ok: r.ms < 500, libreoffice: lo });
    }
  }
}
