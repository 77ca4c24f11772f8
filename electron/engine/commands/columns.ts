// Handlers of the funding-column commands (shared/commands/columns.ts): add, rename / set roles,
// move (reorder, nest, unnest), delete with sub-columns and figures, and the read-only impact of a
// delete. Each change is ONE undo step of `column` actions (plus the figures removed with a deleted
// column, column-dependents.ts); the session rebuilds the column tree, totals and findings from them.
//
// Figures keep their meaning by position, as on lines: a leaf column that gains sub-columns keeps
// its figures on its own key, where they are now stated totals (compared with the sum of the new
// sub-columns); a group that loses its last sub-column takes its stated totals back as entries.
import { columnKeyFor, type ColumnTree } from '../../../shared/columns';
import { MAX_COLUMNS, type ColumnImpact, type ColumnsResults } from '../../../shared/commands/columns';
import type { FundingColumn } from '../../../shared/model';
import { stepLabel } from '../../../shared/step-label';
import type { DocAction } from '../actions';
import type { HandlerMap, SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { columnRemovalActions } from './column-dependents';

type ColumnAction = Extract<DocAction, { t: 'column' }>;

const labels = (c: FundingColumn) => ({ labelVi: c.label.vi, labelEn: c.label.en || c.label.vi });

function requireColumn(ctx: SessionContext, key: string): FundingColumn {
  const c = ctx.columns.byKey.get(key);
  if (!c) throw new PlanDeskError('error.unknown_column', { column: key });
  return c;
}

/** The column and every column below it, in display order. */
export function subtreeKeys(tree: ColumnTree, key: string): string[] {
  const out: string[] = [];
  const visit = (k: string) => {
    out.push(k);
    for (const c of tree.children.get(k) ?? []) visit(c.key);
  };
  visit(key);
  return out;
}

/**
 * Update actions giving `list` (a parent's children, in their new order) positions 0, 1, 2… and
 * `parent`; columns already there are left out.
 */
function placeAll(list: readonly FundingColumn[], parent: string, skip?: string): ColumnAction[] {
  const out: ColumnAction[] = [];
  list.forEach((c, position) => {
    if (c.key === skip || (c.parent === parent && c.position === position)) return;
    out.push({ t: 'column', old: c, new: { ...c, parent, position } });
  });
  return out;
}

/** The labels of `parent`'s children must differ (a header and an import mapping tell columns apart by them). */
function checkLabel(ctx: SessionContext, parent: string, label: string, self: string | null): void {
  const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');
  const clash = (ctx.columns.children.get(parent) ?? []).find((c) => c.key !== self && norm(c.label.vi) === norm(label));
  if (clash) throw new PlanDeskError('columns.error.duplicate_label', labels(clash));
}

/**
 * A column's source and capital type may not contradict a group above it (an NSĐP column under
 * NSTW would count as both): each is null or its nearest typed ancestor's, and its sub-columns'
 * the same with respect to it. `byKey` is the tree after the change.
 */
function checkRoles(byKey: ReadonlyMap<string, FundingColumn>, keys: Iterable<string>): void {
  for (const key of keys) {
    const c = byKey.get(key)!;
    for (let p = c.parent === null ? undefined : byKey.get(c.parent); p; p = p.parent === null ? undefined : byKey.get(p.parent)) {
      const bad = (c.source !== null && p.source !== null && p.source !== c.source) || (c.capital !== null && p.capital !== null && p.capital !== c.capital);
      if (bad) throw new PlanDeskError('columns.error.source_conflict', { ...labels(c), parentVi: p.label.vi, parentEn: p.label.en || p.label.vi });
    }
  }
}

/** The tree's columns after `actions`, by key. */
function after(ctx: SessionContext, actions: readonly ColumnAction[]): Map<string, FundingColumn> {
  const byKey = new Map(ctx.columns.byKey);
  for (const a of actions) {
    if (a.new === null) byKey.delete(a.old!.key);
    else byKey.set(a.new.key, a.new);
  }
  return byKey;
}

/** What deleting `key` removes (the column's computed plan total, the stored figures, the other areas' records). */
export function columnImpact(ctx: SessionContext, key: string): ColumnImpact & { removals: DocAction[] } {
  requireColumn(ctx, key);
  const keys = subtreeKeys(ctx.columns, key);
  const removals = columnRemovalActions(ctx, keys);
  const cells = removals.filter((a) => a.t === 'amount').length;
  return { keys, dong: ctx.calc.total(key), cells, other: removals.length - cells, removals };
}

export const columnsHandlers: HandlerMap<keyof ColumnsResults> = {
  'columns/add': async (args, ctx) => {
    const parent = requireColumn(ctx, args.parent);
    if (ctx.columns.columns.length >= MAX_COLUMNS) throw new PlanDeskError('columns.error.too_many', { max: MAX_COLUMNS });
    checkLabel(ctx, parent.key, args.label.vi, null);
    const siblings = [...(ctx.columns.children.get(parent.key) ?? [])];
    const position = Math.min(args.position ?? siblings.length, siblings.length);
    const key = columnKeyFor(args.label.vi, ctx.columns.byKey.keys());
    const col: FundingColumn = {
      key, parent: parent.key, position,
      label: { vi: args.label.vi, en: args.label.en || args.label.vi },
      source: args.source, capital: args.capital,
    };
    siblings.splice(position, 0, col);
    const actions: ColumnAction[] = [...placeAll(siblings, parent.key, key), { t: 'column', old: null, new: col }];
    // A leaf that gains its first sub-column becomes a group: it shows its own total under a "Tổng" sub-header.
    if (siblings.length === 1 && !parent.totalLabel && parent.parent !== null) {
      actions.unshift({ t: 'column', old: parent, new: { ...parent, totalLabel: { vi: 'Tổng', en: 'Total' } } });
    }
    checkRoles(after(ctx, actions), [key]);
    const patch = ctx.commit(stepLabel('columns.undo.add', labels(col)), actions, null);
    return { ...patch, key };
  },

  'columns/update': async (args, ctx) => {
    const old = requireColumn(ctx, args.key);
    const next: FundingColumn = {
      ...old,
      ...(args.label ? { label: { vi: args.label.vi, en: args.label.en || args.label.vi } } : {}),
      ...(args.source !== undefined ? { source: args.source } : {}),
      ...(args.capital !== undefined ? { capital: args.capital } : {}),
    };
    if (JSON.stringify(next) === JSON.stringify(old)) return ctx.emptyPatch();
    if (args.label && old.parent !== null) checkLabel(ctx, old.parent, args.label.vi, old.key);
    const actions: ColumnAction[] = [{ t: 'column', old, new: next }];
    checkRoles(after(ctx, actions), subtreeKeys(ctx.columns, old.key));
    return ctx.commit(stepLabel('columns.undo.update', labels(next)), actions, null);
  },

  'columns/move': async (args, ctx) => {
    const col = requireColumn(ctx, args.key);
    const parent = requireColumn(ctx, args.parent);
    if (col.parent === null) throw new PlanDeskError('columns.error.root', labels(col));
    if (subtreeKeys(ctx.columns, col.key).includes(parent.key)) throw new PlanDeskError('columns.error.cycle', labels(col));
    if (parent.key !== col.parent) {
      checkLabel(ctx, parent.key, col.label.vi, col.key);
      if (ctx.columns.columns.length >= MAX_COLUMNS && ctx.columns.isLeaf(parent.key) && !parent.totalLabel) {
        // (no new column: the count stays; nothing to refuse)
      }
    }
    const oldSiblings = (ctx.columns.children.get(col.parent) ?? []).filter((c) => c.key !== col.key);
    const newSiblings = parent.key === col.parent ? oldSiblings : (ctx.columns.children.get(parent.key) ?? []).slice();
    const position = Math.min(args.position, newSiblings.length);
    if (parent.key === col.parent && position === col.position) return ctx.emptyPatch();
    const moved: FundingColumn = { ...col, parent: parent.key, position };
    newSiblings.splice(position, 0, moved);
    const actions: ColumnAction[] = [{ t: 'column', old: col, new: moved }, ...placeAll(newSiblings, parent.key, col.key)];
    if (parent.key !== col.parent) actions.push(...placeAll(oldSiblings, col.parent));
    if (newSiblings.length === 1 && !parent.totalLabel && parent.parent !== null) {
      actions.unshift({ t: 'column', old: parent, new: { ...parent, totalLabel: { vi: 'Tổng', en: 'Total' } } });
    }
    checkRoles(after(ctx, actions), subtreeKeys(ctx.columns, col.key));
    return ctx.commit(stepLabel('columns.undo.move', labels(col)), actions, null);
  },

  'columns/delete': async (args, ctx) => {
    const col = requireColumn(ctx, args.key);
    if (col.parent === null) throw new PlanDeskError('columns.error.root', labels(col));
    const { keys, removals } = columnImpact(ctx, col.key);
    // Figures first, then sub-columns before their parents (foreign keys); the inverse runs reversed.
    const deletes: ColumnAction[] = keys.reverse().map((k) => ({ t: 'column', old: ctx.columns.byKey.get(k)!, new: null }));
    const rest = (ctx.columns.children.get(col.parent) ?? []).filter((c) => c.key !== col.key);
    const actions: DocAction[] = [...removals, ...deletes, ...placeAll(rest, col.parent)];
    return ctx.commit(stepLabel('columns.undo.delete', labels(col)), actions, null);
  },

  'columns/impact': async (args, ctx) => {
    const { keys, dong, cells, other } = columnImpact(ctx, args.key);
    return { keys, dong, cells, other };
  },
};
