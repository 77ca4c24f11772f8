// Bench cases of the rule engine (issue 3, "Live totals that flag mismatches"), measured by
// test/bench/rules-measure.ts on a generated 100.000-line plan: all rules from scratch (< 200 ms) and one
// cell edit's incremental update of totals + findings (< 5 ms at the 95th percentile), plus the
// figures that explain them (the live index's own build, wide field edits, listing all findings).
import { measureRules } from './rules-measure';
import type { Report } from './report';

const LINES = 100_000;

export async function benchRules(report: Report): Promise<void> {
  const m = measureRules(LINES, { edits: 2000, runs: 5 });
  const n = LINES.toLocaleString('vi-VN');
  report({
    case: `rules: all rules from scratch (${n} lines, ${m.findings.toLocaleString('vi-VN')} findings), median of 5`,
    value: m.fromScratchMedianMs, unit: 'ms', target: '< 200 ms', ok: m.fromScratchMedianMs < 200,
  });
  report({
    case: `rules: one edit, incremental totals + findings (${n} lines), p95 of ${m.edits.toLocaleString('vi-VN')}`,
    value: m.editP95Ms, unit: 'ms', target: '< 5 ms', ok: m.editP95Ms < 5,
  });
  report({ case: 'rules: all rules from scratch, best of 5', value: m.fromScratchBestMs, unit: 'ms' });
  report({ case: 'rules: one edit, findings update alone, p95', value: m.updateP95Ms, unit: 'ms' });
  report({ case: 'rules: one edit, slowest of all', value: m.editMaxMs, unit: 'ms' });
  report({ case: `rules: totals from scratch (PlanCalc, ${n} lines)`, value: m.calcBuildMs, unit: 'ms' });
  report({ case: `rules: live findings index, full build (${n} lines)`, value: m.indexBuildMs, unit: 'ms' });
  report({ case: "rules: rename a project's code (re-checks its lines with findings)", value: m.projectCodeEditMs, unit: 'ms' });
  report({ case: "rules: change a project's capital types (re-checks its subtree)", value: m.projectCapitalEditMs, unit: 'ms' });
  report({ case: 'rules: list all findings in display order', value: m.allMs, unit: 'ms' });
}
