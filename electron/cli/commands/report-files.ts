// The execution report's files from the CLI: `plandesk report PLAN --as-of D --xlsx OUT.xlsx` (the
// report table as the first sheet with live formulas, the charts as native Excel charts) and
// `--pdf OUT.pdf` (the printed report with its charts, through the same print view as the window,
// printed by a Chromium found on the machine — Debian's chromium here, Chrome or Edge on a Windows
// PC; without one the command says so and exits 1). Both go through the one write check and appear
// whole. Registered in report.ts's REPORT_OUTPUTS.
import type { PlanSession } from '../../engine/session';
import { defaultRendererDir, reportInputsOf, writeReportPdf, writeReportXlsx } from '../../engine/execution-report/outputs';
import type { ReportOutput } from './report-output';

export const REPORT_FILE_OUTPUTS: Record<string, ReportOutput> = {
  xlsx: {
    async write(session: PlanSession, dateId: number, out: string) {
      await writeReportXlsx(reportInputsOf(session), dateId, out);
    },
  },
  pdf: {
    async write(session: PlanSession, dateId: number, out: string) {
      await writeReportPdf(reportInputsOf(session), dateId, out, process.env.PLANDESK_RENDERER_DIR || defaultRendererDir());
    },
  },
};
