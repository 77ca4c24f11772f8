// A comparison as an Excel workbook (Vietnamese, the documents' language): one row per added,
// removed or changed line; for each funding column the figure in A, in B and the difference, in the
// plan's display unit; text changes spelled out; the program totals last; the units' shares that
// differ on a second sheet (issue 14). Written with ExcelJS's
// streaming writer (large comparisons stay within memory) to a temporary file, then renamed.
import ExcelJS from 'exceljs';
import type { CompareResult, CompareRow, CompareSideInfo } from '../../../shared/commands/history';
import { t } from '../../../shared/i18n';
import { columnLabel } from '../../../shared/column-labels';
import { UNIT_DONG, type DisplayUnit } from '../../../shared/model';
import { checkWriteTarget } from '../safety/write-target';
import { writeAtomic } from '../store/atomic-write';

const FILL = { added: 'FFC6EFCE', removed: 'FFFFC7CE', changed: 'FFFFEB9C' } as const;
const FIELD_VI: Record<string, string> = { code: 'Mã', name: 'Nội dung', agency: 'Cơ quan chủ trì', note: 'Ghi chú' };

const sideText = (s: CompareSideInfo) =>
  `${s.kind === 'current' ? `${t('vi', 'history.compare.current')} (${s.name})` : s.name}${s.docNumber ? ` — ${s.docNumber}` : ''}`;

export async function writeCompareXlsx(file: string, result: CompareResult, rows: CompareRow[]): Promise<void> {
  const unit = (result.unit in UNIT_DONG ? result.unit : 'trieu') as DisplayUnit;
  const factor = UNIT_DONG[unit];
  // The one check before a write: never over a plan, its -wal/-shm/lock, or a backup.
  const target = checkWriteTarget(file, 'document');
  // Rows stream into the temporary file as they are added: any failure removes it (atomic-write.ts).
  await writeAtomic(target, async (tmp) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    wb.creator = 'PlanDesk';
    const ws = wb.addWorksheet('So sánh', { views: [{ state: 'frozen', xSplit: 3, ySplit: 6 }] });
    const cols = result.columns;
    const first = 5; // first amount column
    ws.columns = [
      { width: 12 }, { width: 9 }, { width: 55 }, { width: 40 },
      ...cols.flatMap(() => [{ width: 15 }, { width: 15 }, { width: 14 }]),
    ];
    const bold = { bold: true, name: 'Times New Roman' };
    const num = (dong: number | null) => (dong === null ? null : dong / factor);
    const fmt = (v: number | null) => (v === null || Number.isInteger(v) ? '#,##0' : '#,##0.0##');

    const title = ws.addRow([t('vi', 'history.xlsx.title')]);
    title.font = { ...bold, size: 14 };
    title.commit();
    ws.addRow([`A: ${sideText(result.a)}`, null, null, null]).commit();
    ws.addRow([`B: ${sideText(result.b)}`]).commit();
    ws.addRow([
      `${t('vi', 'unit.label', { unit: t('vi', `unit.${unit}`) })} — ${t('vi', 'history.xlsx.counts', {
        added: result.counts.added, removed: result.counts.removed, changed: result.counts.changed,
      })}`,
    ]).commit();

    const head1 = ws.addRow([
      t('vi', 'history.compare.status'), t('vi', 'grid.code'), t('vi', 'grid.name'), t('vi', 'history.compare.textChanges'),
      // Each column named with its place in the tree ("NSTW — ĐTPT", "NSĐP — Cấp tỉnh"): leaves of two groups share labels.
      ...cols.flatMap((c) => [columnLabel(c.key, 'vi', cols), null, null]),
    ]);
    head1.font = bold;
    head1.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const head2 = ws.addRow([null, null, null, null, ...cols.flatMap(() => ['A', 'B', t('vi', 'history.compare.delta')])]);
    head2.font = bold;
    head2.alignment = { horizontal: 'center' };
    for (let i = 1; i <= 4; i++) ws.mergeCells(5, i, 6, i);
    cols.forEach((_, i) => ws.mergeCells(5, first + i * 3, 5, first + i * 3 + 2));
    head1.commit();
    head2.commit();

    const amountCells = (get: (key: string) => { old: number | null; new: number | null } | undefined) =>
      cols.flatMap((c) => {
        const cell = get(c.key);
        if (!cell) return [null, null, null];
        const o = num(cell.old);
        const n = num(cell.new);
        return [o, n, (n ?? 0) - (o ?? 0)];
      });

    for (const r of rows) {
      const textChanges = r.fields.map((f) => `${FIELD_VI[f.field]}: "${f.old}" → "${f.new}"`).join('; ');
      const row = ws.addRow([
        t('vi', `history.compare.${r.status}`), r.code, `${'   '.repeat(r.depth)}${r.name}`, textChanges,
        ...amountCells((k) => r.cells[k]),
      ]);
      row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[r.status] } };
      cols.forEach((_, i) => {
        for (let j = 0; j < 3; j++) {
          const cell = row.getCell(first + i * 3 + j);
          cell.numFmt = fmt(typeof cell.value === 'number' ? cell.value : null);
        }
      });
      if (r.depth === 0) row.font = { bold: true };
      row.commit();
    }
    const totals = ws.addRow([null, null, t('vi', 'grid.grandTotal'), null, ...amountCells((k) => result.totals[k])]);
    totals.font = bold;
    cols.forEach((_, i) => {
      for (let j = 0; j < 3; j++) {
        const cell = totals.getCell(first + i * 3 + j);
        cell.numFmt = fmt(typeof cell.value === 'number' ? cell.value : null);
      }
    });
    totals.commit();
    ws.commit();
    if (result.shares?.length) writeShareSheet(wb, result, factor, unit);
    await wb.commit();
  });
}

/** The units' shares that differ (issue 14): one row per unit, line and column, A, B and the difference. */
function writeShareSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: CompareResult, factor: number, unit: DisplayUnit): void {
  const ws = wb.addWorksheet(t('vi', 'history.xlsx.sharesSheet'), { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [{ width: 32 }, { width: 9 }, { width: 50 }, { width: 22 }, { width: 15 }, { width: 15 }, { width: 14 }];
  const bold = { bold: true, name: 'Times New Roman' };
  const title = ws.addRow([t('vi', 'history.xlsx.sharesTitle')]);
  title.font = { ...bold, size: 14 };
  title.commit();
  ws.addRow([t('vi', 'unit.label', { unit: t('vi', `unit.${unit}`) })]).commit();
  const head = ws.addRow([
    t('vi', 'history.compare.shareUnit'), t('vi', 'grid.code'), t('vi', 'grid.name'), t('vi', 'history.compare.shareColumn'), 'A', 'B', t('vi', 'history.compare.delta'),
  ]);
  head.font = bold;
  head.alignment = { horizontal: 'center', wrapText: true };
  head.commit();
  const num = (dong: number | null) => (dong === null ? null : dong / factor);
  for (const x of result.shares ?? []) {
    const o = num(x.old);
    const n = num(x.new);
    const row = ws.addRow([x.unit, x.code, x.name, columnLabel(x.column, 'vi', result.columns), o, n, (n ?? 0) - (o ?? 0)]);
    for (let j = 5; j <= 7; j++) {
      const cell = row.getCell(j);
      cell.numFmt = typeof cell.value === 'number' && !Number.isInteger(cell.value) ? '#,##0.0##' : '#,##0';
    }
    row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: x.old === null ? FILL.added : x.new === null ? FILL.removed : FILL.changed } };
    row.commit();
  }
  ws.commit();
}
