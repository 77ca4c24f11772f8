// The consolidation board written to xlsx (issue 16): the list an officer phones through — every
// unit with its status, file, date received, totals beside its allocation; then each difference by
// line and column. Amounts in đồng (exact integers). Through the one write check, written atomically.
import path from 'node:path';
import type { Board } from '../../../shared/commands/consolidation';
import type { DetailLine } from '../../../shared/consolidation/model';
import { columnLabel } from '../../../shared/column-labels';
import { t, type Lang } from '../../../shared/i18n';
import type { SessionContext } from '../context';
import { ImportError } from '../excel/errors';
import { StyleRegistry, writeWorkbook, type SheetSpec, type WCell } from '../excel/xlsx-writer';
import { PlanDeskError } from '../errors';
import { checkWriteTarget } from '../safety/write-target';
import { writeAtomic } from '../store/atomic-write';

const STATUS_KEY = { ok: 'consolidation.status.ok', mismatch: 'consolidation.status.mismatch', missing: 'consolidation.status.missing', refused: 'consolidation.status.refused' } as const;

export async function writeBoardXlsx(out: string, board: Board, ctx: Pick<SessionContext, 'columns' | 'calc' | 'units' | 'unitDetails'>, lang: Lang = 'vi'): Promise<void> {
  checkWriteTarget(out, 'document');
  const styles = new StyleRegistry('Times New Roman', 12);
  // The funding columns, for their labels (copied once, not per row).
  const columnList = [...ctx.columns.columns];
  const head = styles.id({ bold: true, h: 'center', v: 'center', wrap: true, border: true });
  const text = styles.id({ border: true, v: 'center', wrap: true });
  const num = styles.id({ border: true, numFmt: '#,##0' });
  const s = (v: string, st = text): WCell => ({ t: 's', v, s: st });
  const n = (v: number): WCell => ({ t: 'n', v: String(v), s: num });
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const units: SheetSpec = {
    name: t(lang, 'consolidation.xlsx.units'),
    widths: [6, 34, 22, 30, 20, 20, 20, 20, 12],
    freeze: { rows: 1, cols: 2 },
    merges: [],
    notes: [],
    rows: async (emit) => {
      await emit((['no', 'unit', 'status', 'file', 'received', 'allocated', 'reported', 'difference', 'count'] as const).map((h) => s(t(lang, `consolidation.xlsx.head.${h}`), head)));
      let i = 0;
      for (const u of board.units) {
        const alloc = sum(u.allocated);
        const rep = sum(u.reported);
        await emit([n(++i), s(u.name), s(t(lang, STATUS_KEY[u.status])), s(u.file ?? ''), s(u.received ? u.received.slice(0, 10).split('-').reverse().join('/') : ''), n(alloc), n(rep), n(rep - alloc), n(u.differences.length)]);
      }
    },
  };
  const diffs: SheetSpec = {
    name: t(lang, 'consolidation.xlsx.differences'),
    widths: [34, 12, 34, 20, 20, 20],
    freeze: { rows: 1, cols: 1 },
    merges: [],
    notes: [],
    rows: async (emit) => {
      await emit((['unit', 'line', 'column', 'allocated', 'reported', 'difference'] as const).map((h) => s(t(lang, `consolidation.xlsx.head.${h}`), head)));
      for (const u of board.units) for (const d of u.differences) await emit([s(u.name), s(d.line), s(ctx.columns.has(d.column) ? columnLabel(d.column, lang, columnList) : d.column), n(d.expected), n(d.actual), n(d.actual - d.expected)]);
    },
  };
  // The consolidated annex by unit: each plan line holding merged detail, the units' shares under
  // it, and each unit's detail lines under its share (the plan's own figure on the line's row).
  const leaves = ctx.columns.leaves.map((c) => c.key);
  const bold = styles.id({ border: true, bold: true, wrap: true, v: 'center' });
  const boldNum = styles.id({ border: true, bold: true, numFmt: '#,##0' });
  const italic = styles.id({ border: true, italic: true, wrap: true, v: 'center' });
  const indent1 = styles.id({ border: true, wrap: true, v: 'center', indent: 1 });
  const indent2 = styles.id({ border: true, wrap: true, v: 'center', indent: 2 });
  const byLine = new Map<number, { unitId: number; lines: DetailLine[] }[]>();
  for (const d of ctx.unitDetails.all()) {
    if (!ctx.units.units.has(d.unitId)) continue;
    for (const l of d.lines) {
      let list = byLine.get(l.lineId);
      if (!list) byLine.set(l.lineId, (list = []));
      // A unit's lines come one after another (one detail per unit): its entry, if any, is the last.
      let entry = list[list.length - 1];
      if (entry?.unitId !== d.unitId) list.push((entry = { unitId: d.unitId, lines: [] }));
      entry.lines.push(l);
    }
  }
  const annex: SheetSpec = {
    name: t(lang, 'consolidation.xlsx.annex'),
    widths: [10, 50, ...leaves.map(() => 18)],
    freeze: { rows: 1, cols: 2 },
    merges: [],
    notes: [],
    rows: async (emit) => {
      await emit([s(t(lang, 'consolidation.xlsx.head.line'), head), s(t(lang, 'consolidation.col.name'), head), ...leaves.map((k) => s(columnLabel(k, lang, columnList), head))]);
      for (const { id } of ctx.calc.walk()) {
        const units = byLine.get(id);
        if (!units) continue;
        const line = ctx.calc.lines.get(id)!;
        await emit([s(line.code, bold), s(line.name, bold), ...leaves.map((k): WCell => ({ t: 'n', v: String(ctx.calc.value(id, k)), s: boldNum }))]);
        for (const u of units) {
          await emit([s('', italic), s(ctx.units.units.get(u.unitId)!.name, italic), ...leaves.map((k) => n(ctx.units.share(u.unitId, id, k) ?? 0))]);
          for (const d of u.lines) await emit([s(d.code), s(d.name, d.parentSeq === null ? indent1 : indent2), ...leaves.map((k) => n(d.values[k] ?? 0))]);
        }
      }
    },
  };
  try {
    await writeAtomic(out, (tmp) => writeWorkbook(tmp, [units, diffs, annex], styles));
  } catch (e) {
    if (e instanceof ImportError || e instanceof PlanDeskError) throw e;
    throw new ImportError('excel.error.write_failed', { file: path.basename(out) }, { cause: e });
  }
}
