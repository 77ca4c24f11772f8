// A new plan from a program template: the template found (a built-in by id, or a template file),
// turned into a cycle for the chosen year (shared/templates) and written as a new plan file through
// writePlanFile (the one write check, the target's lock while writing, atomic rename), with a
// change-log note saying which template and year it came from.
import type { CycleData, CycleMeta } from '../../../shared/model';
import { stepLabel } from '../../../shared/step-label';
import { BUILTIN_TEMPLATE_IDS, builtinTemplate, cycleFromTemplate, type PlanTemplate } from '../../../shared/templates';
import { PlanDeskError } from '../errors';
import { AuditLog } from '../history/audit-log';
import { writeCycle, writePlanFile } from '../store/cycle-file';
import type { DB } from '../store/db';
import { readTemplateFile } from './template-file';

/** Where a template comes from: a built-in (the blank plan may take another program's columns) or a file. */
export type TemplateSource = { kind: 'builtin'; id: string; columnsFrom?: string } | { kind: 'file'; path: string };

/** The template a source names, for `year` (a built-in blank plan takes the columns of that year's program). */
export function loadTemplate(source: TemplateSource, year: number): PlanTemplate {
  if (source.kind === 'file') return readTemplateFile(source.path);
  const t = builtinTemplate(source.id, year, { columnsFrom: source.columnsFrom });
  if (!t) throw new PlanDeskError('template.error.unknown', { id: source.id, ids: BUILTIN_TEMPLATE_IDS.join(', ') });
  return t;
}

export interface NewPlanOptions {
  year: number;
  /** Replace an existing file (never a plan someone holds: writePlanFile's check). */
  overwrite?: boolean;
  /** Document details carried over (next year's plan keeps the issuer, place, signature…). */
  meta?: Partial<CycleMeta>;
  /** Extra meta rows written with the plan (per-cycle settings carried over). */
  settings?: Record<string, unknown>;
}

/** Write a new plan file at `file` from `template`; returns the cycle written. */
export function writePlanFromTemplate(file: string, template: PlanTemplate, opts: NewPlanOptions): CycleData {
  const data = cycleFromTemplate(template, { year: opts.year, meta: opts.meta });
  const fill = (db: DB) => {
    writeCycle(db, data);
    const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    for (const [k, v] of Object.entries(opts.settings ?? {})) if (v !== undefined && v !== null) setMeta.run(k, JSON.stringify(v));
    new AuditLog(db).note('created', stepLabel('templates.note.created', { template: template.name.vi, year: opts.year }));
  };
  writePlanFile(file, fill, { overwrite: opts.overwrite });
  return data;
}
