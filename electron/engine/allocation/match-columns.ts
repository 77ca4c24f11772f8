// Which plan line and which funding column each column of an allocation annex is. A column's header
// path mixes line texts ("Dự án 3" over "Tiểu dự án 1"; "Tiểu dự án 1 - Dự án 3"; "3.1"; a line's name)
// with funding texts ("NSTW", "Vốn sự nghiệp") and the title may name the funding for all columns.
// Lines are matched, in order: by their "Dự án N / Tiểu dự án M" designators (as the plan's names
// carry them), by code, by name (folded: case, spacing, diacritics), and last by a name that the
// header text is part of ("guessed"). The funding column: by a column label of the cycle, by source
// and capital type from the headers or the title, and where those leave a choice, by the one column
// the line has figures in ("guessed"). Pure: reads the plan through PlanCalc and ColumnTree.
import type { PlanCalc } from '../../../shared/calc';
import type { ColumnTree } from '../../../shared/columns';
import type { FundingColumn, Line } from '../../../shared/model';
import { holdsFigures as unitsHoldFigures } from '../commands/units';
import { classifyHeader } from '../excel/headers';
import { fold } from '../excel/text';
import type { ColumnHow, ColumnProblem, FundingHint, LineHow } from '../../../shared/commands/alloc-io';
import type { AnnexColumn } from './annex-read';


export interface ColumnMatch {
  col: number;
  letter: string;
  /** The header texts joined, for the report. */
  header: string;
  lineId: number | null;
  lineHow: LineHow | null;
  column: string | null;
  columnHow: ColumnHow | null;
  problem: ColumnProblem | null;
}

interface Designator {
  level: 0 | 1;
  n: number;
}

const SUB_RE = /\b(?:tieu du an|tieu da|tda)\s*(?:so\s*)?(\d{1,3})\b/g;
const PROJECT_RE = /\b(?:du an|da)\s*(?:so\s*)?(\d{1,3})\b/g;
const CODE_RE = /^((?:\d{1,3}\.)*\d{1,3}|[IVXLC]{1,6})(?:[.:)]\s*|\s+[-–:]\s*|\s*$)/;

/** "Tiểu dự án 1 - Dự án 3" → project 3, sub-project 1 (projects first, whatever the order written). */
function designatorsOf(text: string): Designator[] {
  let f = fold(text);
  const out: Designator[] = [];
  for (const m of f.matchAll(SUB_RE)) out.push({ level: 1, n: Number(m[1]) });
  f = f.replace(SUB_RE, ' ');
  for (const m of f.matchAll(PROJECT_RE)) out.push({ level: 0, n: Number(m[1]) });
  return out.sort((a, b) => a.level - b.level);
}

/** A line's own designator: its name opens with "Dự án N" / "Tiểu dự án M". */
function leadingDesignator(name: string): Designator | null {
  const f = fold(name);
  let m = /^(?:tieu du an|tieu da|tda)\s*(?:so\s*)?(\d{1,3})\b/.exec(f);
  if (m) return { level: 1, n: Number(m[1]) };
  m = /^(?:du an|da)\s*(?:so\s*)?(\d{1,3})\b/.exec(f);
  return m ? { level: 0, n: Number(m[1]) } : null;
}

const keyOf = (ds: readonly Designator[]) => ds.map((d) => `${d.level ? 'S' : 'P'}${d.n}`).join('/');

