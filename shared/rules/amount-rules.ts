// Rules on one line's stored figures and allocation state: sum_mismatch (rule 1), capital_eligibility
// (rule 3), negative_amount (rule 4) and not_allocated (rule 5). Each reads only the line itself (its
// stored figures, computed values and allocation state) plus its inherited capital restrictions,
// which is what lets FindingsIndex re-run them for just the lines an edit changed.
import type { Finding } from '../findings';
import { t, type Lang } from '../i18n';
import type { CapitalType, Dong } from '../model';
import type { RuleContext } from './context';
import type { LinePlace } from './context';

/** Findings on the stored figures of one line, in column display order. */
export function amountFindings(ctx: RuleContext, place: LinePlace, out: Finding[]): void {
  const { calc } = ctx;
  const { id, line, isParent, deny } = place;
  const tol = ctx.params.toleranceDong;
  // Column display order (the calc keeps a line's figures in it, whatever order edits came in): the
  // same plan always lists the same findings in the same order. Figures in a column the rules do
  // not know are not checked: there is nothing to check them against. No map per line (a full run
  // reads 100.000 lines).
  calc.forEachStored(id, (key, v) => {
    const col = ctx.columns.get(key);
    if (col === undefined) return;

    // 1. A stated total differs from what its parts add up to. An unallocated parent's own leaf
    //    figures never do: the calc takes them as the line's value.
    if (isParent || !col.isLeaf) {
      const computed = calc.value(id, key);
      if (Math.abs(v - computed) > tol) {
        out.push(ctx.finding('sum_mismatch', 'error', `sum_mismatch:${id}:${key}`, id, key, computed, v,
          'rules.sum_mismatch', amountParams(ctx, id, key, computed, v)));
      }
    }

    // 4. Negative figures belong only on adjustment (reduction) lines.
    if (v < 0 && !line.isAdjustment) {
      out.push(ctx.finding('negative_amount', 'error', `negative_amount:${id}:${key}`, id, key, 0, v,
        'rules.negative_amount', amountParams(ctx, id, key, 0, v)));
    }

    // 3. Money of a capital type the line (or a line above it) may not take. On a leaf line the
    //    stored figure is its value; on a parent it is a stated figure, wrong in itself — its
    //    computed value comes from children, which are checked themselves.
    if (v > 0 && col.isLeaf && col.capital !== null) {
      const source = deny[col.capital];
      if (source !== undefined) {
        const allowed = calc.lines.get(source)?.allowedCapital ?? [];
        const inherited = source !== id;
        out.push(ctx.finding('capital_eligibility', 'error', `capital_eligibility:${id}:${key}`, id, key, 0, v,
          inherited ? 'rules.capital_eligibility.inherited' : 'rules.capital_eligibility', {
            ...amountParams(ctx, id, key, 0, v),
            capitalVi: capitalName('vi', col.capital),
            capitalEn: capitalName('en', col.capital),
            allowedVi: allowedNames('vi', allowed),
            allowedEn: allowedNames('en', allowed),
            ...(inherited ? { source: ctx.lineRef(source) } : {}),
          }));
      }
    }
  });
}

/** 5. A parent whose children carry nothing yet, while it has figures of its own (info). */
export function allocationFindings(ctx: RuleContext, id: number, out: Finding[]): void {
  const { calc } = ctx;
  if (!calc.isUnallocatedParent(id)) return;
  let hasFigures = false;
  for (const [k, v] of calc.storedOf(id)) if (v !== 0 && ctx.columns.has(k)) hasFigures = true;
  if (!hasFigures) return;
  // The amount waiting to be split: its own figures' total, or its stated total when it has only that.
  let actual = 0;
  for (const k of ctx.rootKeys) {
    const v = calc.value(id, k);
    actual += v !== 0 ? v : (calc.storedValue(id, k) ?? 0);
  }
  out.push(ctx.finding('not_allocated', 'info', `not_allocated:${id}`, id, null, null, actual, 'rules.not_allocated', {
    line: ctx.lineRef(id),
    actual: ctx.money(actual),
  }));
}

function amountParams(ctx: RuleContext, id: number, column: string, expected: Dong, actual: Dong) {
  return {
    line: ctx.lineRef(id),
    ...ctx.columnParams(column),
    expected: ctx.money(expected),
    actual: ctx.money(actual),
    diff: ctx.signed(actual - expected),
  };
}

function capitalName(lang: Lang, c: CapitalType): string {
  return t(lang, `rules.capital.${c}`);
}

function allowedNames(lang: Lang, allowed: readonly CapitalType[]): string {
  if (allowed.length === 0) return t(lang, 'rules.capital.none');
  return allowed.map((c) => capitalName(lang, c)).join(lang === 'vi' ? ' và ' : ' and ');
}
