// Named revisions ("KH 528/KH-UBND 14/8/2023", "KH 122/KH-UBND 29/02/2024"): snapshots of the whole
// plan saved inside the cycle file. A snapshot is INSERT … SELECT statements over the plan's own
// tables in one transaction — fast even for 100.000 lines — and reads back as a CycleData, with
// the units, their shares and scores (issue 14) when the revision has them.
import type { RevisionInfo } from '../../../shared/commands/history';
import { ColumnTree } from '../../../shared/columns';
import type { CapitalType, CycleData, CycleMeta, FundingColumn, Line, RuleParams, Share, Unit, UnitScore } from '../../../shared/model';
import { PlanDeskError } from '../errors';
import { identity } from '../safety/identity';
import type { DB } from '../store/db';
import { AuditLog } from './audit-log';
import { stepLabel } from '../../../shared/step-label';
import { systemClock, type Clock } from '../clock';

interface RevisionRow {
  id: number;
  name: string;
  note: string;
  created_at: string;
  user: string;
  host: string;
  line_count: number;
}

const info = (r: RevisionRow): RevisionInfo => ({
  id: r.id, name: r.name, note: r.note, createdAt: r.created_at, user: r.user, host: r.host, lineCount: r.line_count,
});

/** The named revisions as commands use them: list, read, create and delete (no other table). */
export type RevisionStore = Pick<Revisions, 'list' | 'get' | 'read' | 'create' | 'delete'>;

export class Revisions {
  constructor(
    private readonly db: DB,
    private readonly clock: Clock = systemClock,
  ) {}

  list(): RevisionInfo[] {
    return (this.db.prepare('SELECT id, name, note, created_at, user, host, line_count FROM revisions ORDER BY id').all() as RevisionRow[]).map(info);
  }

  get(id: number): RevisionInfo {
    const r = this.db.prepare('SELECT id, name, note, created_at, user, host, line_count FROM revisions WHERE id = ?').get(id) as RevisionRow | undefined;
    if (!r) throw new PlanDeskError('error.revision_missing');
    return info(r);
  }

