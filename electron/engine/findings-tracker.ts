// Keeps the cycle's findings current: built from scratch on open and after structural edits,
// updated incrementally (only the lines an edit touched) after cell edits.
import type { PlanCalc } from '../../shared/calc';
import type { Finding, FindingsDelta } from '../../shared/findings';
import type { CycleMeta, RuleParams } from '../../shared/model';

export class FindingsTracker {
  constructor(
    private readonly calc: PlanCalc,
    private readonly meta: CycleMeta,
    private readonly rules: RuleParams,
  ) {}

  all(): Finding[] {
    return [];
  }

  update(_changed: Iterable<number>): FindingsDelta {
    return { upsert: [], remove: [] };
  }
}
