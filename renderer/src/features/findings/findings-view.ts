// What the findings panel lists, derived from the store's findings: counts by severity, the
// program-level findings (first), then one group per rule in a fixed order, each group's findings in
// the grid's line order; plus where each finding points (the cell the grid should go to) and how to
// name that cell. Pure: unit-tested without a browser.
import { ColumnTree, shortLabel } from '../../../../shared/columns';
import type { Finding, RuleId, Severity } from '../../../../shared/findings';
import type { Lang, Translate } from '../../../../shared/i18n';
import type { FundingColumn } from '../../../../shared/model';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Group order: what breaks the plan first, what only informs last. */
export const RULE_ORDER: readonly RuleId[] = [
  'sum_mismatch', 'counterpart_min', 'capital_eligibility', 'negative_amount', 'duplicate_code', 'required_field', 'not_allocated',
  'unit_overallocated', 'unit_unallocated',
];

export type Counts = Record<Severity, number>;

export interface FindingGroup {
  rule: RuleId;
  /** The worst severity in the group (the group header's mark). */
  severity: Severity;
  items: Finding[];
}

export interface FindingsView {
  counts: Counts;
  program: Finding[];
  groups: FindingGroup[];
  /** Everything shown, in panel order (for next / previous). */
  flat: Finding[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function countBySeverity(findings: Iterable<Finding>): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/**
 * Build the panel's view. `position` gives a line's place in display order (lines it does not know
 * go last, by id); `shown` filters by severity (counts are always of everything).
 */
export function buildView(
  findings: Iterable<Finding>,
  position: (lineId: number) => number | undefined,
  columnOrder: ReadonlyMap<string, number>,
  shown: Record<Severity, boolean> = { error: true, warning: true, info: true },
): FindingsView {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  const program: Finding[] = [];
  const byRule = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    counts[f.severity]++;
    if (!shown[f.severity]) continue;
    if (f.lineId === null) {
      program.push(f);
      continue;
    }
    let list = byRule.get(f.rule);
    if (!list) byRule.set(f.rule, (list = []));
    list.push(f);
  }
  const at = (f: Finding) => position(f.lineId!) ?? Number.MAX_SAFE_INTEGER;
  const col = (f: Finding) => (f.column === null ? -1 : (columnOrder.get(f.column) ?? Number.MAX_SAFE_INTEGER));
  const groups: FindingGroup[] = [];
  const rules = [...byRule.keys()].sort((a, b) => rank(a) - rank(b));
  for (const rule of rules) {
    const items = byRule.get(rule)!;
    items.sort((a, b) => at(a) - at(b) || a.lineId! - b.lineId! || col(a) - col(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let severity: Severity = 'info';
    for (const f of items) if (RANK[f.severity] < RANK[severity]) severity = f.severity;
    groups.push({ rule, severity, items });
  }
  program.sort((a, b) => RANK[a.severity] - RANK[b.severity] || rank(a.rule) - rank(b.rule));
  return { counts, program, groups, flat: [...program, ...groups.flatMap((g) => g.items)] };
}

/**
 * Whether two views list the very same findings (the same objects: the store replaces a finding only
 * when it changed) in the same groups — most edits change totals but no finding, and the panel need
 * not re-render for them.
 */
export function sameView(a: FindingsView, b: FindingsView): boolean {
  if (a.flat.length !== b.flat.length || a.groups.length !== b.groups.length || a.program.length !== b.program.length) return false;
  for (const s of SEVERITIES) if (a.counts[s] !== b.counts[s]) return false;
  for (let i = 0; i < a.groups.length; i++) {
    if (a.groups[i].rule !== b.groups[i].rule || a.groups[i].items.length !== b.groups[i].items.length) return false;
  }
  for (let i = 0; i < a.flat.length; i++) if (a.flat[i] !== b.flat[i]) return false;
  return true;
}

function rank(rule: RuleId): number {
  const i = RULE_ORDER.indexOf(rule);
  return i < 0 ? RULE_ORDER.length : i;
}

/** Where a finding points: a cell of a line, or (program-level findings) a cell of the TỔNG CỘNG row. */
export type Target = { kind: 'line'; lineId: number; column: string } | { kind: 'total'; column: string };

export function targetOf(f: Finding, rootColumn: string): Target {
  if (f.lineId === null) return { kind: 'total', column: f.column ?? rootColumn };
  if (f.column !== null) return { kind: 'line', lineId: f.lineId, column: f.column };
  // Line-level findings: the field they are about, or the line's total.
  if (f.rule === 'duplicate_code') return { kind: 'line', lineId: f.lineId, column: 'code' };
  if (f.rule === 'required_field') return { kind: 'line', lineId: f.lineId, column: f.id.endsWith(':name') ? 'name' : 'code' };
  return { kind: 'line', lineId: f.lineId, column: rootColumn };
}

/** Column names as the grid's headers show them, with their group: "Tổng cộng", "NSTW", "NSĐP / ĐTPT". */
export function columnNamer(columns: readonly FundingColumn[], lang: Lang, t: Translate): (key: string) => string {
  const tree = new ColumnTree(columns);
  const short = (k: string) => {
    const c = tree.byKey.get(k);
    return c ? shortLabel(c, lang) : k;
  };
  const text: Record<string, string> = { code: t('grid.code'), name: t('grid.name'), agency: t('grid.agency'), note: t('grid.note') };
  return (key) => {
    if (key in text) return text[key];
    if (!tree.has(key)) return key;
    const path = [...tree.ancestors(key).reverse(), key];
    const named = path.length > 1 ? path.slice(1) : path; // below the root, as the findings name them
    return named.map(short).join(' / ');
  };
}

/** Display order of the funding and text columns (to sort findings of one line). */
export function columnOrder(columns: readonly FundingColumn[]): Map<string, number> {
  const m = new Map<string, number>([['code', 0], ['name', 1], ['agency', 2]]);
  for (const c of new ColumnTree(columns).ordered) m.set(c.key, m.size);
  m.set('note', m.size);
  return m;
}

/**
 * The part of a finding's message after "Rule: line X, column Y — ": where the rule and the place are
 * said already (a panel group, a cell's tooltip), the rest is what is left to say.
 */
export function detailOf(message: string): string {
  const i = message.indexOf(' — ');
  return i < 0 ? message : message.slice(i + 3);
}
