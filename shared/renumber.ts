// Line codes, numbered the way Vietnamese plans number their tables: 1, 1.1, 1.1.1… or I, II / 1, 2 /
// a, b (Vietnamese order: a, b, c, d, đ, e…) / - / + per level. Recognises the style a group of
// sibling codes already follows, and computes new codes after lines were inserted, deleted or
// moved — only where a group follows a style, so hand-made codes are never overwritten.
// Pure: the engine applies the result as one undoable step.

export const NUMBER_STYLES = ['path', 'arabic', 'roman', 'alpha', 'latin', 'alphaUpper', 'dash', 'plus', 'none'] as const;
/**
 * path: parent's code + "." + n (1.2.3), or n under a parent that has no numeric code;
 * arabic: n; roman: I, II…; alpha: a, b, c, d, đ, e, g… (Vietnamese legal order); latin: a, b, c, d,
 * e, f…; alphaUpper: A, B, C, D, Đ…; dash: "-"; plus: "+"; none: leave codes as they are.
 */
export type NumberStyle = (typeof NUMBER_STYLES)[number];

/** Style per depth (0 = top-level lines); depths past the end use the last one. */
export type NumberingLevels = readonly NumberStyle[];

export const NUMBERING_PRESETS = {
  /** 1, 1.1, 1.1.1, … */
  decimal: ['path'],
  /** I, II / 1, 2 / a, b / - / + */
  roman: ['roman', 'arabic', 'alpha', 'dash', 'plus'],
  /** 1, 2 / 1.1 / a, b / - / + */
  mixed: ['path', 'path', 'alpha', 'dash', 'plus'],
} as const satisfies Record<string, NumberingLevels>;

/** Order in which equally good styles are preferred when a group fits several. */
const PRIORITY: readonly NumberStyle[] = ['path', 'arabic', 'roman', 'alpha', 'latin', 'alphaUpper', 'dash', 'plus'];

