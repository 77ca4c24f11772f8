// A unit's merged detail follows its unit (issue 16): deleting the unit removes its detail in the
// same undo step (undo brings it back, nothing hidden stays in the file); merging A into B carries
// A's detail onto B, combined with B's own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UnitDetail } from '../../../shared/consolidation/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';

async function planWithTwoUnits() {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  const a = (await s.handle('units/add', { name: 'UBND huyện Krông Nô', kind: 'district' })).unitId;
  const b = (await s.handle('units/add', { name: 'UBND huyện Cư Jút', kind: 'district' })).unitId;
  const line = [...s.calc.lines.values()].find((l) => l.code === '2')!.id;
  return { file, s, a, b, line };
}

function detail(unitId: number, line: number, file: string, values: number[]): UnitDetail {
  const lines = values.map((v, i) => ({ seq: i, parentSeq: null, lineId: line, code: '-', name: `${file} ${i}`, values: { local_recurrent: v } }));
  return { unitId, file, received: '2026-12-01T00:00:00.000Z', reported: { [line]: { local_recurrent: values.reduce((x, y) => x + y, 0) } }, lines };
}

describe('a unit’s merged detail follows its unit', () => {
  it('deleting the unit removes its detail in the same step; undo brings it back', async () => {
    const { file, s, a, line } = await planWithTwoUnits();
    const d = detail(a, line, 'krong-no.xlsx', [100, 200]);
    s.commit('detail', [{ t: 'unit_detail', unitId: a, old: null, new: d }], null);
    await s.handle('units/delete', { unitIds: [a] });
    expect(s.unitDetails.get(a)).toBeUndefined();
    s.close();
    const r = PlanSession.open(file);
    expect(r.unitDetails.size).toBe(0); // nothing left in the file either
    r.undo();
    expect(r.unitDetails.get(a)).toEqual(d);
    expect(r.units.units.has(a)).toBe(true);
    r.close();
  });

  it('merging A into B without detail of its own moves A’s detail onto B', async () => {
    const { s, a, b, line } = await planWithTwoUnits();
    const d = detail(a, line, 'krong-no.xlsx', [100, 200]);
    s.commit('detail', [{ t: 'unit_detail', unitId: a, old: null, new: d }], null);
    await s.handle('units/merge', { from: a, into: b });
    expect(s.unitDetails.get(a)).toBeUndefined();
    expect(s.unitDetails.get(b)).toEqual({ ...d, unitId: b });
    s.undo();
    expect(s.unitDetails.get(a)).toEqual(d);
    expect(s.unitDetails.get(b)).toBeUndefined();
    s.close();
  });

  it('merging A into B that has its own detail keeps B’s lines and adds A’s after them, figures summed', async () => {
    const { file, s, a, b, line } = await planWithTwoUnits();
    const da = detail(a, line, 'krong-no.xlsx', [100, 200]);
    const db = { ...detail(b, line, 'cu-jut.xlsx', [50]), received: '2026-12-03T00:00:00.000Z' };
    // A's second line is a child of its first: the sub-tree survives the renumbering.
    da.lines[1] = { ...da.lines[1], parentSeq: 0 };
    s.commit('detail', [{ t: 'unit_detail', unitId: a, old: null, new: da }, { t: 'unit_detail', unitId: b, old: null, new: db }], null);
    await s.handle('units/merge', { from: a, into: b });
    s.close();
    const r = PlanSession.open(file);
    const got = r.unitDetails.get(b)!;
    expect(r.unitDetails.get(a)).toBeUndefined();
    expect(got.file).toBe('cu-jut.xlsx + krong-no.xlsx');
    expect(got.received).toBe('2026-12-03T00:00:00.000Z');
    expect(got.reported[line]).toEqual({ local_recurrent: 350 });
    expect(got.lines.map((l) => [l.seq, l.parentSeq, l.name])).toEqual([
      [0, null, 'cu-jut.xlsx 0'],
      [1, null, 'krong-no.xlsx 0'],
      [2, 1, 'krong-no.xlsx 1'],
    ]);
    r.undo();
    expect(r.unitDetails.get(b)).toEqual(db);
    expect(r.unitDetails.get(a)).toEqual(da);
    r.close();
  });
});
