// Find (Ctrl+F) in line codes, names and agencies: Vietnamese text matched with or without its
// diacritics ("du an" finds "Dự án", "dak" finds "Đắk"), hits in display order. Pure.
import type { RowView } from '../../../../shared/ipc';

export const FIND_FIELDS = ['code', 'name', 'agency'] as const;
export type FindField = (typeof FIND_FIELDS)[number];

export interface FindHit {
  lineId: number;
  field: FindField;
}

/** Lower case, no diacritics, đ → d, spaces collapsed: how a person types when searching. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded fields per row, computed once per row object (rows are replaced when they change). */
const folded = new WeakMap<RowView, string[]>();

function fieldsOf(row: RowView): string[] {
  let f = folded.get(row);
  if (!f) folded.set(row, (f = FIND_FIELDS.map((k) => fold(row[k]))));
  return f;
}

/**
 * Every hit of `query` in the rows (display order), field by field. A query with diacritics
 * matches only text with the same diacritics; without them, it matches either.
 */
export function findAll(rows: Iterable<RowView>, query: string): FindHit[] {
  const q = fold(query);
  if (!q) return [];
  const exact = q !== query.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() ? query.normalize('NFC').toLowerCase().trim() : null;
  const hits: FindHit[] = [];
  for (const row of rows) {
    const f = fieldsOf(row);
    FIND_FIELDS.forEach((field, i) => {
      if (!f[i].includes(q)) return;
      if (exact && !row[field].normalize('NFC').toLowerCase().includes(exact)) return;
      hits.push({ lineId: row.id, field });
    });
  }
  return hits;
}

/** The hit after (dir 1) or before (dir -1) the one at `index`, wrapping around. */
export function nextIndex(count: number, index: number, dir: 1 | -1): number {
  if (count === 0) return -1;
  if (index < 0) return dir === 1 ? 0 : count - 1;
  return (index + dir + count) % count;
}
