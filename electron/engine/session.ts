// One open planning cycle: the file, the in-memory model (PlanCalc), findings, and the undo log.
// Every command is validated, turned into DocActions, and applied in ONE SQLite transaction that
// also records its undo step; the result is a Patch naming only what changed. If a transaction
// fails, the in-memory model is reloaded from the file, so memory never disagrees with disk.
import path from 'node:path';
import { ColumnTree } from '../../shared/columns';
import { PlanCalc, type CellChange } from '../../shared/calc';
import type { Finding, FindingsDelta } from '../../shared/findings';
import { t } from '../../shared/i18n';
import {
  commandArgs,
  type CommandArgs,
  type CommandName,
  type CommandResults,
  type FileInfo,
  type Patch,
  type RowView,
  type Snapshot,
  type UndoState,
} from '../../shared/ipc';
import { cellKey, type Amount, type CycleData, type CycleMeta, type Dong, type Line, type RuleParams } from '../../shared/model';
import { SETTING_KEYS, type SettingKey } from '../../shared/settings';
import { sumToleranceDong } from '../../shared/rules/context';
import { captureAgreeing, followChanges, withAncestors } from '../../shared/stated-follow';
import { ActionWriter, invert, isStructural, type DocAction } from './actions';
import { PlanDeskError } from './errors';
import { commandHandlers } from './commands';
import type { Cursor, Handler, Services, SessionContext } from './context';
import { FindingsTracker } from './findings-tracker';
import { columnStepFindings } from './column-findings';
import { structuralRepaint } from './structure-patch';
import { AuditLog, type AuditReader } from './history/audit-log';
import { readLineage } from './history/lineage';
import { Revisions } from './history/revisions';
import type { OpenOptions } from './store/db';
import { openCycleFile, type CycleFile } from './store/cycle-file';
import { UndoLog } from './undo-log';
import { systemClock } from './clock';
import { ExecutionState } from '../../shared/execution/state';
import { readExecution, type ExecutionAction } from './execution/store';
import { ExecutionCalc } from '../../shared/execution/calc';
import { ExecutionFindings, localDay, mergeFindings, type ExecutionRuleInput } from '../../shared/execution/rules';
import type { ExecutionDelta } from '../../shared/commands/execution';
import { UnitBook, type UnitsDelta } from '../../shared/units/book';
import { DetailBook } from '../../shared/consolidation/model';
import { readDetails } from './consolidation/store';

export class PlanSession implements SessionContext {
  private data!: CycleData;
  private cols!: ColumnTree;
  private model!: PlanCalc;
  /** Area settings (print, templates…): meta rows whose key is not a CycleMeta field. */
  private settings = new Map<string, unknown>();
  private findingsTracker!: FindingsTracker;
  /** Reporting dates, disbursement figures and carried-over funds (issue 15), mirrored like the calc. */
  private exec!: ExecutionState;
  private execCalc!: ExecutionCalc;
  /** What the step being applied changed on the execution side (Patch.execution), or null. */
  private execDelta: ExecutionDelta | null = null;
  /** The lines whose report rows the step moved, per date (Patch.execution.figures once the step is done). */
  private readonly execLines = new Map<number, Set<number>>();
  /** The execution rules' findings, built when findings are first asked for (like the plan's). */
  private execFindings: ExecutionFindings | null = null;
  /** Units, their shares and scores (issue 14), mirrored like the calc. */
  private unitBook!: UnitBook;
  /** What the step being applied changed among units (Patch.units), or null outside applySteps. */
  private unitsDelta: UnitsDelta | null = null;
  /** The units' merged detail lines (issue 16), mirrored like the UnitBook. */
  private detailBook!: DetailBook;
  private readonly writer: ActionWriter;
  private readonly undoLog: UndoLog;
  /** Every applied change, with who and when (issue 7); written in the change's own transaction. */
  private readonly auditLog: AuditLog;
  /** The file's named revisions (history/revisions.ts), for the commands. */
  readonly revisions: Revisions;
  private nextLineId = 1;
  /** Given by the Workspace that opens the session; alone (CLI, tests), no host and no import jobs. */
  services: Services = { host: null, jobs: () => { throw new PlanDeskError('error.no_workspace'); }, clock: systemClock };
  private order: { id: number; depth: number }[] | null = null;
  /**
   * While a step changes the column tree: the figures it writes, by cell. The calc is keyed by the
   * old tree until the step ends (a figure on a column just inserted has no place in it yet); then
   * it is rebuilt on the new tree from its figures with these laid over (rebuildColumns). A list in
   * the step's order (a cell written twice: the later wins when laid over): deleting NSĐP lays 96.557.
   */
  private pendingCells: CellChange[] | null = null;

