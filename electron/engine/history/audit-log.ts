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
import { PACK_MIN, PACK_SIZE, PACKABLE, PACKED, PackBuilder, changeTest, decodePack, packRow, type ChangeTest, type Pack, type StepPart, type Value } from './audit-pack';

/** Decoded packs kept for the next page (each at most PACK_SIZE changes). */
const PACK_CACHE = 32;

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
    /** Runs of at least this many cell changes are packed (Infinity: one row per change, as files before packing). */
    private readonly packMin = PACK_MIN,
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
    // A share's field, built once per unit and column (3.300 units × 60 lines repeat 3.300 of them).
    const shareFields = new Map<string, Map<number, string>>();
    const shareField = (unitId: number, column: string): string => {
      let byUnit = shareFields.get(column);
      if (!byUnit) shareFields.set(column, (byUnit = new Map()));
      let f = byUnit.get(unitId);
      if (f === undefined) byUnit.set(unitId, (f = `unit:${unitId}:${column}`));
      return f;
    };
    // A share or an amount is its one row; any other action's rows come from changeRows.
    const plain = (m: number) => {
      const a = actions[m]!;
      if (a.t === 'share') add(a.t, a.lineId, shareField(a.unitId, a.column), a.old, a.new);
      else if (a.t === 'amount') add(a.t, a.lineId, a.column, a.old, a.new);
      else for (const r of other[m]!) add(r.action, r.lineId, r.field, r.old, r.new);
    };
    for (let i = 0; i < actions.length; ) {
      const t = actions[i]!.t;
      if (!PACKABLE.has(t)) {
        plain(i++);
        continue;
      }
      // A run of cell changes of one kind: packed rows of PACK_SIZE changes when long enough (audit-pack.ts).
      let j = i + 1;
      while (j < actions.length && actions[j]!.t === t) j++;
      if (j - i < this.packMin) {
        for (; i < j; i++) plain(i);
        continue;
      }
      for (let k = i; k < j; k += PACK_SIZE) {
        const pack = new PackBuilder(t);
        for (let m = k; m < Math.min(j, k + PACK_SIZE); m++) {
          const a = actions[m]!;
          if (a.t === 'share' || a.t === 'amount') {
            const line = named(a.lineId);
            pack.add(a.lineId, line?.code ?? null, line?.name ?? null, a.t === 'share' ? shareField(a.unitId, a.column) : a.column, a.old, a.new);
          } else {
            const r = other[m]![0]!;
            const line = r.lineId === null ? undefined : named(r.lineId);
            pack.add(r.lineId, line?.code ?? null, line?.name ?? null, r.field, r.old, r.new);
          }
        }
        this.s.change.run(stepId, seq, PACKED, null, null, null, null, pack.encode(), pack.size);
        seq += pack.size;
      }
      i = j;
    }
    for (let k = 0; k < batch.length; k += 9) this.s.change.run(batch.slice(k, k + 9));
    return stepId;
  }

  /**
   * The newest recorded value (new, else old: a removal keeps what it removed) of a row with this
   * action and field — how the history names a unit or a reporting date no longer in the plan.
   * Plain rows only: the kinds stored packed (cell changes) are never asked for here.
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

  /**
   * Newest first; every change of a step on its own row (a step without changes: one row). Packed
   * rows (audit-pack.ts) are expanded into the rows they stand for, so filters, counts and paging
   * are what they would be with one row per change; plain rows are filtered by SQL, packed changes
   * by the same tests in code.
   */
  query(filter: AuditFilter, offset: number, limit: number): { rows: AuditRow[]; total: number } {
    const stepWhere: string[] = [];
    const stepParams: unknown[] = [];
    const changeWhere: string[] = [];
    const changeParams: unknown[] = [];
    if (filter.text?.trim()) {
      const t = filter.text.trim();
      const like = fold(t).replace(/[\\%_]/g, (m) => `\\${m}`);
      changeWhere.push("(c.line_code = ? OR c.line_code LIKE ? ESCAPE '\\' OR pd_fold(c.line_name) LIKE ? ESCAPE '\\')");
      changeParams.push(t, `${like}.%`, `%${like}%`);
    }
    if (filter.lineId !== undefined) {
      changeWhere.push('c.line_id = ?');
      changeParams.push(filter.lineId);
    }
    if (filter.field) {
      changeWhere.push('c.field = ?');
      changeParams.push(filter.field);
    }
    if (filter.user) {
      stepWhere.push('s.user = ?');
      stepParams.push(filter.user);
    }
    if (filter.kind) {
      stepWhere.push('s.kind = ?');
      stepParams.push(filter.kind);
    }
    if (filter.fromAt) {
      stepWhere.push('s.at >= ?');
      stepParams.push(filter.fromAt);
    }
    if (filter.toAt) {
      stepWhere.push('s.at < ?');
      stepParams.push(filter.toAt);
    }
    const test = changeTest(filter, fold);
    const from = `FROM audit_steps s ${test ? 'JOIN' : 'LEFT JOIN'} audit_changes c ON c.step_id = s.id`;
    const where = (extra: string[]) => (extra.length ? `WHERE ${extra.join(' AND ')}` : '');
    // A packed row has no line and no field: `line_id IS NULL` finds it through the line index.
    const packedRow = `c.line_id IS NULL AND c.action = '${PACKED}'`;
    let total: number;
    if (!test) {
      total = (this.db.prepare(`SELECT count(*) + coalesce(sum(CASE WHEN c.action = '${PACKED}' THEN c.new - 1 END), 0) AS n ${from} ${where(stepWhere)}`).get(...stepParams) as { n: number }).n;
    } else {
      const plain = [...stepWhere, `(${changeWhere.join(' AND ')})`];
      total = (this.db.prepare(`SELECT count(*) AS n ${from} ${where(plain)}`).get(...stepParams, ...changeParams) as { n: number }).n;
      const packs = this.db.prepare(`SELECT s.id, c.seq, c.old ${from} ${where([...stepWhere, packedRow])}`).raw().iterate(...stepParams) as Iterable<[number, number, string]>;
      for (const [stepId, seq, text] of packs) total += this.matching(stepId, seq, text, test).length;
    }
    const cond = where(test ? [...stepWhere, `((${changeWhere.join(' AND ')}) OR ${packedRow})`] : stepWhere);
    const raw = this.db
      .prepare(
        `SELECT s.id, c.seq, s.at, s.user, s.host, s.kind, s.label, c.action, c.line_id, c.line_code, c.line_name, c.field, c.old, c.new
         ${from} ${cond} ORDER BY s.id DESC, c.seq ASC`,
      )
      .raw()
      .iterate(...stepParams, ...(test ? changeParams : [])) as Iterable<unknown[]>;
    const rows: AuditRow[] = [];
    let skip = offset;
    for (const [stepId, seq, at, user, host, kind, label, action, lineId, lineCode, lineName, field, old, nw] of raw) {
      const step: StepPart = { stepId: stepId as number, at: at as string, user: user as string, host: host as string, kind: kind as AuditKind, label: label as string };
      if (action === PACKED && lineId === null) {
        // Skipped whole without decoding when no filter looks inside it.
        if (!test && skip >= (nw as number)) {
          skip -= nw as number;
          continue;
        }
        const p = this.pack(stepId as number, seq as number, old as string);
        for (const k of test ? this.matching(stepId as number, seq as number, old as string, test) : p.l.keys()) {
          if (skip > 0) skip--;
          else if (rows.length < limit) rows.push(packRow(step, seq as number, p, k));
          else break;
        }
      } else if (skip > 0) skip--;
      else
        rows.push({
          ...step, seq: seq as number | null, action: action as string | null, lineId: lineId as number | null,
          lineCode: lineCode as string | null, lineName: lineName as string | null, field: field as string | null,
          old: old as Value, new: nw as Value,
        });
      if (rows.length >= limit) break;
    }
    return { rows, total };
  }

  /** Decoded packs, newest use last (a history page reads the same few packs again and again). */
  private readonly packs = new Map<string, Pack>();

  private pack(stepId: number, seq: number, text: string): Pack {
    const key = `${stepId}:${seq}`;
    let p = this.packs.get(key);
    if (p) this.packs.delete(key);
    else p = decodePack(text);
    this.packs.set(key, p);
    if (this.packs.size > PACK_CACHE) this.packs.delete(this.packs.keys().next().value!);
    return p;
  }

  /** The indexes of a pack's changes the test keeps. */
  private matching(stepId: number, seq: number, text: string, test: NonNullable<ChangeTest>): number[] {
    const p = this.pack(stepId, seq, text);
    const keep = test(p);
    const out: number[] = [];
    for (let k = 0; k < p.l.length; k++) if (keep(k)) out.push(k);
    return out;
  }
}
