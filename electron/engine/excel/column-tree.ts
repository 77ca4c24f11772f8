// The funding-column tree of an imported table, read from its header block: merged header cells
// give the nesting ("NSĐP" over "Tổng số | Cấp tỉnh | Cấp xã"), each header cell is matched to a
// column of the standard tree where it means the same (Tổng cộng, NSTW/NSĐP × ĐTPT/SN, Vốn khác)
// and becomes a new column otherwise ("Vốn tín dụng chính sách", "Vốn lồng ghép", "Vốn huy động hợp
// pháp khác"), with a stable slug key and the roles (source, capital type) its text makes clear.
// A "Tổng"/"Tổng số" sub-header is its group's own figure; captions over the whole table ("Kế hoạch
// vốn năm 2027", "Trong đó") are not columns. Pure: header texts in, FundingColumn[] out.
import { ColumnTree, columnKeyFor, defaultColumns } from '../../../shared/columns';
import { COLUMN_LABEL_MAX } from '../../../shared/commands/columns';
import type { CapitalType, FundSource, FundingColumn } from '../../../shared/model';
import { classifyHeader } from './headers';
import { fold } from './text';

export interface AmountHeader {
  /** 0-based sheet column. */
  col: number;
  /** Distinct header texts top to bottom (merged cells expanded). */
  path: readonly string[];
  /** A key the user's mapping (or PlanDesk's own header map) gave this column: kept as is. */
  fixed?: string;
}

export interface FileColumns {
  columns: FundingColumn[];
  /** Column key of each funding column of the table, by 0-based sheet column. */
  keyOf: Map<number, string>;
  /** Keys of the columns that are not in the standard tree, in display order. */
  added: string[];
}

const STANDARD = new Map(defaultColumns().map((c) => [c.key, c]));
/** A header text as a column label: within the length a column's label takes. */
const cap = (text: string) => (text.length > COLUMN_LABEL_MAX ? text.slice(0, COLUMN_LABEL_MAX - 1).trimEnd() + '…' : text);
const TOP = new Set<string | null>([null, 'total']);

/** "Vốn khác", "Nguồn khác", "Vốn huy động khác": the standard tree's "other" column, nothing more specific. */
const GENERIC_OTHER = /^(cac )?(von|nguon|nguon von)( huy dong)? khac$|^khac$/;
/** Captions over columns that are not columns themselves. */
const CAPTION = /^(trong do|chia ra|bao gom|gom|co cau|nguon von|cac nguon von|ke hoach|du toan|kinh phi|nhu cau|so tien|gia tri|phan bo|giao|nam \d{4}|giai doan)\b/;
/** Header words that say a column holds money (an unknown column becomes a funding column only then). */
const MONEY = /\b(von|kinh phi|nguon|ngan sach|ns|tin dung|huy dong|long ghep|xa hoi hoa|dong gop|vien tro|oda|tai tro|nstw|nsdp|dtpt|su nghiep)\b/;
/** …unless it is one of a project list's descriptive figures. */
const NOT_FUNDING = /\b(tong muc dau tu|quyet dinh|thoi gian|dia diem|nang luc|ma so|so hieu|ty le|%)/;

/** Whether a column no standard key fits still holds a funding source (its header names money). */
export function isFundingHeader(path: readonly string[]): boolean {
  const s = fold(path.join(' '));
  return MONEY.test(s) && !NOT_FUNDING.test(s);
}

const prepare = (text: string) => fold(text).replace(/\(\d+\)\s*(=\s*\([\d()+\-= ]*)?/g, ' ').replace(/[:;*]+/g, ' ').replace(/\s+/g, ' ').trim();

function isTotalWord(text: string): boolean {
  const t = classifyHeader(text);
  return t.total && !t.source && !t.capital;
}

interface Node {
  text: string;
  children: Node[];
  /** Table columns whose header ends at this node (index into the headers list). */
  own: number[];
  /** Index (in the headers list) of the last column that passed through, for merging neighbours. */
  last: number;
  first: number;
  key?: string;
}

/** Header paths → a tree of header cells; neighbouring equal texts under one parent are one merged cell. */
function headerTree(headers: readonly AmountHeader[]): Node {
  const root: Node = { text: '', children: [], own: [], last: -2, first: -1 };
  headers.forEach((h, i) => {
    let node = root;
    h.path.forEach((text, level) => {
      const prev = node.children[node.children.length - 1];
      const endsHere = level === h.path.length - 1;
      // Two neighbouring leaves with one text are two columns; a band goes on over its columns.
      if (prev && prev.text === text && prev.last === i - 1 && !(endsHere && prev.children.length === 0)) {
        node = prev;
      } else {
        const n: Node = { text, children: [], own: [], last: i, first: i };
        node.children.push(n);
        node = n;
      }
      node.last = i;
    });
    node.own.push(i);
  });
  return root;
}

/** Captions and "Tổng cộng" bands over the table: their children stand in their place. */
function flatten(nodes: Node[], total: number, top: boolean): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    const t = classifyHeader(n.text);
    const s = prepare(n.text);
    const span = n.last - n.first + 1;
    const caption = n.children.length > 0 && n.own.length === 0 && !t.source && !t.capital && !isTotalWord(n.text) &&
      (CAPTION.test(s) || (top && span === total && !MONEY.test(s)));
    if (caption) out.push(...flatten(n.children, total, top));
    else out.push(n);
  }
  return out;
}

