// What an officer types into an amount cell: a number ("1.234,5", see number.ts) or, as in Excel, a
// simple formula ("=100+200", "=1.234*2", "=(1,5+2,5)*3-10/4"): numbers in the cycle's number
// format and unit, + − * / and parentheses — nothing else (no cell references, no functions; the
// text is read by this small parser, never evaluated as code). The plan stores the value.
//
// Exact: each operand is read as a decimal into a BigInt fraction and the arithmetic is on
// fractions (no float ever touches money); the result is rounded once, at the end, half away from
// zero to the whole đồng — the rule parseAmount applies to extra decimals, and Excel's ROUND. So
// "=10/3" in triệu đồng is 3.333.333 đồng, and "=10/3*3" is exactly 10 triệu. Pure.
import { MAX_CELL_DONG, UNIT_DONG, type DisplayUnit, type Dong } from './model';
import { parseAmount, type NumberLocale, type ParseError } from './number';

export type FormulaError = 'formula_unsupported' | 'formula_syntax' | 'formula_div_zero';
export type EntryError = ParseError | FormulaError;
export type EntryResult = { ok: true; value: Dong | null } | { ok: false; error: EntryError };

/** Longest formula read (a typed formula is short; this bounds the work and the BigInts). */
const MAX_FORMULA_LENGTH = 200;
const MAX_DEPTH = 32;

/** A typed entry: "=…" is a simple formula, anything else an amount (parseAmount). */
export function parseEntry(text: string, unit: DisplayUnit, locale: NumberLocale = 'vi-VN'): EntryResult {
  const s = text.normalize('NFC').trim();
  if (!s.startsWith('=')) return parseAmount(text, unit, locale);
  return evaluateFormula(s.slice(1), unit, locale);
}

/** An exact rational n/d (d > 0). */
interface Fraction {
  n: bigint;
  d: bigint;
}

class Refused extends Error {
  constructor(readonly code: EntryError) {
    super(code);
  }
}

const OPERATORS: Record<string, '+' | '-' | '*' | '/'> = { '+': '+', '-': '-', '−': '-', '–': '-', '*': '*', '×': '*', '/': '/', '÷': '/' };

type Token = { kind: 'num'; text: string } | { kind: 'op'; op: '+' | '-' | '*' | '/' } | { kind: 'open' } | { kind: 'close' };

/** The body of a formula (after "="), in `unit`, into integer đồng. */
function evaluateFormula(body: string, unit: DisplayUnit, locale: NumberLocale = 'vi-VN'): EntryResult {
  if (body.length > MAX_FORMULA_LENGTH) return { ok: false, error: 'formula_unsupported' };
  try {
    const tokens = tokenize(body);
    if (tokens.length === 0) return { ok: false, error: 'formula_syntax' };
    const parser = new Parser(tokens, locale);
    const value = parser.expression(0);
    if (!parser.done()) throw new Refused('formula_syntax');
    const dong = roundToDong({ n: value.n * BigInt(UNIT_DONG[unit]), d: value.d });
    if (dong > BigInt(MAX_CELL_DONG) || dong < -BigInt(MAX_CELL_DONG)) return { ok: false, error: 'too_large' };
    const v = Number(dong);
    return { ok: true, value: v === 0 ? 0 : v };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.code };
    throw e;
  }
}

function tokenize(body: string): Token[] {
  const out: Token[] = [];
  // Spaces of every kind separate nothing in a formula ("1 234" is 1234, as in parseAmount).
  const s = body.replace(/[\s\u00a0\u202f\u2009]/g, '');
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (/[0-9.,]/.test(c)) {
      let j = i;
      while (j < s.length && /[0-9.,]/.test(s[j])) j++;
      out.push({ kind: 'num', text: s.slice(i, j) });
      i = j;
    } else if (c in OPERATORS) {
      out.push({ kind: 'op', op: OPERATORS[c] });
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'open' : 'close' });
      i++;
    } else {
      // Letters (a function, a cell reference), ";", "%", "^"…: not a simple formula.
      throw new Refused('formula_unsupported');
    }
  }
  return out;
}

