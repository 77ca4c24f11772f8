// The template file (`*.pdtemplate`): a plan's structure saved to share or reuse — JSON, marked and
// versioned, read only through `parseTemplateFile`, which takes nothing on trust: size, JSON, the
// format marker, the version, every field's type and length (zod), then the two trees (lines: each
// parent an earlier line, depth bounded; columns: unique keys, known parents, no loop). Anything
// else is refused with a message naming the file and where it is wrong — never half read.
import { z } from 'zod';
import type { Message } from '../i18n';
import type { PlanTemplate } from './template';

export const TEMPLATE_FORMAT = 'plandesk-template';
export const TEMPLATE_VERSION = 1;
export const TEMPLATE_EXTENSION = 'pdtemplate';

export const TEMPLATE_LIMITS = {
  /** Largest file read (a 200.000-line structure is about 30 MB of JSON). */
  bytes: 48 * 1024 * 1024,
  lines: 200_000,
  columns: 64,
  /** Deepest line level (numbering styles go 12 deep; a 100.000-deep chain is an attack, not a plan). */
  depth: 40,
} as const;

const text = (max: number) => z.string().max(max);
const bilingual = z.object({ vi: text(500), en: text(500) }).strict();
const capital = z.enum(['investment', 'recurrent']);

const columnSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    parent: z.string().max(64).nullable(),
    position: z.number().int().min(0).max(10_000),
    label: bilingual,
    totalLabel: bilingual.optional(),
    source: z.enum(['central', 'local', 'other']).nullable(),
    capital: capital.nullable(),
  })
  .strict();

const lineSchema = z
  .object({
    parent: z.number().int().min(0).max(TEMPLATE_LIMITS.lines).nullable(),
    code: text(50),
    name: text(2000),
    allowedCapital: z.array(capital).max(2).nullable(),
    isAdjustment: z.boolean(),
  })
  .strict();

/** Rule parameters: the known ones, checked; a field a later version adds is dropped, not refused. */
const rulesSchema = z.object({
  counterpartMinPercent: z.number().min(0).max(100).nullable(),
  counterpartBasis: text(300).optional(),
  toleranceDong: z.number().int().min(0).max(1e15).nullable(),
  counterpartPerLine: z.boolean(),
  counterpartTolerancePercent: z.number().min(0).max(100).optional(),
  counterpartLineDepth: z.number().int().min(0).max(20).optional(),
});

const fileSchema = z
  .object({
    format: z.literal(TEMPLATE_FORMAT),
    version: z.literal(TEMPLATE_VERSION),
    name: bilingual,
    program: text(1000),
    years: z.object({ from: z.number().int().min(1900).max(2200), to: z.number().int().min(1900).max(2200) }).strict().nullable(),
    note: bilingual.nullable(),
    unit: z.enum(['dong', 'nghin', 'trieu', 'ty']),
    columns: z.array(columnSchema).min(1).max(TEMPLATE_LIMITS.columns),
    lines: z.array(lineSchema).max(TEMPLATE_LIMITS.lines),
    rules: rulesSchema,
  })
  .strict();

export type TemplateFile = z.infer<typeof fileSchema>;

/** The refusals of a template file (a narrow union: the whole dictionary's is too large to check here). */
export type TemplateRefusal = Message<'template.error.too_big' | 'template.error.not_template' | 'template.error.newer' | 'template.error.invalid'>;

export type TemplateResult = { ok: true; template: PlanTemplate } | { ok: false; error: TemplateRefusal };

/** The file's text for a template (the id stays behind: a file's template is 'file' when read). */
export function serializeTemplate(t: PlanTemplate): string {
  const file: TemplateFile = {
    format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, name: t.name, program: t.program, years: t.years, note: t.note,
    unit: t.unit, columns: t.columns, lines: t.lines, rules: t.rules as TemplateFile['rules'],
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/**
 * Check a template before it is written: what `parseTemplateFile` would refuse is never written
 * (a plan deeper than the limit, too many lines…), so every file we write can be read back.
 */
export function checkTemplate(t: PlanTemplate, file: string): TemplateRefusal | null {
  const r = parseTemplateFile(serializeTemplate(t), file);
  return r.ok ? null : r.error;
}

/** Read a template file's text (`file`: its name, for messages). */
export function parseTemplateFile(source: string, file: string): TemplateResult {
  const fail = (error: TemplateRefusal): TemplateResult => ({ ok: false, error });
  // UTF-16 code units ≥ bytes/3 of UTF-8: a string this long came from a file larger than the limit.
  if (source.length > TEMPLATE_LIMITS.bytes) return fail({ key: 'template.error.too_big', params: { file, max: TEMPLATE_LIMITS.bytes / 1024 / 1024 } });
  let json: unknown;
  try {
    json = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch {
    return fail({ key: 'template.error.not_template', params: { file } });
  }
  const marker = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (!marker || marker.format !== TEMPLATE_FORMAT) return fail({ key: 'template.error.not_template', params: { file } });
  if (typeof marker.version === 'number' && marker.version > TEMPLATE_VERSION) {
    return fail({ key: 'template.error.newer', params: { file, version: marker.version } });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail({ key: 'template.error.invalid', params: { file, where: whereOf(issue?.path ?? []) } });
  }
  const f = parsed.data;
  const bad = lineTreeProblem(f.lines) ?? columnTreeProblem(f.columns);
  if (bad) return fail({ key: 'template.error.invalid', params: { file, where: bad } });
  return {
    ok: true,
    template: {
      id: 'file', name: f.name, program: f.program, years: f.years, note: f.note, unit: f.unit,
      columns: f.columns.map((c) => ({ ...c, ...(c.totalLabel ? { totalLabel: c.totalLabel } : {}) })),
      lines: f.lines,
      rules: f.rules as PlanTemplate['rules'],
    },
  };
}

function whereOf(path: readonly PropertyKey[]): string {
  if (!path.length) return '—';
  return path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Each line's parent must come before it (so the lines form a tree), and no deeper than the limit. */
function lineTreeProblem(lines: TemplateFile['lines']): string | null {
  const depth: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const p = lines[i].parent;
    if (p !== null && p >= i) return `lines[${i + 1}].parent`;
    depth.push(p === null ? 0 : depth[p] + 1);
    if (depth[i] >= TEMPLATE_LIMITS.depth) return `lines[${i + 1}]`;
  }
  return null;
}

/** Unique keys, every parent a column of the file, no loop, at least one top column. */
function columnTreeProblem(columns: TemplateFile['columns']): string | null {
  const byKey = new Map<string, TemplateFile['columns'][number]>();
  for (const [i, c] of columns.entries()) {
    if (byKey.has(c.key) || Object.hasOwn(Object.prototype, c.key)) return `columns[${i + 1}].key`;
    byKey.set(c.key, c);
  }
  if (!columns.some((c) => c.parent === null)) return 'columns';
  for (const [i, c] of columns.entries()) {
    let p = c.parent;
    let steps = 0;
    while (p !== null) {
      const parent = byKey.get(p);
      if (!parent || ++steps > columns.length) return `columns[${i + 1}].parent`;
      p = parent.parent;
    }
  }
  return null;
}
