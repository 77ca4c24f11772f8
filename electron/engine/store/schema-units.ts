// Migration 3 of the cycle file: units and their shares of the plan's lines (issue 14).
// Filled by the units area; kept in its own file so areas that grow the schema at the same
// time do not edit one list. Add-only once shipped, like every migration (see migrations.ts).
//
// `kind` has no CHECK: a later kind must not need a table rebuild (the contract's zod schema
// bounds it). Shares reference their line, unit and column, so a share can never outlive any of
// them (the engine removes shares in the same step as what they hang on). Scores are kept per
// criteria scheme so next year's allocation starts from this year's. Shares are clustered by line
// and column: allocating a line among 3.300 units, or pasting a column of the grid, rewrites a few
// pages instead of one page per unit (a unit's shares are found through unit_shares_by_unit).
// A named revision snapshots the units, shares and scores too (revision_units…, copied like
// revision_lines: no foreign key to the live tables, a revision outlives what it saw); a revision
// saved before this migration simply has none.
export const UNITS_SCHEMA = `
  CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES units(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX units_by_parent ON units (parent_id, position);
  CREATE TABLE unit_shares (
    unit_id INTEGER NOT NULL REFERENCES units(id),
    line_id INTEGER NOT NULL REFERENCES lines(id),
    column_key TEXT NOT NULL REFERENCES columns(key),
    value INTEGER NOT NULL,
    PRIMARY KEY (line_id, column_key, unit_id)
  ) WITHOUT ROWID;
  CREATE INDEX unit_shares_by_unit ON unit_shares (unit_id);
  CREATE TABLE unit_scores (
    scheme TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    score REAL NOT NULL,
    PRIMARY KEY (scheme, unit_id)
  ) WITHOUT ROWID;
  CREATE TABLE revision_units (
    revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    parent_id INTEGER,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (revision_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE revision_unit_shares (
    revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL,
    line_id INTEGER NOT NULL,
    column_key TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (revision_id, line_id, column_key, unit_id)
  ) WITHOUT ROWID;
  CREATE TABLE revision_unit_scores (
    revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    scheme TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (revision_id, scheme, unit_id)
  ) WITHOUT ROWID;
`;