/** Recursive descent: expression = term (± term)*; term = factor (×÷ factor)*; factor = ±factor | number | (expression). */
class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly locale: NumberLocale,
  ) {}

  done(): boolean {
    return this.i === this.tokens.length;
  }

  expression(depth: number): Fraction {
    let acc = this.term(depth);
    for (let t = this.tokens[this.i]; t?.kind === 'op' && (t.op === '+' || t.op === '-'); t = this.tokens[this.i]) {
      this.i++;
      const rhs = this.term(depth);
      acc = t.op === '+' ? add(acc, rhs) : add(acc, { n: -rhs.n, d: rhs.d });
    }
    return acc;
  }

  private term(depth: number): Fraction {
    let acc = this.factor(depth);
    for (let t = this.tokens[this.i]; t?.kind === 'op' && (t.op === '*' || t.op === '/'); t = this.tokens[this.i]) {
      this.i++;
      const rhs = this.factor(depth);
      if (t.op === '*') acc = reduce({ n: acc.n * rhs.n, d: acc.d * rhs.d });
      else {
        if (rhs.n === 0n) throw new Refused('formula_div_zero');
        acc = reduce({ n: acc.n * rhs.d * (rhs.n < 0n ? -1n : 1n), d: acc.d * (rhs.n < 0n ? -rhs.n : rhs.n) });
      }
    }
    return acc;
  }

  private factor(depth: number): Fraction {
    if (depth > MAX_DEPTH) throw new Refused('formula_unsupported');
    const t = this.tokens[this.i++];
    if (!t) throw new Refused('formula_syntax');
    if (t.kind === 'op' && (t.op === '+' || t.op === '-')) {
      const f = this.factor(depth + 1);
      return t.op === '-' ? { n: -f.n, d: f.d } : f;
    }
    if (t.kind === 'num') return readNumber(t.text, this.locale);
    if (t.kind === 'open') {
      const v = this.expression(depth + 1);
      if (this.tokens[this.i++]?.kind !== 'close') throw new Refused('formula_syntax');
      return v;
    }
    throw new Refused('formula_syntax');
  }
}

const SEPARATORS: Record<NumberLocale, { group: string; decimal: string }> = {
  'vi-VN': { group: '.', decimal: ',' },
  'en-US': { group: ',', decimal: '.' },
};

/** One operand, exactly: grouped thousands and one decimal mark in the cycle's convention. */
function readNumber(text: string, locale: NumberLocale): Fraction {
  const { group, decimal } = SEPARATORS[locale];
  const parts = text.split(decimal);
  if (parts.length > 2) throw new Refused('too_many_decimal_marks');
  const [intRaw, frac = ''] = parts;
  if (frac.includes(group)) throw new Refused('bad_grouping');
  let digits = intRaw;
  if (intRaw.includes(group)) {
    const groups = intRaw.split(group);
    // The same rule as parseAmount: "1.234.567" is grouped; "1.23" or "1..234" is not a number.
    if (groups[0].length < 1 || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) throw new Refused('bad_grouping');
    digits = groups.join('');
  }
  if (digits === '' && frac === '') throw new Refused('formula_syntax');
  return reduce({ n: BigInt((digits || '0') + frac), d: 10n ** BigInt(frac.length) });
}

function add(a: Fraction, b: Fraction): Fraction {
  return reduce({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
}

function reduce(f: Fraction): Fraction {
  const g = gcd(f.n, f.d);
  return g > 1n ? { n: f.n / g, d: f.d / g } : f;
}

/** n/d to the nearest integer, halves away from zero. */
function roundToDong(f: Fraction): bigint {
  const neg = f.n < 0n;
  const abs = neg ? -f.n : f.n;
  let q = abs / f.d;
  if (2n * (abs % f.d) >= f.d) q += 1n;
  return neg ? -q : q;
}
