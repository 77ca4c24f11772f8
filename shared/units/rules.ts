// The two unit rules (issue 14), run per line with the plan's own rules (shared/rules/engine.ts) so
// a share edit re-runs only its line: unit_overallocated (error) where the units' shares add up to
// more than the line's figure in a column, unit_unallocated (info) where some but not all of it is
// given to units. Only cells that carry shares are looked at: a plan without units costs nothing.
import type { Finding } from '../findings';
import type { Dong } from '../model';
import type { RuleContext } from '../rules/context';

export type { UnitSums } from '../rules/context';

export function unitFindings(ctx: RuleContext, id: number, out: Finding[]): void {
  const u = ctx.units;
  if (!u || !u.hasShares(id)) return;
  // In the columns' display order, whatever order the shares came in.
  const columns = u.columnsOf(id).filter((k) => ctx.columns.has(k));
  if (columns.length > 1) {
    const at = new Map(ctx.ordered.map((c, i) => [c.key, i]));
    columns.sort((a, b) => at.get(a)! - at.get(b)!);
  }
  for (const column of columns) {
    const sum = u.sum(id, column);
    const figure = ctx.calc.value(id, column);
    if (sum === figure) continue;
    const params = { line: ctx.lineRef(id), ...ctx.columnParams(column), expected: ctx.money(figure), actual: ctx.money(sum) };
    if (sum > figure) {
      out.push(ctx.finding('unit_overallocated', 'error', `unit_overallocated:${id}:${column}`, id, column, figure, sum, 'rules.unit_overallocated', {
        ...params,
        diff: ctx.money(sum - figure),
      }));
    } else {
      out.push(ctx.finding('unit_unallocated', 'info', `unit_unallocated:${id}:${column}`, id, column, figure, sum, 'rules.unit_unallocated', {
        ...params,
        rest: ctx.money(figure - sum),
      }));
    }
  }
}
