// The writer's multi-row path for amounts (actions.ts: a step's amounts written 100 at a time):
// what the file holds after a big step — sets and clears of many columns, the same cell twice,
// amounts around other actions — is exactly what the session holds, after undo and redo too.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../test/support/bench-plan';
import { tempDir } from '../../test/support/tmp';
import type { DocAction } from './actions';
import { PlanSession } from './session';
import { createCycleFile } from './store/cycle-file';

const M = 1_000_000;

describe('amounts written in batches', () => {
  it('a big step of amounts leaves the file exactly as the session, through undo and redo', () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, generatePlan(120, 3));
    const s = PlanSession.open(file);
    const all = [...s.calc.lines.values()];
    const leaves = all.filter((l) => !all.some((c) => c.parentId === l.id));
    const cols = s.columns.leaves.map((c) => c.key);
    const cells = leaves.flatMap((l) => cols.map((column) => ({ lineId: l.id, column })));
    expect(cells.length).toBeGreaterThan(210);
    const stored = () => (s.db.prepare('SELECT line_id, column_key, value FROM amounts ORDER BY line_id, column_key').raw().all() as [number, string, number][]);
    const memory = () => s.calc.amountList().map((a) => [a.lineId, a.column, a.value] as [number, string, number]).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const before = stored();
    const value = (lineId: number, column: string) => s.calc.amountList().find((a) => a.lineId === lineId && a.column === column)?.value ?? null;
    // Sets over every leaf cell, a note in the middle, then clears column by column, then one cell set twice.
    const sets: DocAction[] = cells.map((c, i) => ({ t: 'amount', ...c, old: value(c.lineId, c.column), new: (i + 1) * M }));
    const note: DocAction = { t: 'fields', lineId: leaves[0]!.id, old: { note: leaves[0]!.note }, new: { note: 'ghi chú' } };
    s.commit('sets', [...sets.slice(0, 130), note, ...sets.slice(130)], null);
    expect(stored()).toEqual(memory());
    const byColumn = [...cells].sort((a, b) => (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
    const clears: DocAction[] = byColumn.slice(0, 210).map((c) => ({ t: 'amount', ...c, old: value(c.lineId, c.column), new: null }));
    const c0 = byColumn[0]!;
    s.commit('clears', [...clears, { t: 'amount', ...c0, old: null, new: 5 * M }, { t: 'amount', ...c0, old: 5 * M, new: 7 * M }], null);
    expect(stored()).toEqual(memory());
    const afterClears = stored();
    expect(afterClears.find(([l, c]) => l === c0.lineId && c === c0.column)?.[2]).toBe(7 * M);
    s.undo();
    expect(stored()).toEqual(memory());
    s.undo();
    expect(stored()).toEqual(memory());
    expect(stored()).toEqual(before);
    s.redo();
    s.redo();
    expect(stored()).toEqual(afterClears);
    s.close();
    const again = PlanSession.open(file);
    expect(again.calc.amountList().length).toBe(afterClears.length);
    again.close();
  });
});
