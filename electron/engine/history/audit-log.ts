// The audit log: every change applied to the plan — edits, undos, redos — with when, who (OS user
// and computer), which line and column or field, and old → new. Written inside the same SQLite
// transaction as the change itself, so a change is in the file if and only if its audit rows are.
// Separate from the undo log, which is trimmed and drops redo steps.
import type { AuditFilter, AuditKind, AuditRow } from '../../../shared/commands/history';
import type { Line } from '../../../shared/model';
import type { DocAction } from '../actions';
import { identity } from '../safety/identity';
import type { DB } from '../store/db';
import { systemClock, type Clock } from '../clock';

type Value = number | string | null;

/** Change rows per multi-row INSERT (9 parameters each, well under SQLite's 32.766). */
const BATCH = 100;

interface ChangeRow {
  action: DocAction['t'];
  lineId: number | null;
  field: string | null;
  old: Value;
  new: Value;
}

/** Lower case without diacritics (đ → d): "nha o" and "NHÀ Ở" both find "nhà ở". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** A line as the audit keeps it when it is inserted or deleted (enough to tell what it was). */
function lineRecord(line: Line, amounts: { column: string; value: number }[]): string {
  return JSON.stringify({
    code: line.code, name: line.name, agency: line.agency, note: line.note, parentId: line.parentId, position: line.position,
    amounts: Object.fromEntries(amounts.map((a) => [a.column, a.value])),
  });
}

/** The audit rows of one list of actions. Sibling renumbering caused by an insert or delete is left out. */
function changeRows(actions: readonly DocAction[], reshapes = actions.some((a) => a.t === 'insert' || a.t === 'delete')): ChangeRow[] {
  const out: ChangeRow[] = [];
  for (const a of actions) {
    switch (a.t) {
      case 'amount':
        out.push({ action: 'amount', lineId: a.lineId, field: a.column, old: a.old, new: a.new });
        break;
      case 'fields':
        for (const f of Object.keys(a.new) as (keyof typeof a.new)[]) {
          out.push({ action: 'fields', lineId: a.lineId, field: f, old: a.old[f] ?? null, new: a.new[f] ?? null });
        }
        break;
      case 'capital':
        out.push({ action: 'capital', lineId: a.lineId, field: 'capital', old: json(a.old), new: json(a.new) });
        break;
      case 'insert':
        out.push({ action: 'insert', lineId: a.line.id, field: null, old: null, new: lineRecord(a.line, a.amounts) });
        break;
      case 'delete':
        out.push({ action: 'delete', lineId: a.line.id, field: null, old: lineRecord(a.line, a.amounts), new: null });
        break;
      case 'place':
        if (reshapes && a.old.parentId === a.new.parentId) break;
        out.push({ action: 'place', lineId: a.lineId, field: 'position', old: json(a.old), new: json(a.new) });
        break;
      case 'meta':
        out.push({ action: 'meta', lineId: null, field: a.key, old: json(a.old), new: json(a.new) });
        break;
      case 'column':
        // A funding column (issue 13): field = its key; old/new = the column as it was and became.
        out.push({ action: 'column', lineId: null, field: (a.new ?? a.old)!.key, old: json(a.old), new: json(a.new) });
        break;
      // Units (issue 14): a unit as it was and became; a unit's share of a line (field: unit id and
      // column); a criteria score (field: scheme and unit id).
      case 'unit':
        out.push({ action: 'unit', lineId: null, field: `unit:${(a.new ?? a.old)!.id}`, old: json(a.old), new: json(a.new) });
        break;
      case 'share':
        out.push({ action: 'share', lineId: a.lineId, field: `unit:${a.unitId}:${a.column}`, old: a.old, new: a.new });
        break;
      case 'score':
        out.push({ action: 'score', lineId: null, field: `${a.scheme}:unit:${a.unitId}`, old: a.old, new: a.new });
        break;
      // A unit's merged detail (issue 16): its file and how many lines, not the lines themselves
      // (the undo step keeps those; 3.300 units' details would double the log).
      case 'unit_detail': {
        const brief = (d: typeof a.old) => (d ? json({ file: d.file, received: d.received, lines: d.lines.length }) : null);
        out.push({ action: 'unit_detail', lineId: null, field: `unit:${a.unitId}`, old: brief(a.old), new: brief(a.new) });
        break;
      }
      // Execution (issue 15): a reporting date as it was and became; a figure (field: date id,
      // measure, fund, unit and column); carried-over sources and amounts (field: the year…).
      case 'report_date':
        out.push({ action: 'report_date', lineId: null, field: `date:${a.id}`, old: json(a.old), new: json(a.new) });
        break;
      case 'disbursement': {
        const k = a.key;
        out.push({ action: 'disbursement', lineId: k.lineId, field: `date:${k.dateId}:${k.measure}:${k.fund}:unit:${k.unitId ?? 0}:${k.column}`, old: a.old, new: a.new });
        break;
      }
      case 'carryover_source':
        out.push({ action: 'carryover_source', lineId: null, field: `year:${a.year}`, old: json(a.old), new: json(a.new) });
        break;
      case 'carryover':
        out.push({ action: 'carryover', lineId: a.lineId, field: `year:${a.year}:${a.column}`, old: a.old, new: a.new });
        break;
    }
  }
  return out;
}

