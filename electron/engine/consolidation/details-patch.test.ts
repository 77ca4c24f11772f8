// Patch.details (issue 16): a patch names the units whose merged detail it changed, so the window's
// views of the detail (the allocation view's ▸ rows) re-read the board only then — not after every
// plan edit or share typed, which at 3.300 units cost a board of more than a second each time.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';

const SAMPLE_ANNEX = path.join(__dirname, '../../../../shared/samples/allocation-example.xlsx');
const FIX = path.join(__dirname, '../../../test/fixtures/consolidation');
const M = 1_000_000;

async function allocatedPlan(): Promise<PlanSession> {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  await s.handle('allocio/import', { path: SAMPLE_ANNEX });
  return s;
}

const unitId = (s: PlanSession, name: string) => [...s.units.units.values()].find((u) => u.name === name)!.id;
const lineOf = (s: PlanSession, code: string) => [...s.calc.lines.values()].find((l) => l.code === code)!.id;

describe('a patch names the units whose merged detail it changed', () => {
  it('a consolidation merge, its undo and redo, a removal and a deleted line flag them; a plan edit and a typed share do not', async () => {
    const s = await allocatedPlan();
    const kn = unitId(s, 'UBND huyện Krông Nô');
    const dir = tempDir();
    fs.copyFileSync(path.join(FIX, 'krong-no-chi-tiet.xlsx'), path.join(dir, 'krong-no-chi-tiet.xlsx'));

    const merged = await s.handle('consolidation/run', { paths: [dir], acceptMismatch: false, dryRun: false });
    expect(merged.files.map((f) => f.status)).toEqual(['merged']);
    expect(merged.details).toEqual([kn]);

    // Everyday edits: a plan figure, a unit's share — the detail is as it was.
    const leaf = s.snapshot().rows.find((r) => !r.hasChildren)!;
    const planEdit = await s.handle('cell/set', { lineId: leaf.id, column: 'central_recurrent', value: 123 * M });
    expect(planEdit.details).toBeUndefined();
    const line2 = lineOf(s, '2');
    const share = await s.handle('units/setShares', { cells: [{ unitId: unitId(s, 'UBND huyện Tuy Đức'), lineId: line2, column: 'local_recurrent', value: 5 * M }] });
    expect(share.units?.shares.length).toBe(1);
    expect(share.details).toBeUndefined();
    expect(s.undo().details).toBeUndefined();
    expect(s.undo().details).toBeUndefined();

    // Undoing the merge takes the detail away again; redo brings it back.
    expect(s.undo().details).toEqual([kn]);
    expect(s.unitDetails.get(kn)).toBeUndefined();
    expect(s.redo().details).toEqual([kn]);

    // The lines the detail refines deleted: its rows are no longer shown (and come back with undo).
    const refined = new Set(s.unitDetails.get(kn)!.lines.map((l) => l.lineId));
    const gone = await s.handle('lines/delete', { lineIds: [...refined].filter((id) => s.calc.lines.has(id)) });
    expect(gone.details).toEqual([kn]);
    expect(s.undo().details).toEqual([kn]);

    const removed = await s.handle('consolidation/remove', { unitId: kn });
    expect(removed.details).toEqual([kn]);
    s.close();
  });
});
