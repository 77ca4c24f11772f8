// Bench cases of issue 4's engine: export of 100.000 lines, import of 1.000 and 100.000 lines, with
// peak memory, and LibreOffice headless doing the same work for the ratio (where installed).
import { benchExcel } from '../../electron/engine/excel';
import type { Report } from './report';

export async function benchExcelCases(report: Report, dir: string): Promise<void> {
  for (const r of await benchExcel({ dir, libreoffice: true })) {
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