  private constructor(readonly file: CycleFile) {
    this.writer = new ActionWriter(file.db);
    this.undoLog = new UndoLog(file.db);
    // The time of a change is the services' clock (the host may give its own), read at each record.
    const now = () => this.services.clock();
    this.auditLog = new AuditLog(file.db, now);
    this.revisions = new Revisions(file.db, now);
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
    const { units: _u, shares: _s, scores: _c, ...data } = this.data;
    const b = this.unitBook;
    // Units appear only when the plan has some (as readCycle gives them).
    const units = b.units.size ? { units: [...b.units.values()], shares: b.allShares(), scores: b.allScores() } : {};
    return { ...data, lines: [...this.calc.lines.values()], amounts: this.calc.amountList(), ...units };
  }

  /** The cycle's units, shares and scores as they are now. */
  get units(): UnitBook {
    return this.unitBook;
  }

  /** The units' merged detail lines (issue 16); read only — change them with commit(). */
  get unitDetails(): DetailBook {
    return this.detailBook;
  }

  /** The execution side (issue 15) as it is now; read only — change it with commit(). */
  get execution(): ExecutionState {
    return this.exec;
  }

  /** The report's sums over the line tree per as-of date (issue 15). */
  get executionCalc(): ExecutionCalc {
    return this.execCalc;
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

  /** The file's database: for the Workspace (backups) and tests; commands get narrow stores instead. */
  get db() {
    return this.file.db;
  }

  get audit(): AuditReader {
    return this.auditLog;
  }

  lineage(): string | null {
    return readLineage(this.file.db);
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
    this.exec = new ExecutionState(readExecution(this.file.db));
    this.execCalc = new ExecutionCalc(() => this.model, this.exec);
    this.execFindings = null;
    this.unitBook = new UnitBook(this.data.units, this.data.shares, this.data.scores);
    // The calc and the book hold the figures and shares now (cycle() reads them from there): the
    // load's arrays — 660.000 share objects in a country-wide plan, ~40 MB — are let go.
    this.data = { ...this.data, amounts: [], shares: undefined };
    this.detailBook = new DetailBook(readDetails(this.file.db));
    this.order = null;
    this.settings = new Map(
      (this.file.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[])
        .filter((r) => (SETTING_KEYS as readonly string[]).includes(r.key))
        .map((r) => [r.key, JSON.parse(r.value) as unknown]),
    );
    this.findingsTracker = new FindingsTracker(this.calc, this.data.meta, this.data.rules, this.unitBook);
    // Past the highest id ever used (the audit log remembers deleted lines): ids are never reused.
    this.nextLineId = Math.max(this.data.lines.reduce((m, l) => Math.max(m, l.id), 0), this.auditLog.highestLineId()) + 1;
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
    const handler: Handler<K> = commandHandlers[name];
    return handler(parsed.data as CommandArgs<K>, this);
  }

  /** The rows from..from+count in display order (cycle/rows). */
  rows(from: number, count: number): RowView[] {
    return this.displayOrder().slice(from, from + count).map(({ id, depth }) => this.rowView(id, depth));
  }

  /** Every finding as it stands. */
  findings(): Finding[] {
    return [...this.findingsTracker.all(), ...this.execF().all()];
  }

  /** Undo the last step (its actions inverted, in reverse), as one transaction. */
  undo(): Patch {
    const step = this.undoLog.peekUndo();
    if (!step) throw new PlanDeskError('error.nothing_to_undo');
    return this.applySteps([...step.actions].reverse().map(invert), () => this.undoLog.mark(step.id, 'undone'), step.cursor, { kind: 'undo', label: step.label });
  }

  /** Redo the last undone step. */
  redo(): Patch {
    const step = this.undoLog.peekRedo();
    if (!step) throw new PlanDeskError('error.nothing_to_redo');
    return this.applySteps(step.actions, () => this.undoLog.mark(step.id, 'done'), step.cursor, { kind: 'redo', label: step.label });
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
    // A step that changes the funding-column tree rebuilds the tree, the calc and the findings (issue 13).
    const columnsChanged = actions.some((a) => a.t === 'column');
    const treeBefore = this.cols;
    this.pendingCells = columnsChanged ? [] : null;
    // A deleted line takes its units' shares along, in the same step (issue 14), whoever built it.
    if (audit.kind === 'edit') actions = actions.map((a) => (a.t === 'delete' && this.unitBook.hasShares(a.line.id) ? { ...a, shares: this.unitBook.sharesOfLine(a.line.id) } : a));
    this.unitsDelta = { upsert: [], removed: [], shares: [], scores: false };
    this.execDelta = null;
    this.execLines.clear();
    /** The lines an edit can move, found before it runs (for the stated totals that follow, and the findings after a column step). */
    let movedBefore: Set<number> | null = null;
    try {
      this.file.db.transaction(() => {
        // A new edit carries the stated totals that agreed along with it, as amount actions of the
        // same step (so undo and redo replay them exactly, without deciding again).
        movedBefore = audit.kind === 'edit' ? this.linesMoved(actions) : null;
        const agreeing = movedBefore ? captureAgreeing(this.calc, movedBefore, sumToleranceDong(this.data.rules, this.data.meta.unit)) : null;
        // Lines as they were, so a deleted or renamed line is named as it was (only those actions
        // change a line's code or name: the others' lines are named as they are after the step,
        // and a column's 96.557 figures need no map of their lines).
        const named = new Map<number, Line>();
        for (const a of actions) {
          const id = a.t === 'insert' || a.t === 'delete' ? a.line.id : a.t === 'fields' ? a.lineId : undefined;
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
        if (columnsChanged) this.rebuildColumns(structure);
        else if (structure) this.calc.reset([...this.calc.lines.values()], this.calc.amountList());
        if (structure || columnsChanged) this.execCalc.invalidate(); // the report's rows follow the line tree
        if (agreeing && agreeing.size) {
          // Appended once: a paste over 10.000 lines can move thousands of stated totals. A column
          // that became a group or a leaf holds amounts now, not a sum that went stale: it stays.
          const sameKind = (col: string) => !columnsChanged || (this.cols.has(col) && treeBefore.isLeaf(col) === this.cols.isLeaf(col));
          const follow: DocAction[] = followChanges(this.calc, agreeing)
            .filter((f) => sameKind(f.column))
            .map((f) => ({ t: 'amount', lineId: f.lineId, column: f.column, old: f.old, new: f.new }));
          for (const a of follow) {
            this.writer.write(a);
            this.applyToMemory(a, changed, false);
          }
          if (follow.length) actions = actions.concat(follow);
        }
        this.writer.flush(); // the step's last amounts, before the transaction ends
        this.auditLog.record(audit.kind, audit.label, actions, (id) => named.get(id) ?? this.calc.lines.get(id));
        bookkeeping(actions);
      })();
    } catch (e) {
      this.writer.discard();
      this.unitsDelta = null;
      this.pendingCells = null;
      this.load();
      throw e;
    }
    const unitsDelta = this.unitsDelta;
    this.unitsDelta = null;
    const details = this.detailsMoved(actions);
    const execDelta = this.execDelta as ExecutionDelta | null; // set by execToMemory during the step
    this.execDelta = null;
    if (execDelta) execDelta.figures = [...this.execLines].map(([dateId, ids]) => ({ dateId, lineIds: [...ids] }));
    this.execLines.clear();
    let findings: FindingsDelta;
    let tree: Pick<Patch, 'order' | 'removed'> & { repaint: number[] } = { repaint: [] };
    if (columnsChanged) structure = true;
    if (structure) {
      this.order = null;
      // A new column tree changes every row's shape: the window reads the plan again, the patch names no rows.
      const { repaint, removed, groups } = columnsChanged ? { repaint: [], removed: [], groups: [] } : structuralRepaint(actions, this.calc);
      const order = columnsChanged ? [] : this.displayOrder().map((o) => o.id);
      tree = { repaint, removed, order };
      const columnFindings = columnsChanged && !metaChanged && !rulesChanged ? columnStepFindings(actions, treeBefore, this.cols) : 'all';
      if (columnFindings !== 'all') {
        // The rules learn the new columns; an empty column moves no finding, a column deleted with
        // its figures only those of the lines that held them (and of their ancestors).
        // An edit's lines were found before it ran (the line tree is the same: a column step that
        // moves lines runs every rule): only the stated totals that followed can add to them.
        const moved = movedBefore ?? new Set<number>();
        for (const a of actions) if (a.t === 'amount') withAncestors(this.calc, a.lineId, moved);
        for (const id of changed) moved.add(id);
        findings = this.findingsTracker.columnsChanged(moved);
      } else if (metaChanged || rulesChanged || columnsChanged) {
        this.findingsTracker = new FindingsTracker(this.calc, this.data.meta, this.data.rules, this.unitBook);
        findings = { reset: this.findingsTracker.all(), upsert: [], remove: [] };
      } else {
        // The rows to repaint, and the sibling groups lines left or joined (duplicate codes).
        findings = this.findingsTracker.updateStructure(repaint, removed, groups, order);
      }
    } else if (metaChanged || rulesChanged) {
      this.findingsTracker = new FindingsTracker(this.calc, this.data.meta, this.data.rules, this.unitBook);
      findings = { reset: this.findingsTracker.all(), upsert: [], remove: [] };
    } else {
      findings = this.findingsTracker.update(changed);
    }
    findings = this.execFindingsStep(findings, structure || metaChanged || rulesChanged, changed, execDelta);
    return {
      rows: (structure ? tree.repaint : [...changed].filter((id) => this.calc.lines.has(id))).map((id) => this.rowView(id)),
      totals: this.totals(),
      findings,
      undo: this.undoState(),
      structure,
      // A new column tree: no order, so the window reads the plan again (every row changes shape).
      ...(structure && !columnsChanged ? { order: tree.order, removed: tree.removed } : {}),
      ...(columnsChanged ? { columns: this.data.columns } : {}),
      ...(metaChanged ? { meta: this.data.meta } : {}),
      ...(rulesChanged ? { rules: this.data.rules } : {}),
      ...(unitsDelta.upsert.length || unitsDelta.removed.length || unitsDelta.shares.length || unitsDelta.scores ? { units: unitsDelta } : {}),
      ...(execDelta ? { execution: execDelta } : {}),
      ...(details.length ? { details } : {}),
      cursor,
    };
  }

  /** Units whose merged detail a step changed, or whose detail refines a line the step deleted or restored (Patch.details). */
  private detailsMoved(actions: readonly DocAction[]): number[] {
    const out = new Set<number>();
    const lines = new Set<number>();
    for (const a of actions) {
      if (a.t === 'unit_detail') out.add(a.unitId);
      else if ((a.t === 'insert' || a.t === 'delete') && this.detailBook.size) lines.add(a.line.id);
    }
    if (lines.size) for (const d of this.detailBook.all()) if (!out.has(d.unitId) && d.lines.some((l) => lines.has(l.lineId))) out.add(d.unitId);
    return [...out];
  }

  /** Mirror one action in memory. Structural actions edit the line map; the calc is rebuilt after. */
  private applyToMemory(a: DocAction, changed: Set<number>, structurePending: boolean): void {
    const lines = this.calc.lines;
    switch (a.t) {
      case 'amount':
        if (this.pendingCells) this.pendingCells.push({ lineId: a.lineId, column: a.column, value: a.new });
        else if (structurePending) this.calc.storeOnly(a.lineId, a.column, a.new);
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
        for (const x of a.amounts) this.storeCell(x.lineId, x.column, x.value);
        for (const x of a.shares ?? []) this.shareToMemory(x.unitId, x.lineId, x.column, x.value);
        this.nextLineId = Math.max(this.nextLineId, a.line.id + 1);
        return;
      case 'delete':
        lines.delete(a.line.id);
        for (const x of a.amounts) this.storeCell(x.lineId, x.column, null);
        // As the writer does: every share of the line goes (a step recorded before units lists none).
        for (const x of this.unitBook.sharesOfLine(a.line.id)) this.shareToMemory(x.unitId, x.lineId, x.column, null);
        return;
      case 'place':
        lines.set(a.lineId, { ...lines.get(a.lineId)!, parentId: a.new.parentId, position: a.new.position });
        return;
      case 'meta':
        if (a.key === 'rules') this.data = { ...this.data, rules: a.new as RuleParams };
        else if (a.key in this.data.meta) this.data = { ...this.data, meta: { ...this.data.meta, [a.key]: a.new } as CycleMeta };
        else this.settings.set(a.key, a.new);
        return;
      case 'column': {
        const key = (a.new ?? a.old)!.key;
        const rest = this.data.columns.filter((c) => c.key !== key);
        this.data = { ...this.data, columns: a.new ? [...rest, a.new] : rest };
        return;
      }
      case 'unit':
        if (a.new === null) {
          this.unitBook.removeUnit(a.old!.id);
          this.unitsDelta?.removed.push(a.old!.id);
        } else {
          this.unitBook.putUnit(a.new);
          this.unitsDelta?.upsert.push(a.new);
        }
        return;
      case 'share':
        this.shareToMemory(a.unitId, a.lineId, a.column, a.new, changed);
        return;
      case 'report_date':
      case 'disbursement':
      case 'carryover_source':
      case 'carryover':
        this.execToMemory(a);
        return;
      case 'score':
        this.unitBook.setScore(a.scheme, a.unitId, a.new);
        if (this.unitsDelta) this.unitsDelta.scores = true;
        return;
      case 'unit_detail':
        this.detailBook.set(a.unitId, a.new);
        return;
    }
  }

  /** A figure of a structural step: kept aside while the column tree changes, else stored for the calc's rebuild. */
  private storeCell(lineId: number, column: string, value: Dong | null): void {
    if (this.pendingCells) this.pendingCells.push({ lineId, column, value });
    else this.calc.storeOnly(lineId, column, value);
  }

  /**
   * The column tree changed in this step: the calc takes the new tree, its figures moved to their
   * columns' new places with the step's own figures laid over (figures on keys the tree no longer
   * has are dropped: the step removed them before their column). When lines changed in the same
   * step (an import that adds columns), the calc is rebuilt from its figures instead.
   */
  private rebuildColumns(linesChanged: boolean): void {
    const pending = this.pendingCells!;
    this.pendingCells = null;
    this.cols = new ColumnTree(this.data.columns);
    if (!linesChanged) return this.calc.setColumns(this.cols, pending);
    let amounts: Amount[] = this.calc.amountList();
    if (pending.length) {
      const last = new Map<string, CellChange>();
      for (const x of pending) last.set(cellKey(x.lineId, x.column), x);
      amounts = amounts.filter((x) => !last.has(cellKey(x.lineId, x.column)));
      for (const x of last.values()) if (x.value !== null && this.calc.lines.has(x.lineId)) amounts.push({ lineId: x.lineId, column: x.column, value: x.value });
    }
    this.model = new PlanCalc(this.cols, [...this.calc.lines.values()], amounts);
  }

  private shareToMemory(unitId: number, lineId: number, column: string, value: number | null, changed?: Set<number>): void {
    this.unitBook.setShare(unitId, lineId, column, value);
    this.unitsDelta?.shares.push({ unitId, lineId, column, value });
    // The line's unit findings are re-run with its other findings (a row repainted too: cheap).
    changed?.add(lineId);
  }

  private execInput(): ExecutionRuleInput {
    return { ex: this.execCalc, meta: this.data.meta, rules: this.data.rules, today: localDay(this.services.clock()) };
  }

  private execF(): ExecutionFindings {
    return (this.execFindings ??= new ExecutionFindings(this.execInput()));
  }

  /** The execution findings a step moved, merged into the plan's delta (all of them again on `full` or a date change). */
  private execFindingsStep(plan: FindingsDelta, full: boolean, changed: Set<number>, d: ExecutionDelta | null): FindingsDelta {
    if (!this.execFindings) return plan.reset ? { ...plan, reset: [...plan.reset, ...this.execF().all()] } : plan;
    // No reporting date and no carried-over funds: the execution rules have nothing to check (and
    // had nothing: a step that removes the last date or fund is not skipped). Skipping spares the
    // report layout's rebuild over the whole plan after a structural or column step; the next date
    // or fund runs them in full again (d.dates / d.sources / d.carryover).
    if (!d && !this.exec.dates.size && !this.exec.carryover.size && !this.exec.sources.size && this.execFindings.all().length === 0) return plan;
    const lines = new Set(changed);
    for (const f of d?.figures ?? []) for (const id of f.lineIds) lines.add(id);
    return mergeFindings(plan, this.execFindings.step(this.execInput(), full || !!d?.dates || !!d?.sources || !!d?.carryover, lines));
  }

  /** Mirror an execution action (issue 15): the state, the report's sums, and what the patch names. */
  private execToMemory(a: ExecutionAction): void {
    const d = (this.execDelta ??= { figures: [], carryover: false });
    switch (a.t) {
      case 'report_date':
        this.exec.setDate(a.id, a.new);
        if (a.new === null) this.execCalc.dropDate(a.id);
        d.dates = this.exec.sortedDates();
        return;
      case 'disbursement': {
        this.exec.setFigure(a.key, a.new);
        this.execCalc.countChanged(a.key.dateId, (a.new === null ? 0 : 1) - (a.old === null ? 0 : 1));
        const moved = this.execCalc.figureChanged(a.key, (a.new ?? 0) - (a.old ?? 0));
        const lines = moved ?? [a.key.lineId, ...this.calc.ancestors(a.key.lineId)];
        // The rows move at this date, and the next date's "in the period" (its difference from this one).
        const dates = this.exec.sortedDates();
        const next = dates[dates.findIndex((x) => x.id === a.key.dateId) + 1];
        for (const dateId of next ? [a.key.dateId, next.id] : [a.key.dateId]) {
          let ids = this.execLines.get(dateId);
          if (!ids) this.execLines.set(dateId, (ids = new Set()));
          for (const id of lines) ids.add(id);
        }
        return;
      }
      case 'carryover_source':
        this.exec.setSource(a.year, a.new);
        d.sources = [...this.exec.sources.values()];
        return;
      case 'carryover':
        this.exec.setCarryover(a.year, a.lineId, a.column, a.new);
        this.execCalc.carryoverChanged(a.year, a.lineId, a.column, (a.new ?? 0) - (a.old ?? 0));
        d.carryover = true;
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
      findings: withFindings ? this.findings() : [], undo: this.undoState(),
    };
  }
}
