// What the findings area does to the plan and the grid: send a command and apply its Patch (through
// the grid, so flags and totals refresh), go to the cell a finding points at, accept a computed
// total, keep both figures, and step through findings. Every change is one engine command, so one
// undo step.
import type { Finding } from '../../../../shared/findings';
import type { CommandArgs, Patch } from '../../../../shared/ipc';
import { stepLabel } from '../../../../shared/step-label';
import type { AppContext } from '../types';
import { routeFinding } from '../../app/main-view';
import { buildView, columnOrder, targetOf, type FindingsView } from './findings-view';
import { canKeep, readKept, withKept } from './kept';
import { findingsUi } from './ui-state';

type PatchCommand = 'cell/set' | 'rules/set' | 'line/setCapital' | 'settings/set';

/** Run a command that changes the plan and apply its patch; failures go to the message bar. */
export async function runPatch<K extends PatchCommand>(ctx: AppContext, name: K, args: CommandArgs<K>): Promise<Patch | null> {
  try {
    const patch = (await ctx.bridge.invoke(name, args)) as Patch;
    if (ctx.grid.current) await ctx.grid.current.applyPatch(patch);
    else ctx.store.apply(patch);
    return patch;
  } catch (err) {
    ctx.showFailure(err);
    return null;
  }
}

/** The first root column ("Tổng cộng"): where line-level findings about amounts point. */
export function rootColumn(ctx: AppContext): string {
  return ctx.store.columns.find((c) => c.parent === null)?.key ?? 'total';
}

/** Select a finding and bring its cell into view, focused (collapsed parents open on the way). */
export async function goToFinding(ctx: AppContext, f: Finding): Promise<void> {
  findingsUi.set({ selectedId: f.id });
  // The view shown instead of the plan grid (the allocation view) takes its own findings to its cells.
  if (await routeFinding(f)) return;
  const target = targetOf(f, rootColumn(ctx));
  if (target.kind === 'line') ctx.grid.current?.focusCell(target.lineId, target.column);
  else ctx.grid.current?.focusTotal(target.column);
}

/** Accept the computed value: drop the stated figure at the finding's cell. */
export async function acceptComputed(ctx: AppContext, f: Finding): Promise<void> {
  if (f.lineId === null || f.column === null) return;
  await runPatch(ctx, 'cell/set', { lineId: f.lineId, column: f.column, value: null });
}

/**
 * "Dùng số tính cho tất cả": drop every mismatching stated total of `cells` (a selection, one rule's
 * findings) or, without cells, of the whole plan — one engine command, so one undo step.
 */
export async function acceptAllComputed(ctx: AppContext, cells?: { lineId: number; column: string }[]): Promise<void> {
  if (cells && cells.length === 0) return ctx.show(ctx.t('findings.acceptAll.none'), 'info');
  try {
    const patch = await ctx.bridge.invoke('totals/useComputed', cells ? { cells } : {});
    if (ctx.grid.current) await ctx.grid.current.applyPatch(patch);
    else ctx.store.apply(patch);
    ctx.show(patch.changed ? ctx.t('findings.acceptAll.done', { count: patch.changed.toLocaleString('vi-VN') }) : ctx.t('findings.acceptAll.none'), 'info');
  } catch (err) {
    ctx.showFailure(err);
  }
}

/** The Vietnamese labels of this area's undo steps (the engine records labels in Vietnamese). */
/** The undo steps of "keep both" (message keys: the engine stores them as such, see step-label.ts). */
export const KEEP_LABELS = ['findings.undo.keep', 'findings.undo.unkeep'] as const;
export const KEEP_STEP_LABELS: readonly string[] = KEEP_LABELS.map((k) => stepLabel(k));

/** Keep both figures (or take the mark back): one undoable change of the cycle's 'findings' setting. */
export async function setKept(ctx: AppContext, f: Finding, keep: boolean): Promise<void> {
  if (!canKeep(f)) return;
  const value = withKept(findingsUi.get().kept, f, keep, (id) => ctx.store.findings.get(id));
  const patch = await runPatch(ctx, 'settings/set', { key: 'findings', value, label: KEEP_LABELS[keep ? 0 : 1] });
  if (patch) findingsUi.set({ kept: value.kept });
}

/** Re-read the kept decisions from the file (on open, and after undo / redo of one of them). */
export async function loadKept(ctx: AppContext): Promise<void> {
  try {
    const { value } = await ctx.bridge.invoke('settings/get', { key: 'findings' });
    findingsUi.set({ kept: readKept(value) });
  } catch {
    findingsUi.set({ kept: {} }); // an older file or engine without the setting: no decisions
  }
}

// Line positions and column order, rebuilt only when the rows or columns change (not on every
// edit): a 100.000-line plan would otherwise pay for a new map on each keystroke's patch.
let positions: { order: readonly number[]; length: number; map: Map<number, number> } | null = null;
let columns: { of: readonly unknown[]; map: Map<string, number> } | null = null;

/** The panel's view of the store's findings (with the UI's severity filter). */
export function viewOf(ctx: AppContext): FindingsView {
  const { order } = ctx.store;
  if (!positions || positions.order !== order || positions.length !== order.length) {
    const map = new Map<number, number>();
    order.forEach((id, i) => map.set(id, i));
    positions = { order, length: order.length, map };
  }
  if (!columns || columns.of !== ctx.store.columns) columns = { of: ctx.store.columns, map: columnOrder(ctx.store.columns) };
  const pos = positions.map;
  return buildView(ctx.store.findings.values(), (id) => pos.get(id), columns.map, findingsUi.get().shown);
}

/** Go to the next (or previous) finding after the selected one, in panel order, wrapping around. */
export async function stepFinding(ctx: AppContext, dir: 1 | -1): Promise<void> {
  const { flat } = viewOf(ctx);
  if (flat.length === 0) return;
  const cur = flat.findIndex((f) => f.id === findingsUi.get().selectedId);
  const next = cur < 0 ? (dir === 1 ? 0 : flat.length - 1) : (cur + dir + flat.length) % flat.length;
  if (!findingsUi.get().panelShown) findingsUi.set({ panelShown: true });
  await goToFinding(ctx, flat[next]);
}
