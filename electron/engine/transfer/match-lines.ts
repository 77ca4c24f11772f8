// Which line of the open plan an imported line is: by its code path (the codes of the line and its
// ancestors, "II/1/a" — codes repeat across sections, "1" is under I and under II), then by its code
// alone, then by its name, each only where it is unambiguous on both sides. Texts are compared
// folded (case, spacing and diacritics: "Đăk Glong" is "Đắk Glong"), since two offices never type a
// name alike. Used to keep a line's settings when the table is replaced, and to fill the existing
// lines' figures from a file.
import type { Line } from '../../../shared/model';
import { fold } from '../excel/text';

function codePaths(lines: readonly Line[]): Map<number, string> {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const out = new Map<number, string>();
  const visiting = new Set<number>();
  const pathOf = (l: Line): string => {
    const known = out.get(l.id);
    if (known !== undefined) return known;
    // A parent loop in a damaged input ends at the line met again (no endless recursion).
    if (visiting.has(l.id)) return fold(l.code);
    visiting.add(l.id);
    const parent = l.parentId !== null ? byId.get(l.parentId) : undefined;
    const p = (parent ? pathOf(parent) + '/' : '') + fold(l.code);
    visiting.delete(l.id);
    out.set(l.id, p);
    return p;
  };
  for (const l of lines) pathOf(l);
  return out;
}

/** Lines by a key, keeping only keys that name exactly one line. */
function unique(lines: readonly Line[], key: (l: Line) => string): Map<string, Line> {
  const seen = new Map<string, Line | null>();
  for (const l of lines) {
    const k = key(l);
    if (!k) continue;
    seen.set(k, seen.has(k) ? null : l);
  }
  const out = new Map<string, Line>();
  for (const [k, l] of seen) if (l) out.set(k, l);
  return out;
}

/** Imported line id → the open plan's line id, for the lines that match. */
export function matchLines(existing: readonly Line[], incoming: readonly Line[]): Map<number, number> {
  const matched = new Map<number, number>();
  const taken = new Set<number>();
  const paths = { old: codePaths(existing), new: codePaths(incoming) };
  const passes: { key: (l: Line, side: 'old' | 'new') => string }[] = [
    { key: (l, side) => (l.code.trim() ? paths[side].get(l.id) ?? '' : '') },
    { key: (l) => fold(l.code) },
    { key: (l) => fold(l.name) },
  ];
  for (const pass of passes) {
    const olds = unique(existing.filter((l) => !taken.has(l.id)), (l) => pass.key(l, 'old'));
    const news = unique(incoming.filter((l) => !matched.has(l.id)), (l) => pass.key(l, 'new'));
    for (const [k, n] of news) {
      const o = olds.get(k);
      if (o && !taken.has(o.id)) {
        matched.set(n.id, o.id);
        taken.add(o.id);
      }
    }
  }
  return matched;
}
