// Handlers of the units area (issue 14; contract in shared/commands/units.ts). Units, shares and
// scores change only through commit() (DocActions 'unit', 'share', 'score'), each command one undo
// step; reads go through ctx.units (the session's UnitBook, always equal to the file).
import type { AgencySuggestion, AllocatedShare, AllocationColumn, AllocationView, ShareRefusal, UnitsResults } from '../../../shared/commands/units';
import { MAX_UNITS } from '../../../shared/commands/units';
import type { Dong, Unit } from '../../../shared/model';
import { stepLabel } from '../../../shared/step-label';
import { largestRemainder } from '../../../shared/units/largest-remainder';
import { packShares } from '../../../shared/units/packed-shares';
import { guessUnitKind, splitAgencies, unitNameKey } from '../../../shared/units/names';
import type { DocAction } from '../actions';
import type { HandlerMap, SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { executionUnitMerge, executionUnitRemovals } from '../execution/store';
import { detailUnitMerge, detailUnitRemovals } from '../consolidation/unit-changes';

type UnitAction = Extract<DocAction, { t: 'unit' }>;

function requireUnit(ctx: SessionContext, id: number): Unit {
  const u = ctx.units.units.get(id);
  if (!u) throw new PlanDeskError('units.error.unknown_unit');
  return u;
}

/** A parent whose children carry no figures while it has some of its own (the seed's Dự án 7). */
function parentHolds(ctx: Pick<SessionContext, 'calc'>, lineId: number): boolean {
  if (!ctx.calc.isUnallocatedParent(lineId)) return false;
  for (const v of ctx.calc.storedOf(lineId).values()) if (v !== 0) return true;
  return false;
}

/**
 * Whether a line holds figures of its own, so units can take shares of it: a leaf, or a parent
 * whose children carry none while it has some (the seed's Dự án 7). A parent whose children carry
 * figures is allocated through its children; the children of a parent that holds (7.1, 7.2 under
 * Dự án 7) through that parent — so a figure is never allocated twice. In a plan without figures
 * yet, the leaves take shares.
 */
export function holdsFigures(ctx: Pick<SessionContext, 'calc'>, lineId: number): boolean {
  const { calc } = ctx;
  if (calc.isParent(lineId) && !parentHolds(ctx, lineId)) return false;
  for (let p = calc.parentOf(lineId); p !== null; p = calc.parentOf(p)) if (parentHolds(ctx, p)) return false;
  return true;
}

/** The unit with the same name key, other than `except`. */
function sameName(ctx: SessionContext, name: string, except?: number): Unit | undefined {
  const key = unitNameKey(name);
  for (const u of ctx.units.units.values()) if (u.id !== except && unitNameKey(u.name) === key) return u;
  return undefined;
}

function nextUnitId(ctx: SessionContext): number {
  let max = 0;
  for (const id of ctx.units.units.keys()) if (id > max) max = id;
  return max + 1;
}

/** Ids of `id` and every unit below it (one pass over the units: a province may hold 3.300 communes). */
function subtree(ctx: SessionContext, id: number): number[] {
  const kids = new Map<number, number[]>();
  for (const u of ctx.units.units.values()) {
    if (u.parentId === null) continue;
    const list = kids.get(u.parentId);
    if (list) list.push(u.id);
    else kids.set(u.parentId, [u.id]);
  }
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const c of kids.get(out[i]) ?? []) out.push(c);
  return out;
}

/**
 * Put `unit` (new or existing) under `parentId` at `position` among its siblings: the unit's own
 * action and those renumbering the siblings it leaves and joins (positions 0, 1, 2… again).
 */
function placeActions(ctx: SessionContext, unit: Unit, isNew: boolean, parentId: number | null, position: number | undefined): UnitAction[] {
  const old = isNew ? null : ctx.units.units.get(unit.id)!;
  const out: UnitAction[] = [];
  const renumber = (list: Unit[]) =>
    list.forEach((u, i) => {
      if (u.id === unit.id) return;
      if (u.position !== i) out.push({ t: 'unit', old: u, new: { ...u, position: i } });
    });
  const joined = ctx.units.children(parentId).filter((u) => u.id !== unit.id);
  const at = Math.min(position ?? joined.length, joined.length);
  if (old && old.parentId !== parentId) renumber(ctx.units.children(old.parentId).filter((u) => u.id !== unit.id));
  joined.splice(at, 0, unit);
  renumber(joined);
  const placed = { ...unit, parentId, position: at };
  if (!old || JSON.stringify(old) !== JSON.stringify(placed)) out.unshift({ t: 'unit', old, new: placed });
  return out;
}

