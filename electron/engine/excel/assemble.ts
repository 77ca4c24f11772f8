// From raw lines to the plan and its report: the line tree (tree.ts), the column tree, amounts —
// formulas at total positions are PlanDesk's to compute, plain numbers there are stated values —
// PlanDesk's own metadata restored, and the file's totals checked against the computed ones.
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import type { Amount, CycleData, DisplayUnit, Dong, Line } from '../../../shared/model';
import { DEFAULT_RULES, MAX_CELL_DONG } from '../../../shared/model';
import { formatAmount } from '../../../shared/number';
import { blankCycle } from '../../../shared/samples/dak-nong-2024';
import type { TextNumberPolicy } from './amounts';
import type { Fig, RawLine, TableBody } from './body';
import { META_SHEET, type AnnexMeta } from './planmeta';
import type { ImportReport, ReportSink } from './report';
import type { SheetData, WorkbookSource } from './sheet';
import type { TableLayout } from './table';
import { address } from './text';
import { buildTree } from './tree';
import { limitMeta } from './text-limits';
import { readFooterDetails } from './document-texts';
import { ImportError } from './errors';
import { MAX_COLUMNS } from '../../../shared/commands/columns';
export { columnsFor } from './column-tree';

export interface Assembled {
  data: CycleData;
  report: ImportReport;
}

