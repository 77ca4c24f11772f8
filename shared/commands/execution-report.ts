// Commands of the execution report's outputs (issue 15): the report of one as-of date written as an
// .xlsx (the report table first with live formulas, the charts as native Excel charts) or printed to
// PDF (the print view with its charts: Electron's printer in the app, else a Chromium found on the
// machine). In Electron the file's path comes from main's save dialog (execReportPathArgs); browser
// mode takes a typed path.
import { z } from 'zod';
import type { ChartPoint } from '../print/execution-charts';
import { pathArg, type HostPathArg } from './history';

const filePath = z.string().min(1).max(4096);

export const execReportArgs = {
  'execrep/exportXlsx': z.object({ dateId: z.number().int().positive(), path: filePath }).strict(),
  'execrep/exportPdf': z.object({ dateId: z.number().int().positive(), path: filePath }).strict(),
  /** The units' plan (their shares) and disbursement at a date, for the chart by unit (none: not allocated). */
  'execrep/units': z.object({ dateId: z.number().int().positive() }).strict(),
} as const;

export interface ExecReportResults {
  'execrep/exportXlsx': { path: string; name: string };
  'execrep/exportPdf': { path: string; name: string; pages: number };
  'execrep/units': { units: ChartPoint[] };
}

export const execReportPathArgs: Record<string, HostPathArg> = {
  'execrep/exportXlsx': pathArg('save', 'xlsx'),
  'execrep/exportPdf': pathArg('save', 'pdf'),
};
