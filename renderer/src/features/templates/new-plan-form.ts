// The New-plan dialog's state and what it sends, apart from React: which template (following the
// program in force for the year until the person picks one), the year, the blank plan's columns, and
// the paths browser mode asks for. Also what next year's plan offers when the program changes.
import type { TemplateSourceArg } from '../../../../shared/commands/templates';
import {
  builtinTemplate, programTemplateIdForYear, templateFitsYear, TEMPLATE_2021_2025, TEMPLATE_2026_2035, TEMPLATE_BLANK,
  type BuiltinTemplateId, type PlanTemplate,
} from '../../../../shared/templates';

export type TemplateChoice = BuiltinTemplateId | 'file';
export type ProgramColumns = typeof TEMPLATE_2021_2025 | typeof TEMPLATE_2026_2035;

export interface NewPlanForm {
  choice: TemplateChoice;
  /** The person picked the template: a change of year no longer changes it. */
  picked: boolean;
  year: string;
  /** The blank plan's funding columns: those of the 2021–2025 or of the 2026–2035 program. */
  columnsFrom: ProgramColumns;
  /** Browser mode: the template file's path and the new plan's path (Electron asks in dialogs). */
  templatePath: string;
  path: string;
}

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

const programColumnsFor = (year: number): ProgramColumns => (year >= 2026 ? TEMPLATE_2026_2035 : TEMPLATE_2021_2025);

export function initialForm(year: number): NewPlanForm {
  return { choice: programTemplateIdForYear(year), picked: false, year: String(year), columnsFrom: programColumnsFor(year), templatePath: '', path: '' };
}

export function parseYear(text: string): number | null {
  const y = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && y >= YEAR_MIN && y <= YEAR_MAX ? y : null;
}

/** A new year typed: the template and the blank plan's columns follow it until the person picks. */
export function withYear(form: NewPlanForm, text: string): NewPlanForm {
  const year = parseYear(text);
  if (year === null || form.picked) return { ...form, year: text };
  return { ...form, year: text, choice: programTemplateIdForYear(year), columnsFrom: programColumnsFor(year) };
}

export function withChoice(form: NewPlanForm, choice: TemplateChoice): NewPlanForm {
  return { ...form, choice, picked: true };
}

/** The built-in template chosen, as it will be made for the form's year (null for a file). */
export function chosenTemplate(form: NewPlanForm): PlanTemplate | null {
  if (form.choice === 'file') return null;
  return builtinTemplate(form.choice, parseYear(form.year) ?? new Date().getFullYear(), { columnsFrom: form.columnsFrom });
}

/** The chosen template is for other years than the form's (a 2021–2025 structure for 2027). */
export function yearMismatch(form: NewPlanForm): { from: number; to: number; year: number } | null {
  const year = parseYear(form.year);
  const tpl = chosenTemplate(form);
  if (year === null || !tpl?.years || templateFitsYear(tpl, year)) return null;
  return { ...tpl.years, year };
}

export type NewPlanRequest = { template: TemplateSourceArg; year: number; path: string };

/** What 'templates/newPlan' is sent, or null while the form is incomplete. */
export function requestOf(form: NewPlanForm, browser: boolean): NewPlanRequest | null {
  const year = parseYear(form.year);
  if (year === null) return null;
  if (browser && (!form.path.trim() || (form.choice === 'file' && !form.templatePath.trim()))) return null;
  const template: TemplateSourceArg =
    form.choice === 'file'
      ? { kind: 'file', path: browser ? form.templatePath.trim() : '' }
      : { kind: 'builtin', id: form.choice, ...(form.choice === TEMPLATE_BLANK ? { columnsFrom: form.columnsFrom } : {}) };
  return { template, year, path: browser ? form.path.trim() : '' };
}

/**
 * Next year's plan: the template of the program in force in `year` when another program than in
 * this plan's year (a 2024 or 2025 plan → 2026: the merged program); null when the program goes on.
 */
export function nextYearTemplate(currentYear: number, year: number): PlanTemplate | null {
  const id = programTemplateIdForYear(year);
  if (id === TEMPLATE_BLANK || id === programTemplateIdForYear(currentYear)) return null;
  return builtinTemplate(id, year);
}
