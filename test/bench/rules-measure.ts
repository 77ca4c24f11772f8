// Timings of the rule engine on a generated plan, for the project bench (`npm run bench`) and for
// checking the targets by hand: all rules from scratch on 100.000 lines < 200 ms; one cell edit's
// incremental update (PlanCalc.setAmount + FindingsIndex.update) < 5 ms at the 95th percentile.
// Pure: uses only performance.now(), available in Node and in browsers.
import { PlanCalc } from '../../shared/calc';
import { ColumnTree } from '../../shared/columns';
import { generatePlan } from '../support/bench-plan';
import { runAllRules } from '../../shared/rules/engine';
import { FindingsIndex } from '../../shared/rules/findings-index';

export interface RuleTimings {
  lines: number;
  amounts: number;
  findings: number;
  /** PlanCalc construction (all totals), ms. */
  calcBuildMs: number;
  /** runAllRules from scratch, ms: best and median of `runs`. */
  fromScratchBestMs: number;
  fromScratchMedianMs: number;
  /** FindingsIndex construction (a full build), ms. */
  indexBuildMs: number;
  /** One edit: setAmount + FindingsIndex.update, ms. */
  editP50Ms: number;
  editP95Ms: number;
  editMaxMs: number;
  /** FindingsIndex.update alone, p95 ms. */
  updateP95Ms: number;
  edits: number;
  /** Renaming a top-level project's code: re-runs the lines below it that have findings, ms. */
  projectCodeEditMs: number;
  /** Changing a top-level project's capital types: re-runs its whole subtree, ms. */
  projectCapitalEditMs: number;
  /** FindingsIndex.all() after an edit (sorts the lines that have findings), ms. */
  allMs: number;
}

export function measureRules(lineCount = 100_000, { edits = 2000, runs = 5, seed = 1 } = {}): RuleTimings {
  const plan = generatePlan(lineCount, seed);
  let t = performance.now();
  const calc = new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts);
  const calcBuildMs = performance.now() - t;
  const input = { calc, meta: plan.meta, rules: plan.rules };

  const scratch: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    findings = runAllRules(input).length;
    scratch.push(performance.now() - t);
  }

  t = performance.now();
  const index = new FindingsIndex(input);
  const indexBuildMs = performance.now() - t;

  // Edits where people type: entered amounts on leaf lines (a few clear a cell or go negative).
  const leafIds = plan.lines.filter((l) => !calc.isParent(l.id)).map((l) => l.id);
  const leafCols = calc.cols.leaves.map((c) => c.key);
  let state = seed >>> 0;
  const rnd = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  const editMs: number[] = [];
  const updateMs: number[] = [];
  for (let i = 0; i < edits; i++) {
    const id = leafIds[Math.floor(rnd() * leafIds.length)];
    const col = leafCols[Math.floor(rnd() * leafCols.length)];
    const r = rnd();
    const value = r < 0.05 ? null : r < 0.07 ? -1_000_000 : Math.round(rnd() * 5000) * 1_000_000;
    const t0 = performance.now();
    const changed = calc.setAmount(id, col, value);
    const t1 = performance.now();
    index.update(changed);
    const t2 = performance.now();
    editMs.push(t2 - t0);
    updateMs.push(t2 - t1);
  }
  const project = calc.children(null)[0];
  calc.updateLine({ ...calc.lines.get(project)!, code: 'I' });
  t = performance.now();
  index.update([project]);
  const projectCodeEditMs = performance.now() - t;
  calc.updateLine({ ...calc.lines.get(project)!, allowedCapital: ['recurrent'] });
  t = performance.now();
  index.update([project]);
  const projectCapitalEditMs = performance.now() - t;
  t = performance.now();
  index.all();
  const allMs = performance.now() - t;

  return {
    lines: plan.lines.length,
    amounts: plan.amounts.length,
    findings,
    calcBuildMs,
    fromScratchBestMs: Math.min(...scratch),
    fromScratchMedianMs: quantile(scratch, 0.5),
    indexBuildMs,
    editP50Ms: quantile(editMs, 0.5),
    editP95Ms: quantile(editMs, 0.95),
    editMaxMs: Math.max(...editMs),
    updateP95Ms: quantile(updateMs, 0.95),
    edits,
    projectCodeEditMs,
    projectCapitalEditMs,
    allMs,
  };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
