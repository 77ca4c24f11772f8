// FindingsIndex must always agree with runAllRules from scratch: random line and column trees,
// random rule parameters, random sequences of amount edits (PlanCalc.setAmount) and line field
// edits (PlanCalc.updateLine), checked after every step — the list, its order, the counts, and the
// delta as a renderer would apply it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PlanCalc } from '../calc';
import { ColumnTree, defaultColumns } from '../columns';
import type { Finding, FindingsDelta } from '../findings';
import type { Amount, CapitalType, FundingColumn, Line, RuleParams } from '../model';
import { DEFAULT_RULES } from '../model';
import { FindingsIndex, runAllRules, type RuleInput } from './index';
import { generatePlan } from '../../test/support/bench-plan';
import { amounts, line, META, ruleInput } from '../../test/support/rules-fixtures';

const CODES = ['1', '2', '1.1', 'a', 'I', '-', '+', '', ' ', ' 1 ', 'Ế', 'Ế'.normalize('NFD')];
const NAMES = ['', ' ', 'Dự án', 'Tiểu dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội'];
const CAPITALS: (CapitalType[] | null)[] = [null, null, [], ['recurrent'], ['investment'], ['investment', 'recurrent']];

const arbLines = fc.array(
  fc.record({
    parent: fc.nat(), kind: fc.nat({ max: 9 }), pos: fc.nat({ max: 4 }),
    // Mostly unique codes and real names, so that many lines are clean and can gain findings.
    code: fc.option(fc.constantFrom(...CODES), { nil: null, freq: 2 }),
    name: fc.option(fc.constantFrom(...NAMES), { nil: null, freq: 2 }),
    capital: fc.constantFrom(...CAPITALS), adj: fc.boolean(),
  }),
  { minLength: 1, maxLength: 22 },
).map((specs) => specs.map((s, i): Line => ({
  id: i + 1,
  // Mostly a tree under earlier lines; some top-level lines; rarely a dangling parent id.
  parentId: s.kind === 0 ? 500 + s.parent : s.kind < 3 || i === 0 ? null : (s.parent % i) + 1,
  position: s.pos, code: s.code ?? `${i + 1}.`, name: s.name ?? `Dòng ${i + 1}`, agency: '', note: '',
  allowedCapital: s.capital, isAdjustment: s.adj && s.kind > 7,
})));

const col = (key: string, parent: string | null, position: number, source: FundingColumn['source'], capital: FundingColumn['capital']): FundingColumn =>
  ({ key, parent, position, label: { vi: key, en: key }, source, capital });

const arbColumns: fc.Arbitrary<FundingColumn[]> = fc.oneof(
  fc.constant(defaultColumns()),
  // Random trees: sources and capital types anywhere (nested sources, typed groups, none at all).
  fc.array(fc.record({
    p: fc.nat(), source: fc.constantFrom(null, 'central', 'local', 'other') as fc.Arbitrary<FundingColumn['source']>,
    capital: fc.constantFrom(null, 'investment', 'recurrent') as fc.Arbitrary<FundingColumn['capital']>,
  }), { minLength: 1, maxLength: 7 })
    .map((cs) => cs.map((c, i) => col(`c${i}`, i === 0 ? null : `c${c.p % i}`, i, c.source, c.capital))),
);

const arbRules: fc.Arbitrary<RuleParams> = fc.record({
  counterpartMinPercent: fc.constantFrom<number | null>(0, 10, 12.5, 50, null), // null: no level yet (2026 on)
  toleranceDong: fc.constantFrom(null, 0, 1_000_000),
  counterpartPerLine: fc.boolean(),
  counterpartTolerancePercent: fc.constantFrom(undefined, 0, 0.005, 1),
  counterpartLineDepth: fc.constantFrom(undefined, 0, 1, 3),
}).map((r) => {
  const out: RuleParams = { ...DEFAULT_RULES, ...r };
  if (r.counterpartTolerancePercent === undefined) delete out.counterpartTolerancePercent;
  if (r.counterpartLineDepth === undefined) delete out.counterpartLineDepth;
  return out;
});

// Amounts around a few round figures, so sums often (but not always) match stated totals.
const arbValue = fc.oneof(
  fc.constantFrom(0, 100_000, 400_000, 500_000, 1_000_000, 10_000_000, 100_000_000),
  fc.integer({ min: -2_000_000, max: 200_000_000 }),
);

type Op =
  | { t: 'amount'; line: number; col: number; value: number | null }
  | { t: 'fields'; line: number; code?: string; name?: string; capital?: CapitalType[] | null; adj?: boolean };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('amount' as const), line: fc.nat(), col: fc.nat(), value: fc.option(arbValue, { nil: null, freq: 5 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('fields' as const), line: fc.nat(),
      code: fc.option(fc.constantFrom(...CODES), { nil: undefined }),
      name: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
      capital: fc.option(fc.constantFrom(...CAPITALS), { nil: undefined }),
      adj: fc.option(fc.boolean(), { nil: undefined }),
    }, { requiredKeys: ['t', 'line'] }),
  },
);

const byId = (fs: readonly Finding[]) => new Map(fs.map((f) => [f.id, f]));

function tally(fs: readonly Finding[]) {
  const c = { error: 0, warning: 0, info: 0, total: fs.length };
  for (const f of fs) c[f.severity]++;
  return c;
}