const VI_LETTERS = 'abcdđeghiklmnopqrstuvxy';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function letters(alphabet: string, index: number): string {
  // Bijective base-n, like spreadsheet columns: a … y, aa, ab, …
  const chars = [...alphabet];
  let i = index + 1;
  let out = '';
  while (i > 0) {
    i--;
    out = chars[i % chars.length] + out;
    i = Math.floor(i / chars.length);
  }
  return out;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Codes at or below this many siblings are recognised by lookup (far more than any plan uses). */
const LOOKUP = 2000;
const lookups = new Map<string, Map<string, number>>();
function lookup(name: 'roman' | 'alpha' | 'latin' | 'alphaUpper'): Map<string, number> {
  let m = lookups.get(name);
  if (!m) {
    m = new Map();
    for (let i = 0; i < LOOKUP; i++) m.set(codeFor(name, i, ''), i);
    lookups.set(name, m);
  }
  return m;
}

export const isDecimalPath = (code: string): boolean => /^\d+(\.\d+)*$/.test(code);

/** The code of the `index`-th (0-based) child in `style`, under a parent coded `parentCode`. */
export function codeFor(style: NumberStyle, index: number, parentCode: string): string {
  switch (style) {
    case 'path':
      return isDecimalPath(parentCode) ? `${parentCode}.${index + 1}` : String(index + 1);
    case 'arabic':
      return String(index + 1);
    case 'roman':
      return toRoman(index + 1);
    case 'alpha':
      return letters(VI_LETTERS, index);
    case 'latin':
      return letters(LATIN_LETTERS, index);
    case 'alphaUpper':
      return letters(VI_LETTERS, index).toUpperCase();
    case 'dash':
      return '-';
    case 'plus':
      return '+';
    case 'none':
      return '';
  }
}

/** Whether a code has the form of `style` (at any position) under a parent coded `parentCode`. */
export function fitsStyle(style: NumberStyle, code: string, parentCode: string): boolean {
  return indexIn(style, code, parentCode) !== null;
}

/** The 0-based position `code` stands for in `style`, or null when it does not have that form. */
function indexIn(style: NumberStyle, code: string, parentCode: string): number | null {
  switch (style) {
    case 'path': {
      const tail = isDecimalPath(parentCode) ? (code.startsWith(`${parentCode}.`) ? code.slice(parentCode.length + 1) : '') : code;
      return /^\d+$/.test(tail) ? Number(tail) - 1 : null;
    }
    case 'arabic':
      return /^\d+$/.test(code) ? Number(code) - 1 : null;
    case 'roman':
    case 'alpha':
    case 'latin':
    case 'alphaUpper':
      return lookup(style).get(code) ?? null;
    case 'dash':
      return code === '-' ? 0 : null;
    case 'plus':
      return code === '+' ? 0 : null;
    case 'none':
      return null;
  }
}

/**
 * The style a group of sibling codes follows, judged by their form (blank codes — new lines — fit
 * any style): `prefer` (the style the plan uses at that depth) when every code fits it, else the
 * style every code fits in which most neighbouring codes step as their positions do. 'empty' when
 * no sibling has a code; null when the codes follow no style (hand-made).
 */
export function groupStyle(codes: readonly string[], parentCode: string, prefer?: NumberStyle): NumberStyle | 'empty' | null {
  const given = codes.map((c, i) => [c.trim(), i] as const).filter(([c]) => c !== '');
  if (given.length === 0) return 'empty';
  if (prefer && prefer !== 'none' && given.every(([c]) => fitsStyle(prefer, c, parentCode))) return prefer;
  let best: NumberStyle | null = null;
  let bestScore = -1;
  for (const style of PRIORITY) {
    const idx = given.map(([c]) => indexIn(style, c, parentCode));
    if (idx.some((x) => x === null)) continue;
    // Codes step as their positions do, even where lines were inserted or removed in between.
    let score = 0;
    for (let k = 1; k < given.length; k++) if (idx[k]! - idx[k - 1]! === given[k][1] - given[k - 1][1]) score++;
    if (score > bestScore) {
      best = style;
      bestScore = score;
    }
  }
  return best;
}

export function styleAt(levels: NumberingLevels, depth: number): NumberStyle {
  if (levels.length === 0) return 'path';
  return levels[Math.min(depth, levels.length - 1)];
}

/** What renumbering reads of the line tree. */
export interface NumberingTree {
  /** Children of a line (null: top-level lines), in order. */
  children(parent: number | null): readonly number[];
  code(id: number): string;
}

export interface RenumberOptions {
  /** Styles per depth: applied everywhere ('scheme'), or to groups that have no codes yet ('auto'). */
  levels: NumberingLevels;
  /**
   * 'scheme': number every line of the groups (and everything below them) by `levels`.
   * 'auto': keep each group's own style (a hand-made group is left alone), and follow a changed
   * parent code down the tree — what runs after a line was inserted, deleted or moved.
   */
  mode: 'scheme' | 'auto';
  /**
   * Lines that came into their group from elsewhere (moved under another parent, indented…): their
   * codes speak of their old place, so they count as blank when recognising a group's style, and
   * the groups below them take the style of their new depth (unless hand-made).
   */
  fresh?: ReadonlySet<number>;
}

/**
 * New codes for the children of each parent in `parents` (null: the top level) and the lines below
 * them; `depthOf(parent)` is the depth of that parent's children. Returns only codes that change.
 */
export function renumber(
  tree: NumberingTree,
  parents: Iterable<number | null>,
  depthOf: (parent: number | null) => number,
  opts: RenumberOptions,
): Map<number, string> {
  const out = new Map<number, string>();
  const newCode = (id: number) => out.get(id) ?? tree.code(id);
  // Groups are numbered top-down, depth by depth, so a group always sees its parent's new code.
  type Job = { parent: number | null; oldParentCode: string; moved: boolean };
  const byDepth = new Map<number, Job[]>();
  const push = (depth: number, job: Job) => {
    const list = byDepth.get(depth);
    if (list) list.push(job);
    else byDepth.set(depth, [job]);
  };
  for (const p of parents) push(depthOf(p), { parent: p, oldParentCode: p === null ? '' : tree.code(p), moved: false });
  const done = new Set<number | null>();
  for (let depth = Math.min(...byDepth.keys()); byDepth.size > 0; depth++) {
    const jobs = byDepth.get(depth) ?? [];
    byDepth.delete(depth);
    for (const { parent, oldParentCode, moved } of jobs) {
      if (done.has(parent)) continue;
      done.add(parent);
      const kids = tree.children(parent);
      if (kids.length === 0) continue;
      const parentCode = parent === null ? '' : newCode(parent);
      let style: NumberStyle | null;
      if (opts.mode === 'scheme') {
        style = styleAt(opts.levels, depth);
      } else {
        const codes = kids.map((k) => (opts.fresh?.has(k) ? '' : tree.code(k)));
        const found = groupStyle(codes, oldParentCode, styleAt(opts.levels, depth));
        style = found === 'empty' || (moved && found !== null) ? styleAt(opts.levels, depth) : found;
      }
      kids.forEach((k, i) => {
        const old = tree.code(k);
        if (style !== null && style !== 'none') {
          const code = codeFor(style, i, parentCode);
          if (code !== old) out.set(k, code);
        }
        // Below a line whose code changed, path codes follow it; below a moved line, the levels of
        // its new depth apply; a full renumber walks everything.
        const below = moved || !!opts.fresh?.has(k);
        if (opts.mode === 'scheme' || below || out.has(k)) push(depth + 1, { parent: k, oldParentCode: old, moved: below });
      });
    }
  }
  return out;
}

const GROUPS_PER_DEPTH = 400;

/**
 * The numbering a plan already uses, per depth: the style most of its sibling groups at that depth
 * follow (groups following no style are not counted). Depths with no recognisable group get 'path'.
 */
export function detectLevels(tree: NumberingTree, maxDepth = 8): NumberStyle[] {
  const votes: Map<NumberStyle, number>[] = [];
  // Enough groups per depth to know its style: a 100.000-line plan has tens of thousands of groups
  // at its deepest levels, and this runs at every line operation.
  const looked: number[] = [];
  const stack: { parent: number | null; depth: number }[] = [{ parent: null, depth: 0 }];
  while (stack.length) {
    const { parent, depth } = stack.pop()!;
    const kids = tree.children(parent);
    if (kids.length === 0) continue;
    if (depth < maxDepth && (looked[depth] = (looked[depth] ?? 0) + 1) <= GROUPS_PER_DEPTH) {
      const style = groupStyle(kids.map((k) => tree.code(k)), parent === null ? '' : tree.code(parent));
      if (style && style !== 'empty') {
        const v = (votes[depth] ??= new Map());
        v.set(style, (v.get(style) ?? 0) + 1);
      }
    }
    for (const k of kids) stack.push({ parent: k, depth: depth + 1 });
  }
  const levels: NumberStyle[] = [];
  for (let d = 0; d < votes.length; d++) {
    const v = votes[d];
    let best: NumberStyle = 'path';
    let n = 0;
    if (v) for (const s of PRIORITY) if ((v.get(s) ?? 0) > n) [best, n] = [s, v.get(s)!];
    levels.push(best);
  }
  // Trailing depths repeat the last level; trim the repetition so deeper new levels follow it.
  while (levels.length > 1 && levels[levels.length - 1] === levels[levels.length - 2]) levels.pop();
  return levels.length ? levels : ['path'];
}
