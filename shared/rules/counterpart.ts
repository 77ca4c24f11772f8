// Rule 2, counterpart_min: local funds must reach p% of central funds (QĐ 02/2022/QĐ-TTg: 10%).
// Checked on the program total (an error: the requirement binds the program) and, when enabled, on
// each project / sub-project line with central funds (a warning: lines may legitimately differ).
// "Central" and "local" are the cycle's root-most columns of that source, never hard-coded keys.
// The level is a parameter with its legal basis: null (2026 on, NĐ 358/2025/NĐ-CP: "set by the
// competent authority") leaves the rule inactive, and one info finding on the program asks for it.
import type { Finding } from '../findings';
import type { Dong } from '../model';
import { formatPercent } from '../number';
import type { RuleContext } from './context';

export interface CounterpartCheck {
  central: Dong;
  local: Dong;
  /** Minimum local funds, rounded to the đồng. */
  minimum: Dong;
  /** minimum − local: positive when short. */
  shortfall: Dong;
  /** Slack in đồng: the larger of toleranceDong and counterpartTolerancePercent of central. */
  tolerance: Dong;
  flagged: boolean;
}

/** The check itself, on two sums (exposed for tests and for a UI that shows the ratio). */
export function checkCounterpart(ctx: RuleContext, central: Dong, local: Dong): CounterpartCheck | null {
  const p = ctx.params;
  if (p.counterpartMinPercent === null || central <= 0 || ctx.sourceRoots.local.length === 0) return null;
  const minimum = Math.round((central * p.counterpartMinPercent) / 100);
  const shortfall = minimum - local;
  // Rounded to the đồng so that comparisons at the threshold are exact integer comparisons.
  const tolerance = Math.max(p.toleranceDong, Math.round((central * p.counterpartTolerancePercent) / 100));
  return { central, local, minimum, shortfall, tolerance, flagged: shortfall > tolerance };
}

export function programCounterpart(ctx: RuleContext, out: Finding[]): void {
  const { calc } = ctx;
  const central = sum(ctx.sourceRoots.central, (k) => calc.total(k));
  const local = sum(ctx.sourceRoots.local, (k) => calc.total(k));
  if (ctx.params.counterpartMinPercent === null) {
    if (ctx.sourceRoots.central.length && ctx.sourceRoots.local.length) out.push(levelUnset(ctx));
    return;
  }
  const c = checkCounterpart(ctx, central, local);
  if (c?.flagged) out.push(make(ctx, c, null, 'error'));
}

/** The level is not set (2026 on): the rule waits, and says so once, on the program. */
function levelUnset(ctx: RuleContext): Finding {
  const column = ctx.sourceRoots.local[0];
  return ctx.finding('counterpart_level_unset', 'info', 'counterpart_level_unset', null, column, null, null, 'rules.counterpart_level_unset', {
    basis: ctx.params.counterpartBasis || 'NĐ 358/2025/NĐ-CP',
  });
}

export function lineCounterpart(ctx: RuleContext, id: number, depth: number, out: Finding[]): void {
  if (ctx.params.counterpartMinPercent === null || !ctx.params.counterpartPerLine || depth > ctx.params.counterpartLineDepth) return;
  const { calc } = ctx;
  const central = sum(ctx.sourceRoots.central, (k) => calc.value(id, k));
  if (central <= 0) return;
  const local = sum(ctx.sourceRoots.local, (k) => calc.value(id, k));
  const c = checkCounterpart(ctx, central, local);
  if (c?.flagged) out.push(make(ctx, c, id, 'warning'));
}

function make(ctx: RuleContext, c: CounterpartCheck, id: number | null, severity: 'error' | 'warning'): Finding {
  const column = ctx.sourceRoots.local[0];
  return ctx.finding('counterpart_min', severity, `counterpart_min:${id ?? 'program'}`, id, column, c.minimum, c.local,
    id === null ? 'rules.counterpart_min.program' : 'rules.counterpart_min.line', {
      ...(id === null ? {} : { line: ctx.lineRef(id) }),
      ...ctx.columnParams(column),
      actual: ctx.money(c.local),
      expected: ctx.money(c.minimum),
      central: ctx.money(c.central),
      diff: ctx.money(c.shortfall),
      ratio: formatPercent(c.local / c.central, ctx.meta.numberLocale),
      percent: ctx.percent(ctx.params.counterpartMinPercent!),
      basis: ctx.params.counterpartBasis,
    });
}

function sum(keys: readonly string[], f: (k: string) => number): number {
  let s = 0;
  for (const k of keys) s += f(k);
  return s;
}
