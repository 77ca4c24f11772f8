// Bench cases of issue 6, editing (engine side, through PlanSession.handle): a paste of 10.000 × 6
// cells into a 100.000-line plan — applied, totals and findings updated, saved — and its undo;
// the same block written with text fields through 'edit/write'; and parsing the clipboard text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { parseTsv } from '../../shared/clipboard/tsv';
import { planPaste, type PasteColumn } from '../../shared/clipboard/paste';
import { formatAmount } from '../../shared/number';
import { generatePlan } from '../../shared/rules/bench-plan';

type Row = { case: string; value: number; unit: string; target?: string; ok?: boolean; libreoffice?: number };

const ms = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/** Six display columns starting at NSTW ĐTPT: five entries and the NSĐP total between them. */
const COLUMNS = ['central_investment', 'central_recurrent', 'local', 'local_investment', 'local_recurrent', 'other'];
const ROWS = 10_000;

export async function benchEditing(report: (row: Row) => void, dir?: string): Promise<void> {
  const work = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-bench-editing-'));
  const file = path.join(work, 'editing-100k.plandesk');
  fs.rmSync(file, { force: true });
  createCycleFile(file, generatePlan(100_000, 11));
  const s = PlanSession.open(file);
  try {
    // The 10.000 consecutive lines of the table from line 40.000 on, as a person selects them.
    const rows = s.snapshot().rows.slice(40_000, 40_000 + ROWS);
    const text = rows
      .map((r, i) => COLUMNS.map((c, j) => formatAmount(((i * 7 + j * 13) % 5000) * 1_000_000 + 100_000, 'trieu')).join('\t'))
      .join('\r\n');
    const cols: PasteColumn[] = COLUMNS.map((key) => ({ kind: 'amount', key, isLeaf: key !== 'local' }));
    let changes: ReturnType<typeof planPaste>['amounts'] = [];
    const parse = ms(() => {
      const plan = planPaste(parseTsv(text), rows, cols, { unit: 'trieu', locale: 'vi-VN' });
      changes = plan.amounts;
    });
    report({ case: 'editing: parse + plan a pasted 10.000 × 6 block (vi-VN text)', value: parse, unit: 'ms' });

    const paste = ms(() => s.handle('cells/set', { changes }));
    report({ case: 'editing: paste 10.000 × 6 cells into 100.000 lines (cells/set), applied + totals + findings + saved', value: paste, unit: 'ms', target: '< 1000 ms', ok: paste < 1000 });
    const undo = ms(() => s.handle('undo', {}));
    report({ case: 'editing: undo that paste', value: undo, unit: 'ms', target: '< 1000 ms', ok: undo < 1000 });
    const redo = ms(() => s.handle('redo', {}));
    report({ case: 'editing: redo that paste', value: redo, unit: 'ms', target: '< 1000 ms', ok: redo < 1000 });

    const fields = rows.map((r, i) => ({ lineId: r.id, fields: { agency: `Đơn vị ${i}` } }));
    const write = ms(() => s.handle('edit/write', { amounts: changes, fields, label: 'paste' }));
    report({ case: 'editing: paste 10.000 rows of 6 amounts + 1 text column (edit/write)', value: write, unit: 'ms', target: '< 1000 ms', ok: write < 1000 });
    const undoWrite = ms(() => s.handle('undo', {}));
    report({ case: 'editing: undo that paste', value: undoWrite, unit: 'ms', target: '< 1000 ms', ok: undoWrite < 1000 });

    const leaf = rows.find((r) => !r.hasChildren)!;
    const indent = ms(() => s.handle('lines/insert', { anchor: leaf.id, where: 'below' }));
    report({ case: 'editing: insert a line into 100.000 lines (renumbered, totals + findings rebuilt)', value: indent, unit: 'ms' });
  } finally {
    s.close();
    if (!dir) fs.rmSync(work, { recursive: true, force: true });
  }
}
