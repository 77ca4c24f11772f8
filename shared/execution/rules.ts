// The execution rules (issue 15), findings like the plan's, with their basis in the dictionary:
// - disbursement_over_plan (error): a line's disbursed figure above its plan in a leaf column — the
//   year's funds against the plan, carried-over funds against the amount carried over;
// - disbursement_decreasing (warning): cumulative disbursement lower than at the previous as-of date;
// - disbursement_below_pace (warning): a project's (top-level line's) rate, or the program's, below
//   the pace the officer set for that date — no pace set, no finding (no hidden default);
// - report_overdue (info): a date past its due date (today: the host's clock) without any figure;
// - carryover_unspent (warning): carried-over funds still unspent after their deadline.
// Line findings are kept per line, so an edit re-runs only the lines it touched; the date-level
// ones (pace, overdue) are few and re-run every time.
import type { Finding, FindingsDelta } from '../findings';
import type { CycleMeta, RuleParams } from '../model';
import { RuleContext } from '../rules/context';
import { t } from '../i18n';
import { cellSum, totalSum, type ExecutionCalc } from './calc';
import { rateTenths, formatRate, type ReportDate } from './model';

/** The day as yyyy-mm-dd in the machine's time zone (a Vietnamese office's day, not UTC's). */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** dd/mm/yyyy, as Vietnamese documents write a date. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${+d}/${+m}/${y}`;
}

export interface ExecutionRuleInput {
  ex: ExecutionCalc;
  meta: CycleMeta;
  rules: RuleParams;
  /** Today, yyyy-mm-dd. */
  today: string;
  lang?: 'vi' | 'en';
}

export class ExecutionFindings {
  private byLine = new Map<number, Finding[]>();
  private global: Finding[] = [];
  private ctx: RuleContext;

  constructor(private input: ExecutionRuleInput) {
    this.ctx = new RuleContext({ calc: input.ex.layout.calc, meta: input.meta, rules: input.rules, lang: input.lang });
    this.rebuildAll();
  }

  all(): Finding[] {
    const out: Finding[] = [];
    for (const f of this.byLine.values()) out.push(...f);
    out.push(...this.global);
    return out;
  }

  /** Lines that may carry a line finding: any with a figure or a carried-over amount. */
  private interesting(): Set<number> {
    const s = this.input.ex.state;
    const ids = s.linesWithFigures();
    for (const byLine of s.carryover.values()) for (const id of byLine.keys()) ids.add(id);
    return ids;
  }

  private rebuildAll(): void {
    this.byLine.clear();
    for (const id of this.interesting()) this.runLine(id);
    this.global = this.runGlobal();
  }

  /**
   * After a step: the whole list again (`full`: dates, the tree, the columns, the meta or the rules
   * changed) or the lines given, as a delta of finding ids; date-level findings always re-run.
   */
  step(input: ExecutionRuleInput, full: boolean, lines: Iterable<number>): { all: Finding[]; upsert: Finding[]; remove: string[] } {
    const before = new Map<string, Finding>();
    const touch = (fs: Finding[] | undefined) => fs?.forEach((f) => before.set(f.id, f));
    const after: Finding[] = [];
    if (full || input.meta !== this.input.meta || input.rules !== this.input.rules || input.ex.layout.calc !== this.ctx.calc) {
      for (const f of this.all()) before.set(f.id, f);
      this.input = input;
      this.ctx = new RuleContext({ calc: input.ex.layout.calc, meta: input.meta, rules: input.rules, lang: input.lang });
      this.rebuildAll();
      after.push(...this.all());
    } else {
      this.input = input;
      for (const id of new Set(lines)) {
        touch(this.byLine.get(id));
        this.runLine(id);
        after.push(...(this.byLine.get(id) ?? []));
      }
      touch(this.global);
      this.global = this.runGlobal();
      after.push(...this.global);
    }
    const upsert: Finding[] = [];
    const kept = new Set<string>();
    for (const f of after) {
      kept.add(f.id);
      const b = before.get(f.id);
      if (!b || b.message !== f.message || b.actual !== f.actual || b.expected !== f.expected) upsert.push(f);
    }
    const remove = [...before.keys()].filter((id) => !kept.has(id));
    return { all: this.all(), upsert, remove };
  }

  private runLine(id: number): void {
    const out: Finding[] = [];
    const { ex } = this.input;
    const lay = ex.layout;
    const row = lay.rowOf.get(id);
    const s = ex.state;
    if (row !== undefined) {
      const c = this.ctx;
      const dates = s.sortedDates();
      const hasOwn = (dateId: number) => s.hasLineFigures(dateId, id);
      const leaves = lay.leafKeys;
      let prev: { date: ReportDate; d: Float64Array } | null = null;
      for (const date of dates) {
        const sums = ex.sums(date.id);
        const own = hasOwn(date.id);
        for (let li = 0; li < leaves.length; li++) {
          const col = leaves[li];
          const disb = sums.disbursed[row * lay.width + li];
          if (own) {
            const plan = lay.calc.value(id, col);
            if (disb > plan) {
              out.push(this.withDate(c.finding('disbursement_over_plan', 'error', `disbursement_over_plan:${date.id}:${id}:${col}`, id, col, plan, disb,
                'rules.disbursement_over_plan', { line: c.lineRef(id), date: viDate(date.asOf), expected: c.money(plan), actual: c.money(disb), diff: c.signed(disb - plan), ...c.columnParams(col) }), date));
            }
          }
          if (prev && (own || hasOwn(prev.date.id))) {
            const before = prev.d[row * lay.width + li];
            if (disb < before) {
              out.push(this.withDate(c.finding('disbursement_decreasing', 'warning', `disbursement_decreasing:${date.id}:${id}:${col}`, id, col, before, disb,
                'rules.disbursement_decreasing', { line: c.lineRef(id), date: viDate(date.asOf), previous: viDate(prev.date.asOf), expected: c.money(before), actual: c.money(disb), diff: c.signed(disb - before), ...c.columnParams(col) }), date));
            }
          }
        }
        // Carried-over funds: disbursed against the amount carried over.
        if (own) {
          const plans = ex.carriedPlan();
          for (const [year, arr] of sums.carried) {
            const plan = plans.get(year);
            for (let li = 0; li < leaves.length; li++) {
              const disb = arr[row * lay.width + li];
              const p = plan ? plan[row * lay.width + li] : 0;
              if (disb > p) {
                const col = leaves[li];
                out.push(this.withDate(c.finding('disbursement_over_plan', 'error', `disbursement_over_plan:${date.id}:${id}:${col}:${year}`, id, col, p, disb,
                  'rules.disbursement_over_plan.carryover', { line: c.lineRef(id), date: viDate(date.asOf), year, expected: c.money(p), actual: c.money(disb), diff: c.signed(disb - p), ...c.columnParams(col) }), date));
              }
            }
          }
        }
        prev = { date, d: sums.disbursed };
      }
      this.carryoverUnspent(id, row, dates, out);
    }
    if (out.length) this.byLine.set(id, out);
    else this.byLine.delete(id);
  }

  /** Carried-over amounts on the line itself (not a sum) still unspent when their deadline passed. */
  private carryoverUnspent(id: number, row: number, dates: ReportDate[], out: Finding[]): void {
    const { ex, today } = this.input;
    const lay = ex.layout;
    const c = this.ctx;
    for (const [year, byLine] of ex.state.carryover) {
      const own = byLine.get(id);
      if (!own) continue;
      const deadline = ex.state.sources.get(year)?.deadline ?? null;
      if (deadline === null || !(deadline < today)) continue;
      // What was disbursed by the deadline: the last as-of date on or before it (else the last one).
      const upTo = dates.filter((d) => d.asOf <= deadline);
      const at = upTo.length ? upTo[upTo.length - 1] : dates[dates.length - 1];
      const carried = at ? ex.sums(at.id).carried.get(year) : undefined;
      for (const [col, amount] of own) {
        const li = lay.leafOf.get(col);
        if (li === undefined) continue;
        const disb = carried ? carried[row * lay.width + li] : 0;
        if (disb < amount) {
          const f = c.finding('carryover_unspent', 'warning', `carryover_unspent:${year}:${id}:${col}`, id, col, amount, disb,
            'rules.carryover_unspent', { line: c.lineRef(id), year, deadline: viDate(deadline), expected: c.money(amount), actual: c.money(disb), diff: c.money(amount - disb), ...c.columnParams(col) });
          out.push(at ? this.withDate(f, at) : f);
        }
      }
    }
  }

  /** Pace per project and for the program, and overdue reports. */
  private runGlobal(): Finding[] {
    const out: Finding[] = [];
    const { ex, today } = this.input;
    const lay = ex.layout;
    const c = this.ctx;
    const roots = c.rootKeys;
    for (const date of ex.state.sortedDates()) {
      const sums = ex.sums(date.id);
      if (sums.count === 0) {
        if (date.due !== null && date.due < today) {
          out.push(this.withDate(c.finding('report_overdue', 'info', `report_overdue:${date.id}`, null, null, null, null,
            'rules.report_overdue', { date: viDate(date.asOf), due: viDate(date.due) }), date));
        }
        continue;
      }
      if (date.paceMinPercent === null) continue;
      const pace = Math.round(date.paceMinPercent * 10);
      const paceText = formatRate(pace, this.input.meta.numberLocale).replace(/[,.]0$/, '');
      for (const col of roots) {
        const check = (lineId: number | null, plan: number, disb: number) => {
          const rate = rateTenths(disb, plan);
          if (rate === null || rate >= pace) return;
          out.push(this.withDate(c.finding('disbursement_below_pace', 'warning', `disbursement_below_pace:${date.id}:${lineId ?? 'total'}:${col}`, lineId, col, plan, disb,
            'rules.disbursement_below_pace', {
              line: lineId === null ? t(c.lang, 'execution.total') : c.lineRef(lineId),
              date: viDate(date.asOf), rate: formatRate(rate, this.input.meta.numberLocale), pace: paceText,
            }), date));
        };
        for (const r of lay.topRows) {
          const id = lay.order[r].id;
          check(id, lay.calc.value(id, col), cellSum(lay, sums.disbursed, r, col));
        }
        check(null, lay.calc.total(col), totalSum(lay, sums.disbursed, col));
      }
    }
    return out;
  }

  private withDate(f: Finding, d: ReportDate): Finding {
    f.asOf = d.asOf;
    return f;
  }
}

/** Merge the execution findings' step into the plan's delta (a plan reset carries them all). */
export function mergeFindings(plan: FindingsDelta, exec: { all: Finding[]; upsert: Finding[]; remove: string[] }): FindingsDelta {
  if (plan.reset) return { ...plan, reset: [...plan.reset, ...exec.all] };
  return { ...plan, upsert: [...plan.upsert, ...exec.upsert], remove: [...plan.remove, ...exec.remove] };
}
