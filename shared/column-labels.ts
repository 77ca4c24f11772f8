// How a funding column or an import target is named to a person, in either language: "Tổng cộng",
// "NSTW — Tổng số", "NSĐP — ĐTPT", a line field ("Mã số", "Nội dung") or "Bỏ qua". One place for the
// window's import dialogs and the CLI's reports, which must not show internal keys.
import { defaultColumns, shortLabel } from './columns';
import { t, type Lang } from './i18n';
import type { FundingColumn } from './model';

export const FIELD_TARGETS = ['code', 'name', 'agency', 'note'] as const;

/**
 * A funding column's label with its place in the tree: "Tổng cộng", "NSTW — Tổng số",
 * "NSTW — ĐTPT", "Vốn khác". Columns of another tree fall back to their own label.
 */
export function columnLabel(key: string, lang: Lang, columns: readonly FundingColumn[] = defaultColumns()): string {
  const col = columns.find((c) => c.key === key);
  const short = (k: string) => {
    const c = columns.find((x) => x.key === k);
    return c ? shortLabel(c, lang) : k;
  };
  if (!col) return short(key);
  const hasChildren = columns.some((c) => c.parent === key);
  const parent = col.parent ? columns.find((c) => c.key === col.parent) : undefined;
  // Children of the root ("Tổng cộng") read on their own; deeper ones name their group.
  if (parent && parent.parent !== null) return `${short(parent.key)} — ${short(key)}`;
  if (hasChildren && parent) return `${short(key)} — ${lang === 'vi' ? 'Tổng số' : 'Total'}`;
  return short(key);
}

function isFieldOrIgnore(key: string): key is (typeof FIELD_TARGETS)[number] | 'ignore' {
  return (FIELD_TARGETS as readonly string[]).includes(key) || key === 'ignore';
}

/** Label of any mapping target: a funding column, a line field or "ignore". */
export function targetLabel(key: string, lang: Lang, columns?: readonly FundingColumn[]): string {
  if (isFieldOrIgnore(key)) return t(lang, `transfer.target.${key}`);
  return columnLabel(key, lang, columns);
}
