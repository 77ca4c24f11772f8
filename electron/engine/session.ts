// One open planning cycle: the file, the in-memory model (PlanCalc), findings, and the undo log.
// Every command is validated, turned into DocActions, and applied in ONE SQLite transaction that
// also records its undo step; the result is a Patch naming only what changed. If a transaction
// fails, the in-memory model is reloaded from the file, so memory never disagrees with disk.
import path from 'node:path';
import { ColumnTree } from '../../shared/columns';
import { PlanCalc } from '../../shared/calc';
import type { FindingsDelta } from '../../shared/findings';
import { t } from '../../shared/i18n';
import {
  commandArgs,
  type CommandArgs,
  type CommandName,
  type CommandResults,
  type CoreCommandResults,
  type FileInfo,
  type Patch,
  type RowView,
  type Snapshot,
  type UndoState,
} from '../../shared/ipc';
import type { CycleData, CycleMeta, Line, LineField, RuleParams } from '../../shared/model';
import { SETTING_KEYS, type SettingKey } from '../../shared/settings';
import { sumToleranceDong } from '../../shared/rules/context';
import { captureAgreeing, followChanges, withAncestors } from '../../shared/stated-follow';
import { stepLabel, stepLabelFrom } from '../../shared/step-label';
import { ActionWriter, invert, isStructural, type DocAction } from './actions';
import { PlanDeskError } from './errors';
import { areaHandlers } from './commands';
import type { Cursor, Handler, HandlerMap, SessionContext } from './context';
import { FindingsTracker } from './findings-tracker';
import { structuralRepaint } from './structure-patch';
import { AuditLog } from './history/audit-log';
import type { OpenOptions } from './store/db';
import { openCycleFile, type CycleFile } from './store/cycle-file';
import { UndoLog } from './undo-log';

export class PlanSession implements SessionContext {
  private data!: CycleData;
  private cols!: ColumnTree;
  private model!: PlanCalc;
  /** Area settings (print, templates…): meta rows whose key is not a CycleMeta field. */
  private settings = new Map<string, unknown>();
  private findings!: FindingsTracker;
  private readonly writer: ActionWriter;
  private readonly undoLog: UndoLog;
  /** Every applied change, with who and when (issue 7); written in the change's own transaction. */
  private readonly audit: AuditLog;
  private nextLineId = 1;
  private order: { id: number; depth: number }[] | null = null;

  private constructor(readonly file: CycleFile) {
    this.writer = new ActionWriter(file.db);
    this.undoLog = new UndoLog(file.db);
    this.audit = new AuditLog(file.db);
    this.load();
  }

  static open(filePath: string, opts: OpenOptions = {}): PlanSession {
    const file = openCycleFile(filePath, opts);
    try {
      return new PlanSession(file);
    } catch (e) {
      // A file that opens but cannot be read (damaged): do not keep it open (Windows would lock it).
      file.close();
      throw e;
    }
  }

  close(): void {
    this.file.close();
  }

  get info(): FileInfo {
    return { path: this.file.path, name: path.basename(this.file.path), readOnly: this.file.readOnly };
  }

  /** The whole cycle as it is now (for export, print, CLI). */
  cycle(): CycleData {
    return { ...this.data, lines: [...this.calc.lines.values()], amounts: this.calc.amountList() };
  }

  get calc(): PlanCalc {
    return this.model;
  }

  get columns(): ColumnTree {
    return this.cols;
  }

  get meta(): CycleMeta {
    return this.data.meta;
  }

  get rules(): RuleParams {
    return this.data.rules;
  }

  get db() {
    return this.file.db;
  }

  setting<T = unknown>(key: SettingKey): T | undefined {
    return this.settings.get(key) as T | undefined;
  }

  newLineId(): number {
    return this.nextLineId++;
  }

  /** (Re)build the in-memory model from the file. */
  private load(): void {
    this.data = this.file.data();
    this.cols = new ColumnTree(this.data.columns);
    this.model = new PlanCalc(this.cols, this.data.lines, this.data.amounts);
    this.order = null;
    this.settings = new Map(
      (this.file.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[])
        .filter((r) => (SETTING_KEYS as readonly string[]).includes(r.key))
        .map((r) => [r.key, JSON.parse(r.value) as unknown]),
    );
    this.findings = new FindingsTracker(this.calc, this.data.meta, this.data.rules);
    // Past the highest id ever used (the audit log remembers deleted lines): ids are never reused.
    this.nextLineId = Math.max(this.data.lines.reduce((m, l) => Math.max(m, l.id), 0), this.audit.highestLineId()) + 1;
  }

