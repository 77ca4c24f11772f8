// The live list of findings, kept per line so that an edit re-runs the rules for only the lines it
// changed (the set PlanCalc.setAmount returns: the line and the ancestors whose values moved) plus
// the program-level checks — O(changed lines), not O(plan). Line field edits (code, name, capital
// types, adjustment flag) go through the same update(): it notices them by comparing each line with
// what it saw last, and widens the update to the siblings (duplicate codes) or the subtree
// (inherited capital restrictions, messages naming the line) that depend on them.
// Structural edits (insert, delete, move): updateStructure() with the lines they touched; changes of
// meta or rule parameters: rebuild().
import type { Finding, FindingsDelta, Severity } from '../findings';
import type { CapitalType, Line } from '../model';
import { codeKey, RuleContext, type RuleInput } from './context';
import { evaluateFigures, evaluateLine, evaluateProgram, placeOf, walkTree, type LinePlace } from './engine';
import { FIELD_RULES, SiblingCodes } from './field-rules';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  total: number;
}

const NONE: readonly Finding[] = [];

const allowedKey = (a: readonly CapitalType[] | null): string => (a === null ? '*' : [...a].sort().join(','));

/** The part of RuleContext.lineRef that depends on the line's own fields (enough to see it change). */
const refOf = (l: Line): string => (l.code.trim() ? `c:${l.code.trim()}` : `n:${l.name.trim()}`);

export class FindingsIndex {
  private input: RuleInput;
  private ctx!: RuleContext;
  private codes!: SiblingCodes;
  /** Findings of each line that has any. */
  private readonly perLine = new Map<number, readonly Finding[]>();
  private program: readonly Finding[] = NONE;
  private readonly byId = new Map<string, Finding>();
  /** Display order of lines at the last rebuild (all() sorts by it). */
  private readonly seq = new Map<number, number>();
  /**
   * Each line as the findings last saw it. Lines are values (PlanCalc.updateLine stores a new
   * object), so a different object means a field edit; comparing the two says which fields moved.
   */
  private seen = new Map<number, Line>();

  private readonly tally: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private cache: Finding[] | null = null;

  constructor(input: RuleInput) {
    this.input = input;
    this.rebuild();
  }

  /**
   * Recompute everything from scratch: after structural edits (PlanCalc.reset), or with new
   * meta, rule parameters or language (`next` replaces those parts of the input).
   */
  rebuild(next: Partial<RuleInput> = {}): void {
    this.input = { ...this.input, ...next };
    this.ctx = new RuleContext(this.input);
    this.codes = new SiblingCodes(this.ctx.calc);
    this.perLine.clear();
    this.byId.clear();
    this.seq.clear();
    this.seen = new Map(this.ctx.calc.lines);
    this.tally.error = this.tally.warning = this.tally.info = 0;
    this.cache = null;
    this.program = this.store(evaluateProgram(this.ctx));
    const scratch: Finding[] = [];
    walkTree(this.ctx, (place) => {
      this.seq.set(place.id, this.seq.size);
      evaluateLine(this.ctx, place, this.codes, scratch);
      if (scratch.length) {
        this.perLine.set(place.id, this.store(scratch.slice()));
        scratch.length = 0;
      }
    });
  }

  /**
   * The calc took a new column tree that moves no finding beyond `lines` (a column subtree added
   * or removed with its figures, where no other column's kind, role or label moves: see
   * engine/column-findings.ts): the rule context, which lists the columns, is made again, and
   * those lines are checked again — with, when the central or local source totals changed, the
   * lines the counterpart rule reads (the program's checks always run again).
   */
  columnsChanged(lines: Iterable<number>): FindingsDelta {
    const roots = this.ctx.sourceRoots;
    this.ctx = new RuleContext(this.input);
    this.cache = null;
    const toEval = new Set(lines);
    const now = this.ctx.sourceRoots;
    if (!sameKeys(roots.central, now.central) || !sameKeys(roots.local, now.local)) this.counterpartLines(toEval);
    // No line's fields moved (a column step holds figures only): no widening to siblings or
    // subtrees, and the field rules' findings stay as they are.
    return this.evaluate(toEval, true);
  }

  /** The lines lineCounterpart checks: those down to counterpartLineDepth (top level = 0). */
  private counterpartLines(into: Set<number>): void {
    const { calc } = this.ctx;
    let level: readonly number[] = calc.children(null);
    for (let depth = 0; depth <= this.ctx.params.counterpartLineDepth && level.length; depth++) {
      const next: number[] = [];
      for (const id of level) {
        into.add(id);
        for (const k of calc.children(id)) next.push(k);
      }
      level = next;
    }
  }

