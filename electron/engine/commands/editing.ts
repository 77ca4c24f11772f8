// Handlers of the editing commands (shared/commands/editing.ts): a block of cells and fields
// written in one step, and the line-tree operations, each turned into DocActions and committed
// once — one undo step that also carries the automatic renumbering of the codes it touched.
import { editingSettings, DEFAULT_EDITING_SETTINGS, type EditingSettings, type WriteSkip } from '../../../shared/commands/editing';
import type { PlainMessageKey } from '../../../shared/i18n';
import { stepLabel } from '../../../shared/step-label';
import type { Line, LineField } from '../../../shared/model';
import type { PlanCalc } from '../../../shared/calc';
import { detectLevels, renumber, type NumberingLevels, type NumberingTree } from '../../../shared/renumber';
import type { DocAction } from '../actions';
import type { Cursor, Handler, SessionContext } from '../context';
import type { CommandArgs, Patch } from '../../../shared/ipc';
import { PlanDeskError } from '../errors';
import { selectionRoots, TreeDraft } from './editing-tree';

/** The plan's line tree as renumbering reads it. */
const treeOf = (calc: PlanCalc): NumberingTree => ({
  children: (p) => calc.children(p),
  code: (id) => calc.lines.get(id)?.code ?? '',
});

function settingsOf(ctx: SessionContext): EditingSettings {
  const parsed = editingSettings.safeParse(ctx.setting('editing'));
  return parsed.success ? parsed.data : DEFAULT_EDITING_SETTINGS;
}

/** The numbering used for new groups: the setting's levels, else the plan's own (detected). */
function numberingOf(ctx: SessionContext): { levels: () => NumberingLevels } | null {
  const s = settingsOf(ctx);
  if (!s.autoNumber) return null;
  return { levels: () => s.levels ?? detectLevels(treeOf(ctx.calc)) };
}

function blankLine(ctx: SessionContext, parent: number | null, fields: Partial<Record<LineField, string>> = {}): Line {
  return {
    id: ctx.newLineId(),
    parentId: parent,
    position: 0,
    code: (fields.code ?? '').normalize('NFC'),
    name: (fields.name ?? '').normalize('NFC'),
    agency: (fields.agency ?? '').normalize('NFC'),
    note: (fields.note ?? '').normalize('NFC'),
    // A new line may take what its parent may take (as the core's line/insert does).
    allowedCapital: parent !== null ? (ctx.calc.lines.get(parent)?.allowedCapital ?? null) : null,
    isAdjustment: false,
  };
}

function rootsOf(ctx: SessionContext, ids: readonly number[]): number[] {
  const roots = selectionRoots(ctx.calc, ids);
  if (roots.length === 0) throw new PlanDeskError('error.unknown_line');
  return roots;
}

/** Commit a structural edit, or refuse it with `refusal` when it changed nothing. */
function commitDraft(ctx: SessionContext, draft: TreeDraft, label: PlainMessageKey, cursor: { lineId: number; column: string | null }, refusal: PlainMessageKey) {
  const actions = draft.actions(numberingOf(ctx));
  if (!actions.some((a) => a.t !== 'fields')) throw new PlanDeskError(refusal);
  return ctx.commit(stepLabel(label), actions, cursor);
}

/** What a block write takes: figures, line fields, and lines to add below one (edit/write's shape). */
type Block = Pick<CommandArgs<'edit/write'>, 'amounts' | 'fields' | 'append'>;

/**
 * Write a block of figures and line fields in one step (edit/write, and the core's cells/set and
 * line/update). Figures on totals and unknown cells are skipped and reported. `cursor` defaults to
 * the first figure, else the first line field.
 */
