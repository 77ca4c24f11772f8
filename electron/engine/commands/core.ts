// Handlers of the core commands (shared/commands/core.ts): reading the plan as the grid does,
// cells and line fields, a line added or removed, plan details, rules, undo and redo, and the
// per-cycle settings. Like every area's, they turn a command into DocActions and ctx.commit() them;
// the writes share the editing area's implementation (one block write, one line insert/delete).
import type { CoreCommandResults } from '../../../shared/commands/core';
import type { CycleMeta } from '../../../shared/model';
import { stepLabel, stepLabelFrom } from '../../../shared/step-label';
import type { DocAction } from '../actions';
import type { HandlerMap, SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { deleteLines, insertLines, writeBlock } from './editing';

function requireCell(ctx: SessionContext, lineId: number, column: string): void {
  ctx.requireLine(lineId);
  if (!ctx.columns.has(column)) throw new PlanDeskError('error.unknown_column', { column });
}

export const coreHandlers: HandlerMap<keyof CoreCommandResults> = {
  'cycle/snapshot': async (a, ctx) => ctx.snapshot(a.firstRows),
  'cycle/rows': async (a, ctx) => ({ rows: ctx.rows(a.from, a.count) }),
  'cycle/findings': async (_a, ctx) => ({ findings: ctx.findings() }),
  'cell/set': async (a, ctx) => {
    requireCell(ctx, a.lineId, a.column);
    const old = ctx.calc.storedValue(a.lineId, a.column) ?? null;
    if (old === a.value) return ctx.emptyPatch();
    return ctx.commit(stepLabel('undo.cell'), [{ t: 'amount', lineId: a.lineId, column: a.column, old, new: a.value }], {
      lineId: a.lineId,
      column: a.column,
    });
  },
  // A paste of figures: the editing area's block write, without line fields.
  'cells/set': async (a, ctx) => {
    const { added: _added, ...patch } = writeBlock(ctx, { amounts: a.changes, fields: [] }, stepLabelFrom(a.label, 'undo.paste'));
    return patch;
  },
  // One line's fields: the block write of that line, refused (not skipped) when the line is unknown.
  'line/update': async (a, ctx) => {
    const line = ctx.requireLine(a.lineId);
    const column = Object.entries(a.fields).find(([f, v]) => line[f as keyof typeof a.fields] !== v.normalize('NFC'))?.[0];
    if (column === undefined) return ctx.emptyPatch();
    const { added: _added, skipped: _skipped, ...patch } = writeBlock(ctx, { amounts: [], fields: [{ lineId: a.lineId, fields: a.fields }] }, stepLabel('undo.line.update'), {
      lineId: a.lineId,
      column,
    });
    return patch;
  },
  'line/setCapital': async (a, ctx) => {
    const line = ctx.requireLine(a.lineId);
    const next = { allowedCapital: a.allowedCapital, isAdjustment: a.isAdjustment ?? line.isAdjustment };
    return ctx.commit(
      stepLabel('undo.capital'),
      [{ t: 'capital', lineId: a.lineId, old: { allowedCapital: line.allowedCapital, isAdjustment: line.isAdjustment }, new: next }],
      { lineId: a.lineId, column: null },
    );
  },
  // The old one-line names: the editing area's insert and delete, codes kept as typed (no renumbering).
  'line/insert': async (a, ctx) => {
    const { lineIds, ...patch } = insertLines(ctx, { anchor: a.anchor, where: a.where, count: 1, fields: a.fields }, { renumber: false, column: 'code' });
    return { ...patch, lineId: lineIds[0] };
  },
  'line/delete': async (a, ctx) => {
    const line = ctx.requireLine(a.lineId);
    const { deleted: _deleted, ...patch } = deleteLines(ctx, [a.lineId], { renumber: false, cursor: { lineId: line.parentId ?? line.id, column: null } });
    return patch;
  },
  'meta/set': async (a, ctx) => {
    const actions: DocAction[] = [];
    for (const [k, v] of Object.entries(a.meta)) {
      const old: unknown = ctx.meta[k as keyof CycleMeta];
      if (JSON.stringify(old) !== JSON.stringify(v)) actions.push({ t: 'meta', key: k, old, new: v });
    }
    return actions.length ? ctx.commit(stepLabel('undo.meta'), actions, null) : ctx.emptyPatch();
  },
  'rules/set': async (a, ctx) => ctx.commit(stepLabel('undo.rules'), [{ t: 'meta', key: 'rules', old: ctx.rules, new: a.rules }], null),
  'undo': async (_a, ctx) => ctx.undo(),
  'redo': async (_a, ctx) => ctx.redo(),
  'settings/get': async (a, ctx) => ({ value: ctx.setting(a.key) ?? null }),
  'settings/set': async (a, ctx) =>
    ctx.commit(stepLabelFrom(a.label, 'undo.settings'), [{ t: 'meta', key: a.key, old: ctx.setting(a.key) ?? null, new: a.value }], null),
};
