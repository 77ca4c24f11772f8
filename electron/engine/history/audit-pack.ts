// Packed change-log rows. A long run of cell changes of one kind in one step — an allocation
// import's 198.000 shares, a deleted funding column's 96.557 figures, an execution import's
// figures — is stored as a few `audit_changes` rows of action `packed`, each holding up to
// PACK_SIZE consecutive changes column-wise (each line's code and name and each field written once),
// instead of one row of 9 values per change: those rows were half of the allocation import's time
// and most of the bytes its commit synced to disk. A packed row keeps the per-row numbering: its
// `seq` is its first change's, `new` its count, so the next row's seq follows on as before;
// `line_id` is NULL (the index on it finds the packs of a line query), `old` the JSON below.
// The reader (audit-log.ts) expands a pack into exactly the rows the per-row form would hold.
import type { AuditRow } from '../../../shared/commands/history';

export type Value = number | string | null;

/** The action of a packed row. */
export const PACKED = 'packed';
/** Runs shorter than this stay one row per change (a paste, a typed cell: nothing to gain). */
export const PACK_MIN = 1000;
/** Changes per packed row: a page of the history view decodes one or two packs, not a whole import. */
export const PACK_SIZE = 4096;
/** Change kinds whose rows are one per action with a number (or null) on each side. */
export const PACKABLE: ReadonlySet<string> = new Set(['share', 'amount', 'disbursement', 'carryover']);

/** A pack as stored (version 1): lines and fields once, then per change their indexes (-1: none), old and new. */
interface PackJson {
  v: 1;
  /** The action of every change in the pack. */
  a: string;
  /** [id, code, name] of each line the changes name, as they were then. */
  lines: [number, string | null, string | null][];
  fields: (string | null)[];
  l: number[];
  f: number[];
  o: Value[];
  n: Value[];
}

/** A decoded pack, column-wise (what a query filters and pages through). */
export type Pack = Omit<PackJson, 'v'>;

/** Builds one pack from consecutive changes of one action. */
export class PackBuilder {
  private readonly lineIndex = new Map<number, number>();
  private readonly fieldIndex = new Map<string | null, number>();
  private readonly p: Pack;

  constructor(action: string) {
    this.p = { a: action, lines: [], fields: [], l: [], f: [], o: [], n: [] };
  }

  get size(): number {
    return this.p.l.length;
  }

  add(lineId: number | null, code: string | null, name: string | null, field: string | null, old: Value, nw: Value): void {
    let li = -1;
    if (lineId !== null) {
      const known = this.lineIndex.get(lineId);
      if (known === undefined) {
        li = this.p.lines.length;
        this.p.lines.push([lineId, code, name]);
        this.lineIndex.set(lineId, li);
      } else li = known;
    }
    let fi = this.fieldIndex.get(field);
    if (fi === undefined) {
      fi = this.p.fields.length;
      this.p.fields.push(field);
      this.fieldIndex.set(field, fi);
    }
    this.p.l.push(li);
    this.p.f.push(fi);
    this.p.o.push(old);
    this.p.n.push(nw);
  }

  encode(): string {
    const { a, lines, fields, l, f, o, n } = this.p;
    return JSON.stringify({ v: 1, a, lines, fields, l, f, o, n } satisfies PackJson);
  }
}

export function decodePack(text: string): Pack {
  const p = JSON.parse(text) as PackJson;
  if (p.v !== 1 || !Array.isArray(p.l) || !Array.isArray(p.f) || !Array.isArray(p.o) || !Array.isArray(p.n) || !Array.isArray(p.lines) || !Array.isArray(p.fields)) {
    throw new Error(`packed change-log row in an unknown format (version ${String(p.v)})`);
  }
  return p;
}

/** Which changes of a pack a filter keeps (null: all) — the same tests the query makes on plain rows in SQL. */
export type ChangeTest = ((p: Pack) => (k: number) => boolean) | null;

/**
 * The row filters as a test on packed changes, equal to the SQL on plain rows: a line code equal to
 * the text or under it ("2" finds "2.1"; LIKE ignores ASCII case), a line name holding it without
 * diacritics; the line id; the field. Decided once per line and field of a pack, not per change.
 */
export function changeTest(filter: { text?: string; lineId?: number; field?: string }, fold: (s: string) => string): ChangeTest {
  const text = filter.text?.trim();
  const like = text ? fold(text) : '';
  const lineOk = (line: [number, string | null, string | null] | undefined): boolean => {
    if (text) {
      if (!line) return false;
      const [, code, name] = line;
      if (!((code !== null && (code === text || asciiLower(code).startsWith(`${like}.`))) || (name !== null && fold(name).includes(like)))) return false;
    }
    return filter.lineId === undefined || line?.[0] === filter.lineId;
  };
  const fieldOk = (field: string | null) => !filter.field || field === filter.field;
  if (!text && filter.lineId === undefined && !filter.field) return null;
  return (p) => {
    const lines = p.lines.map(lineOk);
    const noLine = lineOk(undefined);
    const fields = p.fields.map(fieldOk);
    return (k) => (p.l[k]! < 0 ? noLine : lines[p.l[k]!]!) && fields[p.f[k]!]!;
  };
}

/** SQLite's LIKE folds ASCII letters only. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The step's part of a row (when, who, which step). */
export type StepPart = Pick<AuditRow, 'stepId' | 'at' | 'user' | 'host' | 'kind' | 'label'>;

/** Change k of a pack as the row the per-row form holds (seq: the pack's first seq + k). */
export function packRow(step: StepPart, firstSeq: number, p: Pack, k: number): AuditRow {
  const line = p.lines[p.l[k]!];
  return {
    ...step,
    seq: firstSeq + k,
    action: p.a,
    lineId: line ? line[0] : null,
    lineCode: line ? line[1] : null,
    lineName: line ? line[2] : null,
    field: p.fields[p.f[k]!] ?? null,
    old: p.o[k] ?? null,
    new: p.n[k] ?? null,
  };
}
