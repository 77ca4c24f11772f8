// The consolidation board written to xlsx (issue 16): the list an officer phones through — every
// unit with its status, file, date received, totals beside its allocation; then each difference by
// line and column. Amounts in đồng (exact integers). Through the one write check, written atomically.
import path from 'node:path';
import type { Board } from '../../../shared/commands/consolidation';
import { columnLabel } from '../../../shared/column-labels';
import { t, type Lang } from '../../../shared/i18n';
import type { SessionContext } from '../context';
import { ImportError } from '../excel/errors';
import { StyleRegistry, writeWorkbook, type SheetSpec, type WCell } from '../excel/xlsx-writer';
import { PlanDeskError } from '../errors';
import { checkWriteTarget } from '../safety/write-target';
import { writeAtomic } from '../store/atomic-write';

const STATUS_KEY = { ok: 'consolidation.status.ok', mismatch: 'consolidation.status.mismatch', missing: 'consolidation.status.missing', refused: 'consolidation.status.refused' } as const;

export async function writeBoardXlsx(out: string, board: Board, ctx: Pick<SessionContext, 'columns'>, lang: Lang = 'vi'): Promise<void> {
  checkWriteTarget(out, 'document');
  const styles = new StyleRegistry('Times New Roman', 12);
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
        await emit([n(++i), s(u.name), s(t(lang, STATUS_KEY[u.status])), s(u.file ?? ''), s(u.received ? u.received.slice(0, 10) : ''), n(alloc), n(rep), n(rep - alloc), n(u.differences.length)]);
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
      for (const u of board.units) for (const d of u.differences) await emit([s(u.name), s(d.line), s(ctx.columns.has(d.column) ? columnLabel(d.column, lang, [...ctx.columns.columns]) : d.column), n(d.expected), n(d.actual), n(d.actual - d.expected)]);
    },
  };
  try {
    await writeAtomic(out, (tmp) => writeWorkbook(tmp, [units, diffs], styles));
  } catch (e) {
    if (e instanceof ImportError || e instanceof PlanDeskError) throw e;
    throw new ImportError('excel.error.write_failed', { file: path.basename(out) }, { cause: e });
  }
}
