// Keeps the cycle's findings current for a session: built from scratch on first use (not at open,
// so a big plan paints before its rules have run) and after settings edits, then updated
// incrementally (only the lines an edit touched) after cell, field and structural edits. A thin
// adapter over shared/rules' FindingsIndex, so the grid, the CLI and the importer all see the same
// findings.
import type { PlanCalc } from '../../shared/calc';
import type { Finding, FindingsDelta } from '../../shared/findings';
import type { CycleMeta, RuleParams } from '../../shared/model';
import { FindingsIndex } from '../../shared/rules';
import type { UnitSums } from '../../shared/units/rules';

export class FindingsTracker {
  private index: FindingsIndex | null = null;

  constructor(
    private readonly calc: PlanCalc,
    private readonly meta: CycleMeta,
    private readonly rules: RuleParams,
    /** The units' shares (issue 14): a share edit is an update of its line. */
    private readonly units?: UnitSums,
  ) {}

  private built(): FindingsIndex {
    this.index ??= new FindingsIndex({ calc: this.calc, meta: this.meta, rules: this.rules, lang: 'vi', units: this.units });
    return this.index;
  }

  all(): Finding[] {
    return this.built().all();
  }

  /** What a structural edit changed (see FindingsIndex.updateStructure); the whole list when nobody had asked yet. */
  updateStructure(affected: Iterable<number>, removed: Iterable<number>, groups: Iterable<number | null>, order: readonly number[]): FindingsDelta {
    if (!this.index) return { reset: this.all(), upsert: [], remove: [] };
    return this.index.updateStructure(affected, removed, groups, order);
  }

  /** The calc's column tree changed, moving the findings of `lines` only (FindingsIndex.columnsChanged). */
  columnsChanged(lines: Iterable<number>): FindingsDelta {
    if (!this.index) return { reset: this.all(), upsert: [], remove: [] };
    return this.index.columnsChanged(lines);
  }

  /** What an edit of these lines changed; the whole list when nobody had asked for findings yet. */
  update(changed: Iterable<number>): FindingsDelta {
    if (!this.index) return { reset: this.all(), upsert: [], remove: [] };
    return this.index.update(changed);
  }
}
