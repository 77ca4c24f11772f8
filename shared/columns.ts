// The funding-column tree: the default one (Tổng cộng = NSTW + NSĐP + Vốn khác; NSTW/NSĐP = ĐTPT + SN)
// and queries over any column tree (leaves, groups, descendants). The grid, the calc, the
// importers and the exports read the tree from the cycle; nothing else hard-codes it.
import type { FundingColumn } from './model';

const col = (
  key: string,
  parent: string | null,
  position: number,
  vi: string,
  en: string,
  source: FundingColumn['source'],
  capital: FundingColumn['capital'],
  totalLabel?: FundingColumn['totalLabel'],
): FundingColumn => ({ key, parent, position, label: { vi, en }, source, capital, ...(totalLabel ? { totalLabel } : {}) });

const TOTAL_SUB = { vi: 'Tổng', en: 'Total' };

/** Column keys of the default tree: also the CLI's JSON contract. */
export const DEFAULT_COLUMN_KEYS = [
  'total', 'central', 'central_investment', 'central_recurrent',
  'local', 'local_investment', 'local_recurrent', 'other',
] as const;

export function defaultColumns(): FundingColumn[] {
  return [
    col('total', null, 0, 'Tổng cộng', 'Total', null, null),
    col('central', 'total', 0, 'Ngân sách Trung ương (NSTW)', 'Central budget', 'central', null, TOTAL_SUB),
    col('central_investment', 'central', 0, 'Vốn đầu tư phát triển (ĐTPT)', 'Development investment', 'central', 'investment'),
    col('central_recurrent', 'central', 1, 'Vốn sự nghiệp (SN)', 'Recurrent', 'central', 'recurrent'),
    col('local', 'total', 1, 'Ngân sách địa phương (NSĐP)', 'Local budget', 'local', null, TOTAL_SUB),
    col('local_investment', 'local', 0, 'Vốn đầu tư phát triển (ĐTPT)', 'Development investment', 'local', 'investment'),
    col('local_recurrent', 'local', 1, 'Vốn sự nghiệp (SN)', 'Recurrent', 'local', 'recurrent'),
    col('other', 'total', 2, 'Vốn huy động khác', 'Other funds', 'other', null),
  ];
}

/**
 * Names a column key must never take: the import mapping's targets besides columns (line fields,
 * "ignore"), so a column labelled "Ghi chú" cannot be mistaken for the note field.
 */
const RESERVED_KEYS = new Set(['code', 'name', 'agency', 'note', 'ignore']);

/** Longest slug before its `_2`, `_3`… suffix (keys are at most 64 characters on the bridge). */
const KEY_SLUG_MAX = 48;

/**
 * A stable key for a new column: the label as an ASCII slug (diacritics removed, đ → d, lowercase,
 * `_` between words), made unique among `existingKeys` with `_2`, `_3`… — "Vốn tín dụng chính
 * sách" → `von_tin_dung_chinh_sach`. Keys never change after (files, the CLI's JSON and the other
 * areas' figures are keyed by them), so the standard tree keeps its keys whatever its labels.
 */
export function columnKeyFor(label: string, existingKeys: Iterable<string>): string {
  const taken = new Set(existingKeys);
  const slug =
    label
      .replace(/[đĐ]/g, 'd')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, KEY_SLUG_MAX)
      .replace(/_+$/, '') || 'cot';
  const free = (k: string) => !taken.has(k) && !RESERVED_KEYS.has(k);
  if (free(slug)) return slug;
  for (let n = 2; ; n++) if (free(`${slug}_${n}`)) return `${slug}_${n}`;
}

/** Short header labels used in the grid and annex headers. */
export const SHORT_LABELS: Record<string, { vi: string; en: string }> = {
  total: { vi: 'Tổng cộng', en: 'Total' },
  central: { vi: 'NSTW', en: 'Central' },
  central_investment: { vi: 'ĐTPT', en: 'Investment' },
  central_recurrent: { vi: 'SN', en: 'Recurrent' },
  local: { vi: 'NSĐP', en: 'Local' },
  local_investment: { vi: 'ĐTPT', en: 'Investment' },
  local_recurrent: { vi: 'SN', en: 'Recurrent' },
  other: { vi: 'Vốn khác', en: 'Other' },
};

/**
 * A column's short header label ("NSTW", "ĐTPT", "Vốn khác"): the standard abbreviation while a
 * standard column keeps its standard label, else the column's own label — a renamed or custom
 * column is always named by what the person typed, whatever its key.
 */
export function shortLabel(c: FundingColumn, lang: 'vi' | 'en'): string {
  const std = STANDARD_LABELS.get(c.key);
  const short = SHORT_LABELS[c.key];
  return short && std && std.vi === c.label.vi && std.en === c.label.en ? short[lang] : c.label[lang] || c.label.vi;
}

const STANDARD_LABELS = new Map(defaultColumns().map((c) => [c.key, c.label]));

/** An index over a column tree, built once per cycle (columns rarely change). */
export class ColumnTree {
  readonly byKey = new Map<string, FundingColumn>();
  readonly children = new Map<string | null, FundingColumn[]>();
  /** Leaf columns in display order (depth-first). */
  readonly leaves: FundingColumn[] = [];
  /** All columns in display order (depth-first, parent before children). */
  readonly ordered: FundingColumn[] = [];
  /** For each column, the leaf keys under it (a leaf: itself). */
  readonly leafKeysUnder = new Map<string, string[]>();
  readonly root: FundingColumn | null;

  constructor(readonly columns: readonly FundingColumn[]) {
    for (const c of columns) {
      this.byKey.set(c.key, c);
      const list = this.children.get(c.parent) ?? [];
      list.push(c);
      this.children.set(c.parent, list);
    }
    for (const list of this.children.values()) list.sort((a, b) => a.position - b.position);
    const visit = (c: FundingColumn): string[] => {
      this.ordered.push(c);
      const kids = this.children.get(c.key) ?? [];
      let leafKeys: string[];
      if (kids.length === 0) {
        this.leaves.push(c);
        leafKeys = [c.key];
      } else {
        leafKeys = kids.flatMap(visit);
      }
      this.leafKeysUnder.set(c.key, leafKeys);
      return leafKeys;
    };
    const roots = this.children.get(null) ?? [];
    roots.forEach(visit);
    this.root = roots.length === 1 ? roots[0] : null;
  }

  isLeaf(key: string): boolean {
    return (this.children.get(key) ?? []).length === 0;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Ancestors of a column, nearest first. */
  ancestors(key: string): string[] {
    const out: string[] = [];
    let p = this.byKey.get(key)?.parent ?? null;
    while (p !== null) {
      out.push(p);
      p = this.byKey.get(p)?.parent ?? null;
    }
    return out;
  }

  /** Depth of a column (root = 0). */
  depth(key: string): number {
    return this.ancestors(key).length;
  }
}