/** The renderer's side: apply a delta to its map of findings. */
function applyDelta(mirror: Map<string, Finding>, d: FindingsDelta): void {
  for (const id of d.remove) mirror.delete(id);
  for (const f of d.upsert) mirror.set(f.id, f);
}

function expectInSync(index: FindingsIndex, input: RuleInput, mirror: Map<string, Finding>): void {
  const scratch = runAllRules(input);
  expect(index.all()).toEqual(scratch);
  expect(index.counts()).toEqual(tally(scratch));
  expect(index.size).toBe(scratch.length);
  expect(new Map([...mirror].sort())).toEqual(new Map([...byId(scratch)].sort()));
}

describe('FindingsIndex = runAllRules after any edits', () => {
  it('on random plans, parameters and edit sequences', () => {
    fc.assert(
      fc.property(
        arbLines, arbColumns, arbRules, fc.constantFrom('trieu', 'nghin', 'dong') as fc.Arbitrary<'trieu' | 'nghin' | 'dong'>,
        fc.constantFrom('vi', 'en') as fc.Arbitrary<'vi' | 'en'>,
        fc.array(fc.record({ line: fc.nat(), col: fc.nat(), value: arbValue }), { maxLength: 30 }),
        fc.array(arbOp, { minLength: 1, maxLength: 25 }),
        (lines, columns, rules, unit, lang, initial, ops) => {
          const cols = new ColumnTree(columns);
          const keys = cols.ordered.map((c) => c.key);
          const amounts: Amount[] = initial.map((a) => ({ lineId: lines[a.line % lines.length].id, column: keys[a.col % keys.length], value: a.value }));
          const calc = new PlanCalc(cols, lines, amounts);
          const input: RuleInput = { calc, meta: { ...META, unit }, rules, lang };
          const index = new FindingsIndex(input);
          const mirror = byId(index.all());
          expectInSync(index, input, mirror);
          for (const op of ops) {
            const id = lines[op.line % lines.length].id;
            let delta: FindingsDelta;
            if (op.t === 'amount') {
              delta = index.update(calc.setAmount(id, keys[op.col % keys.length], op.value));
            } else {
              const old = calc.lines.get(id)!;
              calc.updateLine({
                ...old,
                ...(op.code !== undefined ? { code: op.code } : {}),
                ...(op.name !== undefined ? { name: op.name } : {}),
                ...(op.capital !== undefined ? { allowedCapital: op.capital } : {}),
                ...(op.adj !== undefined ? { isAdjustment: op.adj } : {}),
              });
              delta = index.update([id]);
            }
            applyDelta(mirror, delta);
            expectInSync(index, input, mirror);
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it('a capital restriction set on a project reaches its clean descendants', () => {
    const lines = [line(1, null), line(2, 1), line(3, 2)];
    const input = ruleInput(lines, amounts([3, 'central_investment', 5_000_000], [3, 'local_investment', 500_000]));
    const index = new FindingsIndex(input);
    expect(index.all()).toEqual([]);
    input.calc.updateLine({ ...lines[0], allowedCapital: ['recurrent'] });
    const delta = index.update([1]);
    expect(delta.upsert.map((f) => f.id)).toEqual(['capital_eligibility:3:central_investment', 'capital_eligibility:3:local_investment']);
    // Renaming the project changes those messages (they name it) and nothing else.
    input.calc.updateLine({ ...input.calc.lines.get(1)!, code: 'I' });
    const renamed = index.update([1]);
    expect(renamed.upsert.map((f) => f.msg.params.source)).toEqual(['I', 'I']);
    expect(index.all()).toEqual(runAllRules(input));
  });

  it('rebuild() with new parameters equals a fresh run', () => {
    const plan = generatePlan(400, 3);
    const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
    const index = new FindingsIndex({ calc, meta: plan.meta, rules: plan.rules });
    const rules = { ...plan.rules, counterpartMinPercent: 14, counterpartLineDepth: 2 };
    index.rebuild({ rules, lang: 'en' });
    expect(index.all()).toEqual(runAllRules({ calc, meta: plan.meta, rules, lang: 'en' }));
  });

  it('on a generated plan of 3.000 lines after 300 edits, reporting only what moved', () => {
    const plan = generatePlan(3000, 11);
    const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
    const input = { calc, meta: plan.meta, rules: plan.rules };
    const index = new FindingsIndex(input);
    const mirror = byId(index.all());
    const leaves = plan.lines.filter((l) => !calc.isParent(l.id));
    const keys = calc.cols.ordered.map((c) => c.key);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(arbValue, { nil: null })), { minLength: 300, maxLength: 300 }), (edits) => {
        for (const [l, c, v] of edits) {
          const before = byId(index.all());
          const delta = index.update(calc.setAmount(leaves[l % leaves.length].id, keys[c % keys.length], v));
          applyDelta(mirror, delta);
          // Nothing in the delta is a no-op: upserts are new or changed, removals existed.
          for (const f of delta.upsert) expect(before.get(f.id)).not.toEqual(f);
          for (const id of delta.remove) expect(before.has(id)).toBe(true);
        }
        expectInSync(index, input, mirror);
      }),
      { numRuns: 1 },
    );
  });
});