  /**
   * Bring the findings up to date after edits that changed the given lines (amounts or fields).
   * Returns what moved: findings added or changed (`upsert`) and ids of findings gone (`remove`).
   */
  update(changedLineIds: Iterable<number>): FindingsDelta {
    const toEval = new Set<number>();
    for (const id of changedLineIds) {
      if (this.ctx.calc.lines.has(id)) {
        toEval.add(id);
        this.noticeFieldEdits(id, toEval);
      } else {
        this.forget(id, toEval);
      }
    }
    return this.evaluate(toEval);
  }

  /**
   * Re-run the rules for these lines (gone ones lose their findings) and the program's. Each line
   * finds its place by walking up its ancestors; for a large share of the plan (a column such as
   * NSĐP deleted with its figures moves nearly every line) one walk of the tree gives every place.
   */
  private evaluate(toEval: Iterable<number>, figuresOnly = false): FindingsDelta {
    const upsert: Finding[] = [];
    const remove: string[] = [];
    const { calc } = this.ctx;
    const one = (id: number, place: LinePlace | null) => {
      const prev = this.perLine.get(id) ?? NONE;
      const next: Finding[] = [];
      if (place && figuresOnly) {
        // The field rules' findings lead a line's list (evaluateLine's order): kept, the rest run again.
        for (const f of prev) if (FIELD_RULES.has(f.rule)) next.push(f);
        evaluateFigures(this.ctx, place, next);
      } else if (place) evaluateLine(this.ctx, place, this.codes, next);
      this.replace(prev, next, upsert, remove);
      if (next.length) this.perLine.set(id, next);
      else this.perLine.delete(id);
    };
    const ids = toEval instanceof Set ? (toEval as Set<number>) : new Set(toEval);
    if (ids.size > calc.lines.size / 4) {
      walkTree(this.ctx, (place) => {
        if (ids.has(place.id)) one(place.id, place);
      });
      for (const id of ids) if (!calc.lines.has(id)) one(id, null);
    } else {
      for (const id of ids) one(id, calc.lines.has(id) ? placeOf(this.ctx, id) : null);
    }
    const program = evaluateProgram(this.ctx);
    this.replace(this.program, program, upsert, remove);
    this.program = program;
    if (upsert.length || remove.length) this.cache = null;
    return { upsert, remove };
  }

  /**
   * After a structural edit (the calc reset on the new tree): re-run the rules for the lines it
   * touched — `affected`: the lines its actions named, their ancestors and moved subtrees — and
   * the members of the sibling `groups` lines left or joined (duplicate codes; null: the top
   * level), widened to what field changes reach (renumbered codes named in descendants' messages,
   * inherited capital types); drop the lines that are gone; renumber the display order. O(plan)
   * only for the order, not for the rules.
   */
  updateStructure(
    affected: Iterable<number>,
    removed: Iterable<number>,
    groups: Iterable<number | null>,
    /** The new display order when the caller has it (else walked here). */
    order?: readonly number[],
  ): FindingsDelta {
    const { calc } = this.ctx;
    // Group membership changed: count the groups again when next asked.
    this.codes = new SiblingCodes(calc);
    const toEval = new Set<number>();
    for (const id of removed) {
      this.seen.delete(id);
      toEval.add(id);
    }
    // Every member of a group a line left or joined (the top level too): duplicate codes.
    for (const g of groups) for (const k of calc.children(g)) toEval.add(k);
    for (const id of affected) {
      toEval.add(id);
      if (calc.lines.has(id)) this.noticeFieldEdits(id, toEval);
    }
    this.seq.clear();
    for (const id of order ?? [...calc.walk()].map((w) => w.id)) this.seq.set(id, this.seq.size);
    const delta = this.evaluate(toEval);
    this.cache = null; // the order moved, whatever the findings did
    return delta;
  }

  /** All findings: program-level first, then by line in display order (as runAllRules). */
  all(): Finding[] {
    if (!this.cache) {
      const ids = [...this.perLine.keys()];
      const at = (id: number) => this.seq.get(id) ?? Number.MAX_SAFE_INTEGER;
      ids.sort((a, b) => at(a) - at(b) || a - b);
      const out = [...this.program];
      for (const id of ids) for (const f of this.perLine.get(id)!) out.push(f);
      this.cache = out;
    }
    return this.cache.slice();
  }

  /** Findings of one line (empty when it has none). */
  forLine(lineId: number): readonly Finding[] {
    return this.perLine.get(lineId) ?? NONE;
  }