function refusalError(ctx: SessionContext, reason: ShareRefusal, lineId: number, column: string): PlanDeskError {
  const line = ctx.calc.lines.get(lineId)?.code ?? `#${lineId}`;
  switch (reason) {
    case 'parent_line':
      return new PlanDeskError('units.error.parent_line', { line });
    case 'group_column':
      return new PlanDeskError('units.error.group_column', { column });
    case 'negative':
      return new PlanDeskError('units.error.negative', { line });
    case 'unknown_unit':
      return new PlanDeskError('units.error.unknown_unit');
    case 'unknown_line':
      return new PlanDeskError('error.unknown_line');
    case 'unknown_column':
      return new PlanDeskError('units.error.unknown_column', { column });
  }
}

/** Why a share may not be written there, or null. */
function shareRefusal(ctx: SessionContext, unitId: number, lineId: number, column: string, value: Dong | null): ShareRefusal | null {
  if (!ctx.units.units.has(unitId)) return 'unknown_unit';
  const line = ctx.calc.lines.get(lineId);
  if (!line) return 'unknown_line';
  if (!ctx.columns.has(column)) return 'unknown_column';
  // Clearing is always allowed: it mends a share left on a line that has since gained children.
  if (value === null) return null;
  if (!ctx.columns.isLeaf(column)) return 'group_column';
  if (!holdsFigures(ctx, lineId)) return 'parent_line';
  if (value < 0 && !line.isAdjustment) return 'negative';
  return null;
}

/** The units' shares kept on the columns `keys`, as share deletes (a column removed takes them in its step). */
export function shareColumnRemovals(ctx: Pick<SessionContext, 'units'>, keys: readonly string[]): DocAction[] {
  return ctx.units.sharesOfColumns(keys).map((s): DocAction => ({ t: 'share', unitId: s.unitId, lineId: s.lineId, column: s.column, old: s.value, new: null }));
}

/** Lines whose shares count in a unit's totals: those holding figures (never a line and its ancestor). */
function countedLines(ctx: SessionContext): Set<number> {
  const out = new Set<number>();
  for (const id of ctx.units.linesWithShares()) if (ctx.calc.lines.has(id) && holdsFigures(ctx, id)) out.add(id);
  return out;
}

function allocationView(ctx: SessionContext, args: { column: string } | { lineId: number }): AllocationView {
  const { calc, units } = ctx;
  const columns: AllocationColumn[] = [];
  if ('column' in args) {
    const column = args.column;
    if (!ctx.columns.has(column)) throw new PlanDeskError('units.error.unknown_column', { column });
    for (const { id } of calc.walk()) {
      if (!holdsFigures(ctx, id)) continue;
      const line = calc.lines.get(id)!;
      const group = line.parentId === null ? undefined : calc.lines.get(line.parentId);
      columns.push({
        id: String(id), lineId: id, column, code: line.code, label: line.name,
        groupLineId: group?.id ?? null, groupLabel: group ? [group.code, group.name].filter(Boolean).join('. ') : null,
        figure: calc.value(id, column), sum: units.sum(id, column), editable: ctx.columns.isLeaf(column),
      });
    }
  } else {
    const line = ctx.requireLine(args.lineId);
    const holds = holdsFigures(ctx, line.id);
    for (const c of ctx.columns.ordered) {
      columns.push({
        id: c.key, lineId: line.id, column: c.key, code: line.code, label: c.label.vi, groupLineId: null, groupLabel: null,
        figure: calc.value(line.id, c.key), sum: units.sum(line.id, c.key), editable: holds && ctx.columns.isLeaf(c.key),
      });
    }
  }
  let total = 0;
  let figure = 0;
  for (const c of columns) if (c.editable) figure += c.figure;
  // Per column, the cell's units read from the book's own map into one dense array in the units'
  // order, then packed for the bridge (3.300 units × 200 lines: no object or key string per share,
  // here or in the window; Map.forEach, not for…of, which makes an entry array per share).
  const ordered = units.ordered();
  const position = new Map<number, number>();
  ordered.forEach(({ unit }, pos) => position.set(unit.id, pos));
  const dense = new Float64Array(ordered.length);
  const shares = columns.map((c) => {
    dense.fill(NaN);
    let count = 0;
    units.cell(c.lineId, c.column).forEach((v, unitId) => {
      const pos = position.get(unitId);
      if (pos === undefined) return;
      dense[pos] = v;
      count++;
    });
    const at: number[] = [];
    const values: Dong[] = [];
    for (let pos = 0; count > 0 && pos < dense.length; pos++) {
      const v = dense[pos];
      if (Number.isNaN(v)) continue;
      at.push(pos);
      values.push(v);
      if (c.editable) total += v;
    }
    return packShares(at, values, ordered.length);
  });
  return { columns, unitIds: ordered.map(({ unit }) => unit.id), shares, total, figure };
}

