// Template files on disk (`*.pdtemplate`): reading one someone gives us (size checked before a byte
// is read, then shared/templates/format.ts's checks) and writing a plan's structure to one — the
// one write check first (never onto a plan, its side files, a lock or a backup), then written
// under a temporary name and renamed into place, so a failed save leaves no half-written file.
import fs from 'node:fs';
import path from 'node:path';
import { checkTemplate, parseTemplateFile, serializeTemplate, TEMPLATE_LIMITS, type PlanTemplate, type TemplateRefusal } from '../../../shared/templates';
import { PlanDeskError } from '../errors';
import { checkWriteTarget } from '../safety/write-target';
import { writeAtomicSync } from '../store/atomic-write';

/** A refusal of shared/templates as the engine's error (the message keys are the dictionary's). */
function refusal(m: TemplateRefusal): PlanDeskError {
  return PlanDeskError.received(m.key, (m.params ?? {}) as Record<string, string | number>);
}

/** Read and check a template file. Throws PlanDeskError: not found, too big, not a template, invalid. */
export function readTemplateFile(file: string): PlanTemplate {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new PlanDeskError('error.not_found', { file: name });
  }
  if (!stat.isFile()) throw new PlanDeskError('template.error.not_template', { file: name });
  if (stat.size > TEMPLATE_LIMITS.bytes) throw new PlanDeskError('template.error.too_big', { file: name, max: TEMPLATE_LIMITS.bytes / 1024 / 1024 });
  const bytes = fs.readFileSync(file);
  // A file that grew between the stat and the read is held to the same limit.
  if (bytes.length > TEMPLATE_LIMITS.bytes) throw new PlanDeskError('template.error.too_big', { file: name, max: TEMPLATE_LIMITS.bytes / 1024 / 1024 });
  const r = parseTemplateFile(bytes.toString('utf8'), name);
  if (!r.ok) throw refusal(r.error);
  return r.template;
}

/** Write `template` to `file` (replacing a template file there; never a plan or a plan's companion). */
export function writeTemplateFile(file: string, template: PlanTemplate): string {
  const name = path.basename(file);
  const problem = checkTemplate(template, name);
  if (problem) throw refusal(problem);
  const target = checkWriteTarget(file, 'document');
  const text = serializeTemplate(template);
  writeAtomicSync(target, (tmp) => fs.writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx' }), { durable: true });
  return target;
}
