// The benchmark plan generator: deterministic, exactly the requested size, a realistic tree whose
// stated totals add up — clean without anomalies, and with them, something for every rule.
import { describe, expect, it } from 'vitest';
import { PlanCalc } from '../calc';
import { ColumnTree } from '../columns';
import type { RuleId } from '../findings';
import { generatePlan } from '../../test/support/bench-plan';
import { runAllRules } from './index';

const load = (n: number, seed = 1, anomalies = true) => {
  const plan = generatePlan(n, seed, { anomalies });
  const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
  return { plan, calc, findings: runAllRules({ calc, meta: plan.meta, rules: plan.rules }) };
};

describe('generatePlan', () => {
  it('is deterministic per (lineCount, seed) and differs between seeds', () => {
    expect(generatePlan(2000, 7)).toEqual(generatePlan(2000, 7));
    expect(generatePlan(2000, 7).amounts).not.toEqual(generatePlan(2000, 8).amounts);
  });

  it('makes exactly the requested number of lines, ids 1…n, parents before children', () => {
    for (const n of [1, 2, 3, 10, 57, 1000, 12_345]) {
      const { lines } = generatePlan(n, 2);
      expect(lines).toHaveLength(n);
      lines.forEach((l, i) => {
        expect(l.id).toBe(i + 1);
        if (l.parentId !== null) expect(l.parentId).toBeLessThan(l.id);
      });
    }
  });

  it('builds projects → sub-projects → communes → activities, with integer amounts on known columns', () => {
    const { plan, calc } = load(20_000, 4);
    const depth = new Map<number, number>();
    for (const l of plan.lines) depth.set(l.id, l.parentId === null ? 0 : depth.get(l.parentId)! + 1);
    expect(Math.max(...depth.values())).toBe(3);
    expect(plan.lines.filter((l) => l.parentId === null).length).toBeGreaterThanOrEqual(3);
    const keys = new Set(plan.columns.map((c) => c.key));
    expect(plan.amounts.filter((a) => !Number.isInteger(a.value) || !keys.has(a.column))).toEqual([]);
    // Central and local funds in a realistic proportion.
    const ratio = calc.total('local') / calc.total('central');
    expect(ratio).toBeGreaterThan(0.1);
    expect(ratio).toBeLessThan(0.16);
  });

  it('without anomalies, the plan is clean', () => {
    expect(load(20_000, 5, false).findings).toEqual([]);
  });

  it('with anomalies, every line rule has something to find', () => {
    const rules = new Set(load(20_000, 5).findings.map((f) => f.rule));
    const expected: RuleId[] = ['sum_mismatch', 'counterpart_min', 'capital_eligibility', 'negative_amount', 'not_allocated', 'required_field', 'duplicate_code'];
    for (const r of expected) expect(rules, r).toContain(r);
  });
});
