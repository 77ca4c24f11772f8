// PlanDesk's own metadata in an exported annex: a very hidden sheet "_PlanDesk" that lets
// import(export(plan)) give back exactly what the visible table cannot carry — the cycle's meta and
// column tree, the stated totals that equal their computed value (the visible cell is a live formula
// then), and per-line settings (allowed capital types, adjustment lines). Rows:
//   1: marker | 2: meta JSON | 3: columns JSON | 4: rules JSON | 5: header map JSON {"NSTW / ĐTPT": key}
//   6…: "S", sheet row, column key, value in đồng, line code    (a stated total written as a formula)
//       "V", sheet row, column key, "", line code               (a computed total written as a number)
//       "L", sheet row, allowedCapital JSON, isAdjustment, line code
// Import trusts an entry only where the visible table still agrees (same row, same line code).
import { z } from 'zod';
import type { CycleMeta, FundingColumn, RuleParams } from '../../../shared/model';
import type { SheetData } from './sheet';
import { cellText } from './table';

export const META_SHEET = '_PlanDesk';
export const META_MARK = 'plandesk-annex/1';

export interface AnnexMeta {
  meta: CycleMeta;
  columns: FundingColumn[];
  rules: RuleParams;
  /** Joined header path → column key (keeps a custom column tree mappable, even if columns move). */
  headers: Record<string, string>;
  stated: { row: number; key: string; value: number; code: string }[];
  computedAsValue: { row: number; key: string; code: string }[];
  lines: { row: number; allowedCapital: ('investment' | 'recurrent')[] | null; isAdjustment: boolean; code: string }[];
}

export function metaSheetRows(m: AnnexMeta): (string | number | boolean)[][] {
  const rows: (string | number | boolean)[][] = [[META_MARK], [JSON.stringify(m.meta)], [JSON.stringify(m.columns)], [JSON.stringify(m.rules)], [JSON.stringify(m.headers)]];
  for (const s of m.stated) rows.push(['S', s.row, s.key, s.value, s.code]);
  for (const v of m.computedAsValue) rows.push(['V', v.row, v.key, '', v.code]);
  for (const l of m.lines) rows.push(['L', l.row, JSON.stringify(l.allowedCapital), l.isAdjustment ? 1 : 0, l.code]);
  return rows;
}

const Label = z.object({ vi: z.string(), en: z.string() });
const ColumnsSchema = z.array(
  z.object({
    key: z.string().min(1).max(64),
    parent: z.string().nullable(),
    position: z.number(),
    label: Label,
    totalLabel: Label.optional(),
    source: z.enum(['central', 'local', 'other']).nullable(),
    capital: z.enum(['investment', 'recurrent']).nullable(),
  }),
).max(200);
const MetaSchema = z.object({
  program: z.string(),
  year: z.number(),
  issuer: z.string(),
  place: z.string(),
  docNumber: z.string(),
  docDate: z.string(),
  docKind: z.string(),
  unit: z.enum(['dong', 'nghin', 'trieu', 'ty']),
  numberLocale: z.enum(['vi-VN', 'en-US']),
  signature: z.object({
    authority: z.string(), title: z.string(), signer: z.string(), preparedBy: z.string(),
    onBehalf: z.string().optional(), recipients: z.string().optional(),
  }),
  annexNumber: z.string().optional(),
});
const RulesSchema = z.object({
  // Null: no counterpart level set yet (2026+ cycles); the basis and slack are optional as in RuleParams.
  counterpartMinPercent: z.number().nullable(),
  counterpartBasis: z.string().max(300).optional(),
  toleranceDong: z.number().nullable(),
  counterpartPerLine: z.boolean(),
  counterpartTolerancePercent: z.number().optional(),
});

/** Read the metadata sheet; null when absent, foreign or damaged (the table alone is then used). */
export function parseMetaSheet(sheet: SheetData | null): AnnexMeta | null {
  if (!sheet) return null;
  const byRow = new Map(sheet.rows.map((r) => [r.index, r]));
  const a = (r: number, c = 0) => cellText(byRow.get(r)?.cells[c]);
  if (a(0) !== META_MARK) return null;
  try {
    const meta = MetaSchema.parse(JSON.parse(a(1))) as CycleMeta;
    const columns = ColumnsSchema.parse(JSON.parse(a(2))) as FundingColumn[];
    const rules = RulesSchema.parse(JSON.parse(a(3))) as RuleParams;
    const headers = z.record(z.string(), z.string()).parse(JSON.parse(a(4)));
    const stated: AnnexMeta['stated'] = [];
    const computedAsValue: AnnexMeta['computedAsValue'] = [];
    const lines: AnnexMeta['lines'] = [];
    for (const r of sheet.rows) {
      if (r.index < 5) continue;
      const kind = a(r.index);
      if (kind === 'S') stated.push({ row: Number(a(r.index, 1)), key: a(r.index, 2), value: Number(a(r.index, 3)), code: a(r.index, 4) });
      else if (kind === 'V') computedAsValue.push({ row: Number(a(r.index, 1)), key: a(r.index, 2), code: a(r.index, 4) });
      else if (kind === 'L') {
        const cap = z.array(z.enum(['investment', 'recurrent'])).nullable().parse(JSON.parse(a(r.index, 2)));
        lines.push({ row: Number(a(r.index, 1)), allowedCapital: cap, isAdjustment: a(r.index, 3) === '1', code: a(r.index, 4) });
      }
    }
    return { meta, columns, rules, headers, stated, computedAsValue, lines };
  } catch {
    return null;
  }
}
