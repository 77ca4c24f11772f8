// Template mode: fill the department's own workbook. The template keeps its title rows, header,
// styles, column order, print setup and footer/signature rows; PlanDesk finds its table the same way
// the importer does (or through a saved mapping), writes the TỔNG CỘNG row and the lines into the
// data area (styled like the template's first data row, parents bold), and moves the footer below.
// ExcelJS does the read → fill → write, keeping everything it does not touch. A column of the plan
// that the template lacks (say "Vốn khác") is not shown; its figures still count in the template's
// totals. Stated totals that differ are kept as numbers with a note, as in the default annex.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { ColumnTree } from '../../../shared/columns';
import type { Dong } from '../../../shared/model';
import { UNIT_DONG } from '../../../shared/model';
import { t } from '../../../shared/i18n';
import type { AnnexInput } from './annex';
import { ImportError } from './errors';
import { parseMapping, type ImportMapping } from './mapping';
import { openWorkbook } from './open';
import type { SheetData } from './sheet';
import { cellText, locateTable, type TableLayout } from './table';
import { matchColumnTrees } from './column-tree';

const LINE_KEYS = new Set(['code', 'name', 'agency', 'note']);
import { colLetter, fold } from './text';

const FORMAT_NAMES: Record<string, string> = { xls: 'Excel 97-2003 (.xls)', ods: 'OpenDocument (.ods)', xlsb: 'Excel Binary (.xlsb)' };

