// The cycle's saved column mappings ("mẫu ánh xạ cột"), kept in its 'importTemplates' setting: read
// (anything malformed is left out, never trusted), saved by name (one undo step), deleted.
import { importTemplate, type ImportTemplate, type MappingSpec } from '../../../shared/commands/transfer';
import type { DocAction } from '../actions';
import type { SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { parseMapping, type ImportMapping } from '../excel';

export const MAX_TEMPLATES = 100;

export function readTemplates(ctx: SessionContext): ImportTemplate[] {
  const raw = ctx.setting<unknown>('importTemplates');
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((t) => {
    const r = importTemplate.safeParse(t);
    return r.success ? [r.data] : [];
  });
}

/** A saved template's mapping, checked by the importer's own rules. */
export function templateMapping(ctx: SessionContext, name: string): ImportMapping {
  const found = readTemplates(ctx).find((t) => t.name === name.trim());
  if (!found) throw new PlanDeskError('transfer.error.no_template', { name });
  return parseMapping(found.mapping, ctx.columns.ordered.map((c) => c.key));
}

/** The action that saves `mapping` as template `name` (replacing one of the same name). */
export function saveTemplateAction(ctx: SessionContext, name: string, mapping: MappingSpec): { action: DocAction; templates: ImportTemplate[] } {
  // The importer's own check: a template it would refuse is refused now, not at the next import.
  parseMapping(mapping, ctx.columns.ordered.map((c) => c.key));
  const old = ctx.setting<unknown>('importTemplates') ?? null;
  const rest = readTemplates(ctx).filter((t) => t.name !== name.trim());
  if (rest.length >= MAX_TEMPLATES) throw new PlanDeskError('transfer.error.too_many_templates', { max: MAX_TEMPLATES });
  const { name: _drop, ...clean } = mapping;
  const templates = [...rest, { name: name.trim(), mapping: clean, savedAt: new Date().toISOString() }].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { action: { t: 'meta', key: 'importTemplates', old, new: templates }, templates };
}

export function deleteTemplateAction(ctx: SessionContext, name: string): { action: DocAction; templates: ImportTemplate[] } {
  const all = readTemplates(ctx);
  const templates = all.filter((t) => t.name !== name.trim());
  if (templates.length === all.length) throw new PlanDeskError('transfer.error.no_template', { name });
  return { action: { t: 'meta', key: 'importTemplates', old: ctx.setting<unknown>('importTemplates') ?? null, new: templates }, templates };
}
