// What every rule needs to know about one cycle, resolved once per (re)build: parameters with their
// defaults, which funding columns are central / local / of which capital type, how to name a line or
// a cell, how to format amounts, and how to build a Finding with its message in both languages.
import type { PlanCalc } from '../calc';
import { shortLabel } from '../columns';
import type { Finding, RuleId, Severity } from '../findings';
import { DICTIONARY, type Lang, type MessageKey } from '../i18n';
import type { CapitalType, CycleMeta, DisplayUnit, Dong, FundSource, Line, RuleParams } from '../model';
import { UNIT_DONG } from '../model';
import { formatAmount, roundHalfAway } from '../number';

/** What the unit rules read of the units (UnitBook gives it). */
export interface UnitSums {
  hasShares(lineId: number): boolean;
  columnsOf(lineId: number): string[];
  sum(lineId: number, column: string): Dong;
}

export interface RuleInput {
  calc: PlanCalc;
  meta: CycleMeta;
  rules: RuleParams;
  /** Language of Finding.message (default Vietnamese). */
  lang?: Lang;
  /** The units' shares (issue 14): their sums are checked against the lines' figures. */
  units?: UnitSums;
}

/** Defaults of the optional RuleParams fields (cycles written before they existed lack them). */
export const RULE_DEFAULTS = {
  counterpartTolerancePercent: 0.005,
  counterpartLineDepth: 1,
} as const;

/**
 * How far a stated total may be from the computed one before it is a mismatch: the cycle's own
 * setting, else half a display unit (figures typed or read in that unit are exact only to that).
 * The grid's flag and the sum_mismatch rule both use it, so a cell is flagged iff it has a finding.
 */
export function sumToleranceDong(rules: Pick<RuleParams, 'toleranceDong'>, unit: DisplayUnit): Dong {
  return rules.toleranceDong ?? UNIT_DONG[unit] / 2;
}

export type ResolvedRuleParams = Required<Omit<RuleParams, 'toleranceDong'>> & { toleranceDong: Dong };

export const CAPITAL_TYPES: readonly CapitalType[] = ['investment', 'recurrent'];

/**
 * Capital types a line may not take, each with the line that forbids it (itself or the nearest
 * ancestor that restricts it): money on a child is money on its parent, so restrictions inherit.
 */
export type Deny = Readonly<Partial<Record<CapitalType, number>>>;
export const NO_DENY: Deny = Object.freeze({});

/** A line's restrictions given its parent's. Shares the parent's object when the line adds none. */
export function denyOf(line: Line, parentDeny: Deny): Deny {
  const allowed = line.allowedCapital;
  if (allowed === null) return parentDeny;
  let out: Partial<Record<CapitalType, number>> | null = null;
  for (const c of CAPITAL_TYPES) {
    if (allowed.includes(c)) continue;
    out ??= { ...parentDeny };
    out[c] = line.id; // the nearest restriction names the line to fix
  }
  return out ?? parentDeny;
}

export interface ColumnInfo {
  key: string;
  isLeaf: boolean;
  /** Capital type of the column or of its nearest typed ancestor. */
  capital: CapitalType | null;
  labelVi: string;
  labelEn: string;
}

/** Bullets ("-", "+", "*", "•"…) mark lower levels and repeat by design: never duplicates. */
function isBulletChar(ch: number): boolean {
  return ch === 45 || ch === 43 || ch === 42 || ch === 46 || ch === 0x2022 || ch === 0xb7 || ch === 0x2013 || ch === 0x2014;
}

/**
 * The form of a code compared for duplicates (trimmed, NFC); '' when the code takes no part in the
 * check (blank, or a bullet). Hand-rolled: it runs for every line on every full build.
 */
export function codeKey(code: string): string {
  const c = code.trim();
  let ascii = true;
  let bullet = true;
  for (let i = 0; i < c.length; i++) {
    const ch = c.charCodeAt(i);
    if (ch > 127) ascii = false;
    if (bullet && !isBulletChar(ch)) bullet = false;
  }
  if (bullet) return ''; // also the blank code
  return ascii ? c : c.normalize('NFC');
}

const NAME_REF_MAX = 40;

/** A line's name in quotes, shortened: long names ("Tiểu dự án 1: Hỗ trợ…") would swamp a message. */
export function quoteName(name: string): string {
  const n = name.trim();
  return `“${n.length > NAME_REF_MAX ? n.slice(0, NAME_REF_MAX - 1).trimEnd() + '…' : n}”`;
}

export class RuleContext {
  readonly calc: PlanCalc;
  readonly meta: CycleMeta;
  readonly params: ResolvedRuleParams;
  readonly lang: Lang;
  readonly units: UnitSums | null;
  readonly columns = new Map<string, ColumnInfo>();
  /** Columns in display order. */
  readonly ordered: ColumnInfo[] = [];
  /** Root-most columns of each source: the funding of that source is their sum. */
  readonly sourceRoots: Record<FundSource, string[]> = { central: [], local: [], other: [] };
  /** Top columns of the tree (normally one: "Tổng cộng"). */
  readonly rootKeys: string[];
  private readonly unitParams: { unitVi: string; unitEn: string };
  /** Message templates split at their {placeholders}, once per key: a plan may yield 100.000 findings. */
  private readonly templates = new Map<string, string[]>();