const TOTAL = /^(tong cong|tong so|tong|cong)(\s*[:(]|$)/;
const FOOTER = /^(nguoi lap|kt\.?\s|tm\.?\s|kt\.|tm\.|chu tich|pho chu tich|giam doc|thu truong|noi nhan|ghi chu\s*:|[^,]{1,40}, ngay\b)/;

export async function fillTemplate(input: AnnexInput, template: string, out: string, mapping?: ImportMapping): Promise<void> {
  const name = path.basename(template);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(template);
  } catch (e) {
    throw new ImportError('excel.error.template', { file: name, detail: String((e as Error).message).slice(0, 120) }, { cause: e });
  }
  const m = mapping ? parseMapping(mapping, input.columns.map((c) => c.key)) : undefined;
  const source = await openWorkbook(bytes, {});
  // ExcelJS (which keeps a template's styles, merges and print setup) reads .xlsx only; converting
  // an .xls or .ods would lose exactly what template mode is for. Say how to get an .xlsx.
  if (source.format !== 'xlsx') throw new ImportError('excel.error.templateFormat', { file: name, format: FORMAT_NAMES[source.format] ?? source.format });
  let sheet: SheetData | null = null;
  let layout: TableLayout | null = null;
  for (let i = 0; i < source.sheets.length && !layout; i++) {
    const s = source.sheets[i];
    if (m?.sheet !== undefined && m.sheet !== i && m.sheet !== s.name) continue;
    sheet = await source.load(i, {});
    layout = locateTable(sheet, m);
  }
  if (!sheet || !layout) throw new ImportError('excel.error.template', { file: name, detail: t('vi', 'excel.error.no_table') });

  // Where the template's data area ends: its footer (signature) rows, or its last row.
  // Also where the template keeps its TỔNG CỘNG row: above the lines (common) or below them.
  let footerFrom: number | null = null;
  let totalBelow = false;
  let seenLine = false;
  for (const r of sheet.rows) {
    if (r.index < layout.dataFrom) continue;
    const first = r.cells.map((c) => cellText(c)).find((x) => x);
    if (first && FOOTER.test(fold(first))) {
      footerFrom = r.index;
      break;
    }
    if (first && TOTAL.test(fold(first))) totalBelow = seenLine;
    else if (first) seenLine = true;
  }

  // ExcelJS (~30 MB) is loaded only for template exports.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  // ExcelJS declares its own Buffer (an ArrayBuffer); JSZip under it reads an ArrayBuffer as well.
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet(sheet.name);
  if (!ws) throw new ImportError('excel.error.template', { file: name, detail: sheet.name });
  const tree = new ColumnTree(input.columns);
  const calc = input.calc;
  const unit = layout.unit ?? input.meta.unit;
  // The template's funding columns are read as a tree of their own: each takes the plan's column it
  // is (same key, else same label under the same parent), so custom columns are filled too.
  const planKey = matchColumnTrees(tree, new ColumnTree(layout.fundingColumns));
  const colOfKey = new Map<string, number>();
  for (const c of layout.columns) {
    if (!c.key || c.key === 'ignore') continue;
    const key = c.by === 'mapping' || LINE_KEYS.has(c.key) ? c.key : (planKey.get(c.key) ?? c.key);
    if (!colOfKey.has(key)) colOfKey.set(key, c.col + 1);
  }

  const dataRow1 = layout.dataFrom + 1; // 1-based
  const lastRow = ws.rowCount;
  const footerRow1 = footerFrom === null ? lastRow + 1 : footerFrom + 1;

  // Styles of the template's first data row (and a bold variant for parents and the total).
  const styleRow = ws.getRow(dataRow1);
  const baseStyle = new Map<number, Partial<ExcelJS.Style>>();
  for (const c of colOfKey.values()) baseStyle.set(c, JSON.parse(JSON.stringify(styleRow.getCell(c).style ?? {})));
  const styled = (c: number, bold: boolean): Partial<ExcelJS.Style> => {
    const s = JSON.parse(JSON.stringify(baseStyle.get(c) ?? {}));
    // The template's first data row may itself be bold (its total row): set bold either way.
    s.font = { ...(s.font ?? {}), bold };
    return s;
  };

  // Keep the footer, then clear everything from the data area down.
  const footer: { values: ExcelJS.CellValue[]; styles: Partial<ExcelJS.Style>[]; height?: number }[] = [];
  for (let r = footerRow1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const values: ExcelJS.CellValue[] = [];
    const styles: Partial<ExcelJS.Style>[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      values[c] = cell.value;
      styles[c] = JSON.parse(JSON.stringify(cell.style ?? {}));
    });
    footer.push({ values, styles, height: row.height });
  }
  const merges: string[] = (ws.model.merges ?? []).slice();
  const footerMerges: { r1: number; c1: string; r2: number; c2: string }[] = [];
  for (const ref of merges) {
    const mm = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!mm || Number(mm[4]) < dataRow1) continue;
    ws.unMergeCells(ref);
    if (Number(mm[2]) >= footerRow1) footerMerges.push({ r1: Number(mm[2]), c1: mm[1], r2: Number(mm[4]), c2: mm[3] });
  }
  for (let r = dataRow1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.value = null;
      cell.style = {};
    });
    row.hidden = false; // a row the template hid must not hide one of our lines
  }

  const toUnit = (v: Dong) => v / UNIT_DONG[unit];
  const order = [...calc.walk()];
  const firstLineRow = totalBelow ? dataRow1 : dataRow1 + 1;
  const totalRow = totalBelow ? dataRow1 + order.length : dataRow1;
  const rowOf = new Map(order.map((o, i) => [o.id, firstLineRow + i]));
  const L = (key: string) => colLetter(colOfKey.get(key)! - 1);
  const canSumChildren = (key: string) => (tree.children.get(key) ?? []).every((k) => colOfKey.has(k.key));

  const writeRow = (r: number, lineId: number | null, bold: boolean) => {
    const row = ws.getRow(r);
    for (const [key, c] of colOfKey) {
      const cell = row.getCell(c);
      cell.style = styled(c, bold);
      if (['code', 'name', 'agency', 'note'].includes(key)) {
        const l = lineId === null ? null : calc.lines.get(lineId)!;
        cell.value = l ? l[key as 'code' | 'name' | 'agency' | 'note'] : key === 'name' ? t('vi', 'excel.annex.grandTotal') : '';
        continue;
      }
      if (!tree.has(key)) continue;
      // A line with no figure at all (a sub-project not yet allocated) stays blank, as in the annex.
      if (lineId !== null && !calc.hasAmount(lineId) && calc.storedOf(lineId).size === 0) {
        cell.value = null;
        continue;
      }
      const computed = lineId === null ? calc.total(key) : calc.value(lineId, key);
      const stored = lineId === null ? undefined : calc.storedValue(lineId, key);
      const atTotal = lineId === null || calc.isParent(lineId) || !tree.isLeaf(key);
      if (!atTotal || (lineId !== null && calc.isUnallocatedParent(lineId) && tree.isLeaf(key))) {
        cell.value = stored === undefined ? null : toUnit(stored);
        continue;
      }
      if (stored !== undefined && stored !== computed) {
        cell.value = toUnit(stored);
        cell.note = t('vi', 'excel.annex.statedNote', { stated: String(toUnit(stored)), computed: String(toUnit(computed)), diff: String(toUnit(stored - computed)) });
        continue;
      }
      let formula: string | null = null;
      const kids = calc.children(lineId);
      if (!tree.isLeaf(key) && canSumChildren(key)) {
        formula = (tree.children.get(key) ?? []).map((k) => `${L(k.key)}${r}`).join('+');
      } else if (lineId === null || (calc.isParent(lineId) && !calc.isUnallocatedParent(lineId))) {
        // Down the lines: a group column whose parts the template lacks still sums its child rows
        // (not for a parent "not yet allocated": its own figure stands, written as a number).
        formula = kids.length ? `SUM(${kids.map((k) => `${L(key)}${rowOf.get(k)}`).join(',')})` : '0';
        if (formula.length > 8000) formula = null;
      }
      cell.value = formula ? { formula, result: toUnit(computed) } : toUnit(computed);
    }
    row.commit?.();
  };

  writeRow(totalRow, null, true);
  for (const o of order) writeRow(rowOf.get(o.id)!, o.id, calc.isParent(o.id));

  // The footer again, below the lines.
  const shift = dataRow1 + 1 + order.length + 1 - footerRow1;
  footer.forEach((f, i) => {
    const row = ws.getRow(footerRow1 + shift + i);
    f.values.forEach((v, c) => {
      if (c === undefined) return;
      const cell = row.getCell(c);
      cell.value = v ?? null;
      cell.style = f.styles[c] ?? {};
    });
    if (f.height) row.height = f.height;
    row.hidden = false;
  });
  for (const fm of footerMerges) ws.mergeCells(`${fm.c1}${fm.r1 + shift}:${fm.c2}${fm.r2 + shift}`);
  await wb.xlsx.writeFile(out);
}
