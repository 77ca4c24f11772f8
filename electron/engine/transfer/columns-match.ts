// Importing into the open plan when the file's funding columns are not the plan's: each column of
// the file is matched to a column of the plan (same key, else same label under the matched parent;
// a leaf of the file only to a leaf of the plan);
// a column that matches none and carries figures waits for the person's choice — add it to the
// plan (a `column` action in the same undo step as the import), put its figures into a column of
// the plan, or skip it — and the import refuses until every such column has one: figures are never
// dropped with only a warning. Pure apart from the SessionContext it reads.
import { PlanCalc } from '../../../shared/calc';
import { matchColumnTrees } from '../excel/column-tree';
import { ColumnTree, columnKeyFor } from '../../../shared/columns';
import type { ColumnChoice, UnmatchedColumn } from '../../../shared/commands/transfer';
import { MAX_COLUMNS } from '../../../shared/commands/columns';
import type { Amount, CycleData, FundingColumn } from '../../../shared/model';
import type { DocAction } from '../actions';
import type { SessionContext } from '../context';
import { PlanDeskError } from '../errors';

export interface ColumnMatch {
  /** File column key → plan column key, for the columns that match. */
  matched: Map<string, string>;
  /** Columns of the file with no match, in display order (those without figures included). */
  unmatched: UnmatchedColumn[];
}

/** Match the file's columns to the plan's (column-tree.ts matchColumnTrees), with what each unmatched one holds. */
export function matchColumns(plan: ColumnTree, file: CycleData): ColumnMatch {
  const fileTree = new ColumnTree(file.columns);
  const matched = matchColumnTrees(plan, fileTree);
  const calc = new PlanCalc(fileTree, file.lines, file.amounts);
  const cells = new Map<string, number>();
  for (const a of file.amounts) cells.set(a.column, (cells.get(a.column) ?? 0) + 1);
  const unmatched: UnmatchedColumn[] = [];
  for (const c of fileTree.ordered) {
    if (matched.has(c.key)) continue;
    const under = [c.key, ...fileTree.ordered.filter((d) => fileTree.ancestors(d.key).includes(c.key)).map((d) => d.key)];
    unmatched.push({
      key: c.key,
      label: c.label.vi,
      parent: c.parent,
      planParent: c.parent === null ? null : (matched.get(c.parent) ?? null),
      dong: calc.total(c.key),
      cells: under.reduce((s, k) => s + (cells.get(k) ?? 0), 0),
    });
  }
  return { matched, unmatched };
}

export interface ColumnPlan {
  /** `column` actions adding the chosen columns, parents first: they go first in the import's step. */
  actions: DocAction[];
  /** The imported plan with its figures on the plan's keys (skipped columns' figures left out). */
  data: CycleData;
  /** File column key → plan key, for every column whose figures are imported. */
  keys: Map<string, string>;
  added: FundingColumn[];
}

/**
 * Turn the person's choices into the import's column actions and the figures on the plan's keys.
 * Refuses (transfer.error.columns_unresolved) while a column with figures has no choice.
 */
export function planColumns(ctx: SessionContext, file: CycleData, choices: Readonly<Record<string, ColumnChoice>> = {}): ColumnPlan {
  const plan = ctx.columns;
  const { matched, unmatched } = matchColumns(plan, file);
  const open = unmatched.filter((u) => u.cells > 0 && !choices[u.key]);
  if (open.length) throw new PlanDeskError('transfer.error.columns_unresolved', { columns: open.map((u) => u.label).join('; ') });
  const keys = new Map(matched);
  const added: FundingColumn[] = [];
  const actions: DocAction[] = [];
  const planKeys = new Set(plan.byKey.keys());
  const byKey = new Map(plan.byKey);
  const root = plan.root?.key ?? null;
  const childCount = (p: string | null) => [...byKey.values()].filter((c) => c.parent === p).length;
  const fileCols = new Map(file.columns.map((c) => [c.key, c]));
  for (const u of unmatched) {
    const choice = choices[u.key];
    if (!choice || choice.action === 'skip') continue;
    if (choice.action === 'map') {
      if (!plan.has(choice.to)) throw new PlanDeskError('error.unknown_column', { column: choice.to });
      keys.set(u.key, choice.to);
      continue;
    }
    // Added under the plan's column its file parent became (matched, mapped or added), else the root.
    const src = fileCols.get(u.key)!;
    const parentKey = (u.parent !== null ? keys.get(u.parent) : undefined) ?? root;
    const parent = parentKey === null ? undefined : byKey.get(parentKey);
    // Roles that contradict the new parent's (NSĐP under NSTW) are left for the person to set.
    const typed = (role: 'source' | 'capital') => {
      for (let p = parent; p; p = p.parent === null ? undefined : byKey.get(p.parent)) if (p[role] !== null) return p[role] === src[role] ? src[role] : null;
      return src[role];
    };
    const key = columnKeyFor(src.label.vi, planKeys);
    planKeys.add(key);
    const col: FundingColumn = {
      key,
      parent: parentKey,
      position: childCount(parentKey),
      label: { vi: src.label.vi, en: src.label.en || src.label.vi },
      ...(src.totalLabel ? { totalLabel: src.totalLabel } : {}),
      source: typed('source') as FundingColumn['source'],
      capital: typed('capital') as FundingColumn['capital'],
    };
    // A leaf of the plan that gains its first sub-column shows its own figure under "Tổng".
    if (parent && childCount(parent.key) === 0 && !parent.totalLabel && parent.parent !== null) {
      const next = { ...parent, totalLabel: { vi: 'Tổng', en: 'Total' } };
      actions.push({ t: 'column', old: parent, new: next });
      byKey.set(parent.key, next);
    }
    byKey.set(key, col);
    actions.push({ t: 'column', old: null, new: col });
    keys.set(u.key, key);
    added.push(col);
  }
  if (byKey.size > MAX_COLUMNS) throw new PlanDeskError('columns.error.too_many', { max: MAX_COLUMNS });
  // Figures on the plan's keys; two file columns put into one plan column add up there.
  const cell = new Map<string, Amount>();
  for (const a of file.amounts) {
    const k = keys.get(a.column);
    if (k === undefined) continue;
    const id = `${a.lineId}:${k}`;
    const was = cell.get(id);
    cell.set(id, { ...a, column: k, value: (was?.value ?? 0) + a.value });
  }
  return { actions, data: { ...file, amounts: [...cell.values()] }, keys, added };
}