export function assemble(
  wb: WorkbookSource,
  sheet: SheetData,
  layout: TableLayout,
  planMeta: AnnexMeta | null,
  body: TableBody,
  unit: DisplayUnit,
  numbers: { policy: TextNumberPolicy; textNumbers: number },
  sink: ReportSink,
): Assembled {
  const { warn } = sink;
  const { raws, totalRows, codeCol, amountCols } = body;
  const { policy, textNumbers } = numbers;
  // ---- the trees ------------------------------------------------------------------------------
  const { parent, fallback } = buildTree(raws.map((r) => ({ code: r.code, bold: r.bold, indent: r.indent })));
  for (const i of fallback) warn('excel.warn.code_not_numbering', { code: raws[i].code }, address(raws[i].rowIndex, codeCol ?? 0));
  const columns = planMeta?.columns ?? layout.fundingColumns;
  // A plan takes at most MAX_COLUMNS funding columns (the column editor's limit): a wider table is
  // refused with its count rather than becoming a plan no dialog can edit.
  if (columns.length > MAX_COLUMNS) throw new ImportError('excel.error.too_many_columns', { count: columns.length, max: MAX_COLUMNS });
  const tree = new ColumnTree(columns);
  for (const c of amountCols) if (!tree.has(c.key!)) warn('excel.warn.unknown_key', { column: c.letter, key: c.key! }, c.letter);

  const lines: Line[] = [];
  const childCount = new Map<number, number>();
  const rowToLine = new Map<number, Line>();
  raws.forEach((r, i) => {
    const parentId = parent[i] >= 0 ? parent[i] + 1 : null;
    const position = childCount.get(parentId ?? 0) ?? 0;
    childCount.set(parentId ?? 0, position + 1);
    const line: Line = { id: i + 1, parentId, position, code: r.code, name: r.name, agency: r.agency, note: r.note, allowedCapital: null, isAdjustment: false };
    lines.push(line);
    rowToLine.set(r.rowIndex + 1, line);
  });
  const isParent = new Set<number>();
  for (const l of lines) if (l.parentId !== null) isParent.add(l.parentId);

  const amounts: Amount[] = [];
  const formulaTotals: { lineId: number; key: string; value: Dong; row: number; col: number }[] = [];
  let statedCount = 0;
  const asValue = new Set((planMeta?.computedAsValue ?? []).map((v) => `${v.row}:${v.key}:${v.code}`));
  raws.forEach((r, i) => {
    const line = lines[i];
    for (const f of r.figs) {
      if (!tree.has(f.key)) continue;
      const atTotal = isParent.has(line.id) || !tree.isLeaf(f.key);
      if (f.noValue) {
        if (!atTotal) warn('excel.warn.formula_no_value', {}, address(r.rowIndex, f.col));
        continue;
      }
      if (f.value === null) continue;
      if (atTotal && (f.formula || (asValue.size > 0 && asValue.has(`${r.rowIndex + 1}:${f.key}:${line.code}`)))) {
        formulaTotals.push({ lineId: line.id, key: f.key, value: f.value, row: r.rowIndex, col: f.col });
        continue;
      }
      if (Math.abs(f.value) > MAX_CELL_DONG) {
        warn('excel.warn.amount_out_of_range', { text: f.text ?? formatAmount(f.value, unit), max: formatAmount(MAX_CELL_DONG, 'dong') }, address(r.rowIndex, f.col));
        continue;
      }
      amounts.push({ lineId: line.id, column: f.key, value: f.value });
      if (atTotal) statedCount++;
    }
  });

  // PlanDesk's own annex: restore stated totals written as formulas, and per-line settings.
  if (planMeta) {
    // A stated entry stands only where the visible cell is still a live total formula of that line.
    const formulas = new Set<string>();
    if (planMeta.stated.length) for (const f of formulaTotals) formulas.add(`${f.lineId}:${f.key}`);
    for (const s of planMeta.stated) {
      const line = rowToLine.get(s.row);
      if (!line || line.code !== s.code || !formulas.has(`${line.id}:${s.key}`) || !Number.isSafeInteger(s.value) || Math.abs(s.value) > MAX_CELL_DONG) continue;
      amounts.push({ lineId: line.id, column: s.key, value: s.value });
      statedCount++;
    }
    for (const l of planMeta.lines) {
      const line = rowToLine.get(l.row);
      if (line && line.code === l.code) {
        line.allowedCapital = l.allowedCapital;
        line.isAdjustment = l.isAdjustment;
      }
    }
  }

  // ---- checks against computed totals ---------------------------------------------------------
  const calc = new PlanCalc(tree, lines, amounts);
  const fmt = (v: Dong) => formatAmount(v, unit);
  const colOf = new Map(amountCols.map((c) => [c.key!, c.col]));
  const rowOfLine = new Map(raws.map((r, i) => [lines[i].id, r.rowIndex]));
  for (const a of amounts) {
    const m = calc.statedMismatch(a.lineId, a.column);
    if (m && !calc.isUnallocatedParent(a.lineId)) {
      const rowIdx = rowOfLine.get(a.lineId)!;
      warn('excel.warn.stated_mismatch', { stated: fmt(m.stated), computed: fmt(m.computed), diff: fmt(m.stated - m.computed) }, address(rowIdx, colOf.get(a.column) ?? 0));
    }
  }
  const grand = totalRows.find((t) => t.before) ?? totalRows[totalRows.length - 1];
  const grandDiffers = (grand?.figs ?? []).filter((f) => tree.has(f.key) && f.value !== null && calc.total(f.key) !== f.value);
  const differing = formulaTotals.filter((f) => calc.value(f.lineId, f.key) !== f.value);
  // Excel's SUM skips numbers typed as text: where the file's totals are short by exactly the text
  // numbers under them, that is the cause, and it is named cell by cell instead of blaming formulas.
  // Text cells are gathered only when a total of the file differs (a sheet typed as text is big).
  const texts = differing.length || grandDiffers.length ? textCells(raws, lines, isParent, tree) : [];
  const skippedText = textSkippedBySum(tree, lines, amounts, texts, differing, grandDiffers);
  for (const t of skippedText.cells) {
    warn('excel.warn.text_skipped_by_sum', { text: t.text, value: fmt(t.value), count: t.totals }, address(t.row, t.col));
  }
  for (const f of differing) {
    const computed = calc.value(f.lineId, f.key);
    if (!skippedText.explained.has(f)) {
      warn('excel.warn.formula_total_differs', { file: fmt(f.value), computed: fmt(computed), diff: fmt(f.value - computed) }, address(f.row, f.col));
    }
    // The file's own figure stays in the plan as a stated total, flagged where it disagrees.
    if (Math.abs(f.value) <= MAX_CELL_DONG) {
      amounts.push({ lineId: f.lineId, column: f.key, value: f.value });
      statedCount++;
    }
  }
  for (const f of grandDiffers) {
    if (skippedText.explainedGrand.has(f)) continue;
    const computed = calc.total(f.key);
    warn('excel.warn.total_row_mismatch', { file: fmt(f.value!), computed: fmt(computed), diff: fmt(f.value! - computed) }, address(grand!.rowIndex, f.col));
  }
  if (textNumbers > 0) warn('excel.warn.text_numbers', { count: textNumbers, locale: policy.locale });
  const fonts = new Set<string>();
  for (const s of sheet.styles) if (/^\.?vn|^vni[- ]/i.test(s.font)) fonts.add(s.font);
  for (const f of fonts) warn('excel.warn.legacy_font', { font: f });
  // TCVN3 (ABC) text read as Unicode looks like "Ng©n s¸ch nhµ n­íc": Latin-1 symbols where
  // Vietnamese letters should be, and no real Vietnamese letters at all.
  const legacy = raws.slice(0, 500).filter((r) => /[\u00a8-\u00be\u00c6-\u00d6\u00de-\u00fe].*[\u00a8-\u00be\u00c6-\u00d6\u00de-\u00fe]/.test(r.name) && !/[\u1ea0-\u1ef9ơưđăƠƯĐĂ]/.test(r.name));
  if (legacy.length >= 2 && fonts.size === 0) warn('excel.warn.legacy_text', { example: legacy[0].name.slice(0, 40) });
  if (lines.length === 0) warn('excel.warn.no_lines', {});

  // ---- the cycle ------------------------------------------------------------------------------
  const base = blankCycle(layout.title.year ?? new Date().getFullYear()).meta;
  const footer = readFooterDetails(body.footer);
  const meta = planMeta
    ? { ...planMeta.meta, unit }
    : {
        ...base,
        program: '',
        unit,
        numberLocale: policy.locale,
        ...(layout.title.docKind ? { docKind: layout.title.docKind } : {}),
        ...(layout.title.docNumber ? { docNumber: layout.title.docNumber } : {}),
        ...(layout.title.docDate ? { docDate: layout.title.docDate } : {}),
        ...(layout.title.issuer ? { issuer: layout.title.issuer } : {}),
        ...(layout.title.program ? { program: layout.title.program } : {}),
        ...(layout.title.annexNumber ? { annexNumber: layout.title.annexNumber } : {}),
        ...(footer.place ? { place: footer.place } : {}),
        signature: { ...base.signature, ...footer.signature },
      };
  const totals: Record<string, Dong> = {};
  for (const c of tree.ordered) totals[c.key] = calc.total(c.key);
  const data: CycleData = { meta: limitMeta(meta, warn), columns, lines, amounts, rules: planMeta ? planMeta.rules : { ...DEFAULT_RULES } };
  sink.finish();
  const report: ImportReport = {
    format: wb.format,
    sheet: sheet.name,
    sheets: wb.sheets.filter((s) => s.name !== META_SHEET).map((s) => s.name),
    headerRows: layout.headerRows.map((r) => r + 1),
    mappedColumns: layout.columns
      .filter((c) => c.key && c.key !== 'ignore')
      .map((c) => ({ column: c.letter, header: c.path.join(' / '), key: c.key! })),
    addedColumns: planMeta ? [] : layout.columns
      .filter((c) => c.key && layout.addedColumns.includes(c.key))
      .map((c) => ({ column: c.letter, header: c.path.join(' / '), key: c.key!, label: tree.byKey.get(c.key!)?.label.vi ?? c.key! })),
    unmapped: layout.columns.filter((c) => c.key === null).map((c) => `${c.letter}: ${c.path.join(' / ')}`),
    unit,
    numberLocale: policy.locale,
    lineCount: lines.length,
    amountCount: amounts.length,
    statedCount,
    totals,
    skipped: sink.skipped,
    warnings: sink.warnings,
    fromPlanDesk: !!planMeta,
  };
  return { data, report };
}


