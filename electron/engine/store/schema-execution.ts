// Migration 4 of the cycle file: reporting dates and disbursement figures (issue 15).
// Kept in its own file for the same reason as schema-units.ts. Add-only once shipped.
//
// - report_dates: the cycle's as-of dates (30/6, 31/12, 31/1 of next year…), kind, due date and the
//   pace (minimum rate) the officer expects by then — null means no pace check.
// - disbursements: one figure per as-of date × line × leaf column × unit (0 = the line as a whole)
//   × measure × fund (0 = the year's own funds, else the year carried-over funds come from), in
//   integer đồng. No foreign key to lines: a deleted line's figures stay and come back with undo.
// - carryover_sources / carryover_amounts: funds carried over from earlier years (vốn kéo dài,
//   chuyển nguồn), their deadline, and their plan amounts per line × leaf column.
export const EXECUTION_SCHEMA = `
  CREATE TABLE report_dates (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('h1', 'm9', 'year', 'year_adjusted', 'other')),
    due TEXT,
    pace_min_percent REAL
  );
  CREATE TABLE disbursements (
    date_id INTEGER NOT NULL,
    line_id INTEGER NOT NULL,
    column_key TEXT NOT NULL,
    unit_id INTEGER NOT NULL DEFAULT 0,
    measure TEXT NOT NULL CHECK (measure IN ('disbursed', 'allocated', 'estimate')),
    fund INTEGER NOT NULL DEFAULT 0,
    value INTEGER NOT NULL,
    PRIMARY KEY (date_id, line_id, column_key, unit_id, measure, fund)
  ) WITHOUT ROWID;
  CREATE TABLE carryover_sources (
    source_year INTEGER PRIMARY KEY,
    deadline TEXT
  );
  CREATE TABLE carryover_amounts (
    source_year INTEGER NOT NULL,
    line_id INTEGER NOT NULL,
    column_key TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (source_year, line_id, column_key)
  ) WITHOUT ROWID;
`;