/** A name without its designator and list marks: "Tiểu dự án 1: Hỗ trợ …" → "ho tro …". */
function bareName(text: string): string {
  return fold(text)
    .replace(CODE_RE, '')
    .replace(SUB_RE, ' ')
    .replace(PROJECT_RE, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function uniqueBy(lines: readonly Line[], key: (l: Line) => string): Map<string, number> {
  const seen = new Map<string, number | null>();
  for (const l of lines) {
    const k = key(l);
    if (!k) continue;
    seen.set(k, seen.has(k) ? null : l.id);
  }
  const out = new Map<string, number>();
  for (const [k, id] of seen) if (id !== null) out.set(k, id);
  return out;
}

/** Lines of the plan indexed the ways a header names them. */
export class LineIndex {
  private readonly byDesignators: Map<string, number>;
  private readonly byCode: Map<string, number>;
  private readonly byName: Map<string, number>;
  private readonly bare: { id: number; name: string }[];

  constructor(private readonly calc: PlanCalc) {
    const lines = [...calc.lines.values()];
    const chain = new Map<number, Designator[]>();
    const chainOf = (l: Line, depth = 0): Designator[] => {
      const known = chain.get(l.id);
      if (known) return known;
      const parentId = calc.parentOf(l.id);
      const parent = parentId !== null && depth < 64 ? calc.lines.get(parentId) : undefined;
      const own = leadingDesignator(l.name);
      const c = [...(parent ? chainOf(parent, depth + 1) : []), ...(own ? [own] : [])];
      chain.set(l.id, c);
      return c;
    };
    this.byDesignators = uniqueBy(lines, (l) => (leadingDesignator(l.name) ? keyOf(chainOf(l)) : ''));
    this.byCode = uniqueBy(lines, (l) => fold(l.code).replace(/\.$/, ''));
    this.byName = uniqueBy(lines, (l) => bareName(l.name));
    this.bare = lines.map((l) => ({ id: l.id, name: bareName(l.name) })).filter((l) => l.name.length > 0);
  }

  /** The line a column's line texts name, and how; null when none or several could be meant. */
  find(texts: readonly string[]): { lineId: number; how: LineHow } | null {
    if (texts.length === 0) return null;
    const ds = texts.flatMap(designatorsOf);
    if (ds.length) {
      const hit = this.byDesignators.get(keyOf(ds));
      if (hit !== undefined) return { lineId: hit, how: 'designator' };
    }
    // The deepest text first: "3.1. Tiểu dự án 1: …" under "Dự án 3".
    for (let i = texts.length - 1; i >= 0; i--) {
      const m = CODE_RE.exec(texts[i].trim());
      if (m) {
        const hit = this.byCode.get(fold(m[1]));
        if (hit !== undefined) return { lineId: hit, how: 'code' };
      }
    }
    for (let i = texts.length - 1; i >= 0; i--) {
      const b = bareName(texts[i]);
      const hit = b ? this.byName.get(b) : undefined;
      if (hit !== undefined) return { lineId: hit, how: 'name' };
    }
    const b = bareName(texts[texts.length - 1]);
    if (b.length >= 6) {
      const hits = this.bare.filter((l) => l.name.includes(b) || b.includes(l.name));
      if (hits.length === 1) return { lineId: hits[0].id, how: 'guessed' };
    }
    return null;
  }
}

/** Whether a header text speaks of money (a source or a capital type) rather than of a line. */
function fundingTerms(text: string, columns: ColumnTree): FundingHint & { key?: string } | null {
  if (designatorsOf(text).length || CODE_RE.test(text.trim())) return null;
  const f = fold(text);
  for (const c of columns.leaves) if (fold(c.label.vi) === f || fold(c.label.en) === f) return { key: c.key };
  for (const c of columns.ordered) {
    if (c.parent !== null && (fold(c.label.vi) === f || fold(c.label.en) === f)) return { source: c.source ?? undefined, capital: c.capital ?? undefined };
  }
  const h = classifyHeader(text);
  if (h.field) return null;
  if (!h.source && !h.capital) return null;
  return { ...(h.source ? { source: h.source } : {}), ...(h.capital ? { capital: h.capital } : {}) };
}

/** The leaf columns a source and capital type allow. */
function leavesFor(columns: ColumnTree, hint: FundingHint): FundingColumn[] {
  return columns.leaves.filter((c) => {
    const source = c.source ?? inheritedSource(columns, c);
    return (!hint.source || source === hint.source) && (!hint.capital || c.capital === hint.capital);
  });
}

function inheritedSource(columns: ColumnTree, c: FundingColumn): FundingColumn['source'] {
  for (const k of columns.ancestors(c.key)) {
    const s = columns.byKey.get(k)?.source;
    if (s) return s;
  }
  return null;
}

/** Whether a line may take shares — the units area's one rule (commands/units.ts), so an import writes no share the allocation view would refuse. */
export function holdsFigures(calc: PlanCalc, lineId: number): boolean {
  return unitsHoldFigures({ calc }, lineId);
}

export function matchColumns(calc: PlanCalc, columns: ColumnTree, annexColumns: readonly AnnexColumn[], title: FundingHint): ColumnMatch[] {
  const index = new LineIndex(calc);
  const out: ColumnMatch[] = annexColumns.map((c) => {
    const lineTexts: string[] = [];
    let hint: FundingHint & { key?: string } = {};
    let fromHeader = false;
    for (const text of c.path) {
      const money = fundingTerms(text, columns);
      if (money) {
        // The deeper header refines the one above it ("NSTW" over "ĐTPT").
        hint = { ...hint, ...money };
        fromHeader = true;
      } else lineTexts.push(text);
    }
    const base: ColumnMatch = { col: c.col, letter: c.letter, header: c.path.join(' / '), lineId: null, lineHow: null, column: null, columnHow: null, problem: null };
    const line = index.find(lineTexts);
    if (!line) return { ...base, problem: 'no_line' };
    if (!holdsFigures(calc, line.lineId)) return { ...base, lineId: line.lineId, lineHow: line.how, problem: calc.isParent(line.lineId) ? 'line_is_parent' : 'line_under_parent' };
    const withLine = { ...base, lineId: line.lineId, lineHow: line.how };
    if (hint.key) return { ...withLine, column: hint.key, columnHow: 'header' };
    const full: FundingHint = { source: hint.source ?? title.source, capital: hint.capital ?? title.capital };
    const how: ColumnHow = fromHeader ? 'header' : 'title';
    const allowed = leavesFor(columns, full);
    if (allowed.length === 1 && (full.source || full.capital)) return { ...withLine, column: allowed[0].key, columnHow: how };
    // A choice remains: the one column among them the line has figures in, or the one its capital type allows.
    const withFigures = allowed.filter((k) => calc.value(line.lineId, k.key) !== 0);
    if (withFigures.length === 1) return { ...withLine, column: withFigures[0].key, columnHow: 'guessed' };
    const capital = calc.lines.get(line.lineId)?.allowedCapital;
    if (capital && capital.length === 1) {
      const byCapital = allowed.filter((k) => k.capital === capital[0]);
      if (byCapital.length === 1) return { ...withLine, column: byCapital[0].key, columnHow: 'guessed' };
    }
    return { ...withLine, problem: 'no_funding' };
  });
  // One line and funding column named by two columns: neither is taken (which one is right is the user's call).
  const seen = new Map<string, ColumnMatch[]>();
  for (const m of out) {
    if (m.lineId === null || m.column === null) continue;
    const k = `${m.lineId}:${m.column}`;
    seen.set(k, [...(seen.get(k) ?? []), m]);
  }
  for (const list of seen.values()) if (list.length > 1) for (const m of list) m.problem = 'line_twice';
  return out;
}
