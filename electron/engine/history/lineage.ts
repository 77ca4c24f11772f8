// A cycle file's lineage: a random id given when the file is created (migration 2), shared by the
// cycles made from it. Files of one lineage use one line-id space, so their lines pair up by id.
import type { DB } from '../store/db';

export function readLineage(db: DB): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'lineage'").get() as { value: string } | undefined;
  if (!row) return null;
  try {
    const v = JSON.parse(row.value) as unknown;
    return typeof v === 'string' && v ? v : null;
  } catch {
    return null;
  }
}