  constructor(input: RuleInput) {
    this.calc = input.calc;
    this.meta = input.meta;
    this.lang = input.lang ?? 'vi';
    this.units = input.units ?? null;
    const r = input.rules;
    this.params = {
      counterpartMinPercent: r.counterpartMinPercent,
      counterpartBasis: r.counterpartBasis?.trim() ?? '',
      counterpartPerLine: r.counterpartPerLine,
      toleranceDong: sumToleranceDong(r, input.meta.unit),
      counterpartTolerancePercent: r.counterpartTolerancePercent ?? RULE_DEFAULTS.counterpartTolerancePercent,
      counterpartLineDepth: r.counterpartLineDepth ?? RULE_DEFAULTS.counterpartLineDepth,
    };
    const tree = this.calc.cols;
    for (const c of tree.ordered) {
      const path = [...tree.ancestors(c.key).reverse(), c.key];
      // Name a column by its path below the root ("NSTW / ĐTPT"): leaf labels alone repeat.
      const named = path.length > 1 ? path.slice(1) : path;
      const label = (lang: Lang) => named.map((k) => shortLabel(tree.byKey.get(k)!, lang)).join(' / ');
      let capital: CapitalType | null = null;
      for (let i = path.length - 1; i >= 0 && capital === null; i--) capital = tree.byKey.get(path[i])!.capital;
      const info: ColumnInfo = { key: c.key, isLeaf: tree.isLeaf(c.key), capital, labelVi: label('vi'), labelEn: label('en') };
      this.columns.set(c.key, info);
      this.ordered.push(info);
      const src = c.source;
      if (src && !tree.ancestors(c.key).some((a) => tree.byKey.get(a)!.source === src)) this.sourceRoots[src].push(c.key);
    }
    this.rootKeys = (tree.children.get(null) ?? []).map((c) => c.key);
    const unit = DICTIONARY[`unit.${input.meta.unit}`];
    this.unitParams = { unitVi: unit.vi, unitEn: unit.en };
  }

  /** An amount in the display unit, in the cycle's number convention ("1.416,2"). */
  money(d: Dong): string {
    return formatAmount(d, this.meta.unit, this.meta.numberLocale);
  }

  /** A difference, with its sign ("+1,5", "-0,7"). */
  signed(d: Dong): string {
    return d > 0 ? `+${this.money(d)}` : this.money(d);
  }

  /** A percentage with at most `decimals` decimals and no trailing zeros ("10%", "12,5%"). */
  percent(p: number, decimals = 2): string {
    const s = String(roundHalfAway(p, decimals));
    return `${this.meta.numberLocale === 'vi-VN' ? s.replace('.', ',') : s}%`;
  }

  /**
   * How messages name a line: its code; a line without a code by its (shortened) name; a line with
   * neither by its place under its parent ("4.1 › #3").
   */
  lineRef(id: number): string {
    const line = this.calc.lines.get(id);
    if (!line) return `#${id}`;
    const code = line.code.trim();
    if (code) return code;
    const name = line.name.trim();
    if (name) return quoteName(name);
    const parent = this.calc.parentOf(id);
    const index = this.calc.children(parent).indexOf(id) + 1;
    return parent === null ? `#${index}` : `${this.lineRef(parent)} › #${index}`;
  }

  columnParams(key: string): { colVi: string; colEn: string } {
    const c = this.columns.get(key);
    return { colVi: c?.labelVi ?? key, colEn: c?.labelEn ?? key };
  }

  /** Build a finding (`params` is taken over); its message is the dictionary entry in the context's language. */
  finding(
    rule: RuleId,
    severity: Severity,
    id: string,
    lineId: number | null,
    column: string | null,
    expected: Dong | null,
    actual: Dong | null,
    key: MessageKey,
    params: Record<string, string | number>,
  ): Finding {
    // Callers pass a fresh object: extend it rather than copy it (one allocation less per finding).
    const all = Object.assign(params, this.unitParams);
    const line = lineId === null ? '' : (this.calc.lines.get(lineId)?.code ?? '');
    return { id, rule, severity, line, lineId, column, expected, actual, message: this.render(key, all), msg: { key, params: all } };
  }

  /** Same text as i18n's t(lang, key, params) (a test holds them equal), without a regex per call. */
  private render(key: MessageKey, params: Record<string, string | number>): string {
    let parts = this.templates.get(key);
    if (!parts) {
      // Odd indexes are placeholder names: "a {x} b" → ["a ", "x", " b"].
      parts = DICTIONARY[key][this.lang].split(/\{(\w+)\}/);
      this.templates.set(key, parts);
    }
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i];
      out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1];
    }
    return out;
  }
}

/**
 * A line with what the rules need to know about its place in the tree: parent, whether it has
 * children, depth (0 = top level) and inherited capital restrictions. walkTree reuses one such
 * object for every line it visits (no allocation per line: it matters at 100.000 lines).
 */
export interface LinePlace {
  id: number;
  line: Line;
  parent: number | null;
  isParent: boolean;
  depth: number;
  deny: Deny;
}
