// Keeps the cycle's findings current for a session: built from scratch on open and after structural
// or settings edits, updated incrementally (only the lines an edit touched) after cell and field
// edits. A thin adapter over shared/rules' FindingsIndex, so the grid, the CLI and the importer
// all see the same findings.
import type { PlanCalc } from '../../shared/calc';
import type { Finding, FindingsDelta } from '../../shared/findings';
import type { CycleMeta, RuleParams } from '../../shared/model';
import { FindingsIndex } from '../../shared/rules';

export class FindingsTracker {
  private readonly index: FindingsIndex;

  constructor(calc: PlanCalc, meta: CycleMeta, rules: RuleParams) {
    this.index = new FindingsIndex({ calc, meta, rules, lang: 'vi' });
  }

  all(): Finding[] {
    return this.index.all();
  }

  update(changed: Iterable<number>): FindingsDelta {
    return this.index.update(changed);
  }
}