  /**
   * Validate and run one command. Rejects with a PlanDeskError (a dictionary key) on refusal. The
   * handler's synchronous work runs at once, inside this call (an edit is applied before it returns).
   */
  async handle<K extends CommandName>(name: K, rawArgs: unknown): Promise<CommandResults[K]> {
    if (!Object.hasOwn(commandArgs, name)) throw new PlanDeskError('error.invalid_args', { detail: String(name) });
    const parsed = commandArgs[name].safeParse(rawArgs ?? {});
    if (!parsed.success) {
      throw new PlanDeskError('error.invalid_args', { detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 300) });
    }
    const handler: Handler<K> = this.handlers[name];
    return handler(parsed.data as CommandArgs<K>, this);
  }

  private readonly handlers: HandlerMap<CommandName> = {
    ...areaHandlers,
    'cycle/snapshot': async (a) => this.snapshot(a.firstRows),
    'cycle/rows': async (a) => ({
      rows: this.displayOrder().slice(a.from, a.from + a.count).map(({ id, depth }) => this.rowView(id, depth)),
    }),
    'cycle/findings': async () => ({ findings: this.findings.all() }),
    'cell/set': async (a) => {
      this.requireCell(a.lineId, a.column);
      const old = this.calc.storedValue(a.lineId, a.column) ?? null;
      if (old === a.value) return this.emptyPatch();
      return this.commit(stepLabel('undo.cell'), [{ t: 'amount', lineId: a.lineId, column: a.column, old, new: a.value }], {
        lineId: a.lineId,
        column: a.column,
      });
    },
    'cells/set': async (a) => {
      const actions: DocAction[] = [];
      const skipped: NonNullable<Patch['skipped']> = [];
      const seen = new Set<string>();
      for (const c of a.changes) {
        if (!this.calc.lines.has(c.lineId) || !this.cols.has(c.column)) {
          skipped.push({ lineId: c.lineId, column: c.column, reason: 'unknown' });
          continue;
        }
        // A paste fills entries; totals are computed, so a pasted figure never lands on one.
        if (this.calc.isTotalPosition(c.lineId, c.column)) {
          skipped.push({ lineId: c.lineId, column: c.column, reason: 'total_position' });
          continue;
        }
        const key = `${c.lineId}:${c.column}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const old = this.calc.storedValue(c.lineId, c.column) ?? null;
        if (old !== c.value) actions.push({ t: 'amount', lineId: c.lineId, column: c.column, old, new: c.value });
      }
      const first = a.changes[0];
      const patch = actions.length
        ? this.commit(stepLabelFrom(a.label, 'undo.paste'), actions, first ? { lineId: first.lineId, column: first.column } : null)
        : this.emptyPatch();
      return { ...patch, skipped };
    },
    'line/update': async (a) => {
      const line = this.requireLine(a.lineId);
      const old: Partial<Record<LineField, string>> = {};
      const next: Partial<Record<LineField, string>> = {};
      for (const [f, v] of Object.entries(a.fields) as [LineField, string][]) {
        const value = v.normalize('NFC');
        if (line[f] !== value) {
          old[f] = line[f];
          next[f] = value;
        }
      }
      if (Object.keys(next).length === 0) return this.emptyPatch();
      const col = Object.keys(next)[0];
      return this.commit(stepLabel('undo.line.update'), [{ t: 'fields', lineId: a.lineId, old, new: next }], { lineId: a.lineId, column: col });
    },
    'line/setCapital': async (a) => {
      const line = this.requireLine(a.lineId);
      const next = { allowedCapital: a.allowedCapital, isAdjustment: a.isAdjustment ?? line.isAdjustment };
      return this.commit(
        stepLabel('undo.capital'),
        [{ t: 'capital', lineId: a.lineId, old: { allowedCapital: line.allowedCapital, isAdjustment: line.isAdjustment }, new: next }],
        { lineId: a.lineId, column: null },
      );
    },
    'line/insert': async (a) => {
      let parentId: number | null = null;
      let position = this.calc.children(null).length;
      if (a.anchor !== null) {
        const anchor = this.requireLine(a.anchor);
        if (a.where === 'child') {
          parentId = anchor.id;
          position = this.calc.children(anchor.id).length;
        } else {
          parentId = anchor.parentId;
          position = anchor.position + (a.where === 'below' ? 1 : 0);
        }
      }
      const id = this.newLineId();
      const fields = a.fields ?? {};
      const line: Line = {
        id, parentId, position,
        code: (fields.code ?? '').normalize('NFC'), name: (fields.name ?? '').normalize('NFC'),
        agency: (fields.agency ?? '').normalize('NFC'), note: (fields.note ?? '').normalize('NFC'),
        allowedCapital: parentId !== null ? (this.calc.lines.get(parentId)?.allowedCapital ?? null) : null,
        isAdjustment: false,
      };
      const actions: DocAction[] = this.shiftSiblings(parentId, position, +1);
      actions.push({ t: 'insert', line, amounts: [] });
      const patch = this.commit(stepLabel('undo.line.insert'), actions, { lineId: id, column: 'code' });
      return { ...patch, lineId: id };
    },
    'line/delete': async (a) => {
      const line = this.requireLine(a.lineId);
      // Children first (foreign keys), each with its figures, so undo restores everything.
      const doomed: Line[] = [];
      const visit = (id: number) => {
        for (const k of this.calc.children(id)) visit(k);
        doomed.push(this.calc.lines.get(id)!);
      };
      visit(line.id);
      const actions: DocAction[] = doomed.map((l) => ({
        t: 'delete',
        line: l,
        amounts: [...this.calc.storedOf(l.id)].map(([column, value]) => ({ lineId: l.id, column, value })),
      }));
      actions.push(...this.shiftSiblings(line.parentId, line.position + 1, -1));
      return this.commit(stepLabel('undo.line.delete'), actions, { lineId: line.parentId ?? line.id, column: null });
    },
    'meta/set': async (a) => {
      const actions: DocAction[] = [];
      for (const [k, v] of Object.entries(a.meta)) {
        const old: unknown = this.data.meta[k as keyof CycleMeta];
        if (JSON.stringify(old) !== JSON.stringify(v)) actions.push({ t: 'meta', key: k, old, new: v });
      }
      return actions.length ? this.commit(stepLabel('undo.meta'), actions, null) : this.emptyPatch();
    },
    'rules/set': async (a) =>
      this.commit(stepLabel('undo.rules'), [{ t: 'meta', key: 'rules', old: this.data.rules, new: a.rules }], null),
    'undo': async () => {
      const step = this.undoLog.peekUndo();
      if (!step) throw new PlanDeskError('error.nothing_to_undo');
      return this.applySteps([...step.actions].reverse().map(invert), () => this.undoLog.mark(step.id, 'undone'), step.cursor, { kind: 'undo', label: step.label });
    },
    'redo': async () => {
      const step = this.undoLog.peekRedo();
      if (!step) throw new PlanDeskError('error.nothing_to_redo');
      return this.applySteps(step.actions, () => this.undoLog.mark(step.id, 'done'), step.cursor, { kind: 'redo', label: step.label });
    },
    'settings/get': async (a) => ({ value: this.settings.get(a.key) ?? null }),
    'settings/set': async (a) =>
      this.commit(stepLabelFrom(a.label, 'undo.settings'), [{ t: 'meta', key: a.key, old: this.settings.get(a.key) ?? null, new: a.value }], null),
  };

  /** Actions that move later siblings by `delta` to open (or close) a gap at `from`. */
  shiftSiblings(parentId: number | null, from: number, delta: number): DocAction[] {
    const out: DocAction[] = [];
    for (const id of this.calc.children(parentId)) {
      const l = this.calc.lines.get(id)!;
      if (l.position >= from) {
        out.push({ t: 'place', lineId: id, old: { parentId, position: l.position }, new: { parentId, position: l.position + delta } });
      }
    }
    return out;
  }

  requireLine(id: number): Line {
    const l = this.calc.lines.get(id);
    if (!l) throw new PlanDeskError('error.unknown_line');
    return l;
  }

  private requireCell(lineId: number, column: string): void {
    this.requireLine(lineId);
    if (!this.cols.has(column)) throw new PlanDeskError('error.unknown_column', { column });
  }

  private assertWritable(): void {
    if (this.file.readOnly) throw new PlanDeskError('error.read_only');
  }

  /** Apply a new user action as one undo step (with the stated totals that follow it, see below). */
  commit(label: string, actions: DocAction[], cursor: Cursor): Patch {
    return this.applySteps(actions, (all) => this.undoLog.record(label, all, cursor), cursor, { kind: 'edit', label });
  }

  /**
   * The lines whose computed totals the actions can move (issue 12): an amount's line and its
   * ancestors, the old and new parents (and their ancestors) of lines inserted, deleted or placed.
   */
  private linesMoved(actions: readonly DocAction[]): Set<number> {
    const out = new Set<number>();
    for (const a of actions) {
      if (a.t === 'amount') withAncestors(this.calc, a.lineId, out);
      else if (a.t === 'insert' || a.t === 'delete') withAncestors(this.calc, a.line.parentId, out);
      else if (a.t === 'place') {
        withAncestors(this.calc, this.calc.parentOf(a.lineId), out);
        withAncestors(this.calc, a.new.parentId, out);
      }
    }
    return out;
  }

  /** Apply actions to file and memory in one transaction; on failure, reload memory from the file. */
  private applySteps(actions: DocAction[], bookkeeping: (all: DocAction[]) => void, cursor: Cursor, audit: { kind: 'edit' | 'undo' | 'redo'; label: string }): Patch {
    this.assertWritable();
    const changed = new Set<number>();
    let structure = false;
    let metaChanged = false;
    let rulesChanged = false;
    try {
      this.file.db.transaction(() => {
        // A new edit carries the stated totals that agreed along with it, as amount actions of the
        // same step (so undo and redo replay them exactly, without deciding again).
        const agreeing = audit.kind === 'edit' ? captureAgreeing(this.calc, this.linesMoved(actions), sumToleranceDong(this.data.rules, this.data.meta.unit)) : null;
        // Lines as they were, so a deleted or renamed line is named as it was.
        const named = new Map<number, Line>();
        for (const a of actions) {
          const id = a.t === 'insert' || a.t === 'delete' ? a.line.id : 'lineId' in a ? a.lineId : undefined;
          const l = id === undefined ? undefined : this.calc.lines.get(id);
          if (l) named.set(l.id, l);
        }
        for (const a of actions) {
          this.writer.write(a);
          if (isStructural(a)) structure = true;
          else if (a.t === 'meta') {
            if (a.key === 'rules') rulesChanged = true;
            else if (a.key in this.data.meta) metaChanged = true;
          }
          this.applyToMemory(a, changed, structure);
        }
        if (structure) this.calc.reset([...this.calc.lines.values()], this.calc.amountList());
        if (agreeing && agreeing.size) {
          // Appended once: a paste over 10.000 lines can move thousands of stated totals.
          const follow: DocAction[] = followChanges(this.calc, agreeing).map((f) => ({ t: 'amount', lineId: f.lineId, column: f.column, old: f.old, new: f.new }));
          for (const a of follow) {
            this.writer.write(a);
            this.applyToMemory(a, changed, false);
          }
          if (follow.length) actions = actions.concat(follow);
        }
        this.audit.record(audit.kind, audit.label, actions, (id) => named.get(id) ?? this.calc.lines.get(id));
        bookkeeping(actions);
      })();
    } catch (e) {
      this.load();
      throw e;
    }
    let findings: FindingsDelta;
    let tree: Pick<Patch, 'order' | 'removed'> & { repaint: number[] } = { repaint: [] };
    if (structure) {
      this.order = null;
      const { repaint, removed, groups } = structuralRepaint(actions, this.calc);
      const order = this.displayOrder().map((o) => o.id);
      tree = { repaint, removed, order };
      if (metaChanged || rulesChanged) {
        this.findings = new FindingsTracker(this.calc, this.data.meta, this.data.rules);
        findings = { reset: this.findings.all(), upsert: [], remove: [] };
      } else {
        // The rows to repaint, and the sibling groups lines left or joined (duplicate codes).
        findings = this.findings.updateStructure(repaint, removed, groups, order);
      }
    } else if (metaChanged || rulesChanged) {
      this.findings = new FindingsTracker(this.calc, this.data.meta, this.data.rules);
      findings = { reset: this.findings.all(), upsert: [], remove: [] };
    } else {
      findings = this.findings.update(changed);
    }
    return {
      rows: (structure ? tree.repaint : [...changed].filter((id) => this.calc.lines.has(id))).map((id) => this.rowView(id)),
      totals: this.totals(),
      findings,
      undo: this.undoState(),
      structure,
      ...(structure ? { order: tree.order, removed: tree.removed } : {}),
      ...(metaChanged ? { meta: this.data.meta } : {}),
      ...(rulesChanged ? { rules: this.data.rules } : {}),
      cursor,
    };
  }

  /** Mirror one action in memory. Structural actions edit the line map; the calc is rebuilt after. */
  private applyToMemory(a: DocAction, changed: Set<number>, structurePending: boolean): void {
    const lines = this.calc.lines;
    switch (a.t) {
      case 'amount':
        if (structurePending) this.calc.storeOnly(a.lineId, a.column, a.new);
        else this.calc.setAmount(a.lineId, a.column, a.new, changed);
        return;
      case 'fields':
        this.calc.updateLine({ ...lines.get(a.lineId)!, ...a.new });
        changed.add(a.lineId);
        return;
      case 'capital':
        this.calc.updateLine({ ...lines.get(a.lineId)!, ...a.new });
        changed.add(a.lineId);
        return;
      case 'insert':
        lines.set(a.line.id, { ...a.line });
        for (const x of a.amounts) this.calc.storeOnly(x.lineId, x.column, x.value);
        this.nextLineId = Math.max(this.nextLineId, a.line.id + 1);
        return;
      case 'delete':
        lines.delete(a.line.id);
        for (const x of a.amounts) this.calc.storeOnly(x.lineId, x.column, null);
        return;
      case 'place':
        lines.set(a.lineId, { ...lines.get(a.lineId)!, parentId: a.new.parentId, position: a.new.position });
        return;
      case 'meta':
        if (a.key === 'rules') this.data = { ...this.data, rules: a.new as RuleParams };
        else if (a.key in this.data.meta) this.data = { ...this.data, meta: { ...this.data.meta, [a.key]: a.new } as CycleMeta };
        else this.settings.set(a.key, a.new);
        return;
    }
  }

  emptyPatch(): Patch {
    return { rows: [], totals: this.totals(), findings: { upsert: [], remove: [] }, undo: this.undoState(), structure: false, cursor: null };
  }

  private undoState(): UndoState {
    const { undo, redo } = this.undoLog.labels();
    return { canUndo: undo !== null, canRedo: redo !== null, undoLabel: undo, redoLabel: redo };
  }

  private totals(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.cols.ordered) out[c.key] = this.calc.total(c.key);
    return out;
  }

  rowView(id: number, depth?: number): RowView {
    const l = this.calc.lines.get(id)!;
    const values: Record<string, number> = {};
    for (const c of this.cols.ordered) values[c.key] = this.calc.value(id, c.key);
    return {
      id, parentId: l.parentId, depth: depth ?? this.calc.ancestors(id).length,
      code: l.code, name: l.name, agency: l.agency, note: l.note,
      hasChildren: this.calc.isParent(id), unallocated: this.calc.isUnallocatedParent(id),
      allowedCapital: l.allowedCapital, isAdjustment: l.isAdjustment,
      values, stored: Object.fromEntries(this.calc.storedOf(id)),
    };
  }

  /** Lines in display order with their depth, cached until the tree changes. */
  private displayOrder(): { id: number; depth: number }[] {
    this.order ??= [...this.calc.walk()];
    return this.order;
  }

  /** The plan as the grid shows it; with `firstRows`, only the first rows and no findings (fast first paint). */
  snapshot(firstRows?: number): Snapshot {
    const order = this.displayOrder();
    const part = firstRows === undefined ? order : order.slice(0, firstRows);
    const withFindings = firstRows === undefined || firstRows >= order.length;
    return {
      file: this.info, rowCount: order.length, findingsIncluded: withFindings,
      meta: this.data.meta, columns: this.data.columns, rules: this.data.rules,
      rows: part.map(({ id, depth }) => this.rowView(id, depth)), totals: this.totals(),
      findings: withFindings ? this.findings.all() : [], undo: this.undoState(),
    };
  }
}
