// Rule 6 on a line's text fields: required_field (blank code or name) and duplicate_code (the same
// code twice among siblings). Sibling codes are counted once per build (SiblingCodes) so checking a
// line stays O(1) however many siblings it has.
import type { PlanCalc } from '../calc';
import type { Finding } from '../findings';
import { codeKey, quoteName, type RuleContext } from './context';
import type { LinePlace } from './context';

/**
 * How many lines under each parent carry each (compared) code. A group is counted the first time
 * it is asked about, from the lines as they are then; add/remove keep counted groups current.
 */
export class SiblingCodes {
  private readonly groups = new Map<number | null, Map<string, number>>();

  constructor(private readonly calc: PlanCalc) {}

  count(parent: number | null, key: string): number {
    let m = this.groups.get(parent);
    if (!m) {
      const kids = this.calc.children(parent);
      if (kids.length === 1) return key ? 1 : 0; // an only child: no map needed
      m = new Map();
      for (const id of kids) {
        const k = codeKey(this.calc.lines.get(id)!.code);
        if (k) m.set(k, (m.get(k) ?? 0) + 1);
      }
      this.groups.set(parent, m);
    }
    return m.get(key) ?? 0;
  }

  /** A line of a group took this code (groups not counted yet will see it when counted). */
  add(parent: number | null, key: string): void {
    const m = this.groups.get(parent);
    if (m && key) m.set(key, (m.get(key) ?? 0) + 1);
  }

  remove(parent: number | null, key: string): void {
    const m = this.groups.get(parent);
    if (!m || !key) return;
    const n = (m.get(key) ?? 0) - 1;
    if (n > 0) m.set(key, n);
    else m.delete(key);
  }
}

/** The rules fieldFindings applies: they read a line's text fields and its siblings', never figures or columns. */
export const FIELD_RULES: ReadonlySet<string> = new Set(['required_field', 'duplicate_code']);

export function fieldFindings(ctx: RuleContext, place: LinePlace, codes: SiblingCodes, out: Finding[]): void {
  const { id, line } = place;
  const code = line.code.trim();
  if (!code) {
    out.push(ctx.finding('required_field', 'warning', `required_field:${id}:code`, id, null, null, null,
      'rules.required_field.code', { line: ctx.lineRef(id) }));
  }
  const name = line.name.trim();
  if (!name) {
    out.push(ctx.finding('required_field', 'warning', `required_field:${id}:name`, id, null, null, null,
      'rules.required_field.name', { line: ctx.lineRef(id) }));
  }
  const key = code ? codeKey(code) : '';
  const count = key ? codes.count(place.parent, key) : 0;
  if (count > 1) {
    // The code alone does not tell the duplicates apart: name the line too.
    const ref = name ? `${code} ${quoteName(name)}` : code;
    out.push(ctx.finding('duplicate_code', 'warning', `duplicate_code:${id}`, id, null, null, null, 'rules.duplicate_code', {
      line: ref, code, count,
    }));
  }
}