export function writeBlock(ctx: SessionContext, a: Block, label: string, cursor?: Cursor): Patch & { skipped: WriteSkip[]; added: number[] } {
  const { calc, columns } = ctx;
  const skipped: WriteSkip[] = [];
  const actions: DocAction[] = [];
  const added: number[] = [];
  // New lines first: their figures then need no incremental recalc (the commit rebuilds).
  if (a.append) {
    const after = ctx.requireLine(a.append.after);
    const parent = calc.parentOf(after.id);
    const draft = new TreeDraft(calc);
    let index = draft.indexOf(after.id) + 1;
    for (const spec of a.append.lines) {
      const line = blankLine(ctx, parent, spec.fields);
      draft.create(line, parent, index++);
      added.push(line.id);
      const amounts: { column: string; value: number }[] = [];
      for (const c of spec.amounts) {
        if (!columns.has(c.column)) skipped.push({ lineId: line.id, column: c.column, reason: 'unknown' });
        else if (!columns.isLeaf(c.column)) skipped.push({ lineId: line.id, column: c.column, reason: 'total_position' });
        else amounts.push(c);
      }
      draft.setNewAmounts(line.id, amounts);
    }
    actions.push(...draft.actions(numberingOf(ctx), true));
  }
  const seen = new Set<string>();
  for (const c of a.amounts) {
    if (!calc.lines.has(c.lineId) || !columns.has(c.column)) {
      skipped.push({ lineId: c.lineId, column: c.column, reason: 'unknown' });
      continue;
    }
    // Totals are computed: a block written over the table never lands on one.
    if (calc.isTotalPosition(c.lineId, c.column)) {
      skipped.push({ lineId: c.lineId, column: c.column, reason: 'total_position' });
      continue;
    }
    const key = `${c.lineId}:${c.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const old = calc.storedValue(c.lineId, c.column) ?? null;
    if (old !== c.value) actions.push({ t: 'amount', lineId: c.lineId, column: c.column, old, new: c.value });
  }
  for (const f of a.fields) {
    const line = calc.lines.get(f.lineId);
    if (!line) {
      skipped.push({ lineId: f.lineId, column: Object.keys(f.fields)[0] ?? 'code', reason: 'unknown' });
      continue;
    }
    const old: Partial<Record<LineField, string>> = {};
    const next: Partial<Record<LineField, string>> = {};
    for (const [k, v] of Object.entries(f.fields) as [LineField, string][]) {
      const value = v.normalize('NFC');
      if (line[k] !== value) {
        old[k] = line[k];
        next[k] = value;
      }
    }
    if (Object.keys(next).length) actions.push({ t: 'fields', lineId: f.lineId, old, new: next });
  }
  if (actions.length === 0) return { ...ctx.emptyPatch(), skipped, added };
  const first = a.amounts[0] ?? null;
  const at = cursor ?? (first ? { lineId: first.lineId, column: first.column } : a.fields[0] ? { lineId: a.fields[0].lineId, column: Object.keys(a.fields[0].fields)[0] ?? null } : null);
  return { ...ctx.commit(label, actions, at), skipped, added };
}

const write: Handler<'edit/write'> = async (a, ctx) => writeBlock(ctx, a, stepLabel(`undo.${a.label}`), a.cursor);

/**
 * Insert `count` lines above, below or as the last children of `anchor` (null: at the end), with
 * `fields` — lines/insert (codes renumbered by the setting) and the core's line/insert (kept as typed).
 */
export function insertLines(
  ctx: SessionContext,
  a: { anchor: number | null; where: 'above' | 'below' | 'child'; count: number; fields?: Partial<Record<LineField, string>> },
  opts: { renumber: boolean; column: string },
): Patch & { lineIds: number[] } {
  const draft = new TreeDraft(ctx.calc);
  let parent: number | null = null;
  let index = ctx.calc.children(null).length;
  if (a.anchor !== null) {
    ctx.requireLine(a.anchor);
    if (a.where === 'child') {
      parent = a.anchor;
      index = draft.children(parent).length;
    } else {
      parent = draft.parent(a.anchor);
      index = draft.indexOf(a.anchor) + (a.where === 'below' ? 1 : 0);
    }
  }
  const ids: number[] = [];
  for (let i = 0; i < a.count; i++) {
    const line = blankLine(ctx, parent, a.fields);
    draft.create(line, parent, index + i);
    ids.push(line.id);
  }
  const patch = ctx.commit(stepLabel(ids.length > 1 ? 'undo.lines.insertMany' : 'undo.line.insert'), draft.actions(opts.renumber ? numberingOf(ctx) : null), {
    lineId: ids[0],
    column: opts.column,
  });
  return { ...patch, lineIds: ids };
}

const insert: Handler<'lines/insert'> = async (a, ctx) => insertLines(ctx, { anchor: a.anchor, where: a.where, count: a.count ?? 1 }, { renumber: true, column: 'name' });

/**
 * Delete lines with everything below them and their figures — lines/delete (codes renumbered by the
 * setting) and the core's line/delete (kept as typed, the cursor on the parent).
 */
export function deleteLines(ctx: SessionContext, lineIds: readonly number[], opts: { renumber: boolean; cursor?: Cursor }): Patch & { deleted: number } {
  const roots = rootsOf(ctx, lineIds);
  const draft = new TreeDraft(ctx.calc);
  for (const r of roots) draft.remove(r);
  const deleted = draft.deletedCount;
  // Undo brings the first deleted line back: that is where the cursor goes.
  const patch = ctx.commit(stepLabel(roots.length > 1 ? 'undo.lines.delete' : 'undo.line.delete'), draft.actions(opts.renumber ? numberingOf(ctx) : null), opts.cursor ?? {
    lineId: roots[0],
    column: null,
  });
  return { ...patch, deleted };
}

const remove: Handler<'lines/delete'> = async (a, ctx) => deleteLines(ctx, a.lineIds, { renumber: true });

const move: Handler<'lines/move'> = async (a, ctx) => {
  const roots = rootsOf(ctx, a.lineIds);
  const draft = new TreeDraft(ctx.calc);
  const up = a.direction === 'up';
  // A line stuck at the edge also holds back the chosen lines pressing against it.
  const stuck = new Set<number>();
  for (const id of up ? roots : [...roots].reverse()) {
    const sib = draft.children(draft.parent(id));
    const i = sib.indexOf(id);
    const j = up ? i - 1 : i + 1;
    if (j < 0 || j >= sib.length || stuck.has(sib[j])) {
      stuck.add(id);
      continue;
    }
    draft.move(id, draft.parent(id), j);
  }
  return commitDraft(ctx, draft, up ? 'undo.line.moveUp' : 'undo.line.moveDown', { lineId: roots[0], column: 'code' }, up ? 'error.editing.cannot_move_up' : 'error.editing.cannot_move_down');
};

const indent: Handler<'lines/indent'> = async (a, ctx) => {
  const roots = rootsOf(ctx, a.lineIds);
  const draft = new TreeDraft(ctx.calc);
  for (const id of roots) {
    const sib = draft.children(draft.parent(id));
    const i = sib.indexOf(id);
    if (i === 0) continue; // no line above it at its level to go under
    const parent = sib[i - 1];
    draft.move(id, parent, draft.children(parent).length);
  }
  return commitDraft(ctx, draft, 'undo.line.indent', { lineId: roots[0], column: 'code' }, 'error.editing.cannot_indent');
};

const outdent: Handler<'lines/outdent'> = async (a, ctx) => {
  const roots = rootsOf(ctx, a.lineIds);
  const draft = new TreeDraft(ctx.calc);
  for (const id of roots) {
    const parent = draft.parent(id);
    if (parent === null) continue; // already at the top level
    // Keep the order on screen: the siblings that followed the line now sit below it.
    const sib = draft.children(parent);
    const followers = sib.slice(sib.indexOf(id) + 1);
    for (const f of followers) draft.move(f, id, draft.children(id).length);
    const grand = draft.parent(parent);
    draft.move(id, grand, draft.indexOf(parent) + 1);
  }
  return commitDraft(ctx, draft, 'undo.line.outdent', { lineId: roots[0], column: 'code' }, 'error.editing.cannot_outdent');
};

const place: Handler<'lines/place'> = async (a, ctx) => {
  ctx.requireLine(a.target);
  const roots = rootsOf(ctx, a.lineIds);
  const draft = new TreeDraft(ctx.calc);
  if (roots.some((r) => draft.isWithin(a.target, r))) throw new PlanDeskError('error.editing.drop_inside');
  const parent = draft.parent(a.target);
  let last: number | null = null;
  for (const id of roots) {
    draft.detach(id);
    const index = a.where === 'before' ? draft.indexOf(a.target) : draft.indexOf(last ?? a.target) + 1;
    draft.attach(id, parent, index);
    last = id;
  }
  return commitDraft(ctx, draft, 'undo.line.drag', { lineId: roots[0], column: 'code' }, 'error.editing.nothing_moved');
};

const renumberLines: Handler<'lines/renumber'> = async (a, ctx) => {
  const { calc } = ctx;
  const levels = a.levels ?? settingsOf(ctx).levels ?? detectLevels(treeOf(calc));
  let parent: number | null = null;
  if (a.lineId !== null) {
    ctx.requireLine(a.lineId);
    parent = calc.parentOf(a.lineId);
  }
  const depthOf = (p: number | null) => (p === null ? 0 : calc.ancestors(p).length + 1);
  const codes = renumber(treeOf(calc), [parent], depthOf, { levels, mode: 'scheme' });
  const actions: DocAction[] = [...codes].map(([id, code]) => ({ t: 'fields', lineId: id, old: { code: calc.lines.get(id)!.code }, new: { code } }));
  if (actions.length === 0) return { ...ctx.emptyPatch(), changed: 0 };
  const cursor = a.lineId !== null ? { lineId: a.lineId, column: 'code' } : null;
  return { ...ctx.commit(stepLabel('undo.renumber'), actions, cursor), changed: actions.length };
};

const numbering: Handler<'lines/numbering'> = async (_a, ctx) => ({ detected: detectLevels(treeOf(ctx.calc)), settings: settingsOf(ctx) });

export const editingHandlers = {
  'edit/write': write,
  'lines/insert': insert,
  'lines/delete': remove,
  'lines/move': move,
  'lines/indent': indent,
  'lines/outdent': outdent,
  'lines/place': place,
  'lines/renumber': renumberLines,
  'lines/numbering': numbering,
};