interface TextCell {
  lineId: number;
  key: string;
  row: number;
  col: number;
  text: string;
  value: Dong;
}

/** Figures typed as text at entry positions (a leaf line × a leaf column), where a SUM would skip them. */
function textCells(raws: readonly RawLine[], lines: readonly Line[], isParent: ReadonlySet<number>, tree: ColumnTree): TextCell[] {
  const out: TextCell[] = [];
  raws.forEach((r, i) => {
    if (isParent.has(lines[i].id)) return;
    for (const f of r.figs) {
      if (f.text !== null && f.value !== null && f.value !== 0 && !f.formula && tree.has(f.key) && tree.isLeaf(f.key)) {
        out.push({ lineId: lines[i].id, key: f.key, row: r.rowIndex, col: f.col, text: f.text, value: f.value });
      }
    }
  });
  return out;
}

/**
 * Which differing totals of the file are short by exactly the text numbers under them (the plan
 * computed without those cells gives the file's figure), and for each such text cell how many of
 * the file's totals it is missing from.
 */
function textSkippedBySum(
  tree: ColumnTree,
  lines: readonly Line[],
  amounts: readonly Amount[],
  texts: readonly TextCell[],
  differing: readonly { lineId: number; key: string; value: Dong }[],
  grandDiffers: readonly Fig[],
): { cells: (TextCell & { totals: number })[]; explained: Set<object>; explainedGrand: Set<Fig> } {
  const explained = new Set<object>();
  const explainedGrand = new Set<Fig>();
  if (texts.length === 0 || (differing.length === 0 && grandDiffers.length === 0)) return { cells: [], explained, explainedGrand };
  const isText = new Set(texts.map((t) => `${t.lineId}:${t.key}`));
  const withoutText = new PlanCalc(tree, lines, amounts.filter((a) => !isText.has(`${a.lineId}:${a.column}`)));
  // Which of the file's totals each explained total is: then each text cell walks its own line and
  // column ancestors once (a sheet typed all as text has as many cells as it has totals).
  const explainedAt = new Set<string>();
  for (const f of differing) {
    if (withoutText.value(f.lineId, f.key) !== f.value) continue;
    explained.add(f);
    explainedAt.add(`${f.lineId}:${f.key}`);
  }
  for (const f of grandDiffers) {
    if (withoutText.total(f.key) !== f.value) continue;
    explainedGrand.add(f);
    explainedAt.add(`grand:${f.key}`);
  }
  const parentOf = new Map(lines.map((l) => [l.id, l.parentId]));
  const counts = new Map<TextCell, number>();
  for (const t of texts) {
    const keys = [t.key, ...tree.ancestors(t.key)];
    let n = 0;
    for (const k of keys) {
      if (explainedAt.has(`grand:${k}`)) n++;
      for (let l: number | null = t.lineId; l !== null; l = parentOf.get(l) ?? null) if (explainedAt.has(`${l}:${k}`)) n++;
    }
    if (n > 0) counts.set(t, n);
  }
  return { cells: texts.filter((t) => counts.has(t)).map((t) => ({ ...t, totals: counts.get(t)! })), explained, explainedGrand };
}
