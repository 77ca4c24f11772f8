// AG Grid column definitions built from the cycle's funding-column tree (never hard-coded):
// a group column becomes a header group whose first child is the group's own total ("Tổng"),
// followed by its sub-columns; the root total and childless columns stand alone.
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { ColumnTree, shortLabel as columnShortLabel } from '../../../shared/columns';
import type { Lang, Translate } from '../../../shared/i18n';
import type { RowView } from '../../../shared/ipc';
import type { FundingColumn } from '../../../shared/model';

export const TEXT_COLUMNS = ['code', 'name', 'agency', 'note'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

export interface ColumnBuilders {
  lang: Lang;
  t: Translate;
  /** The definition of one amount column (renderers, formatters, classes). */
  amount: (col: FundingColumn, headerName: string) => ColDef<RowView>;
  text: (field: TextColumn, headerName: string) => ColDef<RowView>;
}

function shortLabel(c: FundingColumn, lang: Lang): string {
  return columnShortLabel(c, lang);
}

export function buildColumnDefs(columns: FundingColumn[], b: ColumnBuilders): (ColDef<RowView> | ColGroupDef<RowView>)[] {
  const tree = new ColumnTree(columns);
  const amountDefs = (c: FundingColumn, isRoot: boolean): ColDef<RowView> | ColGroupDef<RowView> => {
    const kids = tree.children.get(c.key) ?? [];
    if (kids.length === 0 || isRoot) return b.amount(c, shortLabel(c, b.lang));
    return {
      groupId: `group:${c.key}`,
      headerName: shortLabel(c, b.lang),
      headerTooltip: c.label[b.lang],
      marryChildren: true,
      children: [b.amount(c, c.totalLabel?.[b.lang] ?? b.t('grid.total')), ...kids.map((k) => amountDefs(k, false))],
    };
  };
  const roots = tree.children.get(null) ?? [];
  const funding: (ColDef<RowView> | ColGroupDef<RowView>)[] = [];
  for (const r of roots) {
    // The root total stands alone; its children are the groups (NSTW, NSĐP, Vốn khác).
    funding.push(amountDefs(r, true));
    for (const k of tree.children.get(r.key) ?? []) funding.push(amountDefs(k, false));
  }
  return [
    b.text('code', b.t('grid.code')),
    b.text('name', b.t('grid.name')),
    b.text('agency', b.t('grid.agency')),
    ...funding,
    b.text('note', b.t('grid.note')),
  ];
}
