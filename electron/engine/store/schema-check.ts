// Is a database that carries PlanDesk's application_id really a plan of the schema version it
// claims? Another program's database (or a hand-made one) can carry the id too: its tables and
// their columns must be exactly those PlanDesk's migrations create up to that version. Checked by
// reading only, before anything writes to the file (no WAL switch, no `.vN.bak`, no migration).
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

/** A connection (the same type as store/db.ts's DB; declared here so the store's modules import no cycle). */
type DB = Database.Database;

type Schema = Map<string, string>;

/** Each table's sorted column names, by table name (SQLite's own tables left out). */
function schemaOf(db: DB): Schema {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  const columns = db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY name').pluck();
  return new Map(tables.map((t) => [t, (columns.all(t) as string[]).join(',')]));
}

const expected = new Map<number, Schema>();

/** The schema the migrations make up to `version`, built once in memory. */
function expectedSchema(version: number): Schema {
  let s = expected.get(version);
  if (!s) {
    const mem = new Database(':memory:');
    try {
      for (let v = 0; v < version; v++) mem.exec(MIGRATIONS[v]);
      s = schemaOf(mem);
    } finally {
      mem.close();
    }
    expected.set(version, s);
  }
  return s;
}

/** What differs from a PlanDesk plan of `version` (a table or a column missing or extra), or null. */
export function schemaProblem(db: DB, version: number): string | null {
  const want = expectedSchema(version);
  const have = schemaOf(db);
  for (const [table, cols] of want) {
    if (!have.has(table)) return `table ${table} is missing`;
    if (have.get(table) !== cols) return `table ${table} has columns (${have.get(table)}), expected (${cols})`;
  }
  for (const table of have.keys()) if (!want.has(table)) return `table ${table} is not PlanDesk's`;
  return null;
}
