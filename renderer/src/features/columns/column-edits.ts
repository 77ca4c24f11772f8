// What the column dialog's buttons mean as engine commands: move up / down among siblings, indent
// (become the last sub-column of the column above), outdent (come out just after the group), and
// the text that says what a delete removes. Pure, over the column list: unit-tested.
import { ColumnTree } from '../../../../shared/columns';
import type { ColumnImpact } from '../../../../shared/commands/columns';
import type { Lang, Translate } from '../../../../shared/i18n';
import type { FundingColumn } from '../../../../shared/model';
import { formatAmount, type NumberLocale } from '../../../../shared/number';

export type MoveKind = 'up' | 'down' | 'indent' | 'outdent';
export interface MoveArgs {
  key: string;
  parent: string;
  position: number;
}

/** The columns/move arguments of a button on column `key`, or null where it cannot apply. */
export function moveArgs(columns: readonly FundingColumn[], key: string, kind: MoveKind): MoveArgs | null {
  const tree = new ColumnTree(columns);
  const c = tree.byKey.get(key);
  if (!c || c.parent === null) return null; // the root stays where it is
  const siblings = tree.children.get(c.parent) ?? [];
  const i = siblings.findIndex((s) => s.key === key);
  switch (kind) {
    case 'up':
      return i > 0 ? { key, parent: c.parent, position: i - 1 } : null;
    case 'down':
      return i < siblings.length - 1 ? { key, parent: c.parent, position: i + 1 } : null;
    case 'indent': {
      if (i === 0) return null;
      const above = siblings[i - 1];
      return { key, parent: above.key, position: (tree.children.get(above.key) ?? []).length };
    }
    case 'outdent': {
      const parent = tree.byKey.get(c.parent)!;
      if (parent.parent === null) return null; // under the root already: a second root makes no sense
      const groupSiblings = tree.children.get(parent.parent) ?? [];
      return { key, parent: parent.parent, position: groupSiblings.findIndex((s) => s.key === parent.key) + 1 };
    }
  }
}

/** "Xóa cột "X" sẽ xóa 74.500.000.000 đồng ở 12 ô." — or that the column holds nothing. */
export function impactText(t: Translate, lang: Lang, column: FundingColumn, impact: ColumnImpact, locale: NumberLocale): string {
  const label = column.label[lang] || column.label.vi;
  const subs = impact.keys.length - 1;
  const parts = [
    impact.cells === 0
      ? t('columns.confirm.empty', { label })
      : t('columns.confirm.money', { label, amount: formatAmount(impact.dong, 'dong', locale), cells: impact.cells }),
  ];
  if (subs > 0) parts.push(t('columns.confirm.subs', { count: subs }));
  if (impact.other > 0) parts.push(t('columns.confirm.other', { count: impact.other }));
  parts.push(t('columns.confirm.undo'));
  return parts.join(' ');
}
