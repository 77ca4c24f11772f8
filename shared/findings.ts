// The shape of a finding: what a rule reports about the plan, pointing at one cell (or one line).
// Rules (shared/rules) produce them; the grid flags cells, the panel lists them, the CLI prints them.
import type { Dong } from './model';

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'sum_mismatch'
  | 'counterpart_min'
  | 'counterpart_level_unset'
  | 'capital_eligibility'
  | 'negative_amount'
  | 'not_allocated'
  | 'required_field'
  | 'duplicate_code'
  | 'unit_overallocated'
  | 'unit_unallocated'
  // Execution reports (issue 15, shared/execution/rules.ts).
  | 'disbursement_over_plan'
  | 'disbursement_decreasing'
  | 'disbursement_below_pace'
  | 'report_overdue'
  | 'carryover_unspent';

export interface Finding {
  /** Stable id (rule + line + column): lets the UI keep selection across updates. */
  id: string;
  rule: RuleId;
  severity: Severity;
  /** Line code as written (the CLI's contract), and the line id (for navigation). */
  line: string;
  lineId: number | null;
  column: string | null;
  expected: Dong | null;
  actual: Dong | null;
  /** Message in the cycle's language (Vietnamese by default). */
  message: string;
  /** Dictionary key and parameters, so a UI in another language can render the same finding. */
  msg: { key: string; params: Record<string, string | number> };
  /** The as-of date an execution finding is about (issue 15), absent for the plan's own rules. */
  asOf?: string;
}

/** How the findings changed after a command: the whole list (`reset`) or only what moved. */
export interface FindingsDelta {
  reset?: Finding[];
  upsert: Finding[];
  remove: string[];
}