  /** Snapshot the plan as it is in the file now (the caller's in-memory model matches it). */
  create(name: string, note: string, plan: { meta: CycleMeta; rules: RuleParams; columns: FundingColumn[] }): RevisionInfo {
    const who = identity();
    const clean = name.normalize('NFC').trim();
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO revisions (name, note, created_at, user, host, meta, columns, line_count)
             VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT count(*) FROM lines))`,
          )
          .run(clean, note.normalize('NFC'), this.clock().toISOString(), who.user, who.host, JSON.stringify({ meta: plan.meta, rules: plan.rules }), JSON.stringify(plan.columns))
          .lastInsertRowid,
      );
      this.db
        .prepare(
          `INSERT INTO revision_lines (revision_id, id, parent_id, position, code, name, agency, note, allowed_capital, is_adjustment)
           SELECT ?, id, parent_id, position, code, name, agency, note, allowed_capital, is_adjustment FROM lines`,
        )
        .run(id);
      this.db.prepare('INSERT INTO revision_amounts (revision_id, line_id, column_key, value) SELECT ?, line_id, column_key, value FROM amounts').run(id);
      // Units, their shares and scores (issue 14; tables of migration 3).
      if (this.hasUnits()) {
        this.db.prepare('INSERT INTO revision_units (revision_id, id, parent_id, position, name, kind, code) SELECT ?, id, parent_id, position, name, kind, code FROM units').run(id);
        this.db.prepare('INSERT INTO revision_unit_shares (revision_id, unit_id, line_id, column_key, value) SELECT ?, unit_id, line_id, column_key, value FROM unit_shares').run(id);
        this.db.prepare('INSERT INTO revision_unit_scores (revision_id, scheme, unit_id, score) SELECT ?, scheme, unit_id, score FROM unit_scores').run(id);
      }
      new AuditLog(this.db, this.clock).note('revision', stepLabel('history.note.revisionSaved', { name: clean }));
      return this.get(id);
    })();
  }

  delete(id: number): void {
    const r = this.get(id);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM revision_amounts WHERE revision_id = ?').run(id);
      if (this.hasUnits()) for (const table of ['revision_unit_shares', 'revision_unit_scores', 'revision_units']) this.db.prepare(`DELETE FROM ${table} WHERE revision_id = ?`).run(id);
      this.db.prepare('DELETE FROM revision_lines WHERE revision_id = ?').run(id);
      this.db.prepare('DELETE FROM revisions WHERE id = ?').run(id);
      new AuditLog(this.db, this.clock).note('revision', stepLabel('history.note.revisionDeleted', { name: r.name }));
    })();
  }

  /**
   * The plan as it was when the revision was saved. `computedOnly`: leave out stated totals at
   * group columns, which no computed value depends on (a comparison reads a third fewer rows).
   */
  read(id: number, opts: { computedOnly?: boolean } = {}): { info: RevisionInfo; data: CycleData } {
    const row = this.db.prepare('SELECT meta, columns FROM revisions WHERE id = ?').get(id) as { meta: string; columns: string } | undefined;
    if (!row) throw new PlanDeskError('error.revision_missing');
    const { meta, rules } = JSON.parse(row.meta) as { meta: CycleMeta; rules: RuleParams };
    // Raw rows: a 100.000-line revision reads several times faster than through row objects.
    const lines = (
      this.db
        .prepare('SELECT id, parent_id, position, code, name, agency, note, allowed_capital, is_adjustment FROM revision_lines WHERE revision_id = ?')
        .raw()
        .all(id) as [number, number | null, number, string, string, string, string, string | null, number][]
    ).map(
      ([lid, parentId, position, code, name, agency, note, capital, adj]): Line => ({
        id: lid, parentId, position, code, name, agency, note,
        allowedCapital: capital === null ? null : (capital.split(',').filter(Boolean) as CapitalType[]),
        isAdjustment: adj === 1,
      }),
    );
    const columns = JSON.parse(row.columns) as FundingColumn[];
    const leaves = opts.computedOnly ? new ColumnTree(columns).leaves.map((c) => c.key) : null;
    const amounts = (
      this.db
        .prepare(
          `SELECT line_id, column_key, value FROM revision_amounts WHERE revision_id = ?${leaves ? ` AND column_key IN (${leaves.map(() => '?').join(',')})` : ''}`,
        )
        .raw()
        .all(id, ...(leaves ?? [])) as [number, string, number][]
    ).map(([lineId, column, value]) => ({ lineId, column, value }));
    return { info: this.get(id), data: { meta, rules, columns, lines, amounts, ...this.readUnits(id) } };
  }

  /** Whether the file has the revisions' unit tables (migration 3; an older file read as it is has not). */
  private hasUnits(): boolean {
    return !!this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'revision_units'").get();
  }

  /** A revision's units, shares and scores — none (absent, as readCycle) when it was saved before units. */
  private readUnits(id: number): Pick<CycleData, 'units' | 'shares' | 'scores'> {
    if (!this.hasUnits()) return {};
    const units = (
      this.db.prepare('SELECT id, parent_id, position, name, kind, code FROM revision_units WHERE revision_id = ? ORDER BY id').raw().all(id) as [number, number | null, number, string, Unit['kind'], string][]
    ).map(([uid, parentId, position, name, kind, code]): Unit => ({ id: uid, parentId, position, name, kind, code }));
    if (units.length === 0) return {};
    const shares = (
      this.db.prepare('SELECT unit_id, line_id, column_key, value FROM revision_unit_shares WHERE revision_id = ?').raw().all(id) as [number, number, string, number][]
    ).map(([unitId, lineId, column, value]): Share => ({ unitId, lineId, column, value }));
    const scores = (
      this.db.prepare('SELECT scheme, unit_id, score FROM revision_unit_scores WHERE revision_id = ?').raw().all(id) as [string, number, number][]
    ).map(([scheme, unitId, score]): UnitScore => ({ scheme, unitId, score }));
    return { units, shares, scores };
  }
}
