// Handlers of the execution report's outputs (shared/commands/execution-report.ts): the report of
// one as-of date as an .xlsx or a PDF, from the open plan (execution-report/outputs.ts). Reading
// only: nothing in the plan changes, no undo step.
import path from 'node:path';
import type { HandlerMap } from '../context';
import type { ExecReportResults } from '../../../shared/commands/execution-report';
import { defaultRendererDir, reportDateId, reportInputsOf, unitPoints, writeReportPdf, writeReportXlsx } from '../execution-report/outputs';

export const execReportHandlers: HandlerMap<keyof ExecReportResults> = {
  'execrep/exportXlsx': async (a, ctx) => {
    const id = reportDateId(ctx.executionCalc, { dateId: a.dateId });
    const out = path.resolve(/\.xlsx$/i.test(a.path) ? a.path : `${a.path}.xlsx`);
    await writeReportXlsx(reportInputsOf(ctx), id, out);
    return { path: out, name: path.basename(out) };
  },
  'execrep/exportPdf': async (a, ctx) => {
    const id = reportDateId(ctx.executionCalc, { dateId: a.dateId });
    const out = path.resolve(/\.pdf$/i.test(a.path) ? a.path : `${a.path}.pdf`);
    const { pages } = await writeReportPdf(reportInputsOf(ctx), id, out, process.env.PLANDESK_RENDERER_DIR || defaultRendererDir());
    return { path: out, name: path.basename(out), pages };
  },
  'execrep/units': async (a, ctx) => ({ units: unitPoints(reportInputsOf(ctx), reportDateId(ctx.executionCalc, { dateId: a.dateId })) }),
};
