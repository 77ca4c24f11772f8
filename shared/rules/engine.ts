// Running the rules: the findings of one line (all rules, fixed order) and of the whole plan from
// scratch. FindingsIndex (findings-index.ts) keeps the same per-line results up to date; both go
// through evaluateLine, so an incremental update cannot drift from a full run.
import type { Finding } from '../findings';
import type { Line } from '../model';
import { allocationFindings, amountFindings } from './amount-rules';
import { denyOf, NO_DENY, RuleContext, type Deny, type LinePlace, type RuleInput } from './context';

export type { LinePlace } from './context';
import { lineCounterpart, programCounterpart } from './counterpart';
import { fieldFindings, SiblingCodes } from './field-rules';
import { unitFindings } from '../units/rules';


/** All findings of one line, appended to `out` in a fixed order: fields, allocation, counterpart, then per column. */
export function evaluateLine(ctx: RuleContext, place: LinePlace, codes: SiblingCodes, out: Finding[]): void {
  fieldFindings(ctx, place, codes, out);
  evaluateFigures(ctx, place, out);
}

/**
 * The findings of one line that read its figures (all but the field rules, which come first in
 * evaluateLine's order): what a change of the column tree can move on a line whose fields did not.
 */
export function evaluateFigures(ctx: RuleContext, place: LinePlace, out: Finding[]): void {
  if (place.isParent) allocationFindings(ctx, place.id, out);
  lineCounterpart(ctx, place.id, place.depth, out);
  amountFindings(ctx, place, out);
  unitFindings(ctx, place.id, out);
}

/** Findings about the program as a whole (not tied to a line). */
export function evaluateProgram(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  programCounterpart(ctx, out);
  return out;
}

/**
 * Visit every line of the tree in display order. Iterative (plans can be deeper than a recursive
 * walk's stack allows), on parallel stacks, with one reused LinePlace: `visit` must not keep it.
 */
export function walkTree(ctx: RuleContext, visit: (place: LinePlace) => void): void {
  const { calc } = ctx;
  const ids: number[] = [];
  const depths: number[] = [];
  const denies: Deny[] = [];
  const parents: (number | null)[] = [];
  const push = (kids: readonly number[], parent: number | null, depth: number, deny: Deny) => {
    for (let i = kids.length - 1; i >= 0; i--) {
      ids.push(kids[i]);
      depths.push(depth);
      denies.push(deny);
      parents.push(parent);
    }
  };
  push(calc.children(null), null, 0, NO_DENY);
  const place: LinePlace = { id: 0, line: null as unknown as Line, parent: null, isParent: false, depth: 0, deny: NO_DENY };
  while (ids.length) {
    const id = ids.pop()!;
    const line = calc.lines.get(id)!;
    const kids = calc.children(id);
    place.id = id;
    place.line = line;
    place.parent = parents.pop()!;
    place.isParent = kids.length > 0;
    place.depth = depths.pop()!;
    place.deny = denyOf(line, denies.pop()!);
    visit(place);
    push(kids, id, place.depth + 1, place.deny);
  }
}

/** The place of one line, found by walking up its ancestors: O(depth). */
export function placeOf(ctx: RuleContext, id: number): LinePlace {
  const { calc } = ctx;
  const chain = calc.ancestors(id).reverse();
  chain.push(id);
  let deny = NO_DENY;
  for (const l of chain) deny = denyOf(calc.lines.get(l)!, deny);
  return { id, line: calc.lines.get(id)!, parent: calc.parentOf(id), isParent: calc.isParent(id), depth: chain.length - 1, deny };
}

/**
 * All findings of the plan, from scratch: program-level ones first, then each line's in display
 * order. Messages are in input.lang (default Vietnamese).
 */
export function runAllRules(input: RuleInput): Finding[] {
  const ctx = new RuleContext(input);
  const codes = new SiblingCodes(ctx.calc);
  const out = evaluateProgram(ctx);
  walkTree(ctx, (place) => evaluateLine(ctx, place, codes, out));
  return out;
}
