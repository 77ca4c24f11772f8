// Handlers of the program templates' commands: a new plan from a template, next year's plan under
// another program's template, the open plan's structure saved as a template file. File work is
// electron/engine/templates/ (the one write check, atomic writes); opening the new plan is the
// Workspace's (history/host.ts).
import type { TemplatesResults } from '../../../shared/commands/templates';
import type { CycleMeta } from '../../../shared/model';
import type { SettingKey } from '../../../shared/settings';
import { summaryOf, templateFromCycle } from '../../../shared/templates';
import type { HandlerMap } from '../context';
import { PlanDeskError } from '../errors';
import { hostOf } from '../history/host';
import { loadTemplate, writePlanFromTemplate } from '../templates/new-plan';
import { writeTemplateFile } from '../templates/template-file';

/**
 * The settings next year's plan keeps under a new structure: layouts, import mappings, backups,
 * numbering. Not 'findings' (its marks name this plan's lines, which the new structure does not have).
 */
const CARRIED_SETTINGS: SettingKey[] = ['print', 'importTemplates', 'export', 'backup', 'editing'];

function needPath(p: string, slot: string): void {
  if (!p) throw new PlanDeskError('error.invalid_args', { detail: slot });
}

export const templatesHandlers: HandlerMap<keyof TemplatesResults> = {
  'templates/newPlan': async (a, ctx) => {
    const host = hostOf(ctx);
    needPath(a.path, 'path');
    if (a.template.kind === 'file') needPath(a.template.path, 'template');
    const template = loadTemplate(a.template, a.year);
    // writePlanFile refuses an existing file, the open plan, a plan held elsewhere, side files, backups.
    writePlanFromTemplate(a.path, template, { year: a.year });
    return { file: host.openFile(a.path), template: summaryOf(template) };
  },
  'templates/nextYear': async (a, ctx) => {
    const host = hostOf(ctx);
    needPath(a.path, 'path');
    if (a.template.kind === 'file') needPath(a.template.path, 'template');
    const template = loadTemplate(a.template, a.year);
    const cur = ctx.meta;
    const meta: Partial<CycleMeta> = {
      issuer: cur.issuer, place: cur.place, docKind: cur.docKind, numberLocale: cur.numberLocale, signature: { ...cur.signature },
      ...(cur.annexNumber !== undefined ? { annexNumber: cur.annexNumber } : {}), docNumber: a.docNumber ?? '', docDate: '',
    };
    const settings = Object.fromEntries(CARRIED_SETTINGS.map((k) => [k, ctx.setting(k)]));
    writePlanFromTemplate(a.path, template, { year: a.year, meta, settings });
    return { file: host.openFile(a.path), template: summaryOf(template) };
  },
  'templates/save': async (a, ctx) => {
    needPath(a.path, 'path');
    const name = a.name.trim();
    const template = templateFromCycle(ctx.cycle(), { vi: name, en: name });
    const written = writeTemplateFile(a.path, template);
    return { path: written, lines: template.lines.length };
  },
};
