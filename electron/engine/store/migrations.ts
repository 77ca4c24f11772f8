// The cycle file's schema: add-only migrations, numbered by PRAGMA user_version.
// A file is recognised as PlanDesk's by PRAGMA application_id; never edit a shipped migration —
// add a new one (older files are copied aside before they are migrated, see cycle-file.ts).

import { CONSOLIDATION_SCHEMA } from './schema-consolidation';
import { EXECUTION_SCHEMA } from './schema-execution';
import { UNITS_SCHEMA } from './schema-units';

/** "PlDk" as a 32-bit integer: identifies a PlanDesk cycle file. */
export const APPLICATION_ID = 0x506c446b;

export const MIGRATIONS: readonly string[] = [
  // 1: the working core.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE columns (
    key TEXT PRIMARY KEY,
    parent_key TEXT REFERENCES columns(key),
    position INTEGER NOT NULL,
    label_vi TEXT NOT NULL,
    label_en TEXT NOT NULL,
    total_label_vi TEXT,
    total_label_en TEXT,
    source TEXT CHECK (source IN ('central', 'local', 'other')),
    capital TEXT CHECK (capital IN ('investment', 'recurrent'))
  );
  CREATE TABLE lines (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES lines(id),
    position INTEGER NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    allowed_capital TEXT,
    is_adjustment INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX lines_by_parent ON lines (parent_id, position);
  CREATE TABLE amounts (
    line_id INTEGER NOT NULL REFERENCES lines(id),
    column_key TEXT NOT NULL REFERENCES columns(key),
    value INTEGER NOT NULL,
    PRIMARY KEY (line_id, column_key)
  ) WITHOUT ROWID;
  CREATE TABLE undo_steps (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    cursor TEXT,
    state TEXT NOT NULL CHECK (state IN ('done', 'undone')),
    actions TEXT NOT NULL
  );
  `,
  // 2: history (issue 7). The audit log is separate from undo_steps, which are trimmed and lose
  // their redo steps: every change ever applied is kept here, with who, when and old → new.
  // Revisions are named snapshots of the plan inside the cycle, stored as rows (not a blob) so a
  // snapshot is one INSERT … SELECT and a comparison reads plain tables. `lineage` names the line-id
  // space: files that share it (revisions, a next year's cycle made from this one) match lines by id.
  `
  CREATE TABLE audit_steps (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    host TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    changes INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX audit_steps_by_at ON audit_steps (at);
  CREATE TABLE audit_changes (
    step_id INTEGER NOT NULL REFERENCES audit_steps(id),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    line_id INTEGER,
    line_code TEXT,
    line_name TEXT,
    field TEXT,
    old,
    new,
    PRIMARY KEY (step_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX audit_changes_by_line ON audit_changes (line_id);
  CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    user TEXT NOT NULL,
    host TEXT NOT NULL,
    meta TEXT NOT NULL,
    columns TEXT NOT NULL,
    line_count INTEGER NOT NULL
  );
  CREATE TABLE revision_lines (
    revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    parent_id INTEGER,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    agency TEXT NOT NULL,
    note TEXT NOT NULL,
    allowed_capital TEXT,
    is_adjustment INTEGER NOT NULL,
    PRIMARY KEY (revision_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE revision_amounts (
    revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    line_id INTEGER NOT NULL,
    column_key TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (revision_id, line_id, column_key)
  ) WITHOUT ROWID;
  INSERT OR IGNORE INTO meta (key, value) VALUES ('lineage', '"' || lower(hex(randomblob(16))) || '"');
  `,
  // 3: units and their shares of the lines (issue 14).
  UNITS_SCHEMA,
  // 4: reporting dates and disbursement figures (issue 15).
  EXECUTION_SCHEMA,
  // 5: the detail lines the units send back (issue 16).
  CONSOLIDATION_SCHEMA,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
