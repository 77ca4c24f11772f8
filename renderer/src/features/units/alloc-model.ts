// What the allocation view shows (issue 14), computed in the window from the plan's rows and the
// units' shares (a UnitBook kept current from the engine's patches): rows = units, columns = the
// plan's lines for one funding column (a project over its sub-projects) or one line's funding
// columns; under them the units' sum, the line's figure and what is left unallocated. A cell of a
// group column (NSTW over ĐTPT and SN) is the sum of its leaf columns and is not typed into.
// Pure: the grid reads cells through it; tests check the arithmetic on real plans.
import { ColumnTree, shortLabel } from '../../../../shared/columns';
import type { RowView } from '../../../../shared/ipc';
import type { Dong, FundingColumn } from '../../../../shared/model';
import type { ShareReader } from './share-table';

export type AllocMode = { kind: 'column'; column: string } | { kind: 'line'; lineId: number };

/** One column of the allocation grid: a line × a funding column. */
export interface AllocCol {
  /** The grid's column id. */
  id: string;
  lineId: number;
  column: string;
  /** Funding columns summed into it (a leaf: itself). */
  parts: readonly string[];
  /** A leaf funding column on a line that holds figures: shares are typed here. */
  editable: boolean;
  /** Header text, and the full text for its tooltip. */
  label: string;
  tooltip: string;
}

/** Header bands: a project over its sub-projects (or a group column over its parts); `head` null: a column alone. */
export interface AllocBand {
  head: { label: string; tooltip: string; lineId?: number } | null;
  cols: AllocCol[];
}

/** The pinned rows under the units. */
export type SummaryKind = 'sum' | 'figure' | 'rest';
export const SUMMARY_ROWS: readonly SummaryKind[] = ['sum', 'figure', 'rest'];

/** A line takes shares when it holds figures: a leaf, or a parent whose children carry none. */
export const holdsFigures = (r: RowView): boolean => !r.hasChildren || r.unallocated;

export const colId = (lineId: number, column: string): string => `${lineId}|${column}`;

const lineText = (r: RowView) => {
  const code = r.code.trim();
  const name = r.name.trim();
  return code && !name.startsWith(code) ? `${code}. ${name}` : name || code;
};

/** Header text of a line: its code, or its name cut short when it has none. */
const lineShort = (r: RowView) => r.code.trim() || (r.name.length > 24 ? `${r.name.slice(0, 23)}…` : r.name);

/**
 * The bands and columns for a mode. Lines in display order; a line's band is its top-level project
 * (the project itself when it holds figures alone). Only lines that hold figures are columns.
 */
