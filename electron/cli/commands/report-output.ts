// The shape of a further output of `plandesk report` (report.ts lists them; report-files.ts writes
// the xlsx and PDF ones): its own module so neither imports the other for it.
import type { PlanSession } from '../../engine/session';
import type { CliIO } from '../io';

/**
 * A further output of the report, written to the path given with its option (e.g. `xlsx` for
 * `--xlsx OUT.xlsx`). `write` gets the open session (read-only) and the as-of date's id; it throws a
 * PlanDeskError to refuse (one line on stderr, exit 1).
 */
export interface ReportOutput {
  write(session: PlanSession, dateId: number, out: string, io: CliIO): Promise<void>;
}
