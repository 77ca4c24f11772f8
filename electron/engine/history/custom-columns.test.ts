// Revisions, comparisons and next year's cycle on plans whose funding-column trees differ (issue 13):
// each side is read with its own tree, so a column one side has and the other not is compared as
// figures that appeared or went, and a new cycle takes the plan's own columns.
import path from 'node:path';
import type { CommandName, CommandResults } from '../../../shared/ipc';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { Workspace } from '../workspace';

const M = 1_000_000;
const CREDIT = 'von_tin_dung_chinh_sach';

async function ok<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<CommandResults[K]> {
  const r = await ws.handle(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

const lineId = (ws: Workspace, code: string) => ws.session!.snapshot().rows.find((r) => r.code === code)!.id;

/** The sample with a policy-credit column holding 74.500 triệu on line 3.1. */
async function withCredit() {
  const dir = tempDir();
  const file = path.join(dir, 'ke-hoach-2027.plandesk');
  createCycleFile(file, sampleCycle());
  const ws = new Workspace();
  ws.open(file);
  await ok(ws, 'columns/add', { parent: 'total', position: 2, label: { vi: 'Vốn tín dụng chính sách', en: 'Policy credit' }, source: 'other', capital: null });
  await ok(ws, 'cell/set', { lineId: lineId(ws, '3.1'), column: CREDIT, value: 74_500 * M });
  return { dir, file, ws };
}

describe('a custom column through revisions and comparisons', () => {
  it('a revision keeps its own tree: compared with the plan after the column was deleted, the figure went', async () => {
    const { ws } = await withCredit();
    const rev = (await ok(ws, 'history/createRevision', { name: 'Có vốn tín dụng' })).revision;
    await ok(ws, 'columns/delete', { key: CREDIT });
    const r = await ok(ws, 'history/compare', { a: { kind: 'revision', id: rev.id }, b: { kind: 'current' } });
    expect(r.columns.map((c) => c.key)).toContain(CREDIT);
    expect(r.totals[CREDIT]).toEqual({ old: 74_500 * M, new: 0 });
    const row = r.rows.find((x) => x.code === '3.1')!;
    expect(row.status).toBe('changed');
    expect(row.cells[CREDIT]).toEqual({ old: 74_500 * M, new: 0 });
    const totalNow = row.cells.total.new ?? 0;
    expect(row.cells.total).toEqual({ old: totalNow + 74_500 * M, new: totalNow });
    ws.close();
  });

  it('two files with different trees: the column only one has is listed and compared', async () => {
    const { ws, dir } = await withCredit();
    const plain = path.join(dir, 'ke-hoach-2024.plandesk');
    createCycleFile(plain, sampleCycle());
    const r = await ok(ws, 'history/compare', { a: { kind: 'file', path: plain }, b: { kind: 'current' } });
    expect(r.columns.map((c) => c.key)).toEqual([
      'total', 'central', 'central_investment', 'central_recurrent', 'local', 'local_investment', 'local_recurrent', CREDIT, 'other',
    ]);
    expect(r.totals[CREDIT]).toEqual({ old: 0, new: 74_500 * M });
    expect(r.rows.find((x) => x.code === '3.1')!.cells[CREDIT]).toEqual({ old: 0, new: 74_500 * M });
    ws.close();
  });

  it("next year's cycle takes the plan's own column tree and its figures", async () => {
    const { ws, dir } = await withCredit();
    const next = path.join(dir, 'ke-hoach-2028.plandesk');
    await ok(ws, 'history/newCycle', { path: next, year: 2028, keepAmounts: true });
    ws.close();
    const s = PlanSession.open(next, { readOnly: true });
    expect(s.columns.ordered.map((c) => c.key)).toContain(CREDIT);
    expect(s.columns.byKey.get(CREDIT)).toMatchObject({ parent: 'total', label: { vi: 'Vốn tín dụng chính sách' }, source: 'other' });
    expect(s.snapshot().totals[CREDIT]).toBe(74_500 * M);
    s.close();
  });
});
