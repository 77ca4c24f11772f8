// Low-level document actions: the only way the engine changes a plan. Each records its old and new
// state, so its inverse is known at the moment it is applied (undo = inverses in reverse order,
// redo = the actions again). Applying writes SQLite (inside the caller's transaction) and the
// in-memory model together.
import type { Amount, CapitalType, Dong, FundingColumn, Line, LineField, Share, Unit } from '../../shared/model';
import type { DB } from './store/db';
import { lineParams } from './store/cycle-file';
import { ExecutionWriter, isExecutionAction, type ExecutionAction } from './execution/store';
import { ConsolidationWriter, isConsolidationAction, type ConsolidationAction } from './consolidation/store';

type Fields = Partial<Record<LineField, string>>;
type Capital = { allowedCapital: CapitalType[] | null; isAdjustment: boolean };
type Place = { parentId: number | null; position: number };

export type DocAction =
  | { t: 'amount'; lineId: number; column: string; old: Dong | null; new: Dong | null }
  | { t: 'fields'; lineId: number; old: Fields; new: Fields }
  | { t: 'capital'; lineId: number; old: Capital; new: Capital }
  // A line carries its units' shares in and out with it (issue 14: a deleted line's shares go in
  // the same step); `shares` is absent in steps recorded before units existed.
  | { t: 'insert'; line: Line; amounts: Amount[]; shares?: Share[] }
  | { t: 'delete'; line: Line; amounts: Amount[]; shares?: Share[] }
  | { t: 'place'; lineId: number; old: Place; new: Place }
  | { t: 'meta'; key: string; old: unknown; new: unknown }
  // Units (issue 14): a unit added (old null), changed, or removed (new null; its shares and
  // scores go first, as their own actions); a unit's share of a line and column; a criteria score.
  | { t: 'unit'; old: Unit | null; new: Unit | null }
  | { t: 'share'; unitId: number; lineId: number; column: string; old: Dong | null; new: Dong | null }
  | { t: 'score'; scheme: string; unitId: number; old: number | null; new: number | null }
  /** A funding column inserted (old null), deleted (new null), renamed, given roles or moved (both). */
  | { t: 'column'; old: FundingColumn | null; new: FundingColumn | null }
  // Reporting dates, disbursement figures, carried-over funds (issue 15): execution/store.ts.
  | ExecutionAction
  // A unit's merged detail lines replaced as a whole (issue 16): consolidation/store.ts.
  | ConsolidationAction;

export function invert(a: DocAction): DocAction {
  switch (a.t) {
    case 'insert':
      return { ...a, t: 'delete' };
    case 'delete':
      return { ...a, t: 'insert' };
    default:
      return { ...a, old: a.new, new: a.old } as DocAction;
  }
}

/** Whether the action changes the line tree (the calc then rebuilds instead of updating). */
export function isStructural(a: DocAction): boolean {
  return a.t === 'insert' || a.t === 'delete' || a.t === 'place';
}

/** A column's row values in the order of the insert and update statements (key last). */
function columnParams(c: FundingColumn): unknown[] {
  return [c.parent, c.position, c.label.vi, c.label.en, c.totalLabel?.vi ?? null, c.totalLabel?.en ?? null, c.source, c.capital, c.key];
}

/** Amounts per multi-row statement (3 parameters each, well under SQLite's 32.766). */
const AMOUNT_BATCH = 100;

/** Prepared statements for applying actions to one database. */
export class ActionWriter {
  private readonly upsertAmount;
  private readonly deleteAmount;
  private readonly deleteLineAmounts;
  private readonly insertLine;
  private readonly deleteLine;
  private readonly placeLine;
  private readonly capital;
  private readonly upsertMeta;
  private units: ReturnType<typeof unitStatements> | null = null;
  private readonly insertColumn;
  private readonly updateColumn;
  private readonly deleteColumn;
  private readonly fieldStmts = new Map<LineField, { run: (...params: unknown[]) => unknown }>();
  private readonly execution: ExecutionWriter;
  private readonly consolidation: ConsolidationWriter;

