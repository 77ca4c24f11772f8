// Migration 5 of the cycle file: the detail lines the units send back (issue 16, consolidation).
// Kept in its own file like schema-units.ts. Add-only once shipped.
//
// - unit_detail_sets: one row per unit that has merged detail — the file it came from, when, and the
//   unit's figures per plan line and leaf column as the file gave them (JSON; compared with its shares).
// - unit_detail_lines: the unit's detail lines, each refining one plan line (line_id) with its own
//   code, name and sub-tree (parent_seq within the same unit), figures as a JSON object of
//   column key → integer đồng. No foreign keys to lines or units: a deleted line's detail stays in
//   the file and comes back with undo; readers show only details of lines and units that exist. A
//   deleted unit's detail is removed in the unit's own step, a merged unit's joins the other's
//   (consolidation/unit-changes.ts). The figures never count in the plan's totals: they refine the
//   unit's share.
export const CONSOLIDATION_SCHEMA = `
  CREATE TABLE unit_detail_sets (
    unit_id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    received TEXT NOT NULL,
    reported TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TABLE unit_detail_lines (
    unit_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    parent_seq INTEGER,
    line_id INTEGER NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    "values" TEXT NOT NULL,
    PRIMARY KEY (unit_id, seq)
  ) WITHOUT ROWID;
`;