/**
 * The column tree of a table's funding columns (in sheet order). Where every column is a standard
 * one the standard tree is kept whole (columnsFor), so such a file reads as it always did.
 */
export function fileColumnTree(headers: readonly AmountHeader[]): FileColumns {
  const keyOf = new Map<number, string>();
  const used = new Set<string>();
  const made = new Map<string, FundingColumn & { order: number }>();
  const fixedKeys = new Set(headers.flatMap((h) => (h.fixed ? [h.fixed] : [])));
  const taken = () => [...used, ...fixedKeys, ...STANDARD.keys()];

  const place = (key: string, parent: string | null, order: number, text: string, source: FundSource | null, capital: CapitalType | null, totalLabel?: string) => {
    used.add(key);
    const std = STANDARD.get(key);
    const col: FundingColumn = std
      ? { ...std, parent: std.parent }
      : { key, parent: parent ?? 'total', position: 0, label: { vi: cap(text), en: cap(text) }, source, capital, ...(totalLabel ? { totalLabel: { vi: cap(totalLabel), en: 'Total' } } : {}) };
    made.set(key, { ...col, order });
  };

  const sameLabel = (parentKey: string | null, text: string): string | null => {
    for (const c of made.values()) if (!STANDARD.has(c.key) && c.parent === (parentKey ?? 'total') && fold(c.label.vi) === fold(text)) return c.key;
    return null;
  };
  const assign = (node: Node, parentKey: string | null, inherited: FundSource | null, headerOf: (i: number) => AmountHeader) => {
    const fixed = node.own.map((i) => headerOf(i).fixed).find((k) => k !== undefined);
    const t = classifyHeader(node.text);
    const source: FundSource | null = (t.source ?? inherited) || null;
    let key: string;
    if (fixed) {
      key = fixed;
      if (!used.has(key)) place(key, parentKey, node.first, node.text, source, t.capital ?? null);
    } else if (isTotalWord(node.text) && parentKey === null && !used.has('total')) {
      // "Tổng cộng": a column of its own, or a band over the table whose "Tổng số" is its figure.
      key = 'total';
      place(key, null, node.first, node.text, null, null);
    } else {
      const std = isTotalWord(node.text) && parentKey === null ? 'total' : standardKey(node, t, inherited, parentKey);
      // A second column saying what an earlier one says (two "Tổng cộng", two "Vốn lồng ghép" side
      // by side): the same key, so the table reports the duplicate and asks which holds the figures.
      const twin = node.children.length === 0 ? (std && used.has(std) ? std : sameLabel(parentKey, node.text)) : null;
      if (twin) {
        node.key = twin;
        for (const i of node.own) keyOf.set(headerOf(i).col, twin);
        return;
      }
      if (std && !used.has(std)) {
        key = std;
        place(key, parentKey, node.first, node.text, source, t.capital ?? null);
      } else {
        // A bare "ĐTPT" or "SN" under a new group takes the group's words into its key.
        const bare = !t.source && !!t.capital && prepare(node.text).split(' ').length <= 3;
        const parentText = parentKey && made.get(parentKey) ? made.get(parentKey)!.label.vi : '';
        key = columnKeyFor(bare && parentText ? `${parentText} ${node.text}` : node.text, taken());
        const ownTotal = node.children.find((k) => k.children.length === 0 && isTotalWord(k.text));
        place(key, parentKey, node.first, node.text, source, t.capital ?? null, ownTotal?.text);
      }
    }
    node.key = key;
    for (const i of node.own) keyOf.set(headerOf(i).col, key);
    let ownTaken = node.own.length > 0;
    for (const k of node.children) {
      // The group's "Tổng"/"Tổng số" sub-header is the group's own figure.
      if (!ownTaken && k.children.length === 0 && isTotalWord(k.text) && !k.own.some((i) => headerOf(i).fixed)) {
        ownTaken = true;
        for (const i of k.own) keyOf.set(headerOf(i).col, key);
        continue;
      }
      assign(k, key, source, headerOf);
    }
  };

  const root = headerTree(headers);
  const top = flatten(root.children, headers.length, true);
  const inner = (nodes: Node[]): void => {
    for (const n of nodes) {
      n.children = flatten(n.children, headers.length, false);
      inner(n.children);
    }
  };
  inner(top);
  // The table's own "Tổng cộng" first, so it is the root whatever its place.
  const totalFirst = [...top.filter((n) => isTotalWord(n.text)).slice(0, 1), ...top];
  const seen = new Set<Node>();
  for (const n of totalFirst) {
    if (seen.has(n)) continue;
    seen.add(n);
    assign(n, null, null, (i) => headers[i]);
  }

  const added = [...made.keys()].filter((k) => !STANDARD.has(k));
  if (added.length === 0) {
    // Only standard columns: the standard tree, as every import read it before.
    return { columns: columnsFor(used), keyOf, added };
  }
  // Standard columns keep their place in the standard tree: their groups and the root are made if
  // the file has none, ordered at their first part.
  const orderOf = (k: string): number => {
    const o = made.get(k)?.order;
    return o !== undefined && !Number.isNaN(o) ? o : Math.min(...[...made.values()].filter((c) => c.parent === k).map((c) => orderOf(c.key)));
  };
  for (const c of [...made.values()]) {
    for (let p = c.parent; p !== null && !made.has(p); p = STANDARD.get(p)?.parent ?? null) {
      const std = STANDARD.get(p);
      if (!std) break;
      made.set(p, { ...std, order: NaN });
    }
  }
  for (const c of made.values()) if (Number.isNaN(c.order)) c.order = orderOf(c.key);
  // A root other than "total" (a new column at the top) sits under the table's total.
  for (const c of made.values()) if (c.parent === null && c.key !== 'total') c.parent = 'total';
  if (!made.has('total')) made.set('total', { ...STANDARD.get('total')!, order: -1 });
  const byParent = new Map<string | null, (FundingColumn & { order: number })[]>();
  for (const c of made.values()) byParent.set(c.parent, [...(byParent.get(c.parent) ?? []), c]);
  const columns: FundingColumn[] = [];
  for (const list of byParent.values()) {
    list.sort((a, b) => a.order - b.order);
    list.forEach((c, i) => {
      const { order: _order, ...col } = c;
      columns.push({ ...col, position: i });
    });
  }
  const ordered = new ColumnTree(columns).ordered;
  return { columns: ordered, keyOf, added: ordered.filter((c) => !STANDARD.has(c.key)).map((c) => c.key) };
}