  constructor(private readonly db: DB) {
    this.upsertAmount = db.prepare(
      'INSERT INTO amounts (line_id, column_key, value) VALUES (?, ?, ?) ON CONFLICT (line_id, column_key) DO UPDATE SET value = excluded.value',
    );
    this.deleteAmount = db.prepare('DELETE FROM amounts WHERE line_id = ? AND column_key = ?');
    this.deleteLineAmounts = db.prepare('DELETE FROM amounts WHERE line_id = ?');
    this.insertLine = db.prepare(
      `INSERT INTO lines (id, parent_id, position, code, name, agency, note, allowed_capital, is_adjustment)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.deleteLine = db.prepare('DELETE FROM lines WHERE id = ?');
    this.placeLine = db.prepare('UPDATE lines SET parent_id = ?, position = ? WHERE id = ?');
    this.capital = db.prepare('UPDATE lines SET allowed_capital = ?, is_adjustment = ? WHERE id = ?');
    this.upsertMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    this.execution = new ExecutionWriter(db);
    this.consolidation = new ConsolidationWriter(db);
    this.insertColumn = db.prepare(
      `INSERT INTO columns (parent_key, position, label_vi, label_en, total_label_vi, total_label_en, source, capital, key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updateColumn = db.prepare(
      `UPDATE columns SET parent_key = ?, position = ?, label_vi = ?, label_en = ?, total_label_vi = ?, total_label_en = ?,
       source = ?, capital = ? WHERE key = ?`,
    );
    this.deleteColumn = db.prepare('DELETE FROM columns WHERE key = ?');
    for (const f of ['code', 'name', 'agency', 'note'] as const) {
      this.fieldStmts.set(f, db.prepare<unknown[]>(`UPDATE lines SET ${f} = ? WHERE id = ?`));
    }
  }

  /**
   * Amounts wait here and go AMOUNT_BATCH at a time through one multi-row statement (deleting a
   * column's 96.557 figures or undoing it: ~1.000 statements, not 96.557). Any other action writes
   * them first, so the file sees every change in the step's order; the session calls flush() before
   * its transaction ends and discard() when it rolls back.
   */
  private pending: Extract<DocAction, { t: 'amount' }>[] = [];
  private batchUpsert: { run: (...params: unknown[]) => unknown } | null = null;
  private batchDelete: { run: (...params: unknown[]) => unknown } | null = null;

  /** Write the amounts still waiting (in their order; a batch is consecutive ones of one kind and, for deletes, one column). */
  flush(): void {
    const p = this.pending;
    this.pending = [];
    for (let i = 0; i < p.length; ) {
      const a = p[i]!;
      const del = a.new === null;
      let j = i + 1;
      while (j < p.length && j - i < AMOUNT_BATCH && (p[j]!.new === null) === del && (!del || p[j]!.column === a.column)) j++;
      if (j - i === AMOUNT_BATCH) {
        if (del) {
          this.batchDelete ??= this.db.prepare<unknown[]>(`DELETE FROM amounts WHERE column_key = ? AND line_id IN (${Array(AMOUNT_BATCH).fill('?').join(', ')})`);
          this.batchDelete.run(a.column, ...p.slice(i, j).map((x) => x.lineId));
        } else {
          this.batchUpsert ??= this.db.prepare<unknown[]>(
            `INSERT INTO amounts (line_id, column_key, value) VALUES ${Array(AMOUNT_BATCH).fill('(?, ?, ?)').join(', ')} ON CONFLICT (line_id, column_key) DO UPDATE SET value = excluded.value`,
          );
          this.batchUpsert.run(p.slice(i, j).flatMap((x) => [x.lineId, x.column, x.new]));
        }
      } else {
        for (let k = i; k < j; k++) {
          const x = p[k]!;
          if (x.new === null) this.deleteAmount.run(x.lineId, x.column);
          else this.upsertAmount.run(x.lineId, x.column, x.new);
        }
      }
      i = j;
    }
  }

  /** Forget the amounts waiting (their transaction rolled back). */
  discard(): void {
    this.pending = [];
  }

  write(a: DocAction): void {
    if (a.t === 'amount') {
      this.pending.push(a);
      return;
    }
    if (this.pending.length) this.flush();
    if (isExecutionAction(a)) return this.execution.write(a);
    if (isConsolidationAction(a)) return this.consolidation.write(a);
    switch (a.t) {
      case 'fields':
        for (const [f, v] of Object.entries(a.new)) this.fieldStmts.get(f as LineField)!.run(v, a.lineId);
        return;
      case 'capital':
        this.capital.run(a.new.allowedCapital ? a.new.allowedCapital.join(',') : null, a.new.isAdjustment ? 1 : 0, a.lineId);
        return;
      case 'insert':
        this.insertLine.run(lineParams(a.line));
        for (const x of a.amounts) this.upsertAmount.run(x.lineId, x.column, x.value);
        for (const x of a.shares ?? []) this.u.upsertShare.run(x.unitId, x.lineId, x.column, x.value);
        return;
      case 'delete':
        this.u.deleteLineShares.run(a.line.id);
        this.deleteLineAmounts.run(a.line.id);
        this.deleteLine.run(a.line.id);
        return;
      case 'place':
        this.placeLine.run(a.new.parentId, a.new.position, a.lineId);
        return;
      case 'meta':
        this.upsertMeta.run(a.key, JSON.stringify(a.new));
        return;
      case 'column':
        // The caller orders a step so the foreign keys hold: figures on a key go before its column,
        // sub-columns before their parent (and the inverse, reversed, puts them back parent first).
        if (a.new === null) this.deleteColumn.run(a.old!.key);
        else (a.old === null ? this.insertColumn : this.updateColumn).run(...columnParams(a.new));
        return;
      case 'unit':
        if (a.new === null) this.u.deleteUnit.run(a.old!.id);
        else this.u.upsertUnit.run(a.new.id, a.new.parentId, a.new.position, a.new.name, a.new.kind, a.new.code);
        return;
      case 'share':
        // One by one: a multi-row upsert into unit_shares measured twice as slow (its two indexes and
        // three foreign keys are the cost, not the statements).
        if (a.new === null) this.u.deleteShare.run(a.unitId, a.lineId, a.column);
        else this.u.upsertShare.run(a.unitId, a.lineId, a.column, a.new);
        return;
      case 'score':
        if (a.new === null) this.u.deleteScore.run(a.scheme, a.unitId);
        else this.u.upsertScore.run(a.scheme, a.unitId, a.new);
        return;
    }
  }

  /** The units' statements (issue 14), prepared on first use: most steps never touch a unit. */
  private get u() {
    return (this.units ??= unitStatements(this.db));
  }
}

function unitStatements(db: DB) {
  return {
    upsertUnit: db.prepare(
      `INSERT INTO units (id, parent_id, position, name, kind, code) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, position = excluded.position, name = excluded.name,
       kind = excluded.kind, code = excluded.code`,
    ),
    deleteUnit: db.prepare('DELETE FROM units WHERE id = ?'),
    upsertShare: db.prepare(
      `INSERT INTO unit_shares (unit_id, line_id, column_key, value) VALUES (?, ?, ?, ?)
       ON CONFLICT (line_id, column_key, unit_id) DO UPDATE SET value = excluded.value`,
    ),
    deleteShare: db.prepare('DELETE FROM unit_shares WHERE unit_id = ? AND line_id = ? AND column_key = ?'),
    deleteLineShares: db.prepare('DELETE FROM unit_shares WHERE line_id = ?'),
    upsertScore: db.prepare('INSERT OR REPLACE INTO unit_scores (scheme, unit_id, score) VALUES (?, ?, ?)'),
    deleteScore: db.prepare('DELETE FROM unit_scores WHERE scheme = ? AND unit_id = ?'),
  };
}