export function allocationBands(
  mode: AllocMode,
  rows: readonly RowView[],
  byId: (id: number) => RowView | undefined,
  columns: readonly FundingColumn[],
  lang: 'vi' | 'en',
): AllocBand[] {
  const tree = new ColumnTree(columns);
  if (mode.kind === 'column') {
    const parts = tree.leafKeysUnder.get(mode.column) ?? [mode.column];
    const leaf = tree.isLeaf(mode.column);
    const bands: AllocBand[] = [];
    let current: { top: number; band: AllocBand } | null = null;
    for (const r of rows) {
      if (!holdsFigures(r)) continue;
      let top = r;
      for (let p = r.parentId === null ? undefined : byId(r.parentId); p; p = p.parentId === null ? undefined : byId(p.parentId)) top = p;
      const col: AllocCol = {
        id: colId(r.id, mode.column),
        lineId: r.id,
        column: mode.column,
        parts,
        editable: leaf,
        label: lineShort(r),
        tooltip: lineText(r),
      };
      if (top === r) {
        bands.push({ head: null, cols: [col] });
        current = null;
        continue;
      }
      if (!current || current.top !== top.id) {
        current = { top: top.id, band: { head: { label: lineText(top), tooltip: lineText(top), lineId: top.id }, cols: [] } };
        bands.push(current.band);
      }
      current.band.cols.push(col);
    }
    return bands;
  }
  const line = byId(mode.lineId);
  if (!line) return [];
  const holds = holdsFigures(line);
  // One line's columns: each top-level column over its parts, as the plan grid's header.
  const short = (c: FundingColumn) => shortLabel(c, lang);
  const colOf = (c: FundingColumn, label = short(c)): AllocCol => ({
    id: colId(line.id, c.key),
    lineId: line.id,
    column: c.key,
    parts: tree.leafKeysUnder.get(c.key) ?? [c.key],
    editable: holds && tree.isLeaf(c.key),
    label,
    tooltip: c.label[lang],
  });
  // As the plan grid's header: a single root ("Tổng cộng") alone beside its parts; a column with
  // parts is a band over its own total and its parts (NSTW: Tổng, ĐTPT, SN).
  const roots = tree.children.get(null) ?? [];
  const bands: AllocBand[] = [];
  const emit = (c: FundingColumn) => {
    const kids = tree.children.get(c.key) ?? [];
    if (!kids.length) return void bands.push({ head: null, cols: [colOf(c)] });
    const own = colOf(c, c.totalLabel?.[lang] ?? (lang === 'vi' ? 'Tổng' : 'Total'));
    bands.push({ head: { label: short(c), tooltip: c.label[lang] }, cols: [own, ...tree.ordered.filter((d) => tree.ancestors(d.key).includes(c.key)).map((d) => colOf(d))] });
  };
  if (roots.length === 1 && (tree.children.get(roots[0].key) ?? []).length) {
    bands.push({ head: null, cols: [colOf(roots[0])] });
    for (const k of tree.children.get(roots[0].key) ?? []) emit(k);
  } else roots.forEach(emit);
  return bands;
}

/** A funding column's name in a chooser: "NSTW / SN", "Tổng cộng", a column added by the user by its label. */
export function fundingColumnName(columns: readonly FundingColumn[], key: string, lang: 'vi' | 'en'): string {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const short = (k: string) => {
    const c = byKey.get(k);
    return c ? shortLabel(c, lang) : k;
  };
  const parent = byKey.get(key)?.parent;
  return parent && byKey.get(parent)?.parent !== null ? `${short(parent)} / ${short(key)}` : short(key);
}

/** A unit's figure in a column: its share (a group column: the sum of its parts' shares); null when none. */
export function unitValue(shares: ShareReader, unitId: number, col: AllocCol): Dong | null {
  if (col.parts.length === 1) return shares.share(unitId, col.lineId, col.parts[0]);
  let sum: number | null = null;
  for (const p of col.parts) {
    const v = shares.share(unitId, col.lineId, p);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

/** A summary row's figure in a column: the units' sum, the line's figure, or the rest to allocate. */
export function summaryValue(kind: SummaryKind, shares: ShareReader, col: AllocCol, line: RowView | undefined): Dong {
  const sum = col.parts.reduce((s, p) => s + shares.sum(col.lineId, p), 0);
  if (kind === 'sum') return sum;
  const figure = line?.values[col.column] ?? 0;
  return kind === 'figure' ? figure : figure - sum;
}

/**
 * A unit's total over the lines shown for one funding column (each line holding figures once: no
 * parent counted with its children). One line's view needs none: its Tổng cộng column is the total.
 */
export function unitTotal(shares: ShareReader, unitId: number, cols: readonly AllocCol[]): Dong | null {
  let sum: number | null = null;
  for (const c of cols) {
    const v = unitValue(shares, unitId, c);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

/** The line's figure, the units' sum and the rest summed over the lines shown (the total column's pinned cells). */
export function summaryTotal(kind: SummaryKind, shares: ShareReader, cols: readonly AllocCol[], line: (id: number) => RowView | undefined): Dong {
  let sum = 0;
  for (const c of cols) sum += summaryValue(kind, shares, c, line(c.lineId));
  return sum;
}