/** The audit log as a command reads it (changes are recorded by the session's commit, not by commands). */
export type AuditReader = Pick<AuditLog, 'query' | 'users' | 'lastRecord'>;

export class AuditLog {
  private readonly who = identity();
  private stmts: ReturnType<AuditLog['prepare']> | null = null;

  constructor(
    private readonly db: DB,
    private readonly clock: Clock = systemClock,
  ) {
    db.function('pd_fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? fold(v) : v));
  }

  private prepare() {
    return {
      step: this.db.prepare('INSERT INTO audit_steps (at, user, host, kind, label, changes) VALUES (?, ?, ?, ?, ?, ?)'),
      change: this.db.prepare(
        'INSERT INTO audit_changes (step_id, seq, action, line_id, line_code, line_name, field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      changes: this.db.prepare(
        `INSERT INTO audit_changes (step_id, seq, action, line_id, line_code, line_name, field, old, new) VALUES ${Array(BATCH).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      ),
    };
  }

  private get s() {
    return (this.stmts ??= this.prepare());
  }

  /**
   * Record one applied step (call inside the transaction that applies it, before the actions run,
   * so deleted lines can still be named). `lineOf` finds a line's code and name as they are now.
   */
  record(kind: AuditKind, label: string, actions: readonly DocAction[], lineOf: (id: number) => Line | undefined): number {
    const reshapes = actions.some((a) => a.t === 'insert' || a.t === 'delete');
    // A share or an amount is one row, written straight from its action (an allocation import's
    // 198.000 shares, a deleted column's 96.557 figures build no row objects); any other action's
    // rows come from changeRows, in the step's order.
    const other = actions.map((a) => (a.t === 'share' || a.t === 'amount' ? null : changeRows([a], reshapes)));
    const count = other.reduce((n, rows) => n + (rows ? rows.length : 1), 0);
    const inserted = new Map<number, Line>();
    for (const a of actions) if (a.t === 'insert' || a.t === 'delete') inserted.set(a.line.id, a.line);
    const stepId = Number(this.s.step.run(this.clock().toISOString(), this.who.user, this.who.host, kind, label, count).lastInsertRowid);
    // Consecutive rows mostly name the same line: look it up once per run.
    let last: Line | undefined;
    const named = (id: number) => (last?.id === id ? last : (last = lineOf(id) ?? inserted.get(id)));
    let seq = 0;
    // Rows go in BATCH at a time through one multi-row INSERT (a deleted column's 96.557 figures
    // are ~1.000 statements, not 96.557); the rest one by one.
    const batch: Value[] = [];
    const add = (action: string, lineId: number | null, field: string | null, old: Value, nw: Value) => {
      const line = lineId === null ? undefined : named(lineId);
      batch.push(stepId, seq++, action, lineId, line?.code ?? null, line?.name ?? null, field, old, nw);
      if (batch.length === BATCH * 9) {
        this.s.changes.run(batch);
        batch.length = 0;
      }
    };
    actions.forEach((a, i) => {
      const rows = other[i];
      if (!rows) {
        const s = a as Extract<DocAction, { t: 'share' | 'amount' }>;
        add(s.t, s.lineId, s.t === 'share' ? `unit:${s.unitId}:${s.column}` : s.column, s.old, s.new);
        return;
      }
      for (const r of rows) add(r.action, r.lineId, r.field, r.old, r.new);
    });
    for (let k = 0; k < batch.length; k += 9) this.s.change.run(batch.slice(k, k + 9));
    return stepId;
  }

  /**
   * The newest recorded value (new, else old: a removal keeps what it removed) of a row with this
   * action and field — how the history names a unit or a reporting date no longer in the plan.
   */
  lastRecord(action: string, field: string): string | null {
    const r = this.db
      .prepare('SELECT coalesce(new, old) AS v FROM audit_changes WHERE action = ? AND field = ? AND coalesce(new, old) IS NOT NULL ORDER BY step_id DESC, seq DESC LIMIT 1')
      .get(action, field) as { v: string | null } | undefined;
    return typeof r?.v === 'string' ? r.v : null;
  }

  /** Record an event without plan changes (a revision saved, a backup restored…). */
  note(kind: AuditKind, label: string): number {
    return Number(this.s.step.run(this.clock().toISOString(), this.who.user, this.who.host, kind, label, 0).lastInsertRowid);
  }

  /** The newest step's id: changes when anything was recorded (used to skip identical backups). */
  marker(): number {
    return (this.db.prepare('SELECT max(id) AS m FROM audit_steps').get() as { m: number | null }).m ?? 0;
  }

  /** The highest line id the plan ever used (so ids are never reused, even after reopening). */
  highestLineId(): number {
    const a = (this.db.prepare('SELECT max(line_id) AS m FROM audit_changes').get() as { m: number | null }).m ?? 0;
    const r = (this.db.prepare('SELECT max(id) AS m FROM revision_lines').get() as { m: number | null }).m ?? 0;
    return Math.max(a, r);
  }

  users(): string[] {
    return (this.db.prepare('SELECT DISTINCT user FROM audit_steps ORDER BY user').raw().all() as [string][]).map(([u]) => u);
  }

  /** Newest first; every change of a step on its own row (a step without changes: one row). */
  query(filter: AuditFilter, offset: number, limit: number): { rows: AuditRow[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    const changeFilter = !!filter.text?.trim() || filter.lineId !== undefined || !!filter.field;
    if (filter.text?.trim()) {
      const t = filter.text.trim();
      const like = fold(t).replace(/[\\%_]/g, (m) => `\\${m}`);
      where.push("(c.line_code = ? OR c.line_code LIKE ? ESCAPE '\\' OR pd_fold(c.line_name) LIKE ? ESCAPE '\\')");
      params.push(t, `${like}.%`, `%${like}%`);
    }
    if (filter.lineId !== undefined) {
      where.push('c.line_id = ?');
      params.push(filter.lineId);
    }
    if (filter.field) {
      where.push('c.field = ?');
      params.push(filter.field);
    }
    if (filter.user) {
      where.push('s.user = ?');
      params.push(filter.user);
    }
    if (filter.kind) {
      where.push('s.kind = ?');
      params.push(filter.kind);
    }
    if (filter.fromAt) {
      where.push('s.at >= ?');
      params.push(filter.fromAt);
    }
    if (filter.toAt) {
      where.push('s.at < ?');
      params.push(filter.toAt);
    }
    const from = `FROM audit_steps s ${changeFilter ? 'JOIN' : 'LEFT JOIN'} audit_changes c ON c.step_id = s.id`;
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n ${from} ${cond}`).get(...params) as { n: number }).n;
    const raw = this.db
      .prepare(
        `SELECT s.id, c.seq, s.at, s.user, s.host, s.kind, s.label, c.action, c.line_id, c.line_code, c.line_name, c.field, c.old, c.new
         ${from} ${cond} ORDER BY s.id DESC, c.seq ASC LIMIT ? OFFSET ?`,
      )
      .raw()
      .all(...params, limit, offset) as unknown[][];
    const rows = raw.map(
      ([stepId, seq, at, user, host, kind, label, action, lineId, lineCode, lineName, field, old, nw]): AuditRow => ({
        stepId: stepId as number, seq: seq as number | null, at: at as string, user: user as string, host: host as string,
        kind: kind as AuditKind, label: label as string, action: action as string | null, lineId: lineId as number | null,
        lineCode: lineCode as string | null, lineName: lineName as string | null, field: field as string | null,
        old: old as Value, new: nw as Value,
      }),
    );
    return { rows, total };
  }
}