/** The standard column a header cell means at its place in the tree, if any. */
function standardKey(node: Node, t: ReturnType<typeof classifyHeader>, inherited: FundSource | null, parentKey: string | null): string | null {
  const source = t.source ?? inherited;
  if (t.source === 'other') return !t.capital && TOP.has(parentKey) && GENERIC_OTHER.test(prepare(node.text)) ? 'other' : null;
  if (!source || source === 'other') return null;
  if (!t.capital) return t.source && TOP.has(parentKey) ? source : null;
  const key = `${source}_${t.capital}`;
  return parentKey === source || (TOP.has(parentKey) && t.source) ? key : null;
}

/**
 * The column tree of an imported table: the default tree, except that a group column present in the
 * file with none of its sub-columns becomes a leaf (a table with only "NSTW | NSĐP" keeps its figures
 * as entries, not as stated totals over empty parts).
 */
export function columnsFor(present: ReadonlySet<string>): FundingColumn[] {
  const cols = defaultColumns();
  const tree = new ColumnTree(cols);
  const drop = new Set<string>();
  for (const c of tree.ordered) {
    if (tree.isLeaf(c.key) || !present.has(c.key) || drop.has(c.key)) continue;
    const under = tree.ordered.filter((d) => d.key !== c.key && tree.ancestors(d.key).includes(c.key));
    if (!under.some((d) => present.has(d.key))) for (const d of under) drop.add(d.key);
  }
  return cols.filter((c) => !drop.has(c.key));
}

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/**
 * Which column of `plan` each column of `file` is: the same key, else the same label under the
 * matched parent (anywhere in the plan for a top-level column of the file). A leaf of the file holds
 * entries: it matches only a leaf of the plan (a group would read them as stated totals over empty
 * parts). Returns file key → plan key for the columns that match.
 */
export function matchColumnTrees(plan: ColumnTree, file: ColumnTree): Map<string, string> {
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  const fits = (c: FundingColumn, p: FundingColumn) => !file.isLeaf(c.key) || plan.isLeaf(p.key);
  for (const c of file.ordered) {
    if (plan.has(c.key) && !taken.has(c.key) && fits(c, plan.byKey.get(c.key)!)) {
      matched.set(c.key, c.key);
      taken.add(c.key);
      continue;
    }
    const parent = c.parent === null ? null : (matched.get(c.parent) ?? undefined);
    const pool = parent === undefined ? [] : parent === null ? plan.ordered : (plan.children.get(parent) ?? []);
    const same = pool.find((p) => !taken.has(p.key) && norm(p.label.vi) === norm(c.label.vi) && fits(c, p));
    if (same) {
      matched.set(c.key, same.key);
      taken.add(same.key);
    }
  }
  return matched;
}
