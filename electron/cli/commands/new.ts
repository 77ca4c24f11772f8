// `plandesk new FILE [--template ID|PATH] [--year N] [--sample] [--force] [--json]` creates a plan
// file: the built-in sample, or a plan from a program template — without --template, the program in
// force in that year (2026 and later the merged 2026–2035 program, never the 2021–2025 one).
// `plandesk new --list-templates [--json]` lists the built-in templates (id, name, years).
import fs from 'node:fs';
import { t, type Lang } from '../../../shared/i18n';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import {
  builtinTemplates, isBuiltinTemplateId, programTemplateIdForYear, summaryOf, templateFitsYear, TEMPLATE_EXTENSION, type PlanTemplate,
} from '../../../shared/templates';
import { createCycleFile } from '../../engine/store/cycle-file';
import { loadTemplate, writePlanFromTemplate, type TemplateSource } from '../../engine/templates/new-plan';
import { readArgs } from '../args';
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { reportError } from './report-error';

/** Years a plan can be made for (a typo such as 20255 is refused, not made into a plan). */
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

const FLAGS = {
  sample: { type: 'boolean' }, year: { type: 'string' }, force: { type: 'boolean' }, template: { type: 'string' },
  'list-templates': { type: 'boolean' }, json: { type: 'boolean' },
} as const;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const lang = langOf(io);
  let positionals: string[];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ positionals, values } = readArgs(argv, FLAGS, lang));
  } catch (e) {
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  const year = values.year === undefined ? new Date().getFullYear() : Number(values.year);
  if (values.year !== undefined && !(/^\d{4}$/.test(String(values.year)) && year >= YEAR_MIN && year <= YEAR_MAX)) {
    io.stderr(t(lang, 'cli.error.bad_year', { value: String(values.year), min: YEAR_MIN, max: YEAR_MAX }));
    return EXIT.usage;
  }
  if (values['list-templates'] && positionals.length === 0) return listTemplates(io, year, !!values.json);
  if (positionals.length !== 1 || values['list-templates']) {
    io.stderr(t(lang, 'cli.usage.new'));
    return EXIT.usage;
  }
  const spec = typeof values.template === 'string' ? values.template : undefined;
  if (values.sample && spec !== undefined) {
    io.stderr(t(lang, 'cli.error.sample_template'));
    return EXIT.usage;
  }
  const source = spec === undefined ? null : templateSource(spec);
  if (source === 'unknown') {
    io.stderr(t(lang, 'template.error.unknown', { id: String(spec), ids: builtinTemplates(year).map((x) => x.id).join(', ') }));
    return EXIT.usage;
  }
  const file = positionals[0];
  const bad = checkPaths(io, source?.kind === 'file' ? [source.path] : [], [file]);
  if (bad !== null) return bad;
  let template: PlanTemplate | null = null;
  let created: { year: number; program: string };
  try {
    if (values.sample) created = createSample(file, !!values.force);
    else {
      template = loadTemplate(source ?? { kind: 'builtin', id: programTemplateIdForYear(year) }, year);
      created = writePlanFromTemplate(file, template, { year, overwrite: !!values.force }).meta;
    }
  } catch (e) {
    return reportError(e, io);
  }
  if (values.json) {
    const from = source?.kind === 'file' ? source.path : (template?.id ?? null);
    io.stdout(JSON.stringify({ file, year: created.year, program: created.program, template: from, note: template?.note ?? null }, null, 2));
    return EXIT.ok;
  }
  io.stdout(t(lang, 'cli.created', { file }));
  if (template) {
    io.stdout(t(lang, 'cli.templates.from', { name: template.name[lang] }));
    if (template.years && !templateFitsYear(template, year)) io.stdout(t(lang, 'templates.new.outOfYears', { from: template.years.from, to: template.years.to, year }));
    if (template.note) io.stdout(t(lang, 'cli.templates.note', { note: template.note[lang] }));
  }
  return EXIT.ok;
}

function createSample(file: string, overwrite: boolean): { year: number; program: string } {
  const data = sampleCycle();
  createCycleFile(file, data, { overwrite });
  return data.meta;
}

/**
 * --template's value: a built-in id, or a template file (a path: it names an existing file, has a
 * folder in it, or ends in .pdtemplate). Anything else is an unknown id (bad arguments).
 */
function templateSource(spec: string): TemplateSource | 'unknown' {
  if (isBuiltinTemplateId(spec)) return { kind: 'builtin', id: spec };
  if (fs.existsSync(spec) || /[\\/]/.test(spec) || spec.toLowerCase().endsWith(`.${TEMPLATE_EXTENSION}`)) return { kind: 'file', path: spec };
  return 'unknown';
}

function listTemplates(io: CliIO, year: number, json: boolean): number {
  const list = builtinTemplates(year);
  if (json) {
    io.stdout(JSON.stringify(list.map((x) => ({ ...summaryOf(x), inForce: x.id === programTemplateIdForYear(year) })), null, 2));
    return EXIT.ok;
  }
  const lang: Lang = langOf(io);
  io.stdout(t(lang, 'cli.templates.header'));
  for (const x of list) {
    const years = x.years ? `${x.years.from}–${x.years.to}` : t(lang, 'cli.templates.anyYear');
    io.stdout(`  ${x.id.padEnd(22)} ${years.padEnd(10)} ${x.name[lang]}`);
  }
  return EXIT.ok;
}
