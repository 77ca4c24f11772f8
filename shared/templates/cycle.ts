// A template becomes a plan (a new cycle: its lines without figures, its columns, its rules, an empty
// document around it), and a plan's structure becomes a template ("save this plan's structure").
import type { CycleData, CycleMeta, Line } from '../model';
import type { PlanTemplate, TemplateLine } from './template';

/** The document around a new plan: blank except what the template says (program, unit) and the year. */
export function blankMeta(program: string, year: number, unit: CycleMeta['unit']): CycleMeta {
  return {
    program, year, issuer: '', place: '', docNumber: '', docDate: '', docKind: 'Kế hoạch', unit, numberLocale: 'vi-VN',
    signature: { onBehalf: '', authority: '', title: '', signer: '', preparedBy: '', recipients: '' },
    annexNumber: 'I',
  };
}

export interface FromTemplateOptions {
  year: number;
  /** Document details to keep from another plan (next year's plan keeps the issuer, signature…). */
  meta?: Partial<CycleMeta>;
}

/** A new cycle from a template: lines numbered 1…n in the template's order, no amounts. */
export function cycleFromTemplate(t: PlanTemplate, opts: FromTemplateOptions): CycleData {
  const siblings = new Map<number | null, number>();
  const lines: Line[] = t.lines.map((l, i) => {
    const position = siblings.get(l.parent) ?? 0;
    siblings.set(l.parent, position + 1);
    return {
      id: i + 1, parentId: l.parent === null ? null : l.parent + 1, position, code: l.code, name: l.name, agency: '', note: '',
      allowedCapital: l.allowedCapital ? [...l.allowedCapital] : null, isAdjustment: l.isAdjustment,
    };
  });
  return {
    meta: { ...blankMeta(t.program, opts.year, t.unit), ...opts.meta, program: t.program, year: opts.year, unit: t.unit },
    columns: t.columns.map((c) => ({ ...c, label: { ...c.label }, ...(c.totalLabel ? { totalLabel: { ...c.totalLabel } } : {}) })),
    lines,
    amounts: [],
    rules: { ...t.rules },
  };
}

/**
 * A plan's structure as a template: its lines in display order (codes, names, capital types — no
 * agencies, notes or figures), its columns, rules and unit. Lines a damaged file leaves unreachable
 * from the top (a parent loop) are not part of any tree and are left out.
 */
export function templateFromCycle(c: Pick<CycleData, 'meta' | 'columns' | 'lines' | 'rules'>, name: PlanTemplate['name'], id = 'file'): PlanTemplate {
  const children = new Map<number | null, Line[]>();
  for (const l of c.lines) {
    const list = children.get(l.parentId) ?? [];
    list.push(l);
    children.set(l.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const lines: TemplateLine[] = [];
  // Iterative depth-first walk: a plan may be 100.000 lines deep in the worst case.
  const stack: { line: Line; parent: number | null }[] = [...(children.get(null) ?? [])].reverse().map((line) => ({ line, parent: null }));
  const seen = new Set<number>();
  while (stack.length) {
    const { line, parent } = stack.pop()!;
    if (seen.has(line.id)) continue;
    seen.add(line.id);
    const index = lines.length;
    lines.push({ parent, code: line.code, name: line.name, allowedCapital: line.allowedCapital ? [...line.allowedCapital] : null, isAdjustment: line.isAdjustment });
    const kids = children.get(line.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ line: kids[i], parent: index });
  }
  return {
    id, name, program: c.meta.program, years: null, note: null, unit: c.meta.unit,
    columns: c.columns.map((col) => ({ ...col })), lines, rules: { ...c.rules },
  };
}