function suggestions(ctx: SessionContext): AgencySuggestion[] {
  const existing = new Map<string, number>();
  for (const u of ctx.units.units.values()) existing.set(unitNameKey(u.name), u.id);
  const byKey = new Map<string, AgencySuggestion>();
  for (const { id } of ctx.calc.walk()) {
    const line = ctx.calc.lines.get(id)!;
    for (const part of splitAgencies(line.agency)) {
      const key = unitNameKey(part.name);
      if (!key) continue;
      let s = byKey.get(key);
      if (!s) {
        s = { name: part.name, kind: guessUnitKind(part.name), lines: [], unitId: part.collective ? null : (existing.get(key) ?? null), needsChoice: part.collective, spellings: [] };
        byKey.set(key, s);
      } else if (s.name !== part.name && !s.spellings.includes(part.name)) s.spellings.push(part.name);
      if (!s.lines.includes(line.code)) s.lines.push(line.code);
    }
  }
  return [...byKey.values()];
}

export const unitsHandlers: HandlerMap<keyof UnitsResults> = {
  'units/list': async (_a, ctx) => ({
    units: ctx.units.ordered().map(({ unit, depth }) => ({ ...unit, depth })),
    schemes: ctx.units.schemes(),
  }),

  'units/add': async (a, ctx) => {
    if (ctx.units.units.size >= MAX_UNITS) throw new PlanDeskError('units.error.too_many', { max: MAX_UNITS });
    const parentId = a.parentId ?? null;
    if (parentId !== null) requireUnit(ctx, parentId);
    const dup = sameName(ctx, a.name);
    if (dup) throw new PlanDeskError('units.error.duplicate', { name: dup.name });
    const unit: Unit = { id: nextUnitId(ctx), parentId, position: 0, name: a.name, kind: a.kind, code: a.code ?? '' };
    const patch = ctx.commit(stepLabel('units.undo.add'), placeActions(ctx, unit, true, parentId, a.position), null);
    return { ...patch, unitId: unit.id };
  },

  'units/addMany': async (a, ctx) => {
    const keys = new Map<string, number>();
    for (const u of ctx.units.units.values()) keys.set(unitNameKey(u.name), u.id);
    let id = nextUnitId(ctx);
    const actions: DocAction[] = [];
    const unitIds: number[] = [];
    const matched: { name: string; unitId: number }[] = [];
    const lastPos = new Map<number | null, number>();
    for (const n of a.units) {
      const key = unitNameKey(n.name);
      const have = keys.get(key);
      if (have !== undefined) {
        matched.push({ name: n.name, unitId: have });
        continue;
      }
      const parentId = n.parentId ?? null;
      if (parentId !== null && !ctx.units.units.has(parentId) && !unitIds.includes(parentId)) throw new PlanDeskError('units.error.unknown_unit');
      if (!lastPos.has(parentId)) lastPos.set(parentId, ctx.units.children(parentId).length);
      const position = lastPos.get(parentId)!;
      lastPos.set(parentId, position + 1);
      const unit: Unit = { id: id++, parentId, position, name: n.name, kind: n.kind, code: n.code ?? '' };
      actions.push({ t: 'unit', old: null, new: unit });
      keys.set(key, unit.id);
      unitIds.push(unit.id);
    }
    if (ctx.units.units.size + unitIds.length > MAX_UNITS) throw new PlanDeskError('units.error.too_many', { max: MAX_UNITS });
    const patch = actions.length ? ctx.commit(stepLabel('units.undo.addMany', { count: unitIds.length }), actions, null) : ctx.emptyPatch();
    return { ...patch, unitIds, matched };
  },

  'units/update': async (a, ctx) => {
    const old = requireUnit(ctx, a.unitId);
    if (a.name !== undefined) {
      const dup = sameName(ctx, a.name, old.id);
      if (dup) throw new PlanDeskError('units.error.duplicate', { name: dup.name });
    }
    const next: Unit = { ...old, ...(a.name !== undefined ? { name: a.name } : {}), ...(a.kind ? { kind: a.kind } : {}), ...(a.code !== undefined ? { code: a.code } : {}) };
    const parentId = a.parentId === undefined ? old.parentId : a.parentId;
    if (parentId !== null) {
      requireUnit(ctx, parentId);
      if (subtree(ctx, old.id).includes(parentId)) throw new PlanDeskError('units.error.parent_loop');
    }
    const moves = parentId !== old.parentId || a.position !== undefined;
    const actions: DocAction[] = moves
      ? placeActions(ctx, next, false, parentId, a.position)
      : JSON.stringify(next) === JSON.stringify(old) ? [] : [{ t: 'unit', old, new: next }];
    return actions.length ? ctx.commit(stepLabel('units.undo.update'), actions, null) : ctx.emptyPatch();
  },

  'units/delete': async (a, ctx) => {
    const ids = new Set<number>();
    for (const id of a.unitIds) {
      requireUnit(ctx, id);
      if (!ids.has(id)) for (const x of subtree(ctx, id)) ids.add(x);
    }
    const actions: DocAction[] = [];
    let shares = 0;
    let amount = 0;
    for (const id of ids) {
      for (const s of ctx.units.sharesOfUnit(id)) {
        actions.push({ t: 'share', unitId: id, lineId: s.lineId, column: s.column, old: s.value, new: null });
        shares++;
        amount += s.value;
      }
      for (const s of ctx.units.scoresOfUnit(id)) actions.push({ t: 'score', scheme: s.scheme, unitId: id, old: s.score, new: null });
    }
    // Deepest first: children before their parents (the parent_id foreign key); undo puts parents back first.
    const depth = new Map(ctx.units.ordered().map(({ unit, depth: d }) => [unit.id, d]));
    const byDepth = [...ids].sort((x, y) => (depth.get(y) ?? 0) - (depth.get(x) ?? 0));
    // Their disbursement figures (issue 15) go in the same step too.
    actions.push(...executionUnitRemovals(ctx.execution, ids));
    // And the detail they sent back (issue 16): nothing of a deleted unit stays hidden in the file.
    actions.push(...detailUnitRemovals(ctx, ids));
    for (const id of byDepth) actions.push({ t: 'unit', old: ctx.units.units.get(id)!, new: null });
    const patch = ctx.commit(stepLabel('units.undo.delete'), actions, null);
    return { ...patch, deleted: ids.size, shares, amount };
  },

  'units/merge': async (a, ctx) => {
    if (a.from === a.into) throw new PlanDeskError('units.error.merge_self');
    const from = requireUnit(ctx, a.from);
    const into = requireUnit(ctx, a.into);
    if (subtree(ctx, from.id).includes(into.id)) throw new PlanDeskError('units.error.parent_loop');
    const actions: DocAction[] = [];
    let moved = 0;
    let amount = 0;
    for (const s of ctx.units.sharesOfUnit(from.id)) {
      const had = ctx.units.share(into.id, s.lineId, s.column);
      actions.push({ t: 'share', unitId: into.id, lineId: s.lineId, column: s.column, old: had, new: (had ?? 0) + s.value });
      actions.push({ t: 'share', unitId: from.id, lineId: s.lineId, column: s.column, old: s.value, new: null });
      moved++;
      amount += s.value;
    }
    // `into` keeps its own scores; `from`'s go with it (they scored a unit that no longer exists).
    for (const s of ctx.units.scoresOfUnit(from.id)) actions.push({ t: 'score', scheme: s.scheme, unitId: from.id, old: s.score, new: null });
    // From's sub-units move under `into`, after its own.
    let pos = ctx.units.children(into.id).length;
    for (const c of ctx.units.children(from.id)) actions.push({ t: 'unit', old: c, new: { ...c, parentId: into.id, position: pos++ } });
    // Its disbursement figures (issue 15) add to `into`'s, as its shares do.
    actions.push(...executionUnitMerge(ctx.execution, from.id, into.id));
    // And its merged detail (issue 16) joins `into`'s, after `into`'s own lines.
    actions.push(...detailUnitMerge(ctx, from.id, into.id));
    actions.push({ t: 'unit', old: from, new: null });
    const patch = ctx.commit(stepLabel('units.undo.merge'), actions, null);
    return { ...patch, moved, amount };
  },

  'units/setShares': async (a, ctx) => {
    const want = new Map<string, { unitId: number; lineId: number; column: string; value: Dong | null }>();
    for (const c of a.cells) want.set(`${c.unitId}:${c.lineId}:${c.column}`, c);
    const refused: UnitsResults['units/setShares']['refused'] = [];
    const actions: DocAction[] = [];
    for (const c of want.values()) {
      const reason = shareRefusal(ctx, c.unitId, c.lineId, c.column, c.value);
      if (reason) {
        refused.push({ unitId: c.unitId, lineId: c.lineId, column: c.column, reason });
        continue;
      }
      // A share of 0 is kept as typed (a unit given nothing on purpose); null clears it.
      const old = ctx.units.share(c.unitId, c.lineId, c.column);
      if (old !== c.value) actions.push({ t: 'share', unitId: c.unitId, lineId: c.lineId, column: c.column, old, new: c.value });
    }
    if (!actions.length && refused.length === want.size) {
      const r = refused[0];
      throw refusalError(ctx, r.reason, r.lineId, r.column);
    }
    const first = a.cells[0];
    const patch = actions.length ? ctx.commit(stepLabel(`units.undo.${a.label ?? 'edit'}`), actions, { lineId: first.lineId, column: first.column }) : ctx.emptyPatch();
    return { ...patch, written: actions.length, refused };
  },

  'units/allocateByCriteria': async (a, ctx) => {
    const line = ctx.requireLine(a.lineId);
    if (!ctx.columns.has(a.column)) throw new PlanDeskError('units.error.unknown_column', { column: a.column });
    if (!ctx.columns.isLeaf(a.column)) throw new PlanDeskError('units.error.group_column', { column: a.column });
    if (!holdsFigures(ctx, line.id)) throw new PlanDeskError('units.error.parent_line', { line: line.code });
    const seen = new Set<number>();
    for (const s of a.scores) {
      requireUnit(ctx, s.unitId);
      if (seen.has(s.unitId)) throw new PlanDeskError('units.error.duplicate_in_list');
      seen.add(s.unitId);
    }
    const amount = a.amount ?? Math.max(0, ctx.calc.value(line.id, a.column));
    let result;
    try {
      result = largestRemainder(amount, a.scores.map((s) => s.score), a.roundTo);
    } catch {
      throw new PlanDeskError('units.error.no_scores');
    }
    const actions: DocAction[] = [];
    const shares: AllocatedShare[] = a.scores.map((s, i) => ({ unitId: s.unitId, score: s.score, ...result.shares[i] }));
    for (const s of shares) {
      const old = ctx.units.share(s.unitId, line.id, a.column);
      // A unit that gets nothing holds no share (the cell stays empty in the grid).
      const value = s.value === 0 ? null : s.value;
      if (old !== value) actions.push({ t: 'share', unitId: s.unitId, lineId: line.id, column: a.column, old, new: value });
    }
    if (a.replace ?? true) {
      for (const [unitId, old] of ctx.units.cell(line.id, a.column)) {
        if (!seen.has(unitId)) actions.push({ t: 'share', unitId, lineId: line.id, column: a.column, old, new: null });
      }
    }
    if (a.scheme) {
      for (const s of a.scores) {
        const old = ctx.units.score(a.scheme, s.unitId);
        if (old !== s.score) actions.push({ t: 'score', scheme: a.scheme, unitId: s.unitId, old, new: s.score });
      }
    }
    const patch = actions.length ? ctx.commit(stepLabel('units.undo.allocate'), actions, { lineId: line.id, column: a.column }) : ctx.emptyPatch();
    const leftover = result.leftover ? { value: result.leftover.value, unitId: a.scores[result.leftover.index].unitId } : null;
    return { ...patch, amount, roundTo: a.roundTo, shares, leftover };
  },

  'units/scores': async (a, ctx) => ({
    scores: [...ctx.units.scoresOf(a.scheme)].map(([unitId, score]) => ({ unitId, score })),
  }),

  'units/suggestFromAgencies': async (_a, ctx) => ({ suggestions: suggestions(ctx) }),

  'units/view': async (a, ctx) => allocationView(ctx, a),

  'units/totals': async (_a, ctx) => {
    const counted = countedLines(ctx);
    return {
      units: ctx.units.ordered().map(({ unit }) => {
        const totals: Record<string, Dong> = {};
        for (const s of ctx.units.sharesOfUnit(unit.id)) if (counted.has(s.lineId)) totals[s.column] = (totals[s.column] ?? 0) + s.value;
        return { unitId: unit.id, name: unit.name, totals };
      }),
    };
  },
};
