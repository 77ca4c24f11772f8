// A program template: the structure a new plan starts from — the program's name, the years it applies
// to, its line tree (codes, names, capital types; no agencies, no figures), its funding-column tree,
// its rule parameters and the annex's unit. Built-in templates (builtin.ts) and user template files
// (format.ts) share this one shape; cycle.ts turns a template into a plan and a plan back into one.
import { ColumnTree } from '../columns';
import type { CapitalType, DisplayUnit, FundingColumn, RuleParams } from '../model';

/** One line of a template, in display order (depth-first): its parent is an EARLIER line's index. */
export interface TemplateLine {
  /** Index of the parent line in `lines` (always smaller than this line's own index), or null at the top. */
  parent: number | null;
  code: string;
  name: string;
  /** Capital types the line may take; null = any (rule 3). */
  allowedCapital: CapitalType[] | null;
  isAdjustment: boolean;
}

export interface Bilingual {
  vi: string;
  en: string;
}

export interface PlanTemplate {
  /** A built-in template's stable id (`mtqg-2026-2035`…); a template read from a file has id 'file'. */
  id: string;
  name: Bilingual;
  /** The program's name, as the plan and its annex carry it ('' for a blank plan). */
  program: string;
  /** The years the program runs (inclusive); null: any year. */
  years: { from: number; to: number } | null;
  /** What the person must know before using it (e.g. a component list still to be checked). */
  note: Bilingual | null;
  /** The annex's unit (đơn vị tính). */
  unit: DisplayUnit;
  columns: FundingColumn[];
  lines: TemplateLine[];
  rules: RuleParams;
}

/** A template's line in a list for choosing (dialog, `plandesk new --list-templates`). */
export interface TemplateSummary {
  id: string;
  name: Bilingual;
  program: string;
  years: { from: number; to: number } | null;
  note: Bilingual | null;
  lineCount: number;
  /** Column labels (vi) in display order, for a short description. */
  columns: string[];
}

export function summaryOf(t: PlanTemplate): TemplateSummary {
  return {
    id: t.id, name: t.name, program: t.program, years: t.years, note: t.note, lineCount: t.lines.length,
    columns: new ColumnTree(t.columns).ordered.map((c) => c.label.vi),
  };
}
