// The cycle file's schema: add-only migrations, numbered by PRAGMA user_version.
// A file is recognised as PlanDesk's by PRAGMA application_id; never edit a shipped migration —
// add a new one (older files are copied aside before they are migrated, see cycle-file.ts).

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
];

export const SCHEMA_VERSION = MIGRATIONS.length;
