// The consolidation tables of a cycle file (migration 5): read them whole, and apply the one
// consolidation DocAction — a unit's whole detail set replaced (old → new; null = none) — inside
// the session's transaction. The in-memory side is shared/consolidation/model.ts's DetailBook.
import type { UnitDetail } from '../../../shared/consolidation/model';
import type { DB } from '../store/db';

/** A unit's merged detail replaced as a whole: merging again, removing, or a column's figures dropped. */
export type ConsolidationAction = { t: 'unit_detail'; unitId: number; old: UnitDetail | null; new: UnitDetail | null };

export function isConsolidationAction(a: { t: string }): a is ConsolidationAction {
  return a.t === 'unit_detail';
}

/** Every unit's merged detail (empty in a file from before migration 5: it is migrated on open). */
export function readDetails(db: DB): UnitDetail[] {
  const sets = db.prepare('SELECT unit_id, file, received, reported FROM unit_detail_sets ORDER BY unit_id').raw().all() as [number, string, string, string][];
  if (!sets.length) return [];
  const byUnit = new Map<number, UnitDetail>(sets.map(([unitId, file, received, reported]) => [unitId, { unitId, file, received, reported: JSON.parse(reported) as UnitDetail['reported'], lines: [] }]));
  const rows = db.prepare('SELECT unit_id, seq, parent_seq, line_id, code, name, "values" FROM unit_detail_lines ORDER BY unit_id, seq').raw().all() as [number, number, number | null, number, string, string, string][];
  for (const [unitId, seq, parentSeq, lineId, code, name, values] of rows) {
    byUnit.get(unitId)?.lines.push({ seq, parentSeq, lineId, code, name, values: JSON.parse(values) as Record<string, number> });
  }
  return [...byUnit.values()];
}

/** Prepared statements writing the consolidation action to one database. */
export class ConsolidationWriter {
  private s: ReturnType<typeof statements> | null = null;

  constructor(private readonly db: DB) {}

  write(a: ConsolidationAction): void {
    // Prepared on first use: most steps never touch a unit's detail.
    const s = (this.s ??= statements(this.db));
    s.deleteLines.run(a.unitId);
    s.deleteSet.run(a.unitId);
    const d = a.new;
    if (!d) return;
    s.insertSet.run(d.unitId, d.file, d.received, JSON.stringify(d.reported));
    for (const l of d.lines) s.insertLine.run(d.unitId, l.seq, l.parentSeq, l.lineId, l.code, l.name, JSON.stringify(l.values));
  }
}

function statements(db: DB) {
  return {
    deleteLines: db.prepare('DELETE FROM unit_detail_lines WHERE unit_id = ?'),
    deleteSet: db.prepare('DELETE FROM unit_detail_sets WHERE unit_id = ?'),
    insertSet: db.prepare('INSERT INTO unit_detail_sets (unit_id, file, received, reported) VALUES (?, ?, ?, ?)'),
    insertLine: db.prepare('INSERT INTO unit_detail_lines (unit_id, seq, parent_seq, line_id, code, name, "values") VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
}
