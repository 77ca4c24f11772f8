// Commands of the program templates (issue 13): a new plan from a template (File → New plan), next
// year's plan under another program's template (File → New cycle from this plan), and the open
// plan's structure saved as a template file. Argument schemas, result types, and the file paths
// Electron's main process picks in its own dialogs.
import { z } from 'zod';
import type { FileInfo } from '../protocol';
import type { TemplateSummary } from '../templates/template';
import type { HostPathArg, HostPathSlot } from './history';

const filePath = z.string().max(4096);
const year = z.number().int().min(1900).max(2200);

/** A built-in template by id (the blank plan may take another program's columns), or a template file. */
const templateSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('builtin'), id: z.string().regex(/^[a-z0-9-]{1,64}$/), columnsFrom: z.string().regex(/^[a-z0-9-]{1,64}$/).optional() }).strict(),
  z.object({ kind: z.literal('file'), path: filePath }).strict(),
]);
export type TemplateSourceArg = z.infer<typeof templateSource>;

export const templatesArgs = {
  /** Create a plan from a template and open it (in Electron, main picks `path`, and a template file's path). */
  'templates/newPlan': z.object({ template: templateSource, year, path: filePath }).strict(),
  /**
   * Next year's plan under a template (the program changed): the template's lines, columns and rules;
   * this plan's document details, signature and settings; no figures. Opens it.
   */
  'templates/nextYear': z.object({ template: templateSource, year, path: filePath, docNumber: z.string().max(100).optional() }).strict(),
  /** Write the open plan's structure (lines without figures, columns, rules, unit) to a template file. */
  'templates/save': z.object({ name: z.string().trim().min(1).max(200), path: filePath }).strict(),
} as const;

export interface TemplatesResults {
  'templates/newPlan': { file: FileInfo; template: TemplateSummary };
  'templates/nextYear': { file: FileInfo; template: TemplateSummary };
  'templates/save': { path: string; lines: number };
}

const slot = (name: string, dialog: HostPathSlot['dialog'], filter: HostPathSlot['filter'], current: unknown): HostPathSlot => ({
  slot: name, dialog, filter, current: typeof current === 'string' ? current : '',
});

/** A template file to read (when the source is a file), then the new plan's path. */
const newPlanSlots = (a: Record<string, unknown>): HostPathSlot[] => {
  const src = a.template as { kind?: string; path?: unknown } | undefined;
  return [...(src?.kind === 'file' ? [slot('template', 'open', 'template', src.path)] : []), slot('path', 'save', 'plandesk', a.path)];
};
const fillNewPlan = (a: Record<string, unknown>, name: string, chosen: string) =>
  name === 'template' ? { ...a, template: { kind: 'file', path: chosen } } : { ...a, path: chosen };

export const templatesPathArgs: Record<string, HostPathArg> = {
  'templates/newPlan': { slots: newPlanSlots, fill: fillNewPlan },
  'templates/nextYear': { slots: newPlanSlots, fill: fillNewPlan },
  'templates/save': { slots: (a) => [slot('path', 'save', 'template', a.path)], fill: (a, _s, chosen) => ({ ...a, path: chosen }) },
};