  /** Program-level findings (not tied to a line). */
  programFindings(): readonly Finding[] {
    return this.program;
  }

  get(findingId: string): Finding | undefined {
    return this.byId.get(findingId);
  }

  counts(): SeverityCounts {
    const { error, warning, info } = this.tally;
    return { error, warning, info, total: error + warning + info };
  }

  get size(): number {
    return this.byId.size;
  }

  // ---- internals -----------------------------------------------------------------------------

  private store(list: Finding[]): Finding[] {
    for (const f of list) {
      this.byId.set(f.id, f);
      this.tally[f.severity]++;
    }
    return list;
  }

  /** Swap a line's old findings for new ones, recording what moved in the delta. */
  private replace(prev: readonly Finding[], next: readonly Finding[], upsert: Finding[], remove: string[]): void {
    if (prev.length === 0 && next.length === 0) return;
    for (const f of next) {
      const old = this.byId.get(f.id);
      this.byId.set(f.id, f);
      if (old && sameFinding(old, f)) continue;
      if (old) this.tally[old.severity]--;
      this.tally[f.severity]++;
      upsert.push(f);
    }
    if (prev.length === 0) return;
    const keep = new Set(next.map((f) => f.id));
    for (const f of prev) {
      if (keep.has(f.id)) continue;
      this.byId.delete(f.id);
      this.tally[f.severity]--;
      remove.push(f.id);
    }
  }

  /** Compare a changed line with how it was last seen and widen the update to what its field edits affect. */
  private noticeFieldEdits(id: number, toEval: Set<number>): void {
    const { calc } = this.ctx;
    const now = calc.lines.get(id)!;
    const was = this.seen.get(id);
    if (was === now) return; // same object: only amounts changed
    this.seen.set(id, now);
    const parent = calc.parentOf(id);
    const codeNow = codeKey(now.code);
    if (!was) {
      // A line the last rebuild did not see (the caller skipped a rebuild): count its code.
      this.codes.add(parent, codeNow);
      this.markSiblings(parent, codeNow, '', toEval);
      return;
    }
    const codeWas = codeKey(was.code);
    if (codeWas !== codeNow) {
      this.codes.remove(parent, codeWas);
      this.codes.add(parent, codeNow);
      this.markSiblings(parent, codeWas, codeNow, toEval);
    }
    // Descendants inherit this line's capital restrictions: a change can add or drop their findings.
    if (allowedKey(was.allowedCapital) !== allowedKey(now.allowedCapital)) {
      this.markSubtree(id, toEval, false);
    } else if (refOf(was) !== refOf(now)) {
      // Descendants' messages may name this line (inherited capital, lines without code or name),
      // but a new name for it cannot add or drop findings: re-run only those that have some.
      this.markSubtree(id, toEval, true);
    }
  }

  /** Siblings whose duplicate-code finding may change: those carrying either code. */
  private markSiblings(parent: number | null, a: string, b: string, toEval: Set<number>): void {
    if (!a && !b) return;
    for (const sib of this.ctx.calc.children(parent)) {
      const line = this.seen.get(sib);
      const k = line ? codeKey(line.code) : '';
      if (k && (k === a || k === b)) toEval.add(sib);
    }
  }

  private markSubtree(id: number, toEval: Set<number>, onlyWithFindings: boolean): void {
    const stack = [...this.ctx.calc.children(id)];
    while (stack.length) {
      const cur = stack.pop()!;
      if (!onlyWithFindings || this.perLine.has(cur)) toEval.add(cur);
      for (const k of this.ctx.calc.children(cur)) stack.push(k);
    }
  }

  /** A line that is gone (the caller skipped a rebuild): drop it and recheck its code's siblings. */
  private forget(id: number, toEval: Set<number>): void {
    const was = this.seen.get(id);
    toEval.add(id);
    if (!was) return;
    this.seen.delete(id);
    const parent = this.ctx.calc.parentOf(id); // PlanCalc keeps it until its next reset
    const code = codeKey(was.code);
    this.codes.remove(parent, code);
    this.markSiblings(parent, code, '', toEval);
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function sameFinding(a: Finding, b: Finding): boolean {
  if (a.severity !== b.severity || a.message !== b.message || a.expected !== b.expected || a.actual !== b.actual
    || a.line !== b.line || a.column !== b.column || a.msg.key !== b.msg.key) return false;
  const pa = a.msg.params;
  const pb = b.msg.params;
  const ka = Object.keys(pa);
  if (ka.length !== Object.keys(pb).length) return false;
  for (const k of ka) if (pa[k] !== pb[k]) return false;
  return true;
}
